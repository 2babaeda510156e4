package dev.iobuf.uring.net;

import dev.iobuf.BufferPool;
import dev.iobuf.liburing.Syscalls;
import dev.iobuf.uring.Ring;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class of these tests in a child JVM with the modules' classes, returning its output lines. */
final class ChildJvm {
    private ChildJvm() {
    }

    static List<String> run(Class<?> main, int timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> cp = new ArrayList<>();
        for (Class<?> c : new Class<?>[] {Ring.class, Syscalls.class, BufferPool.class, main}) {
            try {
                cp.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UsePerfData", "--enable-native-access=ALL-UNNAMED", "-cp", String.join(":", cp), main.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        // Read while it runs: a full pipe would block the child.
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child " + main.getSimpleName() + " did not finish in " + timeoutSeconds + " s");
        }
        return List.of(new String(out, StandardCharsets.UTF_8).split("\n"));
    }
}
