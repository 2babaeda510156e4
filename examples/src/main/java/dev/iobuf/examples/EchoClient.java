package dev.iobuf.examples;

import dev.iobuf.uring.net.EventLoopGroup;
import dev.iobuf.uring.net.NetCounters;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A client for echo servers, on the same io_uring network runtime (its {@code connect}): opens
 * {@code --connections} connections, and on each sends a message, waits for all of it to come back,
 * checks it byte for byte and sends the next ({@link EchoLoad}); messages differ per connection and
 * round, {@code --size} bytes each (with {@code --vary-size}: 1 .. size).
 *
 * <pre>
 * EchoClient --host 127.0.0.1 --port 7007 --connections 100 --rounds 10 --size 4096 --vary-size
 * EchoClient OK: 100 connections x 10 rounds, 2043812 bytes echoed byte for byte in 412 ms (1000 round trips, 2427 per s, 4.96 MB/s)
 * </pre>
 *
 * <p>{@code EchoClient [--host H (127.0.0.1)] [--port N (7007)] [--connections N (1)] [--rounds N (10)]
 * [--duration D] [--size BYTES (1024)] [--vary-size] [--loops N (1)] [--timeout D (120s)] [--seed N]}.
 * With {@code --duration} each connection echoes for that long instead of a number of rounds (a load
 * generator). The report ends with the client's own leak check (its counters after shutdown). Exit 0
 * when every connection finished every round with every byte right; 1 otherwise (the first failures are
 * printed on one line); 2 for a bad command line.
 */
public final class EchoClient {
    static final String USAGE = "EchoClient [--host H (127.0.0.1)] [--port N (7007)] [--connections N (1)] [--rounds N (10)]"
            + " [--duration D] [--size BYTES (1024)] [--vary-size] [--loops N (1)] [--timeout D (120s)] [--seed N]";

    /** The parsed command line. */
    record Options(String host, int port, int connections, int rounds, long durationNanos, int size, boolean varySize,
                   int loops, long timeoutNanos, long seed) {
        static Options parse(String[] args) {
            CommandLine c = CommandLine.parse(args, Set.of("--host", "--port", "--connections", "--rounds", "--duration",
                    "--size", "--loops", "--timeout", "--seed"), Set.of("--vary-size"), USAGE);
            c.expectPositional(0, "no positional arguments");
            if (c.has("--duration") && c.has("--rounds")) {
                throw c.error("give --rounds or --duration, not both");
            }
            return new Options(c.has("--host") ? c.value("--host") : "127.0.0.1", c.intValue("--port", 7007, 1, 65535),
                    c.intValue("--connections", 1, 1, 1_000_000), c.intValue("--rounds", 10, 1, Integer.MAX_VALUE),
                    c.has("--duration") ? c.durationNanos("--duration", 0) : 0, c.intValue("--size", 1024, 1, 64 << 20),
                    c.flag("--vary-size"), c.intValue("--loops", 1, 1, 1024),
                    c.durationNanos("--timeout", 120_000_000_000L), c.longValue("--seed", 42, Long.MIN_VALUE, Long.MAX_VALUE));
        }
    }

    private EchoClient() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the client; returns the exit code (0 all echoed byte for byte, 1 failed, 2 bad command line). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (CommandLine.wantsHelp(args)) {
            out.println("usage: " + USAGE);
            return 0;
        }
        return ToolRunner.run("EchoClient", out, err, o -> o.println(echo(Options.parse(args))));
    }

    /** Runs the connections as {@code o} says; returns the report line, or throws with the failures. */
    static String echo(Options o) throws InterruptedException {
        InetSocketAddress server = new InetSocketAddress(o.host(), o.port());
        if (server.isUnresolved()) {
            throw new ToolException("cannot resolve " + o.host() + ": give an IP address or a resolvable host name");
        }
        boolean timed = o.durationNanos() > 0;
        EchoLoad load = new EchoLoad(o.connections(), o.size(), o.varySize(), timed ? 0 : o.rounds(), o.seed());
        EventLoopGroup group = EventLoopGroup.builder().threads(o.loops()).daemon(true).threadName("EchoClient-loop-")
                .maxConnectionsPerLoop(Math.max(1024, o.connections() / o.loops() + 1024)).build();
        long start = System.nanoTime();
        boolean finished = false;
        long nanos;
        boolean ended;
        try {
            for (int i = 0; i < o.connections(); i++) {
                group.connect(server, load).exceptionally(t -> {
                    load.connectFailed(t);
                    return null;
                });
            }
            if (timed) {
                load.done.await(o.durationNanos(), TimeUnit.NANOSECONDS);
                load.stop();
            }
            finished = load.done.await(o.timeoutNanos(), TimeUnit.NANOSECONDS);
        } finally {
            load.stop();
            nanos = System.nanoTime() - start;
            ended = group.shutdownGracefully(Duration.ofSeconds(5));
        }
        NetCounters counters = group.counters();
        String leaks = ended && counters.isQuiescent() ? "client counters at zero" : "client NOT quiescent: " + counters;
        int expected = o.connections();
        if (!finished || !load.failures.isEmpty() || load.completed.get() != expected || !ended || !counters.isQuiescent()) {
            throw new ToolException("FAILED: " + load.completed.get() + " of " + expected + " connections completed"
                    + (finished ? "" : " (timed out after " + o.timeoutNanos() / 1_000_000 + " ms)") + ", "
                    + load.corrupt.get() + " corrupt echoes, " + load.failures.size() + " failures, first: "
                    + String.join(" | ", load.failures.stream().limit(3).toList()) + "; " + leaks);
        }
        double seconds = nanos / 1e9;
        String what = timed
                ? String.format(Locale.ROOT, "%d connections for %.1f s", expected, seconds)
                : expected + " connections x " + o.rounds() + " rounds";
        return String.format(Locale.ROOT, "EchoClient OK: %s, %d bytes echoed byte for byte in %d ms (%d round trips, "
                        + "%.0f per s, %.2f MB/s); %s", what, load.bytesEchoed.get(), nanos / 1_000_000,
                load.roundTrips.get(), load.roundTrips.get() / seconds, load.bytesEchoed.get() / seconds / 1e6, leaks);
    }
}
