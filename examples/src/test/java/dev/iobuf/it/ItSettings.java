package dev.iobuf.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What the integration tests get from the build (failsafe's systemPropertyVariables in
 * examples/pom.xml): the image, the JDK to mount, the project jars, the docker/ directory.
 * A missing setting or file fails with the command that produces it.
 */
final class ItSettings {
    /** Value of {@code iobuf.it.jdk} that means: no mount, run the {@code java} on the image's PATH. */
    static final String JDK_FROM_IMAGE = "image";

    private ItSettings() {
    }

    static String image() {
        String image = System.getProperty("iobuf.it.image", "");
        return image.isBlank() ? "iobuf-test:local" : image.strip();
    }

    /** Host JDK home to bind-mount at the same path, or {@code null} when the image brings its own java. */
    static Path hostJdk() {
        String jdk = System.getProperty("iobuf.it.jdk", "").strip();
        if (JDK_FROM_IMAGE.equals(jdk)) {
            return null;
        }
        Path home = Path.of(jdk.isEmpty() ? System.getProperty("java.home") : jdk);
        if (!Files.isExecutable(home.resolve("bin/java"))) {
            throw new IllegalStateException("iobuf.it.jdk=" + home + " has no bin/java: point -Diobuf.it.jdk at a JDK 25+ home,"
                    + " or use -Diobuf.it.jdk=" + JDK_FROM_IMAGE + " with an image that has java on its PATH");
        }
        return realPath(home);
    }

    /**
     * The project's jars in module-path order (iobuf-core, native-bindings, iobuf-uring, examples), as
     * world-readable copies: containers may run as uid 1000 (see {@link ReadableCopies}).
     */
    static List<Path> jars() {
        return Arrays.stream(required("iobuf.it.jars").split(","))
                .map(String::strip)
                .map(Path::of)
                .peek(jar -> requireFile(jar, "build the jars first: mvn -B -ntp -DskipTests install"
                        + " (or run the tests through mvn verify, which packages every module before failsafe)"))
                .map(ReadableCopies::of)
                .toList();
    }

    /** A file of the repository's docker/ directory (seccomp profiles). */
    static Path dockerFile(String name) {
        Path file = Path.of(required("iobuf.it.dockerDir")).resolve(name);
        requireFile(file, "it belongs to the repository's docker/ directory");
        return file;
    }

    /** The single-file io_uring probe of src/test/resources (a world-readable copy), run with java's source launcher. */
    static Path probeSource() {
        Path file = Path.of(required("iobuf.it.probe"));
        requireFile(file, "it belongs to examples/src/test/resources");
        return ReadableCopies.of(file);
    }

    private static String required(String property) {
        String value = System.getProperty(property, "");
        if (value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set: run the integration tests"
                    + " through Maven (mvn -pl examples verify), whose failsafe configuration sets it");
        }
        return value;
    }

    private static void requireFile(Path file, String remedy) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " does not exist: " + remedy);
        }
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot resolve " + path + ": " + e, e);
        }
    }
}
