package dev.iobuf.uring.net;

import static dev.iobuf.uring.net.NetTestSupport.anyPort;
import static dev.iobuf.uring.net.NetTestSupport.group;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.uring.KernelTest;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One multishot accept serves every connection; in single-shot mode each accept is armed again. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@KernelTest
class MultishotAcceptTest {
    private static final int N = 40;

    private static NetCounters acceptAll(EventLoopGroup group) throws Exception {
        EchoHandler echo = new EchoHandler();
        Listener listener = group.listen(anyPort(), echo);
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < N; i++) {
                sockets.add(NetTestSupport.jdkClient(listener.port()));
            }
            assertThat(NetTestSupport.await(() -> echo.opened == N, Duration.ofSeconds(10))).isTrue();
            for (Socket s : sockets) {            // accepted sockets inherit TCP_NODELAY from the listener
                s.getOutputStream().write(7);
                assertThat(s.getInputStream().read()).isEqualTo(7);
            }
            return group.counters();
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
            NetTestSupport.shutdownClean(group);
        }
    }

    @Test
    void multishotAcceptIsArmedOnce() throws Exception {
        NetCounters c = acceptAll(group(b -> b.threads(1)));
        assertThat(c.connectionsAccepted()).isEqualTo(N);
        assertThat(c.acceptRearms()).as("a multishot accept needs no re-arming").isZero();
    }

    @Test
    void singleShotAcceptIsArmedAgainForEachConnection() throws Exception {
        NetCounters c = acceptAll(group(b -> b.threads(1).multishot(false)));
        assertThat(c.connectionsAccepted()).isEqualTo(N);
        assertThat(c.acceptRearms()).isEqualTo(N);
    }

    @Test
    void acceptedSocketsInheritTcpNoDelay() throws Exception {
        EventLoopGroup group = group(b -> b.threads(1));
        java.util.concurrent.CompletableFuture<Integer> nodelay = new java.util.concurrent.CompletableFuture<>();
        Listener listener = group.listen(anyPort(), new ConnectionHandler() {
            @Override
            public void onOpen(Connection c) {
                nodelay.complete(Sockets.getInt(c.fd(), Sockets.IPPROTO_TCP, Sockets.TCP_NODELAY));
            }

            @Override
            public void onData(Connection c, java.lang.foreign.MemorySegment b, int o, int l) {
            }
        });
        try (Socket s = NetTestSupport.jdkClient(listener.port())) {
            assertThat(nodelay.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
        NetTestSupport.shutdownClean(group);
    }
}
