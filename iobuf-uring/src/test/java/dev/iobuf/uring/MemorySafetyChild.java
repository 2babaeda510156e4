package dev.iobuf.uring;

import static dev.iobuf.uring.RingTestSupport.close;
import static dev.iobuf.uring.RingTestSupport.pipe;
import static dev.iobuf.uring.RingTestSupport.write;

import dev.iobuf.BufferPool;
import dev.iobuf.BufferTier;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The holes of issue 9, each repeated in one JVM ({@link MemorySafetyTest} starts it): the memory an
 * operation uses is freed (or its owner closed) under the kernel, and a ring is closed from other threads
 * while its owner submits and waits. Each iteration checks that the close was refused or made safe, that a
 * canary region allocated after the close is never written by the kernel, and that every lease counter is
 * back at zero; at the end the fd count is back where it started. Prints {@code OK <scenario> <n>} and exits
 * 0, or prints {@code FAIL ...} and exits 1.
 */
public final class MemorySafetyChild {
    private static final int CANARY_BYTES = 64 * 1024;
    private static final byte CANARY = 0x5A;

    private MemorySafetyChild() {
    }

    public static void main(String[] args) throws Exception {
        String scenario = args[0];
        int n = Integer.parseInt(args[1]);
        try {
            run(scenario, 1);   // warm-up: the first use opens lazily made fds (the wake-up ring)
            openWakeupRing();   // ... whether or not this warm-up's timing needed it (a close that found no waiter)
            long fds = openFds();
            run(scenario, n);
            long after = openFds();
            check(after == fds, "kernel-object fds: " + fds + " before, " + after + " after");
            System.out.println("OK " + scenario + " " + n);
            System.exit(0);
        } catch (Throwable t) {
            System.out.println("FAIL " + scenario + ": " + t);
            t.printStackTrace(System.out);
            System.exit(1);
        }
    }

    private static void run(String scenario, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            switch (scenario) {
                case "pool-read" -> poolRead(i);
                case "buffer-ring" -> bufferRing();
                case "fixed-qd32" -> fixedQd32();
                case "close-race" -> closeRace();
                case "interrupt" -> interrupt();
                case "close-in-handler" -> closeInHandler();
                default -> throw new IllegalArgumentException(scenario);
            }
        }
    }

    /** Opens the process-wide ring behind {@link Ring#wakeup()} (made on first use, kept for the JVM's life). */
    private static void openWakeupRing() {
        try (Ring r = Ring.open(8)) {
            r.wakeup();
        }
    }

    /** Hole 1: a pool closed while a read into it is in flight; arena and heap segments are refused up front. */
    private static void poolRead(int i) {
        BufferPool pool = BufferPool.of(BufferTier.SMALL, 4);   // 8 KiB from malloc: freed memory is reused at once
        Ring ring = Ring.open(8);
        int[] p = pipe(0);
        try {
            ring.nextSqe().read(p[0], pool, 0, 2048, -1).userData(1);
            ring.submit();
            expectRefused(pool, "Ring[");
            int free = ring.sqSpace();
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment mine = arena.allocate(64);
                expect(IllegalArgumentException.class, () -> ring.nextSqe().read(p[0], mine, -1), "can be closed");
            }
            expect(IllegalArgumentException.class,
                    () -> ring.nextSqe().read(p[0], MemorySegment.ofArray(new byte[64]), -1), "heap segment");
            check(ring.sqSpace() == free, "a refused prep left an SQE behind");
            if (i % 2 == 0) {
                ring.close();                      // cancels the read; its lease ends once the kernel is done
            } else {
                write(p[1], Arena.ofAuto().allocate(16), 16);
                ring.submitAndWait(1);
                ring.reap((u, r, f) -> check(u == 1 && r == 16, "read result " + r));
                check(pool.heldLeases() == 0, "the completion did not release the lease");
            }
            pool.close();
            canaryStaysIntact(p[1]);
            check(pool.leaseCount() == 0 && ring.inFlightHolds() == 0, "leases left: " + pool.leaseCount());
        } finally {
            ring.close();
            close(p[0], p[1]);
        }
    }

    /** Hole 2: a buffer group's pool closed while multishot recv is armed on a busy socket. */
    private static void bufferRing() {
        BufferPool pool = BufferPool.of(BufferTier.SMALL, 16);
        Ring ring = Ring.open(32);
        int[] s = RegisteredTestIo.socketPair();
        try {
            BufferRing group = BufferRing.register(ring, 1, pool, 16);
            byte[] chunk = RegisteredTestIo.pattern(4096, 3);
            RegisteredTestIo.writeFully(s[1], chunk);
            ring.nextSqe().recvMultishot(s[0], 1, 0).userData(9);
            ring.submit();
            for (int k = 0; k < 3; k++) {
                RegisteredTestIo.writeFully(s[1], chunk);
                ring.submitAndWait(1);
                ring.reap((u, r, f) -> {
                    int bid = group.select(r, f);
                    if (bid >= 0) {
                        group.release(bid);
                    }
                });
            }
            expectRefused(pool, "BufferRing[group 1");
            RegisteredTestIo.writeFully(s[1], chunk);   // still arriving while the group is registered
            ring.close();                                // cancels the recv, unregisters, gives the buffers back
            check(group.isClosed(), "closing the ring closes the group");
            pool.close();
            canaryStaysIntact(s[1]);
            check(pool.heldLeases() == 0 && pool.leaseCount() == 0, "leases left");
        } finally {
            ring.close();
            RegisteredTestIo.close(s[0], s[1]);
        }
    }

    /** A pool closed while 32 fixed reads into it are in flight. */
    private static void fixedQd32() {
        BufferPool pool = BufferPool.of(BufferTier.SMALL, 32);
        Ring ring = Ring.open(64);
        int[] p = pipe(0);
        try {
            RegisteredBuffers fixed = RegisteredBuffers.register(ring, pool);
            for (int b = 0; b < 32; b++) {
                fixed.prepReadFixed(ring.nextSqe(), p[0], b, 2048, -1).userData(b);
            }
            ring.submit();
            check(ring.inFlight() == 32, "in flight: " + ring.inFlight());
            expectRefused(pool, "RegisteredBuffers[");
            ring.close();                                // cancels the 32 reads, unregisters, waits for the tags
            check(fixed.isClosed() && fixed.heldLeases() == 0, "table leases left: " + fixed.heldLeases());
            pool.close();
            canaryStaysIntact(p[1]);
            check(pool.heldLeases() == 0, "leases left");
        } finally {
            ring.close();
            close(p[0], p[1]);
        }
    }

    /** Hole 3: four threads close the ring at once while its owner submits and waits. */
    private static void closeRace() throws Exception {
        BufferPool pool = BufferPool.of(BufferTier.SMALL, 2);
        int[] p = pipe(0);
        AtomicReference<Ring> built = new AtomicReference<>();
        AtomicReference<Throwable> ownerEnd = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(1);
        Thread owner = new Thread(() -> {
            Ring ring = Ring.open(8);
            built.set(ring);
            try {
                ring.nextSqe().read(p[0], pool, 0, 64, -1).userData(1);   // never completes: the owner will wait
                ring.submit();
                ready.countDown();
                for (int k = 0; ; k++) {
                    ring.nextSqe().nop().userData(2);
                    ring.submitAndWait(k < 50 ? 1 : 2);            // from k = 50 on it blocks until the close
                    ring.reap((u, r, f) -> { });
                }
            } catch (Throwable t) {
                ownerEnd.set(t);
            }
        }, "owner");
        owner.start();
        check(ready.await(5, TimeUnit.SECONDS), "owner did not start");
        Ring ring = built.get();
        CountDownLatch go = new CountDownLatch(1);
        Thread[] closers = new Thread[4];
        for (int c = 0; c < closers.length; c++) {
            closers[c] = new Thread(() -> {
                try {
                    go.await();
                    ring.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "closer-" + c);
            closers[c].start();
        }
        LockSupportSleep.micros(ThreadLocalRandom.current().nextInt(2000));   // busy submitting, or waiting
        go.countDown();
        for (Thread c : closers) {
            c.join(10_000);
            check(!c.isAlive(), c.getName() + " hangs in close()");
        }
        owner.join(10_000);
        check(!owner.isAlive(), "the owner hangs in its wait after the close");
        check(ownerEnd.get() instanceof IllegalStateException, "owner ended with " + ownerEnd.get());
        check(ring.isClosed(), "ring not closed");
        check(pool.heldLeases() == 0, "the owner's read still holds the pool: " + pool.leaseCount());
        pool.close();
        canaryStaysIntact(p[1]);
        close(p[0], p[1]);
    }

    /**
     * The owner reaches ring memory unchecked (RingView): a completion handler that closes the ring while more
     * completions are ready, a kept SQE view and a kept cursor used after that, and an owner that goes on using
     * a ring another thread closed, must each end in an IllegalStateException, never a stray access.
     */
    private static void closeInHandler() throws Exception {
        Ring ring = Ring.open(8);
        for (int k = 0; k < 8; k++) {
            ring.nextSqe().nop().userData(k);
        }
        ring.submitAndWait(8);
        Sqe kept = ring.nextSqe().nop();
        CompletionCursor cursor = ring.completions();
        int[] seen = {0};
        expect(IllegalStateException.class, () -> ring.reap((u, r, f) -> {
            seen[0]++;
            ring.close();                                  // 7 more completions are ready in the unmapped CQ
        }), "closed");
        check(seen[0] == 1, "the handler ran " + seen[0] + " times after closing the ring");
        expect(IllegalStateException.class, () -> kept.userData(1), "");
        expect(IllegalStateException.class, cursor::next, "closed");
        expect(IllegalStateException.class, () -> ring.reap((u, r, f) -> { }), "closed");

        Ring other = Ring.builder().entries(8).singleIssuer(false).build();
        Sqe view = other.nextSqe().nop();
        Thread closer = new Thread(other::close, "closer");
        closer.start();
        closer.join();
        view.userData(3);                                  // still mapped: the unmap waits for this owner's next call
        expect(IllegalStateException.class, other::submit, "closed");
        expect(IllegalStateException.class, () -> view.userData(4), "");
    }

    /** A blocked owner is interrupted out of its wait. */
    private static void interrupt() throws Exception {
        AtomicReference<Throwable> end = new AtomicReference<>();
        CountDownLatch waiting = new CountDownLatch(1);
        Thread owner = new Thread(() -> {
            try (Ring ring = Ring.open(4)) {
                ring.nextSqe().timeout(java.time.Duration.ofHours(1)).userData(1);
                waiting.countDown();
                ring.submitAndWait(1);
            } catch (Throwable t) {
                end.set(t);
            }
        }, "waiting-owner");
        owner.start();
        check(waiting.await(5, TimeUnit.SECONDS), "owner did not start");
        owner.interrupt();
        owner.join(5_000);
        check(!owner.isAlive(), "an interrupted owner stays in its wait");
        check(end.get() instanceof RingWaitInterruptedException, "owner ended with " + end.get());
    }

    /** Frees are over: memory allocated now must never be written by the kernel, whatever arrives on {@code fd}. */
    private static void canaryStaysIntact(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment canary = arena.allocate(CANARY_BYTES);
            canary.fill(CANARY);
            MemorySegment data = arena.allocate(4096);
            data.fill((byte) 0x11);
            write(fd, data, data.byteSize());
            LockSupportSleep.micros(500);
            for (long at = 0; at < CANARY_BYTES; at += 8) {
                check(canary.get(ValueLayout.JAVA_LONG_UNALIGNED, at) == 0x5A5A_5A5A_5A5A_5A5AL,
                        "the canary was written at byte " + at + " after the close");
            }
        }
    }

    private static void expectRefused(BufferPool pool, String holder) {
        try {
            pool.close();
        } catch (IllegalStateException e) {
            check(e.getMessage().contains(holder), "refusal does not name " + holder + ": " + e.getMessage());
            check(!pool.isClosed(), "a refused close closed the pool");
            return;
        }
        throw new AssertionError("the pool closed while the kernel may still write into it (holder " + holder + ")");
    }

    private static void expect(Class<? extends RuntimeException> type, Runnable r, String text) {
        try {
            r.run();
        } catch (RuntimeException e) {
            check(type.isInstance(e) && e.getMessage().contains(text), "expected " + type.getSimpleName() + " with '"
                    + text + "', got " + e);
            return;
        }
        throw new AssertionError("expected " + type.getSimpleName() + " with '" + text + "'");
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }

    /**
     * The fds of kernel objects (rings, pipes, eventfds, sockets): what a scenario could leak. Fds of
     * files are left out: the JVM opens a jar or a shared archive lazily when a rare path first loads a
     * class from it, and keeps it open.
     */
    private static long openFds() throws java.io.IOException {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.filter(MemorySafetyChild::isKernelObject).count();
        }
    }

    private static boolean isKernelObject(Path fd) {
        try {
            return !Files.readSymbolicLink(fd).isAbsolute();   // "anon_inode:[io_uring]", "pipe:[..]", "socket:[..]"
        } catch (java.io.IOException e) {
            return false;                                         // closed while listing (the listing's own fd)
        }
    }

    /** Short sleeps without InterruptedException plumbing. */
    private static final class LockSupportSleep {
        static void micros(long us) {
            java.util.concurrent.locks.LockSupport.parkNanos(us * 1000);
        }
    }
}
