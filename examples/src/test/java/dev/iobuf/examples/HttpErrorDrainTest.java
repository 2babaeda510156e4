package dev.iobuf.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An error answer is a half-close: the server sends the answer and a FIN, reads and drops what the client still
 * sends, and closes at the client's FIN (or after {@link HttpSession#DRAIN_LIMIT}); the client reads the whole
 * answer and a clean end of stream, never a reset, even while it keeps sending.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HttpErrorDrainTest {

    @BeforeAll
    static void warmUp() throws IOException {
        NetTestKit.warmUpFdCount();
    }

    @Test
    void aClientStillSendingAfterA400ReadsTheWholeAnswerAndAFin() throws Exception {
        int fds = NetTestKit.openFds();
        NetServer server = NetTestKit.start(() -> HttpServer.start(NetTestKit.options(1)));
        for (int i = 0; i < 10; i++) {
            try (Socket s = NetTestKit.jdkClient(server.port())) {
                OutputStream out = s.getOutputStream();
                out.write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));   // no Host: 400
                Thread writer = new Thread(() -> {
                    byte[] junk = new byte[16 * 1024];
                    try {
                        for (int k = 0; k < 32; k++) {          // 512 KiB the server never parses
                            out.write(junk);
                        }
                    } catch (IOException e) {
                        // the server may be gone by the end; the reader decides
                    }
                });
                writer.start();
                InputStream in = s.getInputStream();
                String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);   // a reset would throw
                assertThat(answer).startsWith("HTTP/1.1 400 ").contains("Connection: close");
                writer.join(10_000);
            }
        }
        NetTestKit.stopClean(server, fds);
    }

    @Test
    void aClientThatNeverClosesIsClosedAfterTheDrainLimit() throws Exception {
        int fds = NetTestKit.openFds();
        NetServer server = NetTestKit.start(() -> HttpServer.start(NetTestKit.options(1)));
        try (Socket s = NetTestKit.jdkClient(server.port())) {
            s.getOutputStream().write("BREW / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 ");
            long start = System.nanoTime();
            assertThat(NetTestKit.await(() -> server.group().counters().connectionsOpen() == 0, Duration.ofSeconds(10)))
                    .as("closed by the drain limit while the client holds its side open").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(HttpSession.DRAIN_LIMIT.plusSeconds(3));
        }
        NetTestKit.stopClean(server, fds);
    }
}
