package dev.iobuf.uring;

import static dev.iobuf.liburing.LibUring.*;
import static dev.iobuf.liburing.NewerKernelConstants.IORING_ENTER_NO_IOWAIT;

import dev.iobuf.liburing.Errno;
import dev.iobuf.liburing.Syscalls;
import dev.iobuf.liburing.__kernel_timespec;
import dev.iobuf.liburing.io_uring_getevents_arg;
import dev.iobuf.liburing.io_uring_rsrc_update;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * How a {@link Ring} enters the kernel: {@code io_uring_enter} with its retries and error messages, the
 * timed-wait argument, and the owner's registered ring fd (registered at open, unregistered at close).
 * Kept apart from {@link Ring} so that the ring's public surface and its syscall plumbing change apart.
 */
final class RingEnter {
    private static final System.Logger LOG = System.getLogger(Ring.class.getName());
    private final int fd;
    private final int setupFlags;
    private final int features;
    private final int cqEntries;
    private final Thread owner;
    private final MemorySegment errno;
    /** io_uring_getevents_arg followed by its timespec, for timed waits (IORING_ENTER_EXT_ARG). */
    private final MemorySegment waitArg;
    private final MemorySegment waitTimespec;
    /** What the owner enters with: the registered index and IORING_ENTER_REGISTERED_RING, or the fd. */
    private int enterFd;
    private int enterFlags;
    private int ringFdIndex = -1;
    /** Added to every waiting enter: IORING_ENTER_NO_IOWAIT when asked for and offered, else 0. */
    private int waitFlags;
    private long calls;

    RingEnter(int fd, int setupFlags, int features, int cqEntries, Thread owner, MemorySegment errno, Arena arena) {
        this.fd = fd;
        this.setupFlags = setupFlags;
        this.features = features;
        this.cqEntries = cqEntries;
        this.owner = owner;
        this.errno = errno;
        this.enterFd = fd;
        this.waitArg = arena.allocate(io_uring_getevents_arg.sizeof() + Sqe.TIMESPEC_BYTES, 8);
        this.waitTimespec = waitArg.asSlice(io_uring_getevents_arg.sizeof(), Sqe.TIMESPEC_BYTES);
        io_uring_getevents_arg.ts(waitArg, waitTimespec.address());
    }

    /**
     * Registers the ring fd for the owner thread (IORING_REGISTER_RING_FDS, Linux 5.18).
     *
     * @return 1 if registered, else the kernel's result (0 or -errno)
     */
    int registerRingFd() {
        try (Arena temp = Arena.ofConfined()) {
            MemorySegment update = io_uring_rsrc_update.allocate(temp);
            io_uring_rsrc_update.offset(update, -1);   // any free slot
            io_uring_rsrc_update.data(update, fd);
            int rc = Syscalls.ioUringRegister(errno, fd, IORING_REGISTER_RING_FDS(), update, 1);
            if (rc == 1) {
                ringFdIndex = io_uring_rsrc_update.offset(update);
                enterFd = ringFdIndex;
                enterFlags = IORING_ENTER_REGISTERED_RING();
            }
            return rc;
        }
    }

    /**
     * Drops the owner's registration of the ring fd, which holds a reference to the ring: without this
     * the kernel would keep the ring alive until the owner thread exits. Only the owner can: the
     * registration lives in its task.
     */
    void unregisterRingFd() {
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

    /** Waits from now on are not accounted as iowait (the caller checked RingFeature.NO_IOWAIT). */
    void waitWithoutIowait() {
        waitFlags = IORING_ENTER_NO_IOWAIT();
    }

    /** Whether waits pass IORING_ENTER_NO_IOWAIT. */
    boolean waitsWithoutIowait() {
        return waitFlags != 0;
    }

    boolean isRingFdRegistered() {
        return ringFdIndex >= 0;
    }

    /** io_uring_enter calls made so far. */
    long calls() {
        return calls;
    }

    /**
     * io_uring_enter, retrying on EINTR. EAGAIN and EBUSY (kernel short of resources, CQ backed up)
     * and ETIME (timed wait expired) return 0; other errors throw, naming errno, call and arguments.
     */
    int enter(int toSubmit, int minComplete, int flags, long timeoutNanos, String what) {
        return enter(toSubmit, minComplete, flags, timeoutNanos, what, Thread.currentThread() == owner);
    }

    /** As {@link #enter(int, int, int, long, String)}, {@code onOwner} saying whether the caller is the owner thread. */
    int enter(int toSubmit, int minComplete, int flags, long timeoutNanos, String what, boolean onOwner) {
        // A registered ring fd is an index into the registering thread's table: others use the fd.
        int target = onOwner ? enterFd : fd;
        int all = flags | (onOwner ? enterFlags : 0) | ((flags & IORING_ENTER_GETEVENTS()) != 0 ? waitFlags : 0);
        MemorySegment arg = MemorySegment.NULL;
        long argSize = 0;
        if (timeoutNanos >= 0 && (flags & IORING_ENTER_GETEVENTS()) != 0 && (features & IORING_FEAT_EXT_ARG()) != 0) {
            __kernel_timespec.tv_sec(waitTimespec, timeoutNanos / 1_000_000_000L);
            __kernel_timespec.tv_nsec(waitTimespec, timeoutNanos % 1_000_000_000L);
            all |= IORING_ENTER_EXT_ARG();
            arg = waitArg;
            argSize = io_uring_getevents_arg.sizeof();
        }
        for (;;) {
            calls++;
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
            throw failure(rc, toSubmit, minComplete, all, what);
        }
    }

    private UringException failure(int rc, int toSubmit, int minComplete, int flags, String what) {
        String op = "io_uring_enter(" + what + ", fd=" + fd + (ringFdIndex >= 0 ? ", registered index=" + ringFdIndex : "")
                + ", to_submit=" + toSubmit + ", min_complete=" + minComplete + ", flags=0x" + Integer.toHexString(flags)
                + ", thread=" + Thread.currentThread().getName() + ")";
        if (Errno.EEXIST.is(rc) && (setupFlags & IORING_SETUP_SINGLE_ISSUER()) != 0) {
            return new UringException(op, rc, "this ring was set up with SINGLE_ISSUER and " + Thread.currentThread()
                    + " is not its issuer (" + owner + "); submit from the thread that built the ring, "
                    + "or build it with singleIssuer(false)");
        }
        if (Errno.EBADR.is(rc)) {
            return new UringException(op, rc, "the kernel dropped completions: the CQ (" + cqEntries + " entries) "
                    + "overflowed and it could not buffer them; reap more often or build the ring with a larger cqSize");
        }
        if (Errno.EBADF.is(rc) && (enterFlags & IORING_ENTER_REGISTERED_RING()) != 0) {
            return new UringException(op, rc, "the registered ring fd is not valid for this thread");
        }
        return new UringException(op, rc, null);
    }
}
