package dev.iobuf.uring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.probe.NativeAccessProbe;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, the native-access boundary: with native access granted to our three modules only (as the README
 * recommends), code in a module without it can neither reach the raw system calls of the bindings nor aim
 * the kernel at raw addresses through us; the safe API still works for it. Child JVM on the module path.
 */
class NativeAccessTest {

    @Test
    void aModuleWithoutNativeAccessGetsNoneThroughUs() throws Exception {
        SafetyChildJvm.Result r = SafetyChildJvm.onModulePath(NativeAccessProbe.class);
        String out = r.output();
        if (out.contains("IoUringBlockedException") || out.contains("IoUringUnavailableException")) {
            org.junit.jupiter.api.Assumptions.abort("io_uring is not usable here, skipping: " + out);
        }
        assertThat(r.crashLogs()).as(out).isEmpty();
        assertThat(out).as(out).contains("NATIVE_ACCESS false")
                .contains("BINDINGS_CLOSED").doesNotContain("BINDINGS_OPEN")
                .contains("UNSAFE_REFUSED").doesNotContain("UNSAFE_ALLOWED")
                .contains("--enable-native-access=ALL-UNNAMED")
                .contains("SAFE OK sqSpace=8");
        assertThat(r.exitCode()).as(out).isZero();
    }
}
