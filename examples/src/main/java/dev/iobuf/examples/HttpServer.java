package dev.iobuf.examples;

import java.io.PrintStream;

/**
 * An HTTP/1.1 plaintext server in the TechEmpower shape, on the io_uring network runtime: {@code GET
 * /plaintext} (or {@code /}) answers {@code Hello, World!} with {@code Server}, {@code Date},
 * {@code Content-Type: text/plain} and {@code Content-Length: 13}; keep-alive and pipelining included.
 *
 * <pre>
 * java --enable-native-access=dev.iobuf.core,dev.iobuf.liburing,dev.iobuf.uring \
 *      -p iobuf-core.jar:native-bindings.jar:iobuf-uring.jar:examples.jar \
 *      -m dev.iobuf.examples/dev.iobuf.examples.HttpServer --port 8080
 * HttpServer listening on 0.0.0.0:8080 (2 event loops, io_uring; 1024 x 8192 B receive buffers per loop)
 * $ curl -i http://127.0.0.1:8080/plaintext
 * </pre>
 *
 * <p>{@code HttpServer [--port N (8080)] [--loops N (cores)] [--host ADDRESS (0.0.0.0)] [--recv-buffers N]
 * [--recv-buffer-size BYTES] [--idle-timeout DURATION (60s)] [--head-timeout DURATION (10s)]
 * [--shutdown-timeout DURATION (5s)] [--transport auto|io_uring|nio (auto)]}. With {@code auto} the server runs on
 * io_uring, or on JDK NIO where io_uring is refused (one log line says why and how to get io_uring back);
 * the listening line names the transport in use.
 *
 * <p>Slow and idle clients: a connection that neither receives nor sends for the idle timeout is closed;
 * a request head must be complete within the head timeout of its first byte, else the connection is
 * aborted (a slowloris client that trickles a byte now and then keeps resetting the idle time, not
 * this deadline; such closes are counted in {@code deadlineCloses}). {@code 0} switches either off. The
 * deadline is the runtime's per-connection deadline ({@link dev.iobuf.uring.net.Connection#deadline}):
 * set at the first byte of a head, cleared when the head is complete, moved when a pipelined request
 * ends mid-head; one kernel timer per loop, not per request.
 * Nothing is allocated per request in steady state: requests are parsed in place in
 * the provided receive buffer ({@link HttpRequestParser}; a head split across receives is carried over
 * in a per-connection array), and each answer is one write of a precomputed byte array
 * ({@link PlaintextResponses}) whose Date header each loop rewrites in place once a second from a timer.
 * Other paths get 404, other methods 405, malformed requests 400 (and the connection closes); see
 * {@link HttpRequestParser} for what is checked. SIGINT or SIGTERM shuts down gracefully, prints the
 * counters and exits 0 when every counter is back to zero.
 */
public final class HttpServer {
    static final String NAME = "HttpServer";
    static final int DEFAULT_PORT = 8080;
    static final String USAGE = NAME + " " + NetServer.HTTP_OPTIONS_USAGE.replace("[--port N]", "[--port N (" + DEFAULT_PORT + ")]");

    private HttpServer() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the server until SIGINT/SIGTERM; returns the exit code (0 clean, 1 failed, 2 bad command line). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return NetServer.main(NAME, USAGE, DEFAULT_PORT, true, HttpPlaintextHandler.CONNECTION_CLASSES, HttpPlaintextHandler::start,
                args, out, err);
    }

    /** Starts a plaintext server in this process (tests, embedding); {@link NetServer#stop()} ends it. */
    static NetServer start(NetServer.Options options) {
        return NetServer.start(NAME, options, HttpPlaintextHandler.CONNECTION_CLASSES, HttpPlaintextHandler::start);
    }
}
