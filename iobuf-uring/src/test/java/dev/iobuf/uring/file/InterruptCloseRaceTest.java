package dev.iobuf.uring.file;

import static dev.iobuf.uring.file.FileIoTestSupport.assertNothingInUse;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader blocked for good (a FIFO nobody writes) against an interrupter or a closer, 1,000 rounds:
 * every round ends (no hang) with the exception FileChannel would throw, and nothing leaks.
 */
class InterruptCloseRaceTest {
    private static final int ROUNDS = 1000;
    @TempDir
    Path dir;

    @Test
    void blockedReaderAgainstInterruptOrCloseThousandRounds() throws Exception {
        Path fifo = fifo("race");
        Random rnd = new Random(42);
        int[] outcomes = new int[3];
        try (FileIo io = FileIoTestSupport.service()) {
            for (int round = 0; round < ROUNDS; round++) {
                UringFile f = io.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE);   // O_RDWR: no open wait
                AtomicReference<Throwable> thrown = new AtomicReference<>();
                CountDownLatch started = new CountDownLatch(1);
                Thread reader = Thread.ofVirtual().start(() -> {
                    started.countDown();
                    try {
                        f.read(Arena.ofAuto().allocate(64), 0);
                        thrown.set(new AssertionError("read returned although nobody wrote"));
                    } catch (Throwable t) {
                        thrown.set(t);
                    }
                });
                started.await();
                if (rnd.nextBoolean()) {
                    Thread.sleep(0, rnd.nextInt(200_000));
                }
                boolean interrupt = rnd.nextBoolean();
                if (interrupt) {
                    reader.interrupt();
                } else {
                    f.close();
                }
                assertThat(reader.join(java.time.Duration.ofSeconds(10))).as("round " + round + " reader ended").isTrue();
                Throwable t = thrown.get();
                if (interrupt) {
                    assertThat(t).as("round " + round).isInstanceOf(ClosedByInterruptException.class);
                    assertThat(f.isOpen()).isFalse();
                    outcomes[0]++;
                } else {
                    // Closed before the read began: ClosedChannelException; while it waited: AsynchronousCloseException.
                    assertThat(t).as("round " + round).isInstanceOf(ClosedChannelException.class);
                    outcomes[t instanceof AsynchronousCloseException ? 1 : 2]++;
                }
                f.close();
            }
            assertNothingInUse(io);
        }
        assertThat(outcomes[0] + outcomes[1] + outcomes[2]).isEqualTo(ROUNDS);
        assertThat(outcomes[1]).as("closes that caught the reader blocked").isPositive();
    }

    @Test
    void closingTheServiceFailsBlockedReadersAndNeverHangs() throws Exception {
        Path fifo = fifo("svc");
        for (int round = 0; round < 50; round++) {
            FileIo io = FileIoTestSupport.service(() -> FileIo.builder().queueDepth(16).build());
            UringFile f = io.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE);
            int readers = 40;   // more than the queue depth: some wait for a slot, some are queued, some in the kernel
            CountDownLatch done = new CountDownLatch(readers);
            AtomicReference<Throwable> wrong = new AtomicReference<>();
            for (int i = 0; i < readers; i++) {
                Thread.ofVirtual().start(() -> {
                    try {
                        f.read(MemorySegment.ofArray(new byte[16]), 0);
                        wrong.set(new AssertionError("read returned"));
                    } catch (ClosedChannelException expected) {
                        // AsynchronousCloseException is one too
                    } catch (Throwable t) {
                        wrong.set(t);
                    } finally {
                        done.countDown();
                    }
                });
            }
            Thread.sleep(round % 5);
            long t0 = System.nanoTime();
            io.close();
            assertThat(done.await(20, TimeUnit.SECONDS)).as("round " + round + ": every reader returned").isTrue();
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).isLessThan(10);
            if (wrong.get() != null) {
                throw new AssertionError("round " + round + ": a reader ended wrongly", wrong.get());
            }
            assertThat(f.isOpen()).isFalse();
            assertNothingInUse(io);
        }
    }

    private Path fifo(String name) throws IOException, InterruptedException {
        Path p = dir.resolve(name);
        Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assertThat(mk.waitFor()).as("mkfifo").isZero();
        return p;
    }
}
