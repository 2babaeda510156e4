package dev.iobuf;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionResult;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.kotlinx.lincheck.execution.ResultWithClock;
import org.jetbrains.kotlinx.lincheck.util.LincheckResult;
import org.jetbrains.kotlinx.lincheck.util.ValueResult;
import org.jetbrains.lincheck.datastructures.verifier.Verifier;

/**
 * Linearizability against a <em>nondeterministic</em> specification, which Lincheck's own verifier
 * cannot express: a set of free indices where a take may return <em>any</em> free index. Lincheck's
 * sequential specifications must be deterministic, and which free index a pool returns depends on
 * the calling thread and on races that do not matter for correctness; a specification that only
 * counts free indices would accept a take of an index whose release has not happened yet whenever
 * some other index was free.
 *
 * <p>Operations are recognized by method name: {@code "take"} operations ({@link #TAKES}) return the
 * index they got or -1 for "empty"; {@code "give"} operations return the index they released, or -2
 * when the thread held nothing (no call made). Any other result (an exception, a refused release, an
 * index handed out twice as reported by the test) fails the check. The verifier searches, depth
 * first with memoization, for an order of all operations that respects real time (an operation that
 * finished before another started comes first) in which every take returns an index that is free at
 * that point, or -1 exactly when none is, and every give releases an index that is not free.
 *
 * <p>All indices {@code 0 .. capacity-1} are free at the start; the capacity comes from the test
 * class's static {@code CAPACITY} field.
 */
public final class FreeSetVerifier implements Verifier {
    /** Method names of the operations that take an index. */
    static final Set<String> TAKES = Set.of("poll", "tryAcquire");

    private final int capacity;

    /** Lincheck instantiates verifiers with the sequential specification class; we read the capacity from it. */
    public FreeSetVerifier(Class<?> sequentialSpecification) {
        try {
            this.capacity = sequentialSpecification.getDeclaredField("CAPACITY").getInt(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(sequentialSpecification + " needs a static int CAPACITY", e);
        }
    }

    @Override
    public boolean verifyResults(ExecutionScenario scenario, ExecutionResult result) {
        BitSet free = new BitSet();
        free.set(0, capacity);
        for (int k = 0; k < scenario.getInitExecution().size(); k++) {
            if (!apply(scenario.getInitExecution().get(k), result.getInitResults().get(k), free)) {
                return false;
            }
        }
        List<List<Actor>> threads = scenario.getParallelExecution();
        List<List<ResultWithClock>> results = result.getParallelResultsWithClock();
        List<BitSet> ends = new ArrayList<>();
        if (!linearize(threads, results, new int[threads.size()], free, new HashSet<>(), ends)) {
            return false;
        }
        // Any order of the parallel part that worked may continue with the post part.
        for (BitSet end : ends) {
            BitSet f = (BitSet) end.clone();
            boolean ok = true;
            for (int k = 0; k < scenario.getPostExecution().size() && ok; k++) {
                ok = apply(scenario.getPostExecution().get(k), result.getPostResults().get(k), f);
            }
            if (ok) {
                return true;
            }
        }
        return false;
    }

    /** Depth first over the next operation of each thread; collects every reachable end state. */
    private boolean linearize(List<List<Actor>> threads, List<List<ResultWithClock>> results, int[] next,
            BitSet free, Set<String> seen, List<BitSet> ends) {
        String key = java.util.Arrays.toString(next) + free;
        if (!seen.add(key)) {
            return false;
        }
        boolean done = true;
        boolean any = false;
        for (int t = 0; t < threads.size(); t++) {
            if (next[t] == threads.get(t).size()) {
                continue;
            }
            done = false;
            if (!mayGoNext(t, next, results)) {
                continue;
            }
            BitSet f = (BitSet) free.clone();
            if (apply(threads.get(t).get(next[t]), results.get(t).get(next[t]).getResult(), f)) {
                next[t]++;
                any |= linearize(threads, results, next, f, seen, ends);
                next[t]--;
            }
        }
        if (done) {
            ends.add(free);
            return true;
        }
        return any;
    }

    /**
     * Thread {@code t}'s next operation may come now only if every operation that finished before it
     * started is already placed.
     */
    private static boolean mayGoNext(int t, int[] next, List<List<ResultWithClock>> results) {
        int[] clock = results.get(t).get(next[t]).getClockOnStart().getClock();
        for (int u = 0; u < clock.length; u++) {
            if (u != t && clock[u] > next[u]) {
                return false;
            }
        }
        return true;
    }

    /** Applies one operation with its observed result to {@code free}; false if the result is impossible. */
    private static boolean apply(Actor actor, LincheckResult result, BitSet free) {
        if (!(result instanceof ValueResult v) || !(v.getValue() instanceof Integer value)) {
            return false;
        }
        int i = value;
        if (TAKES.contains(actor.getMethod().getName())) {
            if (i == -1) {
                return free.isEmpty();
            }
            if (i < 0 || !free.get(i)) {
                return false;
            }
            free.clear(i);
            return true;
        }
        if (i == -2) {
            return true;                        // the thread held nothing: no call was made
        }
        if (i < 0 || free.get(i)) {
            return false;
        }
        free.set(i);
        return true;
    }
}
