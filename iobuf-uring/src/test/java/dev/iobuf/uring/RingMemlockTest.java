package dev.iobuf.uring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.BufferPool;
import dev.iobuf.liburing.Syscalls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Ring memory (SQ/CQ rings and SQE array) is charged to RLIMIT_MEMLOCK on this kernel: for real, in a
 * child JVM started as {@code prlimit --memlock=65536:65536 setpriv --reuid=65534 ...} (root has
 * CAP_IPC_LOCK, which exempts it from the limit, so the child drops to nobody without capabilities).
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
        Path prlimit = which("prlimit");
        Path setpriv = which("setpriv");
        if (prlimit == null || setpriv == null) {
            Assumptions.abort("prlimit and setpriv (util-linux) are needed to run a child under a low memlock limit");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            Assumptions.abort("this test switches the child to uid 65534 with setpriv, which needs root; running as "
                    + System.getProperty("user.name"));
        }
        // The child runs as nobody, who may not enter the checkout: give it a world-readable copy of the classes it needs.
        try (ReadableClassPath cp = ReadableClassPath.of(Ring.class, Syscalls.class, BufferPool.class, RingMemlockChild.class)) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> cmd = List.of(prlimit.toString(), "--memlock=" + LIMIT + ":" + LIMIT, setpriv.toString(),
                    "--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all",
                    java, "-XX:-UsePerfData", "-Xshare:auto", "--enable-native-access=ALL-UNNAMED",
                    "-cp", cp.classPath(), RingMemlockChild.class.getName());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).directory(cp.dir().toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return List.of(out.split("\n"));
        }
    }

    private static Path which(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(d, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        for (String d : new String[] {"/usr/bin", "/bin", "/usr/sbin", "/sbin"}) {
            Path p = Path.of(d, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
