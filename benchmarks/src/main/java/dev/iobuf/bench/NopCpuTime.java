package dev.iobuf.bench;

import dev.iobuf.uring.Ring;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time per NOP (this thread's user + system time, which preemption by other jobs does not inflate),
 * for {@link NopBench}'s loop on the matched ring, in two forms run in turn round after round:
 * {@code wait} ({@code submitAndWait(b)} then {@code reap}, what NopBench measures) and {@code submit}
 * ({@code submit()} then {@code reap}: one enter that never waits, the yardstick for the waiting path's
 * own cost). Compare with {@code nop_bench B ...}'s {@code user_ns_per_op + sys_ns_per_op}, run next to it; the
 * user-time column (tick-sampled by the kernel, so read it over whole rounds) is ours' user-space share, to put
 * next to the C program's {@code user_ns_per_op}.
 *
 * <pre>java --enable-native-access=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar dev.iobuf.bench.NopCpuTime B [ROUNDS [NOPS]]</pre>
 */
public final class NopCpuTime {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private NopCpuTime() {
    }

    /**
     * Runs both forms.
     *
     * @param args batch size, rounds (default 7), NOPs per round and form (default 2,000,000)
     */
    public static void main(String[] args) {
        int b = Integer.parseInt(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        long batches = (args.length > 2 ? Long.parseLong(args[2]) : 2_000_000L) / b;
        NopBench.Summer h = new NopBench.Summer();
        try (Ring r = Ring.builder().entries(NopBench.ENTRIES).singleIssuer(true).coopTaskrun(true).submitAll(true)
                .noSqArray(false).deferTaskrun(false).registerRingFd(true).build()) {
            double[][] ns = new double[2][rounds];
            double[][] user = new double[2][rounds];
            for (int w = 0; w < 5; w++) {
                run(r, h, b, batches, true);
                run(r, h, b, batches, false);
            }
            for (int k = 0; k < rounds; k++) {
                for (int form = 0; form < 2; form++) {
                    long t0 = MX.getCurrentThreadCpuTime();
                    long u0 = MX.getCurrentThreadUserTime();
                    run(r, h, b, batches, form == 0);
                    ns[form][k] = (MX.getCurrentThreadCpuTime() - t0) / (double) (batches * b);
                    user[form][k] = (MX.getCurrentThreadUserTime() - u0) / (double) (batches * b);
                }
            }
            String[] names = {"wait", "submit"};
            for (int form = 0; form < 2; form++) {
                java.util.Arrays.sort(ns[form]);
                java.util.Arrays.sort(user[form]);
                System.out.printf("batch %d %-6s min %7.1f  median %7.1f  ns CPU per NOP; user min %6.1f median %6.1f"
                        + " (sum %d)%n", b, names[form], ns[form][0], ns[form][rounds / 2], user[form][0],
                        user[form][rounds / 2], h.sum & 1);
            }
        }
    }

    private static void run(Ring r, NopBench.Summer h, int b, long batches, boolean waiting) {
        if (waiting) {
            runWaiting(r, h, b, batches);
        } else {
            runSubmitting(r, h, b, batches);
        }
    }

    // Two methods, not one with a flag: each form compiles on its own, as each JMH benchmark method does (one loop
    // holding both would inline both paths into one unit and hit C2's inlining limits, which NopBench never does).

    private static void runWaiting(Ring r, NopBench.Summer h, int b, long batches) {
        for (long n = 0; n < batches; n++) {
            for (int i = 0; i < b; i++) {
                r.nextSqe().nop().userData(i);
            }
            r.submitAndWait(b);
            reapAll(r, h, b);
        }
    }

    private static void runSubmitting(Ring r, NopBench.Summer h, int b, long batches) {
        for (long n = 0; n < batches; n++) {
            for (int i = 0; i < b; i++) {
                r.nextSqe().nop().userData(i);
            }
            r.submit();
            reapAll(r, h, b);
        }
    }

    private static void reapAll(Ring r, NopBench.Summer h, int b) {
        h.seen = 0;
        r.reap(h);
        while (h.seen < b) {   // never for NOPs, which complete inline
            r.submitAndWait(b - h.seen);
            r.reap(h);
        }
    }
}
