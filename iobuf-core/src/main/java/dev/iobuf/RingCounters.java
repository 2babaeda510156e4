package dev.iobuf;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/*
 * Head, tail, threshold and holes of IndexRing, each alone on a 128-byte block (two 64-byte lines:
 * Intel's adjacent-line prefetcher pulls pairs, and arm64 lines are 128 bytes). Padding by class
 * hierarchy because HotSpot lays out superclass fields first and @Contended is closed to code
 * outside the JDK. Every counter has at least 120 bytes of padding on each side, so any two of them
 * are 128 bytes apart and can never share a 128-byte-aligned block, wherever the object starts.
 */
@SuppressWarnings("unused")
abstract class RingPad0 {
    long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p0a, p0b, p0c, p0d, p0e, p0f;
}

abstract class RingHead extends RingPad0 {
    volatile long head;
}

@SuppressWarnings("unused")
abstract class RingPad1 extends RingHead {
    long p10, p11, p12, p13, p14, p15, p16, p17, p18, p19, p1a, p1b, p1c, p1d, p1e;
}

abstract class RingTail extends RingPad1 {
    volatile long tail;
}

@SuppressWarnings("unused")
abstract class RingPad2 extends RingTail {
    long p20, p21, p22, p23, p24, p25, p26, p27, p28, p29, p2a, p2b, p2c, p2d, p2e;
}

abstract class RingThreshold extends RingPad2 {
    volatile long threshold;
}

@SuppressWarnings("unused")
abstract class RingPad3 extends RingThreshold {
    long p30, p31, p32, p33, p34, p35, p36, p37, p38, p39, p3a, p3b, p3c, p3d, p3e;
}

abstract class RingHoles extends RingPad3 {
    volatile long holes;
}

@SuppressWarnings("unused")
abstract class RingPad4 extends RingHoles {
    long p40, p41, p42, p43, p44, p45, p46, p47, p48, p49, p4a, p4b, p4c, p4d, p4e;
}

abstract class RingCounters extends RingPad4 {
    private static final VarHandle HEAD;
    private static final VarHandle TAIL;
    private static final VarHandle THRESHOLD;
    private static final VarHandle HOLES;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            HEAD = l.findVarHandle(RingHead.class, "head", long.class);
            TAIL = l.findVarHandle(RingTail.class, "tail", long.class);
            THRESHOLD = l.findVarHandle(RingThreshold.class, "threshold", long.class);
            HOLES = l.findVarHandle(RingHoles.class, "holes", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final void initCounters(long head, long tail, long threshold) {
        HEAD.setRelease(this, head);
        TAIL.setRelease(this, tail);
        HOLES.setRelease(this, 0L);
        THRESHOLD.setVolatile(this, threshold);
    }

    // Plain getAndAdd on a long field is the one HotSpot turns into lock xadd; the acquire and
    // release variants become CAS loops. Volatile (sequentially consistent) is what SCQ assumes.
    final long getAndIncrementHead() {
        return (long) HEAD.getAndAdd(this, 1L);
    }

    final long getAndIncrementTail() {
        return (long) TAIL.getAndAdd(this, 1L);
    }

    final long decrementThreshold() {
        return (long) THRESHOLD.getAndAdd(this, -1L);
    }

    /** Off the fast paths only: a skipped or caught-up tail position (+), a dead head position (-). */
    final void addHoles(long delta) {
        HOLES.getAndAdd(this, delta);
    }

    final long head() {
        return head;
    }

    final long tail() {
        return tail;
    }

    final long threshold() {
        return threshold;
    }

    final long holes() {
        return holes;
    }

    final void resetThreshold(long value) {
        threshold = value;
    }

    final boolean casTail(long expected, long value) {
        return TAIL.compareAndSet(this, expected, value);
    }
}
