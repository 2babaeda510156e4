package dev.iobuf.it;

import static dev.iobuf.it.UringCheckOutput.FIXED_IO;
import static dev.iobuf.it.UringCheckOutput.NOP;
import static dev.iobuf.it.UringCheckOutput.NO_IO_URING;
import static dev.iobuf.it.UringCheckOutput.REGISTER;
import static dev.iobuf.it.UringCheckOutput.RING_SETUP;
import static dev.iobuf.it.UringCheckOutput.line;
import static dev.iobuf.it.UringCheckOutput.number;
import static dev.iobuf.it.UringCheckOutput.oneLineError;
import static dev.iobuf.it.UringCheckOutput.uringCheck;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code --ulimit memlock} too small for a buffer registration: the library refuses with a message
 * naming the limit, the bytes needed and the remedies, and the ring itself keeps working (its NOPs
 * pass; a table that fits registers and does fixed I/O). CAP_IPC_LOCK lifts the limit for the very
 * same registration.
 *
 * <p>The limited cases run as uid 1000: the kernel counts locked memory per uid, across containers
 * and the host, so root's budget is shared with whatever else root runs. CAP_IPC_LOCK only takes
 * effect for root (Docker gives a non-root user no effective capabilities); with it nothing is
 * counted, so sharing root's budget does not matter there.
 */
class MemlockIT {
    private static final int UNPRIVILEGED = 1000;
    private static final long LIMIT = 1024 * 1024;
    private static final long MIB = 1024 * 1024;
    /** "RLIMIT_MEMLOCK is L bytes but about N bytes must be locked (B for this registration + ...". */
    private static final Pattern NEEDED = Pattern.compile(
            "RLIMIT_MEMLOCK is (\\d+) bytes but about (\\d+) bytes must be locked \\((\\d+) for this registration");

    @Test
    void registrationAboveTheLimitFailsNamingLimitBytesAndRemedy() {
        ContainerResult r = uringCheck("--steps", "nop,register-buffers", "--register-mib", "8")
                .user(UNPRIVILEGED).memlock(LIMIT).run();

        String line = oneLineError(r, NO_IO_URING, "error: io_uring_register(BUFFERS2");
        Matcher m = NEEDED.matcher(line);
        assertThat(m.find()).as("limit and bytes needed in: %s", r).isTrue();
        assertThat(Long.parseLong(m.group(1))).as("the limit: %s", r).isEqualTo(LIMIT);
        assertThat(Long.parseLong(m.group(3))).as("this registration: %s", r).isEqualTo(8 * MIB);
        assertThat(Long.parseLong(m.group(2))).as("needed = registration + ring memory: %s", r).isGreaterThan(8 * MIB);
        assertThat(line).as("the remedies: %s", r)
                .contains("ENOMEM")
                .contains("docker run --ulimit memlock=")
                .contains("ulimit -l")
                .contains("CAP_IPC_LOCK");
        assertThat(r.stdoutLines()).as("the ring itself works under the limit: %s", r).hasSize(2);
        line(r, RING_SETUP);
        line(r, NOP);
    }

    @Test
    void smallerTableFitsUnderTheSameLimit() {
        ContainerResult r = uringCheck("--steps", "nop,fixed-io", "--register-kib", "512", "--io-kib", "512")
                .user(UNPRIVILEGED).memlock(LIMIT).run();

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.stderr()).as("%s", r).isEmpty();
        line(r, NOP);
        assertThat(number(line(r, REGISTER), 2)).as("%s", r).isEqualTo(512 * 1024);
        assertThat(number(line(r, FIXED_IO), 1)).as("%s", r).isEqualTo(512 * 1024);
    }

    @Test
    void capIpcLockLiftsTheLimitForTheSameRegistration() {
        ContainerResult r = uringCheck("--steps", "nop,fixed-io", "--register-mib", "8", "--io-kib", "1024")
                .memlock(LIMIT).capIpcLock().run();

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.stderr()).as("%s", r).isEmpty();
        assertThat(number(line(r, REGISTER), 2)).as("8 MiB registered under a 1 MiB limit: %s", r).isEqualTo(8 * MIB);
        assertThat(number(line(r, FIXED_IO), 1)).as("%s", r).isEqualTo(1024 * 1024);
    }
}
