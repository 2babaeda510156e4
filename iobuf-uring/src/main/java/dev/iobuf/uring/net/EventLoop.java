package dev.iobuf.uring.net;

import static dev.iobuf.liburing.LibUring.IORING_CQE_F_BUFFER;
import static dev.iobuf.liburing.LibUring.IORING_CQE_F_MORE;

import dev.iobuf.liburing.Errno;
import dev.iobuf.uring.CompletionCursor;
import dev.iobuf.uring.IoUringBlockedException;
import dev.iobuf.uring.IoUringUnavailableException;
import dev.iobuf.uring.MemlockLimitException;
import dev.iobuf.uring.Opcode;
import dev.iobuf.uring.Ring;
import dev.iobuf.uring.RingFeature;
import dev.iobuf.uring.SetupFlag;
import dev.iobuf.uring.Sqe;
import dev.iobuf.uring.UringException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One thread with one io_uring ring, serving the connections, listeners and timers given to it. Part of
 * an {@link EventLoopGroup}; each connection lives on one loop for its whole life.
 *
 * <p>A turn of the loop: run the tasks other threads handed over ({@link #execute}); tell connections
 * whose write queue drained; deliver data held back while reading was paused; start one send per
 * connection that has something queued; hand used receive buffers back to the kernel (one store); then
 * submit everything and wait for at least one completion with a single {@code io_uring_enter}; read the
 * completions in place and dispatch each by its user_data (op, slot, generation) to its connection,
 * listener or timer. Nothing on this path allocates.
 *
 * <p>The ring is set up with SINGLE_ISSUER and DEFER_TASKRUN where the kernel has them (6.0 / 6.1):
 * completions are produced when this thread enters the kernel, which it does once per turn anyway.
 *
 * <p>Thread rules: {@link #execute}, {@link #counters()}, {@link #inEventLoop()}, {@link #release(long)}
 * and {@link #connect} may be called from any thread; the timer methods and {@link #retainedBuffer(long)}
 * only on the loop's thread (from a handler or a task).
 */
public final class EventLoop implements Executor {
    private static final System.Logger LOG = System.getLogger(EventLoop.class.getName());
    static final int RUNNING = 1;
    static final int SHUTTING_DOWN = 2;
    static final int TERMINATING = 3;
    static final int TERMINATED = 4;
    private static final int RECV_GROUP = 0;
    private static final long ACCEPT_RETRY_NANOS = 100_000_000L;
    private static final int F_MORE = IORING_CQE_F_MORE();
    private static final int F_BUFFER = IORING_CQE_F_BUFFER();

    private final EventLoopGroup group;
    private final int index;
    private final LoopConfig config;
    private final Thread thread;
    private final TaskQueue tasks = new TaskQueue();
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final LoopCounters counters = new LoopCounters();
    private volatile int lifecycle = RUNNING;
    private volatile Throwable startFailure;
    private volatile NetCounters finalCounters;

    // ---- owned by the loop thread, made in init()
    private Ring ring;
    private Arena arena;
    /** Volatile: other threads read it in {@link #execute}, possibly before the start latch told them of it. */
    private volatile Wakeup wakeup;
    private boolean resourcesClosed;
    private RecvBuffers recv;
    private WriteBuffers writeBuffers;
    private Scratch scratch;
    private ConnectionTable connections;
    private final Timers timers = new Timers();
    private LoopListener[] listeners = new LoopListener[4];
    private int listenerGeneration;
    private int openListeners;
    private boolean multishotRecv;
    private boolean recvBundles;
    private boolean multishotAccept;
    private boolean zeroCopySupported;
    private long now;
    private long staleCompletions;

    // ---- per-turn work lists (intrusive; no allocation)
    private Connection[] dirty;
    private int dirtyCount;
    private Connection waiterHead;
    private Connection resumeHead;
    private Connection resumeTail;
    private Connection starvedHead;
    private Connection starvedTail;
    private Connection idleHead;
    private Connection idleTail;
    private final Runnable idleSweep = this::sweepIdle;

    EventLoop(EventLoopGroup group, int index, LoopConfig config) {
        this.group = group;
        this.index = index;
        this.config = config;
        this.thread = new Thread(this::run, config.threadNamePrefix() + index);
        this.thread.setDaemon(config.daemon());
        this.multishotRecv = config.multishot();
        this.multishotAccept = config.multishot();
    }

    /** Starts the thread and waits until its ring is set up; rethrows what failed. */
    void start() {
        thread.start();
        try {
            started.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loop " + index + " was starting", e);
        }
        Throwable failure = startFailure;
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    // ================================================================ public API

    /** This loop's position in its group (0-based). */
    public int index() {
        return index;
    }

    /** The group this loop belongs to. */
    public EventLoopGroup group() {
        return group;
    }

    /** Whether the calling thread is this loop's thread. */
    public boolean inEventLoop() {
        return Thread.currentThread() == thread;
    }

    /** Whether the loop has ended (its ring and buffers are closed). */
    public boolean isTerminated() {
        return lifecycle == TERMINATED;
    }

    /** Whether the loop is shutting down or has ended. */
    public boolean isShuttingDown() {
        return lifecycle >= SHUTTING_DOWN;
    }

    /**
     * Runs {@code task} on this loop's thread, in submission order with the other tasks. From another
     * thread: a lock-free hand-over (one queue node allocated) plus, only if the loop may be blocked in the
     * kernel, one eventfd write to wake it. From the loop's own thread: queued, run on the next turn.
     *
     * @throws RejectedExecutionException once the loop is terminating
     */
    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        if (lifecycle >= TERMINATING) {
            throw new RejectedExecutionException("event loop " + index + " has terminated");
        }
        tasks.offer(task);
        if (!inEventLoop()) {
            wakeup.wake();
        }
    }

    /**
     * Runs {@code task} on this loop after {@code delay}, with an IORING_OP_TIMEOUT. Loop thread only.
     *
     * @return the timer's id, for {@link #cancelTimer(long)}
     * @throws IllegalStateException off the loop thread, or once the loop is shutting down
     */
    public long schedule(Duration delay, Runnable task) {
        return schedule(toNanos(delay), TimeUnit.NANOSECONDS, task);
    }

    /** As {@link #schedule(Duration, Runnable)}. */
    public long schedule(long delay, TimeUnit unit, Runnable task) {
        Objects.requireNonNull(task, "task");
        checkLoop("schedule");
        if (lifecycle != RUNNING) {
            throw new IllegalStateException("event loop " + index + " is shutting down: no new timers");
        }
        if (delay < 0) {
            throw new IllegalArgumentException("delay must be >= 0, got " + delay + " " + unit);
        }
        return arm(unit.toNanos(delay), task);
    }

    /**
     * Cancels a timer that has not run yet. Loop thread only.
     *
     * @return true if it was pending (it will not run); false if it ran, was cancelled, or is unknown
     */
    public boolean cancelTimer(long timerId) {
        checkLoop("cancelTimer");
        if (!timers.cancel(timerId)) {
            return false;
        }
        ring.nextSqe().timeoutRemove(timerId).userData(UserData.of(UserData.TIMER_REMOVE, 0, 0, 0));
        return true;
    }

    /**
     * Connects to {@code remote} on this loop (for a proxy: the outbound connection on the loop of the
     * inbound one); {@link EventLoopGroup#connect} picks a loop for you. Any thread.
     *
     * @return completes with the open connection (after {@code handler.onOpen}, on this loop's thread), or
     *         with a {@link UringException} ({@code ECONNREFUSED}, {@code ETIMEDOUT}, ...)
     */
    public CompletableFuture<Connection> connect(InetSocketAddress remote, ConnectionHandler handler) {
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(handler, "handler");
        if (remote.isUnresolved()) {
            throw new IllegalArgumentException(remote + " is unresolved: resolve the host name first");
        }
        CompletableFuture<Connection> future = new CompletableFuture<>();
        if (inEventLoop()) {
            startConnect(remote, handler, future);
        } else {
            try {
                execute(() -> startConnect(remote, handler, future));
            } catch (RejectedExecutionException e) {
                future.completeExceptionally(e);
            }
        }
        return future;
    }

    /**
     * The segment of a receive buffer retained with {@link Connection#retain()} (the pool's instance:
     * read the range {@code onData} was given). Loop thread only.
     *
     * @throws IllegalStateException if the handle was released already or is not this loop's
     */
    public MemorySegment retainedBuffer(long handle) {
        checkLoop("retainedBuffer");
        return recv.retainedBuffer(handle);
    }

    /**
     * Gives a retained receive buffer back to the kernel. Any thread (from another one it is handed over).
     *
     * @throws IllegalStateException (on the loop thread) if released twice or not this loop's handle
     */
    public void release(long handle) {
        if (inEventLoop()) {
            recv.release(handle);
        } else {
            execute(() -> recv.release(handle));
        }
    }

    /** Bytes in each receive buffer (the group's receive tier). */
    public int recvBufferSize() {
        return config.recvBufferTier().size();
    }

    /**
     * A snapshot of this loop's counters, taken on its thread (from another thread: handed over, waiting
     * up to 5 s; after termination: the final values).
     */
    public NetCounters counters() {
        NetCounters done = finalCounters;
        if (done != null) {
            return done;
        }
        if (inEventLoop()) {
            return snapshot();
        }
        CompletableFuture<NetCounters> f = new CompletableFuture<>();
        try {
            execute(() -> f.complete(snapshot()));
            return f.get(5, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            return awaitFinalCounters();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the counters of loop " + index, e);
        } catch (ExecutionException | TimeoutException e) {
            NetCounters last = finalCounters;
            if (last != null) {
                return last;
            }
            throw new IllegalStateException("loop " + index + " did not answer within 5 s: a handler blocks it", e);
        }
    }

    private NetCounters awaitFinalCounters() {
        try {
            terminated.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        NetCounters last = finalCounters;
        return last != null ? last : NetCounters.ZERO;
    }

    @Override
    public String toString() {
        return "EventLoop[" + index + ", " + thread.getName() + ", " + lifecycleName() + "]";
    }

    private String lifecycleName() {
        return switch (lifecycle) {
            case RUNNING -> "running";
            case SHUTTING_DOWN -> "shutting down";
            case TERMINATING -> "terminating";
            default -> "terminated";
        };
    }

    // ================================================================ the loop

    private void run() {
        try {
            init();
        } catch (Throwable t) {
            startFailure = t;
            lifecycle = TERMINATED;
            freeAll();
            finalCounters = NetCounters.ZERO;
            started.countDown();
            terminated.countDown();
            return;
        }
        started.countDown();
        try {
            loop();
        } catch (Throwable t) {
            LOG.log(System.Logger.Level.ERROR, "event loop " + index + " failed; closing its connections", t);
            for (Connection c : connections.snapshot()) {
                c.closeAbruptly();
            }
        } finally {
            teardown();
        }
    }

    private void init() {
        ring = buildRing();
        arena = Arena.ofShared();
        wakeup = new Wakeup(arena);
        counters.fdsOpened++;
        recv = new RecvBuffers(ring, config.recvBufferTier(), config.recvBuffers(), RECV_GROUP);
        writeBuffers = new WriteBuffers(config.writeBufferTier(), config.writeBuffers());
        scratch = new Scratch(config.maxConnections());
        connections = new ConnectionTable(config.maxConnections());
        dirty = new Connection[config.maxConnections()];
        zeroCopySupported = ring.supports(Opcode.SEND_ZC) && ring.supports(Opcode.SENDMSG_ZC);
        recvBundles = config.recvBundles() && ring.has(RingFeature.RECVSEND_BUNDLE);
        if (config.recvBundles() && !recvBundles) {
            LOG.log(System.Logger.Level.INFO, "loop " + index + ": receive bundles need Linux 6.10 (this kernel lacks "
                    + "IORING_FEAT_RECVSEND_BUNDLE): one buffer per completion");
        }
        armWake();
        if (config.idleTimeoutNanos() > 0) {
            arm(idleTick(), idleSweep);
        }
        now = System.nanoTime();
    }

    /** SINGLE_ISSUER + DEFER_TASKRUN where the kernel has them, else the ring's defaults. */
    private Ring buildRing() {
        if (config.deferTaskrun()) {
            try {
                return Ring.builder().entries(config.ringEntries()).cqSize(config.cqEntries()).deferTaskrun(true).build();
            } catch (IoUringBlockedException | IoUringUnavailableException | MemlockLimitException e) {
                throw e;
            } catch (UringException e) {
                LOG.log(System.Logger.Level.INFO, "DEFER_TASKRUN refused (" + e.getMessage() + "); loop " + index
                        + " uses the ring's defaults");
            }
        }
        return Ring.builder().entries(config.ringEntries()).cqSize(config.cqEntries()).build();
    }

    private void loop() {
        CompletionCursor cursor = ring.completions();
        while (true) {
            runTasks();
            afterWork();
            if (lifecycle == SHUTTING_DOWN && connections.size() == 0 && openListeners == 0) {
                return;
            }
            waitForWork();
            now = System.nanoTime();
            while (cursor.next()) {
                dispatch(cursor.userData(), cursor.result(), cursor.flags());
            }
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            counters.tasksRun++;
            try {
                task.run();
            } catch (Throwable t) {
                LOG.log(System.Logger.Level.WARNING, "a task on event loop " + index + " threw", t);
                if (t instanceof VirtualMachineError e) {
                    throw e;
                }
            }
        }
    }

    /** What handlers asked for during the turn, done once at its end. */
    private void afterWork() {
        notifyWritable();
        deliverResumed();
        flushDirty();
        recv.publish();
        rearmStarved();
    }

    /**
     * One io_uring_enter: submit, and block for a completion unless there is work already (see
     * {@link Wakeup} for why the state store comes before the queue check).
     */
    private void waitForWork() {
        if (!tasks.isEmpty() || resumeHead != null) {
            ring.submit();
            return;
        }
        wakeup.prepareToSleep();
        if (!tasks.isEmpty()) {
            wakeup.awake();
            ring.submit();
            return;
        }
        ring.submitAndWait(1);
        wakeup.awake();
    }

    private void dispatch(long userData, int result, int flags) {
        switch (UserData.op(userData)) {
            case UserData.WAKE -> onWake(result);
            case UserData.ACCEPT -> onAccept(userData, result, flags);
            case UserData.RECV -> {
                Connection c = connections.get(userData);
                if (c == null) {
                    stale(userData, result, flags);
                } else {
                    c.onRecv(result, flags);
                }
            }
            case UserData.SEND, UserData.SEND_ZC -> {
                Connection c = connections.get(userData);
                if (c == null) {
                    stale(userData, result, flags);
                } else {
                    c.onSend(userData, result, flags);
                }
            }
            case UserData.CONNECT -> {
                Connection c = connections.get(userData);
                if (c == null) {
                    stale(userData, result, flags);
                } else {
                    c.onConnect(result);
                }
            }
            case UserData.CONNECT_TIMEOUT, UserData.CONN_CANCEL -> {
                Connection c = connections.get(userData);
                if (c == null) {
                    stale(userData, result, flags);
                } else {
                    c.onAuxiliary(result);
                }
            }
            case UserData.CLOSE -> {
                Connection c = connections.get(userData);
                if (c == null) {
                    stale(userData, result, flags);
                } else {
                    c.onClosed(result);
                }
            }
            case UserData.TIMER -> onTimer(userData, result);
            case UserData.LISTENER_CLOSE -> onListenerClosed(userData);
            case UserData.TIMER_REMOVE, UserData.LISTENER_CANCEL -> { }
            default -> stale(userData, result, flags);
        }
    }

    /** A completion for nothing live: a bug or a foreign CQE. Never keep a buffer it carries. */
    private void stale(long userData, int result, int flags) {
        staleCompletions++;
        if ((flags & F_BUFFER) != 0) {
            int bid = recv.select(result, flags);
            if (bid >= 0) {
                recv.recycle(bid);
            }
        }
        LOG.log(System.Logger.Level.DEBUG, () -> "loop " + index + ": stale completion user_data=0x"
                + Long.toHexString(userData) + " result=" + result + " flags=0x" + Integer.toHexString(flags));
    }

    // ================================================================ wake-up

    private void armWake() {
        ring.nextSqe().readUnsafe(wakeup.fd(), wakeup.readAddress(), 8, 0).userData(UserData.of(UserData.WAKE, 0, 0, 0));
    }

    private void onWake(int result) {
        if (result < 0 && !Errno.ECANCELED.is(result) && !Errno.EAGAIN.is(result)) {
            LOG.log(System.Logger.Level.WARNING, "loop " + index + ": eventfd read failed: " + Errno.name(result));
        }
        if (lifecycle < TERMINATING) {
            armWake();
        }
    }

    // ================================================================ timers

    private long arm(long nanos, Runnable task) {
        long id = timers.add(task);
        ring.nextSqe().timeoutNanos(nanos, 0, 0).userData(id);
        return id;
    }

    private void onTimer(long userData, int result) {
        Runnable task = timers.complete(userData);
        if (task == null || !Errno.ETIME.is(result)) {
            return;                     // cancelled (removed: -ECANCELED), or unknown
        }
        try {
            task.run();
        } catch (Throwable t) {
            LOG.log(System.Logger.Level.WARNING, "a timer task on event loop " + index + " threw", t);
            if (t instanceof VirtualMachineError e) {
                throw e;
            }
        }
    }

    private long idleTick() {
        return Math.max(1_000_000L, config.idleTimeoutNanos() / 4);
    }

    /** Closes connections idle for the timeout (the idle list is ordered by last activity). */
    private void sweepIdle() {
        long limit = config.idleTimeoutNanos();
        long t = System.nanoTime();
        while (idleHead != null && t - idleHead.lastActivity >= limit) {
            Connection c = idleHead;
            idleRemove(c);
            c.beginClose(CloseReason.IDLE_TIMEOUT, false);
        }
        if (lifecycle == RUNNING) {
            arm(idleTick(), idleSweep);
        }
    }

    private static long toNanos(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("delay must be >= 0, got " + d);
        }
        return d.getSeconds() >= Long.MAX_VALUE / 1_000_000_000L ? Long.MAX_VALUE : d.toNanos();
    }

    // ================================================================ listeners

    /** Takes over listening socket {@code fd} of {@code owner} and starts accepting. Loop thread. */
    void addListener(Listener owner, int fd) {
        counters.fdsOpened++;
        if (lifecycle != RUNNING) {
            Sockets.close(fd);
            counters.fdsClosed++;
            owner.loopStopped();
            return;
        }
        int slot = 0;
        while (slot < listeners.length && listeners[slot] != null) {
            slot++;
        }
        if (slot == listeners.length) {
            listeners = Arrays.copyOf(listeners, slot * 2);
        }
        int generation = UserData.next(listenerGeneration);
        listenerGeneration = generation;
        LoopListener l = new LoopListener(owner, fd, slot, generation);
        listeners[slot] = l;
        openListeners++;
        armAccept(l);
    }

    private void armAccept(LoopListener l) {
        Sqe sqe = ring.nextSqe();
        if (multishotAccept) {
            sqe.acceptMultishot(l.fd, Sockets.SOCK_CLOEXEC);
        } else {
            sqe.accept(l.fd, Sockets.SOCK_CLOEXEC);
        }
        sqe.userData(l.acceptUserData());
        l.armed = true;
    }

    private LoopListener listener(long userData) {
        int slot = UserData.slot(userData);
        if (slot >= listeners.length) {
            return null;
        }
        LoopListener l = listeners[slot];
        return l != null && l.generation == UserData.generation(userData) ? l : null;
    }

    private void onAccept(long userData, int result, int flags) {
        LoopListener l = listener(userData);
        if (l == null) {
            if (result >= 0) {
                Sockets.close(result);
            }
            stale(userData, result, flags);
            return;
        }
        boolean more = (flags & F_MORE) != 0;
        if (!more) {
            l.armed = false;
        }
        if (result >= 0) {
            accepted(l, result);
        } else if (Errno.EINVAL.is(result) && multishotAccept) {
            multishotAccept = false;        // a kernel before 5.19: accept one at a time
        } else if (!Errno.ECANCELED.is(result)) {
            LOG.log(System.Logger.Level.WARNING, "loop " + index + ": accept on " + l.owner.localAddress() + " failed: "
                    + Errno.name(result) + (Errno.EMFILE.is(result) || Errno.ENFILE.is(result)
                    ? " (out of file descriptors: raise `ulimit -n`); retrying in 100 ms" : "; retrying in 100 ms"));
            if (!more && !l.stopping) {
                l.retryScheduled = true;
                arm(ACCEPT_RETRY_NANOS, () -> retryAccept(l));
                return;
            }
        }
        if (!l.armed) {
            if (l.stopping) {
                closeListener(l);
            } else {
                counters.acceptRearms++;
                armAccept(l);
            }
        }
    }

    private void retryAccept(LoopListener l) {
        l.retryScheduled = false;
        if (l.closeSubmitted) {
            return;
        }
        if (l.stopping) {
            closeListener(l);
        } else {
            armAccept(l);
        }
    }

    private void accepted(LoopListener l, int fd) {
        counters.fdsOpened++;
        if (lifecycle != RUNNING || l.stopping) {
            reject(fd);
            return;
        }
        Connection c = new Connection(this, fd, l.owner.handler(), false,
                new WriteQueue(writeBuffers, config.writeQueueBuffers()));
        if (!connections.add(c)) {
            LOG.log(System.Logger.Level.WARNING, "loop " + index + " holds " + connections.capacity()
                    + " connections already (maxConnectionsPerLoop): closing a new one");
            reject(fd);
            return;
        }
        counters.accepted++;
        c.open();
    }

    private void reject(int fd) {
        Sockets.close(fd);
        counters.fdsClosed++;
        counters.rejected++;
    }

    /** Stops accepting on {@code owner}'s socket of this loop. Loop thread. */
    void stopListener(Listener owner) {
        for (LoopListener l : listeners) {
            if (l != null && l.owner == owner) {
                stop(l);
            }
        }
    }

    private void stop(LoopListener l) {
        if (l.stopping) {
            return;
        }
        l.stopping = true;
        if (l.armed) {
            ring.nextSqe().cancel(l.acceptUserData(), 0).userData(UserData.of(UserData.LISTENER_CANCEL, 0, l.slot, l.generation));
        } else {
            closeListener(l);           // a scheduled retry finds it closed and does nothing
        }
    }

    private void closeListener(LoopListener l) {
        if (!l.closeSubmitted) {
            l.closeSubmitted = true;
            ring.nextSqe().close(l.fd).userData(UserData.of(UserData.LISTENER_CLOSE, 0, l.slot, l.generation));
        }
    }

    private void onListenerClosed(long userData) {
        LoopListener l = listener(userData);
        if (l == null) {
            return;
        }
        listeners[l.slot] = null;
        openListeners--;
        counters.fdsClosed++;
        l.owner.loopStopped();
    }

    // ================================================================ connections

    private void startConnect(InetSocketAddress remote, ConnectionHandler handler, CompletableFuture<Connection> future) {
        if (lifecycle != RUNNING) {
            future.completeExceptionally(new RejectedExecutionException("event loop " + index + " is shutting down"));
            return;
        }
        int family = SocketAddresses.family(remote);
        int fd = Sockets.socket(family, Sockets.SOCK_STREAM | Sockets.SOCK_CLOEXEC, 0);
        if (fd < 0) {
            future.completeExceptionally(new UringException("socket(" + (family == Sockets.AF_INET6 ? "AF_INET6" : "AF_INET")
                    + ", SOCK_STREAM)", fd, Errno.EMFILE.is(fd) ? "too many open files: raise `ulimit -n`" : null));
            return;
        }
        counters.fdsOpened++;
        if (config.tcpNoDelay()) {
            Sockets.setInt(fd, Sockets.IPPROTO_TCP, Sockets.TCP_NODELAY, 1);
        }
        Connection c = new Connection(this, fd, handler, true, new WriteQueue(writeBuffers, config.writeQueueBuffers()));
        if (!connections.add(c)) {
            Sockets.close(fd);
            counters.fdsClosed++;
            future.completeExceptionally(new IllegalStateException("loop " + index + " holds " + connections.capacity()
                    + " connections already: raise maxConnectionsPerLoop"));
            return;
        }
        c.startConnect(remote, future, config.connectTimeoutNanos());
    }

    /** Arms the receive of a connection: multishot from the loop's buffer ring, or one at a time. */
    void armRecv(int fd, long userData) {
        Sqe sqe = ring.nextSqe();
        if (multishotRecv) {
            sqe.recvMultishot(fd, recv.groupId(), 0);
        } else {
            sqe.recvSelect(fd, recv.groupId(), 0, 0);
        }
        if (recvBundles) {
            sqe.bundle();
        }
        sqe.userData(userData);
    }

    /**
     * A receive failed with -EINVAL: drop the newest receive flag in use (bundles, then multishot).
     *
     * @return false if there was none left to drop (the -EINVAL is a real error)
     */
    boolean recvFallback() {
        if (recvBundles) {
            recvBundles = false;
            LOG.log(System.Logger.Level.INFO, "loop " + index + ": the kernel refuses receive bundles: one buffer per "
                    + "completion");
            return true;
        }
        if (multishotRecv) {
            multishotRecv = false;
            LOG.log(System.Logger.Level.INFO, "loop " + index + ": the kernel refuses multishot recv (before Linux 6.0): "
                    + "receiving one buffer per request");
            return true;
        }
        return false;
    }

    /** Whether receives are armed with IORING_RECVSEND_BUNDLE. */
    boolean recvBundles() {
        return recvBundles;
    }

    /** A connection opened (accepted or connected). */
    void opened(Connection c) {
        idleAdd(c);
    }

    /** A connection started closing: it no longer counts as idle or waits to write. */
    void closing(Connection c) {
        idleRemove(c);
        removeWaiter(c);
    }

    /** A connection's fd is closed: free its slot. */
    void closed(Connection c) {
        idleRemove(c);
        removeWaiter(c);
        connections.remove(c);
        counters.closed++;
        counters.fdsClosed++;
    }

    // ================================================================ per-turn lists

    void markDirty(Connection c) {
        if (!c.dirty) {
            c.dirty = true;
            if (dirtyCount == dirty.length) {
                dirty = Arrays.copyOf(dirty, dirty.length * 2);   // defensive: one entry per live connection suffices
            }
            dirty[dirtyCount++] = c;
        }
    }

    private void flushDirty() {
        for (int i = 0; i < dirtyCount; i++) {
            Connection c = dirty[i];
            dirty[i] = null;
            c.flush();
        }
        dirtyCount = 0;
    }

    void addWaiter(Connection c) {
        if (!c.waiting) {
            c.waiting = true;
            c.waiterPrev = null;
            c.waiterNext = waiterHead;
            if (waiterHead != null) {
                waiterHead.waiterPrev = c;
            }
            waiterHead = c;
        }
    }

    void removeWaiter(Connection c) {
        if (!c.waiting) {
            return;
        }
        c.waiting = false;
        if (c.waiterPrev != null) {
            c.waiterPrev.waiterNext = c.waiterNext;
        } else {
            waiterHead = c.waiterNext;
        }
        if (c.waiterNext != null) {
            c.waiterNext.waiterPrev = c.waiterPrev;
        }
        c.waiterPrev = null;
        c.waiterNext = null;
    }

    private void notifyWritable() {
        Connection c = waiterHead;
        while (c != null) {
            Connection next = c.waiterNext;
            if (c.state() != Connection.OPEN && c.state() != Connection.CONNECTING) {
                removeWaiter(c);
            } else if (c.state() == Connection.OPEN && c.drained()) {
                removeWaiter(c);
                c.notifyWritable();
            }
            c = next;
        }
    }

    void scheduleResume(Connection c) {
        if (!c.resumeScheduled) {
            c.resumeScheduled = true;
            c.resumeNext = null;
            if (resumeTail == null) {
                resumeHead = c;
            } else {
                resumeTail.resumeNext = c;
            }
            resumeTail = c;
        }
    }

    private void deliverResumed() {
        Connection c = resumeHead;
        resumeHead = null;
        resumeTail = null;
        while (c != null) {
            Connection next = c.resumeNext;
            c.resumeNext = null;
            c.resume();
            c = next;
        }
    }

    void starve(Connection c) {
        c.starvedNext = null;
        if (starvedTail == null) {
            starvedHead = c;
        } else {
            starvedTail.starvedNext = c;
        }
        starvedTail = c;
    }

    /** Buffers are back in the ring: let as many starved connections receive again as there are buffers. */
    private void rearmStarved() {
        int budget = recv.inRing();
        while (starvedHead != null && budget > 0) {
            Connection c = starvedHead;
            starvedHead = c.starvedNext;
            if (starvedHead == null) {
                starvedTail = null;
            }
            c.starvedNext = null;
            c.unstarve();
            budget--;
        }
    }

    private void idleAdd(Connection c) {
        if (config.idleTimeoutNanos() <= 0 || c.inIdleList) {
            return;
        }
        c.inIdleList = true;
        c.lastActivity = now;
        c.idleNext = null;
        c.idlePrev = idleTail;
        if (idleTail == null) {
            idleHead = c;
        } else {
            idleTail.idleNext = c;
        }
        idleTail = c;
    }

    private void idleRemove(Connection c) {
        if (!c.inIdleList) {
            return;
        }
        c.inIdleList = false;
        if (c.idlePrev != null) {
            c.idlePrev.idleNext = c.idleNext;
        } else {
            idleHead = c.idleNext;
        }
        if (c.idleNext != null) {
            c.idleNext.idlePrev = c.idlePrev;
        } else {
            idleTail = c.idlePrev;
        }
        c.idlePrev = null;
        c.idleNext = null;
    }

    /** Activity on {@code c}: it moves to the young end of the idle list. */
    void touch(Connection c) {
        if (!c.inIdleList) {
            return;
        }
        c.lastActivity = now;
        if (idleTail != c) {
            idleRemove(c);
            c.inIdleList = true;
            c.idlePrev = idleTail;
            c.idleNext = null;
            if (idleTail == null) {
                idleHead = c;
            } else {
                idleTail.idleNext = c;
            }
            idleTail = c;
        }
    }

    // ================================================================ shutdown

    /** Starts the graceful shutdown of this loop (a task from the group). */
    void beginShutdown(long deadlineNanos) {
        if (lifecycle != RUNNING) {
            return;
        }
        lifecycle = SHUTTING_DOWN;
        for (LoopListener l : listeners) {
            if (l != null) {
                stop(l);
            }
        }
        for (long id : timers.armedIds()) {
            if (timers.cancel(id)) {
                ring.nextSqe().timeoutRemove(id).userData(UserData.of(UserData.TIMER_REMOVE, 0, 0, 0));
            }
        }
        for (Connection c : connections.snapshot()) {
            c.beginClose(CloseReason.SHUTDOWN, true);
        }
        arm(Math.max(0, deadlineNanos - System.nanoTime()), this::abortAll);
    }

    /** The shutdown deadline passed: drop what is still queued and close. */
    private void abortAll() {
        for (Connection c : connections.snapshot()) {
            if (c.state() < Connection.CLOSING) {
                LOG.log(System.Logger.Level.INFO, "loop " + index + ": shutdown deadline passed, aborting " + c);
            }
            c.beginClose(CloseReason.SHUTDOWN, false);
        }
    }

    private void teardown() {
        lifecycle = TERMINATING;
        try {
            runTasks();
        } catch (Throwable t) {
            LOG.log(System.Logger.Level.WARNING, "a task failed during the shutdown of loop " + index, t);
        }
        try {
            int reclaimed = recv.reclaimRetained();
            if (reclaimed > 0) {
                counters.leakedRecvBuffers += reclaimed;
                LOG.log(System.Logger.Level.WARNING, "loop " + index + ": " + reclaimed + " receive buffer(s) were still "
                        + "retained at shutdown (never released): reclaimed");
            }
            recv.publish();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "reclaiming receive buffers of loop " + index + " failed", e);
        }
        freeAll();
        finalCounters = snapshot();
        lifecycle = TERMINATED;
        terminated.countDown();
        drainRejected();
    }

    /** Closes the ring (cancelling what is left: the eventfd read, timers), then frees memory and fds. */
    private void freeAll() {
        resourcesClosed = true;
        timers.clear();
        if (ring != null) {
            ring.close();
        }
        if (recv != null) {
            recv.close();
            counters.leakedRecvBuffers += recv.leakedAtClose();
        }
        if (writeBuffers != null) {
            writeBuffers.close();
            counters.leakedWriteBuffers += writeBuffers.leaked();
        }
        if (wakeup != null) {
            wakeup.close();
            counters.fdsClosed++;
        }
        if (scratch != null) {
            scratch.close();
        }
        if (arena != null) {
            arena.close();
        }
    }

    /** Tasks that slipped in after the last turn: run them (they find everything closed). */
    private void drainRejected() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (Throwable t) {
                LOG.log(System.Logger.Level.DEBUG, "a task after the termination of loop " + index + " threw", t);
            }
        }
    }

    boolean awaitTermination(long nanos) throws InterruptedException {
        return terminated.await(nanos, TimeUnit.NANOSECONDS);
    }

    // ================================================================ counters

    private NetCounters snapshot() {
        boolean live = !resourcesClosed && recv != null;
        long inRing = live ? recv.inRing() : 0;
        long pending = live ? recv.pending() : 0;
        long retained = live ? recv.retainedCount() : 0;
        long returned = live ? recv.returned() : 0;
        long writeInUse = live ? writeBuffers.inUse() : 0;
        return new NetCounters(1,
                connections == null ? 0 : connections.size(),
                counters.accepted, counters.connected, counters.closed, counters.rejected,
                counters.fdsOpened, counters.fdsClosed,
                inRing, pending, retained, returned,
                counters.recvCompletions, counters.recvNoBuffers, counters.recvRearms, counters.acceptRearms,
                writeInUse, counters.queuedWriteBytes,
                counters.zeroCopyPending, counters.zeroCopySends, counters.zeroCopyCopied,
                counters.bytesReceived, counters.bytesSent,
                timers.size(), counters.tasksRun,
                wakeup == null ? 0 : wakeup.wakeups(), wakeup == null ? 0 : wakeup.skipped(),
                counters.leakedRecvBuffers, counters.leakedWriteBuffers);
    }

    // ================================================================ for connections

    private void checkLoop(String what) {
        if (!inEventLoop()) {
            throw new IllegalStateException(what + " runs on the loop's thread (" + thread.getName() + "), not on "
                    + Thread.currentThread().getName() + ": call it from a handler, or inside loop.execute(() -> ...)");
        }
    }

    String threadName() {
        return thread.getName();
    }

    Sqe sqe() {
        return ring.nextSqe();
    }

    LoopConfig config() {
        return config;
    }

    LoopCounters stats() {
        return counters;
    }

    RecvBuffers recvBuffers() {
        return recv;
    }

    WriteBuffers writeBuffers() {
        return writeBuffers;
    }

    Scratch scratch() {
        return scratch;
    }

    boolean zeroCopySupported() {
        return zeroCopySupported;
    }

    /** Whether the loop's ring got {@code flag} (tests check the setup). Loop thread. */
    boolean has(SetupFlag flag) {
        return ring.has(flag);
    }

    /** Completions that matched nothing live (0 unless something is wrong). Loop thread, or after termination. */
    long staleCompletions() {
        return staleCompletions;
    }
}
