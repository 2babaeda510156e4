package dev.iobuf.examples;

import dev.iobuf.uring.file.FileIo;
import dev.iobuf.uring.file.FileStat;
import dev.iobuf.uring.file.UringFile;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * N virtual threads reading random blocks of one file with plain blocking code, on the file API:
 * {@code VirtualThreadReader <file> [--threads N] [--reads N] [--block B]}.
 *
 * <pre>
 * java --enable-native-access=dev.iobuf.core,dev.iobuf.liburing,dev.iobuf.uring \
 *      -p iobuf-core.jar:native-bindings.jar:iobuf-uring.jar:examples.jar \
 *      -m dev.iobuf.examples/dev.iobuf.examples.VirtualThreadReader big.img --threads 10000 --reads 100
 * </pre>
 *
 * <p>Each of {@code --threads} virtual threads (default 1000) makes {@code --reads} reads (default 100)
 * of {@code --block} bytes (default 4096) at random block-aligned offsets into its own memory: the
 * code is what one would write for {@code FileChannel}, but a read parks the virtual thread instead of
 * pinning its carrier, and the reads of all threads meet in one io_uring. It prints the reads per
 * second and the service's counters (how many callers had to wait for a free slot, how many
 * {@code io_uring_enter} calls carried them).
 */
public final class VirtualThreadReader {
    static final String USAGE = "VirtualThreadReader <file> [--threads N] [--reads N] [--block B]";

    private VirtualThreadReader() {
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
        return ToolRunner.run("VirtualThreadReader", out, err, o -> read(args, o));
    }

    private static void read(String[] args, PrintStream out) throws IOException, InterruptedException {
        CommandLine c = CommandLine.parse(args, Set.of("--threads", "--reads", "--block"), Set.of(), USAGE);
        c.expectPositional(1, "<file>");
        Path file = Path.of(c.positional(0));
        int threads = c.intValue("--threads", 1000, 1, 1_000_000);
        int reads = c.intValue("--reads", 100, 1, Integer.MAX_VALUE);
        int block = c.intValue("--block", 4096, 1, 1 << 24);
        try (FileIo io = FileIo.create(); UringFile f = io.open(file)) {
            FileStat stat = f.stat();
            long blocks = stat.size() / block;
            if (blocks == 0) {
                throw new ToolException(file + " holds " + stat.size() + " bytes, less than one " + block + "-byte block");
            }
            AtomicLong bytes = new AtomicLong();
            AtomicReference<IOException> failure = new AtomicReference<>();
            long start = System.nanoTime();
            Thread[] all = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                all[t] = Thread.ofVirtual().start(() -> {
                    MemorySegment buffer = Arena.ofAuto().allocate(block);   // automatic: read into in place
                    try {
                        for (int i = 0; i < reads; i++) {
                            long at = ThreadLocalRandom.current().nextLong(blocks) * block;
                            bytes.addAndGet(Math.max(0, f.read(buffer, at)));
                        }
                    } catch (IOException e) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            for (Thread t : all) {
                t.join();
            }
            if (failure.get() != null) {
                throw failure.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long total = (long) threads * reads;
            out.printf(Locale.ROOT, "%d virtual threads x %d reads of %d B from %s: %d reads in %.3f s, %.0f reads/s, "
                    + "%.1f MiB/s%n", threads, reads, block, file, total, seconds, total / seconds,
                    bytes.get() / seconds / (1 << 20));
            out.println(io.stats());
        }
    }
}
