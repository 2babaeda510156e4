package dev.iobuf.uring;

import static dev.iobuf.liburing.LibUring.*;

import dev.iobuf.liburing.Libc;
import dev.iobuf.liburing.Syscalls;
import dev.iobuf.liburing.io_uring_params;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * An io_uring instance whose submission and completion run in Java over the shared ring memory:
 * {@link #nextSqe()} fills an SQE in place, {@link #submit()} publishes the batch with one release
 * store and one {@code io_uring_enter}, {@link #reap} and {@link #completions()} read CQEs in place.
 * No allocation and no native call per SQE or per CQE.
 *
 * <p>Threading: a ring belongs to one platform thread, its owner (the one that built it), like a
 * liburing {@code struct io_uring}. With the default SINGLE_ISSUER the kernel enforces it: submitting
 * from another thread fails with EEXIST. The registered ring fd is per thread too, so other threads
 * enter through the plain fd. Do not drive a ring from a virtual thread: its carrier changes.
 * {@link #close()} and {@link #wakeup()} may run on any thread.
 *
 * <p>Close: operations still in flight are cancelled and their completions awaited before the ring
 * memory is unmapped, so that when close returns the kernel no longer touches their buffers. Memory those
 * operations hold (pool leases, kept segments: see {@link Sqe}) is released only once the kernel is done
 * with it; if it cannot be (off the owner thread of a SINGLE_ISSUER ring the kernel refuses to cancel: see
 * {@link #close(CompletionHandler)}) the leases stay held and the pools refuse to close, rather than free
 * memory the kernel may still write. Any use after close is a {@link ClosedRingException} (an
 * {@link IllegalStateException}), never a stray memory access.
 *
 * <p>Waiting: {@link #submitAndWait(int)} sleeps in the kernel in slices of {@value #WAIT_SLICE_MILLIS} ms.
 * Between slices it looks whether the ring is being closed (then it throws {@link ClosedRingException},
 * after tearing the ring down on the owner thread, where the kernel lets it cancel) and whether the thread
 * was interrupted (then it throws {@link RingWaitInterruptedException} with the interrupt status still set).
 * {@link #wakeup()} (any thread) ends the current slice at once; {@link #close()} from another thread
 * calls it.
 *
 * <p>Memory ordering with the kernel is described in {@code SubmissionQueue} and {@code CompletionQueue}.
 */
public final class Ring implements AutoCloseable {
    /** How long one kernel wait lasts before the waiting owner looks for close and interrupts. */
    static final long WAIT_SLICE_MILLIS = 50;
    static final long WAIT_SLICE_NANOS = WAIT_SLICE_MILLIS * 1_000_000L;
    private static final int OPEN = 0;
    private static final int CLOSING = 1;
    private static final int CLOSED = 2;

    /**
     * user_data of the cancel-everything SQE that {@link #close()} submits. Reserved, like
     * {@link #WAKEUP_USER_DATA} and the resource-tag range ({@link ResourceTags}): completions with
     * reserved user_data are handled by the ring and never reach a {@link CompletionHandler} or the cursor.
     */
    public static final long CANCEL_ALL_USER_DATA = 0xFFFF_FFFF_FFFF_FFF0L;
    /** user_data of the completion {@link #wakeup()} posts (reserved: never delivered to handlers). */
    public static final long WAKEUP_USER_DATA = 0xFFFF_FFFF_FFFF_FFF1L;

    private final int fd;
    private final int setupFlags;
    private final int features;
    private final MemorySegment errno;
    private final SubmissionQueue sq;
    private final CompletionQueue cq;
    /** The owner thread's SQE view (writes unchecked: RingView) and the one other threads get (checked). */
    private final SqeViews sqe;
    private final CompletionCursor cursor;
    private final boolean sqPoll;
    private final int sqThreadIdle;
    private final int sqThreadCpu;
    private final Thread owner;
    /** The module that opened the ring; the unsafe entry points need it to have native access. */
    private final Module opener;
    /** Submitting, counting what is in flight, waiting in slices. */
    private final RingSubmission submission;
    /** io_uring_enter and the owner's registered ring fd. */
    private final RingEnter enter;
    /** Close: cancel, drain, close resources, unmap. */
    private final RingTeardown teardown;
    /** Memory each in-flight operation holds until its completion (leases, kept segments). */
    private final InFlightHolds holds;
    /** Resource tags of this ring's registered tables (their CQEs are routed here, never to handlers). */
    private final ResourceTags tags;
    /** Run once no operation is in flight: a closed buffer group gives its buffers and lease back. */
    private final List<Runnable> whenIdle = new ArrayList<>();
    /** {@code whenIdle.size()} as a plain int: {@link #reap} tests it inline (no list call for C2 to inline). */
    private int idleTasks;
    /** OPEN, CLOSING (a close began; the teardown may not have), CLOSED. */
    /** Read and written as a volatile field (no VarHandle: fewer nodes for C2 to inline on every call). */
    private volatile int state;
    private Probe probe;

    /** Use {@link RingSetup#open}: it sets the ring up and closes the fd if this fails. */
    Ring(int fd, MemorySegment params, Arena arena, Module opener) {
        this.fd = fd;
        this.setupFlags = io_uring_params.flags(params);
        this.features = io_uring_params.features(params);
        this.sqThreadIdle = io_uring_params.sq_thread_idle(params);
        this.sqThreadCpu = io_uring_params.sq_thread_cpu(params);
        this.errno = Libc.allocateErrnoState(arena);
        RingMemory memory = RingMemory.map(fd, params, arena, Thread.currentThread());
        this.holds = new InFlightHolds(io_uring_params.sq_entries(params));
        this.sq = new SubmissionQueue(memory, params, setupFlags, holds);
        this.cq = new CompletionQueue(memory, params, setupFlags, holds, this::reservedCompletion);
        MemorySegment timespecs = arena.allocate((long) sq.entries * Sqe.TIMESPEC_BYTES, 8);
        this.sqe = new SqeViews(memory.sqes, timespecs, sq.sqeShift, sq, holds, this, opener);
        this.tags = new ResourceTags(this);
        this.opener = opener;
        this.cursor = new CompletionCursor(this, cq);
        this.sqPoll = (setupFlags & IORING_SETUP_SQPOLL()) != 0;
        this.owner = Thread.currentThread();
        this.enter = new RingEnter(fd, setupFlags, features, cq.entries, owner, errno, arena);
        this.submission = new RingSubmission(this, sq, cq, enter, sqPoll, features);
        boolean issuerEnforced = (setupFlags & IORING_SETUP_SINGLE_ISSUER()) != 0 && !sqPoll;
        this.teardown = new RingTeardown(this, fd, owner, issuerEnforced, arena, sq, cq, sqe, holds, tags, enter,
                submission);
    }

    /** A builder with the fastest safe defaults. */
    public static RingBuilder builder() {
        return new RingBuilder();
    }

    /**
     * A ring of {@code entries} SQEs with the default options. The calling module is recorded: the
     * {@code ...Unsafe} methods of its SQEs need it to have native access.
     */
    public static Ring open(int entries) {
        return RingSetup.open(builder().entries(entries), SqeOperands.callerOfEntry());
    }

    // ---------------------------------------------------------------- submission

    /**
     * The next free SQE, as this ring's reusable {@link Sqe} view: call one operation method on it
     * (it writes the whole entry), then user data and flags. When the SQ is full, the
     * pending batch is submitted first.
     *
     * @throws IllegalStateException if the ring is closed, or the SQ stays full (the kernel consumes
     *         nothing: SQPOLL far behind, or submissions refused with EAGAIN/EBUSY)
     */
    public Sqe nextSqe() {
        ensureOpen();
        sqe.seal();
        boolean fast = Thread.currentThread() == owner;   // once per call (RingView)
        long offset = sq.claim(fast);
        if (offset < 0) {
            offset = submission.claimWhenFull(fast);
        }
        return sqe.view(fast).at(offset);
    }

    /** Free SQE slots right now. */
    public int sqSpace() {
        ensureOpen();
        return sq.free();
    }

    /**
     * Submits every prepared SQE with one {@code io_uring_enter} (none with SQPOLL while the poller is
     * awake).
     *
     * @return the number of SQEs the kernel consumed (with SQPOLL: published)
     */
    public int submit() {
        return submitAndWait(0);
    }

    /**
     * Submits every prepared SQE and waits until at least {@code minComplete} completions are ready
     * (then {@link #reap} them or read them with {@link #completions()}).
     *
     * @return the number of SQEs the kernel consumed (with SQPOLL: published)
     */
    public int submitAndWait(int minComplete) {
        return submitAndWait(minComplete, -1);
    }

    /**
     * As {@link #submitAndWait(int)}, but waits at most {@code timeoutNanos} (needs IORING_FEAT_EXT_ARG,
     * Linux 5.11; a negative timeout waits without limit). Returning early is not an error: check
     * {@link #cqReady()}.
     *
     * @return the number of SQEs the kernel consumed (with SQPOLL: published)
     * @throws ClosedRingException if the ring is closed, or was closed (from another thread) while waiting
     * @throws RingWaitInterruptedException if the thread was interrupted while waiting (the interrupt status
     *     stays set; the SQEs were submitted)
     */
    public int submitAndWait(int minComplete, long timeoutNanos) {
        ensureOpen();
        sqe.seal();
        return submission.submitAndWait(minComplete, timeoutNanos, Thread.currentThread() == owner);
    }

    /** Throws {@link ClosedRingException} if a close began while the owner waited for completions. */
    void ensureOpenWhileWaiting() {
        if (state != OPEN) {
            throw closedWhileWaiting();
        }
    }

    // ---------------------------------------------------------------- completion

    /**
     * Hands every ready completion to {@code handler}, without blocking. Enters the kernel only when
     * it holds completions back (CQ overflow) or has task work queued for us (COOP/DEFER_TASKRUN), and
     * then as often as that keeps producing completions: an overflowed CQ is delivered in full.
     *
     * @return the number of completions handled
     * @throws UringException if the kernel reports completions it could not keep (never silent)
     */
    public int reap(CompletionHandler handler) {
        ensureOpen();
        boolean fast = Thread.currentThread() == owner;   // once per call (RingView)
        int n = cq.drain(handler, fast);
        if (sq.completionsNeedEnter(fast)) {
            n += submission.flushAndDrain(handler, fast);
        }
        cq.checkOverflow(fd, fast);
        if (idleTasks != 0) {
            releaseIfIdle();
        }
        return n;
    }

    /**
     * Wakes the thread waiting in {@link #submitAndWait} on this ring (its current kernel wait ends; it
     * then reaps what is ready, or sees a close), from any thread. Posts a completion with
     * {@link #WAKEUP_USER_DATA}, which no handler sees, through IORING_OP_MSG_RING from a small shared
     * ring (Linux 5.18). Harmless when nobody waits.
     *
     * @return whether the wake-up was posted (false once the ring is closed, or without MSG_RING)
     */
    public boolean wakeup() {
        if (state == CLOSED) {
            return false;
        }
        return RingWaker.wake(fd);
    }

    /** Completions in the reserved user_data range: tags to their tables, close's cancel to the close. */
    private void reservedCompletion(long userData, int result, int flags) {
        if (userData == CANCEL_ALL_USER_DATA) {
            teardown.cancelAllCompleted(result);
        } else if (ResourceTags.isTagCompletion(userData)) {
            tags.dispatch(userData, result, flags);
        }
        // WAKEUP_USER_DATA: its only job was to end a wait.
    }

    /**
     * Runs {@code task} once no operation is in flight on this ring (now, if none is; at the latest when
     * close has drained; never if close could not drain): for memory that operations may use without holding
     * it themselves, such as the buffers of a closed buffer group, which a selecting op may still fill.
     */
    void whenIdle(Runnable task) {
        whenIdle.add(task);
        idleTasks = whenIdle.size();
        releaseIfIdle();
    }

    private void releaseIfIdle() {
        if (!whenIdle.isEmpty() && inFlight() <= 0 && sq.unconsumed() == 0) {
            runIdleTasks();
        }
    }

    /** Runs the {@link #whenIdle} tasks (also the teardown's, once close has drained). */
    void runIdleTasks() {
        Runnable[] tasks = whenIdle.toArray(new Runnable[0]);
        whenIdle.clear();
        idleTasks = 0;
        for (Runnable task : tasks) {
            task.run();
        }
    }

    /**
     * Whether the kernel has no operation of this ring left (all reaped; none unconsumed; CQE_SKIP_SUCCESS
     * never used, since such operations are not counted): then nothing uses a buffer it was given.
     */
    boolean isIdle() {
        return inFlight() <= 0 && sq.unconsumed() == 0 && !sq.skipSuccessUsed;
    }

    /** How this ring enters the kernel (setup registers the ring fd through it). */
    RingEnter ringEnter() {
        return enter;
    }

    /** Throws {@link IllegalCallerException} unless the module that opened this ring has native access. */
    void requireUnsafeAccess(String op) {
        if (!SqeOperands.grantsUnsafe(opener)) {
            throw SqeOperands.noNativeAccess(op, opener);
        }
    }

    /** This ring's resource-tag registry. */
    ResourceTags resourceTags() {
        return tags;
    }

    /** Operations in flight that hold memory until their completion (pool leases, kept segments). */
    public int inFlightHolds() {
        return holds.inFlight() + holds.unpublished();
    }

    /** Submits, waits for at least {@code minComplete} completions, and reaps them. */
    public int submitAndReap(int minComplete, CompletionHandler handler) {
        if (minComplete > 0 && cqReady() >= minComplete) {
            submit();
        } else {
            submitAndWait(minComplete);
        }
        return reap(handler);
    }

    /**
     * This ring's completion cursor (one per ring, reused): pull-style, allocation-free iteration over
     * ready completions. See {@link CompletionCursor}.
     */
    public CompletionCursor completions() {
        ensureOpen();
        return cursor;
    }

    /** Completions ready to reap (does not enter the kernel, so deferred completions are not counted). */
    public int cqReady() {
        ensureOpen();
        return cq.ready();
    }

    /**
     * If the kernel holds completions back (IORING_SQ_CQ_OVERFLOW) or has task work queued
     * (IORING_SQ_TASKRUN), enters it with GETEVENTS so they reach the CQ.
     *
     * @return whether it entered
     */
    boolean flushCompletions() {
        boolean fast = Thread.currentThread() == owner;
        if (!sq.completionsNeedEnter(fast)) {
            return false;
        }
        enter.enter(0, 0, IORING_ENTER_GETEVENTS(), -1, "flush", fast);
        return true;
    }

    /** Throws if the kernel dropped completions since the last check (never silent). */
    void checkOverflow() {
        cq.checkOverflow(fd);
    }

    /**
     * Operations the kernel consumed whose final completion (one without IORING_CQE_F_MORE) has not been
     * reaped. SQEs with IOSQE_CQE_SKIP_SUCCESS are not counted (they post a CQE only on failure, and
     * that CQE then lowers this number), so with them it is a lower bound.
     */
    public long inFlight() {
        return submission.expected() - cq.finished();
    }

    // ---------------------------------------------------------------- facts

    /** The ring fd (for io_uring_register and diagnostics). */
    public int fd() {
        ensureOpen();
        return fd;
    }

    /** IORING_SETUP_* flags the kernel accepted (what setup asked for, as it succeeded). */
    public int setupFlags() {
        return setupFlags;
    }

    /** Whether the kernel accepted {@code flag}. */
    public boolean has(SetupFlag flag) {
        return (setupFlags & flag.bit()) != 0;
    }

    /** IORING_FEAT_* bits the kernel reported. */
    public int features() {
        return features;
    }

    /** Whether the kernel reported {@code feature}. */
    public boolean has(RingFeature feature) {
        return (features & feature.bit()) != 0;
    }

    /**
     * Insists on {@code feature}.
     *
     * @throws UnsupportedFeatureException naming the feature, the Linux version that introduced it and
     *         the running kernel
     */
    public void require(RingFeature feature) {
        if (!has(feature)) {
            throw UnsupportedFeatureException.forFeature(feature);
        }
    }

    /** The operations this kernel supports, probed once per ring (IORING_REGISTER_PROBE). */
    public Probe probe() {
        ensureOpen();
        Probe p = probe;
        if (p == null) {
            p = Probe.of(this);
            probe = p;
        }
        return p;
    }

    /** Whether this kernel supports {@code op}. */
    public boolean supports(Opcode op) {
        return probe().supports(op);
    }

    /**
     * Insists on {@code op}.
     *
     * @throws UnsupportedFeatureException naming the operation, the Linux version that introduced it and
     *         the running kernel
     */
    public void require(Opcode op) {
        if (!supports(op)) {
            throw UnsupportedFeatureException.forOpcode(op);
        }
    }

    /** SQ size (a power of two). */
    public int sqEntries() {
        return sq.entries;
    }

    /** CQ size (a power of two). */
    public int cqEntries() {
        return cq.entries;
    }

    /** Whether the ring fd is registered (the owner enters with IORING_ENTER_REGISTERED_RING). */
    public boolean isRingFdRegistered() {
        return enter.isRingFdRegistered();
    }

    /** SQPOLL idle time in ms as the kernel stored it. */
    public int sqThreadIdle() {
        return sqThreadIdle;
    }

    /** SQPOLL CPU as the kernel stored it (meaningful with SQ_AFF). */
    public int sqThreadCpu() {
        return sqThreadCpu;
    }

    /** SQEs the kernel dropped as invalid since setup. */
    public int droppedSubmissions() {
        ensureOpen();
        return sq.dropped();
    }

    /** The thread that built the ring. */
    Thread owner() {
        return owner;
    }

    /** io_uring_enter calls made so far (tests prove SQPOLL submits without one). */
    long enterCalls() {
        return enter.calls();
    }

    /** SQEs with IOSQE_CQE_SKIP_SUCCESS the kernel consumed so far. */
    long skipSuccessSubmitted() {
        return submission.skipSuccessSubmitted();
    }

    /** The errno capture segment owned by this ring (for register calls made on its behalf). */
    MemorySegment errnoState() {
        return errno;
    }

    /** Runs {@code io_uring_register} on this ring; returns the result or -errno. */
    int register(int opcode, MemorySegment arg, int nrArgs) {
        ensureOpen();
        MemorySegment errnoState = Thread.currentThread() == owner ? errno : Syscalls.threadErrnoState();
        return Syscalls.ioUringRegister(errnoState, fd, opcode, arg, nrArgs);
    }

    boolean isClosed() {
        return state == CLOSED;
    }

    /**
     * Throws {@link ClosedRingException} unless the ring is open. While a close is under way, the thread
     * running the teardown passes (it uses the ring to cancel and unregister); the owner, when it sees a
     * close that another thread began, runs the teardown itself first (the kernel lets only it cancel).
     */
    void ensureOpen() {
        int s = state;
        if (s != OPEN && Thread.currentThread() != teardown.tearingDown()) {
            throw notOpen(s);
        }
    }

    private ClosedRingException notOpen(int s) {
        if (Thread.currentThread() == owner) {
            teardown.onOwnerCall(s == CLOSING);   // the teardown a closer began, or the unmap it left (RingView)
        }
        Thread by = teardown.closedBy();
        return new ClosedRingException("ring fd " + fd + " is closed" + (by != null && by != Thread.currentThread()
                ? " (by thread " + by.getName() + ")" : "") + ": create a new Ring");
    }

    private ClosedRingException closedWhileWaiting() {
        ClosedRingException e = notOpen(state);
        return new ClosedRingException(e.getMessage() + "; it was closed while this thread waited for completions");
    }

    @Override
    public String toString() {
        return "Ring[fd=" + fd + ", sq=" + sq.entries + ", cq=" + cq.entries + ", flags=" + SetupFlag.describe(setupFlags)
                + (enter.isRingFdRegistered() ? ", registered" : "") + (isClosed() ? ", closed" : "") + "]";
    }

    // ---------------------------------------------------------------- close

    /**
     * Cancels operations in flight, waits (up to 5 s) for their completions, unregisters resources and
     * the ring fd, then unmaps the ring and closes its fd. Idempotent; never hangs, from any thread. SQEs
     * prepared but not submitted are dropped.
     */
    @Override
    public void close() {
        close(RingTeardown.IGNORE);
    }

    /**
     * As {@link #close()}, handing the completions that arrive while closing (those of cancelled
     * operations, usually {@code -ECANCELED}) to {@code lastCompletions} (on the thread that tears down).
     *
     * <p>On the owner thread, or on any thread for a ring without SINGLE_ISSUER: submits one
     * IORING_ASYNC_CANCEL_ANY and waits (up to 5 s) until every operation that will post a completion has
     * done so, counting CQE_SKIP_SUCCESS operations through the cancel's result.
     *
     * <p>From another thread: if the owner is waiting in {@link #submitAndWait}, close {@link #wakeup wakes}
     * it; the owner's wait then tears the ring down on the owner thread and throws
     * {@link ClosedRingException}, and close returns once that is done. If the owner is not waiting but may
     * come back (a SINGLE_ISSUER ring whose owner is alive), close gives it
     * {@value #OWNER_PICKUP_MILLIS} ms to do the same at its next call. Otherwise close tears down itself;
     * off the owner thread of a SINGLE_ISSUER ring the kernel refuses every submit and register (EEXIST, even
     * after the owner exited): close then waits 200 ms for completions that come on their own; the kernel
     * cancels the rest when it tears the ring down, asynchronously (once no thread holds the ring fd registered),
     * a warning says so, and the memory those operations hold stays leased (its pools refuse to close). Off a
     * living owner, the unmap and the fd's close wait for the owner's next call on the ring or its exit.
     */
    public void close(CompletionHandler lastCompletions) {
        synchronized (this) {
            if (state == OPEN) {
                teardown.begin(lastCompletions, Thread.currentThread());
                // Volatile write, then the teardown's read of waiting: see RingSubmission.awaitCompletions.
                state = CLOSING;
            }
        }
        teardown.finish();
    }

    /** Value of {@link RingTeardown#OWNER_PICKUP_NANOS} in ms, for the documentation. */
    static final long OWNER_PICKUP_MILLIS = RingTeardown.OWNER_PICKUP_NANOS / 1_000_000L;

    /** The teardown's last step before unmapping: from now on every use is a {@link ClosedRingException}. */
    void markClosed() {
        state = CLOSED;
    }

    /** Ties {@code resource} to this ring: {@link #close()} closes it, newest first, after draining. */
    void attach(AutoCloseable resource) {
        ensureOpen();
        teardown.attach(resource);
    }

    /** Unties a resource its owner closed already. */
    void detach(AutoCloseable resource) {
        teardown.detach(resource);
    }
}
