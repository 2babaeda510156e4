package dev.iobuf.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The fixed-buffer copy tool (FixedCopy: registered buffers, files opened into the registered file
 * table, READ_FIXED / WRITE_FIXED) copies a file made inside the container, as an unprivileged user
 * under Docker's default seccomp profile, buffered and with O_DIRECT; coreutils' sha256sum (the image
 * is Debian minbase, which has coreutils) compares source and copies, so the check does not rely on
 * the code under test.
 */
class FixedCopyIT {
    private static final int UNPRIVILEGED = 1000;
    /** Not a multiple of 128 KiB (the chunk) nor of 4 KiB (O_DIRECT's unit): the last chunk is short. */
    private static final long SIZE = 9_000_001;
    /**
     * Makes the source, copies it buffered, then with O_DIRECT if the container's /tmp takes it
     * (probed with dd, not with the code under test), then prints the checksums. {@code "$@"} is the
     * java command of FixedCopy.
     */
    private static final String SCRIPT = """
            set -e
            head -c %d /dev/urandom >/tmp/src
            "$@" /tmp/src /tmp/dst
            if dd if=/dev/zero of=/tmp/odirect-probe bs=4096 count=1 oflag=direct 2>/dev/null; then
              "$@" /tmp/src /tmp/dst-direct --direct --qd 8
            else
              echo "no O_DIRECT on /tmp"
            fi
            sha256sum /tmp/src /tmp/dst*
            """.formatted(SIZE);
    private static final Pattern SHA256SUM = Pattern.compile("^([0-9a-f]{64})  (\\S+)$");

    @Test
    void copiesAFileMadeInTheContainerExactly() {
        ContainerResult r = ContainerRun.example("FixedCopy").inShell(SCRIPT).user(UNPRIVILEGED).run();

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.stderr()).as("%s", r).isEmpty();
        assertThat(r.stdoutLines()).as("FixedCopy's report: %s", r)
                .anySatisfy(l -> assertThat(l).startsWith("copied " + SIZE + " bytes from /tmp/src to /tmp/dst in ")
                        .contains("registered buffers, buffered I/O"));
        Map<String, String> sums = checksums(r);
        assertThat(sums).as("sha256sum of the source and the copy: %s", r).containsKeys("/tmp/src", "/tmp/dst");
        assertThat(sums.get("/tmp/dst")).as("buffered copy: %s", r).isEqualTo(sums.get("/tmp/src"));

        if (!sums.containsKey("/tmp/dst-direct")) {
            Assumptions.abort("the buffered copy passed, but the container's /tmp does not take O_DIRECT here, so the "
                    + "--direct copy was not run:\n" + r);
        }
        assertThat(r.stdoutLines()).as("%s", r)
                .anySatisfy(l -> assertThat(l).startsWith("copied " + SIZE + " bytes from /tmp/src to /tmp/dst-direct in ")
                        .contains("O_DIRECT"));
        assertThat(sums.get("/tmp/dst-direct")).as("O_DIRECT copy: %s", r).isEqualTo(sums.get("/tmp/src"));
    }

    private static Map<String, String> checksums(ContainerResult r) {
        Map<String, String> sums = new HashMap<>();
        for (String line : r.stdoutLines()) {
            Matcher m = SHA256SUM.matcher(line);
            if (m.matches()) {
                sums.put(m.group(2), m.group(1));
            }
        }
        return sums;
    }
}
