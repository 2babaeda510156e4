package dev.iobuf.uring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Slots are not cleared on claim: the Sqe view's states keep an older entry from running again. */
class SqeStateTest {

    @Test
    void aClaimedButUnpreparedSlotRunsAsANopWithUserDataZero() {
        try (Ring ring = Ring.open(4)) {
            // Fill every slot once with a recognisable operation, then reuse them without preparing one.
            for (int lap = 0; lap < 2; lap++) {
                for (int i = 0; i < 4; i++) {
                    ring.nextSqe().nop().userData(100 + i);
                }
                ring.submitAndWait(4);
                ring.reap((u, r, f) -> { });
            }
            ring.nextSqe().nop().userData(7);
            ring.nextSqe();                       // claimed, never prepared: still holds "nop userData=101"
            ring.submitAndWait(2);
            List<Long> seen = new ArrayList<>();
            ring.reap((u, r, f) -> seen.add(u));
            assertThat(seen).containsExactly(7L, 0L);
        }
    }

    @Test
    void settersNeedAnOperationFirst() {
        try (Ring ring = Ring.open(4)) {
            Sqe sqe = ring.nextSqe();
            assertThatThrownBy(() -> sqe.userData(1)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("operation method");
            assertThatThrownBy(sqe::link).isInstanceOf(IllegalStateException.class);
            sqe.nop().link().userData(3);
            sqe.nop();                            // re-preparing the same slot is allowed and erases flags
            ring.submitAndWait(1);
            long[] got = {-1};
            ring.reap((u, r, f) -> got[0] = u);
            assertThat(got[0]).isZero();
        }
    }

    @Test
    void aViewKeptAfterSubmitRefusesWrites() {
        try (Ring ring = Ring.open(4)) {
            Sqe sqe = ring.nextSqe().nop().userData(1);
            ring.submit();
            assertThatThrownBy(() -> sqe.userData(2)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("nextSqe");
            assertThatThrownBy(sqe::nop).isInstanceOf(IllegalStateException.class);
            ring.submitAndWait(1);
            long[] got = {-1};
            ring.reap((u, r, f) -> got[0] = u);
            assertThat(got[0]).isEqualTo(1L);
        }
    }
}
