package dev.iobuf.uring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tests that run a child as uid 65534 pass wherever the checkout lives (issue 19): a clone under
 * /root or in a {@code mktemp -d} folder is mode 700, which that user cannot enter. The whole test class
 * path (target/classes, target/test-classes, the other modules' classes, the jars) is copied under a 700
 * folder, and a child JVM on that copy runs those tests through the JUnit launcher ({@link JupiterChild}).
 */
class PrivateCheckoutTest {
    private static final List<Class<?>> PRIVILEGE_DROPPING = List.of(MemlockLimitTest.class, RingMemlockTest.class);

    @TempDir
    Path tmp;

    @Test
    void theTestsThatDropToUid65534PassFromAFolderOnlyRootCanEnter() throws Exception {
        if (!"root".equals(System.getProperty("user.name"))) {
            Assumptions.abort("only root drops the children to uid 65534 (setpriv); running as "
                    + System.getProperty("user.name") + ", nothing of this can break");
        }
        Path checkout = tmp.resolve("checkout");
        Files.createDirectory(checkout);
        Files.setPosixFilePermissions(checkout, PosixFilePermissions.fromString("rwx------"));
        List<String> cp = copyClassPath(checkout);
        Path aClass = cp.stream().map(e -> Path.of(e, JupiterChild.class.getName().replace('.', '/') + ".class"))
                .filter(Files::isRegularFile).findFirst().orElseThrow();
        assertThat(runAsNobody("cat", aClass.toString()))
                .as("uid 65534 must not be able to read the private copy, or this test proves nothing").isNotZero();

        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", String.join(":", cp), JupiterChild.class.getName()));
        PRIVILEGE_DROPPING.forEach(c -> cmd.add(c.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).directory(checkout.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("child finished in 120 s").isTrue();

        List<String> results = out.lines().filter(l -> l.startsWith("RESULT ")).toList();
        assertThat(results).as(out).noneMatch(l -> l.contains(" FAILED ")).hasSize(2);
        List<String> aborted = results.stream().filter(l -> l.contains(" ABORTED ")).toList();
        if (!aborted.isEmpty()) {
            // Only the reasons the tests skip for on this host too (io_uring refused to unprivileged users).
            assertThat(aborted).as(out).allMatch(l -> l.contains("not usable by an unprivileged user"));
            Assumptions.abort("the privilege-dropping tests skip on this host: " + aborted);
        }
        assertThat(results).as(out).allMatch(l -> l.contains(" SUCCESSFUL "));
    }

    /** Every entry of the test class path, copied under {@code into}; returns the copies in class path order. */
    private static List<String> copyClassPath(Path into) throws IOException {
        List<String> copies = new ArrayList<>();
        int i = 0;
        for (String entry : System.getProperty("java.class.path").split(":")) {
            Path from = Path.of(entry);
            if (!Files.exists(from)) {
                continue;
            }
            Path to = into.resolve(i++ + "-" + from.getFileName());
            try (Stream<Path> walk = Files.walk(from)) {
                walk.forEach(f -> {
                    try {
                        Files.copy(f, to.resolve(from.relativize(f).toString()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            copies.add(to.toString());
        }
        return copies;
    }

    private static int runAsNobody(String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                "--inh-caps=-all"));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }
}
