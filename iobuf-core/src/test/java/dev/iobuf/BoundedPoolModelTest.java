package dev.iobuf;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random sequences of calls, legal and illegal, against a model of the pool (free indices in groups
 * of 32; an acquire takes the lowest free index of the first non-empty group from the caller's home
 * group on; a set of held ones). After every call the whole observable state must match the model: a
 * rejected call leaves the pool exactly as it was. Seeds are fixed, so a failure repeats.
 */
class BoundedPoolModelTest {
    private static final int STEPS = 20_000;

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {1, 2, 3, 4, 8, 64, 128})
    void randomCallsMatchTheModel(int requested) throws InterruptedException {
        for (long seed = 1; seed <= 5; seed++) {
            run(requested, seed);
        }
    }

    private static void run(int requested, long seed) throws InterruptedException {
        SplittableRandom rnd = new SplittableRandom(seed * 7919 + requested);
        BoundedPool<String> pool = new BoundedPool<>(requested);
        int cap = pool.capacity();
        pool.fill(i -> "v" + i);
        Model free = new Model(cap, pool.homeLeaf());
        boolean[] held = new boolean[cap];
        String[] values = new String[cap];
        for (int i = 0; i < cap; i++) {
            values[i] = "v" + i;
        }
        List<String> log = new ArrayList<>();

        for (int step = 0; step < STEPS; step++) {
            int op = rnd.nextInt(100);
            String what;
            if (op < 35) {
                what = "tryAcquire";
                Integer expected = free.take();
                int got = pool.tryAcquire();
                check(got == (expected == null ? -1 : expected), log, what + " gave " + got + ", model " + expected);
                if (expected != null) {
                    held[expected] = true;
                }
            } else if (op < 40) {
                what = "tryAcquire(0 ms)";
                Integer expected = free.take();
                int got = pool.tryAcquire(0, TimeUnit.MILLISECONDS);
                check(got == (expected == null ? -1 : expected), log, what + " gave " + got + ", model " + expected);
                if (expected != null) {
                    held[expected] = true;
                }
            } else if (op < 75) {
                int i = pickHeld(held, rnd);
                what = "release(" + i + ") held";
                if (i >= 0) {
                    pool.release(i);
                    held[i] = false;
                    free.add(i);
                }
            } else if (op < 90) {
                int i = rnd.nextInt(cap);
                what = "release(" + i + ") any";
                boolean threw = false;
                try {
                    pool.release(i);
                } catch (IllegalStateException e) {
                    threw = true;
                }
                check(threw == !held[i], log, what + (threw ? " threw" : " passed") + ", model held=" + held[i]);
                if (held[i]) {
                    held[i] = false;
                    free.add(i);
                }
            } else if (op < 95) {
                int i = rnd.nextBoolean() ? -1 - rnd.nextInt(3) : cap + rnd.nextInt(3);
                what = "release(" + i + ") out of range";
                try {
                    pool.release(i);
                    check(false, log, what + " passed");
                } catch (IndexOutOfBoundsException expected) {
                    // the only outcome allowed
                }
            } else {
                int i = rnd.nextInt(cap);
                String v = "s" + step;
                what = "setValue(" + i + ")";
                pool.setValue(i, v);
                values[i] = v;
            }
            log.add(what);
            if (log.size() > 30) {
                log.remove(0);
            }
            compare(pool, free, held, values, log);
        }
        pool.verifyQuiescent();
        // Drain: the pool hands out exactly the model's free indices, in the model's order.
        while (!free.isEmpty()) {
            check(pool.tryAcquire() == free.take(), log, "drain order");
        }
        check(pool.tryAcquire() == -1, log, "drained pool is empty");
    }

    private static int pickHeld(boolean[] held, SplittableRandom rnd) {
        int start = rnd.nextInt(held.length);
        for (int k = 0; k < held.length; k++) {
            int i = (start + k) % held.length;
            if (held[i]) {
                return i;
            }
        }
        return -1;
    }

    /** The free indices, by group of 32, and the order the pool hands them to this thread. */
    private static final class Model {
        private final List<TreeSet<Integer>> groups = new ArrayList<>();
        private final int home;
        private final int size;

        Model(int capacity, int home) {
            size = Math.min(32, capacity);
            for (int g = 0; g < capacity / size; g++) {
                groups.add(new TreeSet<>());
            }
            for (int i = 0; i < capacity; i++) {
                groups.get(i / size).add(i);
            }
            this.home = home;
        }

        /** The lowest free index of the first non-empty group from home on, taken; null if none. */
        Integer take() {
            for (int n = 0; n < groups.size(); n++) {
                TreeSet<Integer> g = groups.get((home + n) % groups.size());
                if (!g.isEmpty()) {
                    return g.pollFirst();
                }
            }
            return null;
        }

        void add(int i) {
            groups.get(i / size).add(i);
        }

        boolean isEmpty() {
            return size() == 0;
        }

        int size() {
            int n = 0;
            for (TreeSet<Integer> g : groups) {
                n += g.size();
            }
            return n;
        }
    }

    private static void compare(BoundedPool<String> pool, Model free, boolean[] held,
            String[] values, List<String> log) {
        check(pool.available() == free.size(), log, "available " + pool.available() + ", model " + free.size());
        check(pool.acquiredCount() == held.length - free.size(), log, "acquiredCount " + pool.acquiredCount());
        for (int i = 0; i < held.length; i++) {
            check(pool.isAcquired(i) == held[i], log, "isAcquired(" + i + ")");
            check(pool.value(i).equals(values[i]), log, "value(" + i + ")");
        }
    }

    private static void check(boolean ok, List<String> log, String message) {
        if (!ok) {
            fail(message + " after calls " + log);
        }
    }
}
