package dev.iobuf.liburing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs gcc and the programs it builds, for the conformance tests. Skips loudly when gcc is absent. */
final class Gcc {

    record Result(int exitCode, String stdout, String stderr) {
    }

    private Gcc() {
    }

    /** Aborts the calling test (skip, with the reason) when gcc cannot be run here. */
    static void assumeAvailable() {
        String why;
        try {
            Result r = run(List.of("gcc", "--version"));
            if (r.exitCode() == 0) {
                return;
            }
            why = "gcc --version exited " + r.exitCode() + ": " + r.stderr();
        } catch (IOException e) {
            why = e.getMessage();
        }
        Assumptions.abort("SKIPPED: gcc is not available (" + why + "); the native layout conformance check needs it."
                + " scripts/test.sh installs gcc, libc6-dev and liburing-dev.");
    }

    static Result run(List<String> command) throws IOException {
        return run(command, null);
    }

    static Result run(List<String> command, Path dir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        Path out = Files.createTempFile("gcc-out", ".txt");
        Path err = Files.createTempFile("gcc-err", ".txt");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + command);
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + command, e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * Compiles {@code source} and runs it, returning its standard output. A missing header aborts the test
     * (skip) naming the package; any other compiler error fails it.
     */
    static String compileAndRun(Path dir, String name, String source, String... defines) throws IOException {
        Path c = dir.resolve(name + ".c");
        Files.writeString(c, source);
        Path exe = dir.resolve(name);
        List<String> cmd = new ArrayList<>(List.of("gcc", "-std=gnu11", "-Wall", "-o", exe.toString()));
        for (String d : defines) {
            cmd.add("-D" + d);
        }
        cmd.add(c.toString());
        Result compiled = run(cmd);
        if (compiled.exitCode() != 0) {
            abortIfHeaderMissing(compiled.stderr());
            throw new AssertionError("gcc failed to compile " + name + ".c:\n" + compiled.stderr());
        }
        Result ran = run(List.of(exe.toString()));
        if (ran.exitCode() != 0) {
            throw new AssertionError(name + " exited " + ran.exitCode() + ":\n" + ran.stderr());
        }
        return ran.stdout();
    }

    /** Header paths the preprocessor resolves for {@code #include <header>} (from {@code gcc -M}). */
    static List<Path> dependencies(Path dir, String header, String... defines) throws IOException {
        Path c = dir.resolve("deps.c");
        Files.writeString(c, "#include <" + header + ">\n");
        List<String> cmd = new ArrayList<>(List.of("gcc", "-M"));
        for (String d : defines) {
            cmd.add("-D" + d);
        }
        cmd.add(c.toString());
        Result r = run(cmd);
        if (r.exitCode() != 0) {
            abortIfHeaderMissing(r.stderr());
            throw new AssertionError("gcc -M failed:\n" + r.stderr());
        }
        List<Path> deps = new ArrayList<>();
        for (String token : r.stdout().replace("\\\n", " ").split("\\s+")) {
            if (token.endsWith(".h")) {
                deps.add(Path.of(token));
            }
        }
        return deps;
    }

    private static void abortIfHeaderMissing(String stderr) {
        if (stderr.contains("No such file or directory") && stderr.contains(".h")) {
            Assumptions.abort("SKIPPED: a C header is missing (install liburing-dev and libc6-dev, as scripts/test.sh"
                    + " does):\n" + stderr);
        }
    }
}
