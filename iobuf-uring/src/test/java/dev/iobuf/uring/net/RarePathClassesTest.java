package dev.iobuf.uring.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.uring.Transport;
import dev.iobuf.uring.testkit.ChildJvm;
import dev.iobuf.uring.testkit.ClassLoadLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Out of fds a loop cannot load a class, so every class of the runtime its rare paths reach is loaded before it runs
 * ({@link RarePathClasses}). In a child JVM with a class-load log ({@link RarePathsChild}): after the group was built,
 * listened and settled, closes, resets, aborts, deadlines, idle timeouts, a handler's exception, a timer, client
 * connects (one refused), TLS (one failed handshake), UDP and the shutdown load no class of ours from a class folder or
 * jar; a class named here is missing from its package's list. On both transports.
 */
class RarePathClassesTest {
    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"IO_URING", "NIO"})
    void theRarePathsLoadNoClassOfOursOnceTheGroupRuns(Transport transport, @TempDir Path dir) throws Exception {
        if (transport == Transport.IO_URING) {
            NetTestSupport.ringOrSkip().close();
        }
        Path log = dir.resolve("class-load.log");
        ChildJvm.Result r = ChildJvm.onClassPath(RarePathsChild.class)
                .withJvmOptions("-Xlog:class+load=info:file=" + log)
                .run(Duration.ofSeconds(120), transport.name());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).as(r.toString()).contains("MARK", "DONE 0");
        if (r.stdout().contains("UDP skipped")) {
            System.err.println("RarePathClassesTest: UDP not covered on this kernel: " + r.stdout());
        }
        List<String> lines = Files.readAllLines(log);
        int mark = indexOf(lines, " " + RarePathsChild.Mark.class.getName() + " ");
        assertThat(mark).as("the marker class is in the log").isNotNegative();
        List<String> late = ClassLoadLog.ourClassesReadFromFiles(lines.subList(mark + 1, lines.size()));
        assertThat(late).as("classes of the runtime first loaded by a rare path (add each to its package's "
                + "RarePathClasses); child output:\n%s", r).isEmpty();
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }
}
