package dev.iobuf.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
    @Test
    void everyValueLiesInItsBucketAndBucketsAreAtMostOneSixtyFourthWide() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 200_000; i++) {
            long v = random.nextLong(Long.MAX_VALUE) >>> random.nextInt(63);
            int b = LatencyHistogram.bucket(v);
            assertThat(b).isBetween(0, LatencyHistogram.BUCKETS - 1);
            assertThat(LatencyHistogram.lowestIn(b)).as("lowest of bucket %d for %d", b, v).isLessThanOrEqualTo(v);
            assertThat(LatencyHistogram.highestIn(b)).as("highest of bucket %d for %d", b, v).isGreaterThanOrEqualTo(v);
            long width = LatencyHistogram.highestIn(b) - LatencyHistogram.lowestIn(b) + 1;
            assertThat(width).as("width of bucket %d", b).isLessThanOrEqualTo(Math.max(1, v / 64 + 1));
        }
    }

    @Test
    void bucketsTileTheRangeWithoutGaps() {
        for (int b = 1; b < LatencyHistogram.BUCKETS - 1; b++) {
            assertThat(LatencyHistogram.lowestIn(b)).as("bucket %d starts where %d ends", b, b - 1)
                    .isEqualTo(LatencyHistogram.highestIn(b - 1) + 1);
        }
        assertThat(LatencyHistogram.bucket(Long.MAX_VALUE)).isEqualTo(LatencyHistogram.BUCKETS - 1);
        assertThat(LatencyHistogram.highestIn(LatencyHistogram.BUCKETS - 1)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void smallValuesAreExact() {
        LatencyHistogram h = new LatencyHistogram();
        for (int v = 1; v <= 100; v++) {
            h.record(v);
        }
        assertThat(h.count()).isEqualTo(100);
        assertThat(h.min()).isEqualTo(1);
        assertThat(h.max()).isEqualTo(100);
        assertThat(h.percentile(50)).isEqualTo(50);
        assertThat(h.percentile(99)).isEqualTo(99);
        assertThat(h.percentile(100)).isEqualTo(100);
        assertThat(h.percentile(0)).isEqualTo(1);
        assertThat(h.mean()).isEqualTo(50.5);
    }

    @Test
    void percentilesOfAUniformSpreadAreWithinTheBucketError() {
        LatencyHistogram h = new LatencyHistogram();
        for (long v = 1; v <= 1_000_000; v++) {
            h.record(v * 1000);   // 1 us .. 1 s in ns
        }
        for (double p : new double[] {10, 50, 90, 99, 99.9}) {
            double exact = p / 100 * 1_000_000 * 1000;
            assertThat((double) h.percentile(p)).as("p%s", p).isBetween(exact, exact * (1 + 1.0 / 64));
        }
        assertThat(h.percentile(100)).isEqualTo(h.max()).isEqualTo(1_000_000_000L);
    }

    @Test
    void anEmptyHistogramAnswersZeroAndNegativeValuesCountAsZero() {
        LatencyHistogram h = new LatencyHistogram();
        assertThat(h.percentile(99)).isZero();
        assertThat(h.min()).isZero();
        assertThat(h.max()).isZero();
        assertThat(h.mean()).isZero();
        h.record(-5);
        assertThat(h.count()).isEqualTo(1);
        assertThat(h.max()).isZero();
        assertThatThrownBy(() -> h.percentile(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
