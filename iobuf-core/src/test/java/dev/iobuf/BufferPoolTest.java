package dev.iobuf;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class BufferPoolTest {
    private static final long MIB = 1 << 20;

    // ------------------------------------------------------------ construction

    @Test
    void everyTierGetsOnePageAlignedSlabCutIntoItsBuffers() {
        int page = AlignedMemory.pageSize();
        for (BufferTier tier : BufferTier.values()) {
            try (BufferPool pool = BufferPool.of(tier, 3)) {
                assertThat(pool.tier()).isEqualTo(tier);
                assertThat(pool.bufferSize()).isEqualTo(tier.size());
                assertThat(pool.capacity()).as("3 rounded up").isEqualTo(4);
                assertThat(pool.available()).isEqualTo(4);
                MemorySegment slab = pool.slab();
                assertThat(slab.byteSize()).isEqualTo(4L * tier.size());
                assertThat(slab.address() % page).isZero();
                assertThat(pool.isMapped()).as(tier + " mapped").isEqualTo(slab.byteSize() >= BufferPool.MAP_THRESHOLD);
                for (int i = 0; i < 4; i++) {
                    MemorySegment b = pool.value(i);
                    assertThat(b.byteSize()).isEqualTo(tier.size());
                    assertThat(b.address()).isEqualTo(slab.address() + (long) i * tier.size());
                    assertThat(b.address() % Math.min(tier.size(), page)).isZero();
                    assertThat(pool.address(i)).isEqualTo(b.address());
                }
                assertThat(pool.value(0).get(JAVA_LONG, 0)).isZero();
                assertThat(pool.value(3).get(JAVA_BYTE, tier.size() - 1)).isZero();
            }
        }
    }

    @Test
    void hugeTiersAreMappedWithoutAZeroFillPass() {
        SlabTest.requireLinux();
        try (BufferPool pool = BufferPool.of(BufferTier.TITAN, 8)) { // 1 GiB of address space
            assertThat(pool.isMapped()).isTrue();
            assertThat(ProcSelf.isMapped(pool.address(7))).isTrue();
            assertThat(pool.value(7).get(JAVA_LONG, BufferTier.TITAN.size() - 8)).isZero();
        }
        try (BufferPool pool = BufferPool.of(BufferTier.HUGE, 1)) {
            assertThat(pool.isMapped()).as("a 2 MiB slab is mapped").isTrue();
        }
        try (BufferPool pool = BufferPool.of(BufferTier.GREAT, 2)) {
            assertThat(pool.isMapped()).as("1 MiB of 512 KiB buffers comes from an arena").isFalse();
        }
    }

    @Test
    void registerBuffersIsThe128KiBTier() {
        try (BufferPool pool = BufferPool.registerBuffers(5)) {
            assertThat(pool.tier()).isEqualTo(BufferTier.LARGE).isEqualTo(BufferPool.REGISTER_BUFFER_TIER);
            assertThat(pool.bufferSize()).isEqualTo(128 * 1024);
            assertThat(pool.capacity()).isEqualTo(8);
            assertThat(pool.isMapped()).isFalse(); // 1 MiB
        }
        try (BufferPool pool = BufferPool.registerBuffers(16, SlabOptions.DEFAULT)) {
            assertThat(pool.slab().byteSize()).isEqualTo(2 * MIB);
            assertThat(pool.isMapped()).isEqualTo(Libc.canMap());
        }
    }

    @Test
    void optionsMapEvenASmallSlab() {
        SlabTest.requireLinux();
        try (BufferPool pool = BufferPool.of(BufferTier.SMALL, 4, SlabOptions.DEFAULT.withHugePages(true))) {
            assertThat(pool.isMapped()).isTrue();
            assertThat(pool.options()).isEqualTo(new SlabOptions(true, false));
            assertThat(pool.slab().address() % AlignedMemory.hugePageSize()).isZero();
            assertThat(ProcSelf.vmFlags(pool.address(0))).get().asString().contains("hg");
        }
        try (BufferPool pool = BufferPool.of(BufferTier.SMALL, 4)) {
            assertThat(pool.options()).isEqualTo(SlabOptions.DEFAULT);
        }
    }

    @Test
    void withoutNativeAccessPoolsFallBackToArenaSlabsAndOptionsFailClearly() throws Exception {
        ChildJvm.Result r = ChildJvm.run(List.of(), List.of("--illegal-native-access=deny"), NativeAccessProbe.class);
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output())
                .contains("getpagesize=-1 pageSize=" + AlignedMemory.FALLBACK_PAGE_SIZE)
                .contains("huge pool mapped=false works=true")
                .contains("locked: libc mmap is not reachable")
                .contains("--enable-native-access=dev.iobuf.core");
    }

    @Test
    void slabOptionsWithersChangeOneFlag() {
        SlabOptions o = SlabOptions.DEFAULT.withHugePages(true).withLocked(true);
        assertThat(o).isEqualTo(new SlabOptions(true, true));
        assertThat(o.withHugePages(false)).isEqualTo(new SlabOptions(false, true));
        assertThat(o.withLocked(false)).isEqualTo(new SlabOptions(true, false));
        assertThat(SlabOptions.DEFAULT.needsMapping()).isFalse();
        assertThat(o.withHugePages(false).needsMapping()).isTrue();
    }

    @Test
    void badFactoryInputIsRejectedBeforeAnythingIsAllocated() {
        assertThatThrownBy(() -> BufferPool.of(null, 4)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("tier");
        assertThatThrownBy(() -> BufferPool.of(BufferTier.PICO, 4, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("options");
        for (int bad : new int[] {0, -1, Integer.MIN_VALUE, (1 << 30) + 1}) {
            assertThatThrownBy(() -> BufferPool.of(BufferTier.PICO, bad)).as("count %d", bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("pool capacity must be in 1 .. 2^30").hasMessageContaining("" + bad);
        }
        assertThatThrownBy(() -> BufferPool.registerBuffers(0)).isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------ no allocation

    @Test
    void valueAndFriendsReturnPrecomputedInstances() {
        try (BufferPool pool = BufferPool.of(BufferTier.MEDIUM, 4)) {
            for (int i = 0; i < 4; i++) {
                assertThat(pool.value(i)).isSameAs(pool.value(i));
                assertThat(pool.byteBuffer(i)).isSameAs(pool.byteBuffer(i));
            }
            assertThat(pool.slab()).isSameAs(pool.slab());
            assertThat(pool.value(0)).isNotSameAs(pool.value(1));
        }
    }

    @Test
    void hotPathAllocatesNothing() throws Throwable {
        MethodHandle allocatedBytes = currentThreadAllocatedBytes();
        try (BufferPool pool = BufferPool.of(BufferTier.SMALL, 8)) {
            byte[] bytes = new byte[100];
            long[] longs = new long[16];
            for (int i = 0; i < 8; i++) {
                pool.byteBuffer(i); // first call makes the ByteBuffer
            }
            Runnable work = () -> {
                for (int n = 0; n < 20_000; n++) {
                    int i = pool.tryAcquire();
                    MemorySegment b = pool.value(i);
                    b.set(JAVA_LONG, 0, pool.address(i));
                    pool.copyIn(i, 8, bytes);
                    pool.copyOut(i, 8, bytes);
                    pool.copyIn(i, 200, longs);
                    pool.copyOut(i, 200, longs);
                    pool.byteBuffer(i).putInt(0, n);
                    pool.clear(i);
                    pool.release(i);
                }
            };
            work.run(); // warm up (and let the JIT compile what it will)
            long measureOverhead = (long) allocatedBytes.invokeExact();
            measureOverhead = (long) allocatedBytes.invokeExact() - measureOverhead;
            long before = (long) allocatedBytes.invokeExact();
            work.run();
            long allocated = (long) allocatedBytes.invokeExact() - before - measureOverhead;
            assertThat(allocated).as("bytes allocated by 20000 acquire/value/copy/clear/release rounds")
                    .isLessThan(1024); // allow for a stray TLAB refill accounting, never per call

            // the probe itself can see allocation: 20000 ByteBuffer views (what byteBuffer(i) avoids)
            before = (long) allocatedBytes.invokeExact();
            Object[] keep = new Object[20_000];
            for (int n = 0; n < keep.length; n++) {
                keep[n] = pool.value(n & 7).asByteBuffer();
            }
            assertThat((long) allocatedBytes.invokeExact() - before).isGreaterThan(20_000L * 32);
            assertThat(keep[19_999]).isNotNull();
        }
    }

    /**
     * {@code com.sun.management.ThreadMXBean.getCurrentThreadAllocatedBytes()} as a {@code ()long}
     * handle, reached reflectively: the tests compile inside module dev.iobuf.core, which does not
     * read java.management (and should not, for a test).
     */
    private static MethodHandle currentThreadAllocatedBytes() throws ReflectiveOperationException {
        Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
        Class<?> type = Class.forName("com.sun.management.ThreadMXBean");
        return MethodHandles.publicLookup().unreflect(type.getMethod("getCurrentThreadAllocatedBytes")).bindTo(bean);
    }

    // ------------------------------------------------------------ ownership

    @Test
    void acquireAndReleaseDelegateToTheIndexPool() throws Exception {
        try (BufferPool pool = BufferPool.of(BufferTier.NANO, 4)) {
            List<Integer> taken = new ArrayList<>();
            for (int n = 0; n < 4; n++) {
                int i = n % 2 == 0 ? pool.tryAcquire() : pool.acquire();
                assertThat(i).isBetween(0, 3);
                assertThat(pool.isAcquired(i)).isTrue();
                taken.add(i);
            }
            assertThat(taken).doesNotHaveDuplicates();
            assertThat(pool.tryAcquire()).isEqualTo(-1);
            assertThat(pool.tryAcquire(0, TimeUnit.SECONDS)).isEqualTo(-1);
            assertThat(pool.tryAcquire(-5, TimeUnit.SECONDS)).isEqualTo(-1);
            assertThat(pool.available()).isZero();
            assertThat(pool.acquiredCount()).isEqualTo(4);
            pool.release(taken.get(2));
            assertThat(pool.isAcquired(taken.get(2))).isFalse();
            assertThat(pool.available()).isEqualTo(1);
            assertThat(pool.tryAcquire(1, TimeUnit.SECONDS)).isEqualTo(taken.get(2));
        }
    }

    @Test
    void badReleaseIsRejectedAndThePoolStaysAsItWas() {
        try (BufferPool pool = BufferPool.of(BufferTier.NANO, 4)) {
            int i = pool.tryAcquire();
            pool.release(i);
            assertThatThrownBy(() -> pool.release(i)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("index " + i + " is not acquired");
            int never = (i + 1) % 4;
            assertThatThrownBy(() -> pool.release(never)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> pool.release(4)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> pool.release(-1)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThat(pool.available()).isEqualTo(4);
            assertThat(pool.acquiredCount()).isZero();
            List<Integer> all = new ArrayList<>();
            for (int n = 0; n < 4; n++) {
                all.add(pool.tryAcquire());
            }
            assertThat(all).containsExactlyInAnyOrder(0, 1, 2, 3);
        }
    }

    @Test
    void badIndicesAreRejectedEverywhere() {
        try (BufferPool pool = BufferPool.of(BufferTier.MICRO, 2)) {
            List<ThrowingCallable> calls = List.of(
                    () -> pool.value(2), () -> pool.value(-1), () -> pool.address(2), () -> pool.byteBuffer(2),
                    () -> pool.clear(-1), () -> pool.isAcquired(2), () -> pool.copyIn(2, 0, new byte[1]),
                    () -> pool.copyOut(-1, 0, new long[1]), () -> pool.view(5, 0, JAVA_INT));
            for (ThrowingCallable call : calls) {
                assertThatThrownBy(call).isInstanceOf(IndexOutOfBoundsException.class);
            }
        }
    }

    @Test
    void timedAcquireOnAnEmptyPoolWaitsThenGivesUp() throws Exception {
        try (BufferPool pool = BufferPool.of(BufferTier.PICO, 1)) {
            int only = pool.tryAcquire();
            long start = System.nanoTime();
            assertThat(pool.tryAcquire(120, TimeUnit.MILLISECONDS)).isEqualTo(-1);
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(120));
            assertThatThrownBy(() -> pool.tryAcquire(1, null)).isInstanceOf(NullPointerException.class);
            pool.release(only);
        }
    }

    @Test
    void blockedAcquireIsWokenByRelease() throws Exception {
        try (BufferPool pool = BufferPool.of(BufferTier.PICO, 1)) {
            int only = pool.acquire();
            AtomicInteger got = new AtomicInteger(-2);
            Thread waiter = Thread.ofPlatform().start(() -> {
                try {
                    got.set(pool.acquire());
                } catch (InterruptedException e) {
                    got.set(-3);
                }
            });
            Thread.sleep(30);
            assertThat(got.get()).isEqualTo(-2);
            pool.release(only);
            waiter.join(5_000);
            assertThat(got.get()).isEqualTo(only);
            assertThat(pool.isAcquired(only)).isTrue();
        }
    }

    @Test
    void interruptedAcquireTakesNothing() throws Exception {
        try (BufferPool pool = BufferPool.of(BufferTier.PICO, 1)) {
            int only = pool.acquire();
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread waiter = Thread.ofPlatform().start(() -> {
                try {
                    pool.acquire();
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            Thread.sleep(30);
            waiter.interrupt();
            waiter.join(5_000);
            assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
            pool.release(only);
            assertThat(pool.available()).isEqualTo(1);
        }
    }

    @Test
    void closeWakesBlockedAcquirersWithIllegalStateException() throws Exception {
        BufferPool pool = BufferPool.of(BufferTier.PICO, 1);
        pool.acquire();
        List<AtomicReference<Throwable>> results = List.of(new AtomicReference<>(), new AtomicReference<>());
        CountDownLatch started = new CountDownLatch(2);
        Thread a = Thread.ofPlatform().start(() -> {
            started.countDown();
            try {
                pool.acquire();
            } catch (Throwable t) {
                results.get(0).set(t);
            }
        });
        Thread b = Thread.ofPlatform().start(() -> {
            started.countDown();
            try {
                pool.tryAcquire(1, TimeUnit.HOURS);
            } catch (Throwable t) {
                results.get(1).set(t);
            }
        });
        started.await();
        Thread.sleep(30);
        long closedAt = System.nanoTime();
        pool.close();
        a.join(5_000);
        b.join(5_000);
        assertThat(System.nanoTime() - closedAt).isLessThan(TimeUnit.SECONDS.toNanos(2));
        for (AtomicReference<Throwable> r : results) {
            assertThat(r.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("is closed");
        }
    }

    @Test
    void twoThreadsNeverHoldTheSameBuffer() throws Exception {
        try (BufferPool pool = BufferPool.of(BufferTier.NANO, 2)) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Thread> threads = new ArrayList<>();
            for (int t = 1; t <= 2; t++) {
                long mark = t;
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        for (int n = 0; n < 50_000; n++) {
                            int i = pool.acquire();
                            MemorySegment b = pool.value(i);
                            b.set(JAVA_LONG, 0, mark);
                            b.set(JAVA_LONG, 120, mark);
                            Thread.onSpinWait();
                            if (b.get(JAVA_LONG, 0) != mark || b.get(JAVA_LONG, 120) != mark) {
                                throw new AssertionError("buffer " + i + " written by two holders");
                            }
                            pool.release(i);
                        }
                    } catch (Throwable e) {
                        failure.set(e);
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            assertThat(failure.get()).isNull();
            assertThat(pool.available()).isEqualTo(2);
        }
    }

    // ------------------------------------------------------------ memory helpers

    @Test
    void clearZeroesOnlyThatBuffer() {
        try (BufferPool pool = BufferPool.of(BufferTier.PICO, 4)) {
            for (int i = 0; i < 4; i++) {
                pool.value(i).fill((byte) 0x7F);
            }
            pool.clear(2);
            assertThat(pool.value(2).toArray(JAVA_BYTE)).containsOnly(0);
            assertThat(pool.value(1).toArray(JAVA_BYTE)).containsOnly(0x7F);
            assertThat(pool.value(3).toArray(JAVA_BYTE)).containsOnly(0x7F);
        }
    }

    @Test
    void copyInAndOutRoundTripEveryPrimitiveArrayInNativeOrder() {
        try (BufferPool pool = BufferPool.of(BufferTier.NANO, 2)) {
            MemorySegment b = pool.value(1);
            byte[] bytes = {1, 2, 3, -4};
            pool.copyIn(1, 3, bytes);
            assertThat(b.asSlice(3, 4).toArray(JAVA_BYTE)).containsExactly(bytes);
            byte[] bytesBack = new byte[4];
            pool.copyOut(1, 3, bytesBack);
            assertThat(bytesBack).containsExactly(bytes);

            long[] longs = {Long.MIN_VALUE, 0x0102030405060708L, -1};
            pool.copyIn(1, 5, longs); // unaligned on purpose
            assertThat(b.get(JAVA_LONG_UNALIGNED, 5 + 8)).isEqualTo(0x0102030405060708L);
            assertThat(b.get(JAVA_BYTE, 5 + 8)).isEqualTo(
                    ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? (byte) 0x08 : (byte) 0x01);
            long[] longsBack = new long[3];
            pool.copyOut(1, 5, longsBack);
            assertThat(longsBack).containsExactly(longs);

            int[] ints = {7, Integer.MAX_VALUE, -9};
            pool.copyIn(1, 64, ints);
            int[] intsBack = new int[3];
            pool.copyOut(1, 64, intsBack);
            assertThat(intsBack).containsExactly(ints);
            assertThat(b.get(JAVA_INT, 68)).isEqualTo(Integer.MAX_VALUE);

            short[] shorts = {1, -2, Short.MAX_VALUE};
            pool.copyIn(1, 90, shorts);
            short[] shortsBack = new short[3];
            pool.copyOut(1, 90, shortsBack);
            assertThat(shortsBack).containsExactly(shorts);

            char[] chars = "héllo".toCharArray();
            pool.copyIn(1, 100, chars);
            char[] charsBack = new char[5];
            pool.copyOut(1, 100, charsBack);
            assertThat(charsBack).containsExactly(chars);

            float[] floats = {1.5f, Float.NaN};
            pool.copyIn(1, 111, floats);
            float[] floatsBack = new float[2];
            pool.copyOut(1, 111, floatsBack);
            assertThat(floatsBack).containsExactly(floats);

            double[] doubles = {Math.PI};
            pool.copyIn(1, 120, doubles); // ends exactly at the end of the 128 B buffer
            double[] doublesBack = new double[1];
            pool.copyOut(1, 120, doublesBack);
            assertThat(doublesBack).containsExactly(Math.PI);

            assertThat(pool.value(0).toArray(JAVA_BYTE)).as("neighbour untouched").containsOnly(0);
        }
    }

    @Test
    void rangedByteCopiesMoveJustThatRange() {
        try (BufferPool pool = BufferPool.of(BufferTier.PICO, 1)) {
            byte[] src = {10, 11, 12, 13, 14, 15};
            pool.copyIn(0, 30, src, 2, 2);
            assertThat(pool.value(0).get(JAVA_BYTE, 30)).isEqualTo((byte) 12);
            assertThat(pool.value(0).get(JAVA_BYTE, 31)).isEqualTo((byte) 13);
            assertThat(pool.value(0).get(JAVA_BYTE, 29)).isZero();
            byte[] dst = new byte[6];
            pool.copyOut(0, 30, dst, 4, 2);
            assertThat(dst).containsExactly(0, 0, 0, 0, 12, 13);
            pool.copyIn(0, 0, src, 0, 0); // empty copies are fine
        }
    }

    @Test
    void copiesThatDoNotFitCopyNothing() {
        try (BufferPool pool = BufferPool.of(BufferTier.PICO, 1)) {
            pool.value(0).fill((byte) 1);
            List<ThrowingCallable> calls = List.of(
                    () -> pool.copyIn(0, 1, new byte[32]),
                    () -> pool.copyIn(0, -1, new byte[1]),
                    () -> pool.copyIn(0, 32, new byte[1]),
                    () -> pool.copyIn(0, 25, new long[1]),
                    () -> pool.copyIn(0, 0, new int[9]),
                    () -> pool.copyIn(0, 0, new double[5]),
                    () -> pool.copyIn(0, Long.MAX_VALUE, new byte[1]),
                    () -> pool.copyIn(0, 0, new byte[4], 3, 2),
                    () -> pool.copyIn(0, 0, new byte[4], -1, 1),
                    () -> pool.copyOut(0, 30, new short[2]),
                    () -> pool.copyOut(0, 0, new char[17]),
                    () -> pool.copyOut(0, 0, new float[9]),
                    () -> pool.copyOut(0, 28, new byte[8], 0, 5),
                    () -> pool.copyOut(0, 0, new byte[4], 2, 3));
            for (ThrowingCallable call : calls) {
                assertThatThrownBy(call).isInstanceOf(IndexOutOfBoundsException.class);
            }
            assertThatThrownBy(() -> pool.copyIn(0, 1, new byte[32])).hasMessageContaining(
                    "32 bytes at offset 1 do not fit in buffer 0 of 32 bytes (PICO)");
            assertThat(pool.value(0).toArray(JAVA_BYTE)).as("nothing was written").containsOnly(1);
            assertThatThrownBy(() -> pool.copyIn(0, 0, (byte[]) null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> pool.copyOut(0, 0, (long[]) null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> pool.copyIn(0, 0, null, 0, 0)).isInstanceOf(NullPointerException.class);
        }
    }

    @Test
    void viewGivesATypedSliceAndChecksFitAndAlignment() {
        try (BufferPool pool = BufferPool.of(BufferTier.NANO, 1)) {
            MemorySegment longs = pool.view(0, 64, MemoryLayout.sequenceLayout(8, JAVA_LONG));
            assertThat(longs.byteSize()).isEqualTo(64);
            longs.setAtIndex(JAVA_LONG, 7, 99L);
            assertThat(pool.value(0).get(JAVA_LONG, 120)).isEqualTo(99L);
            assertThatThrownBy(() -> pool.view(0, 72, MemoryLayout.sequenceLayout(8, JAVA_LONG)))
                    .isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> pool.view(0, 4, JAVA_LONG)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> pool.view(0, -8, JAVA_LONG)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> pool.view(0, 0, null)).isInstanceOf(NullPointerException.class);
        }
    }

    @Test
    void byteBufferIsADirectResetViewOfTheSameMemory() {
        try (BufferPool pool = BufferPool.of(BufferTier.SMALL, 2)) {
            ByteBuffer bb = pool.byteBuffer(1);
            assertThat(bb.isDirect()).isTrue();
            assertThat(bb.capacity()).isEqualTo(2048);
            assertThat(bb.position()).isZero();
            assertThat(bb.limit()).isEqualTo(2048);
            assertThat(MemorySegment.ofBuffer(bb).address()).isEqualTo(pool.address(1));
            bb.putLong(0x0102030405060708L);
            assertThat(pool.value(1).get(JAVA_BYTE, 0)).as("big-endian like any new ByteBuffer").isEqualTo((byte) 1);
            pool.value(1).set(JAVA_BYTE, 100, (byte) 42);
            assertThat(bb.get(100)).isEqualTo((byte) 42);

            bb.position(10).limit(20).order(ByteOrder.LITTLE_ENDIAN).mark();
            ByteBuffer again = pool.byteBuffer(1);
            assertThat(again).isSameAs(bb);
            assertThat(again.position()).isZero();
            assertThat(again.limit()).isEqualTo(2048);
            assertThat(again.order()).isEqualTo(ByteOrder.BIG_ENDIAN);
            assertThatThrownBy(again::reset).isInstanceOf(java.nio.InvalidMarkException.class);
        }
    }

    // ------------------------------------------------------------ close

    @Test
    void everyUseAfterCloseIsAnIllegalStateExceptionNeverACrash() {
        SlabTest.requireLinux();
        for (BufferTier tier : new BufferTier[] {BufferTier.SMALL, BufferTier.HUGE}) { // arena and mmap slabs
            BufferPool pool = BufferPool.of(tier, 2);
            int held = pool.tryAcquire();
            MemorySegment segment = pool.value(1);
            MemorySegment slab = pool.slab();
            ByteBuffer bb = pool.byteBuffer(1);
            long address = pool.address(1);
            pool.close();

            List<ThrowingCallable> calls = List.of(
                    () -> pool.value(0), () -> pool.address(0), () -> pool.slab(), () -> pool.byteBuffer(0),
                    () -> pool.clear(0), () -> pool.view(0, 0, JAVA_INT), pool::tryAcquire, pool::acquire,
                    () -> pool.tryAcquire(1, TimeUnit.SECONDS), () -> pool.release(held),
                    () -> pool.copyIn(0, 0, new byte[1]), () -> pool.copyOut(0, 0, new byte[1]),
                    () -> pool.copyIn(0, 0, new byte[1], 0, 1), () -> pool.copyOut(0, 0, new int[1]),
                    // memory obtained before close: the shared arena is closed, so the JDK refuses access
                    () -> segment.get(JAVA_LONG, 0), () -> segment.set(JAVA_BYTE, 5, (byte) 1),
                    () -> slab.fill((byte) 1), () -> bb.get(0), () -> bb.putInt(0, 1),
                    () -> MemorySegment.copy(new byte[8], 0, segment, JAVA_BYTE, 0, 8));
            for (ThrowingCallable call : calls) {
                assertThatThrownBy(call).as(tier.name()).isInstanceOf(IllegalStateException.class);
            }
            assertThatThrownBy(() -> pool.value(0)).hasMessageContaining("is closed");
            assertThat(pool.isClosed()).isTrue();
            if (pool.isMapped()) {
                assertThat(ProcSelf.isMapped(address)).as("slab unmapped").isFalse();
            }
            // facts stay readable, the leak stays visible
            assertThat(pool.tier()).isEqualTo(tier);
            assertThat(pool.capacity()).isEqualTo(2);
            assertThat(pool.acquiredCount()).isEqualTo(1);
            assertThat(pool.isAcquired(held)).isTrue();
            assertThat(pool.toString()).contains("closed");
            pool.close(); // idempotent
        }
    }

    @Test
    void toStringNamesTierSizeAndSource() {
        try (BufferPool pool = BufferPool.of(BufferTier.BIG, 2)) {
            assertThat(pool.toString()).contains("BIG").contains("2 x 32768 B").contains("available=2").contains("arena");
        }
    }

    @Test
    void segmentsOfDifferentValueLayoutsCanBeReadFromTheSameBuffer() {
        try (BufferPool pool = BufferPool.of(BufferTier.PICO, 1)) {
            pool.copyIn(0, 0, new int[] {1, 2});
            assertThat(pool.value(0).get(ValueLayout.JAVA_LONG, 0))
                    .isEqualTo(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? (2L << 32) | 1 : (1L << 32) | 2);
        }
    }
}
