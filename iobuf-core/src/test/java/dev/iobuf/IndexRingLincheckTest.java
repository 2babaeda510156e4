package dev.iobuf;

import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.jetbrains.lincheck.datastructures.ThreadIdGen;
import org.jetbrains.lincheck.datastructures.Validate;
import org.junit.jupiter.api.Test;

/**
 * Lincheck: {@link IndexRing} is a linearizable FIFO queue, used the way the pool uses it.
 *
 * <p>Each Lincheck thread keeps the indices it polled (its "hand") and offers only those back, the
 * oldest first, so the ring never holds more than its capacity, exactly as under {@link
 * BoundedPool}. The sequential specification is an {@link ArrayDeque} with the same hands. Capacity
 * 2 (4 slots) makes the positions lap the ring within a few operations, so cycles, the unsafe bit,
 * catch-up and the threshold are all exercised. The ring uses the two-array layout that capacity
 * 2^30 needs ({@link BoundedPoolLincheckTest} covers the one-array layout). After every scenario
 * (quiescent) {@code size()} must equal the number of indices not in any hand. Model checking also
 * checks obstruction freedom (no operation waits for another thread to make progress).
 *
 * <p>Budget: about 5-20 s per check in the default run on 2 shared cores (the regression scenario
 * below always runs). {@code -Diobuf.lincheck.scale=N} multiplies the random iterations, for
 * example {@code mvn -pl iobuf-core test -Dtest='*LincheckTest' -Diobuf.lincheck.scale=20}.
 */
public class IndexRingLincheckTest {
    static final int CAPACITY = 2;
    static final int HANDS = 8;   // thread ids from ThreadIdGen are small (0 for the init/post part)

    private final IndexRing ring = newRing();
    private final Hands hands = new Hands(HANDS);

    /** Lincheck makes a fresh instance for every scenario. */
    public IndexRingLincheckTest() {
    }

    /**
     * The two-array layout (slots split between two arrays, as at capacity 2^30); the pool's
     * Lincheck test runs the usual one-array ring.
     */
    static IndexRing newRing() {
        return new IndexRing(CAPACITY, true, CAPACITY);
    }

    @Operation
    public int poll(@Param(gen = ThreadIdGen.class) int tid) {
        int i = ring.poll();
        if (i >= 0) {
            hands.take(tid, i);
        }
        return i;
    }

    /** Offers back the oldest index this thread holds; -2 (and nothing) if it holds none. */
    @Operation
    public int offer(@Param(gen = ThreadIdGen.class) int tid) {
        int i = hands.giveOldest(tid);
        if (i >= 0) {
            ring.offer(i);
        }
        return i;
    }

    @Validate
    public void sizeIsExactWhenQuiescent() {
        int expected = CAPACITY - hands.total();
        if (ring.size() != expected) {
            throw new IllegalStateException("size() " + ring.size() + " but " + expected + " indices are in the ring");
        }
    }

    @Test
    void modelChecking() {
        modelCheckingOptions()
                .addCustomScenario(stalledPollScenario(getClass(), "poll", "offer", "sizeIsExactWhenQuiescent"))
                .check(getClass());
    }

    @Test
    void stress() {
        stressOptions().check(getClass());
    }

    static int scale() {
        return Integer.getInteger("iobuf.lincheck.scale", 1);
    }

    static ModelCheckingOptions modelCheckingOptions() {
        return new ModelCheckingOptions()
                .threads(2).actorsPerThread(5).actorsBefore(1).actorsAfter(1)
                .iterations(6 * scale()).invocationsPerIteration(1_000)
                .checkObstructionFreedom(true)
                .sequentialSpecification(FifoSpec.class);
    }

    static StressOptions stressOptions() {
        return new StressOptions()
                .threads(3).actorsPerThread(5).actorsBefore(1).actorsAfter(1)
                .iterations(10 * scale()).invocationsPerIteration(2_000)
                .sequentialSpecification(FifoSpec.class);
    }

    /**
     * The scenario that broke the first version of {@code size()}: thread 1 claims the head position
     * of index 0 and stalls before taking it; thread 2 takes index 1, polls the empty ring twice
     * (catch-up moves the tail a lap on) and offers 1 back, which must skip the slot still holding
     * 0. Then {@code tail - head} was 2 with one index in the ring. Random scenarios find this only
     * now and then, so it always runs.
     */
    static ExecutionScenario stalledPollScenario(Class<?> test, String take, String give, String validate) {
        try {
            Method takeOp = test.getMethod(take, int.class);
            Method giveOp = test.getMethod(give, int.class);
            Actor check = new Actor(test.getMethod(validate), List.of());
            List<Actor> first = List.of(new Actor(takeOp, List.of(1)));
            List<Actor> second = List.of(new Actor(takeOp, List.of(2)), new Actor(takeOp, List.of(2)),
                    new Actor(takeOp, List.of(2)), new Actor(giveOp, List.of(2)));
            return new ExecutionScenario(List.of(), List.of(first, second), List.of(), check);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    /** What each thread holds, oldest first; touched only by its own thread. */
    static final class Hands {
        private final List<ArrayDeque<Integer>> hands = new ArrayList<>();

        Hands(int threads) {
            for (int t = 0; t < threads; t++) {
                hands.add(new ArrayDeque<>());
            }
        }

        void take(int tid, int index) {
            hands.get(tid).addLast(index);
        }

        int giveOldest(int tid) {
            Integer i = hands.get(tid).pollFirst();
            return i == null ? -2 : i;
        }

        int total() {
            int n = 0;
            for (ArrayDeque<Integer> h : hands) {
                n += h.size();
            }
            return n;
        }
    }

    /** Sequential specification: a FIFO queue that starts with 0 .. CAPACITY-1. */
    public static final class FifoSpec {
        private final ArrayDeque<Integer> queue = new ArrayDeque<>();
        private final Hands hands = new Hands(HANDS);

        public FifoSpec() {
            for (int i = 0; i < CAPACITY; i++) {
                queue.addLast(i);
            }
        }

        public int poll(int tid) {
            Integer i = queue.pollFirst();
            if (i == null) {
                return -1;
            }
            hands.take(tid, i);
            return i;
        }

        public int offer(int tid) {
            int i = hands.giveOldest(tid);
            if (i >= 0) {
                queue.addLast(i);
            }
            return i;
        }
    }
}
