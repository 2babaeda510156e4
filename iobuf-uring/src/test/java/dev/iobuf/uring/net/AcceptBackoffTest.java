package dev.iobuf.uring.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.liburing.Errno;
import org.junit.jupiter.api.Test;

/** The accept pause out of fds: doubling to a cap, reset by a success, one report per interval with the count. */
class AcceptBackoffTest {

    @Test
    void pausesDoubleUpToTheCapAndASuccessfulAcceptResetsThem() {
        AcceptBackoff b = new AcceptBackoff(1_000_000_000L);
        long first = AcceptBackoff.FIRST_PAUSE_NANOS;
        assertThat(b.failed()).isEqualTo(first);
        assertThat(b.failed()).isEqualTo(2 * first);
        assertThat(b.failed()).isEqualTo(4 * first);
        for (int i = 0; i < 20; i++) {
            b.failed();
        }
        assertThat(b.failed()).isEqualTo(AcceptBackoff.MAX_PAUSE_NANOS);
        b.succeeded();
        assertThat(b.failed()).isEqualTo(first);
    }

    @Test
    void failuresAreReportedOncePerIntervalWithTheirCount() {
        AcceptBackoff b = new AcceptBackoff(1_000);
        b.failed();
        assertThat(b.shouldReport(0)).isTrue();
        assertThat(b.takeFailures()).isEqualTo(1);
        for (int i = 0; i < 764; i++) {
            b.failed();
            assertThat(b.shouldReport(1 + i)).as("within the interval").isFalse();
        }
        b.failed();
        assertThat(b.shouldReport(1_000)).isTrue();
        assertThat(b.takeFailures()).isEqualTo(765);
        String m = AcceptBackoff.message("loop 0", "/127.0.0.1:8080", -Errno.EMFILE.number(), 765, 10_000_000_000L);
        assertThat(m).contains("EMFILE").contains("765 accept(s) failed since the last report (one per 10 s at most)").contains("ulimit -n");
    }

    @Test
    void onlyEmfileAndEnfileMeanOutOfFds() {
        assertThat(AcceptBackoff.isOutOfFds(-Errno.EMFILE.number())).isTrue();
        assertThat(AcceptBackoff.isOutOfFds(-Errno.ENFILE.number())).isTrue();
        assertThat(AcceptBackoff.isOutOfFds(-Errno.ECONNABORTED.number())).isFalse();
        assertThat(AcceptBackoff.isOutOfFds(5)).isFalse();
    }

    @Test
    void bothTransportsAskOnePolicyOutOfFdsAGrowingCountedPauseElseAFixedRetry() {
        AcceptBackoff b = new AcceptBackoff(10_000_000_000L);
        LoopCounters counters = new LoopCounters();
        long first = b.pauseAfter("loop 0", "/127.0.0.1:80", -Errno.EMFILE.number(), counters);
        assertThat(first).isEqualTo(AcceptBackoff.FIRST_PAUSE_NANOS);
        assertThat(b.pauseAfter("loop 0", "/127.0.0.1:80", -Errno.ENFILE.number(), counters)).isEqualTo(2 * first);
        assertThat(counters.acceptsOutOfFds).isEqualTo(2);
        assertThat(b.pauseAfter("loop 0", "/127.0.0.1:80", -Errno.ECONNABORTED.number(), counters))
                .isEqualTo(AcceptBackoff.RETRY_NANOS);
        assertThat(counters.acceptsOutOfFds).as("only out-of-fds failures count there").isEqualTo(2);
    }
}
