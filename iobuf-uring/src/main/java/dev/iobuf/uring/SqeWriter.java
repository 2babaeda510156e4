package dev.iobuf.uring;

import static dev.iobuf.liburing.LibUring.*;
import static dev.iobuf.liburing.NewerKernelConstants.*;

import dev.iobuf.liburing.__kernel_timespec;
import dev.iobuf.liburing.io_uring_sqe;

import dev.iobuf.BufferPool;
import dev.iobuf.Lease;
import java.lang.foreign.MemorySegment;
import java.time.Duration;

/**
 * The machinery behind {@link Sqe}: the SQE slot it views, the state that keeps a slot from being written after
 * it was published, the one whole-entry write every operation starts with, field setters, and the checks and
 * holds that keep the memory an operation uses alive until its completion ({@link InFlightHolds},
 * {@link SqeOperands}). The field offsets of {@code struct io_uring_sqe} live here, in one place. Split from
 * {@code Sqe} so that each class stays readable; the public operations are in {@link SqeNetworkOps} and
 * {@link Sqe}.
 */
abstract sealed class SqeWriter permits SqeNetworkOps {
    static final long OPCODE = io_uring_sqe.opcode$offset();
    static final long FLAGS = io_uring_sqe.flags$offset();
    static final long IOPRIO = io_uring_sqe.ioprio$offset();
    static final long FD = io_uring_sqe.fd$offset();
    static final long OFF = io_uring_sqe.off$offset();              // also addr2
    static final long ADDR = io_uring_sqe.addr$offset();            // also splice_off_in
    static final long LEN = io_uring_sqe.len$offset();
    static final long OP_FLAGS = io_uring_sqe.rw_flags$offset();    // also fsync_flags, timeout_flags, open_flags, ...
    static final long USER_DATA = io_uring_sqe.user_data$offset();
    static final long BUF_INDEX = io_uring_sqe.buf_index$offset();  // also buf_group
    static final long PERSONALITY = io_uring_sqe.personality$offset();
    static final long FILE_INDEX = io_uring_sqe.file_index$offset(); // also splice_fd_in
    static final long ADDR3 = io_uring_sqe.addr3$offset();
    /** {@code __pad2[0]}, the last 8 bytes of a 64-byte entry (the 80-byte command area of SQE128 starts at ADDR3). */
    static final long PAD2 = io_uring_sqe.__pad2$offset();
    /** Where {@code fd} sits, in bits, in the little-endian word that starts at {@link #OPCODE}. */
    static final int FD_SHIFT = (int) (FD - OPCODE) * Byte.SIZE;
    /** Bytes of one scratch {@code struct __kernel_timespec} (tv_sec, tv_nsec). */
    static final int TIMESPEC_BYTES = (int) __kernel_timespec.sizeof();
    static final long TV_SEC = __kernel_timespec.tv_sec$offset();
    static final long TV_NSEC = __kernel_timespec.tv_nsec$offset();
    static final long NANOS_PER_SECOND = 1_000_000_000L;

    final RingView sqes;
    /**
     * Whether this view writes unchecked ({@link RingView}): the owner thread's view does, the view handed to
     * other threads ({@link Ring#nextSqe()} off the owner) does not. Fixed per view, so no thread check per store.
     */
    final boolean fast;
    final MemorySegment timespecs;
    final int sqeShift;
    final SubmissionQueue sq;
    final InFlightHolds holds;
    /** Who holds the ring's leases (named when a pool refuses to close): the ring. */
    final Object leaseHolder;
    /** The module that opened the ring, and whether it may use the unsafe methods (checked once, at open). */
    final Module opener;
    final boolean unsafeGranted;
    long base;
    int state = SEALED;

    static final int CLAIMED = 1;
    static final int PREPARED = 2;
    static final int SEALED = 3;
    static final boolean LITTLE_ENDIAN = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN;

    /**
     * @param sqes the ring's SQE array
     * @param timespecs one scratch timespec per SQE slot ({@code entries * TIMESPEC_BYTES}), owned by the ring
     * @param sqeShift log2 of the SQE size
     */
    SqeWriter(RingView sqes, boolean fast, MemorySegment timespecs, int sqeShift, SubmissionQueue sq,
              InFlightHolds holds, Object leaseHolder, Module opener) {
        this.sqes = sqes;
        this.fast = fast;
        this.timespecs = timespecs;
        this.sqeShift = sqeShift;
        this.sq = sq;
        this.holds = holds;
        this.leaseHolder = leaseHolder;
        this.opener = opener;
        this.unsafeGranted = SqeOperands.grantsUnsafe(opener);
    }

    int slot() {
        return (int) (base >>> sqeShift);
    }

    /**
     * A prep refused its arguments: a slot claimed but not prepared goes back to the SQ, so no NOP with
     * user data 0 runs in its place. A slot prepared before keeps that earlier operation.
     */
    <E extends RuntimeException> E refused(E e) {
        if (state == CLAIMED && sq.unclaim(base)) {
            state = SEALED;
        }
        return e;
    }

    /** Before an unsafe operation: the ring's opener must have native access. */
    void requireUnsafe(String op) {
        if (state == SEALED) {
            throw sealed();
        }
        if (!unsafeGranted) {
            throw refused(SqeOperands.noNativeAccess("Sqe." + op + "Unsafe", opener));
        }
    }

    /** A live native segment for an unsafe method: its address. */
    long unsafeAddress(MemorySegment segment, String op) {
        requireUnsafe(op);
        try {
            SqeOperands.requireNative(segment, op);
        } catch (RuntimeException e) {
            throw refused(e);
        }
        return segment.address();
    }

    /** A segment the ring can keep alive (global or automatic arena): its address; {@link #held} must follow. */
    long keptAddress(MemorySegment segment, String op) {
        if (state == SEALED) {
            throw sealed();
        }
        try {
            SqeOperands.requireKeepable(segment, op);
        } catch (RuntimeException e) {
            throw refused(e);
        }
        return segment.address();
    }

    /** Pool buffer {@code index}, leased for this operation: its address; {@link #held} with the lease must follow. */
    long leasedAddress(BufferPool pool, int index, int length, String op) {
        if (state == SEALED) {
            throw sealed();
        }
        try {
            MemorySegment b = pool.value(index);
            if (length < 0 || length > b.byteSize()) {
                throw new IndexOutOfBoundsException(op + ": length " + length + " does not fit in buffer " + index
                        + " of " + pool);
            }
            pendingLease = holds.leaseOf(pool, leaseHolder);
            pendingLease.retain();
            return b.address();
        } catch (RuntimeException e) {
            pendingLease = null;
            throw refused(e);
        }
    }

    /** The lease {@link #leasedAddress} took, until {@link #held} stores it with the slot. */
    Lease pendingLease;

    /** The prepared slot keeps {@code ref} (a retained lease, or a segment to keep reachable) until its completion. */
    Sqe held(Object ref) {
        holds.hold(slot(), ref);
        if (ref == pendingLease) {
            pendingLease = null;
        }
        return self();
    }

    /** Positions the view on a freshly claimed slot, whose bytes still hold an older SQE. */
    Sqe at(long offset) {
        this.base = offset;
        this.state = CLAIMED;
        return self();
    }

    /**
     * Called before the slot is published or the view moves on: a slot claimed but never prepared
     * still holds an older SQE, which must not run again; it becomes a NOP with user data 0.
     * Afterwards the view refuses writes until the next {@link Ring#nextSqe()}.
     */
    void seal() {
        if (state == CLAIMED) {
            rw(IORING_OP_NOP(), -1, 0, 0, 0);
        }
        state = SEALED;
    }

    /**
     * Writes the whole 64-byte entry: the operation's fields and zero in every other one, so the slot
     * needs no separate clearing pass (one store per 8 bytes, like liburing's io_uring_prep_rw). Kept under
     * C2's inlining limit for hot methods (FreqInlineSize, 325 bytecodes): called once per SQE, it must inline
     * into the caller's loop (benchmarks/README.md, NOP, "Per-batch bookkeeping").
     */
    Sqe rw(int opcode, int fd, long addr, int len, long offset) {
        if (state != CLAIMED) {
            notClaimed();
        }
        long b = base;
        if (LITTLE_ENDIAN) {
            // opcode, flags=0, ioprio=0, fd: one store (the word at OPCODE, see SqeLayoutTest)
            sqes.setLong(fast, b + OPCODE, (opcode & 0xFFL) | ((fd & 0xFFFF_FFFFL) << FD_SHIFT));
            sqes.setLong(fast, b + OFF, offset);
            sqes.setLong(fast, b + ADDR, addr);
            sqes.setLong(fast, b + LEN, len & 0xFFFF_FFFFL);              // len, op flags=0
        } else {
            headBigEndian(b, opcode, fd, addr, len, offset);
        }
        sqes.setLong(fast, b + USER_DATA, 0L);
        sqes.setLong(fast, b + BUF_INDEX, 0L);                            // buf_index, personality, file_index
        sqes.setLong(fast, b + ADDR3, 0L);
        sqes.setLong(fast, b + PAD2, 0L);
        state = PREPARED;
        return self();
    }

    /** {@link #rw} on a view that is not freshly claimed: sealed (throws), or re-prepared (drops the old hold). */
    private void notClaimed() {
        if (state == SEALED) {
            throw sealed();
        }
        holds.drop(slot());   // re-prepared: the earlier operation's memory is not needed any more
    }

    /** The first 32 bytes of {@link #rw} field by field, for big-endian platforms. */
    private void headBigEndian(long b, int opcode, int fd, long addr, int len, long offset) {
        sqes.setLong(fast, b, 0L);
        sqes.setLong(fast, b + LEN, 0L);
        sqes.setByte(fast, b + OPCODE, (byte) opcode);
        sqes.setInt(fast, b + FD, fd);
        sqes.setLong(fast, b + OFF, offset);
        sqes.setLong(fast, b + ADDR, addr);
        sqes.setInt(fast, b + LEN, len);
    }

    /** The ring memory is being unmapped: this view refuses every write from now on (owner thread, or after it ended). */
    void retire() {
        state = SEALED;
    }

    /** Field setters need a prepared entry: a prep method writes all 64 bytes and would erase them. */
    void requirePrepared() {
        if (state != PREPARED) {
            throw state == SEALED ? sealed() : new IllegalStateException("call an operation method (nop, read, "
                    + "send, ...) on this Sqe before setting user data or flags: it writes the whole entry");
        }
    }

    static IllegalStateException sealed() {
        return new IllegalStateException("this Sqe view was submitted or moved on: take a new one with "
                + "Ring.nextSqe() for every operation");
    }

    Sqe u32(long field, int value) {
        requirePrepared();
        sqes.setInt(fast, base + field, value);
        return self();
    }

    Sqe u16(long field, int value) {
        requirePrepared();
        sqes.setShort(fast, base + field, (short) value);
        return self();
    }

    Sqe u64(long field, long value) {
        requirePrepared();
        sqes.setLong(fast, base + field, value);
        return self();
    }

    /** Byte offset of this SQE in the SQE array (for tests and diagnostics). */
    long offset() {
        return base;
    }

    static int lengthOf(MemorySegment buffer) {
        long size = buffer.byteSize();
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("buffer of " + size + " bytes is larger than one io_uring "
                    + "read/write can move (2^31-1); split it");
        }
        return (int) size;
    }
    Sqe orIoprio(int bits) {
        short old = sqes.getShort(fast, base + IOPRIO);
        return u16(IOPRIO, old | bits);
    }


    /** This view as the public type, for the fluent returns. */
    final Sqe self() {
        return (Sqe) this;
    }
}
