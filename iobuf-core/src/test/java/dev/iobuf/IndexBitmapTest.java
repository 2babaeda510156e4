package dev.iobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link IndexBitmap} on one thread: layout up to 2^30, order within and across leaves, the
 * counter and hints across empty/refill transitions, and the double-collect path.
 */
class IndexBitmapTest {

    static IndexBitmap full(int capacity, int leafBits) {
        IndexBitmap b = new IndexBitmap(capacity, leafBits);
        b.fillAll();
        return b;
    }

    @Test
    void rejectsCapacitiesAndLeafSizesThatAreNotPowersOfTwoInRange() {
        for (int bad : new int[] {0, -1, 3, 6, 1000, (1 << 30) + 1, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            assertThatThrownBy(() -> new IndexBitmap(bad)).as("capacity %d", bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(String.valueOf(bad));
        }
        for (int bad : new int[] {0, 3, 64}) {
            assertThatThrownBy(() -> new IndexBitmap(64, bad)).as("leaf bits %d", bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(String.valueOf(bad));
        }
    }

    @Test
    void layoutPadsEachLeafUpTo4096LeavesAndPacksThemBeyond() {
        IndexBitmap.Layout one = IndexBitmap.Layout.of(1, 32);
        assertThat(one.leafCount()).isEqualTo(1);
        assertThat(one.leafShift()).isZero();
        IndexBitmap.Layout small = IndexBitmap.Layout.of(1024, 32);
        assertThat(small.leafCount()).isEqualTo(32);
        assertThat(small.strideShift()).as("16 longs = 128 bytes per leaf").isEqualTo(4);
        assertThat(small.leafArrayLength()).isEqualTo(32 * 16 + 2 * IndexBitmap.PAD);
        assertThat(small.hintWords()).isEqualTo(1);
        IndexBitmap.Layout lastPadded = IndexBitmap.Layout.of(4096 * 32, 32);
        assertThat(lastPadded.strideShift()).isEqualTo(4);
        IndexBitmap.Layout firstPacked = IndexBitmap.Layout.of(8192 * 32, 32);
        assertThat(firstPacked.strideShift()).isZero();
        // Capacity 2^30: 2^25 packed leaves (256 MiB), 2^19 hint words; computed, not allocated.
        IndexBitmap.Layout max = IndexBitmap.Layout.of(BoundedPool.MAX_CAPACITY, 32);
        assertThat(max.leafCount()).isEqualTo(1 << 25);
        assertThat(max.leafShift()).isEqualTo(5);
        assertThat(max.strideShift()).isZero();
        assertThat(max.leafArrayLength()).isEqualTo((1 << 25) + 2 * IndexBitmap.PAD);
        assertThat(max.hintWords()).isEqualTo(1 << 19);
    }

    @Test
    void lastIndexOfTheLargestBitmapMapsToTheLastBitOfTheLastLeaf() {
        IndexBitmap.Layout max = IndexBitmap.Layout.of(BoundedPool.MAX_CAPACITY, 32);
        int last = BoundedPool.MAX_CAPACITY - 1;
        assertThat(last >>> max.leafShift()).isEqualTo(max.leafCount() - 1);
        assertThat(last & ((1 << max.leafShift()) - 1)).isEqualTo(31);
    }

    @Test
    void anUnfilledBitmapHasNothingFreeAndAcceptsEachIndexOnce() {
        IndexBitmap b = new IndexBitmap(64);
        assertThat(b.poll(0)).isEqualTo(-1);
        assertThat(b.size()).isZero();
        assertThat(b.offer(40)).isTrue();
        assertThat(b.offer(40)).as("second offer of a free index").isFalse();
        assertThat(b.size()).isEqualTo(1);
        assertThat(b.poll(0)).isEqualTo(40);
    }

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {1, 2, 16, 32, 64, 1024})
    void aLeafHandsOutItsLowestFreeIndexFirst(int capacity) {
        IndexBitmap b = full(capacity, 32);
        int leafSize = Math.min(32, capacity);
        for (int k = 0; k < b.leafCount(); k++) {
            for (int i = 0; i < leafSize; i++) {
                assertThat(b.poll(k)).as("leaf %d, %d-th poll", k, i).isEqualTo(k * leafSize + i);
            }
        }
        assertThat(b.poll(0)).isEqualTo(-1);
        assertThat(b.size()).isZero();
        b.verifyQuiescent();
        if (capacity >= 4) {
            b.offer(3);
            b.offer(1);
            b.offer(2);
            assertThat(b.poll(0)).isEqualTo(1);
            assertThat(b.poll(0)).isEqualTo(2);
            assertThat(b.poll(0)).isEqualTo(3);
        }
    }

    @Test
    void anEmptyHomeLeafSendsThePollToTheNextNonEmptyLeafCircularly() {
        IndexBitmap b = full(16, 2);           // 8 leaves of 2
        for (int k = 0; k < 16; k++) {
            b.poll(k / 2);
        }
        b.offer(1);                            // leaf 0
        b.offer(10);                           // leaf 5
        b.offer(13);                           // leaf 6
        b.verifyQuiescent();
        assertThat(b.poll(6)).isEqualTo(13);   // its own leaf
        assertThat(b.poll(6)).as("leaf 6 empty: next is 7 (empty), then 0").isEqualTo(1);
        assertThat(b.poll(6)).as("then around to leaf 5").isEqualTo(10);
        assertThat(b.poll(6)).isEqualTo(-1);
        b.verifyQuiescent();
    }

    @Test
    void theCounterAndTheHintsFollowEveryEmptyingAndRefilling() {
        IndexBitmap b = full(256, 2);          // 128 leaves: two hint words
        SplittableRandom rnd = new SplittableRandom(7);
        BitSet free = new BitSet();
        free.set(0, 256);
        for (int step = 0; step < 20_000; step++) {
            if (rnd.nextBoolean()) {
                int i = b.poll(rnd.nextInt(128));
                if (free.isEmpty()) {
                    assertThat(i).isEqualTo(-1);
                } else {
                    assertThat(free.get(i)).as("poll gave %d", i).isTrue();
                    free.clear(i);
                }
            } else {
                int i = rnd.nextInt(256);
                assertThat(b.offer(i)).as("offer %d", i).isEqualTo(!free.get(i));
                free.set(i);
            }
            assertThat(b.size()).isEqualTo(free.cardinality());
            b.verifyQuiescent();
        }
    }

    /**
     * A release that turned an empty leaf non-empty counts the leaf before its CAS; if it stalls
     * there, the counter says "non-empty" with every leaf empty. A poll must not wait for it: it
     * proves emptiness with the double collect and answers -1.
     */
    @Test
    void aStalledCountDoesNotKeepPollFromAnsweringEmpty() {
        IndexBitmap b = full(64, 32);          // 2 leaves
        for (int k = 0; k < 64; k++) {
            b.poll(0);
        }
        assertThat(b.nonEmptyLeaves()).isZero();
        b.addNonEmptyLeaves(1);                // what the stalled release did so far
        assertThat(b.poll(0)).isEqualTo(-1);
        assertThat(b.poll(1)).isEqualTo(-1);
        b.addNonEmptyLeaves(-1);               // (the test's own undo)
        assertThat(b.offer(50)).isTrue();
        assertThat(b.poll(0)).isEqualTo(50);
        b.verifyQuiescent();
    }

    /**
     * The search can miss an index that keeps moving, and then only the double collect stands
     * between the poll and a wrong "empty". An adversary (what other threads could do, run at the
     * exact points where the polling thread reads a leaf) keeps one index free at every instant but,
     * before each of the first {@code dodges} leaf reads of the slow path, moves it out of the leaf
     * about to be read into the leaf read just before. The poll must not answer -1: the set was
     * never empty. Once the adversary stops, the poll must take the free index.
     */
    @ParameterizedTest(name = "{0} dodged reads")
    @ValueSource(ints = {1, 3, 5, 8, 12, 16, 24, 40})
    void aPollWhoseReadsKeepMissingAMovingIndexNeverAnswersEmpty(int dodges) {
        int capacity = 4;
        int[] calls = {0};
        int[] previous = {-1};
        BitSet held = new BitSet();
        IndexBitmap[] ref = new IndexBitmap[1];
        IndexBitmap b = new IndexBitmap(capacity, 1) {
            @Override
            void beforeScanRead(int k) {
                if (calls[0]++ >= dodges) {
                    return;
                }
                IndexBitmap self = ref[0];
                if (self.isFree(k)) {
                    // Release first (never empty), into the leaf read last (or any other), then take leaf k.
                    int into = previous[0] >= 0 && previous[0] != k ? previous[0] : (k + 1) % capacity;
                    held.clear(into);
                    assertThat(self.offer(into)).isTrue();
                    held.set(k);
                    assertThat(self.poll(k)).isEqualTo(k);   // single-index leaves: home k takes index k
                }
                previous[0] = k;
            }
        };
        ref[0] = b;
        b.fillAll();
        IndexBitmap quiet = b;
        for (int i = 0; i < capacity - 1; i++) {          // hold 0, 1, 2 (the hook is quiet: no slow path)
            held.set(i);
            assertThat(quiet.poll(i)).isEqualTo(i);
        }
        int home = 0;                                      // leaf 0 is empty: the poll goes the slow way
        int got = b.poll(home);
        assertThat(got).as("the set was never empty, %d reads dodged", dodges).isGreaterThanOrEqualTo(0);
        assertThat(held.get(got)).as("got %d, which the adversary holds", got).isFalse();
        assertThat(b.size()).isZero();
        b.verifyQuiescent();
    }

    /** One free index among 64 single-index leaves: every home finds it through the hints. */
    @Test
    void aPollFromAnyHomeFindsTheOnlyFreeIndex() {
        IndexBitmap b = full(64, 1);           // 64 leaves of one index, one hint word
        for (int k = 0; k < 64; k++) {
            assertThat(b.poll(k)).isEqualTo(k);
        }
        for (int home = 0; home < 64; home++) {
            int only = (home * 37) & 63;
            b.offer(only);
            b.verifyQuiescent();
            assertThat(b.poll(home)).as("from home %d", home).isEqualTo(only);
            assertThat(b.poll(home)).isEqualTo(-1);
            b.verifyQuiescent();
        }
    }

    @Test
    void aLeafEmptiedAndRefilledManyTimesKeepsItsBitsExact() {
        IndexBitmap b = full(1, 32);
        for (int n = 0; n < 100_000; n++) {
            assertThat(b.poll(0)).isZero();
            assertThat(b.poll(0)).isEqualTo(-1);
            assertThat(b.offer(0)).isTrue();
        }
        assertThat(b.size()).isEqualTo(1);
        assertThat(b.isFree(0)).isTrue();
    }

    @Test
    void theHomeLeafIsInRangeAndStableForAThread() {
        IndexBitmap b = full(1024, 32);
        int home = b.home();
        assertThat(home).isBetween(0, b.leafCount() - 1);
        assertThat(b.home()).as("stable for a thread").isEqualTo(home);
        assertThat(home).isEqualTo(IndexBitmap.homeOf(Thread.currentThread().threadId(), 5));
        assertThat(new IndexBitmap(1).home()).isZero();
    }

    /** Threads created one after another (consecutive ids) start on different leaves: no sharing. */
    @Test
    void eightConsecutiveThreadIdsGetEightDifferentHomesAmong32Leaves() {
        for (long first : new long[] {1, 20, 1_000, 123_456_789, Long.MAX_VALUE - 8}) {
            BitSet homes = new BitSet();
            for (long id = first; id < first + 8; id++) {
                int h = IndexBitmap.homeOf(id, 5);
                assertThat(h).isBetween(0, 31);
                assertThat(homes.get(h)).as("thread id %d shares home %d with an earlier one", id, h).isFalse();
                homes.set(h);
            }
        }
        assertThat(IndexBitmap.homeOf(12345, 0)).as("one leaf").isZero();
    }
}
