package dev.iobuf;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The free indices of a {@link BoundedPool}: a lock-free, linearizable set of indices in
 * {@code 0 .. capacity-1}, one bit per index, where the bit is also the index's ownership state
 * (set = free, clear = acquired).
 *
 * <h2>Layout</h2>
 * Indices are grouped in <em>leaves</em> of {@link #LEAF_BITS} (fewer when the capacity is smaller).
 * A leaf is one {@code long}: the low 32 bits are the free bits of its indices, the high 32 bits a
 * version that every change of the word increments (it wraps; see the double collect below). Up to
 * {@link #PADDED_LEAVES_MAX} leaves each sit alone on a 128-byte block (two 64-byte lines, against
 * the adjacent-line prefetcher; arm64 lines are 128 bytes), so threads working on different leaves
 * share no cache line; larger bitmaps pack the leaves (a thread's leaf then shares its line with 15
 * others out of many thousands). Each thread starts at its <em>home leaf</em>, a Fibonacci hash of its
 * thread id, so threads spread over the leaves and, while their homes differ and have free indices,
 * never write a line another thread writes.
 * The <em>standard</em> layout (32 indices per leaf, each leaf on its own 128 bytes: capacities 32 to
 * 128 Ki) is addressed with constant shifts; the others (fewer indices per leaf, packed leaves) with
 * the shifts their fields hold.
 *
 * <h2>Operations</h2>
 * <ul>
 *   <li>{@link #poll}: take the lowest free bit of the home leaf with one CAS (the fast path). If the
 *       home leaf is empty, read {@code nonEmptyLeaves}; if it is 0 the set is empty. Otherwise look
 *       at the leaves whose hint bit is set, then at every leaf, circularly from the home leaf.</li>
 *   <li>{@link #offer}: one CAS on the index's leaf sets its bit. If the bit is already set (a double
 *       release) it returns false without writing anything, so the set stays exactly as it was.
 *       Racing releases of one index: one CAS wins, the others then see the bit set (one that had
 *       counted a refill of an empty leaf takes the count back).</li>
 * </ul>
 * In the steady state (the home leaf neither empties nor refills) a poll and an offer are one CAS
 * each and touch nothing else; the counter and the hints change only when a leaf turns empty or
 * non-empty. With a single leaf (capacity up to 32) there is no counter and no hint: the leaf's own
 * empty read is the answer.
 *
 * <p>Linearization points: a successful poll or offer at its CAS; a rejected offer at the read that
 * shows the bit set (the first read, or a failed CAS, whose witness is the next value looked at); an
 * empty answer at the counter read that shows 0 (or the leaf read, with one
 * leaf), or at the instant between the two passes of the double collect below.
 *
 * <h2>Why "empty" is linearizable</h2>
 * {@code nonEmptyLeaves} (C) never under-counts: at every instant C is at least the number of leaves
 * with a free bit. An offer that turns an empty leaf non-empty increments C <em>before</em> its CAS
 * (and takes the increment back if the CAS shows the leaf was refilled by someone else); a poll that
 * empties a leaf decrements C <em>after</em> its CAS. So reading C == 0 proves that at that instant
 * no leaf held a free index: that read is the linearization point of the {@code -1}. When no call is
 * in flight C is exact.
 *
 * <p>C over-counts while a call sits between its CAS and its counter update. A poll that finds C > 0
 * but no free bit anywhere does not wait for that call (that would not be lock-free): it proves
 * emptiness itself with a double collect, reading every leaf twice. If every leaf was empty both
 * times and the sum of the versions did not change, no leaf changed between its two reads (each
 * change adds one to one 32-bit version, so the sum comes back only after at least 2^32 changes in
 * between), so all leaves were empty at the instant between the two passes. If a leaf changed, some other call
 * completed: the loop is lock-free. This path costs O(leaves) and runs only in that race.
 *
 * <h2>Hints</h2>
 * One hint bit per leaf says "may have free bits": set by the offer that refills a leaf (after its
 * CAS, if it reads the bit clear), cleared by the poll that empties a leaf and by a search that finds
 * a hinted leaf empty. Whoever clears a hint reads the leaf again afterwards and sets the hint back if
 * the leaf has a free bit; the refilling offer reads the hint after its CAS. Both sides use
 * sequentially consistent accesses, so at least one of them sees the other (the Dekker pattern), and
 * when no call is in flight every non-empty leaf is hinted. Hints only steer the search (O(leaves/64)
 * words instead of O(leaves)); a hint missing in a race sends the search on to the full scan.
 *
 * <h2>Order</h2>
 * A caller gets the lowest free index of the first non-empty leaf in circular order from its home
 * leaf (exactly, when no other call is in flight). So an index a thread just released is usually what
 * it gets next: for a buffer pool, the buffer that is still in its cache.
 *
 * <h2>Memory ordering</h2>
 * Every access to a leaf, a hint word and C is volatile or a volatile CAS / getAndAdd /
 * getAndBitwiseOr/And (sequentially consistent; on x86 the reads are plain loads and the writes
 * locked instructions); the arguments above rely on that total order. A released index's CAS
 * happens-before the CAS of the poll that takes it (both on the index's leaf), so whatever its
 * releaser wrote before the release is visible to the next holder.
 */
class IndexBitmap extends BitmapCounters {
    /** Indices per leaf (the low half of a leaf word). */
    static final int LEAF_BITS = 32;
    /** Leaves up to which each leaf gets its own 128-byte block (512 KiB of leaves). */
    static final int PADDED_LEAVES_MAX = 4096;
    /** The free bits of a leaf word. */
    static final long FREE = 0xFFFF_FFFFL;
    /** One change in a leaf word's version (its high half). */
    static final long VERSION_ONE = 1L << 32;
    /** Empty longs before and after the leaves and the hints, so neighbours on the heap never share a line pair. */
    static final int PAD = 16;
    /** log2 of {@link #LEAF_BITS}: the leaf shift of the standard layout. */
    private static final int STANDARD_LEAF_SHIFT = 5;
    /** 16 longs (128 bytes) per leaf: the stride shift of the standard (padded) layout. */
    private static final int STANDARD_STRIDE_SHIFT = 4;
    /** 2^64 / golden ratio: consecutive thread ids get home leaves far apart. */
    private static final long GOLDEN = 0x9E37_79B9_7F4A_7C15L;

    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);

    private final long[] leaves;
    private final long[] hints;
    final int capacity;             // read directly by BoundedPool's release (no call, no extra load)
    private final int leafShift;    // log2(indices per leaf)
    private final int leafMask;     // index -> bit number in its leaf
    private final long allBits;     // the free bits of a full leaf
    private final int leafCount;    // a power of two
    private final int logLeaves;
    private final int strideShift;  // leaf k lives at (k << strideShift) + PAD
    // The usual layout (32 indices per leaf, 128 bytes per leaf: capacities 32 .. 128 Ki) is spelled
    // with constant shifts, branching on this flag rather than shifting by a field: the field loads and
    // register shifts sat on the fast path's chain between two CAS, a predicted branch does not (see
    // benchmarks/README.md, "The last 1.2x").
    private final boolean standard;
    private final int hintWords;    // a power of two

    /** An empty set (every index acquired) of {@code capacity}, a power of two in {@code 1 .. 2^30}. */
    IndexBitmap(int capacity) {
        this(capacity, LEAF_BITS);
    }

    /** As above with {@code leafBits} (a power of two up to 32) indices per leaf, so tests can use many leaves. */
    IndexBitmap(int capacity, int leafBits) {
        Layout layout = Layout.of(capacity, leafBits);
        this.capacity = capacity;
        this.leafShift = layout.leafShift();
        this.leafMask = (1 << leafShift) - 1;
        this.allBits = (1L << (1 << leafShift)) - 1;
        this.leafCount = layout.leafCount();
        this.logLeaves = Integer.numberOfTrailingZeros(leafCount);
        this.strideShift = layout.strideShift();
        this.standard = leafShift == STANDARD_LEAF_SHIFT && strideShift == STANDARD_STRIDE_SHIFT;
        this.hintWords = layout.hintWords();
        this.leaves = new long[layout.leafArrayLength()];
        this.hints = new long[hintWords + 2 * PAD];
    }

    /**
     * Sizes of a bitmap, computed without allocating it (so tests can check capacity 2^30).
     *
     * @param leafShift log2 of the indices per leaf
     * @param leafCount number of leaves, a power of two
     * @param strideShift log2 of the longs per leaf slot: 4 (128 bytes) or 0 (packed)
     * @param leafArrayLength length of the leaf array, padding included
     * @param hintWords longs of hint bits (one bit per leaf), a power of two
     */
    record Layout(int leafShift, int leafCount, int strideShift, int leafArrayLength, int hintWords) {
        static Layout of(int capacity, int leafBits) {
            if (capacity < 1 || Integer.bitCount(capacity) != 1 || capacity > BoundedPool.MAX_CAPACITY) {
                throw new IllegalArgumentException("bitmap capacity must be a power of two in 1 .. 2^30, got " + capacity);
            }
            if (leafBits < 1 || Integer.bitCount(leafBits) != 1 || leafBits > LEAF_BITS) {
                throw new IllegalArgumentException("leaf bits must be a power of two in 1 .. 32, got " + leafBits);
            }
            int leafShift = Integer.numberOfTrailingZeros(Math.min(leafBits, capacity));
            int leafCount = capacity >>> leafShift;
            int strideShift = leafCount <= PADDED_LEAVES_MAX ? 4 : 0;
            return new Layout(leafShift, leafCount, strideShift, (leafCount << strideShift) + 2 * PAD,
                    Math.max(1, leafCount >>> 6));
        }
    }

    int capacity() {
        return capacity;
    }

    int leafCount() {
        return leafCount;
    }

    /** Frees every index. Once, before the set is shared (the caller publishes it). */
    void fillAll() {
        for (int k = 0; k < leafCount; k++) {
            LONGS.setRelease(leaves, leafOffset(k), allBits);
        }
        for (int j = 0; j < hintWords; j++) {
            LONGS.setRelease(hints, PAD + j, leafCount >= 64 ? -1L : (1L << leafCount) - 1);
        }
        initNonEmptyLeaves(leafCount);
    }

    /** The calling thread's home leaf. */
    int home() {
        return homeOf(Thread.currentThread().threadId(), logLeaves);
    }

    /**
     * Home leaf of thread {@code threadId} among {@code 2^logLeaves} leaves: the top bits of the id
     * times 2^64/golden ratio (Fibonacci hashing), so up to 8 consecutive ids land on 8 different
     * leaves of 32 or more (the three-distance theorem spaces them at least 1/phi^5 = 0.09 apart).
     */
    static int homeOf(long threadId, int logLeaves) {
        return (int) Long.rotateLeft(threadId * GOLDEN, logLeaves) & ((1 << logLeaves) - 1);
    }

    /** Takes a free index, preferring the caller's home leaf; -1 if none is free. Allocates nothing. */
    int poll() {
        return poll(home());
    }

    /** {@link #poll()} starting from leaf {@code home}. */
    int poll(int home) {
        int i = take(home);
        return i >= 0 || leafCount == 1 ? i : pollOthers(home);   // one leaf: its empty read is the answer
    }

    /**
     * Gives {@code index} back.
     *
     * @return false, having changed nothing, if {@code index} is free already
     */
    boolean offer(int index) {
        int k = leafOf(index);
        long bit = bitOf(index);
        int o = leafOffset(k);
        long[] a = leaves;      // as in take
        long w = (long) LONGS.getVolatile(a, o);
        boolean refills = false;    // our CAS turns an empty leaf non-empty; C was incremented for it
        for (;;) {
            if ((w & bit) != 0) {
                if (refills) {
                    addNonEmptyLeaves(-1);
                }
                return false;
            }
            boolean empty = (w & FREE) == 0 && leafCount > 1;
            if (empty != refills) {
                addNonEmptyLeaves(empty ? 1 : -1);   // count the leaf before it shows a free bit
                refills = empty;
            }
            long seen = (long) LONGS.compareAndExchange(a, o, w, (w | bit) + VERSION_ONE);
            if (seen == w) {
                break;
            }
            w = seen;
        }
        if (refills && !hinted(k)) {
            setHint(k);
        }
        return true;
    }

    /** Whether {@code index} is free right now. */
    boolean isFree(int index) {
        long w = (long) LONGS.getVolatile(leaves, leafOffset(leafOf(index)));
        return (w & bitOf(index)) != 0;
    }

    /** Free indices: exact when no poll or offer is in flight; O(leaves). */
    int size() {
        int n = 0;
        for (int k = 0; k < leafCount; k++) {
            n += Long.bitCount((long) LONGS.getVolatile(leaves, leafOffset(k)) & FREE);
        }
        return n;
    }

    /**
     * For tests: checks what holds when no poll or offer is in flight (C exact, every non-empty leaf
     * hinted, no free bit beyond the capacity).
     *
     * @throws IllegalStateException naming the first invariant that does not hold
     */
    void verifyQuiescent() {
        int nonEmpty = 0;
        for (int k = 0; k < leafCount; k++) {
            long w = (long) LONGS.getVolatile(leaves, leafOffset(k));
            if ((w & FREE & ~allBits) != 0) {
                throw new IllegalStateException("leaf " + k + " has free bits beyond the capacity: " + Long.toHexString(w));
            }
            if ((w & FREE) != 0) {
                nonEmpty++;
                if (leafCount > 1 && !hinted(k)) {
                    throw new IllegalStateException("leaf " + k + " has free indices but no hint");
                }
            }
        }
        if (leafCount > 1 && nonEmptyLeaves() != nonEmpty) {
            throw new IllegalStateException("nonEmptyLeaves is " + nonEmptyLeaves() + " but " + nonEmpty + " leaves have free indices");
        }
    }

    /** The lowest free index of leaf {@code k}, taken; -1 if the leaf is empty. */
    private int take(int k) {
        long[] a = leaves;      // a local: C2 reloads fields after every volatile access, locals it keeps
        int first = standard ? k << STANDARD_LEAF_SHIFT : k << leafShift;
        int o = leafOffset(k);
        long w = (long) LONGS.getVolatile(a, o);
        while ((w & FREE) != 0) {
            long bit = w & -w;
            long next = w - bit + VERSION_ONE;
            long seen = (long) LONGS.compareAndExchange(a, o, w, next);
            if (seen == w) {
                if ((next & FREE) == 0 && leafCount > 1) {
                    emptied(k);
                }
                return first + Long.numberOfTrailingZeros(bit);
            }
            w = seen;
        }
        return -1;
    }

    /** After the CAS that took the last free bit of leaf {@code k}. */
    private void emptied(int k) {
        addNonEmptyLeaves(-1);
        unhint(k);
    }

    /** The home leaf is empty: prove the set empty, or take an index from another leaf. */
    private int pollOthers(int home) {
        for (;;) {
            if (nonEmptyLeaves() == 0) {
                return -1;                          // C never under-counts: no leaf has a free bit now
            }
            int i = searchHints(home);
            if (i < 0) {
                i = searchAll(home);
            }
            if (i >= 0) {
                return i;
            }
            // C > 0 but nothing found: a call is between its CAS and its counter update (or leaves
            // changed under the search). Double collect: empty twice with the same versions.
            long before = emptyVersionSum();
            if (before >= 0 && emptyVersionSum() == before) {
                return -1;
            }
        }
    }

    /** Hinted leaves, circularly from {@code home}: the home word's bits from home up, other words, then its bits below home. */
    private int searchHints(int home) {
        int first = home >>> 6;
        for (int n = 0; n <= hintWords; n++) {
            int j = (first + n) & (hintWords - 1);
            long h = (long) LONGS.getVolatile(hints, PAD + j);
            if (n == 0) {
                h &= -1L << home;                   // shifts use home mod 64
            } else if (n == hintWords) {
                h &= ~(-1L << home);
            }
            while (h != 0) {
                int k = (j << 6) + Long.numberOfTrailingZeros(h);
                beforeScanRead(k);
                int i = take(k);
                if (i >= 0) {
                    return i;
                }
                unhint(k);                          // stale: the leaf is empty
                h &= h - 1;
            }
        }
        return -1;
    }

    private int searchAll(int home) {
        for (int n = 0; n < leafCount; n++) {
            int k = (home + n) & (leafCount - 1);
            beforeScanRead(k);
            int i = take(k);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** Sum of the leaves' versions if every leaf is empty, else -1. */
    private long emptyVersionSum() {
        long sum = 0;
        for (int k = 0; k < leafCount; k++) {
            beforeScanRead(k);
            long w = (long) LONGS.getVolatile(leaves, leafOffset(k));
            if ((w & FREE) != 0) {
                return -1;
            }
            sum += w >>> 32;
        }
        return sum;
    }

    /** Clears leaf {@code k}'s hint, then restores it if the leaf has a free bit (an offer may have read the old hint). */
    private void unhint(int k) {
        LONGS.getAndBitwiseAnd(hints, PAD + (k >>> 6), ~(1L << k));
        if (((long) LONGS.getVolatile(leaves, leafOffset(k)) & FREE) != 0) {
            setHint(k);
        }
    }

    private void setHint(int k) {
        LONGS.getAndBitwiseOr(hints, PAD + (k >>> 6), 1L << k);
    }

    private boolean hinted(int k) {
        return ((long) LONGS.getVolatile(hints, PAD + (k >>> 6)) & (1L << k)) != 0;
    }

    /**
     * Runs with the leaf number before every leaf read of the slow path (search and double collect):
     * nothing here; a test subclass changes the bitmap exactly there, as another thread could.
     */
    void beforeScanRead(int k) {
    }

    private int leafOffset(int k) {
        return (standard ? k << STANDARD_STRIDE_SHIFT : k << strideShift) + PAD;
    }

    private int leafOf(int index) {
        return standard ? index >>> STANDARD_LEAF_SHIFT : index >>> leafShift;
    }

    /** {@code index}'s bit in its leaf word. */
    private long bitOf(int index) {
        return 1L << (standard ? index & (LEAF_BITS - 1) : index & leafMask);
    }
}
