package dev.iobuf;

import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.ThreadIdGen;
import org.jetbrains.lincheck.datastructures.Validate;
import org.junit.jupiter.api.Test;

/**
 * Lincheck: {@link IndexBitmap} is a linearizable set of free indices (including the "empty"
 * answer), used the way the pool uses it, across many leaves.
 *
 * <p>Four leaves of one index each, so every poll empties a leaf and every offer refills one: the
 * counter, the hints, the search over other leaves and the double collect run on almost every call.
 * Each Lincheck thread polls from its own home leaf (its thread id) and offers back only indices it
 * holds, oldest first. Which free index a poll gets depends on the thread and on races, so the
 * results are checked by {@link FreeSetVerifier} against a set where a poll may return any free
 * index (and -1 only when none is), with the index identities kept: a poll may not return an index
 * whose release has not been linearized. After every scenario (quiescent) the size, the counter and
 * the hints must be exact.
 */
public class IndexBitmapLincheckTest {
    static final int CAPACITY = 4;
    static final int LEAF_BITS = 1;

    private final IndexBitmap bitmap = newBitmap();
    private final LincheckSupport.Hands hands = new LincheckSupport.Hands(CAPACITY);

    /** Lincheck makes a fresh instance for every scenario. */
    public IndexBitmapLincheckTest() {
    }

    private static IndexBitmap newBitmap() {
        IndexBitmap b = new IndexBitmap(CAPACITY, LEAF_BITS);
        b.fillAll();
        return b;
    }

    /** Polls from home leaf {@code tid}: the index, or -1 if empty. */
    @Operation
    public int poll(@Param(gen = ThreadIdGen.class) int tid) {
        int i = bitmap.poll(tid % CAPACITY);
        return i < 0 || hands.take(tid, i) ? i : LincheckSupport.HANDED_OUT_TWICE;
    }

    /** Offers back the oldest index this thread holds: that index; -2 (and nothing) if it holds none; -3 if refused. */
    @Operation
    public int offer(@Param(gen = ThreadIdGen.class) int tid) {
        int i = hands.giveOldest(tid);
        if (i < 0) {
            return i;
        }
        return bitmap.offer(i) ? i : -3;
    }

    @Validate
    public void exactWhenQuiescent() {
        int expected = CAPACITY - hands.total();
        if (bitmap.size() != expected) {
            throw new IllegalStateException("size() " + bitmap.size() + " but " + expected + " indices are free");
        }
        bitmap.verifyQuiescent();
    }

    @Test
    void modelChecking() {
        LincheckSupport.modelCheckingOptions().sequentialSpecification(Spec.class).verifier(FreeSetVerifier.class)
                // Thread 1 empties the bitmap and refills one leaf (counting it before its CAS) while
                // thread 2 polls: the polls must answer at once, by the counter or the double collect.
                .addCustomScenario(LincheckSupport.scenario(getClass(), "poll", "offer", "exactWhenQuiescent",
                        "ttt", "tg", "tt"))
                // Thread 1 refills leaf 2 and is preempted right after its CAS; thread 2 empties leaf 2
                // (its home) again; thread 3 must still find index 1, released before. Counting a
                // refilled leaf after the CAS instead of before lets the counter read 0 here.
                .addCustomScenario(LincheckSupport.scenario(getClass(), "poll", "offer", "exactWhenQuiescent",
                        "t", "ttgg", "t", "tt"))
                // Both threads empty and refill leaves at once: counter and hints race both ways.
                .addCustomScenario(LincheckSupport.scenario(getClass(), "poll", "offer", "exactWhenQuiescent",
                        "tt", "tgt", "tgt"))
                .check(getClass());
    }

    @Test
    void stress() {
        LincheckSupport.stressOptions().sequentialSpecification(Spec.class).verifier(FreeSetVerifier.class)
                .check(getClass());
    }

    /**
     * Names the operations and the capacity for {@link FreeSetVerifier}, which does the checking (a
     * count of free indices, which is all a deterministic specification could hold here).
     */
    public static final class Spec {
        public static final int CAPACITY = IndexBitmapLincheckTest.CAPACITY;

        private final LincheckSupport.CountingSpec spec = new LincheckSupport.CountingSpec(CAPACITY);

        public Spec() {
        }

        public int poll(int tid) {
            return spec.take(tid);
        }

        public int offer(int tid) {
            return spec.give(tid);
        }
    }
}
