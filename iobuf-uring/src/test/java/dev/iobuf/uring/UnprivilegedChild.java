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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a main class of these tests in a child JVM under {@code prlimit --memlock=LIMIT} as a user without
 * CAP_IPC_LOCK (root has it, which makes io_uring ignore the limit: as root the child drops to uid 65534
 * with setpriv, from a world-readable copy of the class path). Aborts the test loudly where util-linux is
 * missing or the user keeps CAP_IPC_LOCK.
 */
public final class UnprivilegedChild {
    private UnprivilegedChild() {
    }

    /** The child's output lines ({@code args}: its command line); fails the test if it does not exit 0 within 30 s. */
    public static List<String> run(long memlockLimit, Class<?> main, String... args) throws IOException, InterruptedException {
        Path prlimit = which("prlimit");
        boolean root = "root".equals(System.getProperty("user.name"));
        List<String> cmd = new ArrayList<>(List.of(prlimit.toString(), "--memlock=" + memlockLimit + ":" + memlockLimit));
        if (root) {
            cmd.addAll(List.of(which("setpriv").toString(), "--reuid=65534", "--regid=65534", "--clear-groups",
                    "--inh-caps=-all"));
        } else if (MemlockBudget.hasIpcLock()) {
            Assumptions.abort("this user has CAP_IPC_LOCK, so io_uring ignores RLIMIT_MEMLOCK and there is nothing to test");
        }
        // As root the child runs as nobody, who may not enter the checkout nor ~/.m2: a world-readable copy.
        try (ReadableClassPath cp = ReadableClassPath.of(main, Ring.class, Syscalls.class, BufferPool.class)) {
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-XX:-UsePerfData", "-Xshare:auto",
                    "-Djava.io.tmpdir=/tmp", "-cp", cp.classPath(), main.getName()));
            cmd.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(cp.dir().toFile());
            pb.environment().put("HOME", "/tmp");
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("child did not finish: " + cmd);
            }
            String text = new String(out, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as("child exit code, output:\n%s\ncommand: %s", text, cmd).isZero();
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
        Assumptions.abort(tool + " (util-linux) is not installed: cannot run a child under a memlock limit");
        return null;
    }
}
