package dev.iobuf.uring;

import static dev.iobuf.liburing.LibUring.*;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;

/**
 * A view of one submission queue entry, reused for every SQE of its ring (a flyweight: no
 * allocation per operation). {@link Ring#nextSqe()} positions it on a zeroed slot; a {@code prep}
 * method fills the operation, the other setters add user data and flags. The view is valid until
 * the next {@code nextSqe()} call on the same ring; after the ring is closed any use throws
 * {@link IllegalStateException}.
 *
 * <p>Memory an SQE points to: the kernel reads paths (openat, statx), timespecs (timeout,
 * link_timeout) and iovec arrays when it consumes the SQE (at {@link Ring#submit()}; with SQPOLL,
 * at some point before the completion), and reads or writes data buffers until the operation
 * completes. Keep each alive that long.
 *
 * <p>Field offsets follow {@code struct io_uring_sqe} (64 bytes), checked against the C headers by
 * native-bindings' layout conformance test.
 */
public final class Sqe {
    static final long OPCODE = 0;
    static final long FLAGS = 1;
    static final long IOPRIO = 2;
    static final long FD = 4;
    static final long OFF = 8;            // also addr2
    static final long ADDR = 16;          // also splice_off_in
    static final long LEN = 24;
    static final long OP_FLAGS = 28;      // rw_flags, fsync_flags, timeout_flags, open_flags, ...
    static final long USER_DATA = 32;
    static final long BUF_INDEX = 40;     // also buf_group
    static final long PERSONALITY = 42;
    static final long FILE_INDEX = 44;    // also splice_fd_in
    static final long ADDR3 = 48;
    /** Bytes of one scratch {@code struct __kernel_timespec} (tv_sec, tv_nsec). */
    static final int TIMESPEC_BYTES = 16;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final MemorySegment sqes;
    private final MemorySegment timespecs;
    private final int sqeShift;
    private long base;

    /**
     * @param sqes the ring's SQE array
     * @param timespecs one scratch timespec per SQE slot ({@code entries * 16} bytes), owned by the ring
     * @param sqeShift log2 of the SQE size
     */
    Sqe(MemorySegment sqes, MemorySegment timespecs, int sqeShift) {
        this.sqes = sqes;
        this.timespecs = timespecs;
        this.sqeShift = sqeShift;
    }

    Sqe at(long offset) {
        this.base = offset;
        return this;
    }

    private Sqe rw(int opcode, int fd, long addr, int len, long offset) {
        sqes.set(ValueLayout.JAVA_BYTE, base + OPCODE, (byte) opcode);
        sqes.set(ValueLayout.JAVA_INT, base + FD, fd);
        sqes.set(ValueLayout.JAVA_LONG, base + OFF, offset);
        sqes.set(ValueLayout.JAVA_LONG, base + ADDR, addr);
        sqes.set(ValueLayout.JAVA_INT, base + LEN, len);
        return this;
    }

    private Sqe u32(long field, int value) {
        sqes.set(ValueLayout.JAVA_INT, base + field, value);
        return this;
    }

    private Sqe u16(long field, int value) {
        sqes.set(ValueLayout.JAVA_SHORT, base + field, (short) value);
        return this;
    }

    private Sqe u64(long field, long value) {
        sqes.set(ValueLayout.JAVA_LONG, base + field, value);
        return this;
    }

    // ---- common fields ----

    /** The caller's 64-bit value, returned unchanged in the CQE. */
    public Sqe userData(long userData) {
        return u64(USER_DATA, userData);
    }

    /** Sets {@code IOSQE_*} flags (replacing earlier ones). */
    public Sqe flags(int iosqeFlags) {
        sqes.set(ValueLayout.JAVA_BYTE, base + FLAGS, (byte) iosqeFlags);
        return this;
    }

    private Sqe addFlags(int iosqeFlags) {
        byte f = sqes.get(ValueLayout.JAVA_BYTE, base + FLAGS);
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

    /** IORING_OP_READ into {@code len} bytes at native address {@code addr}; {@code offset} -1 = file position. */
    public Sqe read(int fd, long addr, int len, long offset) {
        return rw(IORING_OP_READ(), fd, addr, len, offset);
    }

    /** IORING_OP_READ into {@code buffer}. */
    public Sqe read(int fd, MemorySegment buffer, long offset) {
        return read(fd, buffer.address(), lengthOf(buffer), offset);
    }

    /** IORING_OP_WRITE from {@code len} bytes at {@code addr}. */
    public Sqe write(int fd, long addr, int len, long offset) {
        return rw(IORING_OP_WRITE(), fd, addr, len, offset);
    }

    /** IORING_OP_WRITE from {@code buffer}. */
    public Sqe write(int fd, MemorySegment buffer, long offset) {
        return write(fd, buffer.address(), lengthOf(buffer), offset);
    }

    /** IORING_OP_READ_FIXED: {@code addr..addr+len} must lie inside registered buffer {@code bufIndex}. */
    public Sqe readFixed(int fd, long addr, int len, long offset, int bufIndex) {
        rw(IORING_OP_READ_FIXED(), fd, addr, len, offset);
        return u16(BUF_INDEX, bufIndex);
    }

    /** IORING_OP_WRITE_FIXED: {@code addr..addr+len} must lie inside registered buffer {@code bufIndex}. */
    public Sqe writeFixed(int fd, long addr, int len, long offset, int bufIndex) {
        rw(IORING_OP_WRITE_FIXED(), fd, addr, len, offset);
        return u16(BUF_INDEX, bufIndex);
    }

    /** IORING_OP_READV into the {@code count} iovecs at {@code iovecs}. */
    public Sqe readv(int fd, long iovecs, int count, long offset) {
        return rw(IORING_OP_READV(), fd, iovecs, count, offset);
    }

    /** IORING_OP_WRITEV from the {@code count} iovecs at {@code iovecs}. */
    public Sqe writev(int fd, long iovecs, int count, long offset) {
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
     * SQE. The result is the new fd.
     */
    public Sqe openat(int dirfd, MemorySegment path, int flags, int mode) {
        rw(IORING_OP_OPENAT(), dirfd, path.address(), mode, 0);
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
        rw(IORING_OP_STATX(), dirfd, path.address(), mask, statxBuf.address());
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
        rw(IORING_OP_TIMEOUT(), -1, timespec.address(), 1, Integer.toUnsignedLong(count));
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
        rw(IORING_OP_LINK_TIMEOUT(), -1, timespec.address(), 1, 0);
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
        timespecs.set(ValueLayout.JAVA_LONG, offset, nanos / NANOS_PER_SECOND);
        timespecs.set(ValueLayout.JAVA_LONG, offset + 8, nanos % NANOS_PER_SECOND);
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

    /** Raw access for operations without a helper: sets the common fields. */
    public Sqe prep(int opcode, int fd, long addr, int len, long offset) {
        return rw(opcode, fd, addr, len, offset);
    }

    /** Raw access: sets {@code addr3}. */
    public Sqe addr3(long value) {
        return u64(ADDR3, value);
    }

    /** Raw access: sets the 32-bit field at byte 44 ({@code file_index} / {@code splice_fd_in}). */
    public Sqe fileIndexField(int value) {
        return u32(FILE_INDEX, value);
    }

    /** Raw access: sets {@code buf_index} / {@code buf_group}. */
    public Sqe bufIndex(int value) {
        return u16(BUF_INDEX, value);
    }

    /** Byte offset of this SQE in the SQE array (for tests and diagnostics). */
    long offset() {
        return base;
    }

    private static int lengthOf(MemorySegment buffer) {
        long size = buffer.byteSize();
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("buffer of " + size + " bytes is larger than one io_uring "
                    + "read/write can move (2^31-1); split it");
        }
        return (int) size;
    }
}
