package dev.iobuf.liburing;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loading rules, checked in child JVMs (a JVM loads liburing at most once): constants and layouts do not
 * load liburing; the first call does; a missing liburing gives, on every call that asks
 * {@link LibUringLibrary#requireAvailable()} first, a {@link LibUringNotFoundException} with install advice
 * instead of an UnsatisfiedLinkError or a failed class initialisation.
 */
class LibUringLoadingTest {

    @Test
    void constantsDoNotLoadLiburingButTheFirstCallDoes() throws IOException {
        IoUringAssumptions.assumeLibUring();
        String out = runProbe();
        assertThat(out).contains("mapped-after-constants=false", "available=true", "call0=ok", "call1=ok",
                "mapped-after-call=true");
    }

    @Test
    void missingLiburingSaysHowToInstallItOnEveryCall() throws IOException {
        String out = runProbe("-D" + LibUringLibrary.PATH_PROPERTY + "=/nonexistent/liburing.so.2");
        assertThat(out).contains("mapped-after-constants=false", "available=false", "mapped-after-call=false");
        for (String call : List.of("call0=", "call1=")) {
            String line = out.lines().filter(l -> l.startsWith(call)).findFirst().orElseThrow();
            assertThat(line).contains(LibUringNotFoundException.class.getName(), "liburing.so.2 not found",
                    "apt-get install liburing2", "dnf install liburing");
        }
    }

    private static String runProbe(String... jvmArgs) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.addAll(List.of(jvmArgs));
        cmd.add("-cp");
        cmd.add(location(LibUring.class) + java.io.File.pathSeparator + location(LoaderProbe.class));
        cmd.add(LoaderProbe.class.getName());
        Gcc.Result r = Gcc.run(cmd);
        assertThat(r.exitCode()).as("child JVM failed:\n%s\n%s", r.stdout(), r.stderr()).isZero();
        return r.stdout();
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
