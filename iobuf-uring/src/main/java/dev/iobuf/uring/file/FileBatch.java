package dev.iobuf.uring.file;

import static dev.iobuf.liburing.LibUring.IORING_FSYNC_DATASYNC;

import dev.iobuf.BufferPool;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Objects;

/**
 * Several operations submitted together and waited for together: the ring thread gets them in one
 * wake-up and submits them with one {@code io_uring_enter}.
 *
 * <pre>{@code
 * FileBatch batch = io.batch();
 * for (int i = 0; i < 32; i++) batch.read(file, pool, i, 0, 4096, offsets[i]);
 * batch.submitAndWait();
 * int n = batch.result(0);           // bytes, -1 at EOF, or throws that op's exception
 * }</pre>
 *
 * <p>Only memory usable in place may be batched: buffers of pools, global or automatic arenas,
 * direct ByteBuffers, or a confined arena of the calling thread. A batch is used by one thread and
 * may be reused after {@link #submitAndWait()}. Interrupting the wait cancels the operations not yet
 * done, closes the files of those and throws {@link java.nio.channels.ClosedByInterruptException}.
 */
public final class FileBatch {
    private final FileIo io;
    private UringFile[] files = new UringFile[8];
    private byte[] kinds = new byte[8];
    private long[] addrs = new long[8];
    private int[] lens = new int[8];
    private long[] positions = new long[8];
    private int[] bufIndex = new int[8];
    private Object[] keep = new Object[8];
    private int[] results = new int[8];
    /** The op slots of the current submission (reused: a batch allocates nothing per submission). */
    private FileOp[] ops = new FileOp[8];
    private int size;
    private boolean done;

    FileBatch(FileIo io) {
        this.io = io;
    }

    /** Adds a read of {@code dst} at {@code position}; returns the entry's number for {@link #result}. */
    public int read(UringFile file, MemorySegment dst, long position) {
        return add(file, FileOp.READ, dst, position);
    }

    /** Adds a write of all of {@code src} at {@code position}. */
    public int write(UringFile file, MemorySegment src, long position) {
        return add(file, FileOp.WRITE, src, position);
    }

    /** Adds a read into a pool buffer (READ_FIXED when the pool is registered with the service). */
    public int read(UringFile file, BufferPool pool, int index, long bufferOffset, int length, long position) {
        return addPool(file, FileOp.READ, pool, index, bufferOffset, length, position);
    }

    /** Adds a write from a pool buffer (WRITE_FIXED when the pool is registered with the service). */
    public int write(UringFile file, BufferPool pool, int index, long bufferOffset, int length, long position) {
        return addPool(file, FileOp.WRITE, pool, index, bufferOffset, length, position);
    }

    /** Adds an fsync (fdatasync when {@code metaData} is false). */
    public int force(UringFile file, boolean metaData) {
        int i = entry(file, FileOp.FSYNC, 0, 0, 0, -1, null);
        lens[i] = metaData ? 0 : IORING_FSYNC_DATASYNC();
        return i;
    }

    private int add(UringFile file, byte kind, MemorySegment memory, long position) {
        long len = Math.min(memory.byteSize(), UringFile.MAX_TRANSFER);
        int slot = memory.isNative() ? io.registeredSlot(memory.address(), len) : -1;
        if (slot < 0 && !MemoryLifetime.heldAlive(memory)) {
            throw new IllegalArgumentException("a batch needs memory the kernel may use in place (pool buffers, "
                    + "global or automatic arenas, direct ByteBuffers, this thread's confined arena); got " + memory
                    + ": use UringFile.read/write, which copy");
        }
        file.checkTransfer(kind == FileOp.READ, position, len, memory.address());
        return entry(file, kind, memory.address(), (int) len, position, slot, memory);
    }

    private int addPool(UringFile file, byte kind, BufferPool pool, int index, long bufferOffset, int length,
                        long position) {
        long addr = RegisteredPool.address(pool, index, bufferOffset, length);
        file.checkTransfer(kind == FileOp.READ, position, length, addr);
        RegisteredPool reg = io.registration(pool);
        return entry(file, kind, addr, length, position, reg == null ? -1 : reg.firstSlot() + index, pool);
    }

    private int entry(UringFile file, byte kind, long addr, int len, long position, int slot, Object keepAlive) {
        Objects.requireNonNull(file, "file");
        if (file.io != io) {
            throw new IllegalArgumentException(file + " belongs to another FileIo");
        }
        if (done) {
            clear();
        }
        if (size == files.length) {
            grow();
        }
        int i = size++;
        files[i] = file;
        kinds[i] = kind;
        addrs[i] = addr;
        lens[i] = len;
        positions[i] = position;
        bufIndex[i] = slot;
        keep[i] = keepAlive;
        return i;
    }

    /** Operations added and not yet cleared. */
    public int size() {
        return size;
    }

    /**
     * Submits every added operation (one wake-up of the ring thread, one enter when there are free slots
     * for them all) and waits for all of them. Failures are reported per operation by {@link #result}.
     *
     * @throws java.nio.channels.ClosedByInterruptException if interrupted (operations not done are cancelled)
     */
    public void submitAndWait() throws IOException {
        FileRing r = io.ring();
        FileOp[] ops = this.ops;
        Arrays.fill(ops, 0, size, null);
        try {
            for (int i = 0; i < size; i++) {
                results[i] = FileOp.FILE_CLOSED;
                try {
                    files[i].begin();
                } catch (java.nio.channels.ClosedByInterruptException e) {
                    throw e;
                } catch (IOException e) {
                    continue;   // that file is closed: its entry reports it
                }
                FileOp op = r.tryAcquire(kinds[i], files[i]);
                if (op == null) {
                    r.wakeUp();                               // let the ring take what is queued, then wait
                    try {
                        op = files[i].newOp(r, kinds[i]);
                    } catch (IOException e) {
                        files[i].end();
                        throw e;
                    }
                }
                files[i].fill(op, addrs[i], kinds[i] == FileOp.FSYNC ? 0 : lens[i], positions[i], bufIndex[i], keep[i]);
                if (kinds[i] == FileOp.FSYNC) {
                    op.flags = lens[i];
                }
                ops[i] = op;
                r.queue(op);
            }
        } finally {
            r.wakeUp();
            for (int i = 0; i < size; i++) {
                if (ops[i] != null) {
                    results[i] = r.await(ops[i]);
                    r.release(ops[i]);
                    ops[i] = null;
                    files[i].end();
                }
            }
            done = true;
        }
    }

    /**
     * The result of operation {@code i}: bytes transferred (-1 for a read at the end of the file; 0 for force).
     *
     * @throws IOException the exception the operation would have thrown alone
     */
    public int result(int i) throws IOException {
        Objects.checkIndex(i, size);
        if (!done) {
            throw new IllegalStateException("call submitAndWait() first");
        }
        int n = files[i].check(results[i], kinds[i] == FileOp.READ ? "read" : kinds[i] == FileOp.WRITE ? "write" : "fsync");
        return kinds[i] == FileOp.READ && n == 0 && lens[i] > 0 ? -1 : n;
    }

    /** Forgets every operation (done automatically when one is added after {@link #submitAndWait()}). */
    public void clear() {
        Arrays.fill(files, 0, size, null);
        Arrays.fill(keep, 0, size, null);
        size = 0;
        done = false;
    }

    private void grow() {
        int n = files.length * 2;
        files = Arrays.copyOf(files, n);
        kinds = Arrays.copyOf(kinds, n);
        addrs = Arrays.copyOf(addrs, n);
        lens = Arrays.copyOf(lens, n);
        positions = Arrays.copyOf(positions, n);
        bufIndex = Arrays.copyOf(bufIndex, n);
        keep = Arrays.copyOf(keep, n);
        results = Arrays.copyOf(results, n);
        ops = Arrays.copyOf(ops, n);
    }
}
