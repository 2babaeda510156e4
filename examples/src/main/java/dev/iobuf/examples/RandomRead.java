package dev.iobuf.examples;

import dev.iobuf.BufferPool;
import dev.iobuf.BufferTier;
import dev.iobuf.uring.Transport;
import dev.iobuf.uring.file.DirectAlignment;
import dev.iobuf.uring.file.FileBatch;
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
 * <p>{@code --qd} reads (default 32) are in flight at once: {@code qd / --batch} virtual threads each
 * queue {@code --batch} (default {@code qd / 2}: two readers, so that one prepares its batch while the
 * other's is in the ring) uniformly random 4 KiB-aligned reads into their own buffers of a pool
 * registered with the {@link FileIo} service (READ_FIXED; the file sits in the registered file table)
 * as one {@link FileBatch}, which the ring thread submits with one {@code io_uring_enter}, and park until
 * all of them are done. Batching is what makes this as fast as a hand-written ring loop: one wake-up of
 * the ring thread and of the reader per batch rather than per read ({@code --batch 1} is one blocking
 * read per virtual thread, the way most code would call the API). Each read is timed from its batch's
 * submission to the batch's end. It runs for {@code --duration} (default 10 s;
 * {@code 500ms}, {@code 30s}, {@code 2m}) or {@code --count} reads, whichever ends first when both are
 * given. {@code --direct} opens with O_DIRECT; the service checks the file system's alignment (statx)
 * and the tool that 4 KiB reads meet it. Latency percentiles come from per-thread fixed-bucket
 * histograms ({@link LatencyHistogram}, under 1.6% relative error), merged at the end.
 *
 * <p>Errors print one line and exit with 1 (2 for a bad command line), like {@link FixedCopy}.
 */
public final class RandomRead {
    static final String USAGE = "RandomRead <file> [--qd N] [--batch B] [--direct] [--duration D | --count N] [--seed S]";
    static final int BLOCK = 4096;
    static final int DEFAULT_QD = 32;
    static final long DEFAULT_DURATION_NANOS = 10_000_000_000L;

    /** The parsed command line; {@code count} is {@code Long.MAX_VALUE} when not given. */
    record Options(Path file, int qd, int batch, boolean direct, long durationNanos, long count, long seed) {
        static Options parse(String[] args) {
            CommandLine c = CommandLine.parse(args, Set.of("--qd", "--batch", "--duration", "--count", "--seed"),
                    Set.of("--direct"), USAGE);
            c.expectPositional(1, "<file>");
            int qd = c.intValue("--qd", DEFAULT_QD, 1, FixedCopy.MAX_QD);
            int batch = c.intValue("--batch", Math.max(1, qd / 2), 1, qd);
            long count = c.longValue("--count", Long.MAX_VALUE, 1, Long.MAX_VALUE);
            // With only --count, run until the count is reached (the duration is then a generous bound).
            long dflt = c.has("--count") ? Long.MAX_VALUE / 4 : DEFAULT_DURATION_NANOS;
            long duration = c.durationNanos("--duration", dflt);
            long seed = c.longValue("--seed", System.nanoTime(), Long.MIN_VALUE, Long.MAX_VALUE);
            return new Options(Path.of(c.positional(0)), qd, batch, c.flag("--direct"), duration, count, seed);
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
        // Transport.IO_URING: io_uring or its one-line error with the remedy, never FileChannel figures under our name.
        try (BufferPool pool = BufferPool.of(tier, o.qd());
             FileIo io = FileIo.builder().registerPool(pool).queueDepth(Math.max(8, o.qd()))
                     .transport(Transport.IO_URING).build()) {
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
                out.printf(Locale.ROOT, "RandomRead: %s, %d bytes (%d blocks of %d B), qd %d in batches of %d, %s, "
                        + "registered buffers and file, seed %d%n", o.file(), stat.size(), blocks, BLOCK, o.qd(), o.batch(),
                        mode, o.seed());
                Readers readers = new Readers(io, f, pool, blocks, o);
                long nanos = readers.run();
                report(out, readers.completed.get(), readers.latency, nanos);
            }
        }
    }

    /** {@code --qd} virtual threads reading until the deadline or the count; their latencies merged. */
    private static final class Readers {
        final AtomicLong completed = new AtomicLong();
        final LatencyHistogram latency = new LatencyHistogram();
        private final FileIo io;
        private final UringFile file;
        private final BufferPool pool;
        private final long blocks;
        private final Options o;
        private final AtomicLong budget;
        private final AtomicReference<Exception> failure = new AtomicReference<>();

        Readers(FileIo io, UringFile file, BufferPool pool, long blocks, Options o) {
            this.io = io;
            this.file = file;
            this.pool = pool;
            this.blocks = blocks;
            this.o = o;
            this.budget = new AtomicLong(o.count());
        }

        long run() throws IOException, InterruptedException {
            long start = System.nanoTime();
            long deadline = start + Math.min(o.durationNanos(), Long.MAX_VALUE / 4);
            Thread[] threads = new Thread[(o.qd() + o.batch() - 1) / o.batch()];
            LatencyHistogram[] histograms = new LatencyHistogram[threads.length];
            for (int t = 0; t < threads.length; t++) {
                LatencyHistogram h = histograms[t] = new LatencyHistogram();
                long seed = o.seed() * 31 + t;
                int reads = Math.min(o.batch(), o.qd() - t * o.batch());
                threads[t] = Thread.ofVirtual().name("reader-", t).start(() -> readLoop(h, seed, reads, deadline));
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

        /** Batches of {@code reads} random blocks until the deadline, the budget or a failure. */
        private void readLoop(LatencyHistogram h, long seed, int reads, long deadline) {
            int[] buffers = new int[reads];
            long[] blocksRead = new long[reads];
            for (int i = 0; i < reads; i++) {
                buffers[i] = pool.tryAcquire();
            }
            FileBatch batch = io.batch();
            long random = seed == 0 ? 0x9E37_79B9_7F4A_7C15L : seed;
            long done = 0;
            try {
                while (failure.get() == null) {
                    int n = (int) Math.min(reads, budget.getAndAdd(-reads));
                    if (n <= 0) {
                        break;
                    }
                    for (int i = 0; i < n; i++) {
                        random ^= random >>> 12;   // xorshift64*
                        random ^= random << 25;
                        random ^= random >>> 27;
                        blocksRead[i] = Long.remainderUnsigned(random * 0x2545_F491_4F6C_DD1DL, blocks);
                        batch.read(file, pool, buffers[i], 0, BLOCK, blocksRead[i] * BLOCK);
                    }
                    long t0 = System.nanoTime();
                    batch.submitAndWait();
                    long t1 = System.nanoTime();
                    for (int i = 0; i < n; i++) {
                        int got = batch.result(i);
                        if (got != BLOCK) {
                            throw new ToolException(file.path() + ": read of block " + blocksRead[i] + " returned " + got);
                        }
                        h.record(t1 - t0);
                    }
                    done += n;
                    if (t1 - deadline >= 0) {
                        break;
                    }
                }
            } catch (IOException | RuntimeException e) {
                failure.compareAndSet(null, e);
            } finally {
                completed.addAndGet(done);   // once per reader: a shared counter per read would cost more than the read
                for (int b : buffers) {
                    pool.release(b);
                }
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
