package dev.iobuf.uring;

import static dev.iobuf.liburing.LibUring.*;

import dev.iobuf.liburing.Errno;
import dev.iobuf.liburing.Libc;
import dev.iobuf.liburing.Syscalls;
import dev.iobuf.liburing.io_uring_params;
import dev.iobuf.liburing.io_uring_rsrc_update;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * An io_uring instance whose submission and completion run in Java over the shared ring memory:
 * {@link #nextSqe()} fills an SQE in place, {@link #submit()} publishes the batch with one release
 * store and one {@code io_uring_enter}, {@link #reap} reads CQEs in place. No allocation and no
 * native call per SQE or per CQE.
 *
 * <p>Threading: a ring belongs to one thread (the one that built it, with the default
 * SINGLE_ISSUER), like a liburing {@code struct io_uring}. Use from other threads is undefined,
 * except {@link #close()} after that thread stopped using it.
 *
 * <p>Close: operations still in flight are cancelled and their completions awaited before the
 * ring memory is unmapped, so the kernel never writes to memory we gave back. Any use after close
 * is an {@link IllegalStateException}.
 */
public final class Ring implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Ring.class.getName());
    private static final long CLOSE_WAIT_NANOS = 5_000_000_000L;
    private static final int DEFAULT_FLAGS_NEWEST_FIRST[] = {
        IORING_SETUP_NO_SQARRAY(), IORING_SETUP_SINGLE_ISSUER(),
        IORING_SETUP_COOP_TASKRUN() | IORING_SETUP_TASKRUN_FLAG(), IORING_SETUP_SUBMIT_ALL(),
    };

    private final int fd;
    private int enterFd;
    private int enterFlags;
    private final int setupFlags;
    private final int features;
    private final Arena arena;
    private final MemorySegment errno;
    private final SubmissionQueue sq;
    private final CompletionQueue cq;
    private final Sqe sqe;
    private final boolean sqPoll;
    private boolean registeredFd;
    private final int sqThreadIdle;
    private final int sqThreadCpu;
    private final Thread owner;
    /** Registered tables and buffer rings tied to this ring, closed (unregistered) before it. */
    private final java.util.ArrayDeque<AutoCloseable> resources = new java.util.ArrayDeque<>();
    private long submitted;
    private int lastOverflow;
    private volatile boolean closed;

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
        this.sqe = new Sqe(memory.sqes);
        this.sqPoll = (setupFlags & IORING_SETUP_SQPOLL()) != 0;
        this.owner = Thread.currentThread();
        this.enterFd = fd;
        this.lastOverflow = cq.overflowCounter();
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
        int required = 0;
        int optional = 0;
        required |= b.sqPoll ? IORING_SETUP_SQPOLL() : 0;
        required |= b.sqPollCpu >= 0 ? IORING_SETUP_SQ_AFF() : 0;
        required |= b.cqEntries > 0 ? IORING_SETUP_CQSIZE() : 0;
        int coop = IORING_SETUP_COOP_TASKRUN() | IORING_SETUP_TASKRUN_FLAG();
        if (b.sqPoll) {
            // SQPOLL does its own task work; COOP_TASKRUN and DEFER_TASKRUN do not apply.
            if (Boolean.TRUE.equals(b.deferTaskrun)) {
                throw new IllegalArgumentException("SQPOLL and DEFER_TASKRUN exclude each other: choose one");
            }
        } else {
            required |= choose(b.coopTaskrun, coop, 0);
            optional |= b.coopTaskrun == null ? coop : 0;
            required |= choose(b.deferTaskrun, IORING_SETUP_DEFER_TASKRUN(), 0);
        }
        required |= choose(b.singleIssuer, IORING_SETUP_SINGLE_ISSUER(), 0);
        optional |= b.singleIssuer == null ? IORING_SETUP_SINGLE_ISSUER() : 0;
        required |= choose(b.submitAll, IORING_SETUP_SUBMIT_ALL(), 0);
        optional |= b.submitAll == null ? IORING_SETUP_SUBMIT_ALL() : 0;
        required |= choose(b.noSqArray, IORING_SETUP_NO_SQARRAY(), 0);
        optional |= b.noSqArray == null ? IORING_SETUP_NO_SQARRAY() : 0;

        Arena arena = Arena.ofShared();
        try {
            MemorySegment params = io_uring_params.allocate(arena);
            int fd = setup(b, params, required, optional);
            Ring ring;
            try {
                ring = new Ring(fd, params, arena);
            } catch (RuntimeException | Error e) {
                Syscalls.close(fd);
                throw e;
            }
            boolean wantRegistered = !Boolean.FALSE.equals(b.registerRingFd);
            if (!wantRegistered) {
                return ring;
            }
            int index = ring.registerRingFd(arena);
            if (index < 0 && Boolean.TRUE.equals(b.registerRingFd)) {
                ring.close();
                throw new UringException("io_uring_register(RING_FDS, fd=" + fd + ")", index,
                        "registered ring fds need Linux 5.18; build without registerRingFd(true)");
            }
            if (index >= 0) {
                ring.enterFd = index;
                ring.enterFlags = IORING_ENTER_REGISTERED_RING();
                ring.registeredFd = true;
            }
            return ring;
        } catch (RuntimeException | Error e) {
            if (arena.scope().isAlive()) {
                arena.close();
            }
            throw e;
        }
    }

    private static int choose(Boolean option, int ifTrue, int ifFalse) {
        return option == null ? 0 : option ? ifTrue : ifFalse;
    }

    /** io_uring_setup with required | optional; on EINVAL drops optional flags, newest first. */
    private static int setup(RingBuilder b, MemorySegment params, int required, int optional) {
        int flags = required | optional;
        for (int drop = 0; ; ) {
            params.fill((byte) 0);
            io_uring_params.flags(params, flags | IORING_SETUP_CLAMP());
            io_uring_params.cq_entries(params, b.cqEntries);
            io_uring_params.sq_thread_idle(params, b.sqPollIdleMillis);
            io_uring_params.sq_thread_cpu(params, Math.max(0, b.sqPollCpu));
            int fd = Syscalls.ioUringSetup(b.entries, params);
            if (fd >= 0) {
                return fd;
            }
            String op = "io_uring_setup(entries=" + b.entries + ", flags=" + SetupFlag.describe(flags) + ")";
            if (!Errno.EINVAL.is(fd)) {
                throw UringException.forSetup(op, fd);
            }
            while (drop < DEFAULT_FLAGS_NEWEST_FIRST.length && (optional & DEFAULT_FLAGS_NEWEST_FIRST[drop]) == 0) {
                drop++;
            }
            if (drop == DEFAULT_FLAGS_NEWEST_FIRST.length) {
                throw new UringException(op, fd, "the kernel rejects the requested flags "
                        + SetupFlag.describe(required) + "; each needs at least the Linux version named; "
                        + "drop the explicit option or run a newer kernel (this one is " + kernel() + ")");
            }
            optional &= ~DEFAULT_FLAGS_NEWEST_FIRST[drop];
            flags = required | optional;
            drop++;
        }
    }

    private static String kernel() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    /** Registers the ring fd; returns its index, or -errno when the kernel cannot. */
    private int registerRingFd(Arena arena) {
        MemorySegment update = io_uring_rsrc_update.allocate(arena);
        io_uring_rsrc_update.offset(update, -1);   // any free slot
        io_uring_rsrc_update.data(update, fd);
        int rc = Syscalls.ioUringRegister(errno, fd, IORING_REGISTER_RING_FDS(), update, 1);
        return rc == 1 ? io_uring_rsrc_update.offset(update) : (rc < 0 ? rc : -Errno.EINVAL.number());
    }

    // ---------------------------------------------------------------- submission

    /**
     * The next free SQE, zeroed, as this ring's reusable {@link Sqe} view. When the SQ is full, the
     * pending batch is submitted first.
     *
     * @throws IllegalStateException if the ring is closed, or the SQ stays full (SQPOLL behind)
     */
    public Sqe nextSqe() {
        ensureOpen();
        long offset = sq.claim();
        if (offset < 0) {
            submit();
            offset = sq.claim();
            if (offset < 0) {
                enter(0, 0, IORING_ENTER_SQ_WAIT(), "SQ_WAIT");
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
     * @return the number of SQEs the kernel consumed
     */
    public int submit() {
        return submitAndWait(0);
    }

    /**
     * Submits every prepared SQE and waits until at least {@code minComplete} completions are ready
     * (then {@link #reap} them).
     *
     * @return the number of SQEs the kernel consumed
     */
    public int submitAndWait(int minComplete) {
        ensureOpen();
        int fresh = sq.publish();
        // Without SQPOLL, SQEs a previous enter left unconsumed (EAGAIN/EBUSY) are submitted again.
        int toSubmit = sqPoll ? fresh : sq.unconsumed();
        int flags = 0;
        if (minComplete > 0 || needsTaskRun()) {
            flags |= IORING_ENTER_GETEVENTS();
        }
        if (sqPoll) {
            if (fresh > 0 && sq.needsWakeup()) {
                flags |= IORING_ENTER_SQ_WAKEUP();
            }
            submitted += fresh;
            if (flags == 0) {
                return fresh;
            }
            enter(fresh, minComplete, flags, "submit");
            return fresh;
        }
        if (toSubmit == 0 && flags == 0) {
            return 0;
        }
        int consumed = enter(toSubmit, minComplete, flags, "submit");
        submitted += consumed;
        return consumed;
    }

    private boolean needsTaskRun() {
        return sq.cqOverflowPending() || sq.taskRunPending();
    }

    /** io_uring_enter, retrying on EINTR; throws on other errors. */
    private int enter(int toSubmit, int minComplete, int flags, String what) {
        for (;;) {
            int rc = Syscalls.ioUringEnter(errno, enterFd, toSubmit, minComplete, flags | enterFlags,
                    MemorySegment.NULL, 0);
            if (rc >= 0) {
                return rc;
            }
            if (Errno.EINTR.is(rc)) {
                continue;
            }
            if (Errno.EAGAIN.is(rc) || Errno.EBUSY.is(rc)) {
                return 0;   // kernel is short of resources or the CQ is backed up: reap, then retry
            }
            String op = "io_uring_enter(" + what + ", fd=" + fd + ", to_submit=" + toSubmit + ", min_complete="
                    + minComplete + ", flags=0x" + Integer.toHexString(flags | enterFlags) + ")";
            if (Errno.EEXIST.is(rc) && (setupFlags & IORING_SETUP_SINGLE_ISSUER()) != 0) {
                throw new UringException(op, rc, "this ring was set up with SINGLE_ISSUER and " + Thread.currentThread()
                        + " is not its issuer (" + owner + "); submit from the thread that built the ring, "
                        + "or build it with singleIssuer(false)");
            }
            throw new UringException(op, rc, null);
        }
    }

    // ---------------------------------------------------------------- completion

    /**
     * Hands every ready completion to {@code handler}, without blocking. Enters the kernel only when
     * it holds completions back (CQ overflow) or has task work queued for us (COOP/DEFER_TASKRUN).
     *
     * @return the number of completions handled
     * @throws UringException if the kernel reports completions it could not keep (never silent)
     */
    public int reap(CompletionHandler handler) {
        ensureOpen();
        int n = cq.drain(handler);
        if (needsTaskRun()) {
            enter(0, 0, IORING_ENTER_GETEVENTS(), "flush");
            n += cq.drain(handler);
        }
        checkOverflow();
        return n;
    }

    /** Submits, waits for at least {@code minComplete} completions, and reaps them. */
    public int submitAndReap(int minComplete, CompletionHandler handler) {
        if (minComplete > 0 && cq.ready() >= minComplete) {
            submit();
        } else {
            submitAndWait(minComplete);
        }
        return reap(handler);
    }

    /** Completions ready to reap. */
    public int cqReady() {
        ensureOpen();
        return cq.ready();
    }

    private void checkOverflow() {
        int overflow = cq.overflowCounter();
        if (overflow != lastOverflow) {
            int lost = overflow - lastOverflow;
            lastOverflow = overflow;
            throw new UringException("completion queue", -Errno.EOVERFLOW.number(), "the kernel dropped " + lost
                    + " completion(s) because the CQ (" + cq.entries + " entries) was full and it could not "
                    + "buffer them; reap more often or build the ring with a larger cqSize");
        }
    }

    /** Operations submitted whose final completion (one without IORING_CQE_F_MORE) has not been reaped. */
    public long inFlight() {
        return submitted - cq.finished();
    }

    // ---------------------------------------------------------------- facts

    /** The ring fd (for io_uring_register and diagnostics). */
    public int fd() {
        ensureOpen();
        return fd;
    }

    /** IORING_SETUP_* flags the kernel accepted. */
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

    /** SQ size (a power of two). */
    public int sqEntries() {
        return sq.entries;
    }

    /** CQ size (a power of two). */
    public int cqEntries() {
        return cq.entries;
    }

    /** Whether the ring fd is registered (enter uses IORING_ENTER_REGISTERED_RING). */
    public boolean isRingFdRegistered() {
        return registeredFd;
    }

    /** SQPOLL idle time in ms as the kernel stored it. */
    public int sqThreadIdle() {
        return sqThreadIdle;
    }

    /** SQEs the kernel dropped as invalid since setup. */
    public int droppedSubmissions() {
        return sq.dropped();
    }

    /** The errno capture segment owned by this ring (for register calls made on its behalf). */
    MemorySegment errnoState() {
        return errno;
    }

    /** Runs {@code io_uring_register} on this ring; returns the result or -errno. */
    int register(int opcode, MemorySegment arg, int nrArgs) {
        ensureOpen();
        return Syscalls.ioUringRegister(errno, fd, opcode, arg, nrArgs);
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
                + (closed ? ", closed" : "") + "]";
    }

    // ---------------------------------------------------------------- close

    /**
     * Cancels operations in flight, waits (up to 5 s) for their completions, then unmaps the ring and
     * closes its fd. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            drainInFlight();
            closeResources();
        } finally {
            closed = true;
            arena.close();            // invalidates every view, then munmaps
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

    private void drainInFlight() {
        if (inFlight() <= 0) {
            return;
        }
        long deadline = System.nanoTime() + CLOSE_WAIT_NANOS;
        try {
            long offset = sq.claim();
            if (offset >= 0) {
                sqe.at(offset).cancel(0, IORING_ASYNC_CANCEL_ANY()).userData(CANCEL_ALL_USER_DATA);
            }
            CompletionHandler ignore = (u, r, f) -> { };
            submit();
            while (inFlight() > 0 && System.nanoTime() - deadline < 0) {
                // Timeouts and cancels both complete quickly; wait a little at a time.
                enter(0, 1, IORING_ENTER_GETEVENTS(), "close");
                cq.drain(ignore);
            }
        } catch (UringException e) {
            LOG.log(System.Logger.Level.WARNING, "cancelling in-flight operations on close failed", e);
        }
        if (inFlight() > 0) {
            LOG.log(System.Logger.Level.WARNING, "ring fd " + fd + " closed with " + inFlight()
                    + " operation(s) still in flight after cancellation; the kernel finishes them on ring exit");
        }
    }

    /** user_data of the cancel-everything SQE that {@link #close()} submits. */
    public static final long CANCEL_ALL_USER_DATA = 0xFFFF_FFFF_FFFF_FFF0L;
}
