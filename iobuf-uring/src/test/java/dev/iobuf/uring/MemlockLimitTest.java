package dev.iobuf.uring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.BufferPool;
import dev.iobuf.liburing.Syscalls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
        Path prlimit = which("prlimit");
        boolean root = "root".equals(System.getProperty("user.name"));
        List<String> cmd = new ArrayList<>(List.of(prlimit.toString(), "--memlock=" + LIMIT + ":" + LIMIT));
        if (root) {
            cmd.addAll(List.of(which("setpriv").toString(), "--reuid=65534", "--regid=65534", "--clear-groups",
                    "--inh-caps=-all"));
        } else if (MemlockBudget.hasIpcLock()) {
            Assumptions.abort("this user has CAP_IPC_LOCK, so io_uring ignores RLIMIT_MEMLOCK and there is nothing to test");
        }
        // As root the child runs as nobody, who may not enter the checkout nor ~/.m2: a world-readable copy.
        try (ReadableClassPath cp = ReadableClassPath.of(MemlockProbe.class, Ring.class, Syscalls.class, BufferPool.class)) {
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-XX:-UsePerfData", "-Xshare:auto",
                    "-Djava.io.tmpdir=/tmp", "-cp", cp.classPath(), MemlockProbe.class.getName()));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(cp.dir().toFile());
            pb.environment().put("HOME", "/tmp");
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("probe did not finish: " + cmd);
            }
            String text = new String(out, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as("probe exit code, output:\n%s\ncommand: %s", text, cmd).isZero();
            return Arrays.asList(text.split("\n"));
        }
    }

    private static Path which(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(d, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        for (String d : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            Path p = Path.of(d, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        Assumptions.abort(tool + " (util-linux) is not installed: cannot run the probe under a memlock limit");
        return null;
    }
}
