package dev.iobuf;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * Threads blocked in {@link BoundedPool#acquire()}: spin briefly, then yield, then park. The
 * releasing side pays one volatile read when nobody is parked, and one {@code unpark} otherwise: a
 * parked waiter wakes as soon as the scheduler runs it, with no sleep granularity in the way.
 *
 * <p>Parked waiters form a FIFO list of nodes. Nodes are recycled through a free list, so parking
 * allocates only when more threads wait at once than ever before on this pool (steady state: no
 * allocation). Waiters join and leave the list under a small spin lock that only waiters take;
 * {@link #signal()} (the release side) never takes it: it reads the volatile {@code head} and the
 * node's volatile {@code thread} and unparks that thread. A node may be recycled under a signaller's
 * feet; then it unparks another waiter (a spare wake-up, harmless: every waiter re-checks the pool
 * after {@code park} returns) or nobody (the node is free; see below for why nothing is lost).
 *
 * <p>No lost wake-up. A waiter links its node, then increments {@code waiting} (the pool's field
 * {@code BoundedPool.waiting}, counted here), then makes its last
 * {@code tryAcquire} before parking; a releaser frees the index, then reads {@code waiting}, then
 * {@code head}. All of these are sequentially consistent. If the releaser reads {@code waiting == 0},
 * its index was free before the waiter's increment, so the waiter's {@code tryAcquire} sees it. If it
 * reads {@code waiting > 0}, the waiter's node was linked before, so {@code head} is a waiter's node:
 * the oldest. That waiter may already be awake and about to leave (with another index, on timeout or on
 * interrupt), so every waiter that leaves first unlinks its node and then passes the signal on to
 * the new oldest waiter while waiters remain. A releaser that read the leaving node as head did so
 * before the unlink, hence before the pass-on, so the next waiter's {@code tryAcquire} (after the
 * pass-on's unpark) sees the released index. A spare unpark costs a waiter one more
 * {@code tryAcquire}; a lost one would strand it. Spinning waiters are not counted: they poll the
 * pool themselves.
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

    private static final VarHandle WAITING;
    private static final VarHandle LOCK;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            WAITING = l.findVarHandle(BoundedPool.class, "waiting", int.class);
            LOCK = l.findVarHandle(Waiters.class, "lock", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A parked waiter; recycled through {@code spare}. */
    static final class Node {
        volatile Thread thread;   // null while the node is spare
        Node prev;                // guarded by lock
        Node next;                // guarded by lock; the free-list link while spare
    }

    // The count of registered (parking) waiters is BoundedPool.waiting: the release side's fast-path
    // check reads it from the pool object it already has (one dependent load less per release).
    /** Oldest parked waiter; written under the lock, read by signal() without it. */
    private volatile Node head;
    private Node tail;            // guarded by lock
    private Node spare;           // free nodes, guarded by lock
    private volatile int lock;    // 0 free, 1 held; waiters only

    /** Called after a release that read {@code pool.waiting > 0}: wakes the oldest parked waiter, if any. */
    void signal() {
        Node h = head;
        if (h != null) {
            Thread t = h.thread;
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
        Node me = join(pool, Thread.currentThread());
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
            leave(pool, me);
            // We may have consumed a wake-up meant for "some waiter": hand it on, now that our node
            // is unlinked. A spare unpark costs the next waiter one more tryAcquire; a lost one
            // would strand it.
            if (pool.waiting > 0) {
                signal();
            }
        }
    }

    /** Links a node for {@code t} at the tail, then counts it (in that order: see the class comment). */
    private Node join(BoundedPool<?> pool, Thread t) {
        lock();
        Node n;
        try {
            n = spare;
            if (n != null) {
                spare = n.next;
                n.next = null;
            } else {
                n = new Node();             // only when more threads wait at once than ever before
            }
            n.thread = t;
            n.prev = tail;
            if (tail == null) {
                head = n;
            } else {
                tail.next = n;
            }
            tail = n;
        } finally {
            unlock();
        }
        WAITING.getAndAdd(pool, 1);
        return n;
    }

    /** Uncounts and unlinks {@code n}, and keeps it for the next waiter. */
    private void leave(BoundedPool<?> pool, Node n) {
        WAITING.getAndAdd(pool, -1);
        lock();
        try {
            Node p = n.prev;
            Node s = n.next;
            if (p == null) {
                head = s;
            } else {
                p.next = s;
            }
            if (s == null) {
                tail = p;
            } else {
                s.prev = p;
            }
            n.thread = null;
            n.prev = null;
            n.next = spare;
            spare = n;
        } finally {
            unlock();
        }
    }

    private void lock() {
        for (int n = 0; !LOCK.compareAndSet(this, 0, 1); n++) {
            if (n < 64) {
                Thread.onSpinWait();
            } else {
                Thread.yield();             // the holder was descheduled; let it finish
            }
        }
    }

    private void unlock() {
        LOCK.setRelease(this, 0);
    }
}
