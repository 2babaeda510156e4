package dev.iobuf;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Threads blocked in {@link BoundedPool#acquire()}: spin briefly, then yield, then park. The
 * releasing side pays one volatile read when nobody waits, and one {@code unpark} otherwise: a
 * parked waiter wakes as soon as the scheduler runs it, with no sleep granularity in the way.
 *
 * <p>No lost wake-up: a waiter joins {@code parked}, then increments {@code count}, then makes its
 * last {@code tryAcquire} before parking; a releaser offers the index, then reads {@code count}.
 * All four are sequentially consistent, so either the waiter sees the index or the releaser sees the
 * waiter (and, since the waiter joined {@code parked} first, finds a thread to unpark). The releaser
 * unparks the oldest waiter, which may already be awake and about to leave (with another index, on
 * timeout or on interrupt); therefore every waiter that leaves passes the signal on to the next
 * oldest while waiters remain. A spare unpark costs a waiter one more {@code tryAcquire}; a lost one
 * would strand it. Spinning waiters are not counted: they poll the ring themselves.
 *
 * <p>Interrupts: {@link BoundedPool} checks the interrupt status on entry; here it is checked in
 * every spin round and after every park, before the next {@code tryAcquire}, so an interrupted
 * waiter throws without taking an index (an interrupt that races with a successful
 * {@code tryAcquire} stays pending, as with {@link java.util.concurrent.Semaphore}).
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
