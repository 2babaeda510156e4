package dev.iobuf.uring.net;

import java.lang.foreign.MemorySegment;

/**
 * Callbacks of a connection, always on its loop's thread, never concurrently for one connection. One
 * handler may serve many connections (keep per-connection state in {@link Connection#attach}); a
 * handler must not block: it runs on the loop that serves every other connection of that loop.
 *
 * <p>Order: {@link #onOpen} first; then any number of {@link #onData} and {@link #onWritable} (at most one
 * {@link #onInputShutdown}, after which no {@code onData} comes); then
 * exactly one {@link #onClose} (preceded by {@link #onError} if it closes because of a failure). A
 * connection that never opened (a failed connect) gets no callback: its connect future fails instead.
 * An exception thrown by a callback is logged, reported to {@link #onError}, and aborts the connection;
 * the loop carries on.
 */
public interface ConnectionHandler {

    /** The connection was accepted (server) or connected (client); writes may start. */
    default void onOpen(Connection connection) {
    }

    /**
     * {@code length} bytes arrived, at {@code offset} in {@code buffer}. {@code buffer} is a whole
     * provided receive buffer (the pool's own segment, not a slice made for this call: nothing is
     * allocated per receive); read only {@code [offset, offset + length)}. The buffer goes back to the
     * kernel when this method returns, unless it calls {@link Connection#retain()}: then it stays valid
     * until {@link EventLoop#release(long)}.
     */
    void onData(Connection connection, MemorySegment buffer, int offset, int length);

    /**
     * The peer ended its side (end of stream): no more {@code onData}. Return true to keep the connection open
     * for writing (half-closed: finish an answer, then {@link Connection#close()}); false, the default, closes
     * it gracefully (what is queued is sent first). Not called when this side's output is shut down already
     * ({@link Connection#shutdownOutput()}): both sides have ended, and the connection closes.
     */
    default boolean onInputShutdown(Connection connection) {
        return false;
    }

    /**
     * The write queue drained after a write was refused or the queue passed its high-water mark
     * ({@link Connection#isWritable()} was false); writing may resume. Reading, if it was paused
     * automatically, has resumed too.
     */
    default void onWritable(Connection connection) {
    }

    /**
     * The connection failed: a receive or send error ({@link dev.iobuf.uring.UringException} with the
     * errno), or an exception thrown by this handler. {@link #onClose} follows.
     */
    default void onError(Connection connection, Throwable cause) {
    }

    /**
     * The connection is closed: its fd is closed, its buffers are back in their pools, and every
     * method but the getters now fails or returns false. {@link Connection#closeReason()} says why.
     */
    default void onClose(Connection connection) {
    }
}
