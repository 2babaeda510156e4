package dev.iobuf.uring.net;

import static dev.iobuf.uring.net.NetTestSupport.anyPort;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** TLS over the runtime against the JDK's SSLSocket, raw sockets and itself; every counter back to zero. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
abstract class TlsTest extends TransportSuite {

    /** Echo that also records what each connection negotiated and how it ended. */
    static final class TlsEcho implements ConnectionHandler {
        final ConcurrentLinkedQueue<String> protocols = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Connection> closed = new ConcurrentLinkedQueue<>();
        volatile int refused;
        volatile boolean sawPaused;

        @Override
        public void onOpen(Connection c) {
            protocols.add(String.valueOf(c.tls().applicationProtocol()));
        }

        @Override
        public void onData(Connection c, MemorySegment buffer, int offset, int length) {
            if (length == 3 && buffer.get(java.lang.foreign.ValueLayout.JAVA_BYTE, offset) == 'b') {
                c.close();          // "bye": the server closes (close_notify)
                return;
            }
            if (!c.write(buffer, offset, length)) {
                refused++;
                c.abort();
            }
            if (c.isReadingPaused()) {
                sawPaused = true;
            }
        }

        @Override
        public void onClose(Connection c) {
            closed.add(c);
        }
    }

    private static SSLSocket jdkTlsClient(int port, String... alpn) throws Exception {
        SSLSocket s = (SSLSocket) TlsTestSupport.clientContext().getSocketFactory()
                .createSocket(NetTestSupport.LOOPBACK, port);
        s.setSoTimeout(20_000);
        SSLParameters p = s.getSSLParameters();
        p.setApplicationProtocols(alpn);
        p.setEndpointIdentificationAlgorithm("HTTPS");
        s.setSSLParameters(p);
        s.startHandshake();
        return s;
    }

    @Test
    void echoesManyRecordsToTheJdkClientAndNegotiatesAlpn() throws Exception {
        int fds = NetTestSupport.openFds();
        TlsEcho echo = new TlsEcho();
        EventLoopGroup group = group();
        Listener listener = group.listen(anyPort(), echo,
                TlsConfig.server(TlsTestSupport.serverContext()).applicationProtocols("h2", "http/1.1"));
        byte[] data = NetTestSupport.pattern(3 * 1024 * 1024 + 123, 11);   // records split across receive buffers
        try (SSLSocket s = jdkTlsClient(listener.port(), "http/1.1")) {
            assertThat(s.getApplicationProtocol()).isEqualTo("http/1.1");
            NetTestSupport.writeAsync(s.getOutputStream(), data);
            byte[] back = NetTestSupport.readExactly(s.getInputStream(), data.length);
            assertThat(back).isEqualTo(data);
        }   // close_notify from the client: the server answers and closes
        assertThat(NetTestSupport.await(() -> echo.closed.size() == 1, Duration.ofSeconds(5))).isTrue();
        Connection c = echo.closed.peek();
        assertThat(c.closeReason()).isEqualTo(CloseReason.PEER);
        assertThat(echo.protocols).containsExactly("http/1.1");
        assertThat(echo.refused).isZero();
        NetCounters counters = NetTestSupport.shutdownClean(group);
        assertThat(counters.bytesReceived()).isGreaterThan(data.length);      // records add their overhead
        assertThat(NetTestSupport.openFds()).isEqualTo(fds);
    }

    @Test
    void serverCloseSendsCloseNotifyAndTheClientSeesACleanEnd() throws Exception {
        TlsEcho echo = new TlsEcho();
        EventLoopGroup group = group();
        Listener listener = group.listen(anyPort(), echo, TlsConfig.server(TlsTestSupport.serverContext()));
        try (SSLSocket s = jdkTlsClient(listener.port())) {
            OutputStream out = s.getOutputStream();
            out.write("hello".getBytes(StandardCharsets.US_ASCII));
            assertThat(NetTestSupport.readExactly(s.getInputStream(), 5)).isEqualTo("hello".getBytes(StandardCharsets.US_ASCII));
            out.write("bye".getBytes(StandardCharsets.US_ASCII));
            assertThat(s.getInputStream().read()).as("end of stream after close_notify (no exception)").isEqualTo(-1);
        }
        assertThat(NetTestSupport.await(() -> echo.closed.size() == 1, Duration.ofSeconds(5))).isTrue();
        assertThat(echo.closed.peek().closeReason()).isEqualTo(CloseReason.LOCAL);
        assertThat(echo.protocols).containsExactly("null");
        NetTestSupport.shutdownClean(group);
    }

    @Test
    void garbageInsteadOfAClientHelloClosesClearlyWithoutALeak() throws Exception {
        int fds = NetTestSupport.openFds();
        TlsEcho echo = new TlsEcho();
        EventLoopGroup group = group();
        Listener listener = group.listen(anyPort(), echo, TlsConfig.server(TlsTestSupport.serverContext()));
        for (int i = 0; i < 20; i++) {
            try (Socket s = NetTestSupport.jdkClient(listener.port())) {
                s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                InputStream in = s.getInputStream();
                byte[] answer = in.readAllBytes();          // an alert at most, then end of stream
                assertThat(answer.length).isLessThan(64);
            }
        }
        assertThat(echo.protocols).as("no handshake completed: onOpen never ran").isEmpty();
        assertThat(echo.closed).as("onClose only for connections that opened").isEmpty();
        NetCounters counters = NetTestSupport.shutdownClean(group);
        assertThat(counters.connectionsAccepted()).isEqualTo(20);
        assertThat(counters.connectionsClosed()).isEqualTo(20);
        assertThat(NetTestSupport.openFds()).isEqualTo(fds);
    }

    @Test
    void clientSideConnectsToItsOwnServerAfterTheHandshake() throws Exception {
        TlsEcho echo = new TlsEcho();
        EventLoopGroup group = group();
        Listener listener = group.listen(anyPort(), echo,
                TlsConfig.server(TlsTestSupport.serverContext()).applicationProtocols("h2"));
        ConcurrentLinkedQueue<byte[]> got = new ConcurrentLinkedQueue<>();
        CompletableFuture<String> opened = new CompletableFuture<>();
        CompletableFuture<Throwable> closed = new CompletableFuture<>();
        byte[] data = NetTestSupport.pattern(200_000, 5);
        ConnectionHandler client = new ConnectionHandler() {
            final MemorySegment source = MemorySegment.ofArray(data);
            int received;
            int sent;

            @Override
            public void onOpen(Connection c) {
                opened.complete(c.tls().applicationProtocol() + " " + c.tls().session().getProtocol());
                onWritable(c);
            }

            @Override
            public void onWritable(Connection c) {
                int n;
                while (sent < data.length && (n = c.writeSome(source, sent, data.length - sent)) > 0) {
                    sent += n;
                }
            }

            @Override
            public void onData(Connection c, MemorySegment buffer, int offset, int length) {
                got.add(buffer.asSlice(offset, length).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE));
                received += length;
                if (received == data.length) {
                    c.close();
                }
            }

            @Override
            public void onClose(Connection c) {
                closed.complete(c.failure());
            }
        };
        InetSocketAddress target = new InetSocketAddress("localhost", listener.port());
        Connection c = group.connect(target, client,
                TlsConfig.client(TlsTestSupport.clientContext()).applicationProtocols("h2", "http/1.1"))
                .get(10, TimeUnit.SECONDS);
        assertThat(c.tls().isEstablished()).isTrue();
        assertThat(opened.get(10, TimeUnit.SECONDS)).startsWith("h2 TLS");
        assertThat(closed.get(10, TimeUnit.SECONDS)).isNull();
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (byte[] b : got) {
            all.write(b);
        }
        assertThat(all.toByteArray()).isEqualTo(data);
        NetTestSupport.shutdownClean(group);
    }

    @Test
    void aClientThatDoesNotTrustTheServerFailsItsConnectFuture() throws Exception {
        EventLoopGroup group = group();
        Listener listener = group.listen(anyPort(), new TlsEcho(), TlsConfig.server(TlsTestSupport.serverContext()));
        javax.net.ssl.SSLContext untrusting = javax.net.ssl.SSLContext.getInstance("TLS");
        untrusting.init(null, null, null);     // the JDK's cacerts: our self-signed certificate is not there
        CompletableFuture<Connection> f = group.connect(new InetSocketAddress("localhost", listener.port()),
                new TlsEcho(), TlsConfig.client(untrusting));
        assertThat(f).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(SSLException.class);
        NetTestSupport.shutdownClean(group);
    }

    @Test
    void aSlowReaderPausesReadingInsteadOfRefusingWrites() throws Exception {
        TlsEcho echo = new TlsEcho();
        EventLoopGroup group = group();
        Listener listener = group.listen(anyPort(), echo, TlsConfig.server(TlsTestSupport.serverContext()));
        byte[] data = NetTestSupport.pattern(8 * 1024 * 1024, 3);
        try (SSLSocket s = jdkTlsClient(listener.port())) {
            NetTestSupport.writeAsync(s.getOutputStream(), data);
            Thread.sleep(500);                  // the server's queue fills: reading must pause, not refuse
            byte[] back = NetTestSupport.readExactly(s.getInputStream(), data.length);
            assertThat(back).isEqualTo(data);
        }
        assertThat(echo.refused).isZero();
        assertThat(echo.sawPaused).as("reading paused while the client did not read").isTrue();
        NetTestSupport.shutdownClean(group);
    }
    @Test
    void retainIsRefusedOnATlsConnectionAndTheConnectionGoesOn() throws Exception {
        int fds = NetTestSupport.openFds();
        CompletableFuture<String> refusal = new CompletableFuture<>();
        ConnectionHandler retaining = new ConnectionHandler() {
            @Override
            public void onData(Connection c, MemorySegment buffer, int offset, int length) {
                try {
                    long handle = c.retain();
                    refusal.complete("retained, handle " + handle);      // the test fails on this
                    c.loop().release(handle);
                } catch (IllegalStateException e) {
                    refusal.complete(e.getMessage());
                }
                c.write(buffer, offset, length);
            }
        };
        EventLoopGroup group = group();
        Listener listener = group.listen(anyPort(), retaining, TlsConfig.server(TlsTestSupport.serverContext()));
        try (SSLSocket s = jdkTlsClient(listener.port())) {
            s.getOutputStream().write("kept?".getBytes(StandardCharsets.US_ASCII));
            assertThat(NetTestSupport.readExactly(s.getInputStream(), 5))
                    .as("the connection still echoes after the refused retain")
                    .isEqualTo("kept?".getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(refusal.get(10, TimeUnit.SECONDS))
                .contains("retain() is not available on a TLS connection", "decrypted", "copy");
        NetCounters counters = NetTestSupport.shutdownClean(group);
        assertThat(counters.recvBuffersRetained()).isZero();
        assertThat(NetTestSupport.openFds()).isEqualTo(fds);
    }
}
