package dev.iobuf;

/** Run by {@link BufferPoolTest} in a child JVM with native access denied: what still works. */
public final class NativeAccessProbe {
    private NativeAccessProbe() {
    }

    public static void main(String[] args) {
        System.out.println("getpagesize=" + Libc.getpagesize() + " pageSize=" + AlignedMemory.pageSize());
        try (BufferPool pool = BufferPool.of(BufferTier.HUGE, 1)) {
            pool.copyIn(0, 0, new long[] {42});
            System.out.println("huge pool mapped=" + pool.isMapped() + " works=" + (pool.value(0).get(
                    java.lang.foreign.ValueLayout.JAVA_LONG, 0) == 42));
        }
        try (BufferPool pool = BufferPool.of(BufferTier.SMALL, 1, SlabOptions.DEFAULT.withLocked(true))) {
            System.out.println("locked pool made?! " + pool);
        } catch (UnsupportedOperationException e) {
            System.out.println("locked: " + e.getMessage());
        }
    }
}
