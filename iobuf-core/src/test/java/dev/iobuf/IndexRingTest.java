package dev.iobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayDeque;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link IndexRing} on one thread: FIFO order, laps, the two-array layout, the bit layout at 2^30. */
class IndexRingTest {

    @Test
    void rejectsCapacitiesThatAreNotPowersOfTwoInRange() {
        for (int bad : new int[] {0, -1, 3, 6, 1000, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            assertThatThrownBy(() -> new IndexRing(bad, false)).as("capacity %d", bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(String.valueOf(bad));
        }
    }

    @Test
    void fullRingHandsOutZeroToCapacityMinusOneInOrderThenReportsEmpty() {
        IndexRing r = new IndexRing(8, true);
        assertThat(r.size()).isEqualTo(8);
        for (int i = 0; i < 8; i++) {
            assertThat(r.poll()).isEqualTo(i);
            assertThat(r.size()).isEqualTo(7 - i);
        }
        for (int k = 0; k < 100; k++) {
            assertThat(r.poll()).isEqualTo(-1);
        }
        assertThat(r.size()).isZero();
        r.offer(5);
        assertThat(r.size()).isEqualTo(1);
        assertThat(r.poll()).isEqualTo(5);
    }

    @Test
    void emptyRingPollsMinusOneAndAcceptsOffersInFifoOrder() {
        IndexRing r = new IndexRing(4, false);
        assertThat(r.poll()).isEqualTo(-1);
        assertThat(r.size()).isZero();
        r.offer(3);
        r.offer(1);
        r.offer(0);
        r.offer(2);
        assertThat(r.size()).isEqualTo(4);
        assertThat(r.poll()).isEqualTo(3);
        assertThat(r.poll()).isEqualTo(1);
        assertThat(r.poll()).isEqualTo(0);
        assertThat(r.poll()).isEqualTo(2);
        assertThat(r.poll()).isEqualTo(-1);
    }

    /** Thousands of laps: cycles keep growing, the slot words must keep telling laps apart. */
    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {1, 2, 4, 8, 16, 32, 64, 1024})
    void manyLapsKeepFifoOrder(int capacity) {
        IndexRing r = new IndexRing(capacity, true);
        ArrayDeque<Integer> model = new ArrayDeque<>();
        for (int i = 0; i < capacity; i++) {
            model.addLast(i);
        }
        int rounds = Math.max(200, 200_000 / capacity);
        int[] out = new int[capacity];
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < capacity; k++) {
                out[k] = r.poll();
                assertEquals(model.pollFirst(), out[k], "poll in round " + round);
            }
            assertEquals(-1, r.poll(), "poll of an empty ring");
            // Give back in a rotating order so the FIFO content differs every lap.
            for (int k = 0; k < capacity; k++) {
                int i = out[(k + round) % capacity];
                r.offer(i);
                model.addLast(i);
            }
            assertEquals(capacity, r.size(), "size after round " + round);
        }
    }

    /** Random polls and offers against a FIFO model, one array and two arrays. */
    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {1, 2, 4, 8, 32, 64})
    void randomCallsMatchAFifoInBothLayouts(int capacity) {
        for (long seed = 1; seed <= 3; seed++) {
            randomCalls(new IndexRing(capacity, seed % 2 == 0), seed % 2 == 0, capacity, seed);
            // maxArraySlots = capacity: 2 * capacity slots live in two arrays, as at capacity 2^30.
            randomCalls(new IndexRing(capacity, seed % 2 == 0, capacity), seed % 2 == 0, capacity, seed);
        }
    }

    private static void randomCalls(IndexRing r, boolean full, int capacity, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        ArrayDeque<Integer> model = new ArrayDeque<>();
        ArrayDeque<Integer> out = new ArrayDeque<>();
        for (int i = 0; i < capacity; i++) {
            (full ? model : out).addLast(i);
        }
        for (int step = 0; step < 50_000; step++) {
            if (rnd.nextInt(100) < 50) {
                Integer expected = model.pollFirst();
                int got = r.poll();
                assertEquals(expected == null ? -1 : expected, got, "poll at step " + step);
                if (got >= 0) {
                    out.addLast(got);
                }
            } else if (!out.isEmpty()) {
                int i = rnd.nextBoolean() ? out.pollFirst() : out.pollLast();
                r.offer(i);
                model.addLast(i);
            }
            assertEquals(model.size(), r.size(), "size at step " + step);
        }
    }

    @Test
    void twoArrayLayoutSplitsOnlyWhenTheSlotsDoNotFitOneArray() {
        IndexRing.Layout one = IndexRing.Layout.of(1 << 29, IndexRing.MAX_ARRAY_SLOTS);
        assertThat(one.slots()).isEqualTo(1L << 30);
        assertThat(one.splitBit()).isZero();
        assertThat(one.arrayLength()).isEqualTo((1 << 30) + 32);

        IndexRing.Layout small = IndexRing.Layout.of(4, 4);
        assertThat(small.splitBit()).isEqualTo(4);
        assertThat(small.arrayLength()).isEqualTo(4 + 32);
        assertThatThrownBy(() -> IndexRing.Layout.of(8, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The largest ring, computed without allocating 16 GiB: 2^31 slots in two arrays of 2^30 (a
     * single long[2^31] cannot exist; the first version overflowed {@code capacity << 1} to a
     * negative int here), 31 index bits, unsafe at bit 31, cycles from bit 32.
     */
    @Test
    void layoutAtCapacity2To30() {
        int capacity = 1 << 30;
        IndexRing.Layout l = IndexRing.Layout.of(capacity, IndexRing.MAX_ARRAY_SLOTS);
        assertThat(l.laps()).isEqualTo(31);
        assertThat(l.slots()).isEqualTo(1L << 31);
        assertThat(l.splitBit()).isEqualTo(1L << 30);
        assertThat(l.offsetMask()).isEqualTo((1L << 30) - 1);
        assertThat(l.arrayLength()).isEqualTo((1 << 30) + 32).isLessThan(Integer.MAX_VALUE - 8);
        assertThat(l.bottom()).isEqualTo((1L << 31) - 1).isGreaterThan(capacity - 1L);
        assertThat(l.unsafeBit()).isEqualTo(1L << 31);
        assertThat(l.bottom() & l.unsafeBit()).isZero();
        assertThat(l.cycleShift()).isEqualTo(32);

        // Decoding round-trips for the first lap, a late lap, and the last position before 2^63.
        long[] positions = {l.slots(), l.slots() + 12345, 1L << 40, Long.MAX_VALUE - 7};
        for (long position : positions) {
            long cycle = position >>> l.laps();
            for (long index : new long[] {0, 1, capacity - 1L}) {
                long e = l.entry(cycle, index);
                assertThat(l.cycleOf(e)).as("cycle of position %d", position).isEqualTo(cycle);
                assertThat(l.indexOf(e)).isEqualTo(index);
                assertThat(e & l.unsafeBit()).isZero();
                assertThat(l.cycleOf(e | l.unsafeBit() | l.bottom())).isEqualTo(cycle);
            }
            // The next lap compares greater, wherever it is still a position (below 2^63).
            if (position <= Long.MAX_VALUE - l.slots()) {
                assertThat(l.cycleOf(l.entry(cycle + 1, 0))).isEqualTo(cycle + 1);
            }
        }
    }

    @Test
    void layoutAtCapacityOne() {
        IndexRing.Layout l = IndexRing.Layout.of(1, IndexRing.MAX_ARRAY_SLOTS);
        assertThat(l.laps()).isEqualTo(1);
        assertThat(l.slots()).isEqualTo(2);
        assertThat(l.bottom()).isEqualTo(1);
        assertThat(l.unsafeBit()).isEqualTo(2);
        assertThat(l.cycleShift()).isEqualTo(2);
        assertThat(l.indexOf(l.entry(5, 0))).isZero();
        assertThat(l.cycleOf(l.entry(5, 0))).isEqualTo(5);
    }

    private static void assertEquals(int expected, int actual, String what) {
        if (expected != actual) {
            fail(what + ": expected " + expected + " but was " + actual);
        }
    }

    private static void assertEquals(Integer expected, int actual, String what) {
        assertEquals(expected == null ? -1 : expected.intValue(), actual, what);
    }
}
