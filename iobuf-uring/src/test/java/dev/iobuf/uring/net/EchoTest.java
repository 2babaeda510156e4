package dev.iobuf.uring.net;

import static dev.iobuf.uring.net.NetTestSupport.anyPort;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.uring.testkit.ChildJvm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Echo round trips between our server and our client, many connections at once, byte for byte. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
abstract class EchoTest extends TransportSuite {

    static byte[][] messages(int rounds, long seed) {
        byte[][] m = new byte[rounds][];
        for (int i = 0; i < rounds; i++) {
            m[i] = NetTestSupport.pattern(1 + (int) ((seed * 31 + i * 977) % 6000), seed + i);
        }
        return m;
    }

    /** Runs {@code connections} echo clients against one server group; checks everything and the counters. */
    private static void run(int connections, int rounds, EventLoopGroup server, EventLoopGroup client) throws Exception {
        int fdsBefore = NetTestSupport.openFds();
        EchoHandler echo = new EchoHandler();
        Listener listener = server.listen(anyPort(), echo);
        byte[][] messages = messages(rounds, connections);
        EchoClient clients = new EchoClient(messages, connections);
        List<CompletableFuture<Connection>> opened = new ArrayList<>(connections);
        for (int i = 0; i < connections; i++) {
            opened.add(client.connect(listener.localAddress(), clients));
        }
        for (CompletableFuture<Connection> f : opened) {
            assertThat(f.get(30, TimeUnit.SECONDS).isClient()).isTrue();
        }
        assertThat(clients.done.await(45, TimeUnit.SECONDS)).as("all connections finished; failures: %s", clients.failures)
                .isTrue();
        assertThat(clients.failures).isEmpty();
        assertThat(clients.completed.get()).isEqualTo(connections);
        assertThat(echo.refused).isZero();
        long expectedBytes = 0;
        for (byte[] m : messages) {
            expectedBytes += m.length;
        }
        NetCounters c = NetTestSupport.shutdownClean(client);
        assertThat(c.connectionsConnected()).isEqualTo(connections);
        assertThat(c.bytesReceived()).isEqualTo(expectedBytes * connections);
        NetCounters s = NetTestSupport.shutdownClean(server);
        assertThat(s.connectionsAccepted()).isEqualTo(connections);
        assertThat(s.bytesSent()).isEqualTo(expectedBytes * connections);
        assertThat(NetTestSupport.openFds()).as("fds after shutdown").isLessThanOrEqualTo(fdsBefore);
    }

    @Test
    void fiveHundredConcurrentConnectionsEchoByteForByte() throws Exception {
        EventLoopGroup server = group();
        EventLoopGroup client = group();
        run(500, 4, server, client);
    }

    @Test
    void singleShotModeEchoesToo() throws Exception {
        EventLoopGroup server = group(b -> b.multishot(false));
        EventLoopGroup client = group(b -> b.multishot(false));
        run(50, 3, server, client);
    }

    /**
     * 10,000 connections (about 3 s here; {@code -Diobuf.net.test.10k=false} skips it). With {@code ulimit -n} >= 20,500 both
     * ends run here; else the clients run in a child JVM (each process then needs 10,500 fds); with less it
     * skips saying so.
     */
    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void tenThousandConnections() throws Exception {
        Assumptions.assumeFalse("false".equals(System.getProperty("iobuf.net.test.10k")),
                "10,000-connection echo skipped by -Diobuf.net.test.10k=false");
        int n = 10_000;
        long limit = NetTestSupport.raiseFdLimit(2 * n + 500);
        if (limit < n + 500) {
            Assumptions.abort("10,000-connection echo needs ulimit -n >= " + (n + 500) + ", the limit here is " + limit
                    + " and cannot be raised here: raise the hard limit");
        }
        EventLoopGroup server = group(b -> b.maxConnectionsPerLoop(16384).writeBuffers(8192));
        if (limit >= 2 * n + 500) {
            EventLoopGroup client = group(b -> b.maxConnectionsPerLoop(16384).writeBuffers(8192));
            run(n, 2, server, client);
            return;
        }
        EchoHandler echo = new EchoHandler();
        Listener listener = server.listen(anyPort(), echo);
        List<String> out = ChildJvm.onClassPath(EchoClientChild.class)
                .run(Duration.ofSeconds(280), String.valueOf(listener.port()), String.valueOf(n), "2").stdoutLines();
        assertThat(out).as("child output").anyMatch(line -> line.startsWith("OK " + n));
        NetCounters s = NetTestSupport.shutdownClean(server);
        assertThat(s.connectionsAccepted()).isEqualTo(n);
        assertThat(echo.refused).isZero();
    }
}
