package dev.iobuf.bench;

import dev.iobuf.uring.CompletionHandler;
import dev.iobuf.uring.Ring;
import dev.iobuf.uring.SetupFlag;
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
 * NOPs through our {@link Ring}, in batches, the same loop as the C peer
 * {@code benchmarks/native/nop_bench.c}: get B SQEs and prepare NOPs, {@code submitAndWait(B)}
 * (one {@code io_uring_enter} with GETEVENTS), reap the B completions. One JMH operation = one NOP
 * ({@link OperationsPerInvocation}), so the score is NOPs per second, like the C figure.
 *
 * <p>{@code setup}:
 * <ul>
 *   <li>{@code matched}: exactly the flags the C peer can set with liburing 2.3 (SINGLE_ISSUER,
 *       COOP_TASKRUN | TASKRUN_FLAG, SUBMIT_ALL, CLAMP; ring fd registered). Checked at setup: a
 *       ring that came out different fails the trial rather than measure something else.</li>
 *   <li>{@code default}: {@code Ring.open(ENTRIES)}, which adds NO_SQARRAY (liburing 2.3 cannot).</li>
 * </ul>
 *
 * <p>The completion handler is one reusable object that sums what it sees (returned to JMH's
 * blackhole, so nothing is dead code); nothing is allocated per NOP ({@code -prof gc} shows it).
 * The ring is built in a {@link Scope#Thread} state, on the worker thread that then submits:
 * SINGLE_ISSUER ties the ring to the thread that created it.
 */
@State(Scope.Thread)
@Threads(1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class NopBench {
    /** SQ entries of both rings, ours and C's (CQ = 2x); room for the largest batch. */
    public static final int ENTRIES = 64;
    /** The flags the C peer sets (CLAMP included: Ring always passes it). */
    static final int MATCHED_FLAGS = SetupFlag.SINGLE_ISSUER.bit() | SetupFlag.COOP_TASKRUN.bit()
            | SetupFlag.TASKRUN_FLAG.bit() | SetupFlag.SUBMIT_ALL.bit() | SetupFlag.CLAMP.bit();

    @Param({"matched", "default"})
    public String setup;

    private Ring ring;
    private final Summer handler = new Summer();

    /** Sums user data and results; reused for every completion. */
    static final class Summer implements CompletionHandler {
        long sum;
        int seen;

        @Override
        public void complete(long userData, int result, int flags) {
            sum += userData + result;
            seen++;
        }
    }

    @Setup(Level.Trial)
    public void open() {
        // The first Ring.close() in a JVM links the close(2) downcall (~1 MB of one-time method-handle
        // set-up); do it here, or -prof gc charges it to the last measured iteration (teardown runs
        // inside it) as ~0.2 B/op.
        Ring.open(ENTRIES).close();
        ring = switch (setup) {
            case "matched" -> Ring.builder().entries(ENTRIES).singleIssuer(true).coopTaskrun(true)
                    .submitAll(true).noSqArray(false).deferTaskrun(false).registerRingFd(true).build();
            case "default" -> Ring.open(ENTRIES);
            default -> throw new IllegalArgumentException("setup must be matched or default, got " + setup);
        };
        if (setup.equals("matched") && (ring.setupFlags() != MATCHED_FLAGS || !ring.isRingFdRegistered())) {
            int got = ring.setupFlags();
            boolean registered = ring.isRingFdRegistered();
            ring.close();
            throw new IllegalStateException("the matched ring came out with flags 0x" + Integer.toHexString(got)
                    + ", registered fd " + registered + " (want 0x" + Integer.toHexString(MATCHED_FLAGS)
                    + " and a registered fd): the comparison with C "
                    + "would not be like for like");
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        ring.close();
    }

    @Benchmark
    @OperationsPerInvocation(1)
    public long batch1() {
        return nops(1);
    }

    @Benchmark
    @OperationsPerInvocation(32)
    public long batch32() {
        return nops(32);
    }

    /** One batch: {@code b} NOPs in, {@code b} completions out. */
    private long nops(int b) {
        Ring r = ring;
        Summer h = handler;
        for (int i = 0; i < b; i++) {
            r.nextSqe().nop().userData(i);
        }
        r.submitAndWait(b);
        h.seen = 0;
        r.reap(h);
        while (h.seen < b) {   // never for NOPs, which complete inline; kept for correctness
            r.submitAndWait(b - h.seen);
            r.reap(h);
        }
        return h.sum;
    }
}
