package dev.iobuf.uring.net;

import static dev.iobuf.uring.net.NetTestSupport.anyPort;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Half-close both ways against JDK sockets: shutdownOutput sends a FIN after the queue, onInputShutdown keeps writing. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
abstract class HalfCloseTest extends TransportSuite {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Answers "hello" and half-closes at open; records what it receives afterwards and whether writes still work. */
    static final class Greeter implements ConnectionHandler {
        final StringBuffer received = new StringBuffer();
        final ConcurrentLinkedQueue<Connection> closed = new ConcurrentLinkedQueue<>();
        volatile boolean writeAfterShutdown = true;
        volatile boolean writableAfterShutdown = true;

        @Override
        public void onOpen(Connection c) {
            c.write(ascii("hello"));
            c.shutdownOutput();
            writeAfterShutdown = c.write(ascii("late"));
            writableAfterShutdown = c.isWritable();
        }

        @Override
        public void onData(Connection c, MemorySegment buffer, int offset, int length) {
            received.append(new String(buffer.asSlice(offset, length).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.US_ASCII));
        }

        @Override
        public void onClose(Connection c) {
            closed.add(c);
        }
    }

    @Test
    void shutdownOutputSendsWhatIsQueuedThenAFinAndKeepsReading() throws Exception {
        int fds = NetTestSupport.openFds();
        Greeter greeter = new Greeter();
        EventLoopGroup group = group();
        Listener listener = group.listen(anyPort(), greeter);
        try (Socket s = NetTestSupport.jdkClient(listener.port())) {
            InputStream in = s.getInputStream();
            assertThat(in.readAllBytes()).as("hello, then end of stream (FIN, not a reset)").isEqualTo(ascii("hello"));
            s.getOutputStream().write(ascii("still reading?"));
            assertThat(NetTestSupport.await(() -> greeter.received.toString().equals("still reading?"),
                    Duration.ofSeconds(5))).as("received after the server's FIN: %s", greeter.received).isTrue();
            assertThat(greeter.closed).as("open while only one side ended").isEmpty();
        }   // the client's FIN: both sides ended, the connection closes
        assertThat(NetTestSupport.await(() -> greeter.closed.size() == 1, Duration.ofSeconds(5))).isTrue();
        assertThat(greeter.closed.peek().closeReason()).isEqualTo(CloseReason.PEER);
        assertThat(greeter.writeAfterShutdown).as("write after shutdownOutput").isFalse();
        assertThat(greeter.writableAfterShutdown).isFalse();
        NetTestSupport.shutdownClean(group);
        assertThat(NetTestSupport.openFds()).isEqualTo(fds);
    }

    /** Collects a request until the client's FIN, then answers it (opting in to half-open) and closes. */
    static final class AnswerAtEnd implements ConnectionHandler {
        final boolean keepWriting;
        final StringBuffer request = new StringBuffer();
        volatile int inputShutdowns;

        AnswerAtEnd(boolean keepWriting) {
            this.keepWriting = keepWriting;
        }

        @Override
        public void onData(Connection c, MemorySegment buffer, int offset, int length) {
            request.append(new String(buffer.asSlice(offset, length).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.US_ASCII));
        }

        @Override
        public boolean onInputShutdown(Connection c) {
            inputShutdowns++;
            if (keepWriting) {
                c.write(ascii("answer to " + request));
                c.close();
            }
            return keepWriting;
        }
    }

    @Test
    void aHandlerThatOptsInAnswersAfterThePeersFin() throws Exception {
        AnswerAtEnd handler = new AnswerAtEnd(true);
        EventLoopGroup group = group();
        Listener listener = group.listen(anyPort(), handler);
        try (Socket s = NetTestSupport.jdkClient(listener.port())) {
            s.getOutputStream().write(ascii("question"));
            s.shutdownOutput();
            assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("answer to question");
        }
        assertThat(handler.inputShutdowns).isEqualTo(1);
        NetTestSupport.shutdownClean(group);
    }

    @Test
    void byDefaultThePeersFinClosesTheConnection() throws Exception {
        AnswerAtEnd handler = new AnswerAtEnd(false);
        EventLoopGroup group = group();
        Listener listener = group.listen(anyPort(), handler);
        try (Socket s = NetTestSupport.jdkClient(listener.port())) {
            s.getOutputStream().write(ascii("question"));
            s.shutdownOutput();
            assertThat(s.getInputStream().readAllBytes()).isEmpty();
        }
        assertThat(handler.inputShutdowns).isEqualTo(1);
        NetCounters counters = NetTestSupport.shutdownClean(group);
        assertThat(counters.connectionsClosed()).isEqualTo(1);
    }

    @Test
    void overTlsShutdownOutputSendsCloseNotifyThenFin() throws Exception {
        Greeter greeter = new Greeter();
        EventLoopGroup group = group();
        Listener listener = group.listen(anyPort(), greeter, TlsConfig.server(TlsTestSupport.serverContext()));
        try (javax.net.ssl.SSLSocket s = (javax.net.ssl.SSLSocket) TlsTestSupport.clientContext().getSocketFactory()
                .createSocket(NetTestSupport.LOOPBACK, listener.port())) {
            s.setSoTimeout(10_000);
            assertThat(s.getInputStream().readAllBytes()).isEqualTo(ascii("hello"));
        }
        assertThat(NetTestSupport.await(() -> greeter.closed.size() == 1, Duration.ofSeconds(5))).isTrue();
        NetTestSupport.shutdownClean(group);
    }
}
