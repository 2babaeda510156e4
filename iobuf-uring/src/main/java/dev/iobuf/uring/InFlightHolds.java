package dev.iobuf.uring;

import dev.iobuf.BufferPool;
import dev.iobuf.Lease;

/**
 * What keeps the memory of each operation alive from its prep to its completion: a {@link Lease} on a
 * pool (released at the completion), or a reference to a segment of an automatic or global arena (kept
 * reachable, so the garbage collector cannot free it, until the completion).
 *
 * <p>How the ring knows an operation completed: a CQE carries only {@code user_data}, which the caller
 * sets after the prep. So a hold is kept per SQE slot from the prep until the slot is published; at
 * publish time it moves into a table keyed by the SQE's {@code user_data} (read from the SQE itself), and
 * the final CQE of that {@code user_data} (one without IORING_CQE_F_MORE, so a zero-copy send is held
 * until its notification) takes one hold with that key out and releases it. Operations sharing a
 * {@code user_data} release in completion order: they are counted, not told apart, so such operations
 * must use memory of the same owner or none.
 *
 * <p>Cost: operations without a hold pay one field test at publish and one per CQE. With a hold: one
 * atomic add at prep and at completion, a linear-probe insert and a probe-and-delete; no allocation
 * (the table doubles when half full, which allocates once).
 *
 * <p>Used by the ring's owner thread only, like the SQ and CQ.
 */
final class InFlightHolds {
    private final Object[] bySlot;
    private final int slotMask;
    private int slotHolds;
    private long[] keys;
    private Object[] values;
    private int size;
    /** One lease per pool this ring has used, opened on first use (a linear scan: rings use few pools). */
    private BufferPool[] pools = new BufferPool[4];
    private Lease[] poolLeases = new Lease[4];
    private int poolCount;

    InFlightHolds(int sqEntries) {
        this.bySlot = new Object[sqEntries];
        this.slotMask = sqEntries - 1;
        this.keys = new long[64];
        this.values = new Object[64];
    }

    /** The prep of SQE slot {@code slot} holds {@code ref} (a retained Lease, or an object to keep reachable). */
    void hold(int slot, Object ref) {
        drop(slot);
        bySlot[slot] = ref;
        slotHolds++;
    }

    /** The slot was re-prepared, given back or discarded: its hold (if any) ends now. */
    void drop(int slot) {
        Object old = bySlot[slot];
        if (old != null) {
            bySlot[slot] = null;
            slotHolds--;
            release(old);
        }
    }

    /** Whether slot {@code slot} has a hold. */
    boolean holds(int slot) {
        return bySlot[slot] != null;
    }

    /**
     * SQEs {@code from .. to-1} (ring positions) are published: their holds now wait for the final CQE
     * of their {@code user_data}, which {@code userData} reads from the SQE.
     */
    void published(int from, int to, SlotUserData userData) {
        if (slotHolds == 0) {
            return;
        }
        for (int i = from; i != to && slotHolds > 0; i++) {
            int slot = i & slotMask;
            Object ref = bySlot[slot];
            if (ref != null) {
                bySlot[slot] = null;
                slotHolds--;
                put(userData.of(slot), ref);
            }
        }
    }

    /** Reads the {@code user_data} of an SQE slot. */
    @FunctionalInterface
    interface SlotUserData {
        long of(int slot);
    }

    /** The final CQE of {@code userData} arrived: the kernel is done with one of its operations' memory. */
    void completed(long userData) {
        if (size == 0) {
            return;
        }
        int mask = keys.length - 1;
        for (int i = mix(userData) & mask; values[i] != null; i = (i + 1) & mask) {
            if (keys[i] == userData) {
                Object ref = values[i];
                deleteAt(i);
                release(ref);
                return;
            }
        }
    }

    /** This ring's lease on {@code pool}, opened (allocating) the first time the ring uses the pool. */
    Lease leaseOf(BufferPool pool, Object holder) {
        for (int i = 0; i < poolCount; i++) {
            if (pools[i] == pool) {
                return poolLeases[i];
            }
        }
        if (poolCount == pools.length) {
            pools = java.util.Arrays.copyOf(pools, poolCount * 2);
            poolLeases = java.util.Arrays.copyOf(poolLeases, poolCount * 2);
        }
        Lease lease = pool.lease(holder);
        pools[poolCount] = pool;
        poolLeases[poolCount++] = lease;
        return lease;
    }

    /** Closes the ring's pool leases that are no longer held; held ones stay (the kernel may still use them). */
    void closeLeases() {
        for (int i = 0; i < poolCount; i++) {
            if (!poolLeases[i].isHeld()) {
                poolLeases[i].close();
            }
        }
    }

    /** Operations in flight that hold memory (published). */
    int inFlight() {
        return size;
    }

    /** Holds of slots not published yet. */
    int unpublished() {
        return slotHolds;
    }

    /** The ring is torn down and the kernel done with everything: every hold ends. */
    void releaseAll() {
        for (int slot = 0; slot < bySlot.length; slot++) {
            drop(slot);
        }
        for (int i = 0; i < values.length; i++) {
            Object ref = values[i];
            if (ref != null) {
                values[i] = null;
                release(ref);
            }
        }
        size = 0;
    }

    private void put(long key, Object ref) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (values[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = ref;
        size++;
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new Object[oldValues.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != null) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    /** Linear probing's backward-shift deletion: no tombstones, probes stay short. */
    private void deleteAt(int hole) {
        int mask = keys.length - 1;
        int i = hole;
        for (;;) {
            i = (i + 1) & mask;
            if (values[i] == null) {
                break;
            }
            int home = mix(keys[i]) & mask;
            // Move entry i into the hole if its home is not in (hole, i] (cyclically).
            if (((i - home) & mask) >= ((i - hole) & mask)) {
                keys[hole] = keys[i];
                values[hole] = values[i];
                hole = i;
            }
        }
        values[hole] = null;
        size--;
    }

    private static int mix(long key) {
        long h = key * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private static void release(Object ref) {
        if (ref instanceof Lease lease) {
            lease.release();
        }
        // Anything else was only kept reachable: dropping the reference is the release.
    }
}
