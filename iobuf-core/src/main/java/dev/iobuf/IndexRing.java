package dev.iobuf;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The free list of a {@link BoundedPool}: a lock-free, linearizable, bounded MPMC FIFO ring of
 * indices in {@code 0 .. capacity-1}, after Nikolaev's SCQ ("A Scalable, Portable, and
 * Memory-Efficient Lock-Free FIFO Queue", DISC 2019; reference code {@code lfring_cas1.h}).
 *
 * <p>Producers and consumers claim positions with fetch-and-add on {@code tail} and {@code head}
 * (one {@code lock xadd} each, no CAS retry storm under contention), then settle the slot with a
 * single CAS. The ring has {@code 2 * capacity} slots; callers never hold more than
 * {@code capacity} indices in it at once (the pool's per-index state guarantees that), so an offer
 * always finds a slot. Each slot packs {@code cycle | unsafe | index} in one long:
 * <ul>
 *   <li>{@code cycle} (bits {@code laps+1 ..}): which lap wrote the slot ({@code position >>> laps});</li>
 *   <li>{@code unsafe} (bit {@code laps}): a consumer of a later lap passed this occupied slot, so a
 *       producer may reuse it only while {@code head} shows no consumer of its own lap is past it;</li>
 *   <li>{@code index} (bits {@code 0 .. laps-1}): the index, or {@code bottom} (all ones, larger
 *       than any index) when the slot is empty.</li>
 * </ul>
 * {@code laps} is log2 of the slot count; at capacity 2^30 that is 31 index bits, the unsafe bit at
 * 31 and the cycle from bit 32. {@code threshold} bounds how many failed dequeue attempts may follow
 * the last offer before a consumer may report empty ({@code 3 * capacity - 1}, the paper's bound); it
 * makes {@code poll} on an empty ring one read and keeps consumers livelock-free.
 *
 * <p>Positions start at one full lap ({@code slots}), so the untouched slots (cycle 0, safe, empty)
 * belong to a lap older than any position. Positions are longs compared without wrap-around: at
 * 10^9 operations per second they would wrap after 292 years. Cycles are shifted one bit further
 * than positions, so a slot word stays exact (read unsigned) up to position 2^63.
 *
 * <p>Consecutive positions map to slots 128 bytes apart ({@link #remap}, a rotation of the slot
 * number, hence a bijection), so threads working on neighbouring positions do not share a cache
 * line or its adjacent-line prefetch pair. Hot counters live on their own 128-byte blocks
 * ({@link RingCounters}).
 *
 * <p>Java arrays stop just short of 2^31 elements, so a ring of more than {@link #MAX_ARRAY_SLOTS}
 * slots (only capacity 2^30) keeps its slots in two arrays, chosen by the top bit of the remapped
 * slot number. Smaller rings use one array and pay one always-taken branch.
 */
final class IndexRing extends RingCounters {
    /** Longs per 128 bytes: consecutive positions land this many longs apart. */
    static final int SPREAD_SHIFT = 4;
    /** Most slots kept in one long[]: 2^30 (a Java array cannot reach 2^31 elements). */
    static final int MAX_ARRAY_SLOTS = 1 << 30;
    /** Empty longs before and after the slots, so neighbours on the heap never share a line pair. */
    private static final int PAD = 16;

    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    private final long[] lower;      // slots whose remapped number has splitBit clear (all of them when not split)
    private final long[] upper;      // the others; the same array as lower when the ring is not split
    private final long splitBit;     // 0 when the ring fits one array, else capacity (the top slot-number bit)
    private final long offsetMask;   // slot number -> offset inside its array (before PAD)
    private final int capacity;
    private final int laps;          // log2(slots): position >>> laps is the cycle
    private final long bottom;       // empty index marker, all ones over the index bits, > any index
    private final long unsafeBit;
    private final int cycleShift;
    private final long fullThreshold;

    /**
     * @param capacity a power of two in {@code 1 .. 2^30}
     * @param full {@code true} to start with every index {@code 0 .. capacity-1} in the ring, in order
     */
    IndexRing(int capacity, boolean full) {
        this(capacity, full, MAX_ARRAY_SLOTS);
    }

    /** As above, with a smaller array limit so tests can run the two-array layout on small rings. */
    IndexRing(int capacity, boolean full, int maxArraySlots) {
        Layout layout = Layout.of(capacity, maxArraySlots);
        this.capacity = capacity;
        this.laps = layout.laps();
        this.bottom = layout.bottom();
        this.unsafeBit = layout.unsafeBit();
        this.cycleShift = layout.cycleShift();
        this.splitBit = layout.splitBit();
        this.offsetMask = layout.offsetMask();
        this.fullThreshold = 3L * capacity - 1;
        this.lower = new long[layout.arrayLength()];
        this.upper = layout.splitBit() == 0 ? lower : new long[layout.arrayLength()];

        long n = layout.slots();
        long start = n;                                   // lap 1; untouched slots hold lap 0
        for (long p = 0; p < n; p++) {
            long j = remap(p, laps);
            SLOT.set(array(j), offset(j), bottom);         // cycle 0, safe, empty
        }
        if (full) {
            for (int i = 0; i < capacity; i++) {
                long j = remap(start + i, laps);
                SLOT.set(array(j), offset(j), layout.entry(1, i));
            }
        }
        // The volatile threshold store in initCounters publishes the slots to any thread that later
        // reads the ring through a safely published reference.
        initCounters(start, full ? start + capacity : start, full ? fullThreshold : -1);
    }

    /**
     * Bit layout and storage of a ring, computed without allocating it (so tests can check the
     * largest ring, 2^31 slots, without 16 GiB of heap).
     *
     * @param laps log2 of the slot count
     * @param splitBit 0 when one array holds every slot, else the slot-number bit that picks the array
     * @param offsetMask slot number to offset inside its array (before padding)
     * @param arrayLength length of each slot array, padding included
     */
    record Layout(int laps, long slots, long bottom, long unsafeBit, int cycleShift, long splitBit,
            long offsetMask, int arrayLength) {

        static Layout of(int capacity, int maxArraySlots) {
            if (capacity < 1 || Integer.bitCount(capacity) != 1 || capacity > BoundedPool.MAX_CAPACITY) {
                throw new IllegalArgumentException("ring capacity must be a power of two in 1 .. 2^30, got " + capacity);
            }
            if (capacity > maxArraySlots) {
                throw new IllegalArgumentException("two arrays of " + maxArraySlots + " slots cannot hold a ring of "
                        + 2L * capacity + " slots");
            }
            int laps = IndexRing.laps(capacity);
            long n = 1L << laps;
            boolean split = n > maxArraySlots;
            long perArray = split ? capacity : n;
            return new Layout(laps, n, n - 1, n, laps + 1, split ? capacity : 0, perArray - 1,
                    Math.toIntExact(perArray + 2 * PAD));
        }

        /** The slot word for an occupied, safe slot of lap {@code cycle}. */
        long entry(long cycle, long index) {
            return (cycle << cycleShift) | index;
        }

        long cycleOf(long entry) {
            return entry >>> cycleShift;
        }

        long indexOf(long entry) {
            return entry & bottom;
        }
    }

    /** log2 of the slot count of a ring of {@code capacity} (a power of two): one more than log2(capacity). */
    static int laps(int capacity) {
        return Integer.numberOfTrailingZeros(capacity) + 1;
    }

    /**
     * Slot number of {@code position} in a ring of {@code 2^laps} slots: the low {@code laps} bits
     * rotated left by {@link #SPREAD_SHIFT}, so positions {@code p} and {@code p+1} land 16 longs
     * (128 bytes) apart, except where the low part wraps: there the distance is {@code slots - 17}
     * longs, still 128 bytes or more from 64 slots up (the 32-slot ring gets 120 bytes, a different
     * 64-byte line). A rotation is a bijection on {@code 0 .. 2^laps-1}. Rings of 16 slots or fewer
     * fit in 128 bytes anyway and are not rotated.
     */
    static long remap(long position, int laps) {
        long mask = (1L << laps) - 1;
        long j = position & mask;
        return laps <= SPREAD_SHIFT ? j : ((j << SPREAD_SHIFT) & mask) | (j >>> (laps - SPREAD_SHIFT));
    }

    private long[] array(long slot) {
        return (slot & splitBit) == 0 ? lower : upper;
    }

    private int offset(long slot) {
        return (int) (slot & offsetMask) + PAD;
    }

    int capacity() {
        return capacity;
    }

    /**
     * Puts {@code index} at the tail. The caller guarantees that at most {@code capacity} indices
     * are in the ring at once (the pool's per-index state does), so this always succeeds.
     */
    void offer(int index) {
        for (;;) {
            long t = getAndIncrementTail();
            long cycle = t >>> laps;
            long j = remap(t, laps);
            long[] a = array(j);
            int o = offset(j);
            long e = (long) SLOT.getVolatile(a, o);
            for (;;) {
                // Usable: an older lap, empty, and either safe or no consumer of our lap is past us.
                if ((e >>> cycleShift) >= cycle || (e & bottom) != bottom
                        || ((e & unsafeBit) != 0 && head() > t)) {
                    break;                                  // skip this position, take the next
                }
                long w = (long) SLOT.compareAndExchange(a, o, e, (cycle << cycleShift) | index);
                if (w == e) {
                    if (threshold() != fullThreshold) {
                        resetThreshold(fullThreshold);
                    }
                    return;
                }
                e = w;
            }
            addHoles(1);                                    // tail passed t without an index
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
            long j = remap(h, laps);
            long[] a = array(j);
            int o = offset(j);
            long e = (long) SLOT.getVolatile(a, o);
            for (;;) {
                long ec = e >>> cycleShift;
                if (ec == cycle) {
                    // Ours (only the producer of position h writes cycle h occupied). Mark it empty
                    // but keep cycle and unsafe bit: a consumer of a later lap may set unsafe
                    // concurrently, hence the CAS loop instead of a plain store.
                    long w;
                    while ((w = (long) SLOT.compareAndExchange(a, o, e, e | bottom)) != e) {
                        e = w;
                    }
                    return (int) (e & bottom);
                }
                if (ec > cycle) {
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
                long w = (long) SLOT.compareAndExchange(a, o, e, replacement);
                if (w == e) {
                    break;
                }
                e = w;
            }
            long t = tail();
            if (t <= h + 1) {
                addHoles(catchUp(t, h + 1) - 1);            // h is dead; tail may jump over dead positions
                decrementThreshold();
                return -1;
            }
            addHoles(-1);                                   // head passed h without an index
            if (decrementThreshold() <= 0) {
                return -1;
            }
        }
    }

    /**
     * Consumers ran past the tail: pull the tail up to them so producers skip dead positions.
     *
     * @return how far this call moved the tail (0 if another thread moved it far enough)
     */
    private long catchUp(long t, long h) {
        while (!casTail(t, h)) {
            h = head();
            t = tail();
            if (t >= h) {
                return 0;
            }
        }
        return h - t;
    }

    /**
     * Number of indices in the ring: exact when no offer or poll is in flight, an estimate
     * (clamped to {@code 0 .. capacity}) otherwise.
     *
     * <p>{@code tail - head} alone over-counts after contention: a producer skips a position whose
     * slot still holds an index of an older lap that a slow consumer has claimed but not yet taken,
     * and that position stays between head and tail with no index in it until a consumer passes it.
     * {@code holes} counts such positions (tail moves without an index minus head moves without
     * one); it is only updated off the fast paths.
     */
    int size() {
        long holes = holes();
        long h = head();
        long t = tail();
        return (int) Math.max(0, Math.min(capacity, t - h - holes));
    }
}
