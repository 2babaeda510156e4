package dev.iobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Blocking acquire: wake-ups, interrupts, timeouts, and no lost wake-ups under a stress of waiters
 * and releasers. Functional only: the timeouts here are generous failure bounds (a hang becomes a
 * failure with a message), never performance assertions; wake-up latency is measured in the JMH
 * suite.
 */
class BoundedPoolBlockingTest {
    /** How long a test waits for something that should happen promptly before calling it a hang. */
    private static final long HANG_MS = 20_000;

    private static BoundedPool<String> exhausted(int capacity) {
        BoundedPool<String> p = BoundedPoolTest.filled(capacity);
        for (int i = 0; i < capacity; i++) {
            p.tryAcquire();
        }
        return p;
    }

    /** A thread that runs {@code body} and keeps its result or exception. */
    private static final class Caller extends Thread {
        interface Body {
            int run() throws Exception;
        }

        final AtomicReference<Object> outcome = new AtomicReference<>();
        private final Body body;

        Caller(String name, Body body) {
            super(name);
            this.body = body;
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                outcome.set(body.run());
            } catch (Throwable t) {
                outcome.set(t);
            }
        }

        Object await() throws InterruptedException {
            join(HANG_MS);
            if (isAlive()) {
                fail(getName() + " still blocked after " + HANG_MS + " ms (state " + getState() + ")");
            }
            return outcome.get();
        }
    }

    /** Waits until {@code t} is parked inside the pool's waiter queue (not spinning, not sleeping). */
    private static void awaitParkedInPool(Thread t) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HANG_MS);
        while (!(LockSupport.getBlocker(t) instanceof Waiters
                && (t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING))) {
            if (!t.isAlive() || System.nanoTime() > deadline) {
                fail(t.getName() + " did not park in the pool (alive " + t.isAlive() + ", state " + t.getState() + ")");
            }
            Thread.sleep(1);
        }
    }

    @Test
    void releaseWakesAParkedAcquire() throws Exception {
        BoundedPool<String> p = exhausted(1);
        Caller w = new Caller("waiter", p::acquire);
        w.start();
        awaitParkedInPool(w);
        assertThat(w.getState()).isEqualTo(Thread.State.WAITING);   // park without a deadline
        p.release(0);
        assertThat(w.await()).isEqualTo(0);
        assertThat(p.isAcquired(0)).isTrue();
        assertThat(p.available()).isZero();
    }

    @Test
    void releaseWakesAParkedTimedAcquire() throws Exception {
        BoundedPool<String> p = exhausted(2);
        Caller w = new Caller("timed waiter", () -> p.tryAcquire(1, TimeUnit.HOURS));
        w.start();
        awaitParkedInPool(w);
        assertThat(w.getState()).isEqualTo(Thread.State.TIMED_WAITING);
        p.release(1);
        assertThat(w.await()).isEqualTo(1);
        assertThat(p.isAcquired(1)).isTrue();
        assertThat(p.isAcquired(0)).isTrue();
    }

    @Test
    void longMaxTimeoutWaitsInsteadOfOverflowing() throws Exception {
        BoundedPool<String> p = exhausted(1);
        Caller w = new Caller("max waiter", () -> p.tryAcquire(Long.MAX_VALUE, TimeUnit.DAYS));
        w.start();
        awaitParkedInPool(w);
        p.release(0);
        assertThat(w.await()).isEqualTo(0);
    }

    @Test
    void interruptWhileParkedThrowsAndTakesNoIndex() throws Exception {
        for (boolean timed : new boolean[] {false, true}) {
            BoundedPool<String> p = exhausted(2);
            Caller w = new Caller("interrupted waiter", timed ? () -> p.tryAcquire(1, TimeUnit.HOURS) : p::acquire);
            w.start();
            awaitParkedInPool(w);
            w.interrupt();
            assertThat(w.await()).as("timed=%s", timed).isInstanceOf(InterruptedException.class);
            assertThat(p.available()).isZero();
            p.release(0);
            assertThat(p.available()).as("the released index is still there").isEqualTo(1);
            assertThat(p.tryAcquire()).isZero();
        }
    }

    @Test
    void interruptedOnEntryThrowsEvenWithAFreeIndexAndTakesNothing() {
        BoundedPool<String> p = BoundedPoolTest.filled(2);
        Thread.currentThread().interrupt();
        assertThatThrownBy(p::acquire).isInstanceOf(InterruptedException.class);
        assertThat(Thread.currentThread().isInterrupted()).as("status cleared by the exception").isFalse();
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> p.tryAcquire(1, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        assertThat(Thread.interrupted()).isFalse();
        assertThat(p.available()).isEqualTo(2);
        assertThat(p.acquiredCount()).isZero();
    }

    @Test
    void tryAcquireIgnoresTheInterruptStatus() {
        BoundedPool<String> p = BoundedPoolTest.filled(1);
        Thread.currentThread().interrupt();
        try {
            assertThat(p.tryAcquire()).isZero();
            assertThat(p.tryAcquire()).isEqualTo(-1);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void timeoutReturnsMinusOneAndTakesNoIndex() throws Exception {
        BoundedPool<String> p = exhausted(2);
        assertThat(p.tryAcquire(20, TimeUnit.MILLISECONDS)).isEqualTo(-1);
        // Past the spin phase, into park: the waiter registers, times out and leaves cleanly.
        assertThat(p.tryAcquire(5, TimeUnit.MILLISECONDS)).isEqualTo(-1);
        assertThat(p.available()).isZero();
        assertThat(p.acquiredCount()).isEqualTo(2);
        p.release(1);
        assertThat(p.available()).isEqualTo(1);
        assertThat(p.tryAcquire()).isEqualTo(1);
    }

    @Test
    void timedOutWaiterLeavesLaterReleasesToOthers() throws Exception {
        BoundedPool<String> p = exhausted(1);
        Caller early = new Caller("times out", () -> p.tryAcquire(30, TimeUnit.MILLISECONDS));
        early.start();
        assertThat(early.await()).isEqualTo(-1);
        Caller late = new Caller("served", p::acquire);
        late.start();
        awaitParkedInPool(late);
        p.release(0);
        assertThat(late.await()).isEqualTo(0);
    }

    @Test
    void zeroAndNegativeTimeoutsDoNotWait() throws Exception {
        BoundedPool<String> p = BoundedPoolTest.filled(1);
        assertThat(p.tryAcquire(0, TimeUnit.NANOSECONDS)).isZero();
        assertThat(p.tryAcquire(0, TimeUnit.SECONDS)).isEqualTo(-1);
        assertThat(p.tryAcquire(-5, TimeUnit.SECONDS)).isEqualTo(-1);
        assertThat(p.tryAcquire(Long.MIN_VALUE, TimeUnit.DAYS)).isEqualTo(-1);
        assertThatThrownBy(() -> p.tryAcquire(1, null)).isInstanceOf(NullPointerException.class);
    }

    /**
     * Two releases back to back while two waiters are parked: both waiters must end up with an
     * index. The second release usually finds the first woken waiter still at the head of the queue
     * and unparks it again; only the woken waiter passing the signal on as it leaves saves the
     * second waiter. The waiters keep their indices, so nothing else would wake it.
     */
    @Test
    void backToBackReleasesWakeTwoParkedWaiters() throws Exception {
        for (int round = 0; round < 20; round++) {
            BoundedPool<String> p = exhausted(2);
            Caller a = new Caller("first", p::acquire);
            Caller b = new Caller("second", p::acquire);
            a.start();
            awaitParkedInPool(a);
            b.start();
            awaitParkedInPool(b);
            p.release(0);
            p.release(1);
            assertThat(List.of(a.await(), b.await())).as("round %d", round).containsExactlyInAnyOrder(0, 1);
            assertThat(p.available()).isZero();
        }
    }

    /** Every parked waiter is eventually served: releases are never lost between parked threads. */
    @Test
    void manyParkedWaitersAreAllServed() throws Exception {
        for (int round = 0; round < 5; round++) {
            BoundedPool<String> p = exhausted(2);
            List<Caller> waiters = new ArrayList<>();
            AtomicInteger served = new AtomicInteger();
            for (int k = 0; k < 12; k++) {
                boolean timed = k % 3 == 0;
                Caller c = new Caller("waiter " + k, () -> {
                    int i = timed ? p.tryAcquire(1, TimeUnit.HOURS) : p.acquire();
                    served.incrementAndGet();
                    Thread.yield();
                    p.release(i);            // hands the index on to the next waiter
                    return i;
                });
                waiters.add(c);
                c.start();
            }
            for (Caller c : waiters) {
                awaitParkedInPool(c);
            }
            p.release(0);
            p.release(1);
            for (Caller c : waiters) {
                assertThat(c.await()).as(c.getName()).isIn(0, 1);
            }
            assertThat(served).hasValue(12);
            assertThat(p.available()).isEqualTo(2);
        }
    }

    /**
     * A waiter that parks again and again allocates nothing once warm: its queue node is recycled.
     * Two empty pools of one: the waiter blocks in {@code ping.acquire()} and answers in {@code
     * pong}; the main thread releases into {@code ping} only once the waiter is parked, so every
     * round goes through the park path.
     */
    @Test
    void parkingAgainAndAgainAllocatesNothing() throws Exception {
        // Best of three: a node per park shows in every attempt (200 x 24 bytes or more each time); a
        // one-off elsewhere in the JVM on a loaded machine (seen: ~6 KB once in ~20 runs at load 10+,
        // never reproduced alone) shows in one at most.
        int least = Integer.MAX_VALUE;
        for (int attempt = 0; attempt < 3 && least >= 1_024; attempt++) {
            least = Math.min(least, bytesAllocatedByParking(300, 100));
        }
        assertThat(least).as("bytes the waiter allocated in 200 parks after warm-up (least of up to 3 attempts)")
                .isLessThan(1_024);
    }

    /** Bytes a thread allocates parking in the pool {@code rounds - warm} times after {@code warm} rounds. */
    private static int bytesAllocatedByParking(int rounds, int warm) throws Exception {
        BoundedPool<String> ping = exhausted(1);
        BoundedPool<String> pong = exhausted(1);
        Caller w = new Caller("parker", () -> {
            long before = 0;
            long noise = 0;
            for (int r = 0; r < rounds; r++) {
                if (r == warm) {
                    long a = BoundedPoolTest.allocatedBytes();
                    noise = BoundedPoolTest.allocatedBytes() - a;   // the probe's own cost
                    before = BoundedPoolTest.allocatedBytes();
                }
                pong.release(ping.acquire());
            }
            return (int) (BoundedPoolTest.allocatedBytes() - before - noise);
        });
        w.start();
        for (int r = 0; r < rounds; r++) {
            awaitParkedInPool(w);
            ping.release(0);
            assertThat(pong.tryAcquire(HANG_MS, TimeUnit.MILLISECONDS)).as("round %d", r).isZero();
        }
        return (Integer) w.await();
    }

    /**
     * Releasers and blocking acquirers hammer a small pool, more threads than cores, a third of
     * them with timeouts, some interrupted at random. A lost wake-up shows as a thread that never
     * finishes; a double hand-out as two holders of one index.
     */
    @Test
    void noLostWakeUpsUnderAStressOfWaitersAndReleasers() throws Exception {
        BoundedPool<String> p = BoundedPoolTest.filled(2);
        int threads = 8;
        int rounds = 10_000;
        AtomicInteger[] owner = new AtomicInteger[p.capacity()];
        for (int i = 0; i < owner.length; i++) {
            owner[i] = new AtomicInteger(-1);
        }
        AtomicReference<Throwable> error = new AtomicReference<>();
        AtomicInteger timeouts = new AtomicInteger();
        AtomicInteger interrupts = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        // The interrupts below target the pool's waits: they start once every worker is past the start latch
        // (on a loaded machine a worker may not have reached it yet, and its await would take the interrupt).
        CountDownLatch running = new CountDownLatch(threads);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int me = t;
            Thread w = new Thread(() -> {
                try {
                    start.await();
                    running.countDown();
                    for (int r = 0; r < rounds && error.get() == null; r++) {
                        int i;
                        try {
                            i = me % 3 == 0 ? p.tryAcquire(200, TimeUnit.MICROSECONDS) : p.acquire();
                        } catch (InterruptedException e) {
                            interrupts.incrementAndGet();
                            continue;
                        }
                        if (i < 0) {
                            timeouts.incrementAndGet();
                            continue;
                        }
                        if (!owner[i].compareAndSet(-1, me)) {
                            throw new AssertionError("index " + i + " handed to thread " + me + " while thread "
                                    + owner[i].get() + " holds it");
                        }
                        if ((r & 15) == 0) {
                            LockSupport.parkNanos(20_000);   // hold long enough for waiters to park
                        } else if ((r & 3) == 0) {
                            Thread.yield();
                        }
                        owner[i].set(-1);
                        p.release(i);
                    }
                } catch (Throwable e) {
                    error.compareAndSet(null, e);
                }
            }, "stress " + t);
            w.setDaemon(true);
            workers.add(w);
            w.start();
        }
        start.countDown();
        assertThat(running.await(60, TimeUnit.SECONDS)).as("every worker started").isTrue();
        // Interrupt blocking workers now and then: an interrupted waiter must leave without an index
        // and without stranding the wake-up it may have consumed.
        for (int k = 0; k < 50; k++) {
            Thread.sleep(1);
            workers.get(1 + (k % (threads - 1))).interrupt();
        }
        for (Thread w : workers) {
            w.join(60_000);
            if (w.isAlive()) {
                fail(w.getName() + " never finished: lost wake-up? state " + w.getState()
                        + ", pool " + p + ", blocker " + LockSupport.getBlocker(w));
            }
        }
        if (error.get() != null) {
            throw new AssertionError(error.get());
        }
        assertConserved(p);
    }

    static void assertConserved(BoundedPool<?> p) {
        assertThat(p.acquiredCount()).isZero();
        assertThat(p.available()).isEqualTo(p.capacity());
        boolean[] seen = new boolean[p.capacity()];
        for (int k = 0; k < p.capacity(); k++) {
            int i = p.tryAcquire();
            assertThat(i).as("acquisition %d of %d", k, p.capacity()).isBetween(0, p.capacity() - 1);
            assertThat(seen[i]).as("index %d acquired twice", i).isFalse();
            seen[i] = true;
        }
        assertThat(p.tryAcquire()).isEqualTo(-1);
        for (int i = 0; i < p.capacity(); i++) {
            p.release(i);
        }
    }
}
