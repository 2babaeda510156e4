package dev.iobuf.uring;

import static dev.iobuf.uring.RingTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IOSQE_IO_LINK, IOSQE_IO_HARDLINK and IOSQE_IO_DRAIN ordering and failure propagation. */
@KernelTest
class OpLinkTest {
    @TempDir
    Path dir;

    private static Map<Long, Integer> complete(Ring r, int n) {
        Map<Long, Integer> res = new HashMap<>();
        while (res.size() < n) {
            r.submitAndWait(1);
            r.reap((u, x, f) -> res.put(u, x));
        }
        return res;
    }

    @Test
    void linkedWriteThenReadRunsInOrder() {
        try (Ring r = ring(8); Arena arena = Arena.ofConfined()) {
            int fd = open(arena, dir.resolve("linked"), O_RDWR | O_CREAT | O_TRUNC, 0644);
            try {
                MemorySegment in = arena.allocate(16);
                r.nextSqe().writeUnsafe(fd, arena.allocateFrom("chain", StandardCharsets.US_ASCII).asSlice(0, 5), 0)
                        .link().userData(1);
                r.nextSqe().readUnsafe(fd, in, 0).userData(2);
                Map<Long, Integer> res = complete(r, 2);
                assertThat(res).containsEntry(1L, 5).containsEntry(2L, 5);
                assertThat(new String(in.asSlice(0, 5).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.US_ASCII))
                        .isEqualTo("chain");
            } finally {
                close(fd);
            }
        }
    }

    @Test
    void aFailingLinkCancelsTheRestOfTheChain() {
        try (Ring r = ring(8); Arena arena = Arena.ofConfined()) {
            r.require(RingFeature.LINKED_FILE);   // before 5.17 the bad fd fails the chain at submit, head included
            MemorySegment buf = arena.allocate(8);
            r.nextSqe().nop().link().userData(1);
            r.nextSqe().readUnsafe(-1, buf, 0).link().userData(2);     // EBADF
            r.nextSqe().nop().link().userData(3);
            r.nextSqe().nop().userData(4);
            r.nextSqe().nop().userData(5);                       // not in the chain
            Map<Long, Integer> res = complete(r, 5);
            assertThat(res).containsEntry(1L, 0).containsEntry(2L, -EBADF)
                    .containsEntry(3L, -ECANCELED).containsEntry(4L, -ECANCELED).containsEntry(5L, 0);
            assertThat(r.inFlight()).isZero();
        }
    }

    @Test
    void aHardLinkKeepsGoingAfterAFailure() {
        try (Ring r = ring(8); Arena arena = Arena.ofConfined()) {
            r.require(RingFeature.LINKED_FILE);   // before 5.17 the bad fd fails the chain at submit, head included
            MemorySegment buf = arena.allocate(8);
            r.nextSqe().readUnsafe(-1, buf, 0).hardLink().userData(1);
            r.nextSqe().nop().hardLink().userData(2);
            r.nextSqe().nop().userData(3);
            Map<Long, Integer> res = complete(r, 3);
            assertThat(res).containsEntry(1L, -EBADF).containsEntry(2L, 0).containsEntry(3L, 0);
        }
    }

    @Test
    void drainWaitsForEverythingSubmittedBefore() {
        try (Ring r = ring(8)) {
            // Without drain the NOP overtakes the timer; with drain it waits for it.
            r.nextSqe().timeout(Duration.ofMillis(30)).userData(1);
            r.nextSqe().nop().userData(2);
            assertThat(order(r, 2)).containsExactly(2L, 1L);

            r.nextSqe().timeout(Duration.ofMillis(30)).userData(3);
            r.nextSqe().nop().drain().userData(4);
            assertThat(order(r, 2)).containsExactly(3L, 4L);
        }
    }

    @Test
    void drainIsRefusedOnceSkipSuccessWasUsed() {
        try (Ring r = ring(8)) {
            r.require(RingFeature.CQE_SKIP);
            r.nextSqe().nop().skipSuccess().userData(1);
            r.nextSqe().nop().drain().userData(2);
            Map<Long, Integer> res = complete(r, 1);
            assertThat(res).as("no CQE for the successful skip-success NOP").containsOnlyKeys(2L);
            assertThat(res.get(2L)).isEqualTo(-95);   // EOPNOTSUPP, as io_init_req answers after CQE_SKIP
            assertThat(r.skipSuccessSubmitted()).isEqualTo(1);
            assertThat(r.inFlight()).isZero();
        }
    }

    private static List<Long> order(Ring r, int n) {
        List<Long> order = new ArrayList<>();
        while (order.size() < n) {
            r.submitAndWait(1);
            r.reap((u, x, f) -> order.add(u));
        }
        return order;
    }
}
