package dev.iobuf.it;

import static dev.iobuf.it.ProbeResult.ENOMEM;
import static dev.iobuf.it.ProbeResult.ENOSYS;
import static dev.iobuf.it.ProbeResult.EPERM;
import static dev.iobuf.it.ProbeResult.probe;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What the container options do to a raw io_uring_setup (src/test/resources/Probe.java, no
 * liburing, no project code). The io_uring library's integration tests rely on these facts:
 * the seccomp profiles of docker/ are applied and give EPERM / ENOSYS, and a low memlock limit
 * gives ENOMEM because kernel 6.18 charges ring memory to RLIMIT_MEMLOCK.
 *
 * <p>The memlock cases run as uid 1000: the kernel counts locked pages per uid, across containers
 * and the host, so root's budget is shared with whatever else root runs on the machine.
 */
class IoUringEnvironmentIT {
    private static final int UNPRIVILEGED = 1000;
    private static final long MEMLOCK_64K = 64 * 1024;

    @Test
    void defaultSeccompAllowsIoUring() {
        ProbeResult r = ProbeResult.of(probe().user(UNPRIVILEGED), 8);

        assertThat(r.rc()).as("Docker's default profile must allow io_uring (Docker 25+ blocks it): %s", r)
                .isNotNegative();
        assertThat(r.uid()).as("--user is applied: %s", r).isEqualTo(UNPRIVILEGED);
    }

    @Test
    void epermProfileBlocksIoUring() {
        ProbeResult r = ProbeResult.of(probe().seccomp(SeccompProfile.IO_URING_EPERM), 8);

        assertThat(r.rc()).as("%s", r).isEqualTo(-1);
        assertThat(r.errno()).as("%s", r).isEqualTo(EPERM);
        assertThat(r.uid()).as("root unless --user: %s", r).isZero();
    }

    @Test
    void enosysProfileHidesIoUring() {
        ProbeResult r = ProbeResult.of(probe().seccomp(SeccompProfile.IO_URING_ENOSYS), 8);

        assertThat(r.rc()).as("%s", r).isEqualTo(-1);
        assertThat(r.errno()).as("%s", r).isEqualTo(ENOSYS);
    }

    @Test
    void lowMemlockRejectsLargeRing() {
        ProbeResult r = ProbeResult.of(probe().user(UNPRIVILEGED).memlock(MEMLOCK_64K), 1024);

        assertThat(r.rc()).as("1024 SQEs alone take 64 KiB of locked memory: %s", r).isEqualTo(-1);
        assertThat(r.errno()).as("%s", r).isEqualTo(ENOMEM);
    }

    @Test
    void lowMemlockFitsSmallRing() {
        ProbeResult r = ProbeResult.of(probe().user(UNPRIVILEGED).memlock(MEMLOCK_64K), 256);

        assertThat(r.rc()).as("%s", r).isNotNegative();
    }

    @Test
    void capIpcLockLiftsMemlockLimit() {
        ProbeResult r = ProbeResult.of(probe().memlock(MEMLOCK_64K).capIpcLock(), 1024);

        assertThat(r.rc()).as("CAP_IPC_LOCK: io_uring charges nothing to RLIMIT_MEMLOCK: %s", r).isNotNegative();
    }
}
