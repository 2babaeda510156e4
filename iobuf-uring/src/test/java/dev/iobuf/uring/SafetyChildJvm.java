package dev.iobuf.uring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a misuse scenario in a child JVM, where a crash cannot take the test JVM down: in a fresh working
 * directory with {@code -XX:ErrorFile} there, so that a JVM crash leaves an {@code hs_err_pid*.log} the
 * test finds. Either on the class path (our classes with native access for ALL-UNNAMED) or with our modules
 * on the module path and the scenario in the unnamed module without native access.
 */
final class SafetyChildJvm {
    record Result(int exitCode, String output, List<Path> crashLogs) {
    }

    private SafetyChildJvm() {
    }

    static Result onClassPath(Class<?> main, String... args) throws IOException, InterruptedException {
        return run(List.of("--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path")),
                main, args);
    }

    /** Our three modules on the module path with native access; {@code main} in the unnamed module without. */
    static Result onModulePath(Class<?> main, String... args) throws IOException, InterruptedException {
        String modules = String.join(":", location(dev.iobuf.BufferPool.class), location(bindings()),
                location(Ring.class));
        return run(List.of("--module-path", modules, "--add-modules", "dev.iobuf.uring",
                "--enable-native-access=dev.iobuf.core,dev.iobuf.liburing,dev.iobuf.uring",
                "--illegal-native-access=deny", "-cp", location(main)), main, args);
    }

    private static Result run(List<String> jvmArgs, Class<?> main, String... args) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("iobuf-safety");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("-XX:-UsePerfData", "-Xss1m", "-XX:ErrorFile=" + dir.resolve("hs_err_pid%p.log")));
        cmd.addAll(jvmArgs);
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();   // read while it runs: a full pipe would block it
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child " + main.getSimpleName() + " " + String.join(" ", args)
                    + " did not finish in 90 s (a hang)");
        }
        List<Path> crashes;
        try (Stream<Path> files = Files.list(dir)) {
            crashes = files.filter(f -> f.getFileName().toString().startsWith("hs_err_pid")).toList();
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), crashes);
    }

    private static Class<?> bindings() {
        try {
            return Class.forName("dev.iobuf.liburing.Syscalls");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
