package dev.iobuf.uring.net;

import static dev.iobuf.uring.net.LoopLifecycle.RUNNING;
import static dev.iobuf.uring.net.LoopLifecycle.SHUTTING_DOWN;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * An {@link EventLoop} on JDK NIO: one thread with one {@link Selector}, for hosts where io_uring is
 * refused. A turn: run the tasks, finish the turn's work (the same {@link TurnWork} as io_uring: tell
 * drained writers, resume delivery, start one send per dirty connection; then the UDP endpoints' queued
 * datagrams: {@link LoopDatagrams#flush}), then one select that hands
 * each ready key to its owner ({@link NioConnection#ready}, {@link NioDatagramEndpoint#ready} or
 * {@link NioAcceptor#ready}) through a
 * consumer made once ({@code Selector.select(Consumer, timeout)}: no selected-key set to iterate, nothing
 * allocated), then the timers that are due. Another thread's task wakes the selector only while the loop
 * may sleep in it. Loop thread only, but for {@link #wake()}.
 */
final class NioEventLoop extends EventLoop {
    private static final System.Logger LOG = System.getLogger(NioEventLoop.class.getName());

    private final NioTimers nioTimers;
    private final String name;
    /** Volatile: {@link #wake()} reads it from other threads (set once, before the start latch opens). */
    private volatile Selector selector;
    /** Set while the loop may block in select (see {@link #select()} for the order of the store and the check). */
    private final java.util.concurrent.atomic.AtomicBoolean sleeping = new java.util.concurrent.atomic.AtomicBoolean();
    /** Wake-ups sent, and skipped because the loop was awake (other threads count them). */
    private final java.util.concurrent.atomic.AtomicLong wakeups = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong wakeupsSkipped = new java.util.concurrent.atomic.AtomicLong();
    /** A connection asked for another turn at once (its send finished within this one: see {@link #nudge()}). */
    private boolean nudged;
    private final Consumer<SelectionKey> onReady = this::ready;
    private NioReceiveBuffers recv;
    private WriteBuffers writeBuffers;
    private ConnectionTable connections;
    private TurnWork work;
    private ConnectionServices services;
    private NioAcceptor acceptor;
    private LoopDatagrams udp;
    private boolean closed;

    NioEventLoop(EventLoopGroup group, int index, LoopConfig config) {
        this(group, index, config, new NioTimers());
    }

    private NioEventLoop(EventLoopGroup group, int index, LoopConfig config, NioTimers timers) {
        super(group, index, config, timers);
        this.nioTimers = timers;
        this.name = "loop " + index;
    }

    Selector selector() {
        return selector;
    }

    NioReceiveBuffers receiveBuffers() {
        return recv;
    }

    /** This loop's UDP endpoints. */
    LoopDatagrams udp() {
        return udp;
    }

    // ================================================================ the loop

    @Override
    void init() {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("Selector.open() for " + name, e);
        }
        counters.fdsOpened++;                   // counted as io_uring's wake-up eventfd is: one per loop
        recv = new NioReceiveBuffers(config.recvBufferTier(), config.recvBuffers());
        writeBuffers = new WriteBuffers(config.writeBufferTier(), config.writeBuffers());
        connections = new ConnectionTable(config.maxConnections());
        work = new TurnWork(connections);
        services = new ConnectionServices(this, null, null, writeBuffers, null, work, counters, connections, config,
                false, new TlsBuffers(config.recvBufferTier().size()));
        acceptor = new NioAcceptor(this, counters);
        udp = new LoopDatagrams(counters);
        work.useTimers(timers, counters);
        if (config.idleTimeoutNanos() > 0) {
            work.sweepIdle(timers, config.idleTimeoutNanos());
        }
        work.now(System.nanoTime());
    }

    @Override
    void loop() {
        while (true) {
            tasks.runAll(counters);
            work.finishTurn();
            work.rearmStarved(recv.available());
            udp.flush();
            if (lifecycle.state() == SHUTTING_DOWN && connections.size() == 0 && acceptor.open() == 0 && udp.open() == 0) {
                return;
            }
            select();
            long now = System.nanoTime();
            work.now(now);
            nioTimers.runDue(now);
        }
    }

    /**
     * One select: without blocking when there is work already, else until a key is ready, the next timer
     * is due, or another thread wakes it. The store to {@code sleeping} comes before the last look at the
     * task queue, and {@link #execute} offers before it reads {@code sleeping} (both volatile): a task is
     * either seen here or its producer wakes the selector.
     */
    private void select() {
        try {
            selectOnce();
        } catch (IOException e) {
            throw new UncheckedIOException("select on " + name, e);
        }
    }

    private void selectOnce() throws IOException {
        long wait = nioTimers.millisUntilNext(System.nanoTime());
        if (wait < 0 || nudged || !tasks.isEmpty() || work.hasResumed()) {
            nudged = false;
            selector.selectNow(onReady);
            return;
        }
        sleeping.set(true);
        try {
            if (tasks.isEmpty()) {
                selector.select(onReady, wait);
            } else {
                selector.selectNow(onReady);
            }
        } finally {
            sleeping.set(false);
        }
    }

    /** A ready key to its owner: a connection, a UDP endpoint or a listening socket. */
    private void ready(SelectionKey key) {
        if (!key.isValid()) {
            return;                         // closed earlier in this same select
        }
        Object owner = key.attachment();
        if (owner instanceof NioConnection c) {
            c.ready(key.readyOps());
        } else if (owner instanceof NioDatagramEndpoint e) {
            e.ready(key.readyOps());
        } else {
            acceptor.ready((NioAcceptor.Listening) owner);
        }
    }

    @Override
    void wake() {
        if (sleeping.get() && sleeping.compareAndSet(true, false)) {      // one producer wakes it, the others skip
            wakeups.incrementAndGet();
            selector.wakeup();
        } else {
            wakeupsSkipped.incrementAndGet();
        }
    }

    /**
     * Asks for another turn without blocking: a send finished within this turn's work, after the pass that
     * tells drained writers (on io_uring its completion starts the next turn; here nothing would).
     */
    void nudge() {
        nudged = true;
    }

    /**
     * Makes the closes of cancelled keys' channels happen now: the JDK closes a registered channel only when
     * its key is deregistered, at the next select. A listening socket must be gone when its listener says so.
     * Never from inside a select (tasks and shutdown steps run outside it).
     */
    void deregisterCancelled() {
        try {
            selector.selectNow();
            selector.selectedKeys().clear();    // readiness is level-triggered: the next select reports it again
        } catch (IOException e) {
            LoopLog.log(LOG, System.Logger.Level.WARNING, "deregistering closed channels of " + name + " failed", e);
        }
    }

    // ================================================================ connections

    /** Takes over accepted {@code ch} ({@code tcp}: not a Unix socket) for {@code handler}; false if the table is full. */
    boolean adopt(SocketChannel ch, ConnectionHandler handler, boolean tcp) {
        NioConnection c;
        try {
            ch.configureBlocking(false);
            if (tcp && config.tcpNoDelay()) {
                // A ServerSocketChannel offers no TCP_NODELAY to inherit (io_uring sets it on the listening socket)
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            c = new NioConnection(services, this, ch, handler, false);
            if (!connections.add(c)) {
                return false;
            }
            c.register();
        } catch (IOException e) {
            throw new UncheckedIOException("registering an accepted socket with " + name, e);
        }
        counters.accepted++;
        c.open();
        return true;
    }

    @Override
    void startConnect(SocketAddress address, ConnectionHandler handler, CompletableFuture<Connection> future) {
        if (address instanceof AbstractUnixAddress) {
            future.completeExceptionally(NioAcceptor.abstractNameRefused(address));
            return;
        }
        SocketAddress remote = address;
        boolean tcp = remote instanceof InetSocketAddress;
        SocketChannel ch;
        try {
            ch = SocketChannel.open(!tcp ? StandardProtocolFamily.UNIX
                    : ((InetSocketAddress) remote).getAddress() instanceof java.net.Inet6Address
                    ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        } catch (IOException e) {
            future.completeExceptionally(NioErrors.of("socket()", e));
            return;
        }
        counters.fdsOpened++;
        NioConnection c = new NioConnection(services, this, ch, handler, true);
        if (!connections.add(c)) {
            NioChannels.closeQuietly(ch);
            counters.fdsClosed++;
            future.completeExceptionally(new IllegalStateException(name + " holds " + connections.capacity()
                    + " connections already: raise maxConnectionsPerLoop"));
            return;
        }
        try {
            ch.configureBlocking(false);
            if (tcp && config.tcpNoDelay()) {
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            c.register();
        } catch (IOException e) {
            c.connectFailed(NioErrors.of("socket setup for " + remote, e));
            return;
        }
        c.connect(remote, future, config.connectTimeoutNanos());
    }

    @Override
    MemorySegment retainedSegment(long handle) {
        return recv.retainedBuffer(handle);
    }

    @Override
    void releaseRetained(long handle) {
        recv.release(handle);
    }

    @Override
    NetCounters snapshot() {
        boolean live = !closed && recv != null;
        return counters.snapshot(connections == null ? 0 : connections.size(), null, live ? writeBuffers : null,
                timers.size(), wakeups.get(), wakeupsSkipped.get());
    }

    // ================================================================ listeners

    /** Takes over listening channel {@code ch} of {@code owner} and starts accepting. Loop thread. */
    void addListener(Listener owner, ServerSocketChannel ch) {
        counters.fdsOpened++;
        if (lifecycle.state() != RUNNING) {
            NioAcceptor.release(owner, ch);
            counters.fdsClosed++;
            owner.loopStopped();
            return;
        }
        try {
            acceptor.add(owner, ch);
        } catch (IOException e) {
            NioAcceptor.release(owner, ch);
            counters.fdsClosed++;
            owner.loopStopped();
            LoopLog.log(LOG, System.Logger.Level.WARNING, name + " could not register " + owner, e);
        }
    }

    @Override
    void addListener(Listener owner, int fd) {
        throw new IllegalStateException("the NIO transport listens on channels, not on fd " + fd);
    }

    @Override
    void stopListener(Listener owner) {
        acceptor.stop(owner);
    }

    @Override
    void fdFreed() {
        if (acceptor != null) {
            acceptor.fdFreed();
        }
    }

    // ================================================================ shutdown (EventLoop runs the steps)

    @Override
    void stopAccepting() {
        acceptor.stopAll();
        udp.stopAll();
    }

    @Override
    TurnWork turnWork() {
        return work;
    }

    @Override
    void closeConnections(boolean graceful) {
        LoopResources.closeAll(connections, graceful, name);
    }

    @Override
    void closeAbruptly() {
        acceptor.stopAll();
        udp.closeAbruptly();
        for (Connection c : connections.snapshot()) {
            c.closeAbruptly();
        }
    }

    @Override
    void reclaimRetained() {
        if (recv != null) {
            LoopResources.reportReclaimed(recv.reclaimRetained(), counters, name);
        }
    }

    @Override
    void closeResources() {
        closed = true;
        if (acceptor != null) {
            acceptor.stopAll();
        }
        if (udp != null) {
            udp.closeAbruptly();
        }
        if (selector != null) {
            counters.fdsClosed++;
            try {
                selector.close();
            } catch (IOException e) {
                LoopLog.log(LOG, System.Logger.Level.WARNING, "closing the selector of " + name + " failed", e);
            }
        }
        if (recv != null) {
            recv.close();
            counters.leakedRecvBuffers += Math.max(0, recv.leaked());
        }
        if (writeBuffers != null) {
            writeBuffers.close();
            counters.leakedWriteBuffers += Math.max(0, writeBuffers.leaked());
        }
    }

    @Override
    long staleCompletions() {
        return 0;
    }
}
