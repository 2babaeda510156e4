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
    private final RetainedHandles retained;

    NioReceiveBuffers(BufferTier tier, int count) {
        this.stack = new WriteBuffers(tier, count);
        this.retained = new RetainedHandles(stack.capacity());
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
        if (!retained.isRetained(index)) {
            stack.give(index);
        }
    }

    int available() {
        return stack.available();
    }

    int retainedCount() {
        return retained.count();
    }

    /** Keeps buffer {@code index} out of use until {@link #release(long)} of the returned handle. */
    long retain(int index) {
        return retained.retain(index);
    }

    void release(long handle) {
        stack.give(retained.release(handle));
    }

    MemorySegment retainedBuffer(long handle) {
        return stack.segment(retained.check(handle, "read"));
    }

    /** Releases every buffer still retained (shutdown); returns how many there were. */
    int reclaimRetained() {
        return retained.releaseAll(stack::give);
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
