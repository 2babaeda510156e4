package dev.iobuf.uring.file;

import static dev.iobuf.liburing.LibUring.IORING_FSYNC_DATASYNC;

import dev.iobuf.BufferPool;
import dev.iobuf.IoVec;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * A file opened through a {@link FileIo}: positional I/O from any thread, blocking (a virtual thread
 * parks and frees its carrier), as a {@link CompletableFuture} ({@link #async}), or in a
 * {@link FileBatch}. Semantics follow {@code FileChannel}: a read returns the bytes read, fewer at the
 * end of the file, -1 at it; a write writes everything (short writes are resubmitted internally).
 *
 * <p><b>Memory.</b> Reads and writes take a {@link MemorySegment}, a {@link ByteBuffer} or a
 * {@link BufferPool} buffer. A buffer of a pool registered with the service goes by READ_FIXED /
 * WRITE_FIXED; memory that provably outlives the call (global or automatic arenas, direct
 * ByteBuffers, pool buffers, a confined arena of the calling thread) is used in place; anything else
 * (heap memory, shared arenas) is copied through the service's registered buffers.
 *
 * <p><b>O_DIRECT</b> ({@link UringOpenOption#DIRECT}): offsets, lengths and addresses must meet
 * {@link #alignment()}; a misaligned call throws {@link IllegalArgumentException} before any system call.
 *
 * <p><b>Interrupts and close.</b> Interrupting a thread blocked here cancels its operation, waits until
 * the kernel let go of its memory, closes this file and throws {@link ClosedByInterruptException}, as
 * {@code FileChannel} does. {@link #close()} makes calls that have not reached the kernel fail with
 * {@link AsynchronousCloseException}, waits for those in it, then releases the descriptor.
 */
public final class UringFile implements AutoCloseable {
    /** The most one system call transfers on Linux ({@code MAX_RW_COUNT}). */
    public static final int MAX_TRANSFER = 0x7FFF_F000;
    private static final VarHandle ACTIVE;

    static {
        try {
            ACTIVE = MethodHandles.lookup().findVarHandle(UringFile.class, "active", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A call on a file, for {@link #async}. */
    @FunctionalInterface
    public interface FileCall<T> {
        /** Runs the call on {@code file}. */
        T call(UringFile file) throws IOException;
    }

    final FileIo io;
    private final Path path;
    private final OpenFlags flags;
    private final int fd;
    /** Registered file slot on every ring, or -1 (plain fd). */
    private final int slot;
    private final DirectAlignment alignment;
    /** The JDK channel the NIO transport does the I/O through ({@link ChannelOps}); null on io_uring. */
    final FileChannel nio;
    private final AtomicBoolean released = new AtomicBoolean();
    /** Calls inside this file right now; close waits for 0. */
    @SuppressWarnings("unused") // through ACTIVE
    private volatile int active;
    private volatile boolean closed;

    UringFile(FileIo io, Path path, OpenFlags flags, int fd, int slot, DirectAlignment alignment, FileChannel nio) {
        this.io = io;
        this.nio = nio;
        this.path = path;
        this.flags = flags;
        this.fd = fd;
        this.slot = slot;
        this.alignment = alignment;
    }

    // ---------------------------------------------------------------- reads

    /**
     * Reads into {@code dst} from {@code position} (at most {@link #MAX_TRANSFER} bytes).
     *
     * @return bytes read (fewer at the end of the file), or -1 if {@code position} is at or past it
     * @throws IllegalArgumentException if {@code position} is negative, or misaligned for O_DIRECT
     */
    public int read(MemorySegment dst, long position) throws IOException {
        requireReadable();
        checkPosition(position);
        long len = Math.min(dst.byteSize(), MAX_TRANSFER);
        if (len == 0) {
            return 0;
        }
        if (dst.isReadOnly()) {
            throw new IllegalArgumentException("read into a read-only segment");
        }
        begin();
        try {
            checkAlignment(position, len, dst);
            int bufIndex = dst.isNative() ? io.registeredSlot(dst.address(), len) : -1;
            if (bufIndex >= 0 || MemoryLifetime.heldAlive(dst)) {
                return CachedRead.readInPlace(this, fd, alignment == null, dst.address(), (int) len, position, bufIndex, dst);
            }
            return CopyingIo.read(this, dst, len, position);
        } finally {
            end();
        }
    }

    /** Reads into {@code dst} from {@code position}, advancing its position; see {@link #read(MemorySegment, long)}. */
    public int read(ByteBuffer dst, long position) throws IOException {
        if (dst.isReadOnly()) {
            throw new IllegalArgumentException("Read-only buffer");
        }
        int n = read(MemorySegment.ofBuffer(dst), position);
        if (n > 0) {
            dst.position(dst.position() + n);
        }
        return n;
    }

    /**
     * Reads {@code length} bytes at most into buffer {@code index} of {@code pool}, from {@code bufferOffset}
     * on: READ_FIXED when the pool is registered with the service. Allocates nothing.
     *
     * @return bytes read, or -1 at the end of the file
     */
    public int read(BufferPool pool, int index, long bufferOffset, int length, long position) throws IOException {
        requireReadable();
        checkPosition(position);
        long addr = RegisteredPool.address(pool, index, bufferOffset, length);
        if (length == 0) {
            return 0;
        }
        begin();
        try {
            checkAlignment(position, length, addr);
            return CachedRead.readInPlace(this, fd, alignment == null, addr, length, position, poolSlot(pool, index),
                    pool);
        } finally {
            end();
        }
    }

    // ---------------------------------------------------------------- writes

    /**
     * Writes all of {@code src} (at most {@link #MAX_TRANSFER} bytes) at {@code position}; in APPEND
     * mode at the end of the file whatever {@code position} says.
     *
     * @return bytes written
     */
    public int write(MemorySegment src, long position) throws IOException {
        requireWritable();
        checkPosition(position);
        long len = Math.min(src.byteSize(), MAX_TRANSFER);
        if (len == 0) {
            return 0;
        }
        begin();
        try {
            checkAlignment(position, len, src);
            int bufIndex = src.isNative() ? io.registeredSlot(src.address(), len) : -1;
            if (bufIndex >= 0 || MemoryLifetime.heldAlive(src)) {
                return op(FileOp.WRITE, src.address(), (int) len, position, bufIndex, src);
            }
            return CopyingIo.write(this, src, len, position, false, false);
        } finally {
            end();
        }
    }

    /** Writes {@code src}'s remaining bytes at {@code position}, advancing its position. */
    public int write(ByteBuffer src, long position) throws IOException {
        int n = write(MemorySegment.ofBuffer(src), position);
        src.position(src.position() + n);
        return n;
    }

    /** Writes {@code length} bytes of buffer {@code index} of {@code pool} from {@code bufferOffset}; WRITE_FIXED when registered. */
    public int write(BufferPool pool, int index, long bufferOffset, int length, long position) throws IOException {
        requireWritable();
        checkPosition(position);
        long addr = RegisteredPool.address(pool, index, bufferOffset, length);
        if (length == 0) {
            return 0;
        }
        begin();
        try {
            checkAlignment(position, length, addr);
            return op(FileOp.WRITE, addr, length, position, poolSlot(pool, index), pool);
        } finally {
            end();
        }
    }

    /**
     * Writes all of {@code src} at {@code position} and then flushes it to the device, as one linked
     * submission (write, IOSQE_IO_LINK, fsync): one wake-up and one kernel round trip for both.
     *
     * @param metaData as for {@link #force}: false syncs data only (fdatasync)
     */
    public int writeAndForce(MemorySegment src, long position, boolean metaData) throws IOException {
        requireWritable();
        checkPosition(position);
        long len = Math.min(src.byteSize(), MAX_TRANSFER);
        begin();
        try {
            checkAlignment(position, len, src);
            int bufIndex = src.isNative() ? io.registeredSlot(src.address(), len) : -1;
            if (len > 0 && (bufIndex >= 0 || MemoryLifetime.heldAlive(src))) {
                FileRing r = io.ring();
                FileOp op = newOp(r, FileOp.WRITE_FSYNC);
                fill(op, src.address(), (int) len, position, bufIndex, src);
                op.flags = metaData ? 0 : IORING_FSYNC_DATASYNC();
                return execute(r, op, "write+fsync");
            }
            return CopyingIo.write(this, src, len, position, true, metaData);
        } finally {
            end();
        }
    }

    // ---------------------------------------------------------------- vectored

    /**
     * Reads into the buffers of {@code vec} in order from {@code position} (READV, 16 buffers per
     * submission). Buffers that cannot be used in place are read one by one through copies.
     *
     * @return bytes read, or -1 at the end of the file
     */
    public long read(IoVec vec, long position) throws IOException {
        return VectoredIo.transfer(this, vec, position, false);
    }

    /** Writes the buffers of {@code vec} in order at {@code position} (WRITEV); writes them all. */
    public long write(IoVec vec, long position) throws IOException {
        return VectoredIo.transfer(this, vec, position, true);
    }

    // ---------------------------------------------------------------- metadata

    /** Flushes the file to the device: fsync, or fdatasync when {@code metaData} is false. */
    public void force(boolean metaData) throws IOException {
        begin();
        try {
            syncOp(metaData);
        } finally {
            end();
        }
    }

    void syncOp(boolean metaData) throws IOException {
        FileRing r = io.ring();
        FileOp op = newOp(r, FileOp.FSYNC);
        fill(op, 0, 0, 0, -1, null);
        op.flags = metaData ? 0 : IORING_FSYNC_DATASYNC();
        execute(r, op, "fsync");
    }

    /** Reserves {@code length} bytes from {@code position} (fallocate mode 0: the file grows if needed). */
    public void allocate(long position, long length) throws IOException {
        requireWritable();
        checkPosition(position);
        begin();
        try {
            FileRing r = io.ring();
            FileOp op = newOp(r, FileOp.FALLOCATE);
            fill(op, 0, 0, position, -1, null);
            op.extra = length;
            execute(r, op, "fallocate");
        } finally {
            end();
        }
    }

    /**
     * Sets the file's size to exactly {@code size} (shorter or longer): IORING_OP_FTRUNCATE on Linux 6.9+,
     * else {@code ftruncate} through {@link java.io.RandomAccessFile#setLength} on the path.
     */
    public void truncate(long size) throws IOException {
        requireWritable();
        checkPosition(size);
        begin();
        try {
            if (!io.ftruncateSupported()) {
                FileOpen.truncateByPath(path, size);
                return;
            }
            FileRing r = io.ring();
            FileOp op = newOp(r, FileOp.FTRUNCATE);
            fill(op, 0, 0, size, -1, null);
            execute(r, op, "ftruncate");
        } finally {
            end();
        }
    }

    /** The file's size (statx). */
    public long size() throws IOException {
        return stat().size();
    }

    /** statx of the open file, with its direct I/O alignment where the kernel reports it. */
    public FileStat stat() throws IOException {
        begin();
        try {
            return FileOpen.stat(this, fd);
        } finally {
            end();
        }
    }

    // ---------------------------------------------------------------- other styles

    /**
     * Runs {@code call} as a {@link CompletableFuture} on the service's future executor (by default a
     * virtual thread, which parks without pinning until the completion): e.g.
     * {@code file.async(f -> f.read(segment, 0))}. Memory confined to the calling thread cannot be used
     * from there: pass global, automatic or pool memory.
     */
    public <T> CompletableFuture<T> async(FileCall<T> call) {
        Objects.requireNonNull(call, "call");
        return CompletableFuture.supplyAsync(() -> {
            try {
                return call.call(this);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, io.futureExecutor());
    }

    /** {@link #read(MemorySegment, long)} as a future. */
    public CompletableFuture<Integer> readAsync(MemorySegment dst, long position) {
        return async(f -> f.read(dst, position));
    }

    /** {@link #write(MemorySegment, long)} as a future. */
    public CompletableFuture<Integer> writeAsync(MemorySegment src, long position) {
        return async(f -> f.write(src, position));
    }

    /** {@link #force(boolean)} as a future. */
    public CompletableFuture<Void> forceAsync(boolean metaData) {
        return async(f -> {
            f.force(metaData);
            return null;
        });
    }

    /** A {@code FileChannel} over this file (position 0; at the end in APPEND mode); closing it closes this file. */
    public UringFileChannel channel() throws IOException {
        return new UringFileChannel(this);
    }

    // ---------------------------------------------------------------- facts

    /** The path it was opened with. */
    public Path path() {
        return path;
    }

    /** O_DIRECT alignment, or null when not opened with {@link UringOpenOption#DIRECT}. */
    public DirectAlignment alignment() {
        return alignment;
    }

    /** Whether the file sits in the rings' registered file tables (IOSQE_FIXED_FILE). */
    public boolean isRegistered() {
        return slot >= 0;
    }

    /** Whether it was opened for reading. */
    public boolean isReadable() {
        return flags.read();
    }

    /** Whether it was opened for writing. */
    public boolean isWritable() {
        return flags.write();
    }

    /** Whether it was opened with APPEND. */
    public boolean isAppend() {
        return flags.append();
    }

    boolean isDeleteOnClose() {
        return flags.deleteOnClose();
    }

    /** Whether it is open. */
    public boolean isOpen() {
        return !closed;
    }

    @Override
    public String toString() {
        return "UringFile[" + path + ", fd=" + fd + (slot >= 0 ? ", registered slot " + slot : "")
                + (alignment != null ? ", O_DIRECT" : "") + (closed ? ", closed" : "") + "]";
    }

    // ---------------------------------------------------------------- close

    /**
     * Closes the file: calls not yet in the kernel fail with {@link AsynchronousCloseException}; those in it
     * are waited for; then the registered slots and the descriptor are released. Idempotent.
     */
    @Override
    public void close() throws IOException {
        closed = true;
        boolean interrupted = Thread.interrupted();   // closing because of an interrupt must not spin
        try {
            if ((int) ACTIVE.getVolatile(this) > 0 && !io.isClosed()) {
                for (FileRing r : io.rings()) {   // reads that may block for ever (pipes) are cancelled
                    try {
                        r.runOnRing(() -> r.cancelOpsOf(this));
                    } catch (ClosedChannelException e) {
                        break;   // the service closed: it cancels everything itself
                    }
                }
            }
            while ((int) ACTIVE.getVolatile(this) > 0) {
                LockSupport.parkNanos(this, 50_000);
            }
            if (released.compareAndSet(false, true)) {
                FileOpen.close(this, fd, slot, true);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The service closed: its rings are gone, only the descriptor is left to close. */
    void closeAfterService() {
        closed = true;
        try {
            if (released.compareAndSet(false, true)) {
                FileOpen.close(this, fd, slot, false);
            }
        } catch (IOException e) {
            // the service is closing anyway; the fd was closed
        }
    }

    /** Closes from inside a call (interrupted): this call's own count must not hold close up. */
    void closeFromInside() throws IOException {
        ACTIVE.getAndAdd(this, -1);
        try {
            close();
        } finally {
            ACTIVE.getAndAdd(this, 1);
        }
    }

    // ---------------------------------------------------------------- plumbing

    void begin() throws IOException {
        if (Thread.currentThread().isInterrupted()) {
            close();
            throw new ClosedByInterruptException();
        }
        ACTIVE.getAndAdd(this, 1);
        if (closed) {
            ACTIVE.getAndAdd(this, -1);
            throw new ClosedChannelException();
        }
    }

    void end() {
        ACTIVE.getAndAdd(this, -1);
    }

    /** The checks a read or write makes before any system call, for a batch. */
    void checkTransfer(boolean read, long position, long length, long address) {
        if (read) {
            requireReadable();
        } else {
            requireWritable();
        }
        checkPosition(position);
        checkAlignment(position, length, address);
    }

    /** One operation on this file, blocking; returns its non-negative result. */
    int op(byte kind, long addr, int len, long position, int bufIndex, Object keepAlive) throws IOException {
        FileRing r = io.ring();
        FileOp op = newOp(r, kind);
        fill(op, addr, len, position, bufIndex, keepAlive);
        return execute(r, op, kind == FileOp.READ ? "read" : "write");
    }

    FileOp newOp(FileRing r, byte kind) throws IOException {
        try {
            return r.acquire(kind, this);
        } catch (ClosedByInterruptException e) {
            closeFromInside();
            throw e;
        }
    }

    /** Fills the request of an op on this file (the registered slot when there is one). */
    void fill(FileOp op, long addr, int len, long position, int bufIndex, Object keepAlive) {
        op.fd = slot >= 0 ? slot : fd;
        op.fixedFile = slot >= 0;
        op.addr = addr;
        op.len = len;
        op.position = flags.append() ? -1 : position;
        op.bufIndex = bufIndex;
        op.keepAlive = keepAlive;
        op.lease = bufIndex >= 0 ? io.leaseOfSlot(bufIndex) : keepAlive instanceof BufferPool p ? io.lease(p) : null;
    }

    int execute(FileRing r, FileOp op, String what) throws IOException {
        r.submit(op);
        int res = FileEvents.await(r, op, path);
        Throwable failure = op.failure;   // the NIO transport's exception, as the JDK threw it
        r.release(op);
        if (failure instanceof IOException e && !Thread.currentThread().isInterrupted()) {
            throw e;
        }
        return check(res, what);
    }

    /** Turns an op's result into the return value or the exception java.nio would throw. */
    int check(int res, String what) throws IOException {
        if (Thread.currentThread().isInterrupted()) {
            closeFromInside();
            throw new ClosedByInterruptException();
        }
        if (res == FileOp.CLOSED) {
            throw io.isClosed() ? new AsynchronousCloseException() : new ClosedChannelException();
        }
        if (res == FileOp.FILE_CLOSED || closed) {
            throw new AsynchronousCloseException();
        }
        if (res < 0) {
            throw FileErrors.of(res, what + "(" + path + ")", path);
        }
        return res;
    }

    private int poolSlot(BufferPool pool, int index) {
        RegisteredPool reg = io.registration(pool);
        return reg == null ? -1 : reg.firstSlot() + index;
    }

    void checkAlignment(long position, long length, MemorySegment segment) {
        if (alignment != null) {
            // Memory that is copied goes through the service's page-aligned buffers: only offsets matter.
            alignment.check(position, length, segment.isNative() ? segment.address() : 0);
        }
    }

    void checkAlignment(long position, long length, long address) {
        if (alignment != null) {
            alignment.check(position, length, address);
        }
    }

    static void checkPosition(long position) {
        if (position < 0) {
            throw new IllegalArgumentException("negative position " + position);
        }
    }

    void requireReadable() {
        if (!flags.read()) {
            throw new NonReadableChannelException();
        }
    }

    void requireWritable() {
        if (!flags.write()) {
            throw new NonWritableChannelException();
        }
    }
}
