package dev.iobuf.examples;

import static dev.iobuf.examples.LinuxFiles.O_RDONLY;

import dev.iobuf.AlignedMemory;
import dev.iobuf.BufferPool;
import dev.iobuf.BufferTier;
import dev.iobuf.uring.RegisteredBuffers;
import dev.iobuf.uring.RegisteredFiles;
import dev.iobuf.uring.Ring;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Random 4 KiB reads of a file through io_uring, reporting IOPS and latency percentiles:
 * {@code RandomRead <file> [--qd N] [--direct] [--duration D | --count N] [--seed S]}.
 *
 * <pre>
 * java --enable-native-access=dev.iobuf.core,dev.iobuf.liburing,dev.iobuf.uring \
 *      -p iobuf-core.jar:native-bindings.jar:iobuf-uring.jar:examples.jar \
 *      -m dev.iobuf.examples/dev.iobuf.examples.RandomRead big.img --qd 32 --duration 10s
 * </pre>
 *
 * <p>One thread keeps {@code --qd} reads in flight (default 32), each into its own registered buffer
 * (READ_FIXED) from the file opened straight into the ring's registered file table
 * (IOSQE_FIXED_FILE), at uniformly random 4 KiB-aligned offsets ({@link RandomReadLoop}). It runs for
 * {@code --duration} (default 10 s; {@code 500ms}, {@code 30s}, {@code 2m}) or {@code --count} reads,
 * whichever ends first when both are given. {@code --direct} opens with O_DIRECT after checking
 * that 4 KiB reads and the buffers meet the file system's direct I/O alignment. Latency percentiles
 * come from a fixed-bucket histogram ({@link LatencyHistogram}, under 1.6% relative error).
 *
 * <p>Errors print one line and exit with 1 (2 for a bad command line), like {@link FixedCopy}.
 */
public final class RandomRead {
    static final String USAGE = "RandomRead <file> [--qd N] [--direct] [--duration D | --count N] [--seed S]";
    static final int BLOCK = 4096;
    static final int DEFAULT_QD = 32;
    static final long DEFAULT_DURATION_NANOS = 10_000_000_000L;
    private static final int FILE_SLOT = 0;
    /** With O_DIRECT, reads are submitted every this many (see {@link RandomReadLoop}). */
    static final int DIRECT_SUBMIT_GROUP = 4;

    /** The parsed command line; {@code count} is {@code Long.MAX_VALUE} when not given. */
    record Options(Path file, int qd, boolean direct, long durationNanos, long count, long seed) {
        static Options parse(String[] args) {
            CommandLine c = CommandLine.parse(args, Set.of("--qd", "--duration", "--count", "--seed"),
                    Set.of("--direct"), USAGE);
            c.expectPositional(1, "<file>");
            int qd = c.intValue("--qd", DEFAULT_QD, 1, FixedCopy.MAX_QD);
            long count = c.longValue("--count", Long.MAX_VALUE, 1, Long.MAX_VALUE);
            // With only --count, run until the count is reached (the duration is then a generous bound).
            long dflt = c.has("--count") ? Long.MAX_VALUE / 4 : DEFAULT_DURATION_NANOS;
            long duration = c.durationNanos("--duration", dflt);
            long seed = c.longValue("--seed", System.nanoTime(), Long.MIN_VALUE, Long.MAX_VALUE);
            return new Options(Path.of(c.positional(0)), qd, c.flag("--direct"), duration, count, seed);
        }
    }

    private RandomRead() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the tool as {@link #main} does, but returns the exit code instead of exiting. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (CommandLine.wantsHelp(args)) {
            out.println("usage: " + USAGE);
            return 0;
        }
        return ToolRunner.run("RandomRead", out, err, o -> read(Options.parse(args), o));
    }

    static void read(Options o, PrintStream out) {
        BufferTier tier = BufferTier.forSize(BLOCK);
        try (BufferPool pool = BufferPool.of(tier, o.qd());
             Ring ring = Ring.builder().entries(Math.max(8, Integer.highestOneBit(o.qd() - 1) << 1)).build()) {
            RegisteredFiles files = RegisteredFiles.register(ring, 1);
            RingFiles fs = new RingFiles(ring, files);
            FileStat stat = fs.statx(o.file());
            if (!stat.isRegularFile() || stat.size() < BLOCK) {
                throw new ToolException(o.file() + " must be a regular file of at least " + BLOCK + " bytes ("
                        + (stat.isRegularFile() ? stat.size() + " bytes" : "not a regular file") + ")");
            }
            String mode = "buffered";
            if (o.direct()) {
                DirectAlignment a = DirectAlignment.of(new Path[] {o.file()}, new FileStat[] {stat});
                checkAlignment(a, pool);
                mode = "O_DIRECT (" + a.describe() + ")";
            }
            fs.openDirect(o.file(), O_RDONLY | (o.direct() ? LinuxFiles.oDirect() : 0), 0, FILE_SLOT,
                    o.direct() ? "O_RDONLY|O_DIRECT" : "O_RDONLY");
            RegisteredBuffers buffers = RegisteredBuffers.register(ring, pool);
            int[] lanes = new int[o.qd()];
            for (int i = 0; i < lanes.length; i++) {
                lanes[i] = pool.tryAcquire();   // a fresh pool of at least qd buffers: never -1
            }
            long blocks = stat.size() / BLOCK;
            out.printf(Locale.ROOT, "RandomRead: %s, %d bytes (%d blocks of %d B), qd %d, %s, registered buffers "
                    + "and file, seed %d%n", o.file(), stat.size(), blocks, BLOCK, o.qd(), mode, o.seed());
            // O_DIRECT reads go to the device: hand them over in small groups; cached reads complete
            // inline, so one io_uring_enter per drained CQ is cheapest (see RandomReadLoop).
            RandomReadLoop loop = new RandomReadLoop(ring, buffers, files, FILE_SLOT, o.file(), lanes, BLOCK, blocks,
                    o.seed(), o.direct() ? DIRECT_SUBMIT_GROUP : Integer.MAX_VALUE);
            long nanos = loop.run(o.durationNanos(), o.count());
            fs.closeDirect(FILE_SLOT, o.file());
            for (int lane : lanes) {
                pool.release(lane);
            }
            report(out, loop, nanos);
        }
    }

    private static void checkAlignment(DirectAlignment a, BufferPool pool) {
        if (BLOCK % a.offset() != 0) {
            throw new ToolException("O_DIRECT on this file needs " + a.offset() + "-byte aligned offsets and lengths, "
                    + "more than the " + BLOCK + "-byte reads: run without --direct");
        }
        for (int i = 0; i < pool.capacity(); i++) {
            if (!AlignedMemory.isAligned(pool.address(i), a.memory())) {
                throw new ToolException("O_DIRECT needs " + a.memory() + "-byte aligned buffers but buffer " + i
                        + " is at 0x" + Long.toHexString(pool.address(i)) + ": run without --direct");
            }
        }
    }

    private static void report(PrintStream out, RandomReadLoop loop, long nanos) {
        double seconds = nanos / 1e9;
        long reads = loop.completed();
        double iops = seconds > 0 ? reads / seconds : 0;
        LatencyHistogram h = loop.latency();
        out.printf(Locale.ROOT, "reads %d in %.3f s: %.0f IOPS, %.1f MiB/s%n", reads, seconds, iops,
                iops * BLOCK / (1 << 20));
        out.printf(Locale.ROOT, "latency us: min %.1f p50 %.1f p90 %.1f p99 %.1f p99.9 %.1f max %.1f mean %.1f%n",
                h.min() / 1e3, h.percentile(50) / 1e3, h.percentile(90) / 1e3, h.percentile(99) / 1e3,
                h.percentile(99.9) / 1e3, h.max() / 1e3, h.mean() / 1e3);
    }
}
