package dev.iobuf.examples;

import dev.iobuf.BufferTier;
import dev.iobuf.uring.Transport;
import dev.iobuf.uring.net.AbstractUnixAddress;
import dev.iobuf.uring.net.ConnectionHandler;
import dev.iobuf.uring.net.EventLoopGroup;
import dev.iobuf.uring.net.Listener;
import dev.iobuf.uring.net.NetCounters;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * What the example servers share: the command line, starting an {@link EventLoopGroup} and its listener,
 * waiting for SIGINT/SIGTERM, and the graceful shutdown that proves nothing leaked (every gauge of
 * {@link NetCounters} at zero, every fd closed) before the program exits with 0.
 *
 * <p>Output: one {@code <Name> listening on <address>:<port> ...} line once connections are accepted;
 * at shutdown {@code <Name>: SIGTERM, shutting down ...}, then {@code <Name> stopped: clean=true
 * quiescent=true openFds=0 ...} and {@code counters NetCounters[...]} with every counter.
 */
final class NetServer implements AutoCloseable {
    static final Set<String> VALUE_OPTIONS = Set.of("--host", "--port", "--loops", "--recv-buffers", "--recv-buffer-size",
            "--idle-timeout", "--shutdown-timeout", "--keystore", "--keystore-password", "--unix", "--transport");
    static final String OPTIONS_USAGE = "[--port N] [--loops N (cores)] [--host ADDRESS (0.0.0.0)] [--recv-buffers N (1024 per loop)]"
            + " [--recv-buffer-size BYTES (8192)] [--idle-timeout DURATION (off)] [--shutdown-timeout DURATION (5s)] "
            + "[--unix PATH|@NAME (a Unix domain socket instead of --host/--port)] [--transport auto|io_uring|nio (auto)] "
            + ServerTls.USAGE;
    /** An HTTP server closes idle keep-alive connections after this long by default. */
    static final long HTTP_IDLE_TIMEOUT_NANOS = 60_000_000_000L;
    /** An HTTP server gives a client this long from the first byte of a request head to its end, by default. */
    static final long HTTP_HEAD_TIMEOUT_NANOS = 10_000_000_000L;
    /** The HTTP servers' options: an idle timeout by default, and the request-head deadline. */
    static final String HTTP_OPTIONS_USAGE = OPTIONS_USAGE.replace("[--idle-timeout DURATION (off)]",
            "[--idle-timeout DURATION (60s; 0 = off)] [--head-timeout DURATION (10s; 0 = off)]");

    /**
     * The servers' command line. {@code idleTimeoutNanos}: close a connection that neither received nor
     * sent for this long (0: never). {@code headTimeoutNanos} (HTTP): abort a connection whose request head
     * is not complete this long after its first byte (0: never); a client sending a byte now and then to
     * keep a connection open (slowloris) resets the idle time but not this deadline. {@code unix}: listen on
     * this Unix domain socket path ({@code @name}: an abstract name) instead of host and port; null: TCP.
     * {@code transport}: auto (io_uring, or NIO where io_uring is refused, said in one log line), io_uring, or nio.
     */
    record Options(String host, int port, int loops, int recvBuffers, BufferTier recvTier, long idleTimeoutNanos,
                   long headTimeoutNanos, long shutdownTimeoutNanos, ServerTls tls, String unix, Transport transport) {
        static Options parse(String[] args, String usage, int defaultPort) {
            return parse(args, usage, defaultPort, false);
        }

        /** With {@code http}: {@code --head-timeout} too, and the HTTP defaults for both timeouts. */
        static Options parse(String[] args, String usage, int defaultPort, boolean http) {
            Set<String> valueOptions = VALUE_OPTIONS;
            if (http) {
                valueOptions = new java.util.HashSet<>(VALUE_OPTIONS);
                valueOptions.add("--head-timeout");
            }
            CommandLine c = CommandLine.parse(args, valueOptions, Set.of("--tls"), usage);
            c.expectPositional(0, "no positional arguments");
            return new Options(c.has("--host") ? c.value("--host") : "0.0.0.0",
                    c.intValue("--port", defaultPort, 0, 65535),
                    c.intValue("--loops", Runtime.getRuntime().availableProcessors(), 1, 1024),
                    c.intValue("--recv-buffers", 1024, 1, 32768),
                    BufferTier.forSize(c.intValue("--recv-buffer-size", BufferTier.MEDIUM.size(), 64, BufferTier.LARGE.size())),
                    c.durationNanosOrOff("--idle-timeout", http ? HTTP_IDLE_TIMEOUT_NANOS : 0),
                    http ? c.durationNanosOrOff("--head-timeout", HTTP_HEAD_TIMEOUT_NANOS) : 0,
                    c.durationNanos("--shutdown-timeout", 5_000_000_000L), ServerTls.of(c),
                    c.has("--unix") ? c.value("--unix") : null, transport(c));
        }

        /** {@code --transport auto|io_uring|nio} (default auto); shared with {@code EchoServer --udp}. */
        static Transport transport(CommandLine c) {
            if (!c.has("--transport")) {
                return Transport.AUTO;
            }
            String v = c.value("--transport");
            for (Transport t : Transport.values()) {
                if (t.name().equalsIgnoreCase(v)) {
                    return t;
                }
            }
            throw ToolException.usage("--transport " + v + " is not one of auto, io_uring, nio");
        }

        /** The defaults, with {@code port} and {@code loops} (no idle timeout, no head deadline). */
        static Options of(String host, int port, int loops) {
            return new Options(host, port, loops, 1024, BufferTier.MEDIUM, 0, 0, 5_000_000_000L, null, null, Transport.AUTO);
        }

        Options withRecvBuffers(int n) {
            return new Options(host, port, loops, n, recvTier, idleTimeoutNanos, headTimeoutNanos, shutdownTimeoutNanos, tls, unix, transport);
        }

        Options withTransport(Transport t) {
            return new Options(host, port, loops, recvBuffers, recvTier, idleTimeoutNanos, headTimeoutNanos, shutdownTimeoutNanos, tls, unix, t);
        }

        Options withTls(ServerTls t) {
            return new Options(host, port, loops, recvBuffers, recvTier, idleTimeoutNanos, headTimeoutNanos, shutdownTimeoutNanos, t, unix, transport);
        }

        Options withShutdownTimeout(Duration d) {
            return new Options(host, port, loops, recvBuffers, recvTier, idleTimeoutNanos, headTimeoutNanos, d.toNanos(), tls, unix, transport);
        }

        Options withIdleTimeout(Duration d) {
            return new Options(host, port, loops, recvBuffers, recvTier, d.toNanos(), headTimeoutNanos, shutdownTimeoutNanos, tls, unix, transport);
        }

        Options withHeadTimeout(Duration d) {
            return new Options(host, port, loops, recvBuffers, recvTier, idleTimeoutNanos, d.toNanos(), shutdownTimeoutNanos, tls, unix, transport);
        }

        EventLoopGroup.Builder builder() {
            return EventLoopGroup.builder().threads(loops).recvBuffers(recvBuffers).recvBufferTier(recvTier)
                    .idleTimeout(Duration.ofNanos(idleTimeoutNanos)).transport(transport);
        }

        Options withUnix(String pathOrName) {
            return new Options(host, port, loops, recvBuffers, recvTier, idleTimeoutNanos, headTimeoutNanos, shutdownTimeoutNanos, tls,
                    pathOrName, transport);
        }

        /** Where to listen: {@link #unix} as a path or an abstract {@code @name}, else host and port. */
        SocketAddress address() {
            if (unix != null) {
                if (unix.isEmpty() || unix.equals("@")) {
                    throw ToolException.usage("--unix takes a socket path, or @name for an abstract name");
                }
                return unix.startsWith("@") ? AbstractUnixAddress.of(unix.substring(1)) : UnixDomainSocketAddress.of(unix);
            }
            InetSocketAddress a = new InetSocketAddress(host, port);
            if (a.isUnresolved()) {
                throw ToolException.usage("--host " + host + " does not resolve to an address: give an IP address"
                        + " (0.0.0.0 for every IPv4 interface, :: for IPv6 too) or a resolvable name");
            }
            return a;
        }
    }

    /** How a server ended. */
    record Stopped(String name, boolean ended, NetCounters counters, long millis) {
        boolean clean() {
            return ended && counters.isQuiescent();
        }

        String line() {
            return name + " stopped: clean=" + clean() + " quiescent=" + counters.isQuiescent() + " openFds="
                    + counters.openFds() + " connectionsOpen=" + counters.connectionsOpen() + " queuedWriteBytes="
                    + counters.queuedWriteBytes() + " recvBuffersRetained=" + counters.recvBuffersRetained()
                    + " leakedRecvBuffers=" + counters.leakedRecvBuffers() + " leakedWriteBuffers="
                    + counters.leakedWriteBuffers() + " in " + millis + " ms";
        }
    }

    private final String name;
    private final Options options;
    private final EventLoopGroup group;
    private final ConnectionHandler handler;
    private final Listener listener;

    private NetServer(String name, Options options, EventLoopGroup group, ConnectionHandler handler, Listener listener) {
        this.name = name;
        this.options = options;
        this.group = group;
        this.handler = handler;
        this.listener = listener;
    }

    /**
     * Starts the loops, makes the handler ({@code service} may set up per-loop state first, e.g. timers),
     * and listens. Nothing stays open if any step fails.
     */
    static NetServer start(String name, Options o, BiFunction<EventLoopGroup, Options, ConnectionHandler> service) {
        return start(name, o, List.of(), service);
    }

    /**
     * As above; {@code preload}: the handler's classes a connection may first reach out of fds, initialised with the
     * group ({@link EventLoopGroup.Builder#preload}).
     */
    static NetServer start(String name, Options o, List<Class<?>> preload,
                           BiFunction<EventLoopGroup, Options, ConnectionHandler> service) {
        SocketAddress address = o.address();
        EventLoopGroup group = o.builder().threadName(name + "-loop-").preload(preload.toArray(Class<?>[]::new)).build();
        try {
            ConnectionHandler handler = service.apply(group, o);
            Listener listener = o.tls() == null ? group.listen(address, handler)
                    : group.listen(address, handler, o.tls().config());
            return new NetServer(name, o, group, handler, listener);
        } catch (RuntimeException | Error e) {
            group.shutdownGracefully(Duration.ofSeconds(1));
            throw e;
        }
    }

    EventLoopGroup group() {
        return group;
    }

    ConnectionHandler handler() {
        return handler;
    }

    int port() {
        return listener.port();
    }

    InetSocketAddress address() {
        return listener.localAddress();
    }

    String listeningLine() {
        InetSocketAddress a = listener.localAddress();
        String where = a != null ? a.getAddress().getHostAddress() + ":" + a.getPort() : "unix:" + listener.address();
        return name + " listening on " + where + " (" + options.loops()
                + " event loop" + (options.loops() == 1 ? "" : "s") + ", " + group.transport().name().toLowerCase(Locale.ROOT) + "; "
                + (options.tls() == null ? "" : options.tls().description() + "; ") + options.recvBuffers() + " x "
                + options.recvTier().size() + " B receive buffers per loop)";
    }

    /** Stops accepting, drains the connections (aborting at the shutdown timeout), ends the loops. */
    Stopped stop() {
        long start = System.nanoTime();
        boolean ended = group.shutdownGracefully(Duration.ofNanos(options.shutdownTimeoutNanos()));
        return new Stopped(name, ended, group.counters(), (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public void close() {
        if (!group.isTerminated()) {
            stop();
        }
    }

    /**
     * The servers' {@code main}: parses, starts, prints the listening line, waits for SIGINT/SIGTERM, shuts
     * down, prints the counters. Returns 0 after a clean shutdown; 1 if it failed (one line on
     * {@code err}), 2 for a bad command line.
     */
    static int main(String name, String usage, int defaultPort, BiFunction<EventLoopGroup, Options, ConnectionHandler> service,
                    String[] args, PrintStream out, PrintStream err) {
        return main(name, usage, defaultPort, false, List.of(), service, args, out, err);
    }

    /**
     * As above; {@code http}: the HTTP options and defaults ({@link Options#parse(String[], String, int, boolean)});
     * {@code preload}: as for {@link #start(String, Options, List, BiFunction)}.
     */
    static int main(String name, String usage, int defaultPort, boolean http, List<Class<?>> preload,
                    BiFunction<EventLoopGroup, Options, ConnectionHandler> service, String[] args, PrintStream out,
                    PrintStream err) {
        if (CommandLine.wantsHelp(args)) {
            out.println("usage: " + usage);
            return 0;
        }
        return ToolRunner.run(name, out, err, o -> serve(name, Options.parse(args, usage, defaultPort, http), preload, service, o,
                err));
    }

    private static void serve(String name, Options options, List<Class<?>> preload,
                              BiFunction<EventLoopGroup, Options, ConnectionHandler> service, PrintStream out, PrintStream err)
            throws InterruptedException {
        NetServer server = start(name, options, preload, service);
        // Installed once the server runs: a server that fails to start leaves the JVM's signal handling alone.
        ShutdownSignals signals = ShutdownSignals.install(name, err);
        // A loop that fails (a bug) has closed its connections and listening socket; the server does not run
        // on half dead: it shuts down as for a signal and exits with 1 and the cause.
        server.group.whenLoopFails().thenAccept(failure -> signals.stop("event loop failure"));
        try {
            out.println(server.listeningLine());
            out.flush();
            String signal = signals.await();
            out.println(name + ": " + signal + ", shutting down (closing the listener, draining connections for up to "
                    + options.shutdownTimeoutNanos() / 1_000_000 + " ms)");
            out.flush();
            Stopped stopped = server.stop();
            out.println(stopped.line());
            out.println("counters " + stopped.counters());
            out.flush();
            Throwable failure = server.group.failure();
            if (failure != null) {
                throw new ToolException(failure.getMessage() + " (a bug: please report it with the log); the server "
                        + "stopped instead of running on with fewer loops");
            }
            if (!stopped.clean()) {
                throw new ToolException(stopped.ended()
                        ? "counters not at zero after shutdown (see the counters line): something leaked"
                        : "the event loops did not end within the shutdown timeout plus 1 s: a handler blocks its loop");
            }
        } finally {
            server.close();
            signals.done();
        }
    }
}
