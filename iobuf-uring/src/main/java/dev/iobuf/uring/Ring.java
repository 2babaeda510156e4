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
import java.util.ArrayDeque;
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
 * {@link #close()} may run on another thread after the owner stopped using the ring.
 *
 * <p>Close: operations still in flight are cancelled and their completions awaited before the ring
 * memory is unmapped, so that when close returns the kernel no longer touches their buffers. One
 * exception: off the owner thread of a SINGLE_ISSUER ring the kernel refuses to cancel (see
 * {@link #close(CompletionHandler)}). Any use after close is an {@link IllegalStateException}, never a
 * stray memory access.
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

    /** user_data of the cancel-everything SQE that {@link #close()} submits. */
    public static final long CANCEL_ALL_USER_DATA = 0xFFFF_FFFF_FFFF_FFF0L;

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
    /** io_uring_getevents_arg followed by its timespec, for timed waits (IORING_ENTER_EXT_ARG). */
    private final MemorySegment waitArg;
    private final MemorySegment waitTimespec;
    /** Registered tables and buffer rings tied to this ring, closed (unregistered) before it. */
    private final ArrayDeque<AutoCloseable> resources = new ArrayDeque<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile boolean closed;

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

    private Ring(int fd, MemorySegment params, Arena arena) {
        this.fd = fd;
        this.arena = arena;
        this.setupFlags = io_uring_params.flags(params);
        this.features = io_uring_params.features(params);
        this.sqThreadIdle = io_uring_params.sq_thread_idle(params);
        this.sqThreadCpu = io_uring_params.sq_thread_cpu(params);
        this.errno = Libc.allocateErrnoState(arena);
        RingMemory memory = RingMemory.map(fd, params, arena);
        this.sq = new SubmissionQueue(memory, params, setupFlags);
        this.cq = new CompletionQueue(memory, params, setupFlags);
        MemorySegment timespecs = arena.allocate((long) sq.entries * Sqe.TIMESPEC_BYTES, 8);
        this.sqe = new Sqe(memory.sqes, timespecs, sq.sqeShift);
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

    /** A ring of {@code entries} SQEs with the default options. */
    public static Ring open(int entries) {
        return builder().entries(entries).build();
    }

    static Ring open(RingBuilder b) {
        int[] flags = RingSetup.flags(b);
        Arena arena = Arena.ofShared();
        try {
            MemorySegment params = io_uring_params.allocate(arena);
            int fd = RingSetup.setup(b, params, flags[0], flags[1]);
            Ring ring;
            try {
                ring = new Ring(fd, params, arena);
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
            if (flags != 0) {
                enter(fresh, minComplete, flags, timeoutNanos, "submit");
            }
            return fresh;
        }
        // SQEs a previous enter left unconsumed (EAGAIN/EBUSY) are submitted again with the fresh ones.
        int toSubmit = sq.unconsumed();
        if (toSubmit == 0 && flags == 0) {
            return 0;
        }
        int consumed = enter(toSubmit, minComplete, flags, timeoutNanos, "submit");
        account(consumed);
        return consumed;
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
        return n;
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
        return closed;
    }

    void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("ring is closed: create a new Ring");
        }
    }

    @Override
    public String toString() {
        return "Ring[fd=" + fd + ", sq=" + sq.entries + ", cq=" + cq.entries + ", flags=" + SetupFlag.describe(setupFlags)
                + (ringFdIndex >= 0 ? ", registered" : "") + (closed ? ", closed" : "") + "]";
    }

    // ---------------------------------------------------------------- close

    /**
     * Cancels operations in flight, waits (up to 5 s) for their completions, unregisters resources and
     * the ring fd, then unmaps the ring and closes its fd. Idempotent. SQEs prepared but not submitted are
     * dropped.
     */
    @Override
    public void close() {
        close(IGNORE);
    }

    /**
     * As {@link #close()}, handing the completions that arrive while closing (those of cancelled
     * operations, usually {@code -ECANCELED}) to {@code lastCompletions}.
     *
     * <p>On the owner thread, or on any thread for a ring without SINGLE_ISSUER: submits one
     * IORING_ASYNC_CANCEL_ANY and waits (up to 5 s) until every operation that will post a completion has
     * done so, counting CQE_SKIP_SUCCESS operations through the cancel's result. Off the owner thread of a
     * SINGLE_ISSUER ring the kernel refuses every submit and register (EEXIST, even after the owner
     * exited): close then waits 200 ms for completions that come on their own and unmaps; the kernel
     * cancels the rest when it tears the ring down, asynchronously (once no thread holds the ring fd
     * registered; the owner's registration ends with it), and a warning says so.
     */
    public void close(CompletionHandler lastCompletions) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        try {
            drainInFlight(lastCompletions);
            closeResources();
            unregisterRingFd();
        } finally {
            closed = true;
            try {
                arena.close();            // invalidates every view, then munmaps
            } catch (IllegalStateException e) {
                // Another thread is inside a native call that holds this arena (misuse: close while in use).
                LOG.log(System.Logger.Level.WARNING, "ring fd " + fd + " memory stays mapped: another thread "
                        + "was inside a call on the ring while it was closed", e);
            }
            Syscalls.close(fd);
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
    private void drainInFlight(CompletionHandler handler) {
        sq.discardUnpublished();
        if (inFlight() <= 0 && sq.unconsumed() == 0 && skipSubmitted == 0) {
            return;
        }
        boolean issuerEnforced = (setupFlags & IORING_SETUP_SINGLE_ISSUER()) != 0 && !sqPoll;
        boolean canSubmit = !issuerEnforced || Thread.currentThread() == owner;
        long deadline = System.nanoTime() + (canSubmit ? CLOSE_WAIT_NANOS : CLOSE_WAIT_UNCANCELLED_NANOS);
        CloseDrain drain = new CloseDrain(handler, canSubmit);
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
                    + "holds the ring fd registered): keep their buffers alive until then");
        }
    }

    /** Collects completions during close, and tells when all that can come have come. */
    private static final class CloseDrain implements CompletionHandler {
        private static final int NO_RESULT = Integer.MIN_VALUE;
        private final CompletionHandler handler;
        private final boolean cancelSubmitted;
        private int cancelResult = NO_RESULT;
        private long cancelledSeen;

        CloseDrain(CompletionHandler handler, boolean cancelSubmitted) {
            this.handler = handler;
            this.cancelSubmitted = cancelSubmitted;
        }

        @Override
        public void complete(long userData, int result, int flags) {
            if (userData == CANCEL_ALL_USER_DATA) {
                cancelResult = result;
                return;
            }
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
            return cancelResult != NO_RESULT && (cancelResult <= 0 || cancelledSeen >= cancelResult);
        }
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
