package dev.iobuf.uring;

/**
 * The ring is closed, or was closed from another thread while this thread waited on it. An
 * {@link IllegalStateException}, like every use after close.
 */
public final class ClosedRingException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** With {@code message} saying which ring and, when known, who closed it. */
    public ClosedRingException(String message) {
        super(message);
    }
}
