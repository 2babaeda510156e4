package dev.iobuf.liburing;

import org.junit.jupiter.api.Assumptions;

/** Skips (loudly) tests that need io_uring or liburing where this machine lacks them. */
final class IoUringAssumptions {

    private IoUringAssumptions() {
    }

    static void assumeLibUring() {
        if (!LibUringLibrary.isAvailable()) {
            Assumptions.abort("SKIPPED: " + LibUringLibrary.SONAME + " cannot be loaded here; install liburing2"
                    + " (scripts/test.sh does)");
        }
    }

    /** Aborts when a ring setup result says io_uring is blocked or absent; any other error is a failure. */
    static void assumeRingCreated(int result) {
        if (result == -Errno.EPERM.number() || result == -Errno.ENOSYS.number()) {
            Assumptions.abort("SKIPPED: io_uring is unavailable here: io_uring_setup returned "
                    + Errno.describe(result) + " (seccomp, kernel.io_uring_disabled, or a kernel without io_uring)");
        }
        if (result < 0) {
            throw new AssertionError("io_uring_setup failed: " + Errno.describe(result));
        }
    }
}
