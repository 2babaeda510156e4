package dev.iobuf.examples;

import dev.iobuf.BufferPool;
import dev.iobuf.BufferTier;
import dev.iobuf.uring.file.DirectAlignment;
import dev.iobuf.uring.file.FileIo;
import dev.iobuf.uring.file.FileStat;
import dev.iobuf.uring.file.UringFile;
import dev.iobuf.uring.file.UringOpenOption;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

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
 * <p>{@code --qd} virtual threads (default 32) each read uniformly random 4 KiB-aligned blocks into
 * their own buffer of a pool registered with the {@link FileIo} service (READ_FIXED; the file sits in
 * the registered file table), with plain blocking calls: a virtual thread parks while its read is in
 * flight, so {@code --qd} reads are in the ring at once. It runs for {@code --duration} (default 10 s;
 * {@code 500ms}, {@code 30s}, {@code 2m}) or {@code --count} reads, whichever ends first when both are
 * given. {@code --direct} opens with O_DIRECT; the service checks the file system's alignment (statx)
 * and the tool that 4 KiB reads meet it. Latency percentiles come from per-thread fixed-bucket
 * histograms ({@link LatencyHistogram}, under 1.6% relative error), merged at the end.
 *
 * <p>Errors print one line and exit with 1 (2 for a bad command line), like {@link FixedCopy}.
 */
public final class RandomRead {
    static final String USAGE = "RandomRead <file> [--qd N] [--direct] [--duration D | --count N] [--seed S]";
    static final int BLOCK = 4096;
    static final int DEFAULT_QD = 32;
    static final long DEFAULT_DURATION_NANOS = 10_000_000_000L;

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

    static void read(Options o, PrintStream out) throws IOException, InterruptedException {
        BufferTier tier = BufferTier.forSize(BLOCK);
        try (BufferPool pool = BufferPool.of(tier, o.qd());
             FileIo io = FileIo.builder().registerPool(pool).queueDepth(Math.max(8, o.qd())).build()) {
            FileStat stat = io.stat(o.file());
            if (!stat.isRegularFile() || stat.size() < BLOCK) {
                throw new ToolException(o.file() + " must be a regular file of at least " + BLOCK + " bytes ("
                        + (stat.isRegularFile() ? stat.size() + " bytes" : "not a regular file") + ")");
            }
            try (UringFile f = o.direct() ? io.open(o.file(), StandardOpenOption.READ, UringOpenOption.DIRECT)
                    : io.open(o.file(), StandardOpenOption.READ)) {
                String mode = "buffered";
                if (o.direct()) {
                    DirectAlignment a = f.alignment();
                    if (BLOCK % a.offset() != 0) {
                        throw new ToolException("O_DIRECT on this file needs " + a.offset() + "-byte aligned offsets and "
                                + "lengths, more than the " + BLOCK + "-byte reads: run without --direct");
                    }
                    mode = "O_DIRECT (" + a.describe() + ")";
                }
                long blocks = stat.size() / BLOCK;
                out.printf(Locale.ROOT, "RandomRead: %s, %d bytes (%d blocks of %d B), qd %d, %s, registered buffers "
                        + "and file, seed %d%n", o.file(), stat.size(), blocks, BLOCK, o.qd(), mode, o.seed());
                Readers readers = new Readers(f, pool, blocks, o);
                long nanos = readers.run();
                report(out, readers.completed.get(), readers.latency, nanos);
            }
        }
    }

    /** {@code --qd} virtual threads reading until the deadline or the count; their latencies merged. */
    private static final class Readers {
        final AtomicLong completed = new AtomicLong();
        final LatencyHistogram latency = new LatencyHistogram();
        private final UringFile file;
        private final BufferPool pool;
        private final long blocks;
        private final Options o;
        private final AtomicLong budget;
        private final AtomicReference<Exception> failure = new AtomicReference<>();

        Readers(UringFile file, BufferPool pool, long blocks, Options o) {
            this.file = file;
            this.pool = pool;
            this.blocks = blocks;
            this.o = o;
            this.budget = new AtomicLong(o.count());
        }

        long run() throws IOException, InterruptedException {
            long start = System.nanoTime();
            long deadline = start + Math.min(o.durationNanos(), Long.MAX_VALUE / 4);
            Thread[] threads = new Thread[o.qd()];
            LatencyHistogram[] histograms = new LatencyHistogram[threads.length];
            for (int t = 0; t < threads.length; t++) {
                LatencyHistogram h = histograms[t] = new LatencyHistogram();
                long seed = o.seed() * 31 + t;
                threads[t] = Thread.ofVirtual().name("reader-", t).start(() -> readLoop(h, seed, deadline));
            }
            for (Thread t : threads) {
                t.join();
            }
            long nanos = System.nanoTime() - start;
            for (LatencyHistogram h : histograms) {
                latency.add(h);
            }
            Exception e = failure.get();
            if (e instanceof IOException io) {
                throw io;
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            return nanos;
        }

        private void readLoop(LatencyHistogram h, long seed, long deadline) {
            int buffer = pool.tryAcquire();
            long random = seed == 0 ? 0x9E37_79B9_7F4A_7C15L : seed;
            try {
                while (failure.get() == null && budget.getAndDecrement() > 0) {
                    random ^= random >>> 12;   // xorshift64*
                    random ^= random << 25;
                    random ^= random >>> 27;
                    long block = Long.remainderUnsigned(random * 0x2545_F491_4F6C_DD1DL, blocks);
                    long t0 = System.nanoTime();
                    int n = file.read(pool, buffer, 0, BLOCK, block * BLOCK);
                    long t1 = System.nanoTime();
                    if (n != BLOCK) {
                        throw new ToolException(file.path() + ": read of block " + block + " returned " + n);
                    }
                    h.record(t1 - t0);
                    completed.incrementAndGet();
                    if (t1 - deadline >= 0) {
                        break;
                    }
                }
            } catch (IOException | RuntimeException e) {
                failure.compareAndSet(null, e);
            } finally {
                pool.release(buffer);
            }
        }
    }

    private static void report(PrintStream out, long reads, LatencyHistogram h, long nanos) {
        double seconds = nanos / 1e9;
        double iops = seconds > 0 ? reads / seconds : 0;
        out.printf(Locale.ROOT, "reads %d in %.3f s: %.0f IOPS, %.1f MiB/s%n", reads, seconds, iops,
                iops * BLOCK / (1 << 20));
        out.printf(Locale.ROOT, "latency us: min %.1f p50 %.1f p90 %.1f p99 %.1f p99.9 %.1f max %.1f mean %.1f%n",
                h.min() / 1e3, h.percentile(50) / 1e3, h.percentile(90) / 1e3, h.percentile(99) / 1e3,
                h.percentile(99.9) / 1e3, h.max() / 1e3, h.mean() / 1e3);
    }
}
