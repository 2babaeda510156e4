package dev.iobuf.uring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A world-readable copy of exactly the code a child process needs when it runs as another user
 * (uid 65534): that user may not enter the checkout (a clone under /root or in a {@code mktemp -d}
 * folder is mode 700), nor {@code ~/.m2}. The code sources (class directories or jars) of the given
 * classes are copied into a fresh temporary folder with directories 755 and files 644, whatever the
 * umask; {@link #close()} deletes the copy.
 */
final class ReadableClassPath implements AutoCloseable {
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r--r--");

    private final Path dir;
    private final List<Path> entries;

    private ReadableClassPath(Path dir, List<Path> entries) {
        this.dir = dir;
        this.entries = entries;
    }

    /** Copies the code source of each class (once per distinct source), in the order given. */
    static ReadableClassPath of(Class<?>... classes) throws IOException {
        Set<Path> sources = new LinkedHashSet<>();
        for (Class<?> c : classes) {
            sources.add(codeSource(c));
        }
        Path dir = Files.createTempDirectory("iobuf-readable-");
        Files.setPosixFilePermissions(dir, DIR);
        requireTraversableByOthers(dir);
        List<Path> entries = new ArrayList<>();
        int i = 0;
        for (Path from : sources) {
            Path to = dir.resolve("cp" + i++ + (Files.isDirectory(from) ? "" : ".jar"));
            copy(from, to);
            entries.add(to);
        }
        return new ReadableClassPath(dir, entries);
    }

    /** The folder holding the copies; world-readable, usable as the child's working directory. */
    Path dir() {
        return dir;
    }

    /** The copies joined with ':' for {@code java -cp}. */
    String classPath() {
        return String.join(":", entries.stream().map(Path::toString).toList());
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static Path codeSource(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("code source of " + c.getName() + " is not a file path", e);
        }
    }

    /** A private java.io.tmpdir would defeat the copy: say so instead of a ClassNotFoundException in the child. */
    private static void requireTraversableByOthers(Path dir) throws IOException {
        for (Path p = dir.getParent(); p != null; p = p.getParent()) {
            if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IllegalStateException(p + " is not searchable by other users, so a child running as another"
                        + " user cannot reach " + dir + ": run the tests with -Djava.io.tmpdir=/tmp (or any folder"
                        + " whose ancestors are all o+x)");
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            walk.forEach(f -> {
                Path t = Files.isDirectory(from) ? to.resolve(from.relativize(f).toString()) : to;
                try {
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(t);
                        Files.setPosixFilePermissions(t, DIR);
                    } else {
                        Files.copy(f, t);
                        Files.setPosixFilePermissions(t, FILE);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot copy " + f + " to " + t, e);
                }
            });
        }
    }
}
