package dev.iobuf.uring.net;

import static dev.iobuf.uring.net.NetTestSupport.anyPort;
import static dev.iobuf.uring.net.NetTestSupport.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Socket options set per listener (inherited by accepted sockets) and per connection, read back with getsockopt. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SocketOptionsTest {

    /** Reads options of each accepted connection in onOpen (and sets SO_SNDBUF on it). */
    static final class Reader implements ConnectionHandler {
        final CompletableFuture<Map<String, Object>> seen = new CompletableFuture<>();
        final SocketOption<?>[] options;

        Reader(SocketOption<?>... options) {
            this.options = options;
        }

        @Override
        public void onOpen(Connection c) {
            try {
                c.setOption(StandardSocketOptions.SO_SNDBUF, 200_000);
                Map<String, Object> m = new ConcurrentHashMap<>();
                for (SocketOption<?> o : options) {
                    m.put(o.name(), SocketOptions.get(c.fd(), c.localAddress().getAddress() instanceof java.net.Inet6Address, o));
                }
                m.put("SO_SNDBUF", SocketOptions.get(c.fd(), false, StandardSocketOptions.SO_SNDBUF));
                seen.complete(m);
            } catch (Throwable t) {
                seen.completeExceptionally(t);
            }
        }

        @Override
        public void onData(Connection c, MemorySegment buffer, int offset, int length) {
        }
    }

    @Test
    void listenerOptionsReachTheAcceptedSocketsAndAConnectionSetsItsOwn() throws Exception {
        SocketOptions options = SocketOptions.of()
                .with(StandardSocketOptions.SO_RCVBUF, 100_000)
                .with(StandardSocketOptions.SO_KEEPALIVE, true)
                .with(SocketOptions.TCP_KEEPIDLE, 42)
                .with(SocketOptions.TCP_KEEPINTERVAL, 7)
                .with(SocketOptions.TCP_KEEPCOUNT, 3)
                .with(StandardSocketOptions.SO_LINGER, 5)
                .with(StandardSocketOptions.IP_TOS, 0x10)
                .with(StandardSocketOptions.TCP_NODELAY, true);
        Reader reader = new Reader(StandardSocketOptions.SO_RCVBUF, StandardSocketOptions.SO_KEEPALIVE,
                SocketOptions.TCP_KEEPIDLE, SocketOptions.TCP_KEEPINTERVAL, SocketOptions.TCP_KEEPCOUNT,
                StandardSocketOptions.SO_LINGER, StandardSocketOptions.IP_TOS, StandardSocketOptions.TCP_NODELAY);
        EventLoopGroup group = group();
        Listener listener = group.listen(anyPort(), reader, null, options);
        try (Socket s = NetTestSupport.jdkClient(listener.port())) {
            Map<String, Object> m = reader.seen.get(10, TimeUnit.SECONDS);
            assertThat((Integer) m.get("SO_RCVBUF")).as("the kernel doubles what was asked").isGreaterThanOrEqualTo(100_000);
            assertThat((Integer) m.get("SO_SNDBUF")).isGreaterThanOrEqualTo(200_000);
            assertThat(m).containsEntry("SO_KEEPALIVE", true).containsEntry("TCP_KEEPIDLE", 42)
                    .containsEntry("TCP_KEEPINTERVAL", 7).containsEntry("TCP_KEEPCOUNT", 3).containsEntry("SO_LINGER", 5)
                    .containsEntry("IP_TOS", 0x10).containsEntry("TCP_NODELAY", true);
        }
        NetTestSupport.shutdownClean(group);
    }

    @Test
    void anIpv6OnlyListenerRefusesIpv4() throws Exception {
        EventLoopGroup group = group();
        Listener listener;
        try {
            listener = group.listen(new InetSocketAddress(InetAddress.getByName("::"), 0), new Reader(), null,
                    SocketOptions.of().with(SocketOptions.IPV6_V6ONLY, true));
        } catch (dev.iobuf.uring.UringException e) {
            NetTestSupport.shutdownClean(group);
            Assumptions.abort("no IPv6 here, skipping: " + e.getMessage());
            return;
        }
        try (Socket s = new Socket()) {
            assertThatThrownBy(() -> s.connect(new InetSocketAddress("127.0.0.1", listener.port()), 2_000))
                    .isInstanceOf(java.net.ConnectException.class);
        }
        Reader reader = (Reader) listener.handler();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getByName("::1"), listener.port()), 2_000);
            assertThat(reader.seen.get(10, TimeUnit.SECONDS)).isNotNull();
        }
        NetTestSupport.shutdownClean(group);
    }

    @Test
    void aBadValueIsAnIllegalArgumentExceptionNamingTheOption() {
        assertThatThrownBy(() -> SocketOptions.of().with(StandardSocketOptions.SO_RCVBUF, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SO_RCVBUF").hasMessageContaining("1 ..");
        assertThatThrownBy(() -> SocketOptions.of().with(SocketOptions.TCP_KEEPCOUNT, 500))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TCP_KEEPCOUNT");
        assertThatThrownBy(() -> SocketOptions.of().with(StandardSocketOptions.IP_TOS, 256))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IP_TOS");
        assertThatThrownBy(() -> SocketOptions.of().with(StandardSocketOptions.IP_MULTICAST_TTL, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IP_MULTICAST_TTL");
        SocketOptions base = SocketOptions.of().with(StandardSocketOptions.SO_KEEPALIVE, true);
        assertThat(base.with(StandardSocketOptions.SO_SNDBUF, 4096).toString()).contains("SO_SNDBUF");
        assertThat(base.toString()).doesNotContain("SO_SNDBUF");
    }
}
