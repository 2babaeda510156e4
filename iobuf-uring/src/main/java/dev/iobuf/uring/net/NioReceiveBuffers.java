package dev.iobuf.uring.net;

import dev.iobuf.BufferTier;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * A {@link NioEventLoop}'s receive buffers: a loop-owned stack of pool buffers (the loop reads one socket at
 * a time, so a buffer is taken for a read and given back when {@code onData} returns), and the buffers a
 * handler retained ({@link Connection#retain()}), with handles that name buffer and generation like
 * {@link RecvBuffers}' so a stale handle is refused. Loop thread only.
 */
final class NioReceiveBuffers implements AutoCloseable {
    private final WriteBuffers stack;
    private final boolean[] retained;
    private final int[] handleGeneration;
    private int retainedCount;

    NioReceiveBuffers(BufferTier tier, int count) {
        this.stack = new WriteBuffers(tier, count);
        this.retained = new boolean[stack.capacity()];
        this.handleGeneration = new int[stack.capacity()];
    }

    /** A free buffer's index, or -1 when every buffer is retained. */
    int take() {
        return stack.take();
    }

    /** Buffer {@code index}, emptied for a read. */
    ByteBuffer forRead(int index) {
        return stack.view(index).clear();
    }

    MemorySegment segment(int index) {
        return stack.segment(index);
    }

    /** Gives buffer {@code index} back after a read (unless it was retained meanwhile). */
    void give(int index) {
        if (!retained[index]) {
            stack.give(index);
        }
    }

    int available() {
        return stack.available();
    }

    int retainedCount() {
        return retainedCount;
    }

    /** Keeps buffer {@code index} out of use until {@link #release(long)} of the returned handle. */
    long retain(int index) {
        if (!retained[index]) {
            retained[index] = true;
            retainedCount++;
            handleGeneration[index]++;
        }
        return ((long) handleGeneration[index] << 32) | index;
    }

    private int checkHandle(long handle, String what) {
        int index = (int) handle;
        int gen = (int) (handle >>> 32);
        if (index < 0 || index >= retained.length || !retained[index] || handleGeneration[index] != gen) {
            throw new IllegalStateException("cannot " + what + " receive buffer handle 0x" + Long.toHexString(handle)
                    + ": it is not a retained buffer of this loop (released already, or from another loop)");
        }
        return index;
    }

    void release(long handle) {
        int index = checkHandle(handle, "release");
        retained[index] = false;
        retainedCount--;
        handleGeneration[index]++;
        stack.give(index);
    }

    MemorySegment retainedBuffer(long handle) {
        return stack.segment(checkHandle(handle, "read"));
    }

    /** Releases every buffer still retained (shutdown); returns how many there were. */
    int reclaimRetained() {
        int n = 0;
        for (int i = 0; i < retained.length; i++) {
            if (retained[i]) {
                release(((long) handleGeneration[i] << 32) | i);
                n++;
            }
        }
        return n;
    }

    /** Buffers not given back when closed (0 unless a read was cut short). */
    int leaked() {
        return stack.leaked();
    }

    @Override
    public void close() {
        stack.close();
    }
}
