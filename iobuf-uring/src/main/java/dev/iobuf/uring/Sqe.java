package dev.iobuf.uring;

import static dev.iobuf.liburing.LibUring.*;
import static dev.iobuf.liburing.NewerKernelConstants.*;

import dev.iobuf.liburing.__kernel_timespec;
import dev.iobuf.liburing.io_uring_sqe;

import dev.iobuf.BufferPool;
import dev.iobuf.Lease;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;

/**
 * A view of one submission queue entry, reused for every SQE of its ring (a flyweight: no
 * allocation per operation). {@link Ring#nextSqe()} positions it on a free slot; an operation
 * method ({@code nop}, {@code read}, ...) writes the whole entry, the other setters add user data and flags. The view is valid until
 * the next {@code nextSqe()} call on the same ring; after the ring is closed any use throws
 * {@link IllegalStateException}.
 *
 * <p><b>Memory an SQE points to is kept alive until the completion.</b> The kernel reads paths,
 * timespecs and iovec arrays when it consumes the SQE and reads or writes data buffers until the operation
 * completes, whatever Java does meanwhile. So the operation methods take memory only in forms the ring can
 * keep alive until the operation's final completion (the CQE without IORING_CQE_F_MORE of its
 * {@code user_data}; see {@code InFlightHolds}):
 * <ul>
 *   <li>a {@link BufferPool} buffer by pool and index ({@link #read(int, BufferPool, int, int, long)}, ...):
 *       the ring holds a {@link Lease} on the pool from the prep to the completion, so the pool refuses
 *       to close meanwhile;</li>
 *   <li>a {@link MemorySegment} of {@code Arena.ofAuto()} or {@code Arena.global()}: the ring keeps it
 *       reachable until the completion;</li>
 *   <li>anything else (a segment of a confined or shared arena the caller may close, a raw address) only
 *       through the methods named {@code ...Unsafe}: the caller promises to keep the memory alive until the
 *       completion. They need native access for the module that opened the ring (checked once, when it
 *       was opened), else {@link IllegalCallerException}.</li>
 * </ul>
 * Heap segments are refused up front ({@link IllegalArgumentException}): the kernel needs a native address.
 * An operation that holds memory must post its completion: {@link #skipSuccess()} is refused on it.
 *
 * <p>A refused operation method leaves no SQE behind: a slot claimed by {@link Ring#nextSqe()} and not yet
 * prepared is given back, so nothing runs in its place.
 *
 * <p>Field offsets come from the generated {@code struct io_uring_sqe} layout (jextract; checked against the C
 * headers by native-bindings' layout conformance test), read once into static finals that the JIT folds.
 */
public final class Sqe extends SqeNetworkOps {
    Sqe(RingView sqes, boolean fast, MemorySegment timespecs, int sqeShift, SubmissionQueue sq, InFlightHolds holds,
        Object leaseHolder, Module opener) {
        super(sqes, fast, timespecs, sqeShift, sq, holds, leaseHolder, opener);
    }

    // ---- common fields ----

    /** The caller's 64-bit value, returned unchanged in the CQE. */
    public Sqe userData(long userData) {
        return u64(USER_DATA, userData);
    }

    /** Sets {@code IOSQE_*} flags (replacing earlier ones). */
    public Sqe flags(int iosqeFlags) {
        requirePrepared();
        if ((iosqeFlags & IOSQE_CQE_SKIP_SUCCESS()) != 0) {
            if (holds.holds(slot())) {
                throw new IllegalStateException("this operation holds memory until its completion, so it must post "
                        + "one: IOSQE_CQE_SKIP_SUCCESS is refused on it");
            }
            sq.skipSuccessUsed = true;
        }
        sqes.setByte(fast, base + FLAGS, (byte) iosqeFlags);
        return this;
    }

    private Sqe addFlags(int iosqeFlags) {
        byte f = sqes.getByte(fast, base + FLAGS);
        return flags(f | iosqeFlags);
    }

    /** IOSQE_IO_LINK: the next SQE starts only after this one succeeds. */
    public Sqe link() {
        return addFlags(IOSQE_IO_LINK());
    }

    /** IOSQE_IO_HARDLINK: the next SQE starts after this one, whatever its result. */
    public Sqe hardLink() {
        return addFlags(IOSQE_IO_HARDLINK());
    }

    /** IOSQE_IO_DRAIN: starts only after every earlier SQE completed. */
    public Sqe drain() {
        return addFlags(IOSQE_IO_DRAIN());
    }

    /** IOSQE_ASYNC: go straight to the async worker instead of trying inline first. */
    public Sqe async() {
        return addFlags(IOSQE_ASYNC());
    }

    /** IOSQE_FIXED_FILE: {@code fd} is an index in the registered file table. */
    public Sqe fixedFile() {
        return addFlags(IOSQE_FIXED_FILE());
    }

    /**
     * IOSQE_CQE_SKIP_SUCCESS (Linux 5.17): post no CQE when the operation succeeds. The ring then cannot
     * know whether such an operation is still running (see {@link Ring#inFlight()}), and the kernel
     * refuses IOSQE_IO_DRAIN on this ring from then on (-EOPNOTSUPP).
     */
    public Sqe skipSuccess() {
        return addFlags(IOSQE_CQE_SKIP_SUCCESS());
    }

    /** IOSQE_BUFFER_SELECT from provided-buffer group {@code group}. */
    public Sqe bufferSelect(int group) {
        addFlags(IOSQE_BUFFER_SELECT());
        return u16(BUF_INDEX, group);
    }

    /** I/O priority ({@code ioprio}). */
    public Sqe ioprio(int ioprio) {
        return u16(IOPRIO, ioprio);
    }

    /** Operation-specific flags word ({@code rw_flags}, {@code fsync_flags}, ...), replacing it. */
    public Sqe opFlags(int flags) {
        return u32(OP_FLAGS, flags);
    }

    // ---- operations ----

    /** IORING_OP_NOP. */
    public Sqe nop() {
        return rw(IORING_OP_NOP(), -1, 0, 0, 0);
    }

    /**
     * IORING_OP_READ of up to {@code length} bytes from {@code fd} at {@code offset} (-1 = file position) into
     * the start of buffer {@code index} of {@code pool}, which stays leased until the completion.
     *
     * @throws IllegalStateException if the pool is closed
     * @throws IndexOutOfBoundsException if {@code index} or {@code length} does not fit the pool
     */
    public Sqe read(int fd, BufferPool pool, int index, int length, long offset) {
        long addr = leasedAddress(pool, index, length, "read");
        rw(IORING_OP_READ(), fd, addr, length, offset);
        return held(pendingLease);
    }

    /**
     * IORING_OP_READ into {@code buffer}, a segment of {@code Arena.ofAuto()} or {@code Arena.global()} (kept
     * reachable until the completion).
     *
     * @throws IllegalArgumentException if it is a heap segment or belongs to an arena that can be closed
     *     (then use a pool buffer, or {@link #readUnsafe(int, MemorySegment, long)})
     */
    public Sqe read(int fd, MemorySegment buffer, long offset) {
        long addr = keptAddress(buffer, "read");
        rw(IORING_OP_READ(), fd, addr, lengthOf(buffer), offset);
        return held(buffer);
    }

    /**
     * IORING_OP_READ into {@code buffer}, which the caller keeps alive until the completion (closing its arena
     * earlier lets the kernel write into freed memory). Needs native access (see the class comment).
     *
     * @throws IllegalArgumentException if {@code buffer} is a heap segment
     */
    public Sqe readUnsafe(int fd, MemorySegment buffer, long offset) {
        return rw(IORING_OP_READ(), fd, unsafeAddress(buffer, "read"), lengthOf(buffer), offset);
    }

    /** IORING_OP_READ into {@code len} bytes at native address {@code addr}, kept valid by the caller until the completion. */
    public Sqe readUnsafe(int fd, long addr, int len, long offset) {
        requireUnsafe("read");
        return rw(IORING_OP_READ(), fd, addr, len, offset);
    }

    /** IORING_OP_WRITE of {@code length} bytes from the start of buffer {@code index} of {@code pool} (leased until the completion). */
    public Sqe write(int fd, BufferPool pool, int index, int length, long offset) {
        long addr = leasedAddress(pool, index, length, "write");
        rw(IORING_OP_WRITE(), fd, addr, length, offset);
        return held(pendingLease);
    }

    /** IORING_OP_WRITE from {@code buffer} (global or automatic arena; see {@link #read(int, MemorySegment, long)}). */
    public Sqe write(int fd, MemorySegment buffer, long offset) {
        long addr = keptAddress(buffer, "write");
        rw(IORING_OP_WRITE(), fd, addr, lengthOf(buffer), offset);
        return held(buffer);
    }

    /** IORING_OP_WRITE from {@code buffer}, kept alive by the caller until the completion. Needs native access. */
    public Sqe writeUnsafe(int fd, MemorySegment buffer, long offset) {
        return rw(IORING_OP_WRITE(), fd, unsafeAddress(buffer, "write"), lengthOf(buffer), offset);
    }

    /** IORING_OP_WRITE from {@code len} bytes at {@code addr}, kept valid by the caller until the completion. */
    public Sqe writeUnsafe(int fd, long addr, int len, long offset) {
        requireUnsafe("write");
        return rw(IORING_OP_WRITE(), fd, addr, len, offset);
    }

    /**
     * IORING_OP_READ_FIXED: {@code addr..addr+len} must lie inside registered buffer {@code bufIndex} (the
     * kernel checks it, and the registration keeps that memory leased), so no memory outside the table is
     * touched. {@link RegisteredBuffers#prepReadFixed} computes the address for you.
     */
    public Sqe readFixed(int fd, long addr, int len, long offset, int bufIndex) {
        rw(IORING_OP_READ_FIXED(), fd, addr, len, offset);
        return u16(BUF_INDEX, bufIndex);
    }

    /** IORING_OP_WRITE_FIXED: {@code addr..addr+len} must lie inside registered buffer {@code bufIndex}. */
    public Sqe writeFixed(int fd, long addr, int len, long offset, int bufIndex) {
        rw(IORING_OP_WRITE_FIXED(), fd, addr, len, offset);
        return u16(BUF_INDEX, bufIndex);
    }

    /** IORING_OP_READV into the {@code count} iovecs at {@code iovecs}; the caller keeps them and their buffers alive. */
    public Sqe readvUnsafe(int fd, long iovecs, int count, long offset) {
        requireUnsafe("readv");
        return rw(IORING_OP_READV(), fd, iovecs, count, offset);
    }

    /** IORING_OP_WRITEV from the {@code count} iovecs at {@code iovecs}; the caller keeps them and their buffers alive. */
    public Sqe writevUnsafe(int fd, long iovecs, int count, long offset) {
        requireUnsafe("writev");
        return rw(IORING_OP_WRITEV(), fd, iovecs, count, offset);
    }

    /** IORING_OP_FSYNC of the whole file. */
    public Sqe fsync(int fd) {
        return rw(IORING_OP_FSYNC(), fd, 0, 0, 0);
    }

    /** IORING_OP_FSYNC with IORING_FSYNC_DATASYNC (fdatasync). */
    public Sqe fdatasync(int fd) {
        rw(IORING_OP_FSYNC(), fd, 0, 0, 0);
        return u32(OP_FLAGS, IORING_FSYNC_DATASYNC());
    }

    /**
     * IORING_OP_OPENAT; {@code path} is a NUL-terminated string the kernel copies when it consumes the
     * SQE, from a global or automatic arena (kept reachable until the completion). The result is the new fd.
     */
    public Sqe openat(int dirfd, MemorySegment path, int flags, int mode) {
        long addr = keptAddress(path, "openat");
        rw(IORING_OP_OPENAT(), dirfd, addr, mode, 0);
        held(path);
        return u32(OP_FLAGS, flags);
    }

    /** IORING_OP_OPENAT with a path the caller keeps alive until the completion. Needs native access. */
    public Sqe openatUnsafe(int dirfd, MemorySegment path, int flags, int mode) {
        rw(IORING_OP_OPENAT(), dirfd, unsafeAddress(path, "openat"), mode, 0);
        return u32(OP_FLAGS, flags);
    }

    /**
     * IORING_OP_OPENAT straight into the registered file table at {@code fileIndex} (or
     * {@code IORING_FILE_INDEX_ALLOC} to let the kernel pick and return it); no regular fd is made.
     */
    public Sqe openatDirect(int dirfd, MemorySegment path, int flags, int mode, int fileIndex) {
        openat(dirfd, path, flags, mode);
        int slot = fileIndex == IORING_FILE_INDEX_ALLOC() ? fileIndex : fileIndex + 1;
        return u32(FILE_INDEX, slot);
    }

    /** {@link #openatDirect} with a path the caller keeps alive until the completion. Needs native access. */
    public Sqe openatDirectUnsafe(int dirfd, MemorySegment path, int flags, int mode, int fileIndex) {
        openatUnsafe(dirfd, path, flags, mode);
        int slot = fileIndex == IORING_FILE_INDEX_ALLOC() ? fileIndex : fileIndex + 1;
        return u32(FILE_INDEX, slot);
    }

    /** IORING_OP_CLOSE of a regular fd. */
    public Sqe close(int fd) {
        return rw(IORING_OP_CLOSE(), fd, 0, 0, 0);
    }

    /** IORING_OP_CLOSE of registered file slot {@code fileIndex} (Linux 5.15); no regular fd is involved. */
    public Sqe closeDirect(int fileIndex) {
        rw(IORING_OP_CLOSE(), 0, 0, 0, 0);
        return u32(FILE_INDEX, fileIndex + 1);
    }

    /**
     * IORING_OP_STATX into {@code statxBuf} (a {@code struct statx}, 256 bytes, written at completion:
     * keep it alive until then); {@code path} is copied when the kernel consumes the SQE. With an empty
     * path and {@code AT_EMPTY_PATH} in {@code flags}, it stats {@code dirfd} itself.
     */
    public Sqe statx(int dirfd, MemorySegment path, int flags, int mask, MemorySegment statxBuf) {
        long pathAddr = keptAddress(path, "statx");
        long bufAddr = keptAddress(statxBuf, "statx");
        rw(IORING_OP_STATX(), dirfd, pathAddr, mask, bufAddr);
        held(new MemorySegment[] {path, statxBuf});   // not on the I/O path: one small array
        return u32(OP_FLAGS, flags);
    }

    /** IORING_OP_STATX with memory the caller keeps alive until the completion. Needs native access. */
    public Sqe statxUnsafe(int dirfd, MemorySegment path, int flags, int mask, MemorySegment statxBuf) {
        long pathAddr = unsafeAddress(path, "statx");
        rw(IORING_OP_STATX(), dirfd, pathAddr, mask, unsafeAddress(statxBuf, "statx"));
        return u32(OP_FLAGS, flags);
    }

    /** IORING_OP_FALLOCATE. */
    public Sqe fallocate(int fd, int mode, long offset, long length) {
        // The kernel ABI puts the length in addr and the mode in len for this opcode.
        return rw(IORING_OP_FALLOCATE(), fd, length, mode, offset);
    }

    /**
     * IORING_OP_TIMEOUT: completes with -ETIME after {@code timespec} ({@code struct __kernel_timespec}),
     * or with 0 once {@code count} other completions have posted (0 = pure timer). The kernel copies the
     * timespec when it consumes the SQE.
     */
    public Sqe timeout(MemorySegment timespec, int count, int timeoutFlags) {
        long addr = keptAddress(timespec, "timeout");
        rw(IORING_OP_TIMEOUT(), -1, addr, 1, Integer.toUnsignedLong(count));
        held(timespec);
        return u32(OP_FLAGS, timeoutFlags);
    }

    /** {@link #timeout(MemorySegment, int, int)} with a timespec the caller keeps alive until the completion. */
    public Sqe timeoutUnsafe(MemorySegment timespec, int count, int timeoutFlags) {
        rw(IORING_OP_TIMEOUT(), -1, unsafeAddress(timespec, "timeout"), 1, Integer.toUnsignedLong(count));
        return u32(OP_FLAGS, timeoutFlags);
    }

    /** IORING_OP_TIMEOUT, a pure timer of {@code duration} (relative, CLOCK_MONOTONIC); completes with -ETIME. */
    public Sqe timeout(Duration duration) {
        return timeout(duration, 0, 0);
    }

    /**
     * IORING_OP_TIMEOUT of {@code duration}, or satisfied by {@code count} other completions (0 = pure
     * timer). The timespec lives in a scratch slot the ring owns for this SQE slot: the kernel copies it
     * when it consumes the SQE (io_uring/timeout.c, {@code __io_timeout_prep}), and the slot is not
     * rewritten before the kernel has consumed this SQE, so no memory needs to outlive the call.
     */
    public Sqe timeout(Duration duration, int count, int timeoutFlags) {
        return timeoutNanos(toNanos(duration), count, timeoutFlags);
    }

    /** As {@link #timeout(Duration, int, int)} with the duration in nanoseconds (no object needed). */
    public Sqe timeoutNanos(long nanos, int count, int timeoutFlags) {
        long timespec = scratchTimespec(nanos);
        rw(IORING_OP_TIMEOUT(), -1, timespec, 1, Integer.toUnsignedLong(count));
        return u32(OP_FLAGS, timeoutFlags);
    }

    /** IORING_OP_TIMEOUT_REMOVE of the timeout submitted with {@code targetUserData}. */
    public Sqe timeoutRemove(long targetUserData) {
        return rw(IORING_OP_TIMEOUT_REMOVE(), -1, targetUserData, 0, 0);
    }

    /**
     * IORING_OP_LINK_TIMEOUT: bounds the SQE linked before it (which must carry {@link #link()}); the
     * kernel copies the timespec when it consumes the SQE.
     */
    public Sqe linkTimeout(MemorySegment timespec, int timeoutFlags) {
        long addr = keptAddress(timespec, "linkTimeout");
        rw(IORING_OP_LINK_TIMEOUT(), -1, addr, 1, 0);
        held(timespec);
        return u32(OP_FLAGS, timeoutFlags);
    }

    /**
     * IORING_OP_LINK_TIMEOUT of {@code duration}: the SQE linked before it is cancelled (-ECANCELED) if it
     * has not completed by then, and this one completes with -ETIME; if it completes first, this one
     * completes with -ECANCELED. The timespec lives in the ring's scratch slot (see {@link #timeout(Duration)}).
     */
    public Sqe linkTimeout(Duration duration) {
        return linkTimeoutNanos(toNanos(duration), 0);
    }

    /** As {@link #linkTimeout(Duration)} with the duration in nanoseconds and {@code IORING_TIMEOUT_*} flags. */
    public Sqe linkTimeoutNanos(long nanos, int timeoutFlags) {
        long timespec = scratchTimespec(nanos);
        rw(IORING_OP_LINK_TIMEOUT(), -1, timespec, 1, 0);
        return u32(OP_FLAGS, timeoutFlags);
    }

    /** Writes {@code nanos} into this SQE slot's scratch timespec and returns its address. */
    private long scratchTimespec(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("timeout must be >= 0 ns, got " + nanos);
        }
        long offset = (base >>> sqeShift) * TIMESPEC_BYTES;
        timespecs.set(ValueLayout.JAVA_LONG, offset + TV_SEC, nanos / NANOS_PER_SECOND);
        timespecs.set(ValueLayout.JAVA_LONG, offset + TV_NSEC, nanos % NANOS_PER_SECOND);
        return timespecs.address() + offset;
    }

    private static long toNanos(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, got " + duration);
        }
        // Duration.toNanos overflows past ~292 years; no timeout needs that, and saturating keeps it valid.
        return duration.getSeconds() >= Long.MAX_VALUE / NANOS_PER_SECOND ? Long.MAX_VALUE : duration.toNanos();
    }

    /**
     * IORING_OP_ASYNC_CANCEL of the request submitted with {@code targetUserData} ({@code flags}:
     * IORING_ASYNC_CANCEL_*, 0 for the first match). Completes with 0 when it cancelled (the target then
     * completes with -ECANCELED), -ENOENT when nothing matched, -EALREADY when the target was already
     * running; with ALL or ANY, with the number cancelled.
     */
    public Sqe cancel(long targetUserData, int flags) {
        rw(IORING_OP_ASYNC_CANCEL(), -1, targetUserData, 0, 0);
        return u32(OP_FLAGS, flags);
    }

    /**
     * IORING_OP_ASYNC_CANCEL of requests on {@code fd} (IORING_ASYNC_CANCEL_FD, Linux 5.19, plus
     * {@code extraFlags}: IORING_ASYNC_CANCEL_ALL for every one, then the result is how many).
     */
    public Sqe cancelFd(int fd, int extraFlags) {
        rw(IORING_OP_ASYNC_CANCEL(), fd, 0, 0, 0);
        return u32(OP_FLAGS, IORING_ASYNC_CANCEL_FD() | extraFlags);
    }

    /**
     * Raw access for operations without a helper: sets the common fields. The kernel may use {@code addr}
     * as memory until the completion: keep it alive. Needs native access.
     */
    public Sqe prepUnsafe(int opcode, int fd, long addr, int len, long offset) {
        requireUnsafe("prep");
        return rw(opcode, fd, addr, len, offset);
    }

    /** Raw access: sets {@code addr3} (an address for some operations: keep it alive). Needs native access. */
    public Sqe addr3Unsafe(long value) {
        requireUnsafe("addr3");
        return u64(ADDR3, value);
    }

    /** Raw access: sets the 32-bit field at byte 44 ({@code file_index} / {@code splice_fd_in}). */
    public Sqe fileIndexField(int value) {
        return u32(FILE_INDEX, value);
    }

    /** IORING_OP_READ into a buffer the kernel picks from group {@code group} (no address of ours). */
    Sqe readSelect(int fd, int maxLen, long offset, int group) {
        return rw(IORING_OP_READ(), fd, 0, maxLen, offset).bufferSelect(group);
    }

    /** Raw access: sets {@code buf_index} / {@code buf_group}. */
    public Sqe bufIndex(int value) {
        return u16(BUF_INDEX, value);
    }
}
