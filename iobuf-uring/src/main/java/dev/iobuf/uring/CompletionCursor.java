package dev.iobuf.uring;

import static dev.iobuf.liburing.LibUring.IORING_CQE_BUFFER_SHIFT;
import static dev.iobuf.liburing.LibUring.IORING_CQE_F_BUFFER;
import static dev.iobuf.liburing.LibUring.IORING_CQE_F_MORE;

/**
 * Pull-style iteration over a ring's completions, without allocation and without a native call per
 * completion. One cursor per ring ({@link Ring#completions()}), used by the ring's thread:
 *
 * {@snippet :
 * CompletionCursor c = ring.completions();
 * while (c.next()) {
 *     handle(c.userData(), c.result(), c.flags());
 * }
 * }
 *
 * <p>{@link #next()} copies the next CQE into the cursor and consumes it; the accessors return that
 * copy until the following {@code next()}. The CQ head is handed back to the kernel once per batch (one
 * release store): when {@code next()} finds the queue empty, or on {@link #advance()}. When the queue
 * looks empty but the kernel holds completions back (CQ overflow, or deferred task work with
 * COOP/DEFER_TASKRUN), {@code next()} enters the kernel once to flush them, like {@link Ring#reap}.
 */
public final class CompletionCursor {
    private final Ring ring;
    private final CompletionQueue cq;
    private long userData;
    private int result;
    private int flags;

    CompletionCursor(Ring ring, CompletionQueue cq) {
        this.ring = ring;
        this.cq = cq;
    }

    /**
     * Moves to the next ready completion.
     *
     * @return false when none is ready (the consumed CQ slots are then handed back to the kernel)
     * @throws IllegalStateException if the ring is closed
     * @throws UringException if the kernel reports completions it dropped
     */
    public boolean next() {
        ring.ensureOpen();
        if (cq.poll(this)) {
            return true;
        }
        cq.publishHead();
        if (ring.flushCompletions() && cq.poll(this)) {
            return true;
        }
        ring.checkOverflow();
        return false;
    }

    /**
     * Hands the CQ slots consumed so far back to the kernel now, instead of when {@link #next()} next
     * finds the queue empty. Call it when leaving a loop early.
     */
    public void advance() {
        ring.ensureOpen();
        cq.publishHead();
    }

    void set(long userData, int result, int flags) {
        this.userData = userData;
        this.result = result;
        this.flags = flags;
    }

    /** The current completion's {@code user_data}. */
    public long userData() {
        return userData;
    }

    /** The current completion's result: bytes, an fd, 0, or {@code -errno}. */
    public int result() {
        return result;
    }

    /** The current completion's {@code IORING_CQE_F_*} flags. */
    public int flags() {
        return flags;
    }

    /** Whether more completions will follow for the same request (IORING_CQE_F_MORE: multishot, zero-copy). */
    public boolean hasMore() {
        return (flags & IORING_CQE_F_MORE()) != 0;
    }

    /** The provided-buffer id (IORING_CQE_F_BUFFER), or -1 when the completion selected no buffer. */
    public int bufferId() {
        return (flags & IORING_CQE_F_BUFFER()) != 0 ? flags >>> IORING_CQE_BUFFER_SHIFT() : -1;
    }

    @Override
    public String toString() {
        return "CompletionCursor[userData=" + userData + ", result=" + result + ", flags=0x"
                + Integer.toHexString(flags) + "]";
    }
}
