package dev.iobuf;

import java.util.TreeSet;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.ThreadIdGen;
import org.jetbrains.lincheck.datastructures.Validate;
import org.junit.jupiter.api.Test;

/**
 * Lincheck: {@link BoundedPool#tryAcquire()} and {@link BoundedPool#release(int)} are linearizable
 * against a sequential pool that hands out its lowest free index first (what a pool of up to 32
 * indices does, whatever the thread).
 *
 * <p>A release is only meaningful for an index the caller holds, so each Lincheck thread keeps the
 * indices it acquired and releases its oldest one ({@code -2}, and no call, when it holds none).
 * Releases of indices that are not held are checked by {@link BoundedPoolTest} and {@link
 * BoundedPoolModelTest}: under concurrency their outcome depends on which other thread holds the
 * index, which a deterministic specification cannot express. After every scenario (quiescent)
 * {@code available()}, {@code acquiredCount()} and {@code isAcquired} must match the hands exactly.
 * {@link IndexBitmapLincheckTest} covers the many-leaf paths of the free set.
 */
public class BoundedPoolLincheckTest {
    static final int CAPACITY = 2;

    private final BoundedPool<Integer> pool = newPool();
    private final LincheckSupport.Hands hands = new LincheckSupport.Hands(CAPACITY);

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
        if (i >= 0 && !hands.take(tid, i)) {
            return LincheckSupport.HANDED_OUT_TWICE;
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
        pool.verifyQuiescent();
    }

    @Test
    void modelChecking() {
        LincheckSupport.modelCheckingOptions().sequentialSpecification(PoolSpec.class)
                // Thread 1 takes the last index and gives it back while thread 2 keeps asking.
                .addCustomScenario(LincheckSupport.scenario(getClass(), "tryAcquire", "release",
                        "countsAreExactWhenQuiescent", "t", "tg", "tt"))
                .check(getClass());
    }

    @Test
    void stress() {
        LincheckSupport.stressOptions().sequentialSpecification(PoolSpec.class).check(getClass());
    }

    /** Sequential specification: the lowest free index first; all of 0 .. CAPACITY-1 free at the start. */
    public static final class PoolSpec {
        private final TreeSet<Integer> free = new TreeSet<>();
        private final LincheckSupport.Hands hands = new LincheckSupport.Hands(CAPACITY);

        public PoolSpec() {
            for (int i = 0; i < CAPACITY; i++) {
                free.add(i);
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
                free.add(i);
            }
            return i;
        }
    }
}
