package dev.iobuf.examples;

import static dev.iobuf.examples.ToolTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RandomRead runs briefly on a real file and reports what it did, plausibly; its errors are one line. */
class RandomReadTest {
    private static final Pattern READS = Pattern.compile("reads (\\d+) in ([0-9.]+) s: (\\d+) IOPS");
    private static final Pattern LATENCY = Pattern.compile(
            "latency us: min ([0-9.]+) p50 ([0-9.]+) p90 ([0-9.]+) p99 ([0-9.]+) p99\\.9 ([0-9.]+) max ([0-9.]+)");
    private Path dir;
    private Path file;

    @BeforeEach
    void setUp() throws IOException {
        assumeIoUring();
        dir = workDir("randomread-");
        file = randomFile(dir.resolve("data"), 8L << 20, 11);
    }

    @AfterEach
    void tearDown() throws IOException {
        deleteTree(dir);
    }

    private static Run read(String... args) {
        return run(RandomRead::run, args);
    }

    /** Checks the report and returns {reads, seconds, iops}. */
    private static double[] checkReport(Run r) {
        assertThat(r.code()).as("exit code; err=%s", r.err()).isZero();
        assertThat(r.err()).isEmpty();
        Matcher m = READS.matcher(r.out());
        assertThat(m.find()).as("reads line in %s", r.out()).isTrue();
        double reads = Double.parseDouble(m.group(1));
        double seconds = Double.parseDouble(m.group(2));
        double iops = Double.parseDouble(m.group(3));
        assertThat(seconds).isPositive();
        // seconds are printed to the millisecond: allow for that rounding
        assertThat(iops).as("IOPS = reads / seconds").isBetween(reads / (seconds + 0.0006), reads / Math.max(1e-9, seconds - 0.0006));
        Matcher l = LATENCY.matcher(r.out());
        assertThat(l.find()).as("latency line in %s", r.out()).isTrue();
        double previous = 0;
        for (int g = 1; g <= 6; g++) {
            double v = Double.parseDouble(l.group(g));
            assertThat(v).as("latency percentiles ascend: %s", l.group()).isGreaterThanOrEqualTo(previous);
            previous = v;
        }
        assertThat(Double.parseDouble(l.group(1))).as("min latency").isPositive();
        return new double[] {reads, seconds, iops};
    }

    @ParameterizedTest(name = "--qd {0}")
    @ValueSource(ints = {1, 16, 32})
    void aCountRunReadsExactlyThatMany(int qd) {
        Run r = read(file.toString(), "--count", "5000", "--qd", Integer.toString(qd), "--seed", "1");
        double[] got = checkReport(r);
        assertThat(got[0]).isEqualTo(5000);
        assertThat(r.out()).contains("qd " + qd, "2048 blocks of 4096 B", "buffered");
    }

    @Test
    void aTimedRunStopsAtItsDeadline() {
        Run r = read(file.toString(), "--duration", "300ms");
        double[] got = checkReport(r);
        assertThat(got[1]).as("seconds").isBetween(0.29, 5.0);
        // How many is a benchmark's question (scripts/bench.sh fileapi), not a unit test's: on a loaded
        // 2-core machine 300 ms gave 166 to 769 reads, on a quiet one thousands.
        assertThat(got[0]).as("reads in 300 ms at QD 32 from the page cache").isPositive();
    }

    @Test
    void directIoReadsWork() {
        assumeDirectIo(dir);
        Run r = read(file.toString(), "--count", "2000", "--direct");
        double[] got = checkReport(r);
        assertThat(got[0]).isEqualTo(2000);
        assertThat(r.out()).contains("O_DIRECT (");
    }

    @Test
    void aFileSmallerThanOneBlockIsRefused() throws IOException {
        Path tiny = randomFile(dir.resolve("tiny"), 4095, 12);
        Run r = read(tiny.toString(), "--count", "10").failedWithOneLine(1, "RandomRead");
        assertThat(r.err()).contains("at least 4096 bytes", "4095 bytes");
    }

    @Test
    void aMissingFileIsOneLine() {
        Run r = read(dir.resolve("nope").toString()).failedWithOneLine(1, "RandomRead");
        assertThat(r.err()).contains("ENOENT");
    }

    @ParameterizedTest(name = "[{index}] args: {0}")
    @ValueSource(strings = {"", "f --duration soon", "f --duration -1s", "f --count 0", "f g"})
    void aBadCommandLineIsOneLineAndExitCode2(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        assertThat(read(args).failedWithOneLine(2, "RandomRead").err()).contains("usage: RandomRead <file>");
    }
}
