package dev.iobuf.uring;

import static dev.iobuf.liburing.LibUring.*;

import dev.iobuf.liburing.Errno;
import dev.iobuf.liburing.Libc;
import dev.iobuf.liburing.Syscalls;
import dev.iobuf.liburing.io_uring_getevents_arg;
import dev.iobuf.liburing.io_uring_params;
import dev.iobuf.liburing.io_uring_rsrc_update;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

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
    private static final System.Logger LOG = System.getLogger(Ring.class.getName());
    /** How long close waits for the completions of cancelled operations. */
    private static final long CLOSE_WAIT_NANOS = 5_000_000_000L;
    /** How long close waits for completions when it cannot cancel (off the owner of a SINGLE_ISSUER ring). */
    private static final long CLOSE_WAIT_UNCANCELLED_NANOS = 200_000_000L;
    private static final long CLOSE_WAIT_SLICE_NANOS = 50_000_000L;
    private static final CompletionHandler IGNORE = (userData, result, flags) -> { };
    /** How long one kernel wait lasts before the waiting owner looks for close and interrupts. */
    static final long WAIT_SLICE_MILLIS = 50;
    private static final long WAIT_SLICE_NANOS = WAIT_SLICE_MILLIS * 1_000_000L;
    /** How long a closer off the owner thread gives a SINGLE_ISSUER owner to pick the teardown up. */
    private static final long OWNER_PICKUP_NANOS = 200_000_000L;
    private static final int OPEN = 0;
    private static final int CLOSING = 1;
    private static final int CLOSED = 2;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Ring.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

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
    private final Arena arena;
    private final MemorySegment errno;
    private final SubmissionQueue sq;
    private final CompletionQueue cq;
    private final Sqe sqe;
    private final CompletionCursor cursor;
    private final boolean sqPoll;
    private final int sqThreadIdle;
    private final int sqThreadCpu;
    private final Thread owner;
    /** The module that opened the ring; the unsafe entry points need it to have native access. */
    private final Module opener;
    /** io_uring_getevents_arg followed by its timespec, for timed waits (IORING_ENTER_EXT_ARG). */
    private final MemorySegment waitArg;
    private final MemorySegment waitTimespec;
    /** Registered tables and buffer rings tied to this ring, closed (unregistered) before it. */
    private final ArrayDeque<AutoCloseable> resources = new ArrayDeque<>();
    /** Memory each in-flight operation holds until its completion (leases, kept segments). */
    private final InFlightHolds holds;
    /** Resource tags of this ring's registered tables (their CQEs are routed here, never to handlers). */
    private final ResourceTags tags;
    /** Run once no operation is in flight: a closed buffer group gives its buffers and lease back. */
    private final List<Runnable> whenIdle = new ArrayList<>();
    /** OPEN, CLOSING (a close began; the teardown may not have), CLOSED. */
    @SuppressWarnings("unused") // through STATE
    private volatile int state;
    /** Set while a thread sleeps in the kernel waiting for completions: a closer must wake it. */
    private volatile boolean waiting;
    /** Whoever wins this runs the teardown (the closer, or the owner when it can cancel and the closer cannot). */
    private final AtomicBoolean teardown = new AtomicBoolean();
    private volatile Thread tearingDown;
    private volatile Thread closedBy;
    /** The handler of the close that won; the teardown hands it the last completions. */
    private volatile CompletionHandler closeHandler = IGNORE;
    /** Result of close's cancel-everything SQE (how many it cancelled), once its CQE arrived. */
    private int cancelAllResult = CloseDrain.NO_RESULT;

    /** What the owner enters with: the registered index and IORING_ENTER_REGISTERED_RING, or the fd. */
    private int enterFd;
    private int enterFlags;
    private int ringFdIndex = -1;
    /** SQEs the kernel consumed that will post a final CQE (all but CQE_SKIP_SUCCESS ones). */
    private long expected;
    /** SQEs the kernel consumed that carried IOSQE_CQE_SKIP_SUCCESS. */
    private long skipSubmitted;
    private long enterCalls;
    private int lastOverflow;
    private Probe probe;

    private Ring(int fd, MemorySegment params, Arena arena, Module opener) {
        this.fd = fd;
        this.arena = arena;
        this.setupFlags = io_uring_params.flags(params);
        this.features = io_uring_params.features(params);
        this.sqThreadIdle = io_uring_params.sq_thread_idle(params);
        this.sqThreadCpu = io_uring_params.sq_thread_cpu(params);
        this.errno = Libc.allocateErrnoState(arena);
        RingMemory memory = RingMemory.map(fd, params, arena);
        this.holds = new InFlightHolds(io_uring_params.sq_entries(params));
        this.sq = new SubmissionQueue(memory, params, setupFlags, holds);
        this.cq = new CompletionQueue(memory, params, setupFlags, holds, this::reservedCompletion);
        MemorySegment timespecs = arena.allocate((long) sq.entries * Sqe.TIMESPEC_BYTES, 8);
        this.sqe = new Sqe(memory.sqes, timespecs, sq.sqeShift, sq, holds, this, opener);
        this.tags = new ResourceTags(this);
        this.opener = opener;
        this.cursor = new CompletionCursor(this, cq);
        this.sqPoll = (setupFlags & IORING_SETUP_SQPOLL()) != 0;
        this.owner = Thread.currentThread();
        this.enterFd = fd;
        this.lastOverflow = cq.overflowCounter();
        this.waitArg = arena.allocate(io_uring_getevents_arg.sizeof() + Sqe.TIMESPEC_BYTES, 8);
        this.waitTimespec = waitArg.asSlice(io_uring_getevents_arg.sizeof(), Sqe.TIMESPEC_BYTES);
        io_uring_getevents_arg.ts(waitArg, waitTimespec.address());
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
        return open(builder().entries(entries), SqeOperands.callerOfEntry());
    }

    static Ring open(RingBuilder b, Module opener) {
        int[] flags = RingSetup.flags(b);
        Arena arena = Arena.ofShared();
        try {
            MemorySegment params = io_uring_params.allocate(arena);
            int fd = RingSetup.setup(b, params, flags[0], flags[1]);
            Ring ring;
            try {
                ring = new Ring(fd, params, arena, opener);
            } catch (RuntimeException | Error e) {
                Syscalls.close(fd);
                throw e;
            }
            if (!Boolean.FALSE.equals(b.registerRingFd)) {
                ring.registerRingFd(b);
            }
            RingSetupEvent.record(ring, flags[0] | flags[1]);
            return ring;
        } catch (RuntimeException | Error e) {
            if (arena.scope().isAlive()) {
                arena.close();
            }
            throw e;
        }
    }

    /** Registers the ring fd for the owner thread (IORING_REGISTER_RING_FDS, Linux 5.18). */
    private void registerRingFd(RingBuilder b) {
        try (Arena temp = Arena.ofConfined()) {
            MemorySegment update = io_uring_rsrc_update.allocate(temp);
            io_uring_rsrc_update.offset(update, -1);   // any free slot
            io_uring_rsrc_update.data(update, fd);
            int rc = Syscalls.ioUringRegister(errno, fd, IORING_REGISTER_RING_FDS(), update, 1);
            if (rc == 1) {
                ringFdIndex = io_uring_rsrc_update.offset(update);
                enterFd = ringFdIndex;
                enterFlags = IORING_ENTER_REGISTERED_RING();
                return;
            }
            if (Boolean.TRUE.equals(b.registerRingFd)) {
                close();
                String op = "io_uring_register(RING_FDS, fd=" + fd + ")";
                int err = rc < 0 ? rc : -Errno.EINVAL.number();
                if (!Kernel.atLeast("5.18")) {
                    throw UnsupportedFeatureException.refused("IORING_REGISTER_RING_FDS", "5.18", op, err);
                }
                throw new UringException(op, err, "registered ring fds need Linux 5.18 (this is " + Kernel.describe()
                        + "); build without registerRingFd(true)");
            }
        }
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
        long offset = sq.claim();
        if (offset < 0) {
            submit();
            offset = sq.claim();
            if (offset < 0) {
                enter(0, 0, IORING_ENTER_SQ_WAIT(), -1, "SQ_WAIT");
                offset = sq.claim();
                if (offset < 0) {
                    throw new IllegalStateException("submission queue full (" + sq.entries + " entries) and the "
                            + "kernel consumed none: reap completions or use a larger ring");
                }
            }
        }
        return sqe.at(offset);
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
        int fresh = sq.publish();
        int flags = 0;
        if (minComplete > 0 || sq.completionsNeedEnter()) {
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
                enter(fresh, 0, flags, -1, "submit");
            }
            return fresh;
        }
        // SQEs a previous enter left unconsumed (EAGAIN/EBUSY) are submitted again with the fresh ones.
        int toSubmit = sq.unconsumed();
        if (toSubmit == 0 && flags == 0) {
            return 0;
        }
        if (minComplete > 0) {
            return awaitCompletions(toSubmit, minComplete, flags, timeoutNanos, true);
        }
        int consumed = enter(toSubmit, 0, flags, -1, "submit");
        account(consumed);
        return consumed;
    }

    /**
     * Submits {@code toSubmit} and waits for {@code minComplete} ready completions, in slices of at most
     * {@value #WAIT_SLICE_MILLIS} ms; between slices, a close or an interrupt ends the wait.
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
                if ((int) STATE.getVolatile(this) != OPEN) {
                    throw closedWhileWaiting();
                }
                if (Thread.currentThread().isInterrupted()) {
                    throw new RingWaitInterruptedException("interrupted while waiting for " + minComplete
                            + " completion(s) on " + this + " (the interrupt status is still set)");
                }
                long slice = WAIT_SLICE_NANOS;
                if (timeoutNanos >= 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0 && !first) {
                        return consumed;
                    }
                    slice = Math.max(0, Math.min(slice, left));
                }
                int rc = enter(toSubmit, minComplete, flags, slice, first ? "submit" : "wait");
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
                if (cq.ready() >= Math.min(minComplete, cq.entries) || sq.cqOverflowPending()
                        || (features & IORING_FEAT_EXT_ARG()) == 0) {
                    return consumed;
                }
            }
        } finally {
            waiting = false;
        }
    }

    /** Counts {@code consumed} SQEs as in flight, except those that post no CQE on success. */
    private void account(int consumed) {
        if (consumed > 0) {
            int skip = sq.account(consumed, sqe.skipSuccessUsed);
            skipSubmitted += skip;
            expected += consumed - skip;
        }
    }

    /**
     * io_uring_enter, retrying on EINTR. EAGAIN and EBUSY (kernel short of resources, CQ backed up)
     * and ETIME (timed wait expired) return 0; other errors throw, naming errno, call and arguments.
     */
    private int enter(int toSubmit, int minComplete, int flags, long timeoutNanos, String what) {
        boolean onOwner = Thread.currentThread() == owner;
        // A registered ring fd is an index into the registering thread's table: others use the fd.
        int target = onOwner ? enterFd : fd;
        int all = flags | (onOwner ? enterFlags : 0);
        MemorySegment arg = MemorySegment.NULL;
        long argSize = 0;
        if (timeoutNanos >= 0 && (flags & IORING_ENTER_GETEVENTS()) != 0 && (features & IORING_FEAT_EXT_ARG()) != 0) {
            waitTimespec.set(ValueLayout.JAVA_LONG, 0, timeoutNanos / 1_000_000_000L);
            waitTimespec.set(ValueLayout.JAVA_LONG, 8, timeoutNanos % 1_000_000_000L);
            all |= IORING_ENTER_EXT_ARG();
            arg = waitArg;
            argSize = io_uring_getevents_arg.sizeof();
        }
        for (;;) {
            enterCalls++;
            int rc = Enter.enter(onOwner ? errno : Syscalls.threadErrnoState(), target, toSubmit, minComplete, all, arg,
                    argSize);
            if (rc >= 0) {
                return rc;
            }
            if (Errno.EINTR.is(rc)) {
                continue;
            }
            if (Errno.EAGAIN.is(rc) || Errno.EBUSY.is(rc) || (Errno.ETIME.is(rc) && argSize != 0)) {
                return 0;
            }
            throw enterFailure(rc, toSubmit, minComplete, all, what);
        }
    }

    private UringException enterFailure(int rc, int toSubmit, int minComplete, int flags, String what) {
        String op = "io_uring_enter(" + what + ", fd=" + fd + (ringFdIndex >= 0 ? ", registered index=" + ringFdIndex : "")
                + ", to_submit=" + toSubmit + ", min_complete=" + minComplete + ", flags=0x" + Integer.toHexString(flags)
                + ", thread=" + Thread.currentThread().getName() + ")";
        if (Errno.EEXIST.is(rc) && (setupFlags & IORING_SETUP_SINGLE_ISSUER()) != 0) {
            return new UringException(op, rc, "this ring was set up with SINGLE_ISSUER and " + Thread.currentThread()
                    + " is not its issuer (" + owner + "); submit from the thread that built the ring, "
                    + "or build it with singleIssuer(false)");
        }
        if (Errno.EBADR.is(rc)) {
            return new UringException(op, rc, "the kernel dropped completions: the CQ (" + cq.entries + " entries) "
                    + "overflowed and it could not buffer them; reap more often or build the ring with a larger cqSize");
        }
        if (Errno.EBADF.is(rc) && (enterFlags & IORING_ENTER_REGISTERED_RING()) != 0) {
            return new UringException(op, rc, "the registered ring fd is not valid for this thread");
        }
        return new UringException(op, rc, null);
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
        int n = cq.drain(handler);
        while (flushCompletions()) {
            int more = cq.drain(handler);
            if (more == 0) {
                break;
            }
            n += more;
        }
        checkOverflow();
        releaseIfIdle();
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
        if ((int) STATE.getVolatile(this) == CLOSED) {
            return false;
        }
        return RingWaker.wake(fd);
    }

    /** Completions in the reserved user_data range: tags to their tables, close's cancel to the close. */
    private void reservedCompletion(long userData, int result, int flags) {
        if (userData == CANCEL_ALL_USER_DATA) {
            cancelAllResult = result;
        } else if (ResourceTags.isTagCompletion(userData)) {
            tags.dispatch(userData, result, flags);
        }
        // WAKEUP_USER_DATA: its only job was to end a wait.
    }

    /** Whether {@code userData} is reserved for the ring (see {@link #CANCEL_ALL_USER_DATA}). */
    static boolean isReserved(long userData) {
        // One unsigned compare for every ordinary value: only the top two prefixes can be reserved.
        return (userData >>> 48) >= 0xFFFEL && (ResourceTags.isTagCompletion(userData)
                || userData == CANCEL_ALL_USER_DATA || userData == WAKEUP_USER_DATA);
    }

    /**
     * Runs {@code task} once no operation is in flight on this ring (now, if none is; at the latest when
     * close has drained; never if close could not drain): for memory that operations may use without holding
     * it themselves, such as the buffers of a closed buffer group, which a selecting op may still fill.
     */
    void whenIdle(Runnable task) {
        whenIdle.add(task);
        releaseIfIdle();
    }

    private void releaseIfIdle() {
        if (!whenIdle.isEmpty() && inFlight() <= 0 && sq.unconsumed() == 0) {
            runIdleTasks();
        }
    }

    private void runIdleTasks() {
        Runnable[] tasks = whenIdle.toArray(new Runnable[0]);
        whenIdle.clear();
        for (Runnable task : tasks) {
            task.run();
        }
    }

    /**
     * Whether the kernel has no operation of this ring left (all reaped; none unconsumed; CQE_SKIP_SUCCESS
     * never used, since such operations are not counted): then nothing uses a buffer it was given.
     */
    boolean isIdle() {
        return inFlight() <= 0 && sq.unconsumed() == 0 && !sqe.skipSuccessUsed;
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
        if (!sq.completionsNeedEnter()) {
            return false;
        }
        enter(0, 0, IORING_ENTER_GETEVENTS(), -1, "flush");
        return true;
    }

    void checkOverflow() {
        int overflow = cq.overflowCounter();
        if (overflow != lastOverflow) {
            int lost = overflow - lastOverflow;
            lastOverflow = overflow;
            throw new UringException("completion queue of ring fd " + fd, -Errno.EOVERFLOW.number(), "the kernel dropped "
                    + lost + " completion(s) because the CQ (" + cq.entries + " entries) was full and it could not "
                    + "buffer them; reap more often or build the ring with a larger cqSize");
        }
    }

    /**
     * Operations the kernel consumed whose final completion (one without IORING_CQE_F_MORE) has not been
     * reaped. SQEs with IOSQE_CQE_SKIP_SUCCESS are not counted (they post a CQE only on failure, and
     * that CQE then lowers this number), so with them it is a lower bound.
     */
    public long inFlight() {
        return expected - cq.finished();
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
        return ringFdIndex >= 0;
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
        return sq.dropped();
    }

    /** The thread that built the ring. */
    Thread owner() {
        return owner;
    }

    /** io_uring_enter calls made so far (tests prove SQPOLL submits without one). */
    long enterCalls() {
        return enterCalls;
    }

    /** SQEs with IOSQE_CQE_SKIP_SUCCESS the kernel consumed so far. */
    long skipSuccessSubmitted() {
        return skipSubmitted;
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
        return (int) STATE.getVolatile(this) == CLOSED;
    }

    /**
     * Throws {@link ClosedRingException} unless the ring is open. While a close is under way, the thread
     * running the teardown passes (it uses the ring to cancel and unregister); the owner, when it sees a
     * close that another thread began, runs the teardown itself first (the kernel lets only it cancel).
     */
    void ensureOpen() {
        int s = (int) STATE.getVolatile(this);
        if (s != OPEN && Thread.currentThread() != tearingDown) {
            throw notOpen(s);
        }
    }

    private ClosedRingException notOpen(int s) {
        if (s == CLOSING && Thread.currentThread() == owner) {
            runTeardown();
        }
        Thread by = closedBy;
        return new ClosedRingException("ring fd " + fd + " is closed" + (by != null && by != Thread.currentThread()
                ? " (by thread " + by.getName() + ")" : "") + ": create a new Ring");
    }

    private ClosedRingException closedWhileWaiting() {
        ClosedRingException e = notOpen((int) STATE.getVolatile(this));
        return new ClosedRingException(e.getMessage() + "; it was closed while this thread waited for completions");
    }

    @Override
    public String toString() {
        return "Ring[fd=" + fd + ", sq=" + sq.entries + ", cq=" + cq.entries + ", flags=" + SetupFlag.describe(setupFlags)
                + (ringFdIndex >= 0 ? ", registered" : "") + (isClosed() ? ", closed" : "") + "]";
    }

    // ---------------------------------------------------------------- close

    /**
     * Cancels operations in flight, waits (up to 5 s) for their completions, unregisters resources and
     * the ring fd, then unmaps the ring and closes its fd. Idempotent; never hangs, from any thread. SQEs
     * prepared but not submitted are dropped.
     */
    @Override
    public void close() {
        close(IGNORE);
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
     * after the owner exited): close then waits 200 ms for completions that come on their own and unmaps; the
     * kernel cancels the rest when it tears the ring down, asynchronously (once no thread holds the ring fd
     * registered; the owner's registration ends with it), a warning says so, and the memory those operations
     * hold stays leased (its pools refuse to close) because the kernel may still write into it.
     */
    public void close(CompletionHandler lastCompletions) {
        Thread me = Thread.currentThread();
        synchronized (this) {
            if ((int) STATE.getVolatile(this) == OPEN) {
                closeHandler = lastCompletions == null ? IGNORE : lastCompletions;
                closedBy = me;
                STATE.setVolatile(this, CLOSING);   // volatile write, then the waiting read (see awaitCompletions)
            }
        }
        if (me != owner && owner.isAlive() && !teardown.get()) {
            letTheOwnerTearDown();
        }
        if (!runTeardown()) {
            awaitClosed();
        }
    }

    /** Value of {@link #OWNER_PICKUP_NANOS} in ms, for the documentation. */
    static final long OWNER_PICKUP_MILLIS = OWNER_PICKUP_NANOS / 1_000_000L;

    /**
     * Off the owner: wakes a waiting owner and gives it the teardown (on its thread the kernel cancels);
     * waits for that at most as long as close itself may take, or {@value #OWNER_PICKUP_MILLIS} ms for an
     * owner that is not waiting but cannot be replaced (SINGLE_ISSUER).
     */
    private void letTheOwnerTearDown() {
        boolean issuerEnforced = (setupFlags & IORING_SETUP_SINGLE_ISSUER()) != 0 && !sqPoll;
        long start = System.nanoTime();
        long lastWake = 0;
        while (!teardown.get() && owner.isAlive()) {
            boolean ownerWaits = waiting;
            long waited = System.nanoTime() - start;
            if (ownerWaits) {
                if (waited > CLOSE_WAIT_NANOS) {
                    return;
                }
                if (lastWake == 0 || System.nanoTime() - lastWake > WAIT_SLICE_NANOS) {
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
        while ((int) STATE.getVolatile(this) != CLOSED && tearingDown != Thread.currentThread()
                && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(1_000_000L);
        }
    }

    /** Runs the teardown if no other thread has; returns whether this thread did (or is doing) it. */
    private boolean runTeardown() {
        if (tearingDown == Thread.currentThread()) {
            return true;
        }
        if (!teardown.compareAndSet(false, true)) {
            return false;
        }
        tearingDown = Thread.currentThread();
        boolean drained = false;
        try {
            drained = drainInFlight(closeHandler);
            closeResources();
            awaitTagReleases();
            unregisterRingFd();
        } finally {
            if (drained) {
                holds.releaseAll();   // the kernel is done with every operation's memory
                runIdleTasks();
            }
            holds.closeLeases();
            tags.close();
            STATE.setVolatile(this, CLOSED);
            tearingDown = null;
            try {
                arena.close();            // invalidates every view, then munmaps
            } catch (IllegalStateException e) {
                // Another thread is inside a native call that holds this arena (misuse: close while in use).
                LOG.log(System.Logger.Level.WARNING, "ring fd " + fd + " memory stays mapped: another thread "
                        + "was inside a call on the ring while it was closed", e);
            }
            Syscalls.close(fd);
        }
        return true;
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
                if (!flushCompletions()) {
                    LockSupport.parkNanos(200_000L);
                }
                cq.drain(IGNORE);
            }
        } catch (UringException | IllegalStateException e) {
            LOG.log(System.Logger.Level.DEBUG, "waiting for tag completions on close of ring fd " + fd + " failed", e);
        }
    }

    /** Ties {@code resource} to this ring: {@link #close()} closes it, newest first, after draining. */
    void attach(AutoCloseable resource) {
        ensureOpen();
        resources.push(resource);
    }

    /** Unties a resource its owner closed already. */
    void detach(AutoCloseable resource) {
        resources.remove(resource);
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
     * will post one has done so: {@link #inFlight()} reaches 0, and as many {@code -ECANCELED}
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
        if (inFlight() <= 0 && sq.unconsumed() == 0 && skipSubmitted == 0) {
            return true;
        }
        boolean issuerEnforced = (setupFlags & IORING_SETUP_SINGLE_ISSUER()) != 0 && !sqPoll;
        boolean canSubmit = !issuerEnforced || Thread.currentThread() == owner;
        long deadline = System.nanoTime() + (canSubmit ? CLOSE_WAIT_NANOS : CLOSE_WAIT_UNCANCELLED_NANOS);
        CloseDrain drain = new CloseDrain(handler, canSubmit, () -> cancelAllResult);
        boolean canEnter = canSubmit;
        try {
            if (canSubmit) {
                submitCancelAll();
            }
            cq.drain(drain);
            while (!drain.done(inFlight()) && System.nanoTime() - deadline < 0) {
                if (canEnter) {
                    try {
                        long slice = Math.min(CLOSE_WAIT_SLICE_NANOS, Math.max(0, deadline - System.nanoTime()));
                        enter(0, 1, IORING_ENTER_GETEVENTS(), slice, "close");
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
        if (!drain.done(inFlight())) {
            LOG.log(System.Logger.Level.WARNING, "ring fd " + fd + " closed with " + Math.max(1, inFlight())
                    + " operation(s) still in flight" + (canSubmit ? " after cancellation" : " (closed off the owner "
                    + "thread " + owner + " of a SINGLE_ISSUER ring, where the kernel refuses cancellation)")
                    + "; the kernel cancels them when it tears the ring down, asynchronously (and only once no thread "
                    + "holds the ring fd registered): the memory they hold stays leased");
            return false;
        }
        return true;
    }

    private void submitCancelAll() {
        long offset = sq.claim();
        if (offset < 0) {
            submitAndWait(0);
            offset = sq.claim();
        }
        if (offset >= 0) {
            sqe.at(offset).cancel(0, IORING_ASYNC_CANCEL_ANY()).userData(CANCEL_ALL_USER_DATA);
        }
        submitAndWait(0);
    }

    /**
     * Drops the owner's registration of the ring fd, which holds a reference to the ring: without this
     * the kernel would keep the ring alive until the owner thread exits. Only the owner can: the
     * registration lives in its task.
     */
    private void unregisterRingFd() {
        if (ringFdIndex < 0) {
            return;
        }
        if (Thread.currentThread() != owner) {
            LOG.log(System.Logger.Level.DEBUG, "ring fd " + fd + " closed off its owner thread: the kernel releases the "
                    + "ring when " + owner + " exits (its registered ring fd holds a reference)");
            return;
        }
        try (Arena temp = Arena.ofConfined()) {
            MemorySegment update = io_uring_rsrc_update.allocate(temp);
            io_uring_rsrc_update.offset(update, ringFdIndex);
            int rc = Syscalls.ioUringRegister(errno, fd, IORING_UNREGISTER_RING_FDS(), update, 1);
            if (rc != 1) {
                LOG.log(System.Logger.Level.WARNING, "io_uring_register(UNREGISTER_RING_FDS, index=" + ringFdIndex
                        + ") on ring fd " + fd + " returned " + Errno.name(rc));
            }
        }
        ringFdIndex = -1;
    }
}
