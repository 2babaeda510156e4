package dev.iobuf;

import java.util.ArrayDeque;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.jetbrains.lincheck.datastructures.ThreadIdGen;
import org.jetbrains.lincheck.datastructures.Validate;
import org.junit.jupiter.api.Test;

/**
 * Lincheck: {@link BoundedPool#tryAcquire()} and {@link BoundedPool#release(int)} are linearizable
 * against a sequential pool that hands out free indices in FIFO order.
 *
 * <p>A release is only meaningful for an index the caller holds, so each Lincheck thread keeps the
 * indices it acquired and releases its oldest one ({@code -2}, and no call, when it holds none).
 * Releases of indices that are not held are checked by {@link BoundedPoolTest} and {@link
 * BoundedPoolModelTest}: under concurrency their outcome depends on which other thread holds the
 * index, which a deterministic specification cannot express. After every scenario (quiescent)
 * {@code available()}, {@code acquiredCount()} and {@code isAcquired} must match the hands exactly.
 */
public class BoundedPoolLincheckTest {
    static final int CAPACITY = 2;

    private final BoundedPool<Integer> pool = newPool();
    private final IndexRingLincheckTest.Hands hands = new IndexRingLincheckTest.Hands(IndexRingLincheckTest.HANDS);

    /** Lincheck makes a fresh instance for every scenario. */
    public BoundedPoolLincheckTest() {
    }

    private static BoundedPool<Integer> newPool() {
        BoundedPool<Integer> p = new BoundedPool<>(CAPACITY);
        p.fill(i -> i);
        return p;
    }

    @Operation
    public int tryAcquire(@Param(gen = ThreadIdGen.class) int tid) {
        int i = pool.tryAcquire();
        if (i >= 0) {
            hands.take(tid, i);
        }
        return i;
    }

    @Operation
    public int release(@Param(gen = ThreadIdGen.class) int tid) {
        int i = hands.giveOldest(tid);
        if (i >= 0) {
            pool.release(i);
        }
        return i;
    }

    @Validate
    public void countsAreExactWhenQuiescent() {
        int held = hands.total();
        if (pool.available() != CAPACITY - held || pool.acquiredCount() != held) {
            throw new IllegalStateException("available " + pool.available() + ", acquiredCount "
                    + pool.acquiredCount() + ", but " + held + " indices are held");
        }
        int acquired = 0;
        for (int i = 0; i < CAPACITY; i++) {
            acquired += pool.isAcquired(i) ? 1 : 0;
        }
        if (acquired != held) {
            throw new IllegalStateException(acquired + " indices say isAcquired, " + held + " are held");
        }
    }

    @Test
    void modelChecking() {
        IndexRingLincheckTest.modelCheckingOptions().sequentialSpecification(PoolSpec.class)
                .addCustomScenario(IndexRingLincheckTest.stalledPollScenario(getClass(), "tryAcquire", "release",
                        "countsAreExactWhenQuiescent"))
                .check(getClass());
    }

    @Test
    void stress() {
        IndexRingLincheckTest.stressOptions().sequentialSpecification(PoolSpec.class).check(getClass());
    }

    /** Sequential specification: free indices in a FIFO queue that starts with 0 .. CAPACITY-1. */
    public static final class PoolSpec {
        private final ArrayDeque<Integer> free = new ArrayDeque<>();
        private final IndexRingLincheckTest.Hands hands = new IndexRingLincheckTest.Hands(IndexRingLincheckTest.HANDS);

        public PoolSpec() {
            for (int i = 0; i < CAPACITY; i++) {
                free.addLast(i);
            }
        }

        public int tryAcquire(int tid) {
            Integer i = free.pollFirst();
            if (i == null) {
                return -1;
            }
            hands.take(tid, i);
            return i;
        }

        public int release(int tid) {
            int i = hands.giveOldest(tid);
            if (i >= 0) {
                free.addLast(i);
            }
            return i;
        }
    }
}
