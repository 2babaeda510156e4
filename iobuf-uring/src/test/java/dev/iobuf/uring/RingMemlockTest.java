package dev.iobuf.uring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Ring memory (SQ/CQ rings and SQE array) is charged to RLIMIT_MEMLOCK on this kernel: for real, in a
 * child JVM under {@code prlimit --memlock=65536:65536} without CAP_IPC_LOCK ({@link UnprivilegedChild}: root
 * has it, which exempts it from the limit, so there the child drops to nobody without capabilities).
 */
class RingMemlockTest {
    private static final long LIMIT = 65536;

    @Test
    void aRingOverTheLimitFailsNamingTheLimitAndTheRemedyAndASmallRingWorks() throws Exception {
        List<String> lines = runChild();
        String all = String.join("\n", lines);
        if (all.contains("NO_RING")) {
            Assumptions.abort("io_uring is not usable by an unprivileged user here, skipping: " + all);
        }
        assertThat(lines).as(all).noneMatch(l -> l.startsWith("FAILED")).contains("DONE");
        assertThat(line(lines, "SMALL_OK")).contains("reaped=1");
        String big = line(lines, "BIG_REFUSED");
        assertThat(big).as(all).contains("limit=" + LIMIT, "errno=ENOMEM", "io_uring_setup(entries=4096",
                "RLIMIT_MEMLOCK is " + LIMIT + " bytes", "SQ/CQ rings and SQE array", "ulimit -l", "CAP_IPC_LOCK",
                "--ulimit memlock");
        long needed = Long.parseLong(big.replaceAll(".*needed=(\\d+).*", "$1"));
        assertThat(needed).as("4096 SQEs alone are 256 KiB").isGreaterThan(LIMIT).isGreaterThanOrEqualTo(4096L * 64);
    }

    private static String line(List<String> lines, String step) {
        Optional<String> l = lines.stream().filter(s -> s.startsWith(step + " ") || s.equals(step)).findFirst();
        assertThat(l).as("step %s in %s", step, lines).isPresent();
        return l.get();
    }

    private List<String> runChild() throws IOException, InterruptedException {
        return UnprivilegedChild.run(LIMIT, RingMemlockChild.class);
    }
}
