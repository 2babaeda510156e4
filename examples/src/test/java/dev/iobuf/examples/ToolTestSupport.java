package dev.iobuf.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.uring.Ring;
import dev.iobuf.uring.UringException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;

/** Running the tools in-process, test files, and the checks shared by the tool tests. */
final class ToolTestSupport {
    private ToolTestSupport() {
    }

    /** What a tool printed and returned. */
    record Run(int code, String out, String err) {
        /** Insists on a failure reported as exactly one line on stderr, without a stack trace. */
        Run failedWithOneLine(int expectedCode, String tool) {
            assertThat(code).as("exit code; out=%s err=%s", out, err).isEqualTo(expectedCode);
            List<String> lines = err.lines().toList();
            assertThat(lines).as("stderr: %s", err).hasSize(1);
            assertThat(lines.getFirst()).startsWith(tool + ": ").doesNotContain("\tat ", "Exception in thread");
            return this;
        }
    }

    /** Calls a tool's {@code run(args, out, err)} and captures both streams. */
    static Run run(Tool tool, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = tool.run(args, o, e);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A tool's exit-code-returning entry point. */
    @FunctionalInterface
    interface Tool {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    /** Aborts the test, loudly, when this process cannot use io_uring. */
    static void assumeIoUring() {
        try {
            Ring.open(2).close();
        } catch (UringException | UnsupportedOperationException e) {
            Assumptions.abort("io_uring is not usable here, so the tools cannot run: " + e.getMessage());
        }
    }

    /**
     * A fresh directory for test files: under the module's {@code target/} when its file system takes
     * O_DIRECT (a disk file system, not tmpfs on older kernels), else under java.io.tmpdir.
     */
    static Path workDir(String prefix) throws IOException {
        Path target = Path.of(System.getProperty("basedir", "."), "target", "io-tests");
        Files.createDirectories(target);
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        for (Path base : List.of(target, tmp)) {
            if (supportsDirectIo(base)) {
                return Files.createTempDirectory(base, prefix);
            }
        }
        return Files.createTempDirectory(target, prefix);
    }

    /**
     * Whether files in {@code dir} can be opened with O_DIRECT. The probe is the JDK's own O_DIRECT open
     * (com.sun.nio.file.ExtendedOpenOption.DIRECT), not the code under test; looked up reflectively because
     * a test should not lean on the examples module reading jdk.unsupported (it does, for signal handling only).
     */
    static boolean supportsDirectIo(Path dir) {
        Path probe = dir.resolve(".odirect-probe-" + ProcessHandle.current().pid());
        try (var ch = java.nio.channels.FileChannel.open(probe, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                directOption())) {
            return ch.isOpen();
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // a leftover probe file is harmless
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static OpenOption directOption() {
        try {
            return (OpenOption) Enum.valueOf((Class) Class.forName("com.sun.nio.file.ExtendedOpenOption"), "DIRECT");
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new UnsupportedOperationException("this JDK has no ExtendedOpenOption.DIRECT", e);
        }
    }

    /** Aborts, loudly, when {@code dir} cannot take O_DIRECT. */
    static void assumeDirectIo(Path dir) {
        if (!supportsDirectIo(dir)) {
            Assumptions.abort("O_DIRECT is not supported by the file system of " + dir + " (nor of target/ or "
                    + "java.io.tmpdir): the --direct variant is skipped");
        }
    }

    /** Writes {@code size} pseudo-random bytes (from {@code seed}) to {@code file}. */
    static Path randomFile(Path file, long size, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; ) {
                int n = (int) Math.min(chunk.length, left);
                random.nextBytes(chunk);
                out.write(chunk, 0, n);
                left -= n;
            }
        }
        return file;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** The first path of {@code tool} on PATH or in the usual system directories, or null. */
    static Path which(String tool) {
        for (String d : (System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/bin:/usr/sbin:/sbin").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
                return Path.of(d, tool);
            }
        }
        return null;
    }
}
