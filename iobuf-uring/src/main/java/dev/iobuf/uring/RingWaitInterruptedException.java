package dev.iobuf.uring;

/**
 * The thread waiting in {@link Ring#submitAndWait} was interrupted. Unchecked because the waits are on the
 * I/O path of code that does not expect {@link InterruptedException}; the thread's interrupt status stays
 * set, so callers that handle interruption see it as usual. The SQEs were submitted; reap as usual.
 */
public final class RingWaitInterruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** With {@code message} naming the ring. */
    public RingWaitInterruptedException(String message) {
        super(message);
    }
}
