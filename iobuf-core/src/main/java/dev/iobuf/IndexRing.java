package dev.iobuf;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The free list of a {@link BoundedPool}: a lock-free, linearizable, bounded MPMC ring of the
 * indices {@code 0 .. capacity-1}, after Nikolaev's SCQ ("A Scalable, Portable, and
 * Memory-Efficient Lock-Free FIFO Queue", DISC 2019).
 *
 * <p>Producers and consumers claim positions with fetch-and-add on {@code tail} and {@code head}
 * (one {@code lock xadd} each, no CAS retry storm under contention), then settle the slot with a
 * single CAS. The ring has {@code 2 * capacity} slots; since the pool never offers more than
 * {@code capacity} indices, an offer always finds a slot. Each slot packs
 * {@code cycle | unsafe | index} in one long:
 * <ul>
 *   <li>{@code cycle}: which lap of the ring wrote the slot ({@code position / slots});</li>
 *   <li>{@code unsafe}: a consumer of a later lap passed this occupied slot, so a producer may only
 *       reuse it once {@code head} shows no consumer of its own lap can still be on the way;</li>
 *   <li>{@code index}: the pool index, or {@code BOTTOM} (all ones) when the slot is empty.</li>
 * </ul>
 * {@code threshold} bounds how many failed dequeue attempts can follow the last offer before a
 * consumer may report empty ({@code 3n - 1}, the paper's bound); it makes {@code poll} on an empty
 * ring cheap and keeps it livelock-free.
 *
 * <p>Positions start at one full lap ({@code slots}) so that the initial empty slots (cycle 0)
 * compare lower than the first lap. Positions are longs: at 10^9 operations per second they wrap
 * after 292 years.
 *
 * <p>Consecutive positions map to slots on different 128-byte blocks ({@link #slot}), so that
 * threads working on neighbouring positions do not share a cache line (or its adjacent-line
 * prefetch pair). Hot counters live on their own 128-byte blocks ({@link RingCounters}).
 */
final class IndexRing extends RingCounters {
    /** Longs per 128 bytes: slots this far apart never share a line pair. */
    private static final int SPREAD_SHIFT = 4;
    /** Empty longs before and after the slots, so neighbours on the heap never share a line. */
    private static final int PAD = 16;

    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    private final long[] slots;
    private final int capacity;
    private final int laps;          // log2(slots): position >>> laps is the cycle
    private final long slotMask;     // slots - 1
    private final long bottom;       // empty index marker, all ones over the index bits
    private final long unsafeBit;
    private final int cycleShift;
    private final int spreadLow;     // log2(slots) - SPREAD_SHIFT when the ring is big enough to spread
    private final long spreadMask;
    private final boolean spread;
    private final long fullThreshold;

    /**
     * @param capacity a power of two in {@code 1 .. 2^30}
     * @param full {@code true} to start with every index {@code 0 .. capacity-1} in the ring
     */
    IndexRing(int capacity, boolean full) {
        if (capacity < 1 || Integer.bitCount(capacity) != 1 || capacity > BoundedPool.MAX_CAPACITY) {
            throw new IllegalArgumentException("ring capacity must be a power of two in 1 .. 2^30, got " + capacity);
        }
        this.capacity = capacity;
        int order = Integer.numberOfTrailingZeros(capacity);
        int n = capacity << 1;
        this.laps = order + 1;
        this.slotMask = n - 1L;
        this.bottom = (1L << (order + 1)) - 1;          // > any index < capacity
        this.unsafeBit = 1L << (order + 1);
        this.cycleShift = order + 2;
        this.spread = laps > SPREAD_SHIFT;
        this.spreadLow = laps - SPREAD_SHIFT;
        this.spreadMask = spread ? (1L << spreadLow) - 1 : 0;
        this.fullThreshold = 3L * capacity - 1;
        this.slots = new long[n + 2 * PAD];

        long start = n;                                 // lap 1; untouched slots hold lap 0
        for (int p = 0; p < n; p++) {
            SLOT.set(slots, slot(p), bottom);           // cycle 0, safe, empty
        }
        if (full) {
            for (int i = 0; i < capacity; i++) {
                SLOT.set(slots, slot(start + i), (1L << cycleShift) | i);
            }
        }
        initCounters(start, full ? start + capacity : start, full ? fullThreshold : -1);
    }

    int capacity() {
        return capacity;
    }

    /** Array index for a ring position: consecutive positions land 128 bytes apart. */
    private int slot(long position) {
        long j = position & slotMask;
        if (spread) {
            j = ((j & spreadMask) << SPREAD_SHIFT) | (j >>> spreadLow);
        }
        return (int) j + PAD;
    }

    /**
     * Puts {@code index} at the tail. The caller guarantees that at most {@code capacity} indices
     * are in the ring at once (the pool's per-index state does), so this always succeeds.
     */
    void offer(int index) {
        for (;;) {
            long t = getAndIncrementTail();
            long cycle = t >>> laps;
            int j = slot(t);
            long e = (long) SLOT.getVolatile(slots, j);
            for (;;) {
                // Usable: an older lap, empty, and either safe or no consumer of this lap is behind us.
                if ((e >>> cycleShift) >= cycle || (e & bottom) != bottom
                        || ((e & unsafeBit) != 0 && head() > t)) {
                    break;                                  // skip this position, take the next
                }
                long w = (long) SLOT.compareAndExchange(slots, j, e, (cycle << cycleShift) | index);
                if (w == e) {
                    if (threshold() != fullThreshold) {
                        resetThreshold(fullThreshold);
                    }
                    return;
                }
                e = w;
            }
        }
    }

    /** Takes the index at the head, or returns -1 when the ring is empty. Allocates nothing. */
    int poll() {
        if (threshold() < 0) {
            return -1;
        }
        for (;;) {
            long h = getAndIncrementHead();
            long cycle = h >>> laps;
            int j = slot(h);
            long e = (long) SLOT.getVolatile(slots, j);
            for (;;) {
                long ec = e >>> cycleShift;
                if (ec == cycle) {
                    // Ours: mark it empty but keep cycle and safe bit, a late consumer may have
                    // set unsafe concurrently, hence the CAS loop instead of a plain store.
                    long w;
                    while ((w = (long) SLOT.compareAndExchange(slots, j, e, e | bottom)) != e) {
                        e = w;
                    }
                    return (int) (e & bottom);
                }
                if (ec >= cycle) {
                    break;                                  // a later lap owns it: skip
                }
                // An older lap: stop its producer (advance an empty slot to our lap) or warn the
                // producer of a later lap that a consumer has passed an occupied slot (unsafe).
                long replacement = (e & bottom) == bottom
                        ? (cycle << cycleShift) | (e & unsafeBit) | bottom
                        : e | unsafeBit;
                if (replacement == e) {
                    break;
                }
                long w = (long) SLOT.compareAndExchange(slots, j, e, replacement);
                if (w == e) {
                    break;
                }
                e = w;
            }
            long t = tail();
            if (t <= h + 1) {
                catchUp(t, h + 1);
                decrementThreshold();
                return -1;
            }
            if (decrementThreshold() <= 0) {
                return -1;
            }
        }
    }

    /** Consumers ran past the tail: pull the tail up to them so producers skip dead positions. */
    private void catchUp(long t, long h) {
        while (!casTail(t, h)) {
            h = head();
            t = tail();
            if (t >= h) {
                return;
            }
        }
    }

    /** Approximate number of indices in the ring (exact when no operation is in flight). */
    int size() {
        long h = head();
        long t = tail();
        return (int) Math.max(0, Math.min(capacity, t - h));
    }
}
