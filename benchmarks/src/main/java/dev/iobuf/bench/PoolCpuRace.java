package dev.iobuf.bench;

import dev.iobuf.BoundedPool;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@link PoolFloor}'s methods in turn, round after round, each in its own compiled loop, timed by this
 * thread's CPU time: time the thread spends preempted by other jobs is not counted, so on a shared machine
 * the ratios hold where JMH's wall-clock averages swing. Prints min / p25 / median ns per pair over the rounds.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.iobuf.bench.PoolCpuRace [ROUNDS [PAIRS_PER_ROUND [fresh] [mixed]]]</pre>
 *
 * <p>{@code fresh}: new pools (after a spacer of random size) before every method's round, so the figures
 * average over where the leaf and the queue's slots sit on the heap, not one placement. {@code mixed}:
 * before warming up, run pairs through a 16-index pool and a 2^18-index pool (the two layouts other than
 * the standard one), so the JIT's profile has seen every layout branch, as in an application that mixes
 * pool sizes.
 */
public final class PoolCpuRace {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private static final String[] NAMES = {"ours", "jctools", "sameWord"};
    private static long sink;

    private PoolCpuRace() {
    }

    /**
     * Runs the race.
     *
     * @param args rounds (default 15), pairs per round (default 10,000,000), then {@code fresh} and/or {@code mixed}
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        long pairs = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
        List<String> flags = Arrays.asList(args).subList(Math.min(2, args.length), args.length);
        if (flags.contains("mixed")) {
            sink += profileOtherLayouts();
        }
        boolean fresh = flags.contains("fresh");
        List<long[]> spacers = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(42);
        PoolFloor f = new PoolFloor();
        f.setUp();
        double[][] ns = new double[NAMES.length][rounds];
        for (int warm = 0; warm < 4; warm++) {
            for (int j = 0; j < NAMES.length; j++) {
                sink += loop(j, f, pairs);
            }
        }
        for (int r = 0; r < rounds; r++) {
            for (int j = 0; j < NAMES.length; j++) {
                if (fresh) {
                    spacers.add(new long[random.nextInt(1, 600)]);
                    f = new PoolFloor();
                    f.setUp();
                }
                long t0 = MX.getCurrentThreadCpuTime();
                sink += loop(j, f, pairs);
                ns[j][r] = (MX.getCurrentThreadCpuTime() - t0) / (double) pairs;
            }
        }
        for (int j = 0; j < NAMES.length; j++) {
            Arrays.sort(ns[j]);
            System.out.printf("%-9s min %6.2f  p25 %6.2f  median %6.2f  ns CPU per pair%n", NAMES[j], ns[j][0],
                    ns[j][rounds / 4], ns[j][rounds / 2]);
        }
        System.out.printf("ours/jctools (p25) %.3f  sameWord/jctools (p25) %.3f  (sink %d)%n",
                ns[0][rounds / 4] / ns[1][rounds / 4], ns[2][rounds / 4] / ns[1][rounds / 4], sink & 1);
    }

    /** Pairs through a 16-index pool (one 16-bit leaf) and a 2^18-index pool (packed leaves). */
    private static long profileOtherLayouts() {
        long x = 0;
        for (int capacity : new int[] {16, 1 << 18}) {
            BoundedPool<Integer> p = new BoundedPool<>(capacity);
            p.fill(Integer::valueOf);
            for (int k = 0; k < 200_000; k++) {
                int i = p.tryAcquire();
                p.release(i);
                x += i;
            }
        }
        return x;
    }

    private static long loop(int which, PoolFloor f, long pairs) {
        return switch (which) {
            case 0 -> loopOurs(f, pairs);
            case 1 -> loopJctools(f, pairs);
            default -> loopSameWord(f, pairs);
        };
    }

    // One loop per contender: each call site stays monomorphic and is compiled on its own.
    private static long loopOurs(PoolFloor f, long pairs) {
        long x = 0;
        for (long i = 0; i < pairs; i++) {
            x += f.ours();
        }
        return x;
    }

    private static long loopJctools(PoolFloor f, long pairs) {
        long x = 0;
        for (long i = 0; i < pairs; i++) {
            x += f.jctools();
        }
        return x;
    }

    private static long loopSameWord(PoolFloor f, long pairs) {
        long x = 0;
        for (long i = 0; i < pairs; i++) {
            x += f.sameWord();
        }
        return x;
    }
}
