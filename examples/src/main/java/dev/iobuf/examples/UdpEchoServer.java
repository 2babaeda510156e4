package dev.iobuf.examples;

import dev.iobuf.uring.Transport;
import dev.iobuf.uring.net.DatagramBinding;
import dev.iobuf.uring.net.DatagramCounters;
import dev.iobuf.uring.net.DatagramHandler;
import dev.iobuf.uring.net.EventLoopGroup;
import dev.iobuf.uring.net.NetCounters;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * {@code EchoServer --udp}: a UDP echo server on the network runtime (io_uring, or JDK NIO where io_uring is
 * refused or {@code --transport nio} asks for it). Every datagram goes back to its sender, unchanged, from the port
 * it arrived on.
 *
 * <pre>
 * ... -m dev.iobuf.examples/dev.iobuf.examples.EchoServer --udp --port 7008 --loops 2
 * EchoServer listening on UDP 0.0.0.0:7008 (2 event loops, io_uring; multishot recvmsg, GSO and GRO where the kernel has them)
 * ^C
 * EchoServer: SIGINT, shutting down
 * EchoServer stopped: clean=true quiescent=true openFds=0 in 272 ms
 * counters DatagramCounters[received=2, receivedBytes=17, sent=2, sentBytes=17, sendCalls=2, ...]
 * </pre>
 *
 * <p>{@code EchoServer --udp [--port N (7008)] [--loops N (cores)] [--host ADDRESS (0.0.0.0)]
 * [--shutdown-timeout DURATION (5s)] [--transport auto|io_uring|nio (auto)]}. Each loop binds its own SO_REUSEPORT
 * socket with a multishot recvmsg; the handler queues the datagram to its sender (a copy into the send queue,
 * nothing allocated), and the loop sends the turn's answers with one io_uring_enter. On NIO each loop has a
 * {@code DatagramChannel} on its selector, one receive and one send per datagram (no GSO/GRO there); the handler
 * is the same. Try it with {@code socat - UDP:127.0.0.1:7008}. Exit 0 after
 * a clean shutdown (every counter at zero, every fd closed), 1 otherwise, 2 for a bad command line.
 */
final class UdpEchoServer implements AutoCloseable {
    static final String NAME = "EchoServer";
    static final int DEFAULT_PORT = 7008;
    static final String USAGE = NAME + " --udp [--port N (" + DEFAULT_PORT + ")] [--loops N (cores)] "
            + "[--host ADDRESS (0.0.0.0)] [--shutdown-timeout DURATION (5s)] [--transport auto|io_uring|nio (auto)]";

    /** Every datagram back to its sender. */
    static final DatagramHandler ECHO = (endpoint, buffer, offset, length, sender) ->
            endpoint.send(buffer, offset, length, sender);

    private final EventLoopGroup group;
    private final DatagramBinding binding;
    private final int loops;
    private final long shutdownTimeoutNanos;

    private UdpEchoServer(EventLoopGroup group, DatagramBinding binding, int loops, long shutdownTimeoutNanos) {
        this.group = group;
        this.binding = binding;
        this.loops = loops;
        this.shutdownTimeoutNanos = shutdownTimeoutNanos;
    }

    /** Starts the loops on {@code transport} and binds; nothing stays open if that fails. */
    static UdpEchoServer start(InetSocketAddress address, int loops, long shutdownTimeoutNanos, Transport transport) {
        EventLoopGroup group = EventLoopGroup.builder().threads(loops).threadName(NAME + "-udp-loop-").transport(transport)
                .build();
        try {
            return new UdpEchoServer(group, group.bindDatagram(address, ECHO), loops, shutdownTimeoutNanos);
        } catch (RuntimeException | Error e) {
            group.shutdownGracefully(Duration.ofSeconds(1));
            throw e;
        }
    }

    InetSocketAddress address() {
        return binding.localAddress();
    }

    DatagramCounters counters() {
        return binding.counters();
    }

    String listeningLine() {
        InetSocketAddress a = binding.localAddress();
        return NAME + " listening on UDP " + a.getAddress().getHostAddress() + ":" + a.getPort() + " (" + loops
                + " event loop" + (loops == 1 ? "" : "s") + ", " + group.transport().name().toLowerCase(Locale.ROOT) + "; "
                + (group.transport() == Transport.NIO ? "a DatagramChannel per loop, one datagram per call)"
                : "multishot recvmsg, GSO and GRO where the kernel has them)");
    }

    /** How the server ended: {@code clean} when every counter is back at zero; {@code line} says so. */
    record Stopped(boolean clean, String line) {
    }

    /** Closes the endpoints, ends the loops. */
    Stopped stop() {
        long start = System.nanoTime();
        binding.close();
        boolean ended = group.shutdownGracefully(Duration.ofNanos(shutdownTimeoutNanos));
        NetCounters c = group.counters();
        boolean clean = ended && c.isQuiescent() && binding.counters().queued() == 0;
        return new Stopped(clean, NAME + " stopped: clean=" + clean + " quiescent=" + c.isQuiescent() + " openFds="
                + c.openFds() + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    @Override
    public void close() {
        if (!group.isTerminated()) {
            stop();
        }
    }

    /** {@code EchoServer --udp ...} (the {@code --udp} already taken out): runs until SIGINT/SIGTERM. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (CommandLine.wantsHelp(args)) {
            out.println("usage: " + USAGE);
            return 0;
        }
        return ToolRunner.run(NAME, out, err, o -> {
            CommandLine c = CommandLine.parse(args, Set.of("--host", "--port", "--loops", "--shutdown-timeout",
                    "--transport"), Set.of(), USAGE);
            c.expectPositional(0, "no positional arguments");
            InetSocketAddress address = new InetSocketAddress(c.has("--host") ? c.value("--host") : "0.0.0.0",
                    c.intValue("--port", DEFAULT_PORT, 0, 65535));
            if (address.isUnresolved()) {
                throw ToolException.usage("--host " + address.getHostString() + " does not resolve to an address");
            }
            serve(start(address, c.intValue("--loops", Runtime.getRuntime().availableProcessors(), 1, 1024),
                    c.durationNanos("--shutdown-timeout", 5_000_000_000L), NetServer.Options.transport(c)), o, err);
        });
    }

    private static void serve(UdpEchoServer server, PrintStream out, PrintStream err) throws InterruptedException {
        ShutdownSignals signals = ShutdownSignals.install(NAME, err);
        server.group.whenLoopFails().thenAccept(failure -> signals.stop("event loop failure"));
        try {
            out.println(server.listeningLine());
            out.flush();
            out.println(NAME + ": " + signals.await() + ", shutting down");
            Stopped stopped = server.stop();
            out.println(stopped.line());
            out.println("counters " + server.binding.counters());
            out.flush();
            if (!stopped.clean()) {
                throw new ToolException("counters not at zero after shutdown (see the counters line): something leaked");
            }
        } finally {
            server.close();
            signals.done();
        }
    }
}
