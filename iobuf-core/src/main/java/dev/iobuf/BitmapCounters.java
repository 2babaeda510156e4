package dev.iobuf;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/*
 * The one shared counter of IndexBitmap (how many leaves may hold a free index), alone on a 128-byte
 * block (two 64-byte lines: Intel's adjacent-line prefetcher pulls pairs, and arm64 lines are 128
 * bytes). Padding by class hierarchy because HotSpot lays out superclass fields first and
 * @Contended is closed to code outside the JDK. The counter has at least 120 bytes of padding on
 * each side, so no other field of the object (and no neighbour on the heap) shares its block.
 */
@SuppressWarnings("unused")
abstract class BitmapPad0 {
    long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p0a, p0b, p0c, p0d, p0e, p0f;
}

abstract class BitmapNonEmpty extends BitmapPad0 {
    volatile long nonEmptyLeaves;
}

@SuppressWarnings("unused")
abstract class BitmapPad1 extends BitmapNonEmpty {
    long p10, p11, p12, p13, p14, p15, p16, p17, p18, p19, p1a, p1b, p1c, p1d, p1e, p1f;
}

abstract class BitmapCounters extends BitmapPad1 {
    private static final VarHandle NON_EMPTY;

    static {
        try {
            NON_EMPTY = MethodHandles.lookup().findVarHandle(BitmapNonEmpty.class, "nonEmptyLeaves", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Plain (volatile) getAndAdd on a long field is the one HotSpot turns into {@code lock xadd};
     * the acquire and release variants become CAS loops.
     */
    final void addNonEmptyLeaves(long delta) {
        NON_EMPTY.getAndAdd(this, delta);
    }

    final long nonEmptyLeaves() {
        return nonEmptyLeaves;
    }

    final void initNonEmptyLeaves(long value) {
        nonEmptyLeaves = value;
    }
}
