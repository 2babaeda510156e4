package dev.iobuf.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.uring.testkit.ChildJvm;
import dev.iobuf.uring.net.EventLoopGroup;
import dev.iobuf.uring.net.NetCounters;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The echo server under the reliability cases: 10,000 connections, clients that reset mid-request,
 * a provided-buffer ring driven to exhaustion, a slow reader, and shutdown under load. After each one the
 * server must shut down clean: every counter at zero (no fd, no buffer held) and this process's
 * /proc/self/fd back to its count before the server started.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EchoServerTest {

    @BeforeAll
    static void warmUp() throws IOException {
        NetTestKit.warmUpFdCount();
    }

    private static NetServer server(NetServer.Options options) {
        return NetTestKit.start(() -> EchoServer.start(options));
    }

    private static InetSocketAddress loopback(NetServer server) {
        return new InetSocketAddress(NetTestKit.LOOPBACK, server.port());
    }

    /** Runs an {@link EchoLoad} of {@code connections} from a client group of this process; returns it finished. */
    private static EchoLoad echo(NetServer server, int connections, int size, boolean vary, int rounds) throws Exception {
        EventLoopGroup clients = NetTestKit.clientGroup(2);
        EchoLoad load = new EchoLoad(connections, size, vary, rounds, connections);
        for (int i = 0; i < connections; i++) {
            clients.connect(loopback(server), load).exceptionally(t -> {
                load.connectFailed(t);
                return null;
            });
        }
        assertThat(load.done.await(60, TimeUnit.SECONDS)).as("every connection finished; failures: %s", load.failures).isTrue();
        NetTestKit.shutdownClean(clients);
        assertThat(load.failures).isEmpty();
        assertThat(load.corrupt.get()).isZero();
        assertThat(load.completed.get()).isEqualTo(connections);
        return load;
    }

    @Test
    void echoesManyConnectionsOfVariousSizesByteForByte() throws Exception {
        int fds = NetTestKit.openFds();
        NetServer server = server(NetTestKit.options(2));
        EchoLoad load = echo(server, 200, 20_000, true, 5);
        NetCounters c = NetTestKit.stopClean(server, fds);
        assertThat(c.connectionsAccepted()).isEqualTo(200);
        assertThat(c.bytesSent()).isEqualTo(load.bytesEchoed.get()).isEqualTo(c.bytesReceived());
    }

    /**
     * 10,000 concurrent connections. RLIMIT_NOFILE is 20,000 here and cannot be raised, so the clients run
     * in a child JVM (the EchoClient example on the module path, 10,000 fds of its own) and the server here.
     */
    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void tenThousandConcurrentConnectionsEchoByteForByte() throws Exception {
        Assumptions.assumeFalse("false".equals(System.getProperty("iobuf.net.test.10k")),
                "10,000-connection echo skipped by -Diobuf.net.test.10k=false");
        int n = 10_000;
        long limit = NetTestKit.fdLimit();
        if (limit < n + 500) {
            Assumptions.abort("10,000 connections need ulimit -n >= " + (n + 500) + " in this JVM and in the client's,"
                    + " the limit here is " + limit + ": raise the hard limit (ulimit -Hn)");
        }
        int fds = NetTestKit.openFds();
        NetServer server = server(NetTestKit.options(2));
        ChildJvm.Result r = ChildJvm.onModulePath(EchoClient.class).run(Duration.ofSeconds(150), "--port", String.valueOf(server.port()),
                "--connections", String.valueOf(n), "--rounds", "2", "--size", "2048", "--vary-size", "--loops", "2",
                "--timeout", "120s");
        System.out.println("10,000 connections, client in a child JVM: " + r.stdout().strip());
        assertThat(r.exitCode()).as("EchoClient in a child JVM: %s", r).isZero();
        assertThat(r.stdout()).as("%s", r).contains("EchoClient OK: 10000 connections x 2 rounds")
                .contains("client counters at zero");
        NetCounters c = NetTestKit.stopClean(server, fds);
        assertThat(c.connectionsAccepted()).isEqualTo(n);
        assertThat(c.connectionsRejected()).isZero();
        assertThat(c.bytesSent()).isEqualTo(c.bytesReceived()).isPositive();
    }

    /**
     * Clients that send a lot without reading, so that the server is in the middle of writing to them
     * (queued bytes, reading paused), then close with SO_LINGER 0: the kernel sends RST. The server fails
     * those connections, frees everything, and keeps serving the others.
     */
    @Test
    void clientsThatResetMidRequestLeaveNothingBehind() throws Exception {
        int fds = NetTestKit.openFds();
        NetServer server = server(NetTestKit.options(2));
        List<Socket> resetters = new ArrayList<>();
        byte[] flood = NetTestKit.pattern(16 << 20, 1);    // more than the server's socket send buffer (4 MiB max)
        try {
            for (int i = 0; i < 8; i++) {
                Socket s = new Socket();
                s.setReceiveBufferSize(4096);       // a small window: the server's writes back up quickly
                s.connect(loopback(server), 5_000);
                resetters.add(s);
                NetTestKit.writeAsync(s.getOutputStream(), flood);
            }
            assertThat(NetTestKit.await(() -> server.group().counters().queuedWriteBytes() > 32 * 1024, Duration.ofSeconds(20)))
                    .as("the server is writing to the clients: %s", server.group().counters()).isTrue();
            for (Socket s : resetters) {
                s.setSoLinger(true, 0);
                s.close();
            }
            EchoLoad load = echo(server, 20, 50_000, true, 3);        // the server still serves others
            assertThat(load.bytesEchoed.get()).isPositive();
            assertThat(NetTestKit.await(() -> server.group().counters().connectionsOpen() == 0, Duration.ofSeconds(10)))
                    .as("every reset connection closed: %s", server.group().counters()).isTrue();
        } finally {
            for (Socket s : resetters) {
                s.close();
            }
        }
        NetCounters c = NetTestKit.stopClean(server, fds);
        assertThat(c.connectionsClosed()).isEqualTo(28);
    }

    /**
     * Four receive buffers per loop and 32 connections sending 96 KiB messages at once: the buffer ring runs
     * dry (ENOBUFS) again and again, receives are re-armed as buffers come back, every byte is echoed right.
     */
    @Test
    void aBufferRingDrivenToExhaustionRecoversAndLosesNothing() throws Exception {
        int fds = NetTestKit.openFds();
        NetServer server = server(NetTestKit.options(1).withRecvBuffers(4));
        EchoLoad load = echo(server, 32, 96 * 1024, false, 4);
        NetCounters before = server.group().counters();
        NetCounters c = NetTestKit.stopClean(server, fds);
        assertThat(before.recvNoBuffers()).as("receives that found the ring empty").isPositive();
        assertThat(c.bytesSent()).isEqualTo(32L * 4 * 96 * 1024).isEqualTo(load.bytesEchoed.get());
    }

    /**
     * A client sends 8 MiB but reads slowly: the server stops reading from it while its write queue is full,
     * so what it holds for that client stays bounded by configuration, not by what the client sends: at
     * most 16 write buffers of 2 KiB queued, and receive buffers only from the loop's fixed ring (64 here;
     * a multishot receive may fill many of them in one burst before the pause takes effect, see the
     * printed maximum), and the client gets every byte back in order.
     */
    @Test
    void aSlowReaderGetsAllItsDataWhileServerMemoryStaysBounded() throws Exception {
        int fds = NetTestKit.openFds();
        NetServer server = server(NetTestKit.options(1).withRecvBuffers(64));
        int total = 8 << 20;
        byte[] data = NetTestKit.pattern(total, 99);
        AtomicLong maxQueued = new AtomicLong();
        AtomicLong maxWriteBuffers = new AtomicLong();
        AtomicLong maxRecvHeld = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                NetCounters c = server.group().counters();
                maxQueued.accumulateAndGet(c.queuedWriteBytes(), Math::max);
                maxWriteBuffers.accumulateAndGet(c.writeBuffersInUse(), Math::max);
                maxRecvHeld.accumulateAndGet(c.recvBuffersRetained() + c.recvBuffersPending(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "counter-sampler");
        sampler.start();
        try (Socket s = NetTestKit.jdkClient(server.port())) {
            NetTestKit.writeAsync(s.getOutputStream(), data);
            InputStream in = s.getInputStream();
            byte[] back = new byte[total];
            int got = 0;
            while (got < total) {
                int r = in.read(back, got, Math.min(4096, total - got));
                assertThat(r).as("stream ended after %d bytes", got).isPositive();
                got += r;
                if (got % (128 * 1024) < 4096) {
                    Thread.sleep(4);                // the slow part
                }
            }
            assertThat(back).isEqualTo(data);
        } finally {
            sampler.interrupt();
            sampler.join();
        }
        System.out.println("slow reader: max queued " + maxQueued + " B, max write buffers " + maxWriteBuffers
                + ", max receive buffers held " + maxRecvHeld);
        assertThat(maxQueued.get()).as("queued write bytes for the slow reader").isPositive().isLessThanOrEqualTo(16 * 2048);
        assertThat(maxWriteBuffers.get()).isLessThanOrEqualTo(16);
        assertThat(maxRecvHeld.get()).as("receive buffers held back").isLessThanOrEqualTo(64);
        NetTestKit.stopClean(server, fds);
    }

    /** 200 connections echoing without pause when the server shuts down: clean counters, no fd left. */
    @Test
    void shutdownUnderLoadIsCleanAndEveryClientSeesItsConnectionEnd() throws Exception {
        int fds = NetTestKit.openFds();
        NetServer server = server(NetTestKit.options(2).withShutdownTimeout(Duration.ofSeconds(3)));
        EventLoopGroup clients = NetTestKit.clientGroup(2);
        int n = 200;
        EchoLoad load = new EchoLoad(n, 8192, true, 0, 5);
        for (int i = 0; i < n; i++) {
            clients.connect(loopback(server), load).exceptionally(t -> {
                load.connectFailed(t);
                return null;
            });
        }
        assertThat(NetTestKit.await(() -> server.group().counters().connectionsAccepted() == n && load.roundTrips.get() > 4 * n,
                Duration.ofSeconds(20))).as("all connected and echoing").isTrue();
        NetServer.Stopped stopped = server.stop();
        assertThat(stopped.clean()).as("%s / %s", stopped.line(), stopped.counters()).isTrue();
        assertThat(stopped.counters().connectionsAccepted()).isEqualTo(n);
        assertThat(load.done.await(20, TimeUnit.SECONDS)).as("every client connection ended").isTrue();
        assertThat(load.corrupt.get()).as("echoes that differed before the end").isZero();
        assertThat(load.endedEarly.get()).as("connections ended by the shutdown").isEqualTo(n);
        NetTestKit.shutdownClean(clients);
        assertThat(NetTestKit.await(() -> NetTestKit.openFds() <= fds, Duration.ofSeconds(5)))
                .as("/proc/self/fd back to %d, now %d", fds, NetTestKit.openFds()).isTrue();
    }
}
