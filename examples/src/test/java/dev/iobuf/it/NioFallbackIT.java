package dev.iobuf.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame.OutputType;

/**
 * Where a seccomp profile blocks io_uring (as Docker 25+ and containerd 2 default profiles do), HttpServer
 * with its default transport (auto) serves over JDK NIO and says why in one log line with the remedy; asked
 * for io_uring explicitly it stops at start with one line, as before. The server container shares the host's
 * network (it listens on a free loopback port), so this test is its HTTP client.
 */
class NioFallbackIT {
    private static final int UNPRIVILEGED = 1000;
    private static final Pattern LISTENING =
            Pattern.compile("HttpServer listening on 127\\.0\\.0\\.1:(\\d+) \\(2 event loops, nio; ");
    private static final String GET = "GET /plaintext HTTP/1.1\r\nHost: localhost\r\n\r\n";

    @Test
    void httpServerServesOverNioWhereSeccompBlocksIoUringAndSaysWhyInOneLine() throws Exception {
        try (GenericContainer<?> server = ContainerRun.server("HttpServer", SeccompProfile.IO_URING_EPERM, UNPRIVILEGED,
                "--host", "127.0.0.1", "--port", "0", "--loops", "2").withNetworkMode("host")) {
            server.start();
            String out = server.getLogs(OutputType.STDOUT);
            Matcher m = LISTENING.matcher(out);
            assertThat(m.find()).as("listening line on NIO: %s\n%s", out, server.getLogs(OutputType.STDERR)).isTrue();
            String answers = twoRequests(Integer.parseInt(m.group(1)));
            assertThat(answers).as(answers).startsWith("HTTP/1.1 200 OK\r\n").contains("Hello, World!");
            assertThat(answers.split("HTTP/1.1 200 OK", -1)).as("two answers: %s", answers).hasSize(3);

            String err = server.getLogs(OutputType.STDERR);
            assertThat(err.lines().filter(l -> l.contains("io_uring refused, running on JDK NIO instead")))
                    .as("one INFO line saying why and how to get io_uring back: %s", err).singleElement().asString()
                    .startsWith("INFO: EventLoopGroup: ").contains("EPERM", "io_uring is blocked", "seccomp",
                            "--security-opt seccomp=");

            DockerClient docker = server.getDockerClient();
            docker.stopContainerCmd(server.getContainerId()).withTimeout(30).exec();      // SIGTERM
            long exit = docker.inspectContainerCmd(server.getContainerId()).exec().getState().getExitCodeLong();
            String all = server.getLogs(OutputType.STDOUT);
            assertThat(exit).as("exit after SIGTERM: %s", all).isZero();
            assertThat(all).as(all).contains("HttpServer stopped: clean=true quiescent=true openFds=0");
        }
    }

    @Test
    void withTransportIoUringItStillStopsAtStartWithOneLine() {
        ContainerResult r = ContainerRun.example("HttpServer").args("--port", "0", "--transport", "io_uring")
                .seccomp(SeccompProfile.IO_URING_EPERM).user(UNPRIVILEGED).run();
        assertThat(r.exitCode()).as("%s", r).isEqualTo(1);
        assertThat(r.stdout()).as("%s", r).isEmpty();
        assertThat(r.stderrLines()).as("%s", r).singleElement().asString()
                .startsWith("HttpServer: ").contains("EPERM").contains("io_uring is blocked").doesNotContain("\tat ");
    }

    /** Two pipelined GETs on one connection; returns what came back until both answers are complete. */
    private static String twoRequests(int port) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            OutputStream o = s.getOutputStream();
            o.write((GET + GET).getBytes(StandardCharsets.US_ASCII));
            o.flush();
            InputStream in = s.getInputStream();
            StringBuilder got = new StringBuilder();
            byte[] b = new byte[4096];
            while (got.toString().split("Hello, World!", -1).length < 3) {
                int n = in.read(b);
                if (n < 0) {
                    break;
                }
                got.append(new String(b, 0, n, StandardCharsets.US_ASCII));
            }
            return got.toString();
        }
    }
}
