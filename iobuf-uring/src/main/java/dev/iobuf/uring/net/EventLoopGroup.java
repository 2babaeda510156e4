package dev.iobuf.uring.net;

import dev.iobuf.BufferTier;
import dev.iobuf.liburing.Errno;
import dev.iobuf.uring.Transport;
import dev.iobuf.uring.TransportFallback;
import dev.iobuf.uring.IoWorkerCaps;
import dev.iobuf.uring.UringException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * N event loops, one thread and one io_uring ring each (or one NIO selector each, see {@link #transport()}):
 * the network runtime. Servers {@link #listen},
 * clients {@link #connect}; both get the same {@link ConnectionHandler} callbacks.
 *
 * {@snippet :
 * try (EventLoopGroup group = EventLoopGroup.builder().threads(2).build()) {
 *     Listener echo = group.listen(new InetSocketAddress("127.0.0.1", 7007), new ConnectionHandler() {
 *         public void onData(Connection c, MemorySegment buffer, int offset, int length) {
 *             c.write(buffer, offset, length);          // copied: the buffer goes back to the kernel
 *         }
 *     });
 *     ...
 * }   // close(): graceful shutdown, then every counter reads zero
 * }
 *
 * <p>Connections are spread across loops: accepted ones by the kernel (each loop has its own
 * SO_REUSEPORT listening socket), client ones round-robin. {@link #shutdownGracefully} stops accepting,
 * cancels the multishot operations, lets every connection send what it has queued (until the deadline,
 * then aborts), closes every fd and frees every buffer; {@link #counters()} then reads zero.
 */
public final class EventLoopGroup implements AutoCloseable {
    private static final Duration DEFAULT_SHUTDOWN = Duration.ofSeconds(10);
    private static final AtomicInteger GROUPS = new AtomicInteger();

    private final LoopConfig config;
    private final Transport transport;
    private final List<EventLoop> loops;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicBoolean shuttingDown = new AtomicBoolean();
    private final CompletableFuture<Throwable> loopFailure = new CompletableFuture<>();

    private EventLoopGroup(LoopConfig config, int threads, Transport transport, List<Class<?>> preload) {
        this.config = config;
        this.transport = transport;
        RarePathClasses.prepare(preload);   // while fds are plentiful: a loop out of fds cannot load a class
        LoopMonitor.WarmUp.start();     // JMX and JFR set-up in parallel with the loops' rings and pools
        List<EventLoop> started = new ArrayList<>(threads);
        try {
            for (int i = 0; i < threads; i++) {
                EventLoop loop = transport == Transport.NIO ? new NioEventLoop(this, i, config)
                        : new EventLoop(this, i, config);
                loop.start();
                started.add(loop);
            }
        } catch (RuntimeException | Error e) {
            for (EventLoop loop : started) {
                loop.execute(() -> loop.beginShutdown(System.nanoTime()));
            }
            throw e;
        }
        this.loops = List.copyOf(started);
    }

    /** A builder with defaults: one loop per available processor (see {@link Builder}). */
    public static Builder builder() {
        return new Builder();
    }

    /** A group with the defaults. */
    public static EventLoopGroup create() {
        return builder().build();
    }

    /**
     * The transport the loops run on: {@link Transport#IO_URING} or {@link Transport#NIO} (never
     * {@link Transport#AUTO}: that was resolved when the group was built).
     */
    public Transport transport() {
        return transport;
    }

    /** The loops, in index order. */
    public List<EventLoop> loops() {
        return loops;
    }

    /** The next loop, round-robin (where {@link #connect} puts a connection). */
    public EventLoop next() {
        return loops.get(Math.floorMod(next.getAndIncrement(), loops.size()));
    }

    /**
     * Listens on {@code address}: an {@link InetSocketAddress} (port 0: any free port, see
     * {@link Listener#localAddress()}), a {@link java.net.UnixDomainSocketAddress} (a path) or an
     * {@link AbstractUnixAddress} (a name without a file). TCP: one listening socket per loop, bound with
     * SO_REUSEADDR and SO_REUSEPORT, TCP_NODELAY set (accepted sockets inherit it), each with a multishot accept
     * on its loop. Unix: one socket that every loop accepts on (no SO_REUSEPORT for AF_UNIX). Returns once the
     * sockets listen; the accepts are armed right after, and connections arriving meanwhile wait in the backlog.
     *
     * <p>A path: a <b>stale</b> socket file there (nobody listens on it: connect is refused, as after a crash) is
     * removed first; a socket somebody listens on is {@code EADDRINUSE}, and any other kind of file is refused,
     * never removed. The new file has the mode the umask gives: connecting needs write permission on it, so
     * restrict who may connect with its (or its directory's) permissions. When the listener stops
     * ({@link Listener#close()}, shutdown) the file is removed, unless another server bound that path since.
     *
     * @throws UringException if a socket cannot be created, bound ({@code EADDRINUSE}: another socket holds
     *         the port without SO_REUSEPORT, or a server listens on the path; {@code EACCES}: the socket file
     *         cannot be created) or listen; nothing stays open then
     * @throws IllegalStateException if the group is shutting down
     * @throws IllegalArgumentException if the address is unresolved, of another kind, or a path too long for
     *         {@code sun_path} (107 bytes)
     */
    public Listener listen(SocketAddress address, ConnectionHandler handler) {
        return listen(address, handler, null, SocketOptions.of());
    }

    /**
     * Listens on {@code address}: as {@link #listen(SocketAddress, ConnectionHandler)}, with TLS if {@code tls}
     * is not null ({@link #listen(SocketAddress, ConnectionHandler, TlsConfig)}) and {@code options} set on
     * each listening socket before it binds (accepted sockets inherit them). Any thread.
     *
     * @throws IllegalArgumentException if an option does not apply to the address's family (a Unix domain socket
     *         takes SO_RCVBUF, SO_SNDBUF and SO_LINGER), naming it
     * @throws dev.iobuf.uring.UringException if the kernel refuses an option (naming it), or as the two-argument form
     */
    public Listener listen(SocketAddress address, ConnectionHandler handler, TlsConfig tls, SocketOptions options) {
        Objects.requireNonNull(options, "options");
        if (tls != null) {
            handler = TlsBound.server(handler, tls);
        }
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(address, "address");
        if (shuttingDown.get()) {
            throw new IllegalStateException("the group is shutting down: no new listeners");
        }
        if (transport == Transport.NIO) {
            return NioAcceptor.listen(address, handler, options, config, loops);
        }
        return ListenSockets.listen(address, handler, options, config, loops);
    }

    /**
     * Listens on {@code address} for TLS connections: as {@link #listen(SocketAddress, ConnectionHandler)},
     * each connection's handshake runs first and {@code handler} sees plaintext ({@link TlsConfig}). Any thread.
     *
     * @throws IllegalArgumentException if {@code tls} is a client config
     */
    public Listener listen(SocketAddress address, ConnectionHandler handler, TlsConfig tls) {
        return listen(address, handler, Objects.requireNonNull(tls, "tls"), SocketOptions.of());
    }

    /**
     * Binds a UDP endpoint on {@code address} on every loop (one socket each, SO_REUSEPORT; port 0: any free
     * port, see {@link DatagramBinding#localAddress()}) with {@link DatagramOptions#defaults()}; {@code handler}
     * gets each datagram on the loop that received it. Returns once every loop receives. Call it from outside
     * the group's loops.
     *
     * @throws dev.iobuf.uring.UnsupportedFeatureException on io_uring before Linux 6.0 (multishot recvmsg)
     * @throws UringException if a socket cannot be made or bound ({@code EADDRINUSE}); nothing stays open then
     * @throws IllegalStateException if the group is shutting down, or called on one of its loops
     * @throws IllegalArgumentException on the NIO transport, for an option only io_uring can honour (named; see
     *         {@link DatagramOptions})
     */
    public DatagramBinding bindDatagram(InetSocketAddress address, DatagramHandler handler) {
        return bindDatagram(address, handler, DatagramOptions.defaults());
    }

    /** As {@link #bindDatagram(InetSocketAddress, DatagramHandler)}, sized and tuned by {@code options}. */
    public DatagramBinding bindDatagram(InetSocketAddress address, DatagramHandler handler, DatagramOptions options) {
        if (shuttingDown.get()) {
            throw new IllegalStateException("the group is shutting down: no new UDP endpoints");
        }
        return DatagramBinding.bind(loops, address, handler, options);
    }

    /**
     * Connects to {@code remote} from the next loop (round-robin); see {@link EventLoop#connect}. Any thread.
     */
    public CompletableFuture<Connection> connect(SocketAddress remote, ConnectionHandler handler) {
        if (shuttingDown.get()) {
            CompletableFuture<Connection> f = new CompletableFuture<>();
            f.completeExceptionally(new RejectedExecutionException("the group is shutting down"));
            return f;
        }
        return next().connect(remote, handler);
    }

    /**
     * Connects to {@code remote} over TLS: as {@link #connect(SocketAddress, ConnectionHandler)}; the future
     * completes after the handshake (and {@code onOpen}), or fails with its {@link javax.net.ssl.SSLException}.
     * The client engine gets an IP address's host and port (for SNI and host name checks); over a Unix domain
     * socket it gets none. Any thread.
     *
     * @throws IllegalArgumentException if {@code tls} is a server config, or checks host names and {@code remote}
     *         is a Unix domain socket (it has none: {@link TlsConfig#verifyHostname(boolean) verifyHostname(false)})
     */
    public CompletableFuture<Connection> connect(SocketAddress remote, ConnectionHandler handler, TlsConfig tls) {
        return connect(remote, TlsBound.client(handler, tls, remote));
    }

    /** The counters of every loop, summed (each loop's snapshot taken on its thread). */
    public NetCounters counters() {
        NetCounters sum = NetCounters.ZERO;
        for (EventLoop loop : loops) {
            sum = sum.plus(loop.counters());
        }
        return sum;
    }

    /**
     * Shuts down gracefully and waits: every loop stops accepting (cancels its multishot accepts and
     * closes its listening sockets), cancels its timers, and closes every connection after it sent what
     * was queued; at {@code timeout} the connections still sending are aborted. Then each loop closes its
     * ring (cancelling what is left), frees its buffers and ends. Idempotent; not from a loop thread.
     *
     * @return true if every loop ended within {@code timeout} plus one second
     * @throws IllegalStateException on a loop thread (it would wait for itself)
     */
    public boolean shutdownGracefully(Duration timeout) {
        return LoopShutdown.all(loops, System.nanoTime() + timeout.toNanos(), shuttingDown);
    }

    /**
     * Whether no loop has failed. A loop fails only through a bug (an error thrown out of the loop itself,
     * or a {@link VirtualMachineError} in a handler); it then closes its connections and its listening
     * sockets, so that the kernel sends new connections to the other loops, and ends.
     */
    public boolean isHealthy() {
        return !loopFailure.isDone();
    }

    /**
     * The error that ended a loop (the first, if several did): an {@link IllegalStateException} naming the
     * loop, caused by what it threw; {@code null} while every loop is healthy.
     */
    public Throwable failure() {
        return loopFailure.getNow(null);
    }

    /**
     * Completes with {@link #failure()} when a loop fails; never completes otherwise. A server uses it to
     * stop and exit with the cause instead of running on half dead. Dependent actions run on the failed
     * loop's thread: keep them short, do not block.
     */
    public CompletionStage<Throwable> whenLoopFails() {
        return loopFailure.minimalCompletionStage();
    }

    /** Loop {@code loop} failed with {@code cause} (called on its thread, after it closed what it held). */
    void loopFailed(EventLoop loop, Throwable cause) {
        loopFailure.complete(new IllegalStateException("event loop " + loop.index() + " failed: " + cause, cause));
    }

    /** Whether every loop has ended. */
    public boolean isTerminated() {
        for (EventLoop loop : loops) {
            if (!loop.isTerminated()) {
                return false;
            }
        }
        return true;
    }

    /** {@link #shutdownGracefully} with a 10 s deadline. */
    @Override
    public void close() {
        if (!shutdownGracefully(DEFAULT_SHUTDOWN)) {
            throw new IllegalStateException("event loops did not end within " + DEFAULT_SHUTDOWN.toSeconds()
                    + " s after the shutdown deadline: a handler blocks its loop");
        }
    }

    @Override
    public String toString() {
        return "EventLoopGroup[" + loops.size() + " loops, " + transport + (shuttingDown.get() ? ", shutting down" : "") + "]";
    }

    /**
     * Settings of an {@link EventLoopGroup}. Defaults fit a server with many small requests: 8 KiB receive
     * buffers, 2 KiB write buffers, 16 write buffers per connection.
     */
    public static final class Builder {
        private int threads = Runtime.getRuntime().availableProcessors();
        private int ringEntries = 1024;
        private int cqEntries;
        private BufferTier recvBufferTier = BufferTier.MEDIUM;
        private int recvBuffers = 1024;
        private BufferTier writeBufferTier = BufferTier.SMALL;
        private int writeBuffers = 8192;
        private int writeQueueBuffers = 16;
        private int maxConnections = 16384;
        private Duration idleTimeout = Duration.ZERO;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private boolean tcpNoDelay = true;
        private int backlog = 4096;
        private boolean multishot = true;
        private boolean recvBundles;
        private boolean deferTaskrun = true;
        private boolean noIowait = true;
        private IoWorkerCaps ioWorkerCaps;
        private int zeroCopyThreshold;
        private boolean pauseReadingWhenUnwritable = true;
        private boolean daemon;
        private String threadName;
        private ZeroCopyTrace zeroCopyTrace;
        private Transport transport = Transport.AUTO;
        private List<Class<?>> preload = List.of();

        private Builder() {
        }

        /**
         * The transport (default {@link Transport#AUTO}: io_uring, or JDK NIO where io_uring is refused, said
         * in one INFO line; {@link Transport#IO_URING}: io_uring or the exception; {@link Transport#NIO}: NIO).
         * On NIO the io_uring-only settings (ring sizes, multishot, bundles, DEFER_TASKRUN, zero-copy) are
         * ignored. {@link EventLoopGroup#transport()} says which one runs.
         */
        public Builder transport(Transport t) {
            this.transport = Objects.requireNonNull(t, "transport");
            return this;
        }

        /** Loops (threads, rings). Default: available processors. */
        public Builder threads(int n) {
            this.threads = requireRange("threads", n, 1, 1024);
            return this;
        }

        /** SQ entries per ring (default 1024); the CQ gets {@link #cqEntries} (default 8 x SQ, for multishot bursts). */
        public Builder ringEntries(int n) {
            this.ringEntries = requireRange("ringEntries", n, 8, 32768);
            return this;
        }

        /** CQ entries per ring (default 8 x ringEntries, at most 65536). */
        public Builder cqEntries(int n) {
            this.cqEntries = requireRange("cqEntries", n, 8, 65536);
            return this;
        }

        /** Size of each provided receive buffer (default MEDIUM, 8 KiB). */
        public Builder recvBufferTier(BufferTier tier) {
            this.recvBufferTier = Objects.requireNonNull(tier, "tier");
            return this;
        }

        /** Receive buffers per loop, shared by its connections (default 1024; 1 .. 32768). */
        public Builder recvBuffers(int n) {
            this.recvBuffers = requireRange("recvBuffers", n, 1, 32768);
            return this;
        }

        /** Size of each write buffer (default SMALL, 2 KiB; small writes share one). */
        public Builder writeBufferTier(BufferTier tier) {
            this.writeBufferTier = Objects.requireNonNull(tier, "tier");
            return this;
        }

        /** Write buffers per loop, shared by its connections (default 8192). */
        public Builder writeBuffers(int n) {
            this.writeBuffers = requireRange("writeBuffers", n, 1, 1 << 24);
            return this;
        }

        /**
         * Write buffers one connection may hold (a power of two, 2 .. 256; default 16): its queue bound.
         * Not writable from half of it, writable again at a quarter.
         */
        public Builder writeQueueBuffers(int n) {
            if (n < 2 || n > 256 || Integer.bitCount(n) != 1) {
                throw new IllegalArgumentException("writeQueueBuffers must be a power of two in 2 .. 256, got " + n);
            }
            this.writeQueueBuffers = n;
            return this;
        }

        /** Connections per loop at most (default 16384); beyond, accepted sockets are closed at once. */
        public Builder maxConnectionsPerLoop(int n) {
            this.maxConnections = requireRange("maxConnectionsPerLoop", n, 1, 1 << 22);
            return this;
        }

        /** Close connections with no receive and no send completion for this long (default 0: never). */
        public Builder idleTimeout(Duration timeout) {
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("idleTimeout must be >= 0, got " + timeout);
            }
            this.idleTimeout = timeout;
            return this;
        }

        /** Fail a connect with ETIMEDOUT after this long (IORING_OP_LINK_TIMEOUT; 0: the kernel's own; default 10 s). */
        public Builder connectTimeout(Duration timeout) {
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("connectTimeout must be >= 0, got " + timeout);
            }
            this.connectTimeout = timeout;
            return this;
        }

        /** TCP_NODELAY on every socket (default true). */
        public Builder tcpNoDelay(boolean on) {
            this.tcpNoDelay = on;
            return this;
        }

        /** listen(2) backlog per listening socket (default 4096; the kernel caps it at net.core.somaxconn). */
        public Builder backlog(int n) {
            this.backlog = requireRange("backlog", n, 1, 1 << 20);
            return this;
        }

        /**
         * Multishot accept and receive (default true; the loop falls back by itself on kernels before 5.19
         * / 6.0). False: one accept / receive per request, re-armed each time (for comparison and tests).
         */
        public Builder multishot(boolean on) {
            this.multishot = on;
            return this;
        }

        /**
         * Receive bundles (IORING_RECVSEND_BUNDLE, Linux 6.10; default false): one receive completion may
         * fill several buffers (fewer CQEs for bulk transfers); each buffer still gets its own {@code onData}.
         * Ignored, with a log line, on kernels without it.
         */
        public Builder recvBundles(boolean on) {
            this.recvBundles = on;
            return this;
        }

        /** DEFER_TASKRUN (with SINGLE_ISSUER) where the kernel has it (default true). */
        public Builder deferTaskrun(boolean on) {
            this.deferTaskrun = on;
            return this;
        }

        /**
         * Idle waits not accounted as iowait (IORING_ENTER_NO_IOWAIT where the kernel has it, Linux 6.15;
         * default true). Since Linux 6.10 a loop waiting with a multishot receive or accept in flight counts as
         * iowait, so an idle server shows 100% iowait per loop in top and monitoring. False: the kernel's
         * accounting (which also drives the cpufreq iowait boost).
         */
        public Builder noIowait(boolean on) {
            this.noIowait = on;
            return this;
        }

        /**
         * Caps each loop's io-wq worker threads (IORING_REGISTER_IOWQ_MAX_WORKERS, Linux 5.15; see
         * {@link IoWorkerCaps}): {@code bounded} for file and block I/O, {@code unbounded} for the rest; 0 keeps
         * the kernel's. Sockets rarely need workers (they are polled), but a burst of operations the kernel cannot
         * poll starts one worker each. Default: the kernel's caps. {@link #build()} fails before Linux 5.15.
         *
         * @throws IllegalArgumentException if a cap is negative
         */
        public Builder maxWorkers(int bounded, int unbounded) {
            this.ioWorkerCaps = new IoWorkerCaps(bounded, unbounded);
            return this;
        }

        /**
         * Sends of at least this many bytes (one batch of queued write buffers) go out as SEND_ZC /
         * SENDMSG_ZC, their buffers held until the kernel's notification (default 0: never; zero-copy pays
         * off from some 10 KiB on a real NIC, never on loopback).
         */
        public Builder zeroCopyThreshold(int bytes) {
            this.zeroCopyThreshold = requireRange("zeroCopyThreshold", bytes, 0, Integer.MAX_VALUE);
            return this;
        }

        /** Pause reading while a connection is not writable (default true). */
        public Builder pauseReadingWhenUnwritable(boolean on) {
            this.pauseReadingWhenUnwritable = on;
            return this;
        }

        /** Observes zero-copy completions (tests prove buffer ownership with it); default none. */
        Builder zeroCopyTrace(ZeroCopyTrace trace) {
            this.zeroCopyTrace = trace;
            return this;
        }

        /**
         * Classes the handlers may need first while the process is out of file descriptors (per-connection state, an
         * error reply, what a timer or a close reaches): initialised when the group is built, before its first loop
         * starts, together with the runtime's own. The JVM loads a class at its first use, and loading it from a class
         * folder or a jar not yet opened opens a file: under a flood of connections that took every fd, a handler
         * reaching a class for the first time fails with {@link NoClassDefFoundError}. Naming a class here loads it
         * and its nest members (nested and anonymous classes), and initialising it links it; the other classes it
         * refers to are loaded at their own first use, so name those the rare paths reach too. Replaces what an
         * earlier call gave; default none.
         *
         * @throws NullPointerException if {@code classes} or one of them is null
         */
        public Builder preload(Class<?>... classes) {
            this.preload = List.of(classes);
            return this;
        }

        /** Daemon loop threads (default false: the loops keep the JVM alive until shut down). */
        public Builder daemon(boolean on) {
            this.daemon = on;
            return this;
        }

        /** Thread name prefix (default {@code iobuf-loop-<group>-}); the loop index is appended. */
        public Builder threadName(String prefix) {
            this.threadName = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /**
         * Starts the loops (each sets up its ring, buffer ring and pools on its own thread).
         *
         * With {@link Transport#AUTO} a refusal of io_uring (the first three below, and a kernel without
         * provided-buffer rings) starts the loops on NIO instead; with {@link Transport#IO_URING} it is thrown.
         *
         * @throws dev.iobuf.uring.IoUringBlockedException if io_uring is blocked here (seccomp, sysctl)
         * @throws dev.iobuf.uring.IoUringUnavailableException if the kernel has no io_uring
         * @throws dev.iobuf.uring.MemlockLimitException if the rings or buffer rings pass RLIMIT_MEMLOCK
         * @throws UringException for other setup failures (provided-buffer rings need Linux 5.19)
         */
        public EventLoopGroup build() {
            int cq = cqEntries != 0 ? cqEntries : Math.min(65536, ringEntries * 8);
            if (cq < ringEntries) {
                throw new IllegalArgumentException("cqEntries (" + cq + ") must be >= ringEntries (" + ringEntries + ")");
            }
            String name = threadName != null ? threadName : "iobuf-loop-" + GROUPS.incrementAndGet() + "-";
            LoopConfig config = new LoopConfig(ringEntries, cq, recvBufferTier, recvBuffers, writeBufferTier, writeBuffers,
                    writeQueueBuffers, maxConnections, idleTimeout.toNanos(), connectTimeout.toNanos(), tcpNoDelay, backlog,
                    multishot, recvBundles, deferTaskrun, noIowait, ioWorkerCaps, zeroCopyThreshold, pauseReadingWhenUnwritable, daemon, name,
                    zeroCopyTrace);
            try {
                return new EventLoopGroup(config, threads, transport == Transport.NIO ? Transport.NIO : Transport.IO_URING,
                        preload);
            } catch (UringException e) {
                if (transport != Transport.AUTO || !TransportFallback.isRefusal(e)) {
                    throw e;
                }
                TransportFallback.log("EventLoopGroup", e);
                return new EventLoopGroup(config, threads, Transport.NIO, preload);
            }
        }

        private static int requireRange(String what, int n, int min, int max) {
            if (n < min || n > max) {
                throw new IllegalArgumentException(what + " must be in " + min + " .. " + max + ", got " + n);
            }
            return n;
        }
    }
}
