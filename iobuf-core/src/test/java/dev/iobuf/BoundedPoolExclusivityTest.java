package dev.iobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No index is ever handed to two holders at once. Eight threads on two cores (oversubscribed) take
 * and give back indices of a small pool with every acquire flavour mixed (non-blocking with retry,
 * blocking, timed), sometimes holding two indices at once. Each holder claims the index in an owner
 * array by CAS from "nobody" and fails the test if someone else is there; it clears the claim before
 * it releases. At the end every index is acquirable exactly once.
 */
class BoundedPoolExclusivityTest {
    private static final int THREADS = 8;
    private static final int NOBODY = -1;

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {1, 4, 64})
    void noIndexIsEverHeldTwiceAndNoneIsLost(int capacity) throws Exception {
        BoundedPool<Integer> pool = new BoundedPool<>(capacity);
        pool.fill(i -> i);
        AtomicIntegerArray owner = new AtomicIntegerArray(capacity);
        for (int i = 0; i < capacity; i++) {
            owner.set(i, NOBODY);
        }
        int rounds = capacity == 64 ? 100_000 : 50_000;
        AtomicReference<Throwable> error = new AtomicReference<>();
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int me = t;
            Thread th = new Thread(() -> {
                try {
                    start.await();
                    work(pool, owner, me, rounds, error);
                } catch (Throwable e) {
                    error.compareAndSet(null, e);
                }
            }, "holder " + t);
            th.setDaemon(true);
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join(60_000);
            if (th.isAlive()) {
                fail(th.getName() + " did not finish (state " + th.getState() + "), pool " + pool);
            }
        }
        if (error.get() != null) {
            throw new AssertionError("capacity " + capacity + ": " + error.get(), error.get());
        }
        for (int i = 0; i < capacity; i++) {
            assertThat(owner.get(i)).as("owner of %d after the run", i).isEqualTo(NOBODY);
            assertThat(pool.isAcquired(i)).isFalse();
        }
        BoundedPoolBlockingTest.assertConserved(pool);
    }

    /**
     * The "empty" answer is linearizable: a pool that is never empty never says -1. Capacity 4 in
     * leaves of one index, three threads that each hold at most one index: at every instant at least
     * one index is free, while indices keep moving between leaves under the searching threads. A
     * search that misses every free index (each was taken before it got there, after another was
     * released behind it) must not answer -1; the double collect is what catches that.
     */
    @Test
    void aPoolThatIsNeverEmptyNeverSaysEmpty() throws Exception {
        BoundedPool<Integer> pool = new BoundedPool<>(4, 1);
        pool.fill(i -> i);
        int threads = 3;
        AtomicReference<Throwable> error = new AtomicReference<>();
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                try {
                    start.await();
                    for (int r = 0; r < 400_000 && error.get() == null; r++) {
                        int i = pool.tryAcquire();
                        if (i < 0) {
                            throw new AssertionError("tryAcquire said empty at round " + r
                                    + " although at most 3 of 4 indices were ever held");
                        }
                        pool.release(i);
                    }
                } catch (Throwable e) {
                    error.compareAndSet(null, e);
                }
            }, "churner " + t);
            th.setDaemon(true);
            all.add(th);
            th.start();
        }
        for (Thread th : all) {
            th.join(60_000);
            assertThat(th.isAlive()).as(th.getName() + " finished").isFalse();
        }
        if (error.get() != null) {
            throw new AssertionError(error.get());
        }
        pool.verifyQuiescent();
        BoundedPoolBlockingTest.assertConserved(pool);
    }

    private static void work(BoundedPool<Integer> pool, AtomicIntegerArray owner, int me, int rounds,
            AtomicReference<Throwable> error) throws InterruptedException {
        SplittableRandom rnd = new SplittableRandom(me);
        int[] held = new int[2];
        for (int r = 0; r < rounds && error.get() == null; r++) {
            // Hold two at once only when the pool can serve every thread that does so, so blocking
            // acquirers cannot deadlock each other (each waits for the other's second index).
            int want = pool.capacity() >= 2 * THREADS && rnd.nextInt(4) == 0 ? 2 : 1;
            int n = 0;
            while (n < want) {
                int i = take(pool, rnd);
                if (i < 0) {
                    continue;                              // timed out: try again
                }
                claim(owner, pool, i, me);
                held[n++] = i;
            }
            if (rnd.nextInt(16) == 0) {
                Thread.yield();                            // let a waiter get parked now and then
            }
            for (int k = 0; k < n; k++) {
                owner.set(held[k], NOBODY);                // before release: the next holder may come at once
                pool.release(held[k]);
            }
        }
    }

    private static int take(BoundedPool<Integer> pool, SplittableRandom rnd) throws InterruptedException {
        switch (rnd.nextInt(3)) {
            case 0 -> {
                int i;
                while ((i = pool.tryAcquire()) < 0) {
                    Thread.onSpinWait();
                    Thread.yield();
                }
                return i;
            }
            case 1 -> {
                return pool.acquire();
            }
            default -> {
                return pool.tryAcquire(rnd.nextInt(1, 500), TimeUnit.MICROSECONDS);
            }
        }
    }

    private static void claim(AtomicIntegerArray owner, BoundedPool<Integer> pool, int i, int me) {
        int previous = owner.compareAndExchange(i, NOBODY, me);
        if (previous != NOBODY) {
            throw new AssertionError("index " + i + " handed to thread " + me + " while thread " + previous
                    + " holds it");
        }
        if (!pool.isAcquired(i)) {
            throw new AssertionError("index " + i + " held by thread " + me + " but the pool says it is free");
        }
        if (pool.value(i) != i) {
            throw new AssertionError("value(" + i + ") is " + pool.value(i));
        }
    }
}
