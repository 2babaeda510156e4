package dev.iobuf.uring;

import static dev.iobuf.liburing.LibUring.*;
import static dev.iobuf.liburing.NewerKernelConstants.*;

import dev.iobuf.liburing.__kernel_timespec;
import dev.iobuf.liburing.io_uring_sqe;

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
 * <p>Memory an SQE points to: the kernel reads paths (openat, statx), timespecs (timeout,
 * link_timeout) and iovec arrays when it consumes the SQE (at {@link Ring#submit()}; with SQPOLL,
 * at some point before the completion), and reads or writes data buffers until the operation
 * completes. Keep each alive that long.
 *
 * <p>Field offsets come from the generated {@code struct io_uring_sqe} layout (jextract; checked against the C
 * headers by native-bindings' layout conformance test), read once into static finals that the JIT folds.
 */
public final class Sqe {
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
    private static final int FD_SHIFT = (int) (FD - OPCODE) * Byte.SIZE;
    /** Bytes of one scratch {@code struct __kernel_timespec} (tv_sec, tv_nsec). */
    static final int TIMESPEC_BYTES = (int) __kernel_timespec.sizeof();
    private static final long TV_SEC = __kernel_timespec.tv_sec$offset();
    private static final long TV_NSEC = __kernel_timespec.tv_nsec$offset();
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final MemorySegment sqes;
    private final MemorySegment timespecs;
    private final int sqeShift;
    private long base;
    private int state = SEALED;
    /** Set once any SQE of the ring carried IOSQE_CQE_SKIP_SUCCESS: only then does accounting scan flags. */
    boolean skipSuccessUsed;

    private static final int CLAIMED = 1;
    private static final int PREPARED = 2;
    private static final int SEALED = 3;
    private static final boolean LITTLE_ENDIAN = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN;

    /**
     * @param sqes the ring's SQE array
     * @param timespecs one scratch timespec per SQE slot ({@code entries * TIMESPEC_BYTES}), owned by the ring
     * @param sqeShift log2 of the SQE size
     */
    Sqe(MemorySegment sqes, MemorySegment timespecs, int sqeShift) {
        this.sqes = sqes;
        this.timespecs = timespecs;
        this.sqeShift = sqeShift;
    }

    /** Positions the view on a freshly claimed slot, whose bytes still hold an older SQE. */
    Sqe at(long offset) {
        this.base = offset;
        this.state = CLAIMED;
        return this;
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
     * needs no separate clearing pass (one store per 8 bytes, like liburing's io_uring_prep_rw).
     */
    private Sqe rw(int opcode, int fd, long addr, int len, long offset) {
        if (state == SEALED) {
            throw sealed();
        }
        long b = base;
        if (LITTLE_ENDIAN) {
            // opcode, flags=0, ioprio=0, fd: one store (the word at OPCODE, see SqeLayoutTest)
            sqes.set(ValueLayout.JAVA_LONG, b + OPCODE, (opcode & 0xFFL) | ((fd & 0xFFFF_FFFFL) << FD_SHIFT));
            sqes.set(ValueLayout.JAVA_LONG, b + OFF, offset);
            sqes.set(ValueLayout.JAVA_LONG, b + ADDR, addr);
            sqes.set(ValueLayout.JAVA_LONG, b + LEN, len & 0xFFFF_FFFFL);              // len, op flags=0
        } else {
            sqes.set(ValueLayout.JAVA_LONG, b, 0L);
            sqes.set(ValueLayout.JAVA_LONG, b + LEN, 0L);
            sqes.set(ValueLayout.JAVA_BYTE, b + OPCODE, (byte) opcode);
            sqes.set(ValueLayout.JAVA_INT, b + FD, fd);
            sqes.set(ValueLayout.JAVA_LONG, b + OFF, offset);
            sqes.set(ValueLayout.JAVA_LONG, b + ADDR, addr);
            sqes.set(ValueLayout.JAVA_INT, b + LEN, len);
        }
        sqes.set(ValueLayout.JAVA_LONG, b + USER_DATA, 0L);
        sqes.set(ValueLayout.JAVA_LONG, b + BUF_INDEX, 0L);                            // buf_index, personality, file_index
        sqes.set(ValueLayout.JAVA_LONG, b + ADDR3, 0L);
        sqes.set(ValueLayout.JAVA_LONG, b + PAD2, 0L);
        state = PREPARED;
        return this;
    }

    /** Field setters need a prepared entry: a prep method writes all 64 bytes and would erase them. */
    private void requirePrepared() {
        if (state != PREPARED) {
            throw state == SEALED ? sealed() : new IllegalStateException("call an operation method (nop, read, "
                    + "send, ...) on this Sqe before setting user data or flags: it writes the whole entry");
        }
    }

    private static IllegalStateException sealed() {
        return new IllegalStateException("this Sqe view was submitted or moved on: take a new one with "
                + "Ring.nextSqe() for every operation");
    }

    private Sqe u32(long field, int value) {
        requirePrepared();
        sqes.set(ValueLayout.JAVA_INT, base + field, value);
        return this;
    }

    private Sqe u16(long field, int value) {
        requirePrepared();
        sqes.set(ValueLayout.JAVA_SHORT, base + field, (short) value);
        return this;
    }

    private Sqe u64(long field, long value) {
        requirePrepared();
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
        requirePrepared();
        if ((iosqeFlags & IOSQE_CQE_SKIP_SUCCESS()) != 0) {
            skipSuccessUsed = true;
        }
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

    // ---- network (sockets) ----
    //
    // Field use per opcode follows liburing's io_uring_prep_* helpers (liburing.h) and the kernel's
    // io_uring/net.c prep functions: msg_flags (MSG_*) sit in the op-flags word, the op's own
    // IORING_RECVSEND_* / IORING_ACCEPT_* / zero-copy flags in ioprio, address lengths in off (addr2).

    /**
     * IORING_OP_ACCEPT (Linux 5.5): the result is the new fd. {@code addr}/{@code addrLenAddr} point to a
     * {@code struct sockaddr} and its {@code socklen_t} (in: capacity, out: length), or are 0 when the peer
     * address is not wanted; {@code flags} are accept4's ({@code SOCK_CLOEXEC}, {@code SOCK_NONBLOCK}).
     */
    public Sqe accept(int fd, long addr, long addrLenAddr, int flags) {
        rw(IORING_OP_ACCEPT(), fd, addr, 0, addrLenAddr);
        return u32(OP_FLAGS, flags);
    }

    /**
     * Multishot IORING_OP_ACCEPT (IORING_ACCEPT_MULTISHOT, Linux 5.19): one SQE accepts connection after
     * connection, each posting a CQE with the new fd and IORING_CQE_F_MORE. A CQE without F_MORE (an error,
     * a cancellation, or the kernel ending it) means it is no longer armed: submit it again. No peer address
     * (every accept would overwrite the same one).
     */
    public Sqe acceptMultishot(int fd, int flags) {
        accept(fd, 0, 0, flags);
        return orIoprio(IORING_ACCEPT_MULTISHOT());
    }

    /**
     * IORING_OP_CONNECT (Linux 5.5) to the {@code addrLen}-byte {@code struct sockaddr} at {@code sockaddr}.
     * The kernel copies the address when it prepares the SQE. Result 0, or {@code -errno}
     * ({@code -ECONNREFUSED}, ...).
     */
    public Sqe connect(int fd, long sockaddr, int addrLen) {
        return rw(IORING_OP_CONNECT(), fd, sockaddr, 0, Integer.toUnsignedLong(addrLen));
    }

    /** IORING_OP_CONNECT to the address in {@code sockaddr} (its whole length). */
    public Sqe connect(int fd, MemorySegment sockaddr) {
        return connect(fd, sockaddr.address(), lengthOf(sockaddr));
    }

    /**
     * IORING_OP_RECV (Linux 5.6) of up to {@code len} bytes into {@code addr}; {@code msgFlags} are recv(2)'s.
     * Result: bytes received, 0 at end of stream, or {@code -errno}.
     */
    public Sqe recv(int fd, long addr, int len, int msgFlags) {
        rw(IORING_OP_RECV(), fd, addr, len, 0);
        return u32(OP_FLAGS, msgFlags);
    }

    /** IORING_OP_RECV into {@code buffer}. */
    public Sqe recv(int fd, MemorySegment buffer, int msgFlags) {
        return recv(fd, buffer.address(), lengthOf(buffer), msgFlags);
    }

    /**
     * IORING_OP_RECV into a buffer the kernel picks from provided-buffer group {@code group}
     * (IOSQE_BUFFER_SELECT), at most {@code maxLen} bytes (0 = the whole buffer). The CQE names the
     * buffer ({@link BufferRing#select}); {@code -ENOBUFS} when the group is empty.
     */
    public Sqe recvSelect(int fd, int group, int maxLen, int msgFlags) {
        return recv(fd, 0, maxLen, msgFlags).bufferSelect(group);
    }

    /**
     * Multishot IORING_OP_RECV (IORING_RECV_MULTISHOT, Linux 6.0) from provided-buffer group {@code group}:
     * one SQE posts a CQE with IORING_CQE_F_MORE and a buffer for each chunk of data that arrives. It ends
     * with a CQE without F_MORE: 0 at end of stream, {@code -ENOBUFS} when the group ran dry, another
     * error, a cancellation, or the kernel stopping it (a positive result without F_MORE): then submit it
     * again if still wanted. Kernels before 6.0 reject the flag ({@code -EINVAL}).
     */
    public Sqe recvMultishot(int fd, int group, int msgFlags) {
        recvSelect(fd, group, 0, msgFlags);
        return orIoprio(IORING_RECV_MULTISHOT());
    }

    /**
     * Adds IORING_RECVSEND_BUNDLE (Linux 6.10) to a buffer-select recv or send: one CQE may then cover
     * several consecutive buffers of the group, starting at the one it names.
     */
    public Sqe bundle() {
        return orIoprio(IORING_RECVSEND_BUNDLE());
    }

    /**
     * Adds IORING_RECVSEND_POLL_FIRST (Linux 5.19) to a recv or send: wait for readiness before the first
     * attempt, for sockets expected to be empty (recv) or full (send).
     */
    public Sqe pollFirst() {
        return orIoprio(IORING_RECVSEND_POLL_FIRST());
    }

    /**
     * IORING_OP_SEND (Linux 5.6) of {@code len} bytes at {@code addr}; {@code msgFlags} are send(2)'s (pass
     * {@code MSG_NOSIGNAL} on sockets that may be closed by the peer). Result: bytes sent, possibly fewer
     * than asked, or {@code -errno}.
     */
    public Sqe send(int fd, long addr, int len, int msgFlags) {
        rw(IORING_OP_SEND(), fd, addr, len, 0);
        return u32(OP_FLAGS, msgFlags);
    }

    /** IORING_OP_SEND of all of {@code buffer}. */
    public Sqe send(int fd, MemorySegment buffer, int msgFlags) {
        return send(fd, buffer.address(), lengthOf(buffer), msgFlags);
    }

    /**
     * IORING_OP_SEND_ZC (Linux 6.0): a send whose pages the network stack references instead of copying.
     * Two CQEs: first the result (bytes or {@code -errno}) with IORING_CQE_F_MORE when a notification
     * follows; then the notification (IORING_CQE_F_NOTIF, same user_data, no F_MORE) once the kernel no
     * longer reads the buffer. The buffer must not change until the notification. {@code zcFlags}:
     * IORING_SEND_ZC_REPORT_USAGE makes the notification's result carry IORING_NOTIF_USAGE_ZC_COPIED when
     * the kernel copied after all (loopback always does).
     */
    public Sqe sendZc(int fd, long addr, int len, int msgFlags, int zcFlags) {
        rw(IORING_OP_SEND_ZC(), fd, addr, len, 0);
        u16(IOPRIO, zcFlags);
        return u32(OP_FLAGS, msgFlags);
    }

    /**
     * IORING_OP_SENDMSG (Linux 5.3) of the {@code struct msghdr} at {@code msghdr} (a gathered send: its
     * {@code msg_iov} array). The kernel copies the msghdr and the iovec array when it prepares the SQE;
     * the data buffers must stay until the completion.
     */
    public Sqe sendmsg(int fd, long msghdr, int msgFlags) {
        rw(IORING_OP_SENDMSG(), fd, msghdr, 1, 0);
        return u32(OP_FLAGS, msgFlags);
    }

    /** IORING_OP_SENDMSG_ZC (Linux 6.1): {@link #sendmsg} with {@link #sendZc}'s two-CQE protocol. */
    public Sqe sendmsgZc(int fd, long msghdr, int msgFlags, int zcFlags) {
        rw(IORING_OP_SENDMSG_ZC(), fd, msghdr, 1, 0);
        u16(IOPRIO, zcFlags);
        return u32(OP_FLAGS, msgFlags);
    }

    /** IORING_OP_RECVMSG (Linux 5.3) into the {@code struct msghdr} at {@code msghdr}. */
    public Sqe recvmsg(int fd, long msghdr, int msgFlags) {
        rw(IORING_OP_RECVMSG(), fd, msghdr, 1, 0);
        return u32(OP_FLAGS, msgFlags);
    }

    /** IORING_OP_SHUTDOWN (Linux 5.11): shutdown(2) with {@code how} = SHUT_RD 0, SHUT_WR 1, SHUT_RDWR 2. */
    public Sqe shutdown(int fd, int how) {
        return rw(IORING_OP_SHUTDOWN(), fd, 0, how, 0);
    }

    /** IORING_OP_SOCKET (Linux 5.19): socket(2); the result is the new fd. {@code flags} must be 0 today. */
    public Sqe socket(int domain, int type, int protocol, int flags) {
        rw(IORING_OP_SOCKET(), domain, 0, protocol, Integer.toUnsignedLong(type));
        return u32(OP_FLAGS, flags);
    }

    /** IORING_OP_BIND (Linux 6.11) to the {@code addrLen}-byte {@code struct sockaddr} at {@code sockaddr}. */
    public Sqe bind(int fd, long sockaddr, int addrLen) {
        return rw(IORING_OP_BIND(), fd, sockaddr, 0, Integer.toUnsignedLong(addrLen));
    }

    /** IORING_OP_LISTEN (Linux 6.11) with {@code backlog}. */
    public Sqe listen(int fd, int backlog) {
        return rw(IORING_OP_LISTEN(), fd, 0, backlog, 0);
    }

    /**
     * IORING_OP_MSG_RING (Linux 5.18), IORING_MSG_DATA: posts a CQE with {@code result} and {@code userData}
     * on the ring whose fd is {@code ringFd}; this ring gets its own CQE (0 or {@code -errno}) unless
     * {@code flags} has IORING_MSG_RING_CQE_SKIP.
     */
    public Sqe msgRing(int ringFd, int result, long userData, int flags) {
        rw(IORING_OP_MSG_RING(), ringFd, IORING_MSG_DATA(), result, userData);
        return u32(OP_FLAGS, flags);
    }

    /** IORING_OP_POLL_ADD (Linux 5.1) of {@code events} (POLLIN 0x1, POLLOUT 0x4, ...); the result is the ready mask. */
    public Sqe pollAdd(int fd, int events) {
        rw(IORING_OP_POLL_ADD(), fd, 0, 0, 0);
        return u32(OP_FLAGS, events);
    }

    /** Multishot IORING_OP_POLL_ADD (IORING_POLL_ADD_MULTI, Linux 5.13): a CQE with F_MORE per readiness event. */
    public Sqe pollMultishot(int fd, int events) {
        rw(IORING_OP_POLL_ADD(), fd, 0, IORING_POLL_ADD_MULTI(), 0);
        return u32(OP_FLAGS, events);
    }

    private Sqe orIoprio(int bits) {
        short old = sqes.get(ValueLayout.JAVA_SHORT, base + IOPRIO);
        return u16(IOPRIO, old | bits);
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
