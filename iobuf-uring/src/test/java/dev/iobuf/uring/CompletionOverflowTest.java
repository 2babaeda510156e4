package dev.iobuf.uring;

import static dev.iobuf.uring.RingTestSupport.ring;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

/**
 * Far more completions than CQ entries, none reaped meanwhile: with IORING_FEAT_NODROP the kernel keeps
 * the surplus and flags IORING_SQ_CQ_OVERFLOW; reaping must deliver every one, exactly once.
 */
@KernelTest
class CompletionOverflowTest {
    private static final int OPS = 2000;

    @Test
    void overflowedCompletionsAreAllDeliveredByReap() {
        try (Ring r = ring(() -> Ring.builder().entries(8).cqSize(8).build())) {
            r.require(RingFeature.NODROP);
            assertThat(r.cqEntries()).isEqualTo(8);
            submitNops(r);
            assertThat(r.cqReady()).as("the CQ holds only its 8 entries").isEqualTo(8);
            BitSet seen = new BitSet(OPS);
            int[] count = {0};
            int reaped = r.reap((u, res, f) -> {
                assertThat(res).isZero();
                assertThat(seen.get((int) u)).as("user_data %d twice", u).isFalse();
                seen.set((int) u);
                count[0]++;
            });
            assertThat(reaped).isEqualTo(OPS);
            assertThat(count[0]).isEqualTo(OPS);
            assertThat(seen.cardinality()).isEqualTo(OPS);
            assertThat(r.inFlight()).isZero();
        }
    }

    @Test
    void overflowedCompletionsAreAllDeliveredByTheCursor() {
        try (Ring r = ring(() -> Ring.builder().entries(8).cqSize(8).build())) {
            submitNops(r);
            BitSet seen = new BitSet(OPS);
            CompletionCursor c = r.completions();
            int count = 0;
            while (c.next()) {
                assertThat(seen.get((int) c.userData())).isFalse();
                seen.set((int) c.userData());
                count++;
            }
            assertThat(count).isEqualTo(OPS);
            assertThat(seen.cardinality()).isEqualTo(OPS);
            assertThat(r.inFlight()).isZero();
        }
    }

    private static void submitNops(Ring r) {
        for (int i = 0; i < OPS; i++) {
            r.nextSqe().nop().userData(i);   // a full SQ submits along the way
        }
        r.submit();
        assertThat(r.inFlight()).isEqualTo(OPS);
    }
}
