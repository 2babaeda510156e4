package dev.iobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The single-threaded contract of {@link BoundedPool}: sizes, fill, bounds, ownership checks. */
class BoundedPoolTest {

    static BoundedPool<String> filled(int capacity) {
        BoundedPool<String> p = new BoundedPool<>(capacity);
        p.fill(i -> "v" + i);
        return p;
    }

    // ---- capacity ----

    @Test
    void capacityIsRoundedUpToAPowerOfTwoForEveryRequestUpTo2To16() {
        for (int n = 1; n <= 1 << 16; n++) {
            int c = BoundedPool.roundCapacity(n);
            assertThat(Integer.bitCount(c)).as("roundCapacity(%d) = %d", n, c).isEqualTo(1);
            assertThat(c).as("roundCapacity(%d)", n).isGreaterThanOrEqualTo(n);
            assertThat(c / 2).as("roundCapacity(%d) is the smallest", n).isLessThan(n);
        }
        assertThat(new BoundedPool<>(5).capacity()).isEqualTo(8);
        assertThat(new BoundedPool<>(1).capacity()).isEqualTo(1);
        assertThat(new BoundedPool<>(64).capacity()).isEqualTo(64);
    }

    @Test
    void capacityEdgesUpTo2To30() {
        assertThat(BoundedPool.roundCapacity((1 << 29) + 1)).isEqualTo(1 << 30);
        assertThat(BoundedPool.roundCapacity(1 << 30)).isEqualTo(1 << 30);
        assertThat(BoundedPool.MAX_CAPACITY).isEqualTo(1 << 30);
    }

    @Test
    void capacityOutsideOneTo2To30IsRejectedNamingTheValue() {
        for (int bad : new int[] {0, -1, Integer.MIN_VALUE, (1 << 30) + 1, Integer.MAX_VALUE}) {
            assertThatThrownBy(() -> new BoundedPool<>(bad)).as("capacity %d", bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(String.valueOf(bad))
                    .hasMessageContaining("1 .. 2^30");
        }
    }

    // ---- fill ----

    @Test
    void fillSetsEveryValueInIndexOrderAndMakesEveryIndexAvailable() {
        BoundedPool<String> p = new BoundedPool<>(8);
        assertThat(p.isFilled()).isFalse();
        assertThat(p.available()).isZero();
        assertThat(p.acquiredCount()).isZero();
        List<Integer> seen = new ArrayList<>();
        p.fill(i -> {
            seen.add(i);
            return "v" + i;
        });
        assertThat(seen).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(p.isFilled()).isTrue();
        assertThat(p.available()).isEqualTo(8);
        for (int i = 0; i < 8; i++) {
            assertThat(p.value(i)).isEqualTo("v" + i);
            assertThat(p.isAcquired(i)).isFalse();
        }
    }

    @Test
    void fillFromASupplierCallsItOncePerIndex() {
        AtomicInteger calls = new AtomicInteger();
        BoundedPool<Integer> p = new BoundedPool<>(4);
        p.fill(calls::getAndIncrement);
        assertThat(calls).hasValue(4);
        assertThat(p.value(3)).isEqualTo(3);
    }

    @Test
    void secondFillIsRejectedAndChangesNothing() {
        BoundedPool<String> p = filled(4);
        int a = p.tryAcquire();
        assertThatThrownBy(() -> p.fill(i -> "other")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already filled");
        assertThatThrownBy(() -> p.fill(() -> "other")).isInstanceOf(IllegalStateException.class);
        assertThat(p.value(1)).isEqualTo("v1");
        assertThat(p.available()).isEqualTo(3);
        assertThat(p.isAcquired(a)).isTrue();
    }

    @Test
    void aFactoryThatThrowsLeavesThePoolUnfilledAndFillableAgain() {
        BoundedPool<String> p = new BoundedPool<>(4);
        assertThatThrownBy(() -> p.fill(i -> {
            if (i == 2) {
                throw new IllegalArgumentException("boom");
            }
            return "x";
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("boom");
        assertThat(p.isFilled()).isFalse();
        assertThat(p.available()).isZero();
        assertThatThrownBy(p::tryAcquire).isInstanceOf(IllegalStateException.class);
        p.fill(i -> "v" + i);
        assertThat(p.available()).isEqualTo(4);
        assertThat(p.value(2)).isEqualTo("v2");
    }

    @Test
    void nullFactoryIsRejected() {
        BoundedPool<String> p = new BoundedPool<>(2);
        assertThatThrownBy(() -> p.fill((java.util.function.IntFunction<String>) null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> p.fill((java.util.function.Supplier<String>) null))
                .isInstanceOf(NullPointerException.class);
        assertThat(p.isFilled()).isFalse();
    }

    // ---- use before fill ----

    @Test
    void everyUseBeforeFillThrowsIllegalStateNamingFill() {
        BoundedPool<String> p = new BoundedPool<>(4);
        assertThatThrownBy(p::tryAcquire).isInstanceOf(IllegalStateException.class).hasMessageContaining("fill");
        assertThatThrownBy(p::acquire).isInstanceOf(IllegalStateException.class).hasMessageContaining("fill");
        assertThatThrownBy(() -> p.tryAcquire(1, TimeUnit.MILLISECONDS)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> p.value(0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> p.setValue(0, "x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> p.release(0)).isInstanceOf(IllegalStateException.class);
        assertThat(p.available()).isZero();
        assertThat(p.acquiredCount()).isZero();
        assertThat(p.isAcquired(0)).isFalse();
        p.fill(i -> "v" + i);                       // none of the above broke the pool
        assertThat(p.tryAcquire()).isZero();
    }

    // ---- bounds ----

    @Test
    void indicesOutsideTheRangeThrowIndexOutOfBounds() {
        BoundedPool<String> p = filled(4);
        for (int bad : new int[] {-1, 4, 5, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            assertThatThrownBy(() -> p.value(bad)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> p.setValue(bad, "x")).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> p.release(bad)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> p.isAcquired(bad)).isInstanceOf(IndexOutOfBoundsException.class);
        }
        assertThat(p.available()).isEqualTo(4);
    }

    @Test
    void setValueReplacesOnlyThatValue() {
        BoundedPool<String> p = filled(4);
        p.setValue(2, "two");
        assertThat(p.value(2)).isEqualTo("two");
        assertThat(p.value(1)).isEqualTo("v1");
        assertThat(p.value(3)).isEqualTo("v3");
    }

    // ---- acquire / release ----

    @Test
    void aSmallPoolHandsOutItsLowestFreeIndexFirst() throws InterruptedException {
        BoundedPool<String> p = filled(4);
        assertThat(p.tryAcquire()).isEqualTo(0);
        assertThat(p.acquire()).isEqualTo(1);
        assertThat(p.tryAcquire(1, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(p.tryAcquire()).isEqualTo(3);
        assertThat(p.tryAcquire()).isEqualTo(-1);
        p.release(2);
        p.release(0);
        assertThat(p.tryAcquire()).isEqualTo(0);
        assertThat(p.tryAcquire()).isEqualTo(2);
    }

    /** Groups of 32: a thread drains its home group first, lowest index first, then the next groups in turn. */
    @Test
    void aLargerPoolHandsOutTheHomeGroupFirstThenTheNextGroups() {
        BoundedPool<String> p = filled(128);
        int home = p.homeLeaf();
        for (int n = 0; n < 128; n++) {
            int group = (home + n / 32) % 4;
            assertThat(p.tryAcquire()).as("acquisition %d, home group %d", n, home).isEqualTo(group * 32 + n % 32);
        }
        assertThat(p.tryAcquire()).isEqualTo(-1);
        int other = ((home + 2) % 4) * 32 + 5;
        p.release(other);
        assertThat(p.tryAcquire()).as("the only free index, in another group").isEqualTo(other);
        int mine = home * 32 + 7;
        p.release(mine);
        p.release(other);
        assertThat(p.tryAcquire()).as("the home group first").isEqualTo(mine);
        assertThat(p.tryAcquire()).isEqualTo(other);
        p.verifyQuiescent();
    }

    @Test
    void emptyPoolReturnsMinusOneRepeatedlyAndStaysConsistent() {
        BoundedPool<String> p = filled(2);
        int a = p.tryAcquire();
        int b = p.tryAcquire();
        for (int k = 0; k < 100; k++) {
            assertThat(p.tryAcquire()).isEqualTo(-1);
        }
        assertThat(p.available()).isZero();
        assertThat(p.acquiredCount()).isEqualTo(2);
        p.release(b);
        assertThat(p.available()).isEqualTo(1);
        assertThat(p.tryAcquire()).isEqualTo(b);
        p.release(a);
        assertThat(p.tryAcquire()).isEqualTo(a);
    }

    @Test
    void countsAndIsAcquiredFollowEveryCall() {
        BoundedPool<String> p = filled(8);
        int a = p.tryAcquire();
        int b = p.tryAcquire();
        assertThat(p.available()).isEqualTo(6);
        assertThat(p.acquiredCount()).isEqualTo(2);
        assertThat(p.isAcquired(a)).isTrue();
        assertThat(p.isAcquired(b)).isTrue();
        assertThat(p.isAcquired(7)).isFalse();
        p.release(a);
        assertThat(p.isAcquired(a)).isFalse();
        assertThat(p.available()).isEqualTo(7);
        assertThat(p.acquiredCount()).isEqualTo(1);
        assertThat(p.toString()).contains("capacity=8").contains("available=7");
    }

    @Test
    void poolOfOneHandsOutItsIndexAgainAndAgain() {
        BoundedPool<String> p = filled(1);
        for (int k = 0; k < 1_000; k++) {
            assertThat(p.tryAcquire()).isZero();
            assertThat(p.tryAcquire()).isEqualTo(-1);
            p.release(0);
        }
        assertThat(p.available()).isEqualTo(1);
    }

    // ---- rejected releases leave the pool exactly as it was ----

    @Test
    void doubleReleaseThrowsAndLeavesThePoolExactlyAsItWas() {
        BoundedPool<String> p = filled(4);
        int a = p.tryAcquire();       // 0
        int b = p.tryAcquire();       // 1
        p.release(a);                 // free: 0 2 3
        Snapshot before = Snapshot.of(p);

        assertThatThrownBy(() -> p.release(a)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("index " + a).hasMessageContaining("not acquired");

        assertThat(Snapshot.of(p)).isEqualTo(before);
        p.verifyQuiescent();
        // The next acquisitions are exactly those the pool would have handed out anyway.
        assertThat(p.tryAcquire()).isEqualTo(a);
        assertThat(p.tryAcquire()).isEqualTo(2);
        assertThat(p.tryAcquire()).isEqualTo(3);
        assertThat(p.tryAcquire()).isEqualTo(-1);
        assertThat(p.isAcquired(b)).isTrue();
    }

    @Test
    void releaseOfAnIndexNeverTakenThrowsAndLeavesThePoolExactlyAsItWas() {
        BoundedPool<String> p = filled(4);
        int a = p.tryAcquire();       // 0
        Snapshot before = Snapshot.of(p);
        for (int never = 1; never < 4; never++) {
            int i = never;
            assertThatThrownBy(() -> p.release(i)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("index " + i);
            assertThat(Snapshot.of(p)).isEqualTo(before);
        }
        assertThat(p.tryAcquire()).isEqualTo(1);
        assertThat(p.tryAcquire()).isEqualTo(2);
        assertThat(p.tryAcquire()).isEqualTo(3);
        assertThat(p.tryAcquire()).isEqualTo(-1);
        p.release(a);
        assertThat(p.tryAcquire()).isEqualTo(a);
    }

    @Test
    void aRejectedReleaseMakesNoIndexAppear() throws InterruptedException {
        BoundedPool<String> p = filled(2);
        int a = p.tryAcquire();
        int b = p.tryAcquire();
        p.release(a);                                  // free: a
        assertThatThrownBy(() -> p.release(a)).isInstanceOf(IllegalStateException.class);
        assertThat(p.tryAcquire()).isEqualTo(a);
        assertThat(p.tryAcquire()).isEqualTo(-1);      // a was not queued twice
        assertThat(p.tryAcquire(1, TimeUnit.MILLISECONDS)).isEqualTo(-1);
        assertThat(p.available()).isZero();
        assertThat(p.acquiredCount()).isEqualTo(2);
        assertThat(p.isAcquired(b)).isTrue();
    }

    // ---- non-blocking calls allocate nothing ----

    @Test
    void tryAcquireAndReleaseAllocateNothing() {
        BoundedPool<String> p = filled(4);
        int[] held = new int[4];
        warmUp(p, held);
        long baseline = allocationNoise();
        long before = allocatedBytes();
        for (int round = 0; round < 20_000; round++) {
            for (int k = 0; k < 4; k++) {
                held[k] = p.tryAcquire();
            }
            if (p.tryAcquire() != -1) {          // the empty path, 20 000 times
                throw new AssertionError("pool of 4 handed out a fifth index");
            }
            for (int k = 0; k < 4; k++) {
                p.release(held[k]);
            }
        }
        long allocated = allocatedBytes() - before - baseline;
        assertThat(allocated).as("bytes allocated by 200 000 pool calls").isLessThan(1_024);
    }

    /** The same across groups: draining a 256-index pool walks every group and ends on the counter's "empty". */
    @Test
    void drainingAndRefillingManyGroupsAllocatesNothing() {
        BoundedPool<String> p = filled(256);
        int[] held = new int[256];
        for (int round = 0; round < 2_000; round++) {
            drainAndRefill(p, held);
        }
        long baseline = allocationNoise();
        long before = allocatedBytes();
        for (int round = 0; round < 2_000; round++) {
            drainAndRefill(p, held);
        }
        long allocated = allocatedBytes() - before - baseline;
        assertThat(allocated).as("bytes allocated by 1 028 000 pool calls").isLessThan(1_024);
        p.verifyQuiescent();
    }

    private static void drainAndRefill(BoundedPool<String> p, int[] held) {
        for (int k = 0; k < held.length; k++) {
            held[k] = p.tryAcquire();
        }
        if (p.tryAcquire() != -1) {
            throw new AssertionError("pool of 256 handed out a 257th index");
        }
        for (int k = held.length - 1; k >= 0; k--) {
            p.release(held[k]);
        }
    }

    private static void warmUp(BoundedPool<String> p, int[] held) {
        for (int round = 0; round < 5_000; round++) {
            for (int k = 0; k < 4; k++) {
                held[k] = p.tryAcquire();
            }
            p.tryAcquire();
            for (int k = 0; k < 4; k++) {
                p.release(held[k]);
            }
        }
    }

    private static long allocationNoise() {
        long max = 0;
        for (int k = 0; k < 5; k++) {
            long a = allocatedBytes();
            long b = allocatedBytes();
            max = Math.max(max, b - a);
        }
        return max;
    }

    /**
     * This thread's allocated bytes, through reflection: test code is compiled inside module
     * dev.iobuf.core, which does not read java.management.
     */
    static long allocatedBytes() {
        try {
            Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                    .invoke(null);
            Method m = Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes");
            return (long) m.invoke(bean);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot read allocated bytes: " + e, e);
        }
    }

    /** Everything observable about a pool without changing it. */
    record Snapshot(int available, int acquiredCount, List<Boolean> acquired, List<Object> values) {
        static Snapshot of(BoundedPool<?> p) {
            List<Boolean> acquired = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < p.capacity(); i++) {
                acquired.add(p.isAcquired(i));
                values.add(p.value(i));
            }
            return new Snapshot(p.available(), p.acquiredCount(), acquired, values);
        }
    }
}
