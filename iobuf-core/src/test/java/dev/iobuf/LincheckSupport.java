package dev.iobuf;

import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.StressOptions;

/**
 * What the Lincheck tests of the pool share: run sizes, the "hands" that remember which indices each
 * Lincheck thread holds, and a scenario builder.
 *
 * <p>Budget: about 5-20 s per check in the default run on 2 shared cores.
 * {@code -Diobuf.lincheck.scale=N} multiplies the random iterations, for example
 * {@code mvn -pl iobuf-core test -Dtest='*LincheckTest' -Diobuf.lincheck.scale=20}.
 */
final class LincheckSupport {
    /** Thread ids from ThreadIdGen are small (0 for the init/post part). */
    static final int HANDS = 8;
    /** What a test operation returns when the pool handed out an index somebody holds (no spec ever does). */
    static final int HANDED_OUT_TWICE = -100;

    private LincheckSupport() {
    }

    static int scale() {
        return Integer.getInteger("iobuf.lincheck.scale", 1);
    }

    /** Model checking also checks obstruction freedom: no operation waits for another thread to move. */
    static ModelCheckingOptions modelCheckingOptions() {
        return new ModelCheckingOptions()
                .threads(2).actorsPerThread(5).actorsBefore(1).actorsAfter(1)
                .iterations(6 * scale()).invocationsPerIteration(1_000)
                .checkObstructionFreedom(true);
    }

    static StressOptions stressOptions() {
        return new StressOptions()
                .threads(3).actorsPerThread(5).actorsBefore(1).actorsAfter(1)
                .iterations(10 * scale()).invocationsPerIteration(2_000);
    }

    /**
     * A scenario of {@code take}/{@code give} operations (methods of {@code test} taking a thread
     * id): {@code init} in the init part (thread id 0), then one string per parallel thread (thread
     * ids 1, 2, ...), then {@code validate}. Each string is a sequence of 't' (take) and 'g' (give).
     */
    static ExecutionScenario scenario(Class<?> test, String take, String give, String validate, String init,
            String... threads) {
        try {
            Method takeOp = test.getMethod(take, int.class);
            Method giveOp = test.getMethod(give, int.class);
            Actor check = new Actor(test.getMethod(validate), List.of());
            List<List<Actor>> parallel = new ArrayList<>();
            for (int t = 0; t < threads.length; t++) {
                parallel.add(actors(threads[t], t + 1, takeOp, giveOp));
            }
            return new ExecutionScenario(actors(init, 0, takeOp, giveOp), parallel, List.of(), check);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    private static List<Actor> actors(String ops, int tid, Method takeOp, Method giveOp) {
        List<Actor> actors = new ArrayList<>();
        for (char c : ops.toCharArray()) {
            actors.add(new Actor(c == 't' ? takeOp : giveOp, List.of(tid)));
        }
        return actors;
    }

    /**
     * What each Lincheck thread holds, oldest first (each hand touched only by its own thread), and
     * who holds each index (shared): an index handed to a second holder is reported by {@link #take}.
     * A giver clears the owner before it releases, so the next holder never sees a stale owner.
     */
    static final class Hands {
        private final List<ArrayDeque<Integer>> hands = new ArrayList<>();
        private final int[] owner;

        Hands(int indices) {
            for (int t = 0; t < HANDS; t++) {
                hands.add(new ArrayDeque<>());
            }
            owner = new int[indices];
            java.util.Arrays.fill(owner, -1);
        }

        /** Records that {@code tid} got {@code index}; false if someone else holds it. */
        boolean take(int tid, int index) {
            if (owner[index] != -1) {
                return false;
            }
            owner[index] = tid;
            hands.get(tid).addLast(index);
            return true;
        }

        /** The oldest index {@code tid} holds, now no longer owned; -2 if it holds none. */
        int giveOldest(int tid) {
            Integer i = hands.get(tid).pollFirst();
            if (i == null) {
                return -2;
            }
            owner[i] = -1;
            return i;
        }

        int total() {
            int n = 0;
            for (ArrayDeque<Integer> h : hands) {
                n += h.size();
            }
            return n;
        }
    }

    /**
     * Sequential specification that knows only how many indices are free and how many each thread
     * holds (which index a concurrent pool hands out depends on the thread): take answers 1, or -1
     * when nothing is free; give answers 1, or -2 when the thread holds nothing.
     */
    public static final class CountingSpec {
        private final int[] held = new int[HANDS];
        private int free;

        CountingSpec(int capacity) {
            free = capacity;
        }

        public int take(int tid) {
            if (free == 0) {
                return -1;
            }
            free--;
            held[tid]++;
            return 1;
        }

        public int give(int tid) {
            if (held[tid] == 0) {
                return -2;
            }
            held[tid]--;
            free++;
            return 1;
        }
    }
}
