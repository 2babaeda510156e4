package dev.iobuf.bench;

import dev.iobuf.BufferPool;
import dev.iobuf.BufferTier;
import dev.iobuf.uring.CompletionCursor;
import dev.iobuf.uring.RegisteredBuffers;
import dev.iobuf.uring.RegisteredFiles;
import dev.iobuf.uring.Ring;
import dev.iobuf.uring.RingBuilder;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 4 KiB random reads of one file through our {@link Ring}, the workload of fio's
 * {@code --ioengine=io_uring --fixedbufs --registerfiles --iodepth=32 --rw=randread --bs=4k}: one
 * thread, {@code qd} READ_FIXED operations always in flight, each into its own registered buffer,
 * from the file in slot 0 of the registered file table (IOSQE_FIXED_FILE), at uniformly random
 * 4 KiB-aligned offsets.
 *
 * <p><b>Queue depth across invocations.</b> The trial setup prepares {@code qd} reads. An invocation
 * takes exactly {@link #OPS} completions: for each, it checks the result and prepares the next read
 * on the same buffer at once, so {@code qd} reads stay in flight (or prepared, to be submitted by the
 * next {@code submitAndWait}) between invocations too. When the CQ is empty it submits what is
 * prepared and waits for one completion (one {@code io_uring_enter}), like fio with
 * {@code iodepth_batch_complete_min=1}. Completions beyond {@link #OPS} stay in the CQ for the next
 * invocation ({@link CompletionCursor} stops mid-batch). One JMH operation = one 4 KiB read, so the
 * score is IOPS.
 *
 * <p><b>When to submit</b> ({@code submitEvery}). Buffered reads of cached pages complete inside the
 * {@code io_uring_enter} that submits them, so the loop is CPU-bound and one enter per drained CQ
 * (up to {@code qd} SQEs) is cheapest: each enter costs ~1.7 us on this VM. O_DIRECT reads go to the
 * device, which here completes the whole queue in bursts; holding all {@code qd} replacement reads
 * until the CQ is drained delays the device by the kernel's submission of the whole batch, so with
 * O_DIRECT the loop submits every 4 prepared reads (measured in one JVM, alternating policies every
 * second: 113k IOPS holding the batch vs 126-129k submitting every 1, 4 or 8). {@code auto} picks 4
 * for O_DIRECT and "when the CQ is empty" for buffered I/O; a number forces that group size.
 *
 * <p>{@code file}: a file of at least 4 KiB (scripts/bench.sh makes a 1 GiB one and keeps it in the
 * page cache for {@code direct=false}); {@code direct}: O_DIRECT. {@code setup}: {@code default} is
 * {@code Ring.open}'s defaults (SINGLE_ISSUER, COOP_TASKRUN, NO_SQARRAY, registered ring fd),
 * {@code defer} adds DEFER_TASKRUN (what fio 3.33 asks for).
 */
@State(Scope.Thread)
@Threads(1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class FileRandomReadBench {
    static final int BLOCK = 4096;
    /** Reads per invocation (one JMH operation each). */
    static final int OPS = 32;
    private static final int AT_FDCWD = -100;

    @Param({"benchmarks/results/randread-1g.dat"})
    public String file;

    @Param({"false"})
    public boolean direct;

    @Param({"32"})
    public int qd;

    @Param({"default"})
    public String setup;

    /** Submit after this many prepared reads; {@code auto}: 4 with O_DIRECT, else only when the CQ is empty. */
    @Param({"auto"})
    public String submitEvery;

    private Ring ring;
    private BufferPool pool;
    private RegisteredBuffers buffers;
    private RegisteredFiles files;
    private CompletionCursor cursor;
    private int[] lanes;
    private long blocks;
    private int groupSize;
    private int pending;
    private long random = 0x9E37_79B9_7F4A_7C15L;

    @Setup(Level.Trial)
    public void open() throws Exception {
        Path path = Path.of(file).toAbsolutePath();
        long size = Files.size(path);
        if (size < BLOCK) {
            throw new IllegalArgumentException(path + " holds " + size + " bytes: it needs at least one 4 KiB block");
        }
        blocks = size / BLOCK;
        groupSize = submitEvery.equals("auto") ? (direct ? 4 : Integer.MAX_VALUE) : Integer.parseInt(submitEvery);
        RingBuilder b = Ring.builder().entries(Math.max(8, Integer.highestOneBit(qd - 1) << 1));
        ring = switch (setup) {
            case "default" -> b.build();
            case "defer" -> b.deferTaskrun(true).build();
            default -> throw new IllegalArgumentException("setup must be default or defer, got " + setup);
        };
        pool = BufferPool.of(BufferTier.forSize(BLOCK), qd);
        files = RegisteredFiles.register(ring, 1);
        openIntoSlot0(path);
        buffers = RegisteredBuffers.register(ring, pool);
        cursor = ring.completions();
        lanes = new int[qd];
        for (int lane = 0; lane < qd; lane++) {
            lanes[lane] = pool.tryAcquire();
            prepare(lane);
        }
    }

    /** openat straight into registered file slot 0 (no regular fd), O_RDONLY, O_DIRECT if asked. */
    private void openIntoSlot0(Path path) {
        int flags = direct ? oDirect() : 0;
        {
            MemorySegment name = Arena.ofAuto().allocateFrom(path.toString());   // kept reachable by the ring
            ring.nextSqe().openatDirect(AT_FDCWD, name, flags, 0, 0).userData(1);
            ring.submitAndWait(1);
            int[] result = {Integer.MIN_VALUE};
            ring.reap((ud, res, f) -> {
                if (ud == 1) {
                    result[0] = res;
                }
            });
            if (result[0] < 0) {
                throw new IllegalStateException("openat(" + path + (direct ? ", O_DIRECT" : "") + ") failed: errno "
                        + -result[0] + (direct ? " (does the file system support O_DIRECT? tmpfs before 6.6 does not)" : ""));
            }
        }
    }

    static int oDirect() {
        return switch (System.getProperty("os.arch")) {
            case "aarch64" -> 0x10000;
            case "ppc64le" -> 0x20000;
            default -> 0x4000;
        };
    }

    @TearDown(Level.Trial)
    public void close() {
        ring.close();   // cancels and collects the reads in flight, unregisters buffers and file
        pool.close();
    }

    @Benchmark
    @OperationsPerInvocation(OPS)
    public long read() {
        CompletionCursor c = cursor;
        long sum = 0;
        int done = 0;
        while (done < OPS) {
            if (!c.next()) {
                ring.submitAndWait(1);
                pending = 0;
                continue;
            }
            int lane = (int) c.userData();
            int res = c.result();
            if (res != BLOCK) {
                throw new IllegalStateException("read returned " + res + " instead of " + BLOCK);
            }
            sum += lane;
            prepare(lane);
            done++;
            if (++pending >= groupSize) {
                ring.submit();
                pending = 0;
            }
        }
        c.advance();
        return sum;
    }

    /** Prepares the next read of {@code lane}: a random block into the lane's registered buffer. */
    private void prepare(int lane) {
        long block = Math.unsignedMultiplyHigh(nextRandom(), blocks);
        buffers.prepReadFixed(ring.nextSqe(), files, 0, lanes[lane], 0, BLOCK, block * BLOCK).userData(lane);
    }

    /** xorshift64* (the same generator the RandomRead example uses). */
    private long nextRandom() {
        long x = random;
        x ^= x >>> 12;
        x ^= x << 25;
        x ^= x >>> 27;
        random = x;
        return x * 0x2545_F491_4F6C_DD1DL;
    }
}
