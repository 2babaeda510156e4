package dev.iobuf.uring;

import java.lang.foreign.MemorySegment;

/**
 * A ring's two {@link Sqe} views: the owner thread's, which writes the SQE array unchecked ({@link RingView}),
 * and the one {@link Ring#nextSqe()} hands any other thread, which writes through the checked segment. Fixed
 * per view, so the owner's stores need no thread check each.
 */
final class SqeViews {
    private final Sqe owners;
    private final Sqe others;

    SqeViews(RingView sqes, MemorySegment timespecs, int sqeShift, SubmissionQueue sq, InFlightHolds holds,
             Ring ring, Module opener) {
        this.owners = new Sqe(sqes, true, timespecs, sqeShift, sq, holds, ring, opener);
        this.others = new Sqe(sqes, false, timespecs, sqeShift, sq, holds, ring, opener);
    }

    /** The owner's view if {@code onOwner} (the caller asked {@code Thread.currentThread() == owner} once), else the other. */
    Sqe view(boolean onOwner) {
        return onOwner ? owners : others;
    }

    /** Seals both views (see {@link Sqe#seal}): a slot claimed but not prepared becomes a NOP before it is published. */
    void seal() {
        owners.seal();
        others.seal();
    }

    /** The ring memory is being unmapped: both views refuse every write from now on. */
    void retire() {
        owners.retire();
        others.retire();
    }
}
