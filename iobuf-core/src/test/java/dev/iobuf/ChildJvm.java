package dev.iobuf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class of the test class path in a fresh JVM (for once-per-JVM settings and rlimits). */
final class ChildJvm {
    record Result(int exitCode, String output) {
    }

    private ChildJvm() {
    }

    /**
     * Runs {@code main} with {@code jvmArgs} (plus native access for the class path, unless they
     * say {@code --illegal-native-access=...}), behind the command {@code prefix} (e.g. prlimit), and
     * returns its exit code and combined output.
     */
    static Result run(List<String> prefix, List<String> jvmArgs, Class<?> main, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (jvmArgs.stream().noneMatch(a -> a.startsWith("--illegal-native-access"))) {
            cmd.add("--enable-native-access=ALL-UNNAMED");
        }
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("child JVM did not finish in 60 s: " + cmd);
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
