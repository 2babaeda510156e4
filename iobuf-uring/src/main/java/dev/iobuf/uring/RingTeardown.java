package dev.iobuf.uring;

import static dev.iobuf.liburing.LibUring.*;

import dev.iobuf.liburing.Errno;
import dev.iobuf.liburing.Syscalls;
import java.lang.foreign.Arena;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The close of a {@link Ring}: who tears it down (the closer, or the owner when only it may cancel),
 * cancelling what is in flight and waiting for its completions, closing the resources tied to the ring,
 * then unmapping the ring and closing its fd. {@link Ring#close(CompletionHandler)} documents the contract;
 * this class keeps the teardown's state and steps apart from the ring's submission and completion paths.
 */
final class RingTeardown {
    private static final System.Logger LOG = System.getLogger(Ring.class.getName());
    /** How long close waits for the completions of cancelled operations. */
    static final long CLOSE_WAIT_NANOS = 5_000_000_000L;
    /** How long close waits for completions when it cannot cancel (off the owner of a SINGLE_ISSUER ring). */
    private static final long CLOSE_WAIT_UNCANCELLED_NANOS = 200_000_000L;
    private static final long CLOSE_WAIT_SLICE_NANOS = 50_000_000L;
    /** How long a closer off the owner thread gives a SINGLE_ISSUER owner to pick the teardown up. */
    static final long OWNER_PICKUP_NANOS = 200_000_000L;
    static final CompletionHandler IGNORE = (userData, result, flags) -> { };

    private final Ring ring;
    private final int fd;
    private final Thread owner;
    /** Whether the kernel refuses submits off the owner thread (SINGLE_ISSUER without SQPOLL). */
    private final boolean issuerEnforced;
    private final Arena arena;
    private final SubmissionQueue sq;
    private final CompletionQueue cq;
    private final SqeViews sqe;
    private final InFlightHolds holds;
    private final ResourceTags tags;
    private final RingEnter enter;
    private final RingSubmission submission;
    /** Registered tables and buffer rings tied to the ring, closed (unregistered) before it. */
    private final ArrayDeque<AutoCloseable> resources = new ArrayDeque<>();
    /** Whoever wins this runs the teardown (the closer, or the owner when it can cancel and the closer cannot). */
    private final AtomicBoolean claimed = new AtomicBoolean();
    private volatile Thread tearingDown;
    private volatile Thread closedBy;
    /** The handler of the close that won; the teardown hands it the last completions. */
    private volatile CompletionHandler closeHandler = IGNORE;
    /** Whether the unmap and fd close ran (once), and whether they wait for the owner ({@link #release}). */
    private final AtomicBoolean released = new AtomicBoolean();
    private volatile boolean releaseDeferred;
    /** Result of close's cancel-everything SQE (how many it cancelled), once its CQE arrived. */
    private int cancelAllResult = CloseDrain.NO_RESULT;

    RingTeardown(Ring ring, int fd, Thread owner, boolean issuerEnforced, Arena arena, SubmissionQueue sq,
            CompletionQueue cq, SqeViews sqe, InFlightHolds holds, ResourceTags tags, RingEnter enter,
            RingSubmission submission) {
        this.ring = ring;
        this.fd = fd;
        this.owner = owner;
        this.issuerEnforced = issuerEnforced;
        this.arena = arena;
        this.sq = sq;
        this.cq = cq;
        this.sqe = sqe;
        this.holds = holds;
        this.tags = tags;
        this.enter = enter;
        this.submission = submission;
    }

    /** Records the close that won (called once, under the ring's lock, before the ring turns CLOSING). */
    void begin(CompletionHandler lastCompletions, Thread by) {
        closeHandler = lastCompletions == null ? IGNORE : lastCompletions;
        closedBy = by;
    }

    /** The thread whose close won, or null. */
    Thread closedBy() {
        return closedBy;
    }

    /** The thread running the teardown, or null. */
    Thread tearingDown() {
        return tearingDown;
    }

    /** The cancel-everything SQE's completion arrived: it cancelled {@code result} requests. */
    void cancelAllCompleted(int result) {
        cancelAllResult = result;
    }

    /** Ties {@code resource} to the ring: the teardown closes it, newest first, after draining. */
    void attach(AutoCloseable resource) {
        resources.push(resource);
    }

    /** Unties a resource its owner closed already. */
    void detach(AutoCloseable resource) {
        resources.remove(resource);
    }

    /** The rest of a close once the ring is CLOSING: hand the teardown to the owner, run it, or await it. */
    void finish() {
        if (Thread.currentThread() != owner && owner.isAlive() && !claimed.get()) {
            letTheOwnerTearDown();
        }
        if (!run()) {
            awaitClosed();
        }
    }

    /**
     * Off the owner: wakes a waiting owner and gives it the teardown (on its thread the kernel cancels);
     * waits for that at most as long as close itself may take, or {@link #OWNER_PICKUP_NANOS} for an
     * owner that is not waiting but cannot be replaced (SINGLE_ISSUER).
     */
    private void letTheOwnerTearDown() {
        long start = System.nanoTime();
        long lastWake = 0;
        while (!claimed.get() && owner.isAlive()) {
            // Volatile read after the closer's volatile CLOSING write: the owner either is seen waiting here
            // or sees CLOSING before it sleeps again (see Ring.awaitCompletions).
            boolean ownerWaits = submission.isWaiting();
            long waited = System.nanoTime() - start;
            if (ownerWaits) {
                if (waited > CLOSE_WAIT_NANOS) {
                    return;
                }
                if (lastWake == 0 || System.nanoTime() - lastWake > Ring.WAIT_SLICE_NANOS) {
                    wakeupIfOpen();
                    lastWake = System.nanoTime();
                }
            } else if (!issuerEnforced || waited > OWNER_PICKUP_NANOS) {
                return;
            }
            LockSupport.parkNanos(200_000L);
        }
    }

    private void wakeupIfOpen() {
        try {
            RingWaker.wake(fd);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "wake-up of ring fd " + fd + " failed", e);
        }
    }

    /** Another thread tears down: wait until it is done, bounded (close never hangs). */
    private void awaitClosed() {
        long deadline = System.nanoTime() + CLOSE_WAIT_NANOS + 1_000_000_000L;
        while (!ring.isClosed() && tearingDown != Thread.currentThread() && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(1_000_000L);
        }
    }

    /** Runs the teardown if no other thread has; returns whether this thread did (or is doing) it. */
    boolean run() {
        if (tearingDown == Thread.currentThread()) {
            return true;
        }
        if (!claimed.compareAndSet(false, true)) {
            return false;
        }
        tearingDown = Thread.currentThread();
        boolean drained = false;
        try {
            drained = drainInFlight(closeHandler);
            closeResources();
            awaitTagReleases();
            enter.unregisterRingFd();
        } finally {
            if (drained) {
                holds.releaseAll();   // the kernel is done with every operation's memory
                ring.runIdleTasks();
            }
            holds.closeLeases();
            tags.close();
            ring.markClosed();
            tearingDown = null;
            release();
        }
        return true;
    }

    /**
     * Unmaps the ring memory and closes the fd: now if this is the owner thread or the owner has ended;
     * otherwise on the owner's next call on the ring ({@link Ring#ensureOpen} sees CLOSED) or when the owner
     * thread ends, whichever comes first. The owner reaches ring memory unchecked ({@link RingView}), between
     * its own check of the ring's state and the access, so no other thread may unmap under it; other threads
     * use the checked views, which the unmap turns into {@link IllegalStateException}s. An owner that lives on
     * without touching the ring again keeps the mapping (and the kernel ring) until it ends.
     */
    private void release() {
        if (Thread.currentThread() == owner || !owner.isAlive()) {
            releaseNow();
            return;
        }
        releaseDeferred = true;
        Thread.ofVirtual().name("ring-fd-" + fd + "-release").start(() -> {
            try {
                owner.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;   // nobody interrupts it; if someone does, the owner's next call still releases
            }
            releaseNow();
        });
    }

    /**
     * The owner called into a ring that is not open: it runs the teardown a closer began ({@code closing}), or,
     * once the ring is CLOSED, the unmap a close from another thread left to it, if still due.
     */
    void onOwnerCall(boolean closing) {
        if (closing) {
            run();
        } else if (releaseDeferred) {
            releaseNow();
        }
    }

    private void releaseNow() {
        if (!released.compareAndSet(false, true)) {
            return;
        }
        sqe.retire();   // a view kept from before the close refuses from now on (it would write unchecked)
        cq.retire();    // so does a drain whose handler closed the ring
        try {
            arena.close();            // invalidates every checked view, then munmaps
        } catch (IllegalStateException e) {
            // Another thread is inside a native call that holds this arena (misuse: close while in use).
            LOG.log(System.Logger.Level.WARNING, "ring fd " + fd + " memory stays mapped: another thread "
                    + "was inside a call on the ring while it was closed", e);
        }
        Syscalls.close(fd);
    }

    /**
     * Unregistering a table makes the kernel post a tag CQE per buffer once no request uses it; those
     * release the pools' leases. Wait briefly for them (they come at once when nothing is in flight).
     */
    private void awaitTagReleases() {
        long deadline = System.nanoTime() + CLOSE_WAIT_SLICE_NANOS;
        try {
            cq.drain(IGNORE);
            while (tags.pendingReleases() > 0 && System.nanoTime() - deadline < 0) {
                if (!ring.flushCompletions()) {
                    LockSupport.parkNanos(200_000L);
                }
                cq.drain(IGNORE);
            }
        } catch (UringException | IllegalStateException e) {
            LOG.log(System.Logger.Level.DEBUG, "waiting for tag completions on close of ring fd " + fd + " failed", e);
        }
    }

    private void closeResources() {
        AutoCloseable r;
        while ((r = resources.poll()) != null) {
            try {
                r.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "closing " + r + " with its ring failed", e);
            }
        }
    }

    /**
     * Cancels everything (IORING_ASYNC_CANCEL_ANY) and collects completions until every operation that
     * will post one has done so: {@link Ring#inFlight()} reaches 0, and as many {@code -ECANCELED}
     * completions arrived as the cancel reports cancelled requests (which covers CQE_SKIP_SUCCESS
     * operations: a cancelled one posts its failure).
     *
     * <p>Off the owner thread of a SINGLE_ISSUER ring the kernel refuses every submit and register
     * (EEXIST, even once the owner thread has exited), so nothing can be cancelled from here: close waits
     * briefly for completions that come on their own, then unmaps and closes the fd. That tears the ring
     * down (once no registered ring fd holds it: the owner's registration ends with the owner thread), and
     * the teardown cancels what is left, asynchronously; the completions of those are not seen.
     */
    private boolean drainInFlight(CompletionHandler handler) {
        sq.discardUnpublished();
        if (ring.inFlight() <= 0 && sq.unconsumed() == 0 && ring.skipSuccessSubmitted() == 0) {
            return true;
        }
        boolean canSubmit = !issuerEnforced || Thread.currentThread() == owner;
        long deadline = System.nanoTime() + (canSubmit ? CLOSE_WAIT_NANOS : CLOSE_WAIT_UNCANCELLED_NANOS);
        CloseDrain drain = new CloseDrain(handler, canSubmit, () -> cancelAllResult);
        boolean canEnter = canSubmit;
        try {
            if (canSubmit) {
                submitCancelAll();
            }
            cq.drain(drain);
            while (!drain.done(ring.inFlight()) && System.nanoTime() - deadline < 0) {
                if (canEnter) {
                    try {
                        long slice = Math.min(CLOSE_WAIT_SLICE_NANOS, Math.max(0, deadline - System.nanoTime()));
                        enter.enter(0, 1, IORING_ENTER_GETEVENTS(), slice, "close");
                    } catch (UringException e) {
                        if (e.errno() != Errno.EEXIST.number()) {
                            throw e;
                        }
                        canEnter = false;   // entered off the owner of a DEFER_TASKRUN ring: just watch the CQ
                    }
                } else {
                    LockSupport.parkNanos(1_000_000L);
                }
                cq.drain(drain);
            }
        } catch (UringException | IllegalStateException e) {
            LOG.log(System.Logger.Level.WARNING, "cancelling in-flight operations on close of ring fd " + fd + " failed", e);
        }
        if (!drain.done(ring.inFlight())) {
            LOG.log(System.Logger.Level.WARNING, "ring fd " + fd + " closed with " + Math.max(1, ring.inFlight())
                    + " operation(s) still in flight" + (canSubmit ? " after cancellation" : " (closed off the owner "
                    + "thread " + owner + " of a SINGLE_ISSUER ring, where the kernel refuses cancellation)")
                    + "; the kernel cancels them when it tears the ring down, asynchronously (and only once no thread "
                    + "holds the ring fd registered): the memory they hold stays leased");
            return false;
        }
        return true;
    }

    private void submitCancelAll() {
        boolean fast = Thread.currentThread() == owner;
        long offset = sq.claim(fast);
        if (offset < 0) {
            ring.submitAndWait(0);
            offset = sq.claim(fast);
        }
        if (offset >= 0) {
            sqe.view(fast).at(offset).cancel(0, IORING_ASYNC_CANCEL_ANY()).userData(Ring.CANCEL_ALL_USER_DATA);
        }
        ring.submitAndWait(0);
    }
}
