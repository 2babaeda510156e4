package dev.iobuf.uring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * RLIMIT_MEMLOCK for real: {@link MemlockProbe} in a child JVM under {@code prlimit --memlock} as an
 * unprivileged user without capabilities (root has CAP_IPC_LOCK, which makes io_uring ignore the limit;
 * so as root the child drops to uid 65534 with setpriv).
 */
class MemlockLimitTest {
    private static final long LIMIT = 1L << 20;

    @Test
    void aLowLimitIsReportedBeforeAndByTheKernelAndASmallerTableStillWorks() throws Exception {
        List<String> lines = runProbe();
        String all = String.join("\n", lines);
        if (all.contains("NO_RING")) {
            Assumptions.abort("io_uring is not usable by an unprivileged user here: " + all);
        }
        assertThat(line(lines, "LIMIT")).as(all).contains("limit=" + LIMIT, "ipcLock=false");
        String pre = line(lines, "BIG_PRECHECK_REFUSED");
        assertThat(pre).as(all).contains("limit=" + LIMIT, "RLIMIT_MEMLOCK is " + LIMIT + " bytes",
                "2097152 for this registration", "refused before the call", "ulimit -l", "LimitMEMLOCK",
                "--ulimit memlock", "CAP_IPC_LOCK");
        long needed = Long.parseLong(pre.replaceAll(".*needed=(\\d+).*", "$1"));
        assertThat(needed).isGreaterThan(LIMIT).isGreaterThanOrEqualTo(2L << 20);
        assertThat(line(lines, "BIG_KERNEL_REFUSED")).as(all)
                .contains("errno=ENOMEM", "the kernel refused to pin 2097152 bytes", "RLIMIT_MEMLOCK is " + LIMIT);
        assertThat(line(lines, "SMALL_OK")).as(all).contains("pinned=262144");
        assertThat(line(lines, "ROUNDTRIP")).as(all).contains("write=4096", "read=4096", "equal=true");
        assertThat(line(lines, "BUFFER_RING_OK")).as(all).isNotEmpty();
        assertThat(lines).as(all).noneMatch(l -> l.startsWith("FAILED")).contains("DONE");
    }

    private static String line(List<String> lines, String step) {
        Optional<String> l = lines.stream().filter(s -> s.startsWith(step + " ") || s.equals(step)).findFirst();
        assertThat(l).as("probe step %s in %s", step, lines).isPresent();
        return l.get();
    }

    private List<String> runProbe() throws IOException, InterruptedException {
        return UnprivilegedChild.run(LIMIT, MemlockProbe.class);
    }
}
