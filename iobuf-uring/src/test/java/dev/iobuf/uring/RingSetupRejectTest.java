package dev.iobuf.uring;

import static dev.iobuf.uring.RingTestSupport.ring;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.iobuf.liburing.Errno;
import org.junit.jupiter.api.Test;

/** A kernel refusal of an explicit option, and the setup errnos that mean "no io_uring here". */
@KernelTest
class RingSetupRejectTest {

    @Test
    void kernelRejectionOfAnExplicitFlagNamesTheFlagItsVersionAndTheKernel() {
        ring(2).close();   // skips loudly without io_uring
        UringException e = catchThrowableOfType(UringException.class,
                () -> Ring.builder().entries(8).sqPoll(100).sqPollCpu(4096).build());
        assertThat(e).isNotNull();
        assertThat(e.errnoName()).isEqualTo("EINVAL");
        assertThat(e.operation()).startsWith("io_uring_setup(entries=8").contains("SQ_AFF (Linux 5.1)")
                .contains("sq_thread_cpu=4096");
        assertThat(e).hasMessageContaining("rejects SQ_AFF (Linux 5.1)")
                .hasMessageContaining("sq_thread_cpu=4096 is not a CPU this thread may run on")
                .hasMessageContaining(Kernel.describe())
                .hasMessageContaining("Drop the explicit option");
        // SQPOLL on its own was fine, so it is not blamed.
        assertThat(e.getMessage()).doesNotContain("rejects SQPOLL");
    }

    @Test
    void setupErrnosThatMeanNoIoUringHaveTheirOwnTypesAndRemedies() {
        UringException blocked = UringException.forSetup("io_uring_setup(entries=8)", -Errno.EPERM.number());
        assertThat(blocked).isInstanceOf(IoUringBlockedException.class)
                .hasMessageContaining("EPERM").hasMessageContaining("seccomp").hasMessageContaining("io_uring_disabled");
        UringException absent = UringException.forSetup("io_uring_setup(entries=8)", -Errno.ENOSYS.number());
        assertThat(absent).isInstanceOf(IoUringUnavailableException.class)
                .hasMessageContaining("ENOSYS").hasMessageContaining("CONFIG_IO_URING");
        UringException memlock = UringException.forSetup("io_uring_setup(entries=8)", -Errno.ENOMEM.number());
        assertThat(memlock).isInstanceOf(MemlockLimitException.class)
                .hasMessageContaining("ENOMEM").hasMessageContaining("RLIMIT_MEMLOCK").hasMessageContaining("ulimit -l");
        UringException other = UringException.forSetup("io_uring_setup(entries=8)", -Errno.EFAULT.number());
        assertThat(other.getClass()).isEqualTo(UringException.class);
        assertThat(other).hasMessageStartingWith("io_uring_setup(entries=8) failed: EFAULT");
    }

    @Test
    void unsupportedOperationAndFeatureMessagesNameTheKernelVersion() {
        UnsupportedFeatureException op = UnsupportedFeatureException.forOpcode(Opcode.SEND_ZC);
        assertThat(op.feature()).isEqualTo("IORING_OP_SEND_ZC");
        assertThat(op.since()).isEqualTo("6.0");
        assertThat(op).hasMessageContaining("IORING_OP_SEND_ZC (Linux 6.0)").hasMessageContaining(Kernel.describe());
        UnsupportedFeatureException feat = UnsupportedFeatureException.forFeature(RingFeature.MIN_TIMEOUT);
        assertThat(feat).hasMessageContaining("IORING_FEAT_MIN_TIMEOUT (Linux 6.12)")
                .hasMessageContaining(Kernel.describe());
        assertThat(feat.errnoName()).isEqualTo("EOPNOTSUPP");
    }
}
