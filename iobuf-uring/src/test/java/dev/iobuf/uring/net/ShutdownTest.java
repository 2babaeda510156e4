package dev.iobuf.uring.net;

import static dev.iobuf.uring.net.NetTestSupport.anyPort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Graceful shutdown: stop accepting, cancel multishots, drain writes, close every fd, free every buffer. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
abstract class ShutdownTest extends TransportSuite {

    /** Keeps echoing until the server shuts down under it. */
    static final class Pinger implements ConnectionHandler {
        final AtomicLong echoed = new AtomicLong();
        final AtomicInteger closed = new AtomicInteger();
        final byte[] message = NetTestSupport.pattern(700, 5);

        @Override
        public void onOpen(Connection c) {
            c.write(message);
        }

        @Override
        public void onData(Connection c, MemorySegment buffer, int offset, int length) {
            long total = echoed.addAndGet(length);
            if (total % message.length == 0) {
                c.write(message);
            }
        }

        @Override
        public void onClose(Connection c) {
            closed.incrementAndGet();
        }
    }

    @Test
    void shutdownUnderLoadLeavesNothingOpenAndNoFdLeaked() throws Exception {
        int fdsBefore = NetTestSupport.openFds();
        EchoHandler echo = new EchoHandler();
        EventLoopGroup server = group();
        EventLoopGroup client = group();
        Listener listener = server.listen(anyPort(), echo);
        Pinger pinger = new Pinger();
        int n = 200;
        List<CompletableFuture<Connection>> connections = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            connections.add(client.connect(listener.localAddress(), pinger));
        }
        for (CompletableFuture<Connection> f : connections) {
            f.get(10, TimeUnit.SECONDS);
        }
        long t0 = pinger.echoed.get();
        assertThat(NetTestSupport.await(() -> pinger.echoed.get() > t0 + 1_000_000, Duration.ofSeconds(20)))
                .as("traffic flows").isTrue();
        NetCounters load = server.counters();
        assertThat(load.connectionsOpen()).isEqualTo(n);
        assertThat(load.openFds()).as("listeners (2) + eventfds (2) + connections").isEqualTo(n + 4);

        assertThat(server.shutdownGracefully(Duration.ofSeconds(5))).isTrue();
        NetCounters s = server.counters();
        assertThat(s.isQuiescent()).as("server counters after shutdown: %s", s).isTrue();
        assertThat(s.connectionsClosed()).isEqualTo(n);
        assertThat(listener.isOpen()).isFalse();
        assertThat(NetTestSupport.await(() -> pinger.closed.get() == n, Duration.ofSeconds(10)))
                .as("the clients saw every connection end").isTrue();
        NetTestSupport.shutdownClean(client);
        assertThat(NetTestSupport.openFds()).as("fds after both groups ended").isLessThanOrEqualTo(fdsBefore);

        assertThatThrownBy(() -> server.listen(anyPort(), echo)).isInstanceOf(IllegalStateException.class);
        assertThat(server.connect(listener.localAddress(), echo)).isCompletedExceptionally();
    }

    @Test
    void shutdownSendsWhatIsQueuedBeforeClosing() throws Exception {
        byte[] reply = NetTestSupport.pattern(20_000, 9);   // 10 write buffers: more than one send
        CompletableFuture<Void> queued = new CompletableFuture<>();
        EventLoopGroup group = group(b -> b.threads(1));
        Listener listener = group.listen(anyPort(), new ConnectionHandler() {
            @Override
            public void onData(Connection c, MemorySegment buffer, int offset, int length) {
                assertThat(c.write(reply)).isTrue();
                queued.complete(null);
            }
        });
        try (Socket s = NetTestSupport.jdkClient(listener.port())) {
            s.getOutputStream().write(1);
            queued.get(10, TimeUnit.SECONDS);
            assertThat(group.shutdownGracefully(Duration.ofSeconds(5))).isTrue();
            InputStream in = s.getInputStream();
            assertThat(NetTestSupport.readExactly(in, reply.length)).isEqualTo(reply);
            assertThat(in.read()).isEqualTo(-1);
        }
        assertThat(group.counters().isQuiescent()).isTrue();
    }

    @Test
    void aReaderThatNeverReadsIsAbortedAtTheDeadline() throws Exception {
        AtomicBoolean full = new AtomicBoolean();
        EventLoopGroup group = group(b -> b.threads(1));
        Listener listener = group.listen(anyPort(), new ConnectionHandler() {
            final byte[] chunk = new byte[8192];

            @Override
            public void onOpen(Connection c) {
                c.setOption(java.net.StandardSocketOptions.SO_SNDBUF, 16 * 1024);
                onWritable(c);
            }

            @Override
            public void onWritable(Connection c) {
                while (c.write(chunk)) {
                    // fill until refused
                }
                full.set(true);
            }

            @Override
            public void onData(Connection c, MemorySegment buffer, int offset, int length) {
            }
        });
        try (Socket s = new Socket()) {
            s.setReceiveBufferSize(8 * 1024);
            s.connect(listener.localAddress(), 5_000);
            assertThat(NetTestSupport.await(full::get, Duration.ofSeconds(10))).isTrue();
            // The stall itself, not a guess at how long it takes: bytes queued and none leaving for 200 ms.
            long[] lastSent = {-1};
            assertThat(NetTestSupport.await(() -> {
                NetCounters now = group.counters();
                boolean stalled = now.queuedWriteBytes() > 0 && now.bytesSent() == lastSent[0];
                lastSent[0] = now.bytesSent();
                return stalled;
            }, Duration.ofSeconds(10), Duration.ofMillis(200))).as("sends stall: %s", group.counters()).isTrue();
            long t0 = System.nanoTime();
            assertThat(group.shutdownGracefully(Duration.ofMillis(500))).isTrue();
            long took = System.nanoTime() - t0;
            assertThat(took).as("ended at the deadline, not before, not much after")
                    .isBetween(TimeUnit.MILLISECONDS.toNanos(400), TimeUnit.SECONDS.toNanos(4));
            NetCounters c = group.counters();
            assertThat(c.isQuiescent()).as("%s", c).isTrue();
            assertThat(c.queuedWriteBytes()).isZero();
            try {
                s.getInputStream().skip(Long.MAX_VALUE);      // the connection is gone: EOF or reset
            } catch (IOException reset) {
                // fine: aborted
            }
        }
    }
}
