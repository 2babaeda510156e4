package dev.iobuf.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.uring.testkit.ChildJvm;
import dev.iobuf.uring.testkit.ClassLoadLog;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Out of fds no class file can be opened, so what a connection of {@code HttpServer} reaches must be loaded before it
 * listens: the runtime's rare-path classes, and the server's own through {@code EventLoopGroup.Builder.preload}
 * ({@link HttpPlaintextHandler#CONNECTION_CLASSES}). The server runs in a child JVM with a class-load log; between
 * its listening line and its shutdown, answers, 404 and 405, a malformed request, a head that never ends (its
 * deadline), an idle connection and a reset load no class of ours. On both transports.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HttpServerRarePathsTest {
    private static final Pattern LISTENING = Pattern.compile("^HttpServer listening on 127\\.0\\.0\\.1:(\\d+) .*$");

    @ParameterizedTest
    @ValueSource(strings = {"auto", "nio"})
    void servingLoadsNoClassOfOursOnceTheServerListens(String transport) throws Exception {
        try (ChildJvm server = ChildJvm.onModulePath(HttpServer.class).withJvmOptions("-Xlog:class+load=info:stdout")
                .start("--host", "127.0.0.1", "--port", "0", "--loops", "1", "--transport", transport,
                        "--head-timeout", "200ms", "--idle-timeout", "500ms")) {
            Matcher m = LISTENING.matcher(server.awaitLine("HttpServer listening on ", Duration.ofSeconds(30)));
            assertThat(m.matches()).isTrue();
            int port = Integer.parseInt(m.group(1));
            for (String request : List.of(HttpTestClient.GET, "GET /nope HTTP/1.1\r\nHost: x\r\n\r\n",
                    "POST /plaintext HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n", "GARBAGE\r\n\r\n",
                    "GET /plaintext HTTP/1.1\r\nHost: x\r\n")) {
                try (Socket s = NetTestKit.jdkClient(port)) {
                    s.setSoTimeout(10_000);
                    s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
                    drain(s.getInputStream());                // the server closes: an error, the deadline, idle
                }
            }
            try (Socket s = NetTestKit.jdkClient(port)) {
                s.getOutputStream().write(HttpTestClient.GET.getBytes(StandardCharsets.ISO_8859_1));
                s.setSoLinger(true, 0);                       // a reset
            }
            Thread.sleep(200);
            server.signal("TERM");
            ChildJvm.Result r = server.await(Duration.ofSeconds(30));
            assertThat(r.exitCode()).as("%s", r.stderr()).isZero();
            List<String> lines = r.stdoutLines();
            int listening = indexOfPrefix(lines, "HttpServer listening on ");
            int stopping = indexOfPrefix(lines, "HttpServer: SIGTERM");
            assertThat(stopping).as("%s", r.stderr()).isGreaterThan(listening);
            assertThat(ClassLoadLog.ourClassesReadFromFiles(lines.subList(listening, stopping)))
                    .as("classes first loaded while serving: add the runtime's to its package's RarePathClasses, the "
                            + "server's to HttpPlaintextHandler.CONNECTION_CLASSES")
                    .isEmpty();
        }
    }

    private static int indexOfPrefix(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starts with '" + prefix + "'");
    }

    /** Reads until the server closes (EOF, or a reset: an abort). */
    private static void drain(InputStream in) throws IOException {
        try {
            while (in.read() >= 0) {
                // the answer, then the close
            }
        } catch (SocketException e) {
            // reset by the server
        }
    }
}
