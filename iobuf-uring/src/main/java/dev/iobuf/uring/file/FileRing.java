package dev.iobuf.uring.file;

import dev.iobuf.BoundedPool;
import dev.iobuf.IoVec;
import dev.iobuf.liburing.statx;
import dev.iobuf.uring.CompletionHandler;
import dev.iobuf.uring.EventFdWaker;
import dev.iobuf.uring.IoWorkerCaps;
import dev.iobuf.uring.Opcode;
import dev.iobuf.uring.RegisteredBuffers;
import dev.iobuf.uring.RegisteredFiles;
import dev.iobuf.uring.ResourceTags;
import dev.iobuf.uring.Ring;
import dev.iobuf.uring.UserData;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One ring of a {@link FileIo} and the platform thread that owns it. Any thread submits: it takes an
 * op slot (waiting when all are taken: that is the bounded submit queue), fills it, offers its index
 * to the {@link SubmitQueue} and wakes the ring thread if it sleeps ({@link EventFdWaker}). The ring
 * thread turns every queued op into SQEs, submits the whole batch with one {@code io_uring_enter},
 * reaps completions and wakes exactly the thread waiting for each.
 *
 * <p>user_data ({@link UserData}'s codec): an op's SQEs carry {@link FileOp#USER_DATA_OP}, the op's slot
 * and generation, and the part as aux (the fsync of a linked write+fsync is part 1); {@link #WAKE} is the
 * eventfd read's; cancels carry {@link #CANCEL} and are not waited for.
 *
 * <p>Memory: an op's memory is held by the op slot ({@link FileOp#keepAlive}) from before its index
 * is queued until its caller has seen the completion; the slot is not reused before then.
 */
sealed class FileRing implements Runnable, CompletionHandler permits ChannelRing {
    private static final System.Logger LOG = System.getLogger(FileRing.class.getName());
    static final long WAKE = UserData.of(FileOp.WAKE_OP, 0, 0, 0);
    static final long CANCEL = UserData.of(FileOp.CANCEL_OP, 0, 0, 0);
    /** Set on a queue entry that asks to cancel the op rather than submit it. */
    static final int CANCEL_ENTRY = 1 << 30;
    /** Each op's own native memory: a {@code struct statx} result, or the iovecs of one READV / WRITEV. */
    private static final int SCRATCH_BYTES =
            (int) Math.max(statx.sizeof(), (long) VectoredIo.IOVECS_PER_OP * IoVec.BYTES);
    /** What {@link #spinForWork} found. */
    private static final int SPIN_NOTHING = 0;
    private static final int SPIN_QUEUED = 1;
    private static final int SPIN_REAPED = 2;
    /** Ops the kernel never completed after close: their memory is kept reachable for good. */
    private static final List<Object> STRANDED = new ArrayList<>();

    private final FileIo service;
    private final int id;
    private final FileIoBuilder config;
    final BoundedPool<FileOp> ops;
    private final SubmitQueue queue;
    final Arena arena = Arena.ofShared();
    private final CountDownLatch started = new CountDownLatch(1);
    private final AtomicInteger pendingCancels = new AtomicInteger();
    /**
     * Callers that found every slot taken. Not a LongAdder: its first contention links the cell's CAS, and
     * thousands of virtual threads arriving at once wait for that linkage on a monitor, pinned to their
     * carriers (jdk.VirtualThreadPinned); this is the waiting path, where one contended CAS costs nothing.
     */
    final AtomicLong queueFullWaits = new AtomicLong();
    private final Thread thread;
    private final IdleSpin spin = new IdleSpin();
    private volatile Throwable startFailure;
    private volatile boolean stopping;
    private volatile boolean terminated;
    private EventFdWaker waker;
    private Ring ring;
    private RegisteredBuffers buffers;
    private RegisteredFiles files;
    private CompletionHandler reaper;
    /** SQEs submitted (or about to be) whose completion the ring thread still expects (cancels excluded). */
    private int expected;
    private boolean wakeArmed;
    private volatile boolean ftruncate;
    private long enters;
    private long stranded;

    FileRing(FileIo service, int id, FileIoBuilder config) {
        this.service = service;
        this.id = id;
        this.config = config;
        this.ops = new BoundedPool<>(config.queueDepth);
        MemorySegment scratch = arena.allocate((long) ops.capacity() * SCRATCH_BYTES, 4096);
        ops.fill(i -> new FileOp(i, scratch.asSlice((long) i * SCRATCH_BYTES, SCRATCH_BYTES)));
        this.queue = new SubmitQueue(Integer.highestOneBit(ops.capacity() * 2 - 1) << 1);
        this.thread = Thread.ofPlatform().daemon().name("iobuf-file-ring-" + id).unstarted(this);
    }

    /** Starts the ring thread and waits until the ring is set up (or failed to be). */
    void start() {
        thread.start();
        boolean interrupted = false;
        for (;;) {
            try {
                started.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable t = startFailure;   // setUp throws unchecked exceptions only
        if (t instanceof RuntimeException r) {
            throw r;
        } else if (t != null) {
            throw (Error) t;
        }
    }

    // ---------------------------------------------------------------- submitter side (any thread)

    /**
     * An op slot of this ring, waiting while all are taken.
     *
     * @throws ClosedChannelException if the service is closed
     * @throws ClosedByInterruptException if interrupted while waiting (the caller closes its file)
     */
    FileOp acquire(byte kind, UringFile file) throws ClosedChannelException {
        if (stopping) {
            throw new ClosedChannelException();
        }
        int i = ops.tryAcquire();
        if (i < 0) {
            queueFullWaits.incrementAndGet();
            try {
                i = ops.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClosedByInterruptException();
            }
        }
        return ops.value(i).reset(kind, file);
    }

    /** An op slot if one is free right now, else null. */
    FileOp tryAcquire(byte kind, UringFile file) throws ClosedChannelException {
        if (stopping) {
            throw new ClosedChannelException();
        }
        int i = ops.tryAcquire();
        return i < 0 ? null : ops.value(i).reset(kind, file);
    }

    /** Queues a filled op and wakes the ring thread if it sleeps. */
    void submit(FileOp op) {
        queue(op);
        waker.wake();
    }

    /** Queues a filled op without waking the ring thread (a batch wakes it once: {@link #wakeUp()}). */
    void queue(FileOp op) {
        retainLease(op);
        FileOp.STATE.setVolatile(op, FileOp.QUEUED);
        queue.offer(op.index);
        if (terminated) {
            op.sweep();   // the ring thread is gone (see shutDown): fail it here if nobody did
        }
    }

    /** Retains the lease of the pool {@code op} uses before the kernel can get the address; released in release(op). */
    final void retainLease(FileOp op) {
        if (op.lease != null) {
            try {
                op.lease.retain();
            } catch (IllegalStateException e) {
                op.lease = null;
                release(op);
                throw e;
            }
        }
    }

    /** Wakes the ring thread if it sleeps. */
    void wakeUp() {
        waker.wake();
    }

    /**
     * Waits for {@code op}'s completion. An interrupt cancels the op (IORING_OP_ASYNC_CANCEL) and the
     * wait goes on until the kernel is done with the op's memory; the interrupt status is kept set.
     */
    int await(FileOp op) {
        boolean interrupted = false;
        while (!op.isDone()) {
            LockSupport.park(this);
            if (Thread.interrupted() && !interrupted) {
                interrupted = true;
                requestCancel(op);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return op.result;
    }

    private void requestCancel(FileOp op) {
        // Bound the cancel entries in the queue (capacity 2 x slots: one submission + one cancel each).
        if (pendingCancels.incrementAndGet() <= ops.capacity()) {
            queue.offer(op.index | CANCEL_ENTRY);
            waker.wake();
        } else {
            pendingCancels.decrementAndGet();
        }
    }

    /** Gives the slot back after the caller has consumed the result. */
    void release(FileOp op) {
        if (op.lease != null && !op.stranded) {
            op.lease.release();
        }
        op.clear();
        ops.release(op.index);
    }

    /** Runs {@code task} on the ring thread and waits for it (registration changes). */
    void runOnRing(Runnable task) throws ClosedChannelException {
        FileOp op = acquire(FileOp.TASK, null);
        op.task = task;
        submit(op);
        int r = await(op);
        Throwable failure = op.failure;
        release(op);
        if (r == FileOp.CLOSED) {
            throw new ClosedChannelException();
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    // ---------------------------------------------------------------- ring thread

    @Override
    public void run() {
        try {
            setUp();
        } catch (Throwable t) {
            startFailure = t;
            closeQuietly();
            terminated = true;
            started.countDown();
            return;
        }
        started.countDown();
        try {
            loop();
        } catch (Throwable t) {
            LOG.log(System.Logger.Level.ERROR, "file ring " + id + " failed; failing its operations", t);
        } finally {
            shutDown();
        }
    }

    private void setUp() {
        ring = Ring.builder().entries(config.ringEntries()).cqSize(config.ringEntries() * 4).build();
        waker = new EventFdWaker(arena, thread);
        reaper = ResourceTags.of(ring).wrap(this);
        if (service.registeredSlots() > 0) {
            buffers = RegisteredBuffers.sparse(ring, service.registeredSlots());
            for (RegisteredPool p : service.registeredPools()) {
                buffers.setPool(p.firstSlot(), p.pool());
            }
        }
        ftruncate = ring.supports(Opcode.FTRUNCATE);
        if (config.fileSlots > 0) {
            files = RegisteredFiles.register(ring, config.fileSlots);
        }
        if (config.boundedWorkers >= 0 || config.unboundedWorkers >= 0) {
            IoWorkerCaps.apply(ring, new IoWorkerCaps(Math.max(0, config.boundedWorkers), Math.max(0, config.unboundedWorkers)));
        }
    }

    private void loop() {
        boolean callersWoken = false;
        while (!stopping) {
            int prepared = drain();
            if (prepared > 0) {
                enters++;
            }
            ring.submit();   // also cancels and resubmitted short writes; no system call when nothing is pending
            int reaped = ring.reap(reaper);   // enters only if the kernel has completions or task work to flush
            callersWoken |= reaped > 0;
            if (prepared > 0 || reaped > 0 || !queue.isEmpty()) {
                continue;
            }
            // Spin only right after waking callers (they may submit again at once); after a submission the
            // next event is the device's completion, which the kernel wait below catches without burning CPU.
            if (callersWoken) {
                int found = spinForWork();
                callersWoken = found == SPIN_REAPED;
                if (found != SPIN_NOTHING) {
                    continue;
                }
            }
            if (expected > 0) {
                sleepInKernel();
            } else {
                waker.prepareToSleep(EventFdWaker.PARKED);
                if (queue.isEmpty() && !stopping) {
                    LockSupport.park(this);
                }
                waker.awake();
            }
        }
    }

    /**
     * Busy-waits up to the {@link IdleSpin} window for a queued op or a completion: {@link #SPIN_QUEUED},
     * {@link #SPIN_REAPED} (callers were woken again) or {@link #SPIN_NOTHING}.
     */
    private int spinForWork() {
        long deadline = System.nanoTime() + spin.window();
        do {
            Thread.onSpinWait();
            int found = !queue.isEmpty() ? SPIN_QUEUED : ring.reap(reaper) > 0 ? SPIN_REAPED : SPIN_NOTHING;
            if (found != SPIN_NOTHING) {
                spin.hit();
                return found;
            }
        } while (System.nanoTime() - deadline < 0 && !stopping);
        spin.miss();
        return SPIN_NOTHING;
    }

    /** Blocks in io_uring_enter until a completion arrives; the armed eventfd read lets submitters end it. */
    private void sleepInKernel() {
        if (!wakeArmed) {
            ring.nextSqe().readUnsafe(waker.fd(), waker.readBuffer(), 0).userData(WAKE);
            wakeArmed = true;
        }
        waker.prepareToSleep(EventFdWaker.IN_KERNEL);
        if (queue.isEmpty() && !stopping && ring.cqReady() == 0) {
            ring.submitAndWait(1);
        } else {
            ring.submit();
        }
        waker.awake();
    }

    /** Turns queued entries into SQEs; returns how many ops it prepared. */
    private int drain() {
        int n = 0;
        int limit = ring.sqEntries();
        int e;
        while (n < limit && (e = queue.poll()) >= 0) {
            if ((e & CANCEL_ENTRY) != 0) {
                pendingCancels.decrementAndGet();
                cancel(ops.value(e & ~CANCEL_ENTRY));
                continue;
            }
            FileOp op = ops.value(e);
            if (op.kind == FileOp.TASK) {
                runTask(op);
            } else if (op.file != null && !op.file.isOpen()) {
                op.finish(FileOp.FILE_CLOSED);
            } else {
                prep(op);
                n++;
            }
        }
        return n;
    }

    private void runTask(FileOp op) {
        try {
            ring.submit();   // SQEs that name a file slot reach the kernel before a task changes the table
            op.task.run();
            op.finish(0);
        } catch (Throwable t) {
            op.failure = t;
            op.finish(FileOp.TASK_FAILED);
        }
    }

    /** Ring thread: cancels every op of {@code file} in the kernel (its close; blocked callers then return). */
    void cancelOpsOf(UringFile file) {
        for (int i = 0; i < ops.capacity(); i++) {
            FileOp op = ops.value(i);
            if (op.inKernel > 0 && op.file == file) {
                cancel(op);
            }
        }
        ring.submit();
    }

    private void cancel(FileOp op) {
        if (op.inKernel > 0) {
            ring.nextSqe().cancel(op.userData, 0).userData(CANCEL);
            if (op.kind == FileOp.WRITE_FSYNC) {
                ring.nextSqe().cancel(op.userData(FileOp.FSYNC_PART), 0).userData(CANCEL);
            }
        }
    }

    private void prep(FileOp op) {
        expected += FileSqes.prep(ring, op);
    }

    @Override
    public void complete(long userData, int result, int flags) {
        if (userData == WAKE) {
            wakeArmed = false;
            return;
        }
        if (UserData.op(userData) != FileOp.USER_DATA_OP) {
            return;   // a cancel's own completion
        }
        int index = UserData.slot(userData);
        if (index >= ops.capacity()) {
            return;
        }
        FileOp op = ops.value(index);
        int part = UserData.aux(userData);
        // op.userData, not op.generation: the generation is the submitter's to bump once the op is done
        if (UserData.generation(userData) != UserData.generation(op.userData) || part > FileOp.FSYNC_PART
                || op.inKernel == 0) {
            return;   // not ours (cannot happen: every SQE we make carries a live slot's user_data)
        }
        expected--;
        op.inKernel--;
        if (stopping) {
            if (op.inKernel == 0) {
                op.finish(FileOp.CLOSED);
            }
            return;
        }
        switch (op.kind) {
            case FileOp.WRITE -> completeWrite(op, result);
            case FileOp.WRITE_FSYNC -> completeWriteFsync(op, part == FileOp.FSYNC_PART, result);
            default -> op.finish(result);
        }
    }

    /** A short write is resubmitted for the rest; the caller hears of the whole. */
    private void completeWrite(FileOp op, int result) {
        if (result > 0 && result < op.len) {
            advance(op, result);
            prep(op);
            return;
        }
        op.finish(result >= 0 ? (int) (op.written + result) : op.written > 0 ? (int) op.written : result);
    }

    private void completeWriteFsync(FileOp op, boolean fsyncPart, int result) {
        if (!fsyncPart) {
            op.writeResult = result;
        } else {
            op.result = result;
        }
        if (op.inKernel > 0) {
            return;
        }
        int w = op.writeResult;
        if (w > 0 && w < op.len) {
            // The short write broke the link (its fsync came back -ECANCELED): go on with the rest, and the fsync.
            advance(op, w);
            prep(op);
            return;
        }
        if (w < 0) {
            op.finish(op.written > 0 ? (int) op.written : w);
        } else {
            op.finish(op.result < 0 ? op.result : (int) (op.written + w));
        }
    }

    private static void advance(FileOp op, int done) {
        op.written += done;
        op.addr += done;
        op.len -= done;
        op.position += done;
    }

    // ---------------------------------------------------------------- close

    /** Asks the ring thread to stop; it fails queued ops, cancels the rest and closes the ring. */
    void stop() {
        stopping = true;
        if (waker != null) {
            waker.wakeAlways();
        }
    }

    boolean isStopping() {
        return stopping;
    }

    /** Waits (bounded) for the ring thread to finish closing; true if it did. */
    boolean join(long timeoutMillis) {
        try {
            return thread.join(java.time.Duration.ofMillis(timeoutMillis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !thread.isAlive();
        }
    }

    private void shutDown() {
        stopping = true;
        int e;
        while ((e = queue.poll()) >= 0) {
            if ((e & CANCEL_ENTRY) == 0) {
                ops.value(e).finish(FileOp.CLOSED);
            }
        }
        try {
            ring.close(reaper);   // cancels what is in flight and waits (bounded) for the completions
        } catch (RuntimeException ex) {
            LOG.log(System.Logger.Level.WARNING, "closing file ring " + id + " failed", ex);
        }
        for (int i = 0; i < ops.capacity(); i++) {
            FileOp op = ops.value(i);
            if (op.inKernel > 0) {
                // The kernel did not complete it within the close wait: its memory must never be freed.
                stranded++;
                op.stranded = true;   // its lease stays retained: the pool refuses to close
                synchronized (STRANDED) {
                    STRANDED.add(op.keepAlive);
                }
                op.inKernel = 0;
                op.finish(FileOp.CLOSED);
            }
        }
        closeQuietly();
        terminated = true;
        for (int i = 0; i < ops.capacity(); i++) {
            ops.value(i).sweep();
        }
    }

    private void closeQuietly() {
        if (waker != null) {
            waker.close();
        }
        if (ring != null) {
            ring.close();
        }
        if (stranded == 0) {
            arena.close();
        }
    }

    // ---------------------------------------------------------------- facts

    /** Whether the kernel has IORING_OP_FTRUNCATE (Linux 6.9). */
    boolean supportsFtruncate() {
        return ftruncate;
    }

    RegisteredFiles files() {
        return files;
    }

    /** Ops the kernel did not complete before close (their memory was kept). */
    long stranded() {
        return stranded;
    }

    long enters() {
        return enters;
    }

    long unparks() {
        return waker == null ? 0 : waker.unparks();
    }

    long eventfdWrites() {
        return waker == null ? 0 : waker.eventfdWrites();
    }

    int opsInUse() {
        return ops.acquiredCount();
    }
}
