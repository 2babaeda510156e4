package dev.iobuf.bench;

import dev.iobuf.BoundedPool;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import org.agrona.concurrent.ManyToManyConcurrentArrayQueue;
import org.jctools.queues.MpmcArrayQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One acquire and one release of the same element, per operation, for every contender: our
 * {@link BoundedPool}, and as index pools JCTools {@link MpmcArrayQueue}, Agrona {@link
 * ManyToManyConcurrentArrayQueue} and {@link ArrayBlockingQueue}; Netty's pooled allocator
 * allocates and releases a 2 KiB direct buffer.
 *
 * <p>The queues hold {@code Integer} indices boxed once at setup (neither JCTools nor Agrona has a
 * primitive-int MPMC queue), so {@code poll} hands back a cached object and {@code offer} puts the
 * same object back: nothing is allocated per operation on either side. Each method returns what it
 * took, which JMH sinks into its Blackhole, so the acquire cannot be optimised away.
 *
 * <p>The peer queues get {@code 2 * CAPACITY} slots for {@code CAPACITY} elements (as the SCQ ring
 * our pool used before had), so an offer never finds a queue full. Every contender retries an
 * acquire that finds nothing and (queues) an offer that is refused: that never happens on the fast
 * path, since the pools never run dry, but Agrona's queue reports empty or full spuriously when a
 * thread is preempted between claiming a slot and publishing it, which on a busy two-core machine
 * happens.
 *
 * <p>All threads of a trial share one instance ({@link Scope#Benchmark}), so with two threads the
 * pools are contended; at most one element per thread is out of a pool of {@link #CAPACITY}. Netty is the exception by design: its per-thread cache serves each thread
 * alone, which is why it is a peer and not the baseline. The worker threads are Netty's
 * {@code FastThreadLocalThread}s ({@link NettyThreadExecutor}), so Netty runs as on its event loop.
 *
 * <p>Thread count and mode come from the concrete subclasses ({@link PoolPair1T}, {@link PoolPair2T}).
 */
@State(Scope.Benchmark)
@Fork(value = 2, jvmArgsAppend = {
        "--sun-misc-unsafe-memory-access=allow",                   // JCTools, Agrona, Netty use sun.misc.Unsafe
        "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",   // Agrona 2 reads jdk.internal.misc.Unsafe
        "-Dio.netty.leakDetection.level=disabled",                 // leak sampling allocates
        "-Djmh.executor=CUSTOM",                                   // run on Netty's own thread type,
        "-Djmh.executor.class=dev.iobuf.bench.NettyThreadExecutor"}) // see NettyThreadExecutor
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class PoolPair {
    /** Elements in every pool: big enough that two threads never empty it. */
    public static final int CAPACITY = 1024;
    /** Slots of each peer queue: twice the elements, so offers never find a queue full. */
    public static final int QUEUE_SLOTS = 2 * CAPACITY;
    /** Netty buffer size: the Small tier. */
    public static final int NETTY_BUFFER_BYTES = 2048;

    private BoundedPool<Integer> ours;
    private MpmcArrayQueue<Integer> jctools;
    private ManyToManyConcurrentArrayQueue<Integer> agrona;
    private ArrayBlockingQueue<Integer> abq;
    private PooledByteBufAllocator netty;

    @Setup
    public void setUp() {
        Integer[] boxed = new Integer[CAPACITY];
        for (int i = 0; i < CAPACITY; i++) {
            boxed[i] = Integer.valueOf(i);
        }
        ours = new BoundedPool<>(CAPACITY);
        ours.fill(i -> boxed[i]);
        jctools = new MpmcArrayQueue<>(QUEUE_SLOTS);
        agrona = new ManyToManyConcurrentArrayQueue<>(QUEUE_SLOTS);
        abq = new ArrayBlockingQueue<>(QUEUE_SLOTS);
        for (Integer b : boxed) {
            require(jctools.offer(b) && agrona.offer(b) && abq.offer(b), "a peer queue refused its initial fill");
        }
        require(ours.available() == CAPACITY && jctools.size() == CAPACITY && agrona.size() == CAPACITY
                && abq.size() == CAPACITY, "a pool does not start full");

        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED); // sampling allocates
        netty = new PooledByteBufAllocator(true,
                PooledByteBufAllocator.defaultNumHeapArena(), PooledByteBufAllocator.defaultNumDirectArena(),
                PooledByteBufAllocator.defaultPageSize(), PooledByteBufAllocator.defaultMaxOrder(),
                PooledByteBufAllocator.defaultSmallCacheSize(), PooledByteBufAllocator.defaultNormalCacheSize(),
                true); // thread caches for every thread, not only Netty's FastThreadLocalThreads
    }

    @Benchmark
    public int ours() {
        int i;
        while ((i = ours.tryAcquire()) < 0) {
            Thread.onSpinWait();
        }
        ours.release(i);
        return i;
    }

    @Benchmark
    public Integer jctools() {
        Integer i = take(jctools);
        give(jctools, i);
        return i;
    }

    @Benchmark
    public Integer agrona() {
        Integer i = take(agrona);
        give(agrona, i);
        return i;
    }

    @Benchmark
    public Integer abq() {
        Integer i = take(abq);
        give(abq, i);
        return i;
    }

    @Benchmark
    public ByteBuf netty() {
        ByteBuf b = netty.directBuffer(NETTY_BUFFER_BYTES, NETTY_BUFFER_BYTES);
        b.release();
        return b;
    }

    /**
     * Polls until an element comes. The pool is never empty, but a queue may still say so: Agrona's
     * poll returns null when the producer of the head slot was preempted between claiming and
     * publishing it. Each benchmark runs in its own JVM, so the call sites stay monomorphic.
     */
    private static <E> E take(Queue<E> q) {
        E e;
        while ((e = q.poll()) == null) {
            Thread.onSpinWait();
        }
        return e;
    }

    /** Offers until accepted: likewise Agrona's offer reports full while a preempted poll owns the slot. */
    private static <E> void give(Queue<E> q, E e) {
        while (!q.offer(e)) {
            Thread.onSpinWait();
        }
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what);
        }
    }
}
