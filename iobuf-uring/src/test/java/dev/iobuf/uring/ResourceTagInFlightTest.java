package dev.iobuf.uring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.BufferPool;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tag CQEs come without an SQE: they must not count as finished operations, and (issue 9) a plain handler
 * never sees them: the ring routes them to their table.
 */
class ResourceTagInFlightTest {

    @Test
    void tagCompletionsLeaveTheInFlightCountAlone() {
        try (BufferPool pool = BufferPool.registerBuffers(4);
             Ring ring = RegisteredTestIo.ring(16)) {
            RegisteredBuffers rb = RegisteredBuffers.register(ring, pool);
            List<Long> seen = new ArrayList<>();
            rb.clear(0);
            rb.clear(1);
            ring.nextSqe().nop().userData(7);
            ring.submitAndWait(1);
            long deadline = System.nanoTime() + 2_000_000_000L;
            ring.reap((u, r, f) -> seen.add(u));
            while (rb.pendingReleases() > 0 && System.nanoTime() < deadline) {
                ring.submitAndWait(0);
                ring.reap((u, r, f) -> seen.add(u));
            }
            assertThat(seen).containsExactly(7L);
            assertThat(rb.pendingReleases()).as("both tags arrived and went to the table").isZero();
            assertThat(ResourceTags.of(ring).dispatchedTags()).isEqualTo(2);
            assertThat(ring.inFlight()).isZero();
            rb.close();
        }
    }
}
