package dev.iobuf.it;

import static dev.iobuf.it.UringCheckOutput.FIXED_IO;
import static dev.iobuf.it.UringCheckOutput.NO_IO_URING;
import static dev.iobuf.it.UringCheckOutput.NOP;
import static dev.iobuf.it.UringCheckOutput.RECV;
import static dev.iobuf.it.UringCheckOutput.REGISTER;
import static dev.iobuf.it.UringCheckOutput.RING_SETUP;
import static dev.iobuf.it.UringCheckOutput.line;
import static dev.iobuf.it.UringCheckOutput.number;
import static dev.iobuf.it.UringCheckOutput.oneLineError;
import static dev.iobuf.it.UringCheckOutput.uringCheck;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * The library works inside a container under Docker's default seccomp profile: UringCheck sets up a
 * ring, completes a batch of NOPs, registers a RegisterBuffer pool with IORING_REGISTER_BUFFERS2 and
 * round-trips a file through it with WRITE_FIXED / READ_FIXED, and receives a TCP stream into a
 * provided-buffer ring, every byte compared by the program. As root with non-default sizes (which must
 * reach the library), and as an unprivileged user with the defaults. A profile that refuses only
 * IORING_REGISTER_BUFFERS2 shows that this is the opcode the registration uses. The profile shipped for
 * users, {@code docker/seccomp-iouring-allow.json}, lets every step pass while it still blocks what it should.
 */
class SelfCheckIT {
    private static final int UNPRIVILEGED = 1000;
    private static final long KIB = 1024;

    @Test
    void everyStepPassesWithTheSizesAskedFor() {
        ContainerResult r = uringCheck("--entries", "32", "--register-mib", "2", "--io-kib", "640",
                "--recv-kib", "100", "--ring-buffers", "4").run();

        assertPassed(r);
        Matcher setup = line(r, RING_SETUP);
        assertThat(number(setup, 2)).as("--entries 32 gives 32 SQEs: %s", r).isEqualTo(32);
        assertThat(number(setup, 3)).as("the CQ is twice the SQ by default: %s", r).isEqualTo(64);
        assertThat(setup.group(1)).as("setup flags the kernel accepted: %s", r).contains("CLAMP");
        assertThat(number(line(r, NOP), 1)).as("one NOP per SQE: %s", r).isEqualTo(32);
        Matcher register = line(r, REGISTER);
        assertThat(number(register, 1)).as("2 MiB = 16 buffers of 128 KiB: %s", r).isEqualTo(16);
        assertThat(number(register, 2)).as("%s", r).isEqualTo(2048 * KIB);
        Matcher io = line(r, FIXED_IO);
        assertThat(number(io, 1)).as("%s", r).isEqualTo(640 * KIB);
        assertThat(number(io, 2)).as("640 KiB in 128 KiB chunks: %s", r).isEqualTo(5);
        assertThat(number(io, 3)).as("one registered buffer per chunk in flight: %s", r).isEqualTo(5);
        Matcher recv = line(r, RECV);
        assertThat(number(recv, 1)).as("%s", r).isEqualTo(100 * KIB);
        assertThat(number(recv, 3)).as("--ring-buffers 4: %s", r).isEqualTo(4);
        assertThat(number(recv, 5)).as("the kernel cycled through every buffer of the group: %s", r).isEqualTo(4);
        assertThat(number(recv, 2)).as("2 KiB buffers: at least 50 RECVs for 100 KiB: %s", r).isGreaterThanOrEqualTo(50);
    }

    @Test
    void everyStepPassesAsUnprivilegedUser() {
        ContainerResult r = uringCheck().user(UNPRIVILEGED).run();

        assertPassed(r);
        assertThat(number(line(r, REGISTER), 2)).as("1 MiB by default: %s", r).isEqualTo(1024 * KIB);
        assertThat(number(line(r, FIXED_IO), 1)).as("%s", r).isEqualTo(256 * KIB);
        assertThat(number(line(r, RECV), 1)).as("%s", r).isEqualTo(64 * KIB);
    }

    @Test
    void everyStepPassesUnderTheShippedAllowingProfile() {
        // Proves the profile is in force, silently (stdout/stderr stay the program's): a seccomp filter is
        // installed, and unshare(CLONE_NEWUSER), which an unconfined uid 1000 may call, is refused.
        String profileInForce = "grep -q '^Seccomp:[[:space:]]*2$' /proc/self/status || { echo 'no seccomp filter' >&2; exit 90; };"
                + " if unshare -U true 2>/dev/null; then echo 'unshare allowed: not the shipped profile' >&2; exit 91; fi;"
                + " exec \"$@\"";
        ContainerResult r = uringCheck().seccomp(SeccompProfile.IO_URING_ALLOWED).user(UNPRIVILEGED)
                .inShell(profileInForce).run();

        assertPassed(r);
    }

    @Test
    void registrationGoesThroughRegisterBuffers2() {
        // only io_uring_register(fd, IORING_REGISTER_BUFFERS2, ...) is refused: if the library registered
        // with another opcode (the legacy IORING_REGISTER_BUFFERS), or fell back to one, this would pass
        ContainerResult r = uringCheck("--steps", "nop,register-buffers")
                .seccomp(SeccompProfile.IO_URING_REGISTER_BUFFERS2_EPERM).user(UNPRIVILEGED).run();

        String error = oneLineError(r, NO_IO_URING, "error: io_uring_register(BUFFERS2, 8 x 131072 B");
        assertThat(error).as("%s", r).contains("failed: EPERM").contains("io_uring is blocked");
        assertThat(r.stdoutLines()).as("setup and NOPs need no BUFFERS2: %s", r).hasSize(2);
        line(r, RING_SETUP);
        line(r, NOP);
    }

    private static void assertPassed(ContainerResult r) {
        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.stderr()).as("nothing on stderr (no warning, no error): %s", r).isEmpty();
        assertThat(r.stdoutLines()).as("one line per step, in order: %s", r)
                .hasSize(5)
                .satisfiesExactly(
                        l -> assertThat(l).matches(RING_SETUP),
                        l -> assertThat(l).matches(NOP),
                        l -> assertThat(l).matches(REGISTER),
                        l -> assertThat(l).matches(FIXED_IO),
                        l -> assertThat(l).matches(RECV));
    }
}
