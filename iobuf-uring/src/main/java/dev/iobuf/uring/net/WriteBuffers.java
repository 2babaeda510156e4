package dev.iobuf.uring.net;

import dev.iobuf.BufferPool;
import dev.iobuf.BufferTier;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * A loop's write buffers: a {@link BufferPool} whose buffers the loop acquires all at once, then hands
 * out from a plain stack of indices. The loop is the only user, so taking and giving back is an array
 * access, not an atomic operation per write. Giving back a buffer that is not out throws (a bug guard,
 * like the pool's own). {@link #close()} gives every buffer back to the pool and frees it; buffers still
 * out at that point are the leak count.
 */
final class WriteBuffers implements AutoCloseable {
    private final BufferPool pool;
    private final int[] free;
    private final boolean[] out;
    private int freeCount;
    private int leaked = -1;
    private ByteBuffer[] views;

    WriteBuffers(BufferTier tier, int count) {
        this.pool = BufferPool.of(tier, count);
        int n = pool.capacity();
        this.free = new int[n];
        this.out = new boolean[n];
        for (int i = 0; i < n; i++) {
            int index = pool.tryAcquire();
            free[n - 1 - i] = index;      // the pool hands out 0, 1, ...: keep 0 on top of the stack
        }
        this.freeCount = n;
    }

    int bufferSize() {
        return pool.bufferSize();
    }

    /** A free buffer's index, or -1 when all are out. */
    int take() {
        if (freeCount == 0) {
            return -1;
        }
        int index = free[--freeCount];
        out[index] = true;
        return index;
    }

    void give(int index) {
        if (!out[index]) {
            throw new IllegalStateException("write buffer " + index + " given back twice");
        }
        out[index] = false;
        free[freeCount++] = index;
    }

    /**
     * A ByteBuffer over buffer {@code index} (made the first time it is asked for, then reused: the NIO
     * transport's reads and writes allocate nothing). Its position and limit are the caller's to set.
     */
    ByteBuffer view(int index) {
        if (views == null) {
            views = new ByteBuffer[pool.capacity()];
        }
        ByteBuffer v = views[index];
        if (v == null) {
            v = pool.value(index).asByteBuffer();
            views[index] = v;
        }
        return v;
    }

    MemorySegment segment(int index) {
        return pool.value(index);
    }

    long address(int index) {
        return pool.address(index);
    }

    /** Buffers in all (the pool's capacity: a power of two). */
    int capacity() {
        return free.length;
    }

    int available() {
        return freeCount;
    }

    int inUse() {
        return free.length - freeCount;
    }

    /** Buffers that were out when the loop closed ({@code -1} before close). */
    int leaked() {
        return leaked;
    }

    @Override
    public void close() {
        if (pool.isClosed()) {
            return;
        }
        leaked = inUse();
        for (int i = 0; i < freeCount; i++) {
            pool.release(free[i]);
        }
        freeCount = 0;
        pool.close();
    }
}
