package dev.iobuf.examples;

import java.io.PrintStream;

/**
 * A TCP (or Unix domain socket) echo server on the io_uring network runtime ({@code dev.iobuf.uring.net}): every byte a client
 * sends comes back, in order.
 *
 * <pre>
 * java --enable-native-access=dev.iobuf.core,dev.iobuf.liburing,dev.iobuf.uring \
 *      -p iobuf-core.jar:native-bindings.jar:iobuf-uring.jar:examples.jar \
 *      -m dev.iobuf.examples/dev.iobuf.examples.EchoServer --port 7007 --loops 2
 * EchoServer listening on 0.0.0.0:7007 (2 event loops, io_uring; 1024 x 8192 B receive buffers per loop)
 * ^C
 * EchoServer: SIGINT, shutting down (closing the listener, draining connections for up to 5000 ms)
 * EchoServer stopped: clean=true quiescent=true openFds=0 connectionsOpen=0 ... in 3 ms
 * counters NetCounters[loops=2, connectionsOpen=0, connectionsAccepted=..., ...]
 * </pre>
 *
 * <p>{@code EchoServer [--port N (7007)] [--loops N (cores)] [--host ADDRESS (0.0.0.0)] [--recv-buffers N]
 * [--recv-buffer-size BYTES] [--idle-timeout DURATION] [--shutdown-timeout DURATION (5s)] [--unix PATH|@NAME]
 * [--transport auto|io_uring|nio (auto)]} (auto: NIO where io_uring is refused, with one log line saying why); with
 * {@code --udp} it echoes UDP datagrams instead ({@link UdpEchoServer}: {@code EchoServer --udp --port 7008}).
 * With {@code --unix PATH} it listens on a Unix domain socket instead ({@code @NAME}: an abstract name, no file):
 * a stale socket file left by a crashed server is replaced, and the file is removed at shutdown; try it with
 * {@code socat - UNIX-CONNECT:PATH}. Over TCP each loop has its own SO_REUSEPORT listening socket with a
 * multishot accept (over a Unix socket every loop accepts on the one socket), and
 * each connection a multishot receive into the loop's provided-buffer ring; the handler
 * ({@link EchoHandler}) copies the data into the connection's write queue and the buffer goes back to the
 * kernel at once. A client that does not read makes the server stop reading from it (bounded write
 * queue, TCP flow control), never buffer without bound. SIGINT or SIGTERM shuts down gracefully: stop
 * accepting, send what is queued, close everything, print the counters, exit 0 if every counter is back
 * to zero (exit 1 otherwise; 2 for a bad command line).
 */
public final class EchoServer {
    static final String NAME = "EchoServer";
    static final int DEFAULT_PORT = 7007;
    static final String USAGE = NAME + " " + NetServer.OPTIONS_USAGE.replace("[--port N]", "[--port N (" + DEFAULT_PORT + ")]");

    private EchoServer() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the server until SIGINT/SIGTERM; returns the exit code (see the class comment). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (java.util.Arrays.asList(args).contains("--udp")) {
            return UdpEchoServer.run(java.util.Arrays.stream(args).filter(a -> !a.equals("--udp")).toArray(String[]::new),
                    out, err);
        }
        return NetServer.main(NAME, USAGE, DEFAULT_PORT, (group, o) -> new EchoHandler(), args, out, err);
    }

    /** Starts an echo server in this process (tests, embedding); {@link NetServer#stop()} ends it. */
    static NetServer start(NetServer.Options options) {
        return NetServer.start(NAME, options, (group, o) -> new EchoHandler());
    }
}
