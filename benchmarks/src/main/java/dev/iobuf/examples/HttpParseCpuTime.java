package dev.iobuf.examples;

import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * {@link HttpParseBench}'s parser cases timed in this thread's CPU time (which preemption by other jobs does
 * not inflate, unlike JMH's wall-clock scores on a shared machine): one request per receive, 16 pipelined,
 * and 16 of two different heads in turn (every head scanned and parsed). Rounds of each in turn; prints the
 * minimum and the median ns of CPU per request. Run two builds in turn to compare them.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.iobuf.examples.HttpParseCpuTime [ROUNDS [REQUESTS]]</pre>
 */
public final class HttpParseCpuTime {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private HttpParseCpuTime() {
    }

    /**
     * Runs the three cases.
     *
     * @param args rounds (default 9), requests per round and case (default 4,000,000)
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        long requests = args.length > 1 ? Long.parseLong(args[1]) : 4_000_000L;
        HttpParseBench b = new HttpParseBench();
        b.setUp();
        String[] names = {"single", "pipelined", "varied"};
        MemorySegment[] input = {b.single, b.pipelined, b.varied};
        int[] length = {b.singleLength, b.pipelinedLength, b.variedLength};
        int[] perParse = {1, HttpParseBench.DEPTH, HttpParseBench.DEPTH};
        double[][] ns = new double[names.length][rounds];
        for (int r = -3; r < rounds; r++) {                 // three rounds of warm-up
            for (int k = 0; k < names.length; k++) {
                long parses = requests / perParse[k];
                long t0 = MX.getCurrentThreadCpuTime();
                for (long i = 0; i < parses; i++) {
                    b.parser.parse(input[k], 0, length[k], b.counting);
                }
                if (r >= 0) {
                    ns[k][r] = (MX.getCurrentThreadCpuTime() - t0) / (double) (parses * perParse[k]);
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < names.length; k++) {
            Arrays.sort(ns[k]);
            out.append(String.format("%s min %.1f median %.1f   ", names[k], ns[k][0], ns[k][rounds / 2]));
        }
        System.out.println(out.append("ns CPU per request (").append(b.counting.replies & 1).append(')'));
        b.tearDown();
    }
}
