package dev.iobuf.uring.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.uring.testkit.ChildJvm;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A start does not bring JFR up: with no recording, a group's loops (ring set-up, pools, buffer rings, the
 * monitor) load no JFR event class, so JFR's metadata repository is not built (hundreds of ms of a start;
 * benchmarks/README.md, "Start time"). A recording started later still gets the events: the ring set-up of the
 * next group and the loops' periodic summaries. In a child JVM, whose class loading is logged.
 */
class LazyJfrTest {
    @Test
    void noJfrEventClassLoadsBeforeARecordingAndTheEventsComeOnceOneRuns() throws Exception {
        ChildJvm.Result r = ChildJvm.onClassPath(LazyJfrChild.class)
                .withJvmOptions("-Xlog:class+load=info:stdout:tags")
                .run(Duration.ofSeconds(60));
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
        assertThat(before).as("no JFR event class is loaded before a recording")
                .noneMatch(l -> l.contains(" jdk.jfr.Event ") || l.matches(".*class,load.* dev\\.iobuf\\..*Event .*"));
        List<String> after = lines.subList(mark, lines.size());
        assertThat(after).as(r.toString()).contains("ECHO ping", "EVENT dev.iobuf.RingSetup", "EVENT dev.iobuf.ConnectionSummary");
    }
}
