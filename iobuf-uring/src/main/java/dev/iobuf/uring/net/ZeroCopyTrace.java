package dev.iobuf.uring.net;

/**
 * Observes zero-copy completions after they were processed; given to a group through its builder's
 * package-private {@code zeroCopyTrace} (the tests prove buffer ownership with it), {@code null} otherwise.
 */
interface ZeroCopyTrace {
    /** A SEND_ZC result was processed; {@code more}: a notification follows. */
    void afterResult(Connection c, int result, boolean more);

    /** A zero-copy notification was processed (its buffers released if nothing else holds them). */
    void afterNotification(Connection c);
}
