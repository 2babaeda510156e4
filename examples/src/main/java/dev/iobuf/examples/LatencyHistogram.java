package dev.iobuf.examples;

/**
 * A fixed-bucket histogram of non-negative values (latencies in nanoseconds), after HdrHistogram's
 * log-linear layout: values below 128 have a bucket each; above, every power of two is split into
 * 64 equal buckets, so a bucket spans at most 1/64 of its values (a relative error under 1.6%).
 * 3712 counters cover the whole positive {@code long} range; {@link #record} is a few instructions
 * and allocates nothing. Not thread-safe: one recorder.
 */
final class LatencyHistogram {
    private static final int SUB_BITS = 7;
    /** Values below this are counted exactly. */
    private static final int EXACT = 1 << SUB_BITS;
    /** Buckets per power of two above {@link #EXACT}. */
    private static final int HALF = EXACT >>> 1;
    /** Powers of two 2^7 .. 2^62 split into HALF buckets each, after the EXACT ones. */
    static final int BUCKETS = EXACT + (62 - SUB_BITS + 1) * HALF;

    private final long[] counts = new long[BUCKETS];
    private long count;
    private long sum;
    private long min = Long.MAX_VALUE;
    private long max;

    /** Counts {@code value} (negative values count as 0: a clock that stepped back). */
    void record(long value) {
        long v = Math.max(0, value);
        counts[bucket(v)]++;
        count++;
        sum += v;
        if (v < min) {
            min = v;
        }
        if (v > max) {
            max = v;
        }
    }

    /** Adds every value {@code other} counted (to merge per-thread histograms). */
    void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        count += other.count;
        sum += other.sum;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    static int bucket(long v) {
        if (v < EXACT) {
            return (int) v;
        }
        int shift = 63 - Long.numberOfLeadingZeros(v) - (SUB_BITS - 1);   // v >>> shift lies in [64, 128)
        return EXACT + (shift - 1) * HALF + (int) (v >>> shift) - HALF;
    }

    /** The largest value that falls in bucket {@code b}. */
    static long highestIn(int b) {
        if (b < EXACT) {
            return b;
        }
        int j = b - EXACT;
        int shift = j / HALF + 1;
        long top = j % HALF + HALF;
        return ((top + 1) << shift) - 1;
    }

    /** The smallest value that falls in bucket {@code b}. */
    static long lowestIn(int b) {
        if (b < EXACT) {
            return b;
        }
        int j = b - EXACT;
        int shift = j / HALF + 1;
        long top = j % HALF + HALF;
        return top << shift;
    }

    long count() {
        return count;
    }

    /** The smallest value recorded, 0 when empty. */
    long min() {
        return count == 0 ? 0 : min;
    }

    /** The largest value recorded, 0 when empty. */
    long max() {
        return max;
    }

    double mean() {
        return count == 0 ? 0 : (double) sum / count;
    }

    /**
     * The value at {@code percentile} (0..100): the upper end of the bucket holding the value of rank
     * {@code ceil(percentile/100 * count)} (HdrHistogram's convention), never above {@link #max()}.
     * 0 when empty.
     */
    long percentile(double percentile) {
        if (percentile < 0 || percentile > 100 || Double.isNaN(percentile)) {
            throw new IllegalArgumentException("percentile must be in 0 .. 100, got " + percentile);
        }
        if (count == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percentile / 100 * count));
        long seen = 0;
        for (int b = 0; b < BUCKETS; b++) {
            seen += counts[b];
            if (seen >= rank) {
                return Math.min(highestIn(b), max);
            }
        }
        return max;
    }
}
