package dev.iobuf.examples;

import static dev.iobuf.examples.ToolTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * FixedCopy against real files: every size class (empty, below, at and past one block, many chunks
 * with an unaligned tail, and one large file), buffered and with O_DIRECT, each result compared byte
 * for byte and by SHA-256; and every error path answered with one line and a non-zero exit code.
 */
class FixedCopyTest {
    private static final long MIB = 1 << 20;
    private Path dir;

    @BeforeEach
    void setUp() throws IOException {
        assumeIoUring();
        dir = workDir("fixedcopy-");
    }

    @AfterEach
    void tearDown() throws IOException {
        deleteTree(dir);
    }

    private static Run copy(String... args) {
        return run(FixedCopy::run, args);
    }

    /** Copies {@code size} random bytes with {@code extra} options and checks the copy is exact. */
    private Run copyAndVerify(long size, String... extra) throws IOException {
        Path src = randomFile(dir.resolve("src-" + size), size, size * 31 + 7);
        Path dst = dir.resolve("dst-" + size);
        List<String> args = new ArrayList<>(List.of(src.toString(), dst.toString()));
        args.addAll(List.of(extra));
        Run r = copy(args.toArray(String[]::new));
        assertThat(r.code()).as("exit code; err=%s", r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("copied " + size + " bytes from " + src + " to " + dst + " in ")
                .contains(" MB/s");
        assertThat(Files.size(dst)).isEqualTo(size);
        assertThat(Files.mismatch(src, dst)).as("first differing byte").isEqualTo(-1L);
        assertThat(sha256(dst)).isEqualTo(sha256(src));
        return r;
    }

    @ParameterizedTest(name = "{0} bytes, buffered")
    @ValueSource(longs = {0, 1, 4095, 4096, MIB + 123})
    void copiesEverySizeExactly(long size) throws IOException {
        Run r = copyAndVerify(size);
        assertThat(r.out()).contains("qd 32", "buffered I/O", "0 short reads, 0 short writes");
    }

    @ParameterizedTest(name = "{0} bytes, O_DIRECT")
    @ValueSource(longs = {0, 1, 4095, 4096, MIB + 123})
    void copiesEverySizeExactlyWithDirectIo(long size) throws IOException {
        assumeDirectIo(dir);
        Run r = copyAndVerify(size, "--direct");
        assertThat(r.out()).contains("O_DIRECT (");
        int align = Integer.parseInt(r.out().replaceAll("(?s).*O_DIRECT \\((\\d+)-byte offsets.*", "$1"));
        if (size % align != 0) {
            assertThat(r.out()).as("an unaligned tail goes through the buffered descriptors")
                    .contains("+ a " + size % align + "-byte buffered tail");
        } else {
            assertThat(r.out()).doesNotContain("buffered tail");
        }
    }

    @Test
    void copiesALargeFileThroughManyChunksInFlight() throws IOException {
        boolean direct = supportsDirectIo(dir);
        if (!direct) {
            System.err.println("FixedCopyTest: O_DIRECT unsupported under " + dir + ": the 64 MiB copy runs buffered only");
        }
        long size = 64 * MIB + 4096 + 777;
        List<String> opts = new ArrayList<>(List.of("--qd", "16", "--buffers", "32", "--fsync"));
        if (direct) {
            opts.add("--direct");
        }
        Run r = copyAndVerify(size, opts.toArray(String[]::new));
        assertThat(r.out()).contains("qd 16", "32 x 128 KiB registered buffers", "fsync");
        long chunks = (size + (128 << 10) - 1) / (128 << 10);
        long reads = Long.parseLong(r.out().replaceAll("(?s).*; (\\d+) reads.*", "$1"));
        assertThat(reads).as("one read per 128 KiB chunk, more only for short reads (and the tail)")
                .isBetween(chunks, chunks + 2);
    }

    @ParameterizedTest(name = "--qd {0} --buffers {1}: {2} in flight")
    @CsvSource({"1, 1, 1", "32, 4, 4", "4, 64, 4"})
    void inFlightIsTheSmallerOfQueueDepthAndBuffers(int qd, int buffers, int inFlight) throws IOException {
        Run r = copyAndVerify(3 * MIB + 5, "--qd", Integer.toString(qd), "--buffers", Integer.toString(buffers));
        assertThat(r.out()).contains("(qd " + inFlight + ", ");
    }

    @Test
    void truncatesALongerDestination() throws IOException {
        Path src = randomFile(dir.resolve("short"), 1000, 1);
        Path dst = randomFile(dir.resolve("long"), 2 * MIB, 2);
        Run r = copy(src.toString(), dst.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.size(dst)).isEqualTo(1000);
        assertThat(Files.mismatch(src, dst)).isEqualTo(-1L);
    }

    // ------------------------------------------------------------------------------------- errors

    @Test
    void aMissingSourceIsOneLineAndExitCode1() {
        Path missing = dir.resolve("no-such-file");
        Run r = copy(missing.toString(), dir.resolve("out").toString()).failedWithOneLine(1, "FixedCopy");
        assertThat(r.err()).contains("statx(" + missing + ")", "ENOENT", "No such file or directory");
        assertThat(r.out()).isEmpty();
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aDestinationInAMissingDirectoryIsOneLine() throws IOException {
        Path src = randomFile(dir.resolve("src"), 10, 3);
        Path dst = dir.resolve("missing-dir").resolve("dst");
        Run r = copy(src.toString(), dst.toString()).failedWithOneLine(1, "FixedCopy");
        assertThat(r.err()).contains("openat(" + dst, "ENOENT");
    }

    @Test
    void copyingAFileOntoItselfIsRefusedAndLeavesItIntact() throws IOException {
        Path src = randomFile(dir.resolve("self"), 5000, 4);
        String before = sha256(src);
        Path alias = dir.resolve(".").resolve("self");
        Run r = copy(src.toString(), alias.toString()).failedWithOneLine(1, "FixedCopy");
        assertThat(r.err()).contains("are the same file");
        assertThat(sha256(src)).isEqualTo(before);
    }

    @Test
    void directoriesAreRefused() throws IOException {
        Path src = randomFile(dir.resolve("src"), 10, 5);
        Path sub = Files.createDirectory(dir.resolve("sub"));
        assertThat(copy(src.toString(), sub.toString()).failedWithOneLine(1, "FixedCopy").err())
                .contains(sub + " is a directory");
        assertThat(copy(sub.toString(), dir.resolve("x").toString()).failedWithOneLine(1, "FixedCopy").err())
                .contains("not a regular file");
    }

    @ParameterizedTest(name = "[{index}] args: {0}")
    @ValueSource(strings = {"", "onlyone", "a b c", "a b --qd 0", "a b --qd x", "a b --buffers 5000", "a b --bogus",
        "a b --qd", "a b --direct=yes"})
    void aBadCommandLineIsOneLineAndExitCode2(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        Run r = copy(args).failedWithOneLine(2, "FixedCopy");
        assertThat(r.err()).contains("usage: FixedCopy <src> <dst>");
    }

    @Test
    void helpGoesToStdoutWithExitCode0() {
        Run r = copy("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("usage: FixedCopy");
    }

    /**
     * RLIMIT_MEMLOCK for real, in a child JVM: {@code prlimit} lowers the limit and, for root,
     * {@code setpriv} drops CAP_IPC_LOCK (with it the kernel ignores the limit). The 4 MiB of buffers
     * cannot be registered under 256 KiB: one line naming the limit and how to raise it, exit code 1.
     */
    @Test
    void aLowMemlockLimitIsOneLineWithTheRemedy() throws Exception {
        Path prlimit = which("prlimit");
        Path setpriv = which("setpriv");
        if (prlimit == null || setpriv == null) {
            Assumptions.abort("prlimit and setpriv (util-linux) are needed to run FixedCopy under a low memlock limit");
        }
        Path src = randomFile(dir.resolve("src"), 10, 6);
        List<String> cmd = new ArrayList<>(List.of(prlimit.toString(), "--memlock=262144:262144"));
        if (hasCapIpcLock()) {
            cmd.addAll(List.of(setpriv.toString(), "--inh-caps=-ipc_lock", "--bounding-set=-ipc_lock"));
        }
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), FixedCopy.class.getName(),
                src.toString(), dir.resolve("dst").toString()));
        Process p = new ProcessBuilder(cmd).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("child finished").isTrue();
        String errText = new String(err, StandardCharsets.UTF_8);
        if (p.exitValue() == 1 && errText.contains("setpriv")) {
            Assumptions.abort("setpriv could not drop CAP_IPC_LOCK here: " + errText.strip());
        }
        Run r = new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), errText);
        r.failedWithOneLine(1, "FixedCopy");
        assertThat(r.err()).contains("RLIMIT_MEMLOCK", "262144", "ulimit -l");
    }

    private static boolean hasCapIpcLock() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("CapEff:")) {
                return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & (1L << 14)) != 0;
            }
        }
        return false;
    }
}
