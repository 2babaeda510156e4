package dev.iobuf.examples;

import dev.iobuf.BufferPool;
import dev.iobuf.uring.Transport;
import dev.iobuf.uring.file.DirectAlignment;
import dev.iobuf.uring.file.FileIo;
import dev.iobuf.uring.file.FileStat;
import dev.iobuf.uring.file.UringFile;
import dev.iobuf.uring.file.UringFileException;
import dev.iobuf.uring.file.UringOpenOption;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Copies a file with io_uring fixed buffers and fixed files, on the file API ({@link FileIo}):
 * {@code FixedCopy <src> <dst> [--qd N] [--direct] [--buffers N] [--fsync]}.
 *
 * <pre>
 * java --enable-native-access=dev.iobuf.core,dev.iobuf.liburing,dev.iobuf.uring \
 *      -p iobuf-core.jar:native-bindings.jar:iobuf-uring.jar:examples.jar \
 *      -m dev.iobuf.examples/dev.iobuf.examples.FixedCopy big.img copy.img --qd 32 --direct
 * </pre>
 *
 * <p><b>How.</b> The buffers come from a RegisterBuffer pool ({@link BufferPool#registerBuffers}, 128 KiB
 * each, one page-aligned slab) registered with the {@link FileIo} service, which opens both files into
 * its registered file table. {@code min(--qd, --buffers)} virtual threads (default 32) each own one
 * buffer and copy chunks taken from a shared counter: a blocking read at X (READ_FIXED), a blocking write
 * at X (WRITE_FIXED; the service completes short writes), next chunk. A virtual thread parks while its
 * I/O is in flight, so that many operations are in the ring at once with plain sequential code.
 * {@code --buffers} sizes the pool (default: the queue depth; rounded up to a power of two). The
 * destination is created or truncated, then fallocated to the source's size, so that writes do not
 * extend it one by one.
 *
 * <p><b>O_DIRECT</b> ({@code --direct}): the service reads the alignment with statx (STATX_DIOALIGN,
 * Linux 6.1; 4096 assumed where not reported) and refuses misaligned I/O; the tool checks the chunk
 * size and the buffers against it before any I/O. A file whose size is not a multiple of the alignment
 * has an unaligned tail: everything up to the last aligned offset is copied with O_DIRECT, then, once
 * those writes have all completed, the tail is copied through a second, buffered pair of files
 * (mixing buffered and direct I/O on one page while both are in flight is unspecified).
 *
 * <p>The reported time runs from before the buffers and the service are set up to after the files are
 * closed; {@code --fsync} flushes the destination before that (and is timed with the copy).
 * Errors print one line naming the problem and its remedy (io_uring blocked by seccomp or a sysctl,
 * RLIMIT_MEMLOCK too low, O_DIRECT unsupported...) and exit with 1; a bad command line exits with 2.
 */
public final class FixedCopy {
    static final String USAGE = "FixedCopy <src> <dst> [--qd N] [--direct] [--buffers N] [--fsync]";
    static final int DEFAULT_QD = 32;
    static final int MAX_QD = 4096;

    /** The parsed command line. */
    record Options(Path src, Path dst, int qd, int buffers, boolean direct, boolean fsync) {
        static Options parse(String[] args) {
            CommandLine c = CommandLine.parse(args, Set.of("--qd", "--buffers"), Set.of("--direct", "--fsync"), USAGE);
            c.expectPositional(2, "<src> <dst>");
            int qd = c.intValue("--qd", DEFAULT_QD, 1, MAX_QD);
            int buffers = c.intValue("--buffers", qd, 1, MAX_QD);
            return new Options(Path.of(c.positional(0)), Path.of(c.positional(1)), qd, buffers, c.flag("--direct"),
                    c.flag("--fsync"));
        }
    }

    private FixedCopy() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * Runs the tool as {@link #main} does, but returns the exit code instead of exiting: 0 copied,
     * 1 failed, 2 bad command line. Errors go to {@code err} as one line.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (CommandLine.wantsHelp(args)) {
            out.println("usage: " + USAGE);
            return 0;
        }
        return ToolRunner.run("FixedCopy", out, err, o -> o.println(copy(Options.parse(args))));
    }

    /** Copies as {@code o} says and returns the report line. */
    static String copy(Options o) throws IOException, InterruptedException {
        long started = System.nanoTime();
        int depth = Math.min(o.qd(), o.buffers());
        // Transport.IO_URING: io_uring or its one-line error with the remedy, never FileChannel figures under our name.
        try (BufferPool pool = BufferPool.registerBuffers(o.buffers());
             FileIo io = FileIo.builder().registerPool(pool).queueDepth(Math.max(8, depth))
                     .transport(Transport.IO_URING).build()) {
            FileStat src = checkSource(io, o);
            long size = src.size();
            OpenOption[] direct = o.direct() ? new OpenOption[] {UringOpenOption.DIRECT} : new OpenOption[0];
            CopyStats stats = new CopyStats();
            DirectAlignment alignment = null;
            long directEnd = size;
            try (UringFile in = io.open(o.src(), with(direct, StandardOpenOption.READ));
                 UringFile out = io.open(o.dst(), with(direct, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                         StandardOpenOption.TRUNCATE_EXISTING))) {
                if (o.direct()) {
                    alignment = wider(in.alignment(), out.alignment());
                    checkAlignment(alignment, pool);
                    directEnd = size - size % alignment.offset();
                }
                reserve(out, size);
                copyRange(in, out, pool, depth, 0, directEnd, stats);
                if (directEnd < size) {
                    try (UringFile inTail = io.open(o.src(), StandardOpenOption.READ);
                         UringFile outTail = io.open(o.dst(), StandardOpenOption.WRITE)) {
                        copyRange(inTail, outTail, pool, 1, directEnd, size, stats);
                    }
                }
                if (o.fsync()) {
                    out.force(true);
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return report(o, stats, pool, depth, alignment, size - directEnd, seconds);
        }
    }

    /** Read and write counts of a copy, added to by every worker. */
    static final class CopyStats {
        final AtomicLong bytes = new AtomicLong();
        final AtomicLong reads = new AtomicLong();
        final AtomicLong writes = new AtomicLong();
        final AtomicLong shortReads = new AtomicLong();
    }

    /**
     * Copies bytes {@code from .. to-1} with {@code workers} virtual threads, each on its own pool buffer,
     * taking 128 KiB chunks from a shared counter. A short read (a concurrent truncate, or the tail)
     * is counted and the rest read again.
     */
    private static void copyRange(UringFile in, UringFile out, BufferPool pool, int workers, long from, long to,
                                  CopyStats stats) throws IOException, InterruptedException {
        int chunk = pool.bufferSize();
        AtomicLong next = new AtomicLong(from);
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread[] threads = new Thread[workers];
        for (int w = 0; w < workers; w++) {
            threads[w] = Thread.ofVirtual().name("copy-", w).start(() -> {
                int buffer = pool.tryAcquire();
                try {
                    long at;
                    while (failure.get() == null && (at = next.getAndAdd(chunk)) < to) {
                        int len = (int) Math.min(chunk, to - at);
                        int got = 0;
                        while (got < len) {
                            int n = in.read(pool, buffer, got, len - got, at + got);
                            stats.reads.incrementAndGet();
                            if (n < 0) {
                                throw new ToolException(in.path() + " became shorter while it was copied");
                            }
                            if (n < len - got) {
                                stats.shortReads.incrementAndGet();
                            }
                            got += n;
                        }
                        out.write(pool, buffer, 0, len, at);
                        stats.writes.incrementAndGet();
                        stats.bytes.addAndGet(len);
                    }
                } catch (IOException | RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    pool.release(buffer);
                }
            });
        }
        for (Thread t : threads) {
            t.join();
        }
        Exception e = failure.get();
        if (e instanceof IOException io) {
            throw io;
        }
        if (e instanceof RuntimeException r) {
            throw r;
        }
    }

    private static OpenOption[] with(OpenOption[] extra, OpenOption... options) {
        OpenOption[] all = Arrays.copyOf(options, options.length + extra.length);
        System.arraycopy(extra, 0, all, options.length, extra.length);
        return all;
    }

    private static DirectAlignment wider(DirectAlignment a, DirectAlignment b) {
        return new DirectAlignment(Math.max(a.offset(), b.offset()), Math.max(a.memory(), b.memory()),
                a.reported() && b.reported());
    }

    /** statx of the source (a regular file) and of the destination if it exists (not a directory, not the source). */
    private static FileStat checkSource(FileIo io, Options o) throws IOException {
        FileStat src = io.stat(o.src());
        if (!src.isRegularFile()) {
            throw new ToolException(o.src() + " is not a regular file: FixedCopy copies regular files only");
        }
        FileStat dst;
        try {
            dst = io.stat(o.dst());
        } catch (NoSuchFileException e) {
            return src;
        }
        if (dst.isDirectory()) {
            throw new ToolException(o.dst() + " is a directory: name the destination file, e.g. " + o.dst().resolve(
                    o.src().getFileName() == null ? Path.of("copy") : o.src().getFileName()));
        }
        if (dst.sameFileAs(src)) {
            throw new ToolException(o.src() + " and " + o.dst() + " are the same file: copying would truncate it");
        }
        return src;
    }

    /** Fails before any I/O if the chunks or the buffers cannot satisfy O_DIRECT's alignment. */
    private static void checkAlignment(DirectAlignment a, BufferPool pool) {
        if (pool.bufferSize() % a.offset() != 0) {
            throw new ToolException("O_DIRECT needs " + a.offset() + "-byte aligned lengths but the buffers hold "
                    + pool.bufferSize() + " bytes: run without --direct");
        }
        for (int i = 0; i < pool.capacity(); i++) {
            if (pool.address(i) % a.memory() != 0) {
                throw new ToolException("O_DIRECT needs " + a.memory() + "-byte aligned buffers but buffer " + i
                        + " is at 0x" + Long.toHexString(pool.address(i)) + ": run without --direct");
            }
        }
    }

    /** fallocate the destination to its final size; a file system that cannot (EOPNOTSUPP) just goes without. */
    private static void reserve(UringFile dst, long size) throws IOException {
        if (size == 0) {
            return;
        }
        try {
            dst.allocate(0, size);
        } catch (UringFileException e) {
            if (!"EOPNOTSUPP".equals(e.errnoName())) {
                throw e;
            }
        }
    }

    private static String report(Options o, CopyStats p, BufferPool pool, int depth, DirectAlignment a, long tail,
                                 double seconds) {
        double mbPerSecond = seconds > 0 ? p.bytes.get() / 1e6 / seconds : 0;
        String mode = a == null ? "buffered I/O"
                : "O_DIRECT (" + a.describe() + ")" + (tail > 0 ? " + a " + tail + "-byte buffered tail" : "");
        return String.format(Locale.ROOT, "copied %d bytes from %s to %s in %.3f s: %.1f MB/s (qd %d, %d x %d KiB "
                        + "registered buffers, %s%s; %d reads, %d writes, %d short reads, %d short writes)",
                p.bytes.get(), o.src(), o.dst(), seconds, mbPerSecond, depth, pool.capacity(), pool.bufferSize() / 1024,
                mode, o.fsync() ? ", fsync" : "", p.reads.get(), p.writes.get(), p.shortReads.get(), 0);
    }
}
