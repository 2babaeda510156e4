package dev.iobuf;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Threads blocked in {@link BoundedPool#acquire()}: spin briefly, then yield, then park. The
 * releasing side pays one volatile read when nobody waits.
 *
 * <p>No lost wake-up: a waiter increments {@code count} before its last {@code tryAcquire}, a
 * releaser offers the index before it reads {@code count}; both are sequentially consistent, so
 * either the waiter sees the index or the releaser sees the waiter. A woken waiter that leaves
 * (with an index, on timeout or interrupt) passes the signal on when indices and waiters remain,
 * so a wake-up aimed at a leaving thread is never swallowed.
 */
final class Waiters {
    /** Busy-wait rounds before yielding: about a microsecond or two of onSpinWait. */
    private static final int SPINS = 128;
    /** Thread.yield rounds before parking. */
    private static final int YIELDS = 8;

    private final AtomicInteger count = new AtomicInteger();
    private final ConcurrentLinkedQueue<Thread> parked = new ConcurrentLinkedQueue<>();

    /** Called after every release: wakes the oldest parked waiter, if any. */
    void signal() {
        if (count.get() > 0) {
            Thread t = parked.peek();
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    /** Waits for an index; {@code nanos < 0} waits forever. Returns the index or -1 on timeout. */
    int await(BoundedPool<?> pool, long nanos) throws InterruptedException {
        final long deadline = nanos < 0 ? 0L : System.nanoTime() + nanos;
        for (int spin = 0; spin < SPINS + YIELDS; spin++) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (spin < SPINS) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
            int i = pool.tryAcquire();
            if (i >= 0) {
                return i;
            }
            if (nanos >= 0 && deadline - System.nanoTime() <= 0) {
                return -1;
            }
        }
        return park(pool, nanos, deadline);
    }

    private int park(BoundedPool<?> pool, long nanos, long deadline) throws InterruptedException {
        Thread me = Thread.currentThread();
        parked.add(me);
        count.incrementAndGet();
        try {
            for (;;) {
                int got = pool.tryAcquire();
                if (got >= 0) {
                    return got;
                }
                if (nanos < 0) {
                    LockSupport.park(this);
                } else {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return -1;
                    }
                    LockSupport.parkNanos(this, left);
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        } finally {
            parked.remove(me);
            count.decrementAndGet();
            // We may have consumed a wake-up meant for "some waiter": hand it on. A spare unpark
            // costs the next waiter one more tryAcquire; a lost one would strand it.
            if (count.get() > 0) {
                Thread next = parked.peek();
                if (next != null) {
                    LockSupport.unpark(next);
                }
            }
        }
    }
}
