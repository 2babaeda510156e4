package dev.iobuf.bench;

import dev.iobuf.BoundedPool;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long a thread blocked in {@link BoundedPool#acquire()} takes to hold an index that another
 * thread releases (one hand-off). Two designs, because "blocked" covers two cases:
 * <ul>
 *   <li>{@link #oursPingPong}: two pools of capacity 1, both empty. The benchmark thread releases
 *       into {@code ping} and blocks in {@code pong.acquire()}; an echo thread blocks in {@code
 *       ping.acquire()} and releases into {@code pong}. One invocation is a round trip of two
 *       hand-offs, each from a {@code release} to the other thread returning from {@code acquire};
 *       {@code @OperationsPerInvocation(2)} makes the score half the round trip, i.e. one hand-off.
 *       Whether a waiter is still spinning, yielding or already parked when the index arrives is
 *       left to the pool: this is what a request/response pair of threads sees.
 *       {@link #abqPingPong} is the same with {@link ArrayBlockingQueue}{@code (1)} put/take (a lock
 *       and a condition: its waiters always park).</li>
 *   <li>{@link #oursParked}: the worst case. Before each invocation (untimed) the echo thread is
 *       known to be parked in {@code acquire()} ({@link Thread.State#WAITING}); the timed part is
 *       {@code release()} until the benchmark thread sees the echo thread hold the index (a volatile
 *       counter the echo thread bumps right after {@code acquire()} returns). It includes unpark,
 *       the kernel wake-up and rescheduling of the waiter. Sampled, so the JSON has percentiles.</li>
 * </ul>
 * The ownership bit is per index, not per thread: a release by one thread of an index another
 * thread acquired is legal, which is what lets a single index bounce between the two threads.
 */
@Fork(value = 2, jvmArgsAppend = "--sun-misc-unsafe-memory-access=allow")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Threads(1)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Wakeup {

    /** Two empty one-index pools and an echo thread bouncing the token back. */
    @State(Scope.Benchmark)
    public static class OursPingPong {
        final BoundedPool<Object> ping = emptyPoolOfOne();
        final BoundedPool<Object> pong = emptyPoolOfOne();
        private EchoThread echo;

        @Setup(Level.Trial)
        public void start() {
            echo = EchoThread.start("echo-ours", () -> {
                ping.acquire();
                pong.release(0);
            });
        }

        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            echo.stop();
        }
    }

    /** The same with ArrayBlockingQueue(1): a token put and taken. */
    @State(Scope.Benchmark)
    public static class AbqPingPong {
        static final Integer TOKEN = 0;
        final ArrayBlockingQueue<Integer> ping = new ArrayBlockingQueue<>(1);
        final ArrayBlockingQueue<Integer> pong = new ArrayBlockingQueue<>(1);
        private EchoThread echo;

        @Setup(Level.Trial)
        public void start() {
            echo = EchoThread.start("echo-abq", () -> pong.put(ping.take()));
        }

        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            echo.stop();
        }
    }

    /** One empty one-index pool; the echo thread takes the index and counts. */
    @State(Scope.Benchmark)
    public static class OursParked {
        final BoundedPool<Object> pool = emptyPoolOfOne();
        /** Written by the echo thread only, right after each acquire() returns. */
        volatile long taken;
        /** The benchmark thread's count of hand-offs it has seen. */
        long seen;
        private EchoThread echo;

        @Setup(Level.Trial)
        public void start() {
            echo = EchoThread.start("echo-parked", () -> {
                pool.acquire();
                taken = taken + 1; // single writer: the read-modify-write needs no atomicity
            });
        }

        /** Untimed: wait until the echo thread has given up spinning and parked in acquire(). */
        @Setup(Level.Invocation)
        public void untilParked() {
            for (int n = 1; !echo.isParked(); n++) {
                pause(n);
            }
        }

        /** Timed part's tail: wait for the echo thread to report the index in hand. */
        long awaitTaken() {
            long want = seen + 1;
            for (int n = 1; taken != want; n++) {
                pause(n);
            }
            seen = want;
            return want;
        }

        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            echo.stop();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OperationsPerInvocation(2)
    public int oursPingPong(OursPingPong s) throws InterruptedException {
        s.ping.release(0);
        return s.pong.acquire();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OperationsPerInvocation(2)
    public Integer abqPingPong(AbqPingPong s) throws InterruptedException {
        s.ping.put(AbqPingPong.TOKEN);
        return s.pong.take();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public long oursParked(OursParked s) {
        s.pool.release(0);
        return s.awaitTaken();
    }

    /** A pool of one index, filled, with that index taken: the next acquire() blocks. */
    static BoundedPool<Object> emptyPoolOfOne() {
        BoundedPool<Object> p = new BoundedPool<>(1);
        p.fill(i -> new Object());
        if (p.tryAcquire() != 0) {
            throw new IllegalStateException("a fresh pool of one did not hand out index 0");
        }
        return p;
    }

    /**
     * Busy-wait step for the benchmark thread: mostly onSpinWait, a yield now and then so that on a
     * small, shared machine the thread we wait for is not starved by our own spinning.
     */
    static void pause(int n) {
        if ((n & 63) == 0) {
            Thread.yield();
        } else {
            Thread.onSpinWait();
        }
    }
}
