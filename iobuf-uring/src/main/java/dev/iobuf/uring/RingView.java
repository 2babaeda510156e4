package dev.iobuf.uring;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * One mapped region of a ring (SQ ring, CQ ring or SQE array) as each thread reaches it: the owner thread
 * through one {@code static final} all-memory segment at absolute addresses, which the JIT folds (no bounds,
 * liveness or alignment check per access: about 20-30 ns per batch-1 round trip, benchmarks/README.md, NOP,
 * "Where the time goes now"); any other thread through the shared arena's checked segment, so that a
 * racing unmap makes its access throw instead of crash.
 *
 * <p>Why the owner's unchecked accesses are safe: the ring memory is unmapped only on the owner thread, or
 * once the owner thread has ended ({@link RingTeardown#release}); a close from another thread while the
 * owner lives leaves the unmap to the owner's next call on the ring (or to its exit). On the owner thread,
 * then, a ring that is not CLOSED is still mapped, and every path to these views checks that first
 * ({@link Ring#ensureOpen}, the {@link Sqe} view's state, which the owner's unmap seals).
 *
 * <p>Offsets are from the start of the region. Not an API: package-private, used by
 * {@link SubmissionQueue}, {@link CompletionQueue} and {@link SqeWriter}.
 */
final class RingView {
    /** Every address, for the owner thread's accesses (a constant the JIT folds). */
    private static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    /**
     * User-space addresses fit in 56 bits (x86-64 with 5-level paging: 56, arm64: at most 52), so masking an owner's
     * address with this changes nothing, and tells C2 its range: the all-memory segment's bounds check
     * ({@code address <= Long.MAX_VALUE - size}) then folds away, one compare and branch less per access.
     */
    private static final long USER_ADDRESS = (1L << 56) - 1;
    /** As {@link #USER_ADDRESS}, for the 4-byte ring words the kernel aligns: the alignment check folds too. */
    private static final long USER_INT_ADDRESS = USER_ADDRESS & ~3L;

    private final MemorySegment checked;
    private final long address;
    private final Thread owner;

    RingView(MemorySegment checked, Thread owner) {
        this.checked = checked;
        this.address = checked.address();
        this.owner = owner;
    }

    /** The checked segment (any thread; throws once the ring memory is unmapped). */
    MemorySegment segment() {
        return checked;
    }

    /**
     * Whether the calling thread is the owner: then it may pass {@code fast} true to the accessors. Asked once
     * per method (or fixed per {@link Sqe} view), not per access: the thread check costs as much as the
     * checks it saves.
     */
    boolean onOwner() {
        return Thread.currentThread() == owner;
    }

    int getIntAcquire(boolean fast, long offset) {
        return fast ? (int) INT.getAcquire(ALL, intAt(offset)) : (int) INT.getAcquire(checked, offset);
    }

    void setIntRelease(boolean fast, long offset, int value) {
        if (fast) {
            INT.setRelease(ALL, intAt(offset), value);
        } else {
            INT.setRelease(checked, offset, value);
        }
    }

    /**
     * The owner's absolute address of the ring word at {@code offset}, masked (see {@link #USER_INT_ADDRESS}). Its own
     * method so that {@link #getIntAcquire} stays under C2's 35-byte limit for call sites that are not hot.
     */
    private long intAt(long offset) {
        return (address + offset) & USER_INT_ADDRESS;
    }

    long getLong(boolean fast, long offset) {
        return fast ? ALL.get(LONG, (address + offset) & USER_ADDRESS) : checked.get(LONG, offset);
    }

    int getInt(boolean fast, long offset) {
        return fast ? ALL.get(ValueLayout.JAVA_INT_UNALIGNED, (address + offset) & USER_ADDRESS)
                : checked.get(ValueLayout.JAVA_INT_UNALIGNED, offset);
    }

    short getShort(boolean fast, long offset) {
        return fast ? ALL.get(ValueLayout.JAVA_SHORT_UNALIGNED, (address + offset) & USER_ADDRESS)
                : checked.get(ValueLayout.JAVA_SHORT_UNALIGNED, offset);
    }

    byte getByte(boolean fast, long offset) {
        return fast ? ALL.get(ValueLayout.JAVA_BYTE, (address + offset) & USER_ADDRESS)
                : checked.get(ValueLayout.JAVA_BYTE, offset);
    }

    void setLong(boolean fast, long offset, long value) {
        if (fast) {
            ALL.set(LONG, (address + offset) & USER_ADDRESS, value);
        } else {
            checked.set(LONG, offset, value);
        }
    }

    void setInt(boolean fast, long offset, int value) {
        if (fast) {
            ALL.set(ValueLayout.JAVA_INT_UNALIGNED, (address + offset) & USER_ADDRESS, value);
        } else {
            checked.set(ValueLayout.JAVA_INT_UNALIGNED, offset, value);
        }
    }

    void setShort(boolean fast, long offset, short value) {
        if (fast) {
            ALL.set(ValueLayout.JAVA_SHORT_UNALIGNED, (address + offset) & USER_ADDRESS, value);
        } else {
            checked.set(ValueLayout.JAVA_SHORT_UNALIGNED, offset, value);
        }
    }

    void setByte(boolean fast, long offset, byte value) {
        if (fast) {
            ALL.set(ValueLayout.JAVA_BYTE, (address + offset) & USER_ADDRESS, value);
        } else {
            checked.set(ValueLayout.JAVA_BYTE, offset, value);
        }
    }
}
