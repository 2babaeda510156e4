package dev.iobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link IndexRing#remap}: every ring position maps to exactly one slot (a bijection on each lap)
 * and consecutive positions land 128 bytes apart.
 */
class IndexRingRemapTest {
    private static final int LONGS_PER_128_BYTES = 16;

    /** Every capacity 1 .. 2^16 (the rings of 2 .. 2^17 slots), every slot, exhaustively. */
    @Test
    void remapIsABijectionOnEveryLapForCapacitiesUpTo2To16() {
        for (int capacity = 1; capacity <= 1 << 16; capacity <<= 1) {
            int laps = IndexRing.laps(capacity);
            int slots = 1 << laps;
            BitSet hit = new BitSet(slots);
            // Two laps, starting where the ring starts (position = slots): each lap covers every slot once.
            for (long lap = 1; lap <= 2; lap++) {
                hit.clear();
                for (long p = lap * slots; p < (lap + 1) * slots; p++) {
                    long j = IndexRing.remap(p, laps);
                    if (j < 0 || j >= slots || hit.get((int) j)) {
                        fail("capacity " + capacity + ": position " + p + " maps to " + j
                                + (j >= 0 && j < slots ? ", already taken" : ", outside the ring"));
                    }
                    hit.set((int) j);
                }
                assertThat(hit.cardinality()).as("slots hit at capacity %d", capacity).isEqualTo(slots);
            }
        }
    }

    /**
     * Positions p and p+1 land 128 bytes apart (never in one 128-byte block) in rings of 64 slots
     * or more. In the 32-slot ring (capacity 16) no bijection can do that for every pair; there
     * neighbours are at least 120 bytes apart, so never on one 64-byte line.
     */
    @Test
    void consecutivePositionsAre128BytesApart() {
        for (int capacity = 16; capacity <= 1 << 16; capacity <<= 1) {
            int laps = IndexRing.laps(capacity);
            long slots = 1L << laps;
            long minimum = capacity == 16 ? LONGS_PER_128_BYTES - 1 : LONGS_PER_128_BYTES;
            for (long p = slots; p < 3 * slots; p++) {
                long a = IndexRing.remap(p, laps);
                long b = IndexRing.remap(p + 1, laps);
                if (Math.abs(a - b) < minimum) {
                    fail("capacity " + capacity + ": positions " + p + " and " + (p + 1) + " map to slots "
                            + a + " and " + b);
                }
            }
        }
    }

    /** Rings of up to 16 slots fit in 128 bytes and keep positions in order. */
    @Test
    void smallRingsAreNotRotated() {
        for (int capacity = 1; capacity <= 8; capacity <<= 1) {
            int laps = IndexRing.laps(capacity);
            for (long p = 0; p < 4L << laps; p++) {
                assertThat(IndexRing.remap(p, laps)).isEqualTo(p & ((1L << laps) - 1));
            }
        }
    }

    /**
     * The largest ring (2^31 slots): too big to enumerate cheaply, so check that remap is undone by
     * rotating back (which makes it a bijection) on random and edge positions.
     */
    @Test
    void remapAtCapacity2To30IsARotationThatRotatingBackUndoes() {
        int laps = IndexRing.laps(1 << 30);
        assertThat(laps).isEqualTo(31);
        long mask = (1L << laps) - 1;
        SplittableRandom rnd = new SplittableRandom(42);
        for (int k = 0; k < 1_000_000; k++) {
            long p = k < 64 ? mask - k : rnd.nextLong() >>> 1;
            long j = IndexRing.remap(p, laps);
            assertRange(j, mask, p);
            long back = (j >>> IndexRing.SPREAD_SHIFT) | ((j << (laps - IndexRing.SPREAD_SHIFT)) & mask);
            if (back != (p & mask)) {
                fail("remap(" + p + ") = " + j + " does not rotate back");
            }
            long next = IndexRing.remap(p + 1, laps);
            if (Math.abs(next - j) < LONGS_PER_128_BYTES) {
                fail("positions " + p + " and " + (p + 1) + " share a 128-byte block");
            }
        }
    }

    private static void assertRange(long j, long mask, long p) {
        if (j < 0 || j > mask) {
            fail("remap(" + p + ") = " + j + " is outside 0 .. " + mask);
        }
    }
}
