package dev.iobuf.examples;

import static dev.iobuf.examples.ToolTestSupport.assumeIoUring;
import static dev.iobuf.examples.ToolTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.examples.ToolTestSupport.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * UringCheck in-process on the host: its steps, options and error reporting. The container suite
 * (dev.iobuf.it) runs it where io_uring is blocked, absent or limited.
 */
class UringCheckTest {
    @TempDir
    Path dir;

    private static Run check(String... args) {
        return run(UringCheck::run, args);
    }

    @Test
    void everyStepPassesAndLeavesNoScratchFile() throws Exception {
        assumeIoUring();
        Run r = check("--entries", "16", "--register-kib", "300", "--io-kib", "700", "--recv-kib", "33",
                "--ring-buffers", "2", "--dir", dir.toString());

        assertThat(r.code()).as("err=%s", r.err()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).matches("ok ring setup flags=\\S+ sq=16 cq=32 ring-fd=\\w+");
        assertThat(lines.get(1)).isEqualTo("ok nop n=16");
        assertThat(lines.get(2)).as("300 KiB -> 3 buffers -> rounded up to 4 x 128 KiB")
                .startsWith("ok register-buffers n=4 bytes=524288 (IORING_REGISTER_BUFFERS2, 4 x 131072 B)");
        assertThat(lines.get(3)).as("700 KiB in 6 chunks, 4 at a time")
                .startsWith("ok fixed-io bytes=716800 chunks=6 slots=4 file=" + dir);
        assertThat(lines.get(4)).startsWith("ok buffer-ring recv bytes=33792 recvs=")
                .endsWith("buffers=2 x 2048 B, ids used=2");
        try (var left = Files.list(dir)) {
            assertThat(left).as("the scratch file is deleted").isEmpty();
        }
    }

    @Test
    void stepsRunOnlyWhenAskedAndFixedIoBringsTheRegistration() {
        assumeIoUring();
        Run r = check("--steps", "fixed-io", "--register-kib", "128", "--io-kib", "4", "--dir", dir.toString());

        assertThat(r.code()).as("err=%s", r.err()).isZero();
        assertThat(r.out().lines().toList()).satisfiesExactly(
                l -> assertThat(l).startsWith("ok ring setup "),
                l -> assertThat(l).startsWith("ok register-buffers n=1 bytes=131072 "),
                l -> assertThat(l).startsWith("ok fixed-io bytes=4096 chunks=1 slots=1 "));
    }

    @Test
    void aFailureIsOneErrorLineAndExitCodeOne() {
        assumeIoUring();
        Run r = check("--steps", "fixed-io", "--dir", dir.resolve("missing").toString());

        assertThat(r.code()).isEqualTo(UringCheck.FAILED);
        assertThat(r.err().lines().toList()).singleElement().asString()
                .startsWith("error: openat(" + dir.resolve("missing"))
                .contains("ENOENT")
                .contains("--dir");
        assertThat(r.out()).as("the steps before the failure are reported").contains("ok register-buffers");
    }

    @Test
    void aBadCommandLineIsOneErrorLineAndExitCodeOne() {
        Run unknown = check("--steps", "nop,bogus");
        assertThat(unknown.code()).isEqualTo(UringCheck.FAILED);
        assertThat(unknown.err().lines().toList()).singleElement().asString()
                .startsWith("error: unknown step 'bogus': the steps are nop, register-buffers, fixed-io, buffer-ring");
        assertThat(unknown.out()).isEmpty();

        Run both = check("--register-mib", "1", "--register-kib", "128");
        assertThat(both.code()).isEqualTo(UringCheck.FAILED);
        assertThat(both.err()).startsWith("error: give --register-mib or --register-kib, not both");

        Run range = check("--entries", "0");
        assertThat(range.code()).isEqualTo(UringCheck.FAILED);
        assertThat(range.err()).startsWith("error: --entries must be in 1 .. 32768, got 0");
    }

    @Test
    void traceAddsTheStackTrace() {
        assumeIoUring();
        Run r = check("--steps", "fixed-io", "--dir", dir.resolve("missing").toString(), "--trace");

        assertThat(r.code()).isEqualTo(UringCheck.FAILED);
        List<String> lines = r.err().lines().toList();
        assertThat(lines.getFirst()).startsWith("error: openat(");
        assertThat(lines.get(1)).as("the stack trace follows the error line").startsWith("dev.iobuf.uring.UringException: ");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("\tat ").contains("FixedIoCheck"));
    }

    @Test
    void helpPrintsTheUsage() {
        Run r = check("--help");

        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("usage: " + UringCheck.USAGE + System.lineSeparator());
    }
}
