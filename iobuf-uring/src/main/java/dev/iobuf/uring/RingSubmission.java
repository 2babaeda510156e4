package dev.iobuf.uring;

import static dev.iobuf.liburing.LibUring.*;

/**
 * The submit-and-wait path of a {@link Ring}: publishing the batch, entering the kernel, counting what it
 * consumed as in flight, and waiting for completions in slices of {@value Ring#WAIT_SLICE_MILLIS} ms so
 * that a close or an interrupt ends the wait. Owner thread only, except {@link #isWaiting()}.
 */
final class RingSubmission {
    private final Ring ring;
    private final SubmissionQueue sq;
    private final CompletionQueue cq;
    private final RingEnter enter;
    private final boolean sqPoll;
    private final boolean extArg;
    /** Set while a thread sleeps in the kernel waiting for completions: a closer must wake it. */
    private volatile boolean waiting;
    /** SQEs the kernel consumed that will post a final CQE (all but CQE_SKIP_SUCCESS ones). */
    private long expected;
    /** SQEs the kernel consumed that carried IOSQE_CQE_SKIP_SUCCESS. */
    private long skipSubmitted;
    /** Waits that go straight to the waiting enter before {@link #submitThenWait} tries again (back-off). */
    private int skipTries;
    /** The back-off after the last miss: 0 after a hit, then 1, 2, 4 ... {@link #MAX_SKIP}. */
    private int backoff;
    /** Most waits skipped after a miss: a loop whose completions never come inline pays one extra enter in 65. */
    static final int MAX_SKIP = 64;

    RingSubmission(Ring ring, SubmissionQueue sq, CompletionQueue cq, RingEnter enter, boolean sqPoll,
            int features) {
        this.ring = ring;
        this.sq = sq;
        this.cq = cq;
        this.enter = enter;
        this.sqPoll = sqPoll;
        this.extArg = (features & IORING_FEAT_EXT_ARG()) != 0;
    }

    /**
     * See {@link Ring#submitAndWait(int, long)}; the caller checked the ring is open and sealed the SQE, and tells
     * whether it is the owner thread ({@code fast}: asked once per call, RingView).
     */
    int submitAndWait(int minComplete, long timeoutNanos, boolean fast) {
        int fresh = sq.publish(fast);
        int flags = 0;
        if (minComplete > 0 || sq.completionsNeedEnter(fast)) {
            flags |= IORING_ENTER_GETEVENTS();
        }
        if (sqPoll) {
            // The poller consumes asynchronously: count the SQEs now, before their slots can be reused.
            account(fresh);
            if (fresh > 0 && sq.needsWakeup()) {
                flags |= IORING_ENTER_SQ_WAKEUP();
            }
            if (minComplete > 0) {
                awaitCompletions(fresh, minComplete, flags, timeoutNanos, false);
            } else if (flags != 0) {
                enter.enter(fresh, 0, flags, -1, "submit", fast);
            }
            return fresh;
        }
        // SQEs a previous enter left unconsumed (EAGAIN/EBUSY) are submitted again with the fresh ones.
        int toSubmit = sq.unconsumed(fast);
        if (toSubmit == 0 && flags == 0) {
            return 0;
        }
        if (minComplete > 0) {
            return toSubmit > 0 && tryFirst() ? submitThenWait(toSubmit, minComplete, flags, timeoutNanos, fast)
                    : awaitCompletions(toSubmit, minComplete, flags, timeoutNanos, true);
        }
        int consumed = enter.enter(toSubmit, 0, flags, -1, "submit", fast);
        account(consumed);
        return consumed;
    }

    /**
     * Submits with an enter that cannot wait (GETEVENTS, {@code min_complete} 0: a critical downcall with
     * no wait argument for the kernel to copy in; Enter), and waits only if fewer than {@code minComplete}
     * completions are then ready. Operations that complete inline (NOPs, reads from the page cache,
     * sockets with data at hand) need one cheap enter instead of a sliced waiting one; a miss costs one
     * extra enter and backs off (see {@link #tryFirst}). benchmarks/README.md, NOP, has the figures.
     */
    private int submitThenWait(int toSubmit, int minComplete, int flags, long timeoutNanos, boolean fast) {
        int consumed = enter.enter(toSubmit, 0, flags, -1, "submit", fast);
        account(consumed);
        if (cq.ready(fast) >= Math.min(minComplete, cq.entries) || sq.cqOverflowPending(fast)) {
            backoff = 0;
            return consumed;
        }
        backoff = backoff == 0 ? 1 : Math.min(2 * backoff, MAX_SKIP);
        skipTries = backoff;
        return consumed + awaitCompletions(sq.unconsumed(), minComplete, flags, timeoutNanos, true);
    }

    /**
     * Whether this wait tries {@link #submitThenWait}: not while backing off after a miss, nor when the
     * thread is interrupted (the waiting path reports that, as it always did).
     */
    private boolean tryFirst() {
        if (skipTries > 0) {
            skipTries--;
            return false;
        }
        return !Thread.currentThread().isInterrupted();
    }

    /**
     * Submits {@code toSubmit} and waits for {@code minComplete} ready completions, in slices of at most
     * {@value Ring#WAIT_SLICE_MILLIS} ms; between slices, a close or an interrupt ends the wait.
     *
     * @return the SQEs the first enter consumed (accounted here when {@code account})
     */
    private int awaitCompletions(int toSubmit, int minComplete, int flags, long timeoutNanos, boolean account) {
        long deadline = System.nanoTime() + timeoutNanos;   // meaningful only for timeoutNanos >= 0
        int consumed = 0;
        boolean first = true;
        waiting = true;   // volatile write, then the state read: a closer either sees us waiting or we see it
        try {
            for (;;) {
                ring.ensureOpenWhileWaiting();   // the volatile state read
                if (Thread.currentThread().isInterrupted()) {
                    throw new RingWaitInterruptedException("interrupted while waiting for " + minComplete
                            + " completion(s) on " + ring + " (the interrupt status is still set)");
                }
                long slice = Ring.WAIT_SLICE_NANOS;
                if (timeoutNanos >= 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0 && !first) {
                        return consumed;
                    }
                    slice = Math.max(0, Math.min(slice, left));
                }
                int rc = enter.enter(toSubmit, minComplete, flags, slice, first ? "submit" : "wait");
                consumed += rc;
                if (account) {
                    account(rc);
                    toSubmit = sq.unconsumed();   // what EAGAIN/EBUSY left goes again with the next slice
                } else {
                    toSubmit = 0;
                }
                flags &= ~IORING_ENTER_SQ_WAKEUP();
                first = false;
                // Like the kernel, count at most a full CQ (more wait in its overflow list: reap them).
                boolean fast = ring.owner() == Thread.currentThread();
                if (cq.ready(fast) >= Math.min(minComplete, cq.entries) || sq.cqOverflowPending(fast) || !extArg) {
                    return consumed;
                }
            }
        } finally {
            waiting = false;
        }
    }

    /**
     * The SQ is full ({@link Ring#nextSqe()}): submits the pending batch, then waits for room (SQ_WAIT) if the
     * kernel consumed none. Out of line: the claim that finds room is all the hot path has.
     *
     * @return the claimed slot's offset
     */
    long claimWhenFull(boolean fast) {
        submitAndWait(0, -1, fast);
        long offset = sq.claim(fast);
        if (offset < 0) {
            enter.enter(0, 0, IORING_ENTER_SQ_WAIT(), -1, "SQ_WAIT", fast);
            offset = sq.claim(fast);
            if (offset < 0) {
                throw new IllegalStateException("submission queue full (" + sq.entries + " entries) and the "
                        + "kernel consumed none: reap completions or use a larger ring");
            }
        }
        return offset;
    }

    /**
     * The kernel holds completions back (CQ overflow) or has task work for us ({@link Ring#reap}): enters with
     * GETEVENTS and drains, as long as that yields more.
     *
     * @return the completions drained
     */
    int flushAndDrain(CompletionHandler handler, boolean fast) {
        int n = 0;
        do {
            enter.enter(0, 0, IORING_ENTER_GETEVENTS(), -1, "flush", fast);
            int more = cq.drain(handler, fast);
            if (more == 0) {
                break;
            }
            n += more;
        } while (sq.completionsNeedEnter(fast));
        return n;
    }

    /** Counts {@code consumed} SQEs as in flight, except those that post no CQE on success. */
    private void account(int consumed) {
        if (consumed > 0) {
            int skip = sq.account(consumed, sq.skipSuccessUsed);
            skipSubmitted += skip;
            expected += consumed - skip;
        }
    }

    /** Whether a thread sleeps in the kernel waiting for completions. */
    boolean isWaiting() {
        return waiting;
    }

    /** SQEs consumed that will post a final CQE. */
    long expected() {
        return expected;
    }

    /** SQEs with IOSQE_CQE_SKIP_SUCCESS consumed so far. */
    long skipSuccessSubmitted() {
        return skipSubmitted;
    }
}
