package dev.iobuf.uring.file;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A bounded multi-producer, single-consumer queue of {@code int} entries: any thread offers, the ring
 * thread polls. Producers claim a slot with one CAS on the tail, then publish the entry with a release
 * store; the consumer reads the slot with an acquire load and clears it (JCTools {@code MpscArrayQueue}
 * shape, over ints: entries are op indices, so nothing is allocated or boxed).
 *
 * <p>The queue never has to refuse: every entry belongs to an op slot its producer holds, and the
 * capacity is at least twice the number of op slots (one submission and one cancel request per op at
 * most). Backpressure therefore happens where the slots are handed out, before a thread gets here.
 */
final class SubmitQueue {
    /** Marks an empty slot; entries are {@code >= 0}. */
    private static final int EMPTY = -1;
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(int[].class);
    private static final VarHandle TAIL;

    static {
        try {
            TAIL = MethodHandles.lookup().findVarHandle(SubmitQueue.class, "tail", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int[] slots;
    private final int mask;
    /** Written by producers only (CAS). */
    @SuppressWarnings("unused") // through TAIL
    private volatile long tail;
    /** The consumer's; read by producers only to detect a full queue (a program error here). */
    private volatile long head;

    /** @param capacity a power of two */
    SubmitQueue(int capacity) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two, got " + capacity);
        }
        slots = new int[capacity];
        java.util.Arrays.fill(slots, EMPTY);
        mask = capacity - 1;
    }

    /**
     * Appends {@code entry} ({@code >= 0}).
     *
     * @throws IllegalStateException if the queue is full: more entries than the capacity was sized for
     */
    void offer(int entry) {
        long t;
        do {
            t = (long) TAIL.getVolatile(this);
            if (t - head >= slots.length) {
                throw new IllegalStateException("submit queue full (" + slots.length + "): an op was queued twice");
            }
        } while (!TAIL.compareAndSet(this, t, t + 1));
        // Release: the op's fields, written before offer, are visible to the consumer that reads the entry.
        SLOTS.setRelease(slots, (int) (t & mask), entry);
    }

    /**
     * The oldest entry, or {@code -1} when empty. Consumer only. An entry whose slot is claimed but not
     * yet published is waited for (a producer is between its CAS and its store, a few instructions).
     */
    int poll() {
        long h = head;
        int i = (int) (h & mask);
        int e = (int) SLOTS.getAcquire(slots, i);
        if (e == EMPTY) {
            if (h == (long) TAIL.getVolatile(this)) {
                return -1;
            }
            do {
                Thread.onSpinWait();
                e = (int) SLOTS.getAcquire(slots, i);
            } while (e == EMPTY);
        }
        SLOTS.setOpaque(slots, i, EMPTY);
        head = h + 1;   // volatile store: producers' full check, and the slot clear, become visible
        return e;
    }

    /** Whether nothing is queued (consumer's view; a volatile read of the tail). */
    boolean isEmpty() {
        return head == (long) TAIL.getVolatile(this);
    }

    int capacity() {
        return slots.length;
    }
}
