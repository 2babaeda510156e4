package dev.iobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BufferTierTest {

    @Test
    void twelveTiersArePowersOfFourFrom32BytesTo128MiB() {
        BufferTier[] tiers = BufferTier.values();
        assertThat(tiers).hasSize(12);
        long size = 32;
        for (BufferTier t : tiers) {
            assertThat(t.size()).as(t.name()).isEqualTo(size);
            size *= 4;
        }
        assertThat(BufferTier.PICO.size()).isEqualTo(32);
        assertThat(BufferTier.LARGE.size()).isEqualTo(128 << 10);
        assertThat(BufferTier.HUGE.size()).isEqualTo(2 << 20);
        assertThat(BufferTier.TITAN.size()).isEqualTo(128 << 20);
    }

    @Test
    void forSizePicksTheSmallestTierThatHoldsTheRequest() {
        BufferTier previous = null;
        for (BufferTier t : BufferTier.values()) {
            assertThat(BufferTier.forSize(t.size())).as("exactly %d", t.size()).isEqualTo(t);
            assertThat(BufferTier.forSize(t.size() - 1L)).as("%d - 1", t.size())
                    .isEqualTo(t == BufferTier.PICO ? BufferTier.PICO : t);
            if (previous != null) {
                assertThat(BufferTier.forSize(previous.size() + 1L)).as("%d + 1", previous.size()).isEqualTo(t);
            }
            previous = t;
        }
    }

    @Test
    void forSizeAgreesWithALinearScanForEverySmallSize() {
        for (long n = 0; n <= 70_000; n++) {
            BufferTier expected = BufferTier.TITAN;
            for (BufferTier t : BufferTier.values()) {
                if (n <= t.size()) {
                    expected = t;
                    break;
                }
            }
            if (BufferTier.forSize(n) != expected) {
                throw new AssertionError("forSize(" + n + ") = " + BufferTier.forSize(n) + ", expected " + expected);
            }
        }
    }

    @Test
    void zeroAndTinySizesArePico() {
        assertThat(BufferTier.forSize(0)).isEqualTo(BufferTier.PICO);
        assertThat(BufferTier.forSize(1)).isEqualTo(BufferTier.PICO);
    }

    @Test
    void sizesAboveTitanMapToTitan() {
        assertThat(BufferTier.forSize((128L << 20) + 1)).isEqualTo(BufferTier.TITAN);
        assertThat(BufferTier.forSize(1L << 40)).isEqualTo(BufferTier.TITAN);
        assertThat(BufferTier.forSize(Long.MAX_VALUE)).isEqualTo(BufferTier.TITAN);
    }

    @Test
    void negativeSizesAreRejectedWithTheValue() {
        assertThatThrownBy(() -> BufferTier.forSize(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> BufferTier.forSize(Long.MIN_VALUE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BufferTier.bufferSize(-5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-5");
    }

    @Test
    void bufferSizeIsTheSizeOfTheChosenTier() {
        assertThat(BufferTier.bufferSize(0)).isEqualTo(32);
        assertThat(BufferTier.bufferSize(33)).isEqualTo(128);
        assertThat(BufferTier.bufferSize(4096)).isEqualTo(8192);
        assertThat(BufferTier.bufferSize(128 << 10)).isEqualTo(128 << 10);
        assertThat(BufferTier.bufferSize(1L << 40)).isEqualTo(128 << 20);
    }

    @Test
    void largerAndSmallerWalkTheTiersAndStopAtTheEnds() {
        assertThat(BufferTier.PICO.smaller()).isNull();
        assertThat(BufferTier.TITAN.larger()).isNull();
        for (BufferTier t : BufferTier.values()) {
            if (t.larger() != null) {
                assertThat(t.larger().size()).isEqualTo(t.size() * 4);
                assertThat(t.larger().smaller()).isEqualTo(t);
            }
        }
    }
}
