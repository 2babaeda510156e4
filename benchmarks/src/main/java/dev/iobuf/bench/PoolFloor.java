package dev.iobuf.bench;

import dev.iobuf.BoundedPool;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import org.jctools.queues.MpmcArrayQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor under the 1-thread pool pair: our {@link BoundedPool} and JCTools' {@link MpmcArrayQueue} next
 * to {@link #sameWord}, the bare shape of our pair (load + CAS to take the lowest set bit of one word, load
 * + CAS to set it again, nothing else). If {@code sameWord} runs as fast as JCTools, two chained CAS on one
 * word are not what separates us from JCTools: the rest of our fast path is. benchmarks/README.md, "Where
 * the pool's nanoseconds go", has the analysis; {@link PoolCpuRace} runs the same methods interleaved and
 * counts thread CPU time, which preemption by other jobs does not inflate.
 */
@State(Scope.Benchmark)
@Fork(value = 2, jvmArgsAppend = "--sun-misc-unsafe-memory-access=allow")   // JCTools uses sun.misc.Unsafe
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
public class PoolFloor {
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    /** The word {@link #sameWord} works on, alone on its 128 bytes. */
    private static final int WORD = 16;
    private static final long VERSION_ONE = 1L << 32;

    private final long[] words = new long[2 * WORD + 1];
    private BoundedPool<Integer> ours;
    private MpmcArrayQueue<Integer> jctools;

    /** Fills the pools as {@link PoolPair} does: 1024 elements, the queue with 2048 slots. */
    @Setup
    public void setUp() {
        words[WORD] = 0xFFFF_FFFFL;
        ours = new BoundedPool<>(PoolPair.CAPACITY);
        ours.fill(Integer::valueOf);
        jctools = new MpmcArrayQueue<>(PoolPair.QUEUE_SLOTS);
        for (int i = 0; i < PoolPair.CAPACITY; i++) {
            jctools.offer(ours.value(i));
        }
    }

    /** {@code tryAcquire} then {@code release}, as {@link PoolPair#ours}. */
    @Benchmark
    public int ours() {
        int i = ours.tryAcquire();
        ours.release(i);
        return i;
    }

    /** {@code poll} then {@code offer}, as {@link PoolPair#jctools}. */
    @Benchmark
    public Integer jctools() {
        Integer i = jctools.poll();
        jctools.offer(i);
        return i;
    }

    /** Our pair reduced to its two CAS on one word: take the lowest free bit, then set it again. */
    @Benchmark
    public int sameWord() {
        long w = (long) LONGS.getVolatile(words, WORD);
        long bit;
        for (;;) {
            bit = w & -w;
            long seen = (long) LONGS.compareAndExchange(words, WORD, w, w - bit + VERSION_ONE);
            if (seen == w) {
                break;
            }
            w = seen;
        }
        w = (long) LONGS.getVolatile(words, WORD);
        for (;;) {
            if ((w & bit) != 0) {
                throw new IllegalStateException("bit " + Long.numberOfTrailingZeros(bit) + " is free already");
            }
            long seen = (long) LONGS.compareAndExchange(words, WORD, w, (w | bit) + VERSION_ONE);
            if (seen == w) {
                return Long.numberOfTrailingZeros(bit);
            }
            w = seen;
        }
    }
}
