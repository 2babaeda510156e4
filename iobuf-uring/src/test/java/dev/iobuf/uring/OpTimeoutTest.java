package dev.iobuf.uring;

import static dev.iobuf.uring.RingTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iobuf.liburing.__kernel_timespec;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpTimeoutTest {

    @Test
    void pureTimerExpiresWithEtimeAfterItsDuration() {
        try (Ring r = ring(8)) {
            long start = System.nanoTime();
            r.nextSqe().timeout(Duration.ofMillis(30)).userData(1);
            r.submitAndWait(1);
            long elapsed = System.nanoTime() - start;
            int[] res = {0};
            assertThat(r.reap((u, x, f) -> res[0] = x)).isEqualTo(1);
            assertThat(res[0]).isEqualTo(-ETIME);
            assertThat(elapsed).isGreaterThanOrEqualTo(30_000_000L);
        }
    }

    @Test
    void countTimeoutCompletesWithZeroOnceEnoughOtherCompletionsPosted() {
        try (Ring r = ring(8)) {
            r.nextSqe().timeout(Duration.ofSeconds(10), 2, 0).userData(1);
            r.nextSqe().nop().userData(2);
            r.nextSqe().nop().userData(3);
            r.submitAndWait(3);
            Map<Long, Integer> res = new HashMap<>();
            r.reap((u, x, f) -> res.put(u, x));
            assertThat(res).containsEntry(1L, 0).containsEntry(2L, 0).containsEntry(3L, 0);
        }
    }

    @Test
    void callerOwnedTimespecWorksToo() {
        try (Ring r = ring(8); Arena arena = Arena.ofConfined()) {
            MemorySegment ts = __kernel_timespec.allocate(arena);
            __kernel_timespec.tv_sec(ts, 0);
            __kernel_timespec.tv_nsec(ts, 5_000_000);
            r.nextSqe().timeoutUnsafe(ts, 0, 0).userData(1);
            r.submitAndWait(1);
            int[] res = {0};
            r.reap((u, x, f) -> res[0] = x);
            assertThat(res[0]).isEqualTo(-ETIME);
        }
    }

    @Test
    void theKernelCopiesTheTimespecAtSubmitSoTheScratchSlotCanBeReused() {
        // Two SQ slots: the 300 ms timeout's slot (and its scratch timespec) is reused for a 20 ms one.
        try (Ring r = ring(() -> Ring.builder().entries(2).build())) {
            long start = System.nanoTime();
            r.nextSqe().timeout(Duration.ofMillis(300)).userData(300);
            r.submit();
            r.nextSqe().timeout(Duration.ofMillis(10)).userData(10);
            r.submit();
            r.nextSqe().timeout(Duration.ofMillis(20)).userData(20);   // slot 0 again: scratch rewritten
            r.submit();
            List<Long> order = new ArrayList<>();
            Map<Long, Long> at = new HashMap<>();
            while (order.size() < 3) {
                r.submitAndWait(1);
                r.reap((u, x, f) -> {
                    assertThat(x).isEqualTo(-ETIME);
                    order.add(u);
                    at.put(u, System.nanoTime() - start);
                });
            }
            assertThat(order).containsExactly(10L, 20L, 300L);
            assertThat(at.get(300L)).as("the first timeout kept its 300 ms").isGreaterThanOrEqualTo(300_000_000L);
        }
    }

    @Test
    void linkTimeoutCancelsAStuckRequestAndIsCancelledByAFastOne() {
        int[] p = pipe(0);
        try (Ring r = ring(8); Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(16);
            // Nothing to read: the read blocks, the link timeout fires and cancels it.
            r.nextSqe().readUnsafe(p[0], buf, -1).link().userData(1);
            r.nextSqe().linkTimeout(Duration.ofMillis(20)).userData(2);
            r.submitAndWait(2);
            Map<Long, Integer> res = new HashMap<>();
            while (res.size() < 2) {
                r.submitAndWait(1);
                r.reap((u, x, f) -> res.put(u, x));
            }
            assertThat(res).containsEntry(1L, -ECANCELED).containsEntry(2L, -ETIME);

            // Data is there: the read completes, the timeout is cancelled.
            write(p[1], arena.allocateFrom("hi"), 2);
            r.nextSqe().readUnsafe(p[0], buf, -1).link().userData(3);
            r.nextSqe().linkTimeout(Duration.ofSeconds(5)).userData(4);
            res.clear();
            while (res.size() < 2) {
                r.submitAndWait(1);
                r.reap((u, x, f) -> res.put(u, x));
            }
            assertThat(res).containsEntry(3L, 2).containsEntry(4L, -ECANCELED);
        } finally {
            close(p[0], p[1]);
        }
    }

    @Test
    void timeoutRemoveCancelsAPendingTimer() {
        try (Ring r = ring(8)) {
            r.nextSqe().timeout(Duration.ofSeconds(30)).userData(1);
            r.submit();
            r.nextSqe().timeoutRemove(1).userData(2);
            Map<Long, Integer> res = new HashMap<>();
            while (res.size() < 2) {
                r.submitAndWait(1);
                r.reap((u, x, f) -> res.put(u, x));
            }
            assertThat(res).containsEntry(1L, -ECANCELED).containsEntry(2L, 0);
        }
    }

    @Test
    void negativeTimeoutsAreRejectedBeforeTheKernelSeesThem() {
        try (Ring r = ring(8)) {
            Sqe sqe = r.nextSqe();
            assertThatThrownBy(() -> sqe.timeout(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> sqe.linkTimeoutNanos(-5, 0)).isInstanceOf(IllegalArgumentException.class);
            sqe.nop();
            r.submitAndWait(1);
            assertThat(r.reap((u, x, f) -> { })).isEqualTo(1);
        }
    }
}
