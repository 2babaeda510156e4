package dev.iobuf.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * World-readable copies of the files the containers bind-mount (jars, source programs), made once per
 * JVM in one fresh folder. A container running as uid 1000 reads a bind-mounted file with that uid: the
 * file's own mode decides, and a checkout made under a restrictive umask (or a jar rebuilt by such a
 * build) would be unreadable. Copies keep the file name (the module path is built from it) and get mode
 * 644 whatever the umask. The folder is removed when the JVM exits.
 */
final class ReadableCopies {
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r--r--");
    private static final Map<Path, Path> COPIES = new HashMap<>();
    private static Path dir;

    private ReadableCopies() {
    }

    /** The copy of {@code file} (made on first use; the same path afterwards). */
    static synchronized Path of(Path file) {
        try {
            Path real = file.toRealPath();
            Path copy = COPIES.get(real);
            if (copy == null) {
                copy = folder().resolve(real.getFileName().toString());
                if (Files.exists(copy)) {
                    throw new IllegalStateException("two mounted files share the name " + real.getFileName() + ": "
                            + real + " and " + COPIES.entrySet().stream().filter(e -> e.getValue().getFileName()
                                    .equals(real.getFileName())).findFirst().orElseThrow().getKey());
                }
                Files.copy(real, copy, StandardCopyOption.COPY_ATTRIBUTES);
                Files.setPosixFilePermissions(copy, FILE);
                COPIES.put(real, copy);
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a world-readable copy of " + file + " for the containers", e);
        }
    }

    private static Path folder() throws IOException {
        if (dir == null) {
            Path d = Files.createTempDirectory("iobuf-it-");
            Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(d), "iobuf-it-cleanup"));
            dir = d;
        }
        return dir;
    }

    private static synchronized void delete(Path d) {
        COPIES.values().forEach(f -> f.toFile().delete());
        d.toFile().delete();
    }
}
