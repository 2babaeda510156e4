package dev.iobuf.uring.file;

import dev.iobuf.Lease;
import dev.iobuf.uring.UserData;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One operation slot of a {@link FileRing}: what to submit, the memory it needs, who waits, and the
 * result. Slots are made once and reused (the blocking path allocates nothing per call).
 *
 * <p>Ownership and ordering: the submitter writes the request fields, then offers the slot index to
 * the submit queue (a release store); the ring thread reads them after polling the index (an acquire
 * load). The ring thread writes the result, then {@link #state} = {@link #DONE} with a release store;
 * the waiter reads {@code state} with an acquire load, then the result. {@link #keepAlive} holds the
 * memory the kernel may touch (a segment, a buffer, a path) from before the offer until the caller
 * saw DONE: the slot cannot be reused before then, so nothing the kernel uses can be collected.
 */
final class FileOp {
    // kinds
    static final byte READ = 1;
    static final byte WRITE = 2;
    static final byte READV = 3;
    static final byte WRITEV = 4;
    static final byte FSYNC = 5;
    static final byte FALLOCATE = 6;
    static final byte FTRUNCATE = 7;
    static final byte STATX = 8;
    static final byte OPENAT = 9;
    static final byte CLOSE = 10;
    /** A write linked (IOSQE_IO_LINK) to an fsync: two SQEs, one op. */
    static final byte WRITE_FSYNC = 11;
    /** Runs {@link #task} on the ring thread (registration changes, which the ring's thread must make). */
    static final byte TASK = 12;

    // states
    static final int IDLE = 0;
    static final int QUEUED = 1;
    static final int DONE = 2;
    /** Transitional: a closer that found the op queued on a dead ring is failing it. */
    static final int SWEPT = 3;

    /** Result of an op failed because the service closed. */
    static final int CLOSED = Integer.MIN_VALUE;
    /** Result of an op failed because its file closed before the op reached the kernel. */
    static final int FILE_CLOSED = Integer.MIN_VALUE + 1;
    /** Result of a task that threw (the exception is in {@link #failure}). */
    static final int TASK_FAILED = Integer.MIN_VALUE + 2;

    static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(FileOp.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final int index;
    /** 256 bytes of native memory of the ring's own: statx results, copied iovecs. */
    final MemorySegment scratch;

    // ---- request (submitter)
    byte kind;
    /** The fd, or the registered file slot when {@link #fixedFile}. */
    int fd;
    boolean fixedFile;
    long addr;
    int len;
    /** File offset; for FALLOCATE the offset, for FTRUNCATE the length. */
    long position;
    /** Registered buffer slot, or -1. */
    int bufIndex;
    /** fsync flags, fallocate mode, open flags, statx mask, iovec count. */
    int flags;
    /** fallocate length, open mode. */
    long extra;
    /** The memory the kernel touches (segment, ByteBuffer, pool, path), held until DONE. */
    Object keepAlive;
    /** The lease on the pool whose buffer the op uses, retained while queued or in the kernel; or null. */
    Lease lease;
    /** The kernel never completed it before its ring closed: its memory and lease are kept for good. */
    boolean stranded;
    /** The file the op works on (null for tasks and opens): its close waits for the op. */
    UringFile file;
    Runnable task;
    Thread waiter;

    // ---- ring thread
    /** The user_data of the op's main SQE while it is in the kernel ({@link #userData(int)}). */
    long userData;
    /** SQEs of this op whose completion has not arrived. */
    int inKernel;
    /** Bytes written so far by earlier parts of a write that came back short. */
    long written;
    /** WRITE_FSYNC: the write's result. */
    int writeResult;

    // ---- completion
    int result;
    Throwable failure;
    @SuppressWarnings("unused") // through STATE
    volatile int state;
    int generation;

    /** user_data's op for a file op's SQEs (the library's one codec, {@link UserData}); aux is the part. */
    static final int USER_DATA_OP = 1;
    /** user_data's op for the armed eventfd read that wakes the ring thread. */
    static final int WAKE_OP = 2;
    /** user_data's op for cancels, whose completions nobody waits for. */
    static final int CANCEL_OP = 3;
    /** The part of an op's main SQE. */
    static final int MAIN_PART = 0;
    /** The part of the fsync linked after a write ({@link #WRITE_FSYNC}). */
    static final int FSYNC_PART = 1;

    /** The user_data of this op's SQE {@code part} at its current generation; the ring thread's. */
    long userData(int part) {
        return UserData.of(USER_DATA_OP, part, index, generation);
    }

    FileOp(int index, MemorySegment scratch) {
        this.index = index;
        this.scratch = scratch;
    }

    /** Clears the request for a new use; the submitter's. */
    FileOp reset(byte kind, UringFile file) {
        this.kind = kind;
        this.file = file;
        this.fd = -1;
        this.fixedFile = false;
        this.addr = 0;
        this.len = 0;
        this.position = 0;
        this.bufIndex = -1;
        this.flags = 0;
        this.extra = 0;
        this.keepAlive = null;
        this.lease = null;
        this.stranded = false;
        this.task = null;
        this.failure = null;
        this.written = 0;
        this.result = 0;
        this.waiter = Thread.currentThread();
        this.generation = UserData.next(generation);
        STATE.setOpaque(this, IDLE);
        return this;
    }

    boolean isDone() {
        return (int) STATE.getAcquire(this) == DONE;
    }

    /** Publishes {@code r} and wakes the waiter (read before DONE: afterwards the slot may be reused). */
    void finish(int r) {
        Thread w = waiter;
        result = r;
        STATE.setRelease(this, DONE);
        java.util.concurrent.locks.LockSupport.unpark(w);
    }

    /** Publishes {@code r} on the waiter's own thread (the op ran synchronously: nobody to wake). */
    void complete(int r) {
        result = r;
        STATE.setRelease(this, DONE);
    }

    /** After the ring thread is gone: fails a still-queued op once (the sweeper or the submitter). */
    boolean sweep() {
        if (STATE.compareAndSet(this, QUEUED, SWEPT)) {
            finish(CLOSED);
            return true;
        }
        return false;
    }

    /** Forgets the references it held (after the caller consumed the result). */
    void clear() {
        keepAlive = null;
        lease = null;
        file = null;
        task = null;
        waiter = null;
        failure = null;
    }
}
