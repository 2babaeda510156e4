package dev.iobuf.uring.net;

/**
 * The receiving side of a {@link Connection}, as the connection, its send half, TLS and the turn's work see
 * it: one implementation per transport ({@link ReceiveHalf} on io_uring, {@link NioReceiveHalf} on NIO), so
 * that everything above receiving is shared. Loop thread only.
 */
sealed interface Receiving permits ReceiveHalf, NioReceiveHalf {

    /** Starts (or restarts) receiving if it is wanted and possible. */
    void maybeArm();

    /** Pauses delivery for {@code why} ({@link ReceiveHalf#BY_USER} or {@link ReceiveHalf#FOR_WRITING}). */
    void pause(int why);

    /** Undoes {@link #pause} for {@code why}; delivery resumes (next turn) once nothing else pauses it. */
    void resume(int why);

    /** The loop's turn for a connection whose reading resumed: deliver what waited, receive again. */
    void resume();

    boolean paused();

    /** Whether the peer's end of stream came. */
    boolean ended();

    /** Receive buffers came back: a receive that ran out of them may start again. */
    void unstarve();

    /** The connection closes: nothing more is delivered. */
    void stop();

    /** {@link Connection#retain()}: keeps the buffer of the {@code onData} call in progress. */
    long retain();

    /**
     * A RECV completion (io_uring only).
     *
     * @return false, having changed nothing, for a completion no correct kernel posts
     */
    boolean onRecv(int result, int flags);
}
