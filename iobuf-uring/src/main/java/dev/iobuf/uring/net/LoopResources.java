package dev.iobuf.uring.net;

import dev.iobuf.liburing.Errno;
import dev.iobuf.uring.EventFdWaker;
import dev.iobuf.uring.IoUringBlockedException;
import dev.iobuf.uring.IoUringUnavailableException;
import dev.iobuf.uring.IoWorkerCaps;
import dev.iobuf.uring.MemlockLimitException;
import dev.iobuf.uring.Opcode;
import dev.iobuf.uring.Ring;
import dev.iobuf.uring.RingBuilder;
import dev.iobuf.uring.UringException;
import dev.iobuf.uring.UserData;
import java.lang.foreign.Arena;
import java.net.SocketAddress;
import java.util.concurrent.CompletableFuture;

/**
 * What a loop owns besides its thread and tasks: the ring, the eventfd that wakes it, the receive and
 * write buffers, the iovec scratch, the connection table and the turn's work lists, made in that order
 * on the loop's thread when it starts ({@link #open}) and freed in reverse when it ends ({@link #close}),
 * also after a partial start. Loop thread only.
 */
final class LoopResources {
    private static final System.Logger LOG = System.getLogger(LoopResources.class.getName());
    private static final int RECV_GROUP = 0;
    /** user_data of the armed read of the wake-up eventfd. */
    static final long WAKE_USER_DATA = UserData.of(Op.WAKE, 0, 0, 0);

    private final LoopConfig config;
    private final LoopCounters counters;
    private final String name;
    Ring ring;
    EventFdWaker wakeup;
    RecvBuffers recv;
    WriteBuffers writeBuffers;
    ConnectionTable connections;
    TurnWork work;
    ConnectionServices services;
    Datagrams datagrams;
    private Arena arena;
    private Scratch scratch;
    private boolean closed;
    private final LoopLog.Limit tableFullLog = new LoopLog.Limit(EventLoop.LOG_INTERVAL_NANOS);

    LoopResources(LoopConfig config, LoopCounters counters, String name) {
        this.config = config;
        this.counters = counters;
        this.name = name;
    }

    /** Makes everything; on failure what was made stays for {@link #close} to free. */
    void open(EventLoop loop) {
        ring = buildRing();
        arena = Arena.ofShared();
        wakeup = new EventFdWaker(arena, null);   // the loop never parks: it blocks in io_uring_enter
        counters.fdsOpened++;
        recv = new RecvBuffers(ring, config.recvBufferTier(), config.recvBuffers(), RECV_GROUP, config.multishot(),
                config.recvBundles(), name);
        writeBuffers = new WriteBuffers(config.writeBufferTier(), config.writeBuffers());
        scratch = new Scratch(config.maxConnections());
        connections = new ConnectionTable(config.maxConnections());
        work = new TurnWork(connections);
        datagrams = new Datagrams(ring, counters);
        boolean zeroCopy = ring.supports(Opcode.SEND_ZC) && ring.supports(Opcode.SENDMSG_ZC);
        services = new ConnectionServices(loop, ring, recv, writeBuffers, scratch, work, counters, connections, config,
                zeroCopy, new TlsBuffers(config.recvBufferTier().size()));
    }

    /** SINGLE_ISSUER + DEFER_TASKRUN where the kernel has them, else the ring's defaults; then the io-wq caps. */
    private Ring buildRing() {
        Ring r = setUpRing();
        if (config.ioWorkerCaps() != null) {
            try {
                IoWorkerCaps.apply(r, config.ioWorkerCaps());
            } catch (RuntimeException e) {
                r.close();
                throw e;
            }
        }
        return r;
    }

    private Ring setUpRing() {
        if (config.deferTaskrun()) {
            try {
                return ringBuilder().deferTaskrun(true).build();
            } catch (IoUringBlockedException | IoUringUnavailableException | MemlockLimitException e) {
                throw e;
            } catch (UringException e) {
                LoopLog.log(LOG, System.Logger.Level.INFO, "DEFER_TASKRUN refused (" + e.getMessage() + "); " + name
                        + " uses the ring's defaults");
            }
        }
        return ringBuilder().build();
    }

    private RingBuilder ringBuilder() {
        return Ring.builder().entries(config.ringEntries()).cqSize(config.cqEntries()).noIowait(config.noIowait());
    }

    /**
     * A connection for {@code fd} in a free slot, or {@code null} when the table is full (the caller closes
     * the fd).
     */
    private Connection newConnection(int fd, ConnectionHandler handler, boolean client) {
        Connection c = new Connection(services, fd, handler, client);
        return connections.add(c) ? c : null;
    }

    /** Takes over accepted {@code fd} for {@code handler} and opens it; false if the table is full. */
    boolean adopt(int fd, ConnectionHandler handler) {
        Connection c = newConnection(fd, handler, false);
        if (c == null) {
            if (tableFullLog.permits(System.nanoTime())) {
                LoopLog.log(LOG, System.Logger.Level.WARNING, name + " holds " + connections.capacity()
                        + " connections already (maxConnectionsPerLoop): closing new ones (" + tableFullLog.takeSuppressed()
                        + " more since the last report)");
            }
            return false;
        }
        counters.accepted++;
        c.open();
        return true;
    }

    /** Opens a socket and connects it to {@code remote}; {@code future} completes when that is done or failed. */
    void connect(SocketAddress remote, ConnectionHandler handler, CompletableFuture<Connection> future) {
        int family = SocketAddresses.familyOf(remote);
        int fd = Sockets.socket(family, Sockets.SOCK_STREAM | Sockets.SOCK_CLOEXEC, 0);
        if (fd < 0) {
            future.completeExceptionally(new UringException("socket(" + SocketAddresses.familyName(family)
                    + ", SOCK_STREAM)", fd, Errno.EMFILE.is(fd) ? "too many open files: raise `ulimit -n`" : null));
            return;
        }
        counters.fdsOpened++;
        if (config.tcpNoDelay() && family != Sockets.AF_UNIX) {
            Sockets.setInt(fd, Sockets.IPPROTO_TCP, Sockets.TCP_NODELAY, 1);
        }
        Connection c = newConnection(fd, handler, true);
        if (c == null) {
            Sockets.close(fd);
            counters.fdsClosed++;
            future.completeExceptionally(new IllegalStateException(name + " holds " + connections.capacity()
                    + " connections already: raise maxConnectionsPerLoop"));
            return;
        }
        c.connect = new ClientConnect(c, services, remote, future);
        c.connect.start(config.connectTimeoutNanos());
    }

    /** Starts closing every connection (shutdown: gracefully first, then not). */
    void closeAll(boolean graceful) {
        closeAll(connections, graceful, name);
    }

    /** Starts closing every connection of {@code connections} ({@code name}: the loop's, for the log). */
    static void closeAll(ConnectionTable connections, boolean graceful, String name) {
        for (Connection c : connections.snapshot()) {
            if (!graceful && c.state() < Connection.CLOSING) {
                LoopLog.log(LOG, System.Logger.Level.INFO, name + ": shutdown deadline passed, aborting " + c);
            }
            c.beginClose(CloseReason.SHUTDOWN, graceful);
        }
    }

    /** The loop thread failed: close every connection's fd directly (the ring is going away). */
    /** The wake-up read completed (a wake-up, or the ring is closing); {@code rearm}: the loop goes on. */
    void wakeCompleted(int result, boolean rearm) {
        if (EventFdWaker.readFailed(result)) {
            LoopLog.log(LOG, System.Logger.Level.WARNING, name + ": eventfd read failed: " + Errno.name(result));
        }
        if (rearm) {
            wakeup.arm(ring, WAKE_USER_DATA);
        }
    }

    void closeAbruptly() {
        for (Connection c : connections.snapshot()) {
            c.closeAbruptly();
        }
        if (datagrams != null) {
            datagrams.closeAbruptly();
        }
    }

    /** Receive buffers a handler retained and never released: back to the ring, counted as leaked. */
    void reclaimRetained() {
        try {
            reportReclaimed(recv.reclaimRetained(), counters, name);
            recv.publish();
        } catch (RuntimeException e) {
            LoopLog.log(LOG, System.Logger.Level.WARNING, "reclaiming receive buffers of " + name + " failed", e);
        }
    }

    /** {@code reclaimed} retained buffers were taken back at shutdown: counted as leaked, and said once. */
    static void reportReclaimed(int reclaimed, LoopCounters counters, String name) {
        if (reclaimed > 0) {
            counters.leakedRecvBuffers += reclaimed;
            LoopLog.log(LOG, System.Logger.Level.WARNING, name + ": " + reclaimed + " receive buffer(s) were still "
                    + "retained at shutdown (never released): reclaimed");
        }
    }

    /** Closes the ring (cancelling what is left: the eventfd read, timers), then frees memory and fds. */
    void close() {
        closed = true;
        if (ring != null) {
            ring.close();
        }
        if (datagrams != null) {
            datagrams.close();          // after the ring: the kernel can no longer write into their buffers
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

    /** The counters with the gauges of these resources (zero once closed). */
    NetCounters snapshot(int timersPending) {
        boolean live = !closed && recv != null;
        return counters.snapshot(connections == null ? 0 : connections.size(), live ? recv : null,
                live ? writeBuffers : null, timersPending, wakeup);
    }
}
