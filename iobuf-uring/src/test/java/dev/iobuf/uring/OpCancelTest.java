package dev.iobuf.uring;

import static dev.iobuf.liburing.LibUring.IORING_ASYNC_CANCEL_ALL;
import static dev.iobuf.uring.RingTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** Cancelling blocked pipe reads by user_data and by fd, and racing a cancel against arriving data. */
class OpCancelTest {

    private static Map<Long, Integer> complete(Ring r, int n) {
        Map<Long, Integer> res = new HashMap<>();
        while (res.size() < n) {
            r.submitAndWait(1);
            r.reap((u, x, f) -> res.put(u, x));
        }
        return res;
    }

    @Test
    void cancelByUserDataCancelsTheBlockedRead() {
        int[] p = pipe(0);
        try (Ring r = ring(8); Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(16);
            r.nextSqe().readUnsafe(p[0], buf, -1).userData(7);
            r.submit();
            assertThat(r.inFlight()).isEqualTo(1);
            r.nextSqe().cancel(7, 0).userData(8);
            Map<Long, Integer> res = complete(r, 2);
            assertThat(res).containsEntry(7L, -ECANCELED).containsEntry(8L, 0);
            r.nextSqe().cancel(7, 0).userData(9);
            assertThat(complete(r, 1)).containsEntry(9L, -ENOENT);
            assertThat(r.inFlight()).isZero();
        } finally {
            close(p[0], p[1]);
        }
    }

    @Test
    void cancelByFdCancelsEveryRequestOnIt() {
        KernelSkip.requireKernel("5.19", "IORING_ASYNC_CANCEL_FD and IORING_ASYNC_CANCEL_ALL");
        int[] p = pipe(0);
        int[] q = pipe(0);
        try (Ring r = ring(8); Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(64);
            r.nextSqe().readUnsafe(p[0], buf.asSlice(0, 16), -1).userData(1);
            r.nextSqe().readUnsafe(p[0], buf.asSlice(16, 16), -1).userData(2);
            r.nextSqe().readUnsafe(q[0], buf.asSlice(32, 16), -1).userData(3);   // other fd: untouched
            r.submit();
            r.nextSqe().cancelFd(p[0], IORING_ASYNC_CANCEL_ALL()).userData(4);
            Map<Long, Integer> res = complete(r, 3);
            assertThat(res).containsEntry(1L, -ECANCELED).containsEntry(2L, -ECANCELED).containsEntry(4L, 2);
            assertThat(r.inFlight()).isEqualTo(1);
            write(q[1], arena.allocateFrom("q"), 1);
            assertThat(complete(r, 1)).containsEntry(3L, 1);
        } finally {
            close(p[0], p[1], q[0], q[1]);
        }
    }

    /**
     * Data and a cancel race for a blocked read, many times. Each round ends one of two ways, never
     * both and never neither: the read got the byte and the cancel found nothing to cancel (-ENOENT or
     * -EALREADY), or the read was cancelled (-ECANCELED), the cancel says 0, and the byte is still in
     * the pipe.
     */
    @Test
    void cancelRacingArrivingDataIsExactlyOneOrTheOther() throws Exception {
        int[] p = pipe(0);
        int rounds = 300;
        CountDownLatch go = new CountDownLatch(1);
        java.util.concurrent.Semaphore writeNow = new java.util.concurrent.Semaphore(0);
        Thread writer = new Thread(() -> {
            try (Arena a = Arena.ofConfined()) {
                MemorySegment one = a.allocateFrom("x");
                go.await();
                for (int i = 0; i < rounds; i++) {
                    writeNow.acquire();
                    LockSupport.parkNanos(ThreadLocalRandom.current().nextInt(20_000));
                    write(p[1], one, 1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "racing-writer");
        writer.start();
        int readWon = 0;
        int cancelWon = 0;
        try (Ring r = ring(8); Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(4);
            go.countDown();
            for (int i = 0; i < rounds; i++) {
                r.nextSqe().readUnsafe(p[0], buf, -1).userData(1);
                r.submit();
                writeNow.release();
                LockSupport.parkNanos(ThreadLocalRandom.current().nextInt(20_000));
                r.nextSqe().cancel(1, 0).userData(2);
                Map<Long, Integer> res = complete(r, 2);
                int read = res.get(1L);
                int cancel = res.get(2L);
                if (read == 1) {
                    assertThat(cancel).as("round %d: read won, cancel must find nothing", i).isIn(-ENOENT, -EALREADY);
                    readWon++;
                } else {
                    assertThat(read).as("round %d", i).isEqualTo(-ECANCELED);
                    assertThat(cancel).as("round %d: cancel won", i).isZero();
                    // The byte was not consumed by the cancelled read: it is still there (or arrives now).
                    assertThat(waitRead(p[0], buf)).as("round %d: the byte survives the cancelled read", i).isEqualTo(1);
                    cancelWon++;
                }
                assertThat(r.inFlight()).isZero();
            }
        } finally {
            writer.join(TimeUnit.SECONDS.toMillis(10));
            close(p[0], p[1]);
        }
        assertThat(readWon + cancelWon).isEqualTo(rounds);
        System.out.println("cancel race: read won " + readWon + ", cancel won " + cancelWon + " of " + rounds);
    }

    private static long waitRead(int fd, MemorySegment buf) {
        return read(fd, buf, 1);   // blocking read: the writer writes one byte per round
    }
}
