package dev.iobuf.uring;

import dev.iobuf.BufferPool;
import dev.iobuf.Lease;
import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The lifetime of a {@link RegisteredBuffers} table's memory: one {@link Lease} per pool it uses (counted
 * per slot holding one of its buffers), and the buffers that left their slot but that the kernel may still
 * use, until their tag CQE arrives. While any is held the pool refuses to close, so the kernel never writes
 * into a freed slab. Same thread as the table.
 */
final class RegisteredBufferLeases {
    private final Object holder;
    /** Tag of a slot's former buffer -> that buffer, until the tag's CQE arrives. */
    private final Map<Long, MemorySegment> retiring = new HashMap<>();
    /** Tag of a slot's former pool buffer -> the lease to release when the tag's CQE arrives. */
    private final Map<Long, Lease> retiringLeases = new HashMap<>();
    /** The lease on each pool used (count: slots and retiring buffers of that pool). */
    private final Map<BufferPool, Lease> leases = new IdentityHashMap<>();

    /** {@code holder} is named by the pools while they refuse to close. */
    RegisteredBufferLeases(Object holder) {
        this.holder = holder;
    }

    /** One retain per pool slot in {@code pools[from .. from+n)}, opening the lease on a pool first used. */
    void retain(BufferPool[] pools, int from, int n) {
        for (int i = from; i < from + n; i++) {
            if (pools[i] != null) {
                leases.computeIfAbsent(pools[i], p -> p.lease(holder)).retain();
            }
        }
    }

    /** Undoes {@link #retain} for slots the kernel did not take. */
    void release(BufferPool[] pools, int from, int n) {
        for (int i = from; i < from + n; i++) {
            if (pools[i] != null) {
                leases.get(pools[i]).release();
            }
        }
    }

    /** A slot's buffer (of {@code pool}, or null for a caller segment) left it: held until tag {@code tag} comes. */
    void retire(long tag, MemorySegment buffer, BufferPool pool) {
        retiring.put(tag, buffer);
        if (pool != null) {
            retiringLeases.put(tag, leases.get(pool));
        }
    }

    /**
     * Tag {@code tag}'s CQE arrived: the kernel let go of that buffer; its pool may close once nothing else
     * holds it.
     *
     * @return the buffer, or null if the tag matched no retiring buffer
     */
    MemorySegment released(long tag) {
        MemorySegment old = retiring.remove(tag);
        if (old == null) {
            return null;
        }
        Lease lease = retiringLeases.remove(tag);
        if (lease != null) {
            lease.release();
        }
        return old;
    }

    /**
     * When the ring has no operation in flight, no request holds a buffer that left its slot, so the kernel
     * let go of it during the update or unregister call itself: the pools' leases end now instead of at the
     * tag CQE (which may come in a later reap; it is then counted as a release and reported as usual).
     */
    void releaseIfIdle(Ring ring) {
        if (retiringLeases.isEmpty() || ring.isClosed() || !ring.isIdle()) {
            return;
        }
        releaseRetiringLeases();
    }

    /**
     * Ends everything of a registration the caller never saw (no I/O used it): the slots' leases, the
     * retiring ones, and the retiring buffers.
     */
    void abandon(BufferPool[] slotPools) {
        for (BufferPool pool : slotPools) {
            if (pool != null) {
                leases.get(pool).release();
            }
        }
        releaseRetiringLeases();
        closeLeases();
        retiring.clear();
    }

    private void releaseRetiringLeases() {
        retiringLeases.values().forEach(Lease::release);
        retiringLeases.clear();
    }

    /** Closes the leases nothing holds any more (so their pools may close). */
    void closeLeases() {
        for (Lease lease : leases.values()) {
            if (!lease.isHeld()) {
                lease.close();
            }
        }
    }

    /** Pool leases held (slots plus buffers the kernel has not released). */
    long held() {
        long n = 0;
        for (Lease lease : leases.values()) {
            n += lease.count();
        }
        return n;
    }

    /** Buffers the kernel may still use though they left their slot. */
    int pendingReleases() {
        return retiring.size();
    }
}
