package dev.iobuf.uring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@KernelTest
class RingNopTest {

    @Test
    void nopBatchCompletesWithUserData() {
        try (Ring ring = Ring.open(64)) {
            for (int i = 0; i < 40; i++) {
                ring.nextSqe().nop().userData(1000 + i);
            }
            assertThat(ring.submitAndWait(40)).isEqualTo(40);
            List<Long> seen = new ArrayList<>();
            int n = ring.reap((ud, res, flags) -> {
                assertThat(res).isZero();
                seen.add(ud);
            });
            assertThat(n).isEqualTo(40);
            assertThat(seen).hasSize(40).allMatch(u -> u >= 1000 && u < 1040).doesNotHaveDuplicates();
            assertThat(ring.inFlight()).isZero();
        }
    }

    @Test
    void moreSqesThanEntriesSubmitsAlongTheWay() {
        try (Ring ring = Ring.builder().entries(8).cqSize(64).build()) {
            int[] count = {0};
            for (int i = 0; i < 50; i++) {
                ring.nextSqe().nop().userData(i);
            }
            ring.submitAndWait(50);
            ring.reap((u, r, f) -> count[0]++);
            assertThat(count[0]).isEqualTo(50);
        }
    }

    @Test
    void useAfterCloseIsIllegalState() {
        Ring ring = Ring.open(8);
        Sqe sqe = ring.nextSqe().nop();
        ring.close();
        ring.close();
        assertThatThrownBy(ring::nextSqe).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(ring::submit).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sqe.userData(1)).isInstanceOf(IllegalStateException.class);
    }
}
