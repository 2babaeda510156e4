package dev.iobuf.uring;

import dev.iobuf.uring.testkit.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs a misuse scenario in a child JVM ({@link ChildJvm}), where a crash cannot take the test JVM down: in a
 * fresh working directory with {@code -XX:ErrorFile} there, so that a JVM crash leaves an {@code hs_err_pid*.log}
 * the test finds. Either on the class path (our classes with native access for ALL-UNNAMED) or with our modules
 * on the module path and the scenario in the unnamed module without native access.
 */
final class SafetyChildJvm {
    /** Exit code, stdout then stderr, and the crash logs the child left. */
    record Result(int exitCode, String output, List<Path> crashLogs) {
    }

    private SafetyChildJvm() {
    }

    static Result onClassPath(Class<?> main, String... args) throws IOException, InterruptedException {
        return run(ChildJvm.onTestClassPath(main), main, args);
    }

    /** Our three modules on the module path with native access; {@code main} in the unnamed module without. */
    static Result onModulePath(Class<?> main, String... args) throws IOException, InterruptedException {
        return run(ChildJvm.unnamedOverOurModules(main), main, args);
    }

    private static Result run(ChildJvm.Launch launch, Class<?> main, String... args)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("iobuf-safety");
        ChildJvm.Result r;
        try (ChildJvm child = launch.in(dir).withJvmOptions("-Xss1m", "-XX:ErrorFile=" + dir.resolve("hs_err_pid%p.log"))
                .start(args)) {
            try {
                r = child.await(Duration.ofSeconds(90));
            } catch (AssertionError e) {
                throw new AssertionError("child " + main.getSimpleName() + " " + String.join(" ", args)
                        + " did not finish in 90 s (a hang): " + e.getMessage(), e);
            }
        }
        List<Path> crashes;
        try (Stream<Path> files = Files.list(dir)) {
            crashes = files.filter(f -> f.getFileName().toString().startsWith("hs_err_pid")).toList();
        }
        return new Result(r.exitCode(), r.stdout() + r.stderr(), crashes);
    }
}
