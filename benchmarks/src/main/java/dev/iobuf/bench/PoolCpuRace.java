package dev.iobuf.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * {@link PoolFloor}'s methods in turn, round after round, each in its own compiled loop, timed by this
 * thread's CPU time: time the thread spends preempted by other jobs is not counted, so on a shared machine
 * the ratios hold where JMH's wall-clock averages swing. Prints min / p25 / median ns per pair over the rounds.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.iobuf.bench.PoolCpuRace [ROUNDS [PAIRS_PER_ROUND]]</pre>
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
     * @param args rounds (default 15) and pairs per round (default 10,000,000)
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        long pairs = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
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
                long t0 = MX.getCurrentThreadCpuTime();
                sink += loop(j, f, pairs);
                ns[j][r] = (MX.getCurrentThreadCpuTime() - t0) / (double) pairs;
            }
        }
        for (int j = 0; j < NAMES.length; j++) {
            java.util.Arrays.sort(ns[j]);
            System.out.printf("%-9s min %6.2f  p25 %6.2f  median %6.2f  ns CPU per pair%n", NAMES[j], ns[j][0],
                    ns[j][rounds / 4], ns[j][rounds / 2]);
        }
        System.out.printf("ours/jctools (p25) %.3f  sameWord/jctools (p25) %.3f  (sink %d)%n",
                ns[0][rounds / 4] / ns[1][rounds / 4], ns[2][rounds / 4] / ns[1][rounds / 4], sink & 1);
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
