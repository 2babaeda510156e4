package dev.iobuf.uring.net;

import static dev.iobuf.uring.net.LoopLifecycle.RUNNING;
import static dev.iobuf.uring.net.LoopLifecycle.SHUTTING_DOWN;
import static dev.iobuf.uring.net.LoopLifecycle.TERMINATING;

import dev.iobuf.uring.CompletionCursor;
import dev.iobuf.uring.EventFdWaker;
import dev.iobuf.uring.Ring;
import dev.iobuf.uring.SetupFlag;
import dev.iobuf.uring.Sqe;
import dev.iobuf.uring.UringException;
import dev.iobuf.uring.UserData;
import java.lang.foreign.MemorySegment;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One thread with one io_uring ring, serving the connections, listeners and timers given to it. Part of
 * an {@link EventLoopGroup}; each connection lives on one loop for its whole life.
 *
 * <p>A turn of the loop: run the tasks other threads handed over ({@link #execute}); finish the turn's
 * work ({@link TurnWork}: tell connections whose write queue drained, deliver data held back while
 * reading was paused, start one send per connection that has something queued, hand used receive
 * buffers back to the kernel with one store); then submit everything and wait for at least one
 * completion with a single {@code io_uring_enter}; read the completions in place and hand each to its
 * owner with one lookup by the slot and generation in its user_data ({@link #dispatch}): a
 * {@link Connection}, the {@link Acceptor}, the timers or the wake-up. Nothing on this path allocates.
 *
 * <p>The ring is set up with SINGLE_ISSUER and DEFER_TASKRUN where the kernel has them (6.0 / 6.1):
 * completions are produced when this thread enters the kernel, which it does once per turn anyway.
 *
 * <p>Thread rules: {@link #execute}, {@link #counters()}, {@link #inEventLoop()}, {@link #release(long)}
 * and {@link #connect} may be called from any thread; the timer methods and {@link #retainedBuffer(long)}
 * only on the loop's thread (from a handler or a task).
 *
 * <p>This class is the io_uring transport's loop; {@link NioEventLoop} (the JDK NIO transport, a
 * {@code Selector} instead of a ring) overrides how a loop runs, wakes, connects and keeps its buffers,
 * and shares the rest: tasks, timers' API, lifecycle, counters.
 */
public sealed class EventLoop implements Executor permits NioEventLoop {
    /** A failure that can repeat is logged at most once per this interval (with a count of the others). */
    static final long LOG_INTERVAL_NANOS = 10_000_000_000L;

    private final EventLoopGroup group;
    private final int index;
    final LoopConfig config;
    private final Thread thread;
    final TaskQueue tasks = new TaskQueue();
    final LoopCounters counters = new LoopCounters();
    final LoopLifecycle lifecycle;
    private final AnyThreadCalls calls = new AnyThreadCalls(this);
    private final LoopShutdown shutdown = new LoopShutdown(this);

    // ---- owned by the loop thread, made in init() (the fields below res: its parts, read on every turn)
    private final LoopResources res;
    /** Volatile: other threads read it in {@link #execute}, possibly before the start latch told them of it. */
    private volatile EventFdWaker wakeup;
    private Ring ring;
    private RecvBuffers recv;
    private ConnectionTable connections;
    private TurnWork work;
    private Acceptor acceptor;
    final Timers timers;
    private StrayCompletions strays;
    private LoopMonitor monitor;

    EventLoop(EventLoopGroup group, int index, LoopConfig config) {
        this(group, index, config, new Timers());
    }

    /** A loop with {@code timers} (another transport brings its own kind). */
    EventLoop(EventLoopGroup group, int index, LoopConfig config, Timers timers) {
        this.timers = timers;
        this.group = group;
        this.index = index;
        this.config = config;
        this.thread = new Thread(this::run, config.threadNamePrefix() + index);
        this.thread.setDaemon(config.daemon());
        this.res = new LoopResources(config, counters, "loop " + index);
        this.lifecycle = new LoopLifecycle(index);
    }

    /** Starts the thread and waits until its ring is set up; rethrows what failed. */
    void start() {
        thread.start();
        lifecycle.awaitStart();
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
        return lifecycle.state() == LoopLifecycle.TERMINATED;
    }

    /** Whether the loop is shutting down or has ended. */
    public boolean isShuttingDown() {
        return lifecycle.state() >= SHUTTING_DOWN;
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
        if (lifecycle.state() >= TERMINATING) {
            throw new RejectedExecutionException("event loop " + index + " has terminated");
        }
        tasks.offer(task);
        if (!inEventLoop()) {
            wake();
        }
    }

    /** Wakes the loop if it may be blocked waiting for work (another thread handed it a task). */
    void wake() {
        wakeup.wake();
    }

    /**
     * Runs {@code task} on this loop after {@code delay}, with an IORING_OP_TIMEOUT. Loop thread only.
     *
     * @return the timer's id, for {@link #cancelTimer(long)}
     * @throws IllegalStateException off the loop thread, or once the loop is shutting down
     */
    public long schedule(Duration delay, Runnable task) {
        return schedule(Timers.toNanos(delay), TimeUnit.NANOSECONDS, task);
    }

    /** As {@link #schedule(Duration, Runnable)}. */
    public long schedule(long delay, TimeUnit unit, Runnable task) {
        Objects.requireNonNull(task, "task");
        checkLoop("schedule");
        if (lifecycle.state() != RUNNING) {
            throw new IllegalStateException("event loop " + index + " is shutting down: no new timers");
        }
        if (delay < 0) {
            throw new IllegalArgumentException("delay must be >= 0, got " + delay + " " + unit);
        }
        return timers.arm(unit.toNanos(delay), task);
    }

    /**
     * Cancels a timer that has not run yet. Loop thread only.
     *
     * @return true if it was pending (it will not run); false if it ran, was cancelled, or is unknown
     */
    public boolean cancelTimer(long timerId) {
        checkLoop("cancelTimer");
        return timers.disarm(timerId);
    }

    /**
     * Connects to {@code remote} on this loop (for a proxy: the outbound connection on the loop of the
     * inbound one); {@link EventLoopGroup#connect} picks a loop for you. Any thread.
     *
     * @return completes with the open connection (after {@code handler.onOpen}, on this loop's thread), or
     *         with a {@link UringException} ({@code ECONNREFUSED}, {@code ETIMEDOUT}, ...)
     */
    public CompletableFuture<Connection> connect(SocketAddress remote, ConnectionHandler handler) {
        return calls.connect(remote, handler);
    }

    /**
     * The segment of a receive buffer retained with {@link Connection#retain()} (the pool's instance:
     * read the range {@code onData} was given). Loop thread only.
     *
     * @throws IllegalStateException if the handle was released already or is not this loop's
     */
    public MemorySegment retainedBuffer(long handle) {
        checkLoop("retainedBuffer");
        return retainedSegment(handle);
    }

    /**
     * Gives a retained receive buffer back to the kernel. Any thread (from another one it is handed over).
     *
     * @return on the loop thread, a completed stage (a bad handle throws instead); from another thread, a
     *         stage that completes once the loop has released the buffer, or exceptionally with the
     *         {@link IllegalStateException} of a bad handle (released twice, not this loop's), or with a
     *         {@link RejectedExecutionException} if the loop has ended (it reclaimed every buffer then)
     * @throws IllegalStateException (on the loop thread) if released twice or not this loop's handle
     */
    public CompletionStage<Void> release(long handle) {
        return calls.release(handle);
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
        return calls.counters();
    }

    @Override
    public String toString() {
        return "EventLoop[" + index + ", " + thread.getName() + ", " + lifecycle + "]";
    }

    // ================================================================ the transport-specific steps

    /** Opens a socket and connects it to {@code remote} (loop thread, running). */
    void startConnect(SocketAddress remote, ConnectionHandler handler, CompletableFuture<Connection> future) {
        res.connect(remote, handler, future);
    }

    /** {@link #retainedBuffer}, on the loop thread. */
    MemorySegment retainedSegment(long handle) {
        return recv.retainedBuffer(handle);
    }

    /** {@link #release}, on the loop thread. */
    void releaseRetained(long handle) {
        recv.release(handle);
    }

    /** The counters now, on the loop thread. */
    NetCounters snapshot() {
        return res.snapshot(timers.size());
    }

    // ================================================================ the loop

    /** The loop thread's whole life: set up, serve until shut down, tear down (each step the transport's). */
    private void run() {
        try {
            init();
        } catch (Throwable t) {
            closeResources();
            lifecycle.failedToStart(t);
            return;
        }
        monitor = LoopMonitor.start(this, thread.getName());
        lifecycle.started();
        try {
            loop();
        } catch (Throwable t) {
            shutdown.failed(t);
        } finally {
            shutdown.teardown(monitor);
        }
    }

    /** Makes what the loop serves with, on its thread; on failure {@link #closeResources} frees what was made. */
    void init() {
        res.open(this);
        ring = res.ring;
        wakeup = res.wakeup;
        recv = res.recv;
        connections = res.connections;
        work = res.work;
        strays = new StrayCompletions("loop " + index, recv, counters);
        timers.use(ring);
        work.useTimers(timers, counters);
        acceptor = new Acceptor(res, timers, strays::stale, counters, config.multishot(), "loop " + index);
        wakeup.arm(ring, LoopResources.WAKE_USER_DATA);
        if (config.idleTimeoutNanos() > 0) {
            work.sweepIdle(timers, config.idleTimeoutNanos());
        }
        work.now(System.nanoTime());
    }

    /** Serves until shut down (turns: tasks, the turn's work, wait, completions). */
    void loop() {
        CompletionCursor cursor = ring.completions();
        while (true) {
            tasks.runAll(counters);
            work.finishTurn(recv);
            res.datagrams.flush();
            if (lifecycle.state() == SHUTTING_DOWN && connections.size() == 0 && acceptor.open() == 0 && res.datagrams.open() == 0) {
                return;
            }
            waitForWork();
            work.now(System.nanoTime());
            while (cursor.next()) {
                dispatch(cursor.userData(), cursor.result(), cursor.flags());
            }
        }
    }

    /**
     * One io_uring_enter: submit, and block for a completion unless there is work already (see
     * {@link EventFdWaker} for why the state store comes before the queue check).
     */
    private void waitForWork() {
        if (!tasks.isEmpty() || work.hasResumed()) {
            ring.submit();
            return;
        }
        wakeup.prepareToSleep(EventFdWaker.IN_KERNEL);
        if (!tasks.isEmpty()) {
            wakeup.awake();
            ring.submit();
            return;
        }
        ring.submitAndWait(1);
        wakeup.awake();
    }

    /**
     * Hands one completion to its owner: the op names the table, the slot and generation the entry (one
     * lookup); an entry that moved on makes the completion stale. The place for per-CQE bounds checks.
     */
    private void dispatch(long userData, int result, int flags) {
        int op = UserData.op(userData);
        switch (op) {
            case Op.WAKE -> res.wakeCompleted(result, lifecycle.state() < TERMINATING);
            case Op.TIMER -> timers.fired(userData, result);
            case Op.TIMER_REMOVE -> { }
            case Op.ACCEPT, Op.LISTENER_CANCEL, Op.LISTENER_CLOSE -> acceptor.complete(op, userData, result, flags);
            case Op.DGRAM_RECV, Op.DGRAM_SEND, Op.DGRAM_CANCEL, Op.DGRAM_CLOSE -> res.datagrams.complete(op, userData, result, flags);
            case Op.RECV, Op.SEND, Op.SEND_ZC, Op.CONNECT, Op.CONNECT_TIMEOUT, Op.CONN_CANCEL, Op.CLOSE -> {
                Connection c = connections.get(userData);
                if (c == null) {
                    strays.stale(userData, result, flags);
                } else {
                    c.complete(op, UserData.aux(userData), result, flags);
                }
            }
            default -> strays.stale(userData, result, flags);
        }
    }

    /**
     * A completion of {@code c} carries values no correct kernel posts (it was not accounted): counted,
     * logged at most once per interval, and the connection closed; the loop goes on.
     */
    void impossibleCompletion(Connection c, int op, int result, int flags) {
        strays.impossible(c, op, result, flags);
    }

    // ================================================================ listeners and clients

    /** Takes over listening socket {@code fd} of {@code owner} and starts accepting. Loop thread. */
    void addListener(Listener owner, int fd) {
        counters.fdsOpened++;
        if (lifecycle.state() != RUNNING) {
            if (owner.releaseFd()) {
                Sockets.close(fd);
            }
            counters.fdsClosed++;
            owner.loopStopped();
            return;
        }
        acceptor.add(owner, fd);
    }

    /** A connection's fd was closed: accepting resumes if it paused for lack of fds. Loop thread. */
    void fdFreed() {
        if (acceptor != null) {
            acceptor.fdFreed();
        }
    }

    /** Stops accepting on {@code owner}'s socket of this loop. Loop thread. */
    void stopListener(Listener owner) {
        acceptor.stop(owner);
    }

    // ================================================================ shutdown

    /** Starts the graceful shutdown of this loop (a task from the group). */
    void beginShutdown(long deadlineNanos) {
        shutdown.begin(deadlineNanos);
    }

    /** Stops every listener and datagram socket of this loop (shutdown). */
    void stopAccepting() {
        acceptor.stopAll();
        res.datagrams.stopAll();
    }

    TurnWork turnWork() {
        return work;
    }

    /** Starts closing every connection: gracefully (send what is queued), or not. */
    void closeConnections(boolean graceful) {
        res.closeAll(graceful);
    }

    /** The loop failed: close every listener and connection now, without the ring (it is going away). */
    void closeAbruptly() {
        acceptor.closeAbruptly();
        res.closeAbruptly();
    }

    /** Receive buffers a handler never released: reclaimed and counted as leaked (teardown). */
    void reclaimRetained() {
        if (recv != null) {
            res.reclaimRetained();
        }
    }

    /** Frees what {@link #init} made (also after a partial start). */
    void closeResources() {
        res.close();
    }

    // ================================================================ for connections and tests

    private void checkLoop(String what) {
        if (!inEventLoop()) {
            throw new IllegalStateException(what + " runs on the loop's thread (" + thread.getName() + "), not on "
                    + Thread.currentThread().getName() + ": call it from a handler, or inside loop.execute(() -> ...)");
        }
    }

    String threadName() {
        return thread.getName();
    }

    /** The next SQE of the loop's ring (tests inject operations with it). Loop thread. */
    Sqe sqe() {
        return ring.nextSqe();
    }

    Datagrams datagrams() {
        return res.datagrams;
    }

    RecvBuffers recvBuffers() {
        return recv;
    }

    /** Whether the loop's ring got {@code flag} (tests check the setup). Loop thread. */
    boolean has(SetupFlag flag) {
        return ring.has(flag);
    }

    /** Completions that matched nothing live (0 unless something is wrong). Loop thread, or after termination. */
    long staleCompletions() {
        return strays == null ? 0 : strays.staleCount() + res.datagrams.stale();
    }
}
