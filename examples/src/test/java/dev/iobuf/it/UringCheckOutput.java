package dev.iobuf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Running {@code dev.iobuf.examples.UringCheck} in a container and reading what it printed: one
 * {@code ok <step> ...} line per passed step on stdout, or one {@code error: <message>} line on stderr.
 */
final class UringCheckOutput {
    /** UringCheck's exit code when io_uring is blocked, absent, or RLIMIT_MEMLOCK is too small. */
    static final int NO_IO_URING = 2;

    static final Pattern RING_SETUP = Pattern.compile("^ok ring setup flags=(\\S+) sq=(\\d+) cq=(\\d+) ring-fd=\\w+$");
    static final Pattern NOP = Pattern.compile("^ok nop n=(\\d+)$");
    static final Pattern REGISTER = Pattern.compile("^ok register-buffers n=(\\d+) bytes=(\\d+) \\(IORING_REGISTER_BUFFERS2, .*\\)$");
    static final Pattern FIXED_IO = Pattern.compile("^ok fixed-io bytes=(\\d+) chunks=(\\d+) slots=(\\d+) file=\\S+$");
    static final Pattern RECV = Pattern.compile("^ok buffer-ring recv bytes=(\\d+) recvs=(\\d+) buffers=(\\d+) x (\\d+) B, ids used=(\\d+)$");

    private UringCheckOutput() {
    }

    /** UringCheck with {@code args}, as the test's container options will have it. */
    static ContainerRun uringCheck(String... args) {
        return ContainerRun.example("UringCheck").args(args);
    }

    /** The groups of the one stdout line {@code step} matches; fails with the whole run when there is not exactly one. */
    static Matcher line(ContainerResult result, Pattern step) {
        List<Matcher> matches = result.stdoutLines().stream().map(step::matcher).filter(Matcher::matches).toList();
        assertThat(matches).as("exactly one stdout line matching %s in:\n%s", step, result).hasSize(1);
        return matches.getFirst();
    }

    static long number(Matcher m, int group) {
        return Long.parseLong(m.group(group));
    }

    /**
     * Insists that the program failed with {@code exitCode} and reported it as exactly one line on
     * stderr starting with {@code prefix}, without a stack trace; returns that line.
     */
    static String oneLineError(ContainerResult result, int exitCode, String prefix) {
        assertThat(result.exitCode()).as("exit code of %s", result).isEqualTo(exitCode);
        assertThat(result.stderrLines()).as("stderr is exactly one line: %s", result).hasSize(1);
        assertThat(result.stderr()).as("no stack trace: %s", result)
                .doesNotContain("\tat ")
                .doesNotContain("Exception in thread");
        String line = result.stderrLines().getFirst();
        assertThat(line).as("%s", result).startsWith(prefix);
        return line;
    }
}
