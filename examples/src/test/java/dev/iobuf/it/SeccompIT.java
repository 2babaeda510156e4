package dev.iobuf.it;

import static dev.iobuf.it.UringCheckOutput.NO_IO_URING;
import static dev.iobuf.it.UringCheckOutput.oneLineError;
import static dev.iobuf.it.UringCheckOutput.uringCheck;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Under a seccomp profile that blocks io_uring the library says so, tells "blocked" (EPERM) from
 * "not available" (ENOSYS), names the cause and the remedy; and the example programs report it as one
 * line and a non-zero exit code, never a stack trace. (IoUringEnvironmentIT shows the profiles do what
 * they say to a raw io_uring_setup.)
 */
class SeccompIT {
    /** FixedCopy's exit code for a failed run (2 is its bad command line). */
    private static final int FIXED_COPY_FAILED = 1;

    @Test
    void blockedIoUringIsReportedWithSeccompAndTheRemedy() {
        ContainerResult r = uringCheck().seccomp(SeccompProfile.IO_URING_EPERM).run();

        String line = oneLineError(r, NO_IO_URING, "error: io_uring_setup(");
        assertThat(line).as("IoUringBlockedException's message: %s", r)
                .contains("failed: EPERM")
                .contains("io_uring is blocked")
                .contains("seccomp profile denies io_uring_setup/enter/register")
                .contains("--security-opt seccomp=")
                .contains("kernel.io_uring_disabled");
        assertThat(r.stdout()).as("ring setup is the first step: nothing passed: %s", r).isEmpty();
    }

    @Test
    void absentIoUringIsReportedAsNotAvailable() {
        ContainerResult r = uringCheck().seccomp(SeccompProfile.IO_URING_ENOSYS).run();

        String line = oneLineError(r, NO_IO_URING, "error: io_uring_setup(");
        assertThat(line).as("IoUringUnavailableException's message: %s", r)
                .contains("failed: ENOSYS")
                .contains("io_uring is not available")
                .contains("CONFIG_IO_URING")
                .doesNotContain("is blocked");
        assertThat(r.stdout()).as("%s", r).isEmpty();
    }

    @Test
    void fixedCopyReportsBlockedIoUringAsOneLine() {
        ContainerResult r = ContainerRun.example("FixedCopy").args("/etc/os-release", "/tmp/copy")
                .seccomp(SeccompProfile.IO_URING_EPERM).run();

        String line = oneLineError(r, FIXED_COPY_FAILED, "FixedCopy: ");
        assertThat(line).as("%s", r)
                .contains("EPERM")
                .contains("io_uring is blocked")
                .contains("seccomp")
                .contains("--security-opt seccomp=");
        assertThat(r.stdout()).as("%s", r).isEmpty();
    }
}
