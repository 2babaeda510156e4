package dev.iobuf.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The core pool demo runs from the project's jars on the module path inside the test image, as an
 * unprivileged user, with native access granted to our modules only.
 */
class CoreInContainerIT {
    private static final int UNPRIVILEGED = 1000;

    private static ContainerRun poolDemo() {
        return ContainerRun.example("PoolDemo").user(UNPRIVILEGED);
    }

    @Test
    void poolDemoRunsAsUnprivilegedUserUnderDefaultSeccomp() {
        ContainerResult result = poolDemo().run();

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stdoutLines()).as("%s", result)
                .anyMatch(line -> line.startsWith("tier PICO"))
                .anyMatch(line -> line.startsWith("tier TITAN"));
        assertThat(result.stderr()).as("%s", result)
                .doesNotContain("restricted method") // --enable-native-access covers every module that needs it
                .doesNotContain("Exception");
    }

    @Test
    void coreNeedsNoIoUring() {
        // iobuf-core does not know io_uring exists: blocking it must not matter
        ContainerResult result = poolDemo().seccomp(SeccompProfile.IO_URING_EPERM).run();

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stdoutLines()).as("%s", result).anyMatch(line -> line.startsWith("tier TITAN"));
    }
}
