package dev.iobuf.uring.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.uring.testkit.ChildJvm;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A start brings neither JFR nor the platform MBean server up on the loops' path, and skips nothing. A loop
 * started before anyone asked for JMX still gets its MBean (registered by the warm-up thread once the server is
 * up). And no JFR: with no recording, a group's loops (ring set-up, pools, buffer rings, the
 * monitor) load no JFR event class, so JFR's metadata repository is not built (hundreds of ms of a start;
 * benchmarks/README.md, "Start time"). A recording started later still gets the events: the ring set-up of the
 * next group and the loops' periodic summaries. In a child JVM, whose class loading is logged.
 */
class LazyObservabilityTest {
    @Test
    void noJfrEventClassLoadsBeforeARecordingAndTheEventsComeOnceOneRunsAndTheLoopStillGetsItsMBean() throws Exception {
        ChildJvm.Result r = ChildJvm.onClassPath(LazyObservabilityChild.class)
                .withJvmOptions("-Xlog:class+load=info:stdout:tags")
                .run(Duration.ofSeconds(120));  // the warm-up runs at nice 10: slow on a busy machine
        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<String> lines = r.stdoutLines();
        if (lines.contains("TRANSPORT NIO")) {
            Assumptions.abort("io_uring is not usable here (the group fell back to NIO), skipping: " + r.stderr());
        }
        int mark = lines.indexOf("MARK recording");
        assertThat(mark).as(r.toString()).isPositive();
        List<String> before = lines.subList(0, mark);
        assertThat(before).as("an echo was served before any recording").contains("ECHO ping");
        assertThat(before).as("JFR stays down").contains("JFR_UP false");
        assertThat(before).as("the loop got its MBean though nothing asked for JMX before it started")
                .contains("MBEAN true");
        assertThat(before).as("no JFR event class is loaded before a recording")
                .noneMatch(l -> l.contains(" jdk.jfr.Event ") || l.matches(".*class,load.* dev\\.iobuf\\..*Event .*"));
        List<String> after = lines.subList(mark, lines.size());
        assertThat(after).as(r.toString()).contains("ECHO ping", "EVENT dev.iobuf.RingSetup", "EVENT dev.iobuf.ConnectionSummary");
    }
}
