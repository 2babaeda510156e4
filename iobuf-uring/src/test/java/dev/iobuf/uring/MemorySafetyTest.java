package dev.iobuf.uring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Issue 9: the kernel never writes into freed memory, no caller gets native access it was not granted, no
 * thread hangs. Each case runs in a child JVM (a crash must fail a test, not end the run) and repeats its
 * scenario {@value #REPEATS} times there: exit 0, no {@code hs_err_pid*.log}, a canary allocated after each
 * close never written, every lease and fd counter back at zero (checked by {@link MemorySafetyChild}).
 */
class MemorySafetyTest {
    private static final int REPEATS = 200;

    @Test
    void aPoolCannotBeClosedUnderAReadAndCallerArenasAndHeapSegmentsAreRefused() throws Exception {
        assertScenario("pool-read", REPEATS);
    }

    @Test
    void aBufferGroupsPoolCannotBeClosedWhileMultishotRecvIsArmedOnABusySocket() throws Exception {
        assertScenario("buffer-ring", REPEATS);
    }

    @Test
    void aPoolCannotBeClosedUnder32FixedReads() throws Exception {
        assertScenario("fixed-qd32", REPEATS);
    }

    @Test
    void fourThreadsCloseTheRingWhileTheOwnerSubmitsAndWaits() throws Exception {
        assertScenario("close-race", REPEATS);
    }

    @Test
    void aRingClosedByItsOwnHandlerOrFromAnotherThreadIsNeverTouchedAfterItsUnmap() throws Exception {
        assertScenario("close-in-handler", REPEATS);
    }

    @Test
    void aWaitingOwnerCanBeInterrupted() throws Exception {
        assertScenario("interrupt", 20);
    }

    private static void assertScenario(String scenario, int repeats) throws Exception {
        SafetyChildJvm.Result r = SafetyChildJvm.onClassPath(MemorySafetyChild.class, scenario, String.valueOf(repeats));
        if (r.output().contains("IoUringBlockedException") || r.output().contains("IoUringUnavailableException")) {
            org.junit.jupiter.api.Assumptions.abort("io_uring is not usable here, skipping: " + r.output());
        }
        assertThat(r.crashLogs()).as("JVM crash logs of %s:\n%s", scenario, r.output()).isEmpty();
        assertThat(r.output()).as(r.output()).contains("OK " + scenario + " " + repeats).doesNotContain("FAIL");
        assertThat(r.exitCode()).as(r.output()).isZero();
    }
}
