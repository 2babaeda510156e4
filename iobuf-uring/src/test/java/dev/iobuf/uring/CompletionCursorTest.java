package dev.iobuf.uring;

import static dev.iobuf.uring.RingTestSupport.ring;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompletionCursorTest {

    @Test
    void cursorYieldsEveryCompletionOnceInOrderThenFalse() {
        try (Ring r = ring(32)) {
            CompletionCursor c = r.completions();
            assertThat(r.completions()).as("one cursor per ring").isSameAs(c);
            assertThat(c.next()).isFalse();
            for (int i = 0; i < 20; i++) {
                r.nextSqe().nop().userData(500 + i);
            }
            r.submitAndWait(20);
            List<Long> seen = new ArrayList<>();
            while (c.next()) {
                assertThat(c.result()).isZero();
                assertThat(c.flags()).isZero();
                assertThat(c.hasMore()).isFalse();
                assertThat(c.bufferId()).isEqualTo(-1);
                seen.add(c.userData());
            }
            assertThat(seen).hasSize(20).isSorted().first().isEqualTo(500L);
            assertThat(c.next()).isFalse();
            assertThat(r.cqReady()).isZero();
            assertThat(r.inFlight()).isZero();
        }
    }

    @Test
    void leavingEarlyAndAdvanceHandTheSlotsBackAndTheRestStaysReadyForReap() {
        try (Ring r = ring(() -> Ring.builder().entries(8).cqSize(8).build())) {
            for (int i = 0; i < 8; i++) {
                r.nextSqe().nop().userData(i);
            }
            r.submitAndWait(8);
            CompletionCursor c = r.completions();
            for (int i = 0; i < 3; i++) {
                assertThat(c.next()).isTrue();
                assertThat(c.userData()).isEqualTo(i);
            }
            c.advance();
            assertThat(r.cqReady()).isEqualTo(5);
            // The CQ is full again after 3 more NOPs: nothing lost, nothing seen twice.
            for (int i = 8; i < 11; i++) {
                r.nextSqe().nop().userData(i);
            }
            r.submit();
            List<Long> rest = new ArrayList<>();
            r.reap((u, x, f) -> rest.add(u));
            assertThat(rest).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        }
    }

    @Test
    void cursorFlushesDeferredCompletionsItself() throws Exception {
        try (Ring r = ring(() -> Ring.builder().entries(8).deferTaskrun(true).build())) {
            r.nextSqe().timeout(Duration.ofMillis(1)).userData(77);
            r.submit();
            Thread.sleep(30);
            assertThat(r.cqReady()).as("deferred: not in the CQ until the owner enters").isZero();
            CompletionCursor c = r.completions();
            assertThat(c.next()).isTrue();
            assertThat(c.userData()).isEqualTo(77);
            assertThat(c.result()).isEqualTo(-RingTestSupport.ETIME);
            assertThat(c.next()).isFalse();
        }
    }
}
