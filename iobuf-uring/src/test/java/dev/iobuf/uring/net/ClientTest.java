package dev.iobuf.uring.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.liburing.Errno;
import dev.iobuf.uring.KernelTest;
import dev.iobuf.uring.UringException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Client connections: connect to a JDK server, exchange data; a refused connect fails the future. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@KernelTest
abstract class ClientTest extends TransportSuite {

    @Test
    void connectsToAJdkServerAndTalks() throws Exception {
        CompletableFuture<byte[]> answer = new CompletableFuture<>();
        AtomicBoolean openedBeforeFuture = new AtomicBoolean();
        EventLoopGroup group = group(b -> b.threads(1));
        try (ServerSocket server = new ServerSocket(0, 50, NetTestSupport.LOOPBACK)) {
            InetSocketAddress address = new InetSocketAddress(NetTestSupport.LOOPBACK, server.getLocalPort());
            CompletableFuture<Connection> f = group.connect(address, new ConnectionHandler() {
                @Override
                public void onOpen(Connection c) {
                    openedBeforeFuture.set(true);
                    c.write("ping".getBytes());
                }

                @Override
                public void onData(Connection c, MemorySegment buffer, int offset, int length) {
                    byte[] b = new byte[length];
                    MemorySegment.copy(buffer, ValueLayout.JAVA_BYTE, offset, b, 0, length);
                    answer.complete(b);
                    c.close();
                }
            });
            try (Socket peer = server.accept()) {
                Connection c = f.get(10, TimeUnit.SECONDS);
                assertThat(openedBeforeFuture.get()).isTrue();
                assertThat(c.isClient()).isTrue();
                assertThat(c.remoteAddress()).isEqualTo(address);
                assertThat(c.localAddress()).isEqualTo(peer.getRemoteSocketAddress());
                InputStream in = peer.getInputStream();
                assertThat(NetTestSupport.readExactly(in, 4)).isEqualTo("ping".getBytes());
                OutputStream out = peer.getOutputStream();
                out.write("pong".getBytes());
                assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("pong".getBytes());
                assertThat(in.read()).as("closed by the client").isEqualTo(-1);
            }
        }
        NetCounters c = NetTestSupport.shutdownClean(group);
        assertThat(c.connectionsConnected()).isEqualTo(1);
    }

    @Test
    void aRefusedConnectFailsTheFutureAndLeaksNothing() throws Exception {
        try (Socket refusing = NetTestSupport.refusingSocket()) {
            int port = refusing.getLocalPort();
            AtomicBoolean anyCallback = new AtomicBoolean();
            EventLoopGroup group = group(b -> b.threads(1));
            CompletableFuture<Connection> f = group.connect(new InetSocketAddress(NetTestSupport.LOOPBACK, port),
                    new ConnectionHandler() {
                        @Override
                        public void onOpen(Connection c) {
                            anyCallback.set(true);
                        }

                        @Override
                        public void onData(Connection c, MemorySegment buffer, int offset, int length) {
                            anyCallback.set(true);
                        }

                        @Override
                        public void onClose(Connection c) {
                            anyCallback.set(true);
                        }
                    });
            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> f.get(10, TimeUnit.SECONDS));
            assertThat(e.getCause()).isInstanceOf(UringException.class);
            assertThat(((UringException) e.getCause()).errno()).isEqualTo(Errno.ECONNREFUSED.number());
            assertThat(e.getCause()).hasMessageContaining("connect(");
            assertThat(anyCallback.get()).as("a connection that never opened gets no callback").isFalse();
            NetCounters c = NetTestSupport.shutdownClean(group);
            assertThat(c.connectionsConnected()).isZero();
            assertThat(c.fdsOpened()).isEqualTo(c.fdsClosed());
        }
    }
}
