package dev.iobuf.bench;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import com.sun.nio.file.ExtendedOpenOption;
import dev.iobuf.BufferPool;
import dev.iobuf.BufferTier;
import dev.iobuf.uring.file.FileIo;
import dev.iobuf.uring.file.UringFile;
import dev.iobuf.uring.file.UringOpenOption;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The file API harness of {@code scripts/bench.sh fileapi} (not JMH: the thing measured is many virtual
 * threads, and the CPU of the whole process per read): 4 KiB reads at random 4 KiB-aligned offsets of
 * one file from N virtual threads, either through {@link UringFile} (pool buffers registered with the
 * service: READ_FIXED, registered file) or through a JDK {@link FileChannel} (positional reads into a
 * direct buffer, each {@code pread} pinning its carrier while it runs), buffered or O_DIRECT.
 *
 * <pre>
 * java -cp benchmarks.jar dev.iobuf.bench.FileApiBench read FILE ours|fc THREADS DIRECT(0|1) WARMUP_S MEASURE_S
 * java -cp benchmarks.jar dev.iobuf.bench.FileApiBench alloc FILE READS
 * </pre>
 * {@code read} prints {@code fileapi contender=.. threads=.. direct=.. ops=.. seconds=.. iops=.. cpu_ns_per_op=..}:
 * operations and process CPU time (all threads, the ring's included) counted over the measured
 * seconds only. {@code alloc} makes READS blocking reads from one platform thread and prints the bytes
 * allocated per read by that thread and the ring thread together.
 */
public final class FileApiBench {
    private static final int BLOCK = 4096;

    private FileApiBench() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        if (args[0].equals("alloc")) {
            alloc(file, Long.parseLong(args[2]));
            return;
        }
        boolean ours = args[2].equals("ours");
        int threads = Integer.parseInt(args[3]);
        boolean direct = args[4].equals("1");
        long warmupNanos = (long) (Double.parseDouble(args[5]) * 1e9);
        long measureNanos = (long) (Double.parseDouble(args[6]) * 1e9);
        Reader reader = ours ? new Ours(file, direct, threads) : new Jdk(file, direct);
        try (reader) {
            run(reader, ours ? "ours" : "fc", threads, direct, warmupNanos, measureNanos);
        }
    }

    /** One 4 KiB read at {@code position} by reader thread {@code index}. */
    interface Reader extends AutoCloseable {
        void read(int index, long position) throws IOException;

        long blocks();

        @Override
        void close() throws Exception;
    }

    private static void run(Reader reader, String name, int threads, boolean direct, long warmupNanos,
                            long measureNanos) throws Exception {
        LongAdder ops = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        long blocks = reader.blocks();
        Thread[] all = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int index = t;
            all[t] = Thread.ofVirtual().start(() -> {
                long x = 0x9E37_79B9_7F4A_7C15L * (index + 1);
                try {
                    while (!stop.get()) {
                        x ^= x >>> 12;
                        x ^= x << 25;
                        x ^= x >>> 27;
                        reader.read(index, Long.remainderUnsigned(x * 0x2545_F491_4F6C_DD1DL, blocks) * BLOCK);
                        ops.increment();
                    }
                } catch (IOException e) {
                    e.printStackTrace();
                    System.exit(1);
                }
            });
        }
        OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
        Thread.sleep(warmupNanos / 1_000_000);
        long ops0 = ops.sum();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Thread.sleep(measureNanos / 1_000_000);
        long ops1 = ops.sum();
        long cpu1 = os.getProcessCpuTime();
        long t1 = System.nanoTime();
        stop.set(true);
        for (Thread t : all) {
            t.join();
        }
        long n = ops1 - ops0;
        double seconds = (t1 - t0) / 1e9;
        System.out.printf(Locale.ROOT, "fileapi contender=%s threads=%d direct=%d ops=%d seconds=%.3f iops=%.0f "
                + "cpu_ns_per_op=%.0f%n", name, threads, direct ? 1 : 0, n, seconds, n / seconds,
                n == 0 ? Double.NaN : (double) (cpu1 - cpu0) / n);
    }

    /** Ours: a registered pool buffer per thread, READ_FIXED on the registered file. */
    static final class Ours implements Reader {
        final BufferPool pool;
        final FileIo io;
        final UringFile file;

        Ours(Path path, boolean direct, int threads) throws IOException {
            pool = BufferPool.of(BufferTier.forSize(BLOCK), threads);
            io = FileIo.builder().registerPool(pool).queueDepth(Math.max(256, threads)).build();
            file = direct ? io.open(path, StandardOpenOption.READ, UringOpenOption.DIRECT) : io.open(path);
        }

        @Override
        public void read(int index, long position) throws IOException {
            if (file.read(pool, index, 0, BLOCK, position) != BLOCK) {
                throw new IOException("short read at " + position);
            }
        }

        @Override
        public long blocks() {
            try {
                return file.size() / BLOCK;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() throws Exception {
            System.err.println("fileapi stats " + io.stats());   // where the reads went (ring, page cache)
            file.close();
            io.close();
            pool.close();
        }
    }

    /** The JDK: FileChannel positional reads into a per-thread direct buffer (aligned for O_DIRECT). */
    static final class Jdk implements Reader {
        final FileChannel channel;
        final ThreadLocal<ByteBuffer> buffers = ThreadLocal.withInitial(
                () -> ByteBuffer.allocateDirect(2 * BLOCK).alignedSlice(BLOCK).limit(BLOCK));

        Jdk(Path path, boolean direct) throws IOException {
            OpenOption[] options = direct ? new OpenOption[] {StandardOpenOption.READ, ExtendedOpenOption.DIRECT}
                    : new OpenOption[] {StandardOpenOption.READ};
            channel = FileChannel.open(path, options);
        }

        @Override
        public void read(int index, long position) throws IOException {
            ByteBuffer b = buffers.get().clear().limit(BLOCK);
            if (channel.read(b, position) != BLOCK) {
                throw new IOException("short read at " + position);
            }
        }

        @Override
        public long blocks() {
            try {
                return channel.size() / BLOCK;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** Bytes allocated per blocking read: the calling platform thread and the ring thread together. */
    private static void alloc(Path path, long reads) throws Exception {
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (Ours ours = new Ours(path, false, 1)) {
            long blocks = ours.blocks();
            Thread ring = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("iobuf-file-ring-")).findFirst().orElseThrow();
            for (long i = 0; i < reads; i++) {               // warm-up: JIT, first-use allocations
                ours.read(0, (i * 7919 % blocks) * BLOCK);
            }
            long me0 = mx.getCurrentThreadAllocatedBytes();
            long ring0 = mx.getThreadAllocatedBytes(ring.threadId());
            for (long i = 0; i < reads; i++) {
                ours.read(0, (i * 7919 % blocks) * BLOCK);
            }
            long me1 = mx.getCurrentThreadAllocatedBytes();
            long ring1 = mx.getThreadAllocatedBytes(ring.threadId());
            System.out.printf(Locale.ROOT, "fileapi alloc reads=%d caller_bytes_per_op=%.2f ring_bytes_per_op=%.2f "
                    + "blocking_bytes_per_op=%.2f%n", reads, (double) (me1 - me0) / reads, (double) (ring1 - ring0) / reads,
                    (double) (me1 - me0 + ring1 - ring0) / reads);
        }
    }
}
