package dev.iobuf.uring;

import static dev.iobuf.uring.RingTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** close(): in-flight operations are cancelled and awaited; every later use is an IllegalStateException. */
class RingCloseTest {
    private static final long PROMPT_NANOS = 2_000_000_000L;

    @Test
    void everyUseAfterCloseIsIllegalState() {
        Ring r = ring(8);
        Sqe kept = r.nextSqe().nop();
        CompletionCursor cursor = r.completions();
        r.close();
        r.close();   // idempotent
        assertThatThrownBy(r::nextSqe).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(r::submit).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> r.submitAndWait(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> r.reap((u, x, f) -> { })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(r::cqReady).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(r::completions).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(r::probe).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(r::fd).isInstanceOf(IllegalStateException.class);
        // Views taken before close: the SQE flyweight and the cursor.
        assertThatThrownBy(() -> kept.userData(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> kept.timeout(Duration.ofMillis(1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(cursor::next).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(cursor::advance).isInstanceOf(IllegalStateException.class);
        assertThat(r.toString()).contains("closed");
    }

    @Test
    void closeCancelsABlockedReadAndDeliversItsCompletion() {
        KernelSkip.requireKernel("5.19", "IORING_ASYNC_CANCEL_ANY, which close cancels with");
        int[] p = pipe(0);
        try (Arena arena = Arena.ofConfined()) {
            Ring r = ring(8);
            MemorySegment buf = arena.allocate(16);
            r.nextSqe().readUnsafe(p[0], buf, -1).userData(42);
            r.nextSqe().timeout(Duration.ofHours(1)).userData(43);
            r.submit();
            r.nextSqe().nop().userData(44);   // prepared, never submitted: dropped by close
            assertThat(r.inFlight()).isEqualTo(2);
            Map<Long, Integer> last = new HashMap<>();
            long start = System.nanoTime();
            r.close((u, x, f) -> last.put(u, x));
            assertThat(System.nanoTime() - start).isLessThan(PROMPT_NANOS);
            assertThat(last).containsOnly(Map.entry(42L, -ECANCELED), Map.entry(43L, -ECANCELED));
            assertThat(r.inFlight()).isZero();
        } finally {
            close(p[0], p[1]);
        }
    }

    @Test
    void closeDoesNotWaitForSkipSuccessOperationsThatPostNothing() {
        KernelSkip.requireKernel("5.19", "IORING_ASYNC_CANCEL_ANY, which close cancels with");
        int[] p = pipe(0);
        try (Arena arena = Arena.ofConfined()) {
            Ring r = ring(16);
            for (int i = 0; i < 10; i++) {
                r.nextSqe().nop().skipSuccess().userData(i);
            }
            MemorySegment buf = arena.allocate(16);
            r.nextSqe().readUnsafe(p[0], buf, -1).skipSuccess().userData(100);   // blocks; its cancel will post
            r.submit();
            assertThat(r.skipSuccessSubmitted()).isEqualTo(11);
            assertThat(r.inFlight()).isZero();
            Map<Long, Integer> last = new HashMap<>();
            long start = System.nanoTime();
            r.close((u, x, f) -> last.put(u, x));
            assertThat(System.nanoTime() - start).as("close must not wait for CQEs that never come")
                    .isLessThan(PROMPT_NANOS);
            assertThat(last).containsOnly(Map.entry(100L, -ECANCELED));
        } finally {
            close(p[0], p[1]);
        }
    }

    /**
     * Off the owner thread of a SINGLE_ISSUER ring the kernel refuses to cancel anything (EEXIST, even
     * after the owner exited). close still returns promptly and safely; the kernel's teardown of the ring
     * (unmap + close, the owner's ring fd registration having ended with it) cancels the read: a byte
     * written afterwards stays in the pipe and the read's buffer is never touched.
     */
    @Test
    void closeFromAnotherThreadAfterTheOwnerEndedLeavesCancellationToTeardown() throws Exception {
        ring(() -> Ring.builder().entries(2).singleIssuer(true).build()).close();   // skips before SINGLE_ISSUER (6.0)
        int[] p = pipe(O_NONBLOCK);
        try (Arena arena = Arena.ofShared()) {
            MemorySegment buf = arena.allocate(16);
            AtomicReference<Ring> built = new AtomicReference<>();
            AtomicReference<java.nio.file.Path> task = new AtomicReference<>();
            Thread owner = new Thread(() -> {
                Ring r = ring(() -> Ring.builder().entries(8).singleIssuer(true).build());
                r.nextSqe().readUnsafe(p[0], buf, -1).userData(5);
                r.submit();
                built.set(r);
                try {
                    task.set(java.nio.file.Path.of("/proc/self/task",
                            java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/thread-self"))
                                    .getFileName().toString()));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, "short-lived-owner");
            owner.start();
            owner.join();
            // Thread.join returns when the Java thread is done; the OS thread exits a moment later.
            long gone = System.nanoTime() + PROMPT_NANOS;
            while (java.nio.file.Files.exists(task.get()) && System.nanoTime() < gone) {
                Thread.sleep(1);
            }
            Ring r = built.get();
            assertThat(r.has(SetupFlag.SINGLE_ISSUER)).isTrue();
            assertThat(r.inFlight()).isEqualTo(1);
            Map<Long, Integer> last = new HashMap<>();
            long start = System.nanoTime();
            r.close((u, x, f) -> last.put(u, x));
            assertThat(System.nanoTime() - start).isLessThan(PROMPT_NANOS);
            assertThat(last).as("no completion can be seen: the kernel refused the cancel").isEmpty();
            assertThatThrownBy(r::nextSqe).isInstanceOf(IllegalStateException.class);

            Thread.sleep(1_000);   // the teardown runs in a kernel work item (microseconds, unless the machine is loaded)
            MemorySegment mine = arena.allocate(4);
            write(p[1], arena.allocateFrom("z"), 1);
            assertThat(read(p[0], mine, 1)).as("the byte stays in the pipe: the read was cancelled").isEqualTo(1);
            assertThat(buf.get(java.lang.foreign.ValueLayout.JAVA_BYTE, 0)).isZero();
        } finally {
            close(p[0], p[1]);
        }
    }

    @Test
    void closeFromAnotherThreadCancelsWhenTheRingIsNotSingleIssuer() throws Exception {
        KernelSkip.requireKernel("5.19", "IORING_ASYNC_CANCEL_ANY, which close cancels with");
        int[] p = pipe(0);
        try (Arena arena = Arena.ofShared()) {
            Ring r = ring(() -> Ring.builder().entries(8).singleIssuer(false).build());
            MemorySegment buf = arena.allocate(16);
            r.nextSqe().readUnsafe(p[0], buf, -1).userData(6);
            r.submit();
            Map<Long, Integer> last = new HashMap<>();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            long[] took = {0};
            Thread closer = new Thread(() -> {
                long start = System.nanoTime();
                try {
                    r.close((u, x, f) -> last.put(u, x));
                } catch (Throwable t) {
                    failure.set(t);
                }
                took[0] = System.nanoTime() - start;
            }, "closer");
            closer.start();
            closer.join();
            assertThat(failure.get()).isNull();
            assertThat(took[0]).isLessThan(PROMPT_NANOS);
            assertThat(last).containsOnly(Map.entry(6L, -ECANCELED));
            assertThatThrownBy(r::nextSqe).isInstanceOf(IllegalStateException.class);
        } finally {
            close(p[0], p[1]);
        }
    }

    /**
     * The owner thread reaches ring memory unchecked (RingView), so a close from another thread while the owner
     * lives leaves the unmap (and the fd's close) to the owner: its next call unmaps and throws; a view it kept
     * refuses; an owner that never comes back releases the ring when it ends.
     */
    @Test
    void closeFromAnotherThreadLeavesTheUnmapToTheLivingOwner() throws Exception {
        Ring r = ring(() -> Ring.builder().entries(8).singleIssuer(false).build());
        int fd = r.fd();
        Sqe kept = r.nextSqe().nop();
        Thread closer = new Thread(r::close, "closer");
        closer.start();
        closer.join();
        assertThat(r.isClosed()).isTrue();
        assertThat(isRingFd(fd)).as("the owner lives: the ring stays mapped and its fd open until the owner's next call")
                .isTrue();
        assertThatThrownBy(r::nextSqe).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> kept.userData(1)).isInstanceOf(IllegalStateException.class);
        assertThat(isRingFd(fd)).as("the owner's call released the ring").isFalse();

        AtomicReference<Integer> ownerFd = new AtomicReference<>();
        AtomicReference<Ring> built = new AtomicReference<>();
        java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
        Thread owner = new Thread(() -> {
            Ring o = ring(() -> Ring.builder().entries(8).singleIssuer(false).build());
            ownerFd.set(o.fd());
            built.set(o);
            try {
                closed.await();   // never touches the ring again, and ends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "owner-that-ends");
        owner.start();
        while (built.get() == null) {
            Thread.sleep(1);
        }
        built.get().close();
        assertThat(isRingFd(ownerFd.get())).isTrue();
        closed.countDown();
        owner.join();
        long gone = System.nanoTime() + PROMPT_NANOS;
        while (isRingFd(ownerFd.get()) && System.nanoTime() < gone) {
            Thread.sleep(1);
        }
        assertThat(isRingFd(ownerFd.get())).as("released once the owner ended").isFalse();
    }

    /** Whether {@code fd} is open on an io_uring instance in this process. */
    private static boolean isRingFd(int fd) {
        try {
            return java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/" + fd)).toString()
                    .contains("io_uring");
        } catch (java.io.IOException e) {
            return false;   // no such fd
        }
    }

    @Test
    void closeUnregistersTheRingFdSoRingsDoNotOutliveClose() {
        // A registered ring fd holds a reference to its ring, in a per-thread table of 16 slots. If close
        // did not drop it, every closed ring (and its memory) would live until this thread exits, and the
        // 17th registration on this thread would fail with EBUSY.
        for (int i = 0; i < 40; i++) {
            Ring r = ring(() -> Ring.builder().entries(2).registerRingFd(true).build());
            assertThat(r.isRingFdRegistered()).isTrue();
            r.close();
        }
    }
}
