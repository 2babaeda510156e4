package dev.iobuf.examples;

import dev.iobuf.uring.CompletionCursor;
import dev.iobuf.uring.Ring;
import java.util.concurrent.TimeUnit;

/**
 * Submits what a {@link UringCheck} step prepared and waits for its completions, with a deadline: a
 * self-check that hangs tells nothing. Completions whose user data the step did not ask for (resource
 * tags of a registered table) are passed over.
 */
final class CheckCompletions {
    /** One CQE as the step saw it. */
    record Completion(int result, int flags) {
    }

    static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Ring ring;
    private final String step;

    CheckCompletions(Ring ring, String step) {
        this.ring = ring;
        this.step = step;
    }

    /** Submits and returns the completion of the one request with {@code userData}. */
    Completion await(long userData) {
        return awaitAll(userData, 1)[0];
    }

    /**
     * Submits and waits until each request with user data {@code first .. first + count - 1} has
     * completed; element {@code i} is the completion of {@code first + i}.
     *
     * @throws IllegalStateException if one completes twice, or they do not all complete within 10 s
     */
    Completion[] awaitAll(long first, int count) {
        Completion[] done = new Completion[count];
        int missing = count;
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        CompletionCursor cursor = ring.completions();
        while (missing > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException(step + ": " + missing + " of " + count
                        + " io_uring completions did not arrive within " + TimeUnit.NANOSECONDS.toSeconds(TIMEOUT_NANOS)
                        + " s (" + ring.inFlight() + " operations in flight)");
            }
            ring.submitAndWait(1, left);
            while (cursor.next()) {
                long i = cursor.userData() - first;
                if (i < 0 || i >= count) {
                    continue;
                }
                if (done[(int) i] != null) {
                    throw new IllegalStateException(step + ": request " + cursor.userData() + " completed twice ("
                            + done[(int) i] + ", then " + cursor + ")");
                }
                done[(int) i] = new Completion(cursor.result(), cursor.flags());
                missing--;
            }
        }
        return done;
    }
}
