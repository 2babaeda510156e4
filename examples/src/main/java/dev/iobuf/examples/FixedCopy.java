package dev.iobuf.examples;

import static dev.iobuf.examples.LinuxFiles.O_CREAT;
import static dev.iobuf.examples.LinuxFiles.O_RDONLY;
import static dev.iobuf.examples.LinuxFiles.O_TRUNC;
import static dev.iobuf.examples.LinuxFiles.O_WRONLY;

import dev.iobuf.AlignedMemory;
import dev.iobuf.BufferPool;
import dev.iobuf.uring.RegisteredBuffers;
import dev.iobuf.uring.RegisteredFiles;
import dev.iobuf.uring.Ring;
import dev.iobuf.uring.UringException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Copies a file with io_uring fixed buffers and fixed files:
 * {@code FixedCopy <src> <dst> [--qd N] [--direct] [--buffers N] [--fsync]}.
 *
 * <pre>
 * java --enable-native-access=dev.iobuf.core,dev.iobuf.liburing,dev.iobuf.uring \
 *      -p iobuf-core.jar:native-bindings.jar:iobuf-uring.jar:examples.jar \
 *      -m dev.iobuf.examples/dev.iobuf.examples.FixedCopy big.img copy.img --qd 32 --direct
 * </pre>
 *
 * <p><b>How.</b> The buffers come from a RegisterBuffer pool ({@link BufferPool#registerBuffers}, 128 KiB
 * each, one page-aligned slab) registered once with {@link RegisteredBuffers}; both files are opened
 * straight into the ring's registered file table ({@code openat} with a file index: no regular fd is
 * ever made). Up to {@code --qd} chunks are in flight (default 32), each on its own buffer: read at X
 * with READ_FIXED, written at X with WRITE_FIXED once the read completes, then the buffer takes the
 * next chunk ({@link CopyPipeline}; short reads and writes resubmit the rest). {@code --buffers}
 * sizes the pool (default: the queue depth; the pool rounds it up to a power of two); at most
 * {@code min(qd, buffers)} chunks are in flight. The destination is created or truncated, then
 * fallocated to the source's size, so that writes do not extend it one by one.
 *
 * <p><b>O_DIRECT</b> ({@code --direct}): offsets, lengths and buffer addresses must be multiples of the
 * file system's direct I/O alignment. The tool reads it with statx (STATX_DIOALIGN, Linux 6.1) for
 * both files, or assumes 4096 where it is not reported (see {@link DirectAlignment}), and checks the
 * chunk size and every buffer address against it before any I/O. A file whose size is not a multiple
 * of the alignment has an unaligned tail: everything up to the last aligned offset is copied with
 * O_DIRECT, then, once those writes have all completed, the tail (less than one alignment unit) is
 * copied through a second, buffered pair of descriptors. Waiting first matters: the tail shares a page
 * with the last direct write, and mixing buffered and direct I/O on one page while both are in flight
 * is unspecified. The alternative, writing the last block zero-padded to the alignment with O_DIRECT
 * and cutting the file back to its size with ftruncate, needs FTRUNCATE through the ring (Linux 6.9)
 * or a native call of our own, and leaves a window in which the copy is longer than the source; the
 * buffered tail needs neither.
 *
 * <p>The reported time runs from before the buffers and the ring are set up to after the files are
 * closed; {@code --fsync} flushes the destination before that (and is timed with the copy).
 * Errors print one line naming the problem and its remedy (io_uring blocked by seccomp or a sysctl,
 * RLIMIT_MEMLOCK too low, O_DIRECT unsupported...) and exit with 1; a bad command line exits with 2.
 */
public final class FixedCopy {
    static final String USAGE = "FixedCopy <src> <dst> [--qd N] [--direct] [--buffers N] [--fsync]";
    static final int DEFAULT_QD = 32;
    static final int MAX_QD = 4096;
    /** Registered file slots: the O_DIRECT (or only) pair, then the buffered pair for an unaligned tail. */
    static final int SRC = 0;
    static final int DST = 1;
    static final int SRC_TAIL = 2;
    static final int DST_TAIL = 3;
    private static final int FILE_SLOTS = 4;

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
    static String copy(Options o) {
        long started = System.nanoTime();
        int depth = Math.min(o.qd(), o.buffers());
        try (BufferPool pool = BufferPool.registerBuffers(o.buffers());
             Ring ring = Ring.builder().entries(Math.max(8, Integer.highestOneBit(depth - 1) << 1)).build()) {
            RegisteredFiles files = RegisteredFiles.register(ring, FILE_SLOTS);
            RingFiles fs = new RingFiles(ring, files);
            FileStat src = checkSource(fs, o);
            int oDirect = o.direct() ? LinuxFiles.oDirect() : 0;
            String direct = o.direct() ? "|O_DIRECT" : "";
            fs.openDirect(o.src(), O_RDONLY | oDirect, 0, SRC, "O_RDONLY" + direct);
            fs.openDirect(o.dst(), O_WRONLY | O_CREAT | O_TRUNC | oDirect, 0644, DST, "O_WRONLY|O_CREAT|O_TRUNC" + direct);
            long size = src.size();
            long directEnd = size;
            DirectAlignment alignment = null;
            if (o.direct()) {
                alignment = DirectAlignment.of(new Path[] {o.src(), o.dst()}, new FileStat[] {src, fs.statx(o.dst())});
                checkAlignment(alignment, pool);
                directEnd = size - size % alignment.offset();
                if (directEnd < size) {
                    fs.openDirect(o.src(), O_RDONLY, 0, SRC_TAIL, "O_RDONLY");
                    fs.openDirect(o.dst(), O_WRONLY, 0, DST_TAIL, "O_WRONLY");
                }
            }
            reserve(fs, o.dst(), size);

            RegisteredBuffers buffers = RegisteredBuffers.register(ring, pool);
            int[] lanes = acquire(pool, depth);
            CopyPipeline pipeline = new CopyPipeline(ring, buffers, files, lanes, pool.bufferSize(), o.src(), o.dst());
            pipeline.copy(SRC, DST, 0, directEnd, depth, alignment == null ? "" : alignment.describe());
            if (directEnd < size) {
                pipeline.copy(SRC_TAIL, DST_TAIL, directEnd, size, 1, "");
            }
            if (o.fsync()) {
                fs.fsync(DST, o.dst());
            }
            fs.closeDirect(SRC, o.src());
            fs.closeDirect(DST, o.dst());
            if (directEnd < size) {
                fs.closeDirect(SRC_TAIL, o.src());
                fs.closeDirect(DST_TAIL, o.dst());
            }
            for (int lane : lanes) {
                pool.release(lane);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return report(o, pipeline, pool, depth, alignment, size - directEnd, seconds);
        }
    }

    /** statx of the source (a regular file) and of the destination if it exists (not a directory, not the source). */
    private static FileStat checkSource(RingFiles fs, Options o) {
        FileStat src = fs.statx(o.src());
        if (!src.isRegularFile()) {
            throw new ToolException(o.src() + " is not a regular file: FixedCopy copies regular files only");
        }
        FileStat dst = fs.statxIfExists(o.dst());
        if (dst != null && dst.isDirectory()) {
            throw new ToolException(o.dst() + " is a directory: name the destination file, e.g. " + o.dst().resolve(
                    o.src().getFileName() == null ? Path.of("copy") : o.src().getFileName()));
        }
        if (dst != null && dst.sameFileAs(src)) {
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
            if (!AlignedMemory.isAligned(pool.address(i), a.memory())) {
                throw new ToolException("O_DIRECT needs " + a.memory() + "-byte aligned buffers but buffer " + i
                        + " is at 0x" + Long.toHexString(pool.address(i)) + ": run without --direct");
            }
        }
    }

    /** fallocate the destination to its final size; a file system that cannot (EOPNOTSUPP) just goes without. */
    private static void reserve(RingFiles fs, Path dst, long size) {
        if (size == 0) {
            return;
        }
        int rc = fs.fallocate(DST, size);
        if (rc < 0 && !"EOPNOTSUPP".equals(UringException.errnoName(rc))) {
            throw new UringException("fallocate(" + dst + ", 0, 0, " + size + ")", rc,
                    "ENOSPC".equals(UringException.errnoName(rc)) ? "the file system holding " + dst + " has no room for " + size + " bytes" : null);
        }
    }

    /** {@code n} buffers of the pool, one per lane (the pool is ours alone: they are all free). */
    private static int[] acquire(BufferPool pool, int n) {
        int[] lanes = new int[n];
        for (int i = 0; i < n; i++) {
            lanes[i] = pool.tryAcquire();
            if (lanes[i] < 0) {
                throw new IllegalStateException("buffer pool " + pool + " ran out after " + i + " of " + n + " buffers");
            }
        }
        return lanes;
    }

    private static String report(Options o, CopyPipeline p, BufferPool pool, int depth, DirectAlignment a, long tail,
                                 double seconds) {
        double mbPerSecond = seconds > 0 ? p.bytes() / 1e6 / seconds : 0;
        String mode = a == null ? "buffered I/O"
                : "O_DIRECT (" + a.describe() + ")" + (tail > 0 ? " + a " + tail + "-byte buffered tail" : "");
        return String.format(Locale.ROOT, "copied %d bytes from %s to %s in %.3f s: %.1f MB/s (qd %d, %d x %d KiB "
                        + "registered buffers, %s%s; %d reads, %d writes, %d short reads, %d short writes)",
                p.bytes(), o.src(), o.dst(), seconds, mbPerSecond, depth, pool.capacity(), pool.bufferSize() / 1024,
                mode, o.fsync() ? ", fsync" : "", p.reads(), p.writes(), p.shortReads(), p.shortWrites());
    }
}
