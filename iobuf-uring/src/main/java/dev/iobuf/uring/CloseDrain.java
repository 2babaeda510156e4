package dev.iobuf.uring;

import dev.iobuf.liburing.Errno;
import java.util.function.IntSupplier;

/**
 * Collects completions during {@link Ring#close()}, and tells when all that can come have come. The
 * cancel-everything SQE's own CQE is reserved (the ring keeps its result); every other completion goes to
 * the close's handler.
 */
final class CloseDrain implements CompletionHandler {
    static final int NO_RESULT = Integer.MIN_VALUE;
    private final CompletionHandler handler;
    private final boolean cancelSubmitted;
    private final IntSupplier cancelResult;
    private long cancelledSeen;

    CloseDrain(CompletionHandler handler, boolean cancelSubmitted, IntSupplier cancelResult) {
        this.handler = handler;
        this.cancelSubmitted = cancelSubmitted;
        this.cancelResult = cancelResult;
    }

    @Override
    public void complete(long userData, int result, int flags) {
        if (Errno.ECANCELED.is(result)) {
            cancelledSeen++;
        }
        handler.complete(userData, result, flags);
    }

    boolean done(long inFlight) {
        if (inFlight > 0) {
            return false;
        }
        if (!cancelSubmitted) {
            return true;
        }
        // The cancel's result is how many requests it cancelled; each posts one -ECANCELED completion.
        int result = cancelResult.getAsInt();
        return result != NO_RESULT && (result <= 0 || cancelledSeen >= result);
    }
}
