package dev.iobuf.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JDK peer of {@link FileRandomReadBench}: 4 KiB positional reads,
 * {@code FileChannel.read(ByteBuffer, position)} (one {@code pread} each) into a direct
 * {@link ByteBuffer}, at uniformly random 4 KiB-aligned offsets of the same file, buffered I/O.
 * {@code oneThread} is the like-for-like "one thread" peer; {@code threads32} runs 32 threads on the
 * shared channel, the blocking way to have 32 reads in flight ("same queue depth"). One operation =
 * one 4 KiB read: the score is IOPS (all threads together).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class FileChannelRandomReadBench {
    static final int BLOCK = 4096;

    /** The channel, shared: positional reads do not move the file position and may run concurrently. */
    @State(Scope.Benchmark)
    public static class Shared {
        @Param({"benchmarks/results/randread-1g.dat"})
        public String file;

        FileChannel channel;
        long blocks;
        final AtomicLong seeds = new AtomicLong(0x9E37_79B9_7F4A_7C15L);

        @Setup(Level.Trial)
        public void open() throws IOException {
            channel = FileChannel.open(Path.of(file), StandardOpenOption.READ);
            blocks = channel.size() / BLOCK;
            if (blocks == 0) {
                throw new IllegalArgumentException(file + " needs at least one 4 KiB block");
            }
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            channel.close();
        }
    }

    /** Each thread's buffer and generator. */
    @State(Scope.Thread)
    public static class PerThread {
        ByteBuffer buffer;
        long random;

        @Setup(Level.Trial)
        public void open(Shared shared) {
            buffer = ByteBuffer.allocateDirect(BLOCK);
            random = shared.seeds.addAndGet(0x6A09_E667_F3BC_C909L) | 1;
        }

        long nextRandom() {
            long x = random;
            x ^= x >>> 12;
            x ^= x << 25;
            x ^= x >>> 27;
            random = x;
            return x * 0x2545_F491_4F6C_DD1DL;
        }
    }

    @Benchmark
    @Threads(1)
    public int oneThread(Shared s, PerThread t) throws IOException {
        return read(s, t);
    }

    @Benchmark
    @Threads(32)
    public int threads32(Shared s, PerThread t) throws IOException {
        return read(s, t);
    }

    private static int read(Shared s, PerThread t) throws IOException {
        long block = Math.unsignedMultiplyHigh(t.nextRandom(), s.blocks);
        int n = s.channel.read(t.buffer.clear(), block * BLOCK);
        if (n != BLOCK) {
            throw new IllegalStateException("read returned " + n + " instead of " + BLOCK);
        }
        return n;
    }
}
