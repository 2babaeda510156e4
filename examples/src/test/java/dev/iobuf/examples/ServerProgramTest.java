package dev.iobuf.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.uring.testkit.ChildJvm;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server programs as users run them: a child JVM on the module path, the listening line, then SIGTERM
 * or SIGINT: graceful shutdown, counters printed, exit 0. And their failures: one line, an exit code.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ServerProgramTest {
    private static final Pattern LISTENING = Pattern.compile("^(\\w+) listening on 127\\.0\\.0\\.1:(\\d+) \\(2 event loops, (io_uring|nio); .*\\)$");

    private static int port(String listeningLine) {
        Matcher m = LISTENING.matcher(listeningLine);
        assertThat(m.matches()).as("listening line: %s", listeningLine).isTrue();
        return Integer.parseInt(m.group(2));
    }

    private static void assertCleanShutdown(ChildJvm.Result r, String name, String signal, int accepted) {
        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.stderr()).as("%s", r).isEmpty();
        List<String> lines = r.stdout().lines().toList();
        assertThat(lines).as("%s", r).hasSize(4);
        assertThat(lines.get(1)).isEqualTo(name + ": " + signal + ", shutting down (closing the listener, draining "
                + "connections for up to 5000 ms)");
        assertThat(lines.get(2)).startsWith(name + " stopped: clean=true quiescent=true openFds=0 connectionsOpen=0 "
                + "queuedWriteBytes=0 recvBuffersRetained=0 leakedRecvBuffers=0 leakedWriteBuffers=0 in ");
        assertThat(lines.get(3)).startsWith("counters NetCounters[loops=2, connectionsOpen=0, connectionsAccepted=" + accepted + ",");
    }

    @Test
    void echoServerStopsCleanlyOnSigterm() throws Exception {
        try (ChildJvm server = ChildJvm.onModulePath(EchoServer.class).start("--host", "127.0.0.1", "--port", "0", "--loops", "2")) {
            int port = port(server.awaitLine("EchoServer listening on ", Duration.ofSeconds(20)));
            try (Socket s = NetTestKit.jdkClient(port)) {
                byte[] msg = NetTestKit.pattern(100_000, 3);
                NetTestKit.writeAsync(s.getOutputStream(), msg);
                assertThat(NetTestKit.readExactly(s.getInputStream(), msg.length)).isEqualTo(msg);
            }
            server.signal("TERM");
            assertCleanShutdown(server.await(Duration.ofSeconds(20)), "EchoServer", "SIGTERM", 1);
        }
    }

    @Test
    void echoServerOnAUnixSocketStopsCleanlyAndRemovesItsSocketFile(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("echo.sock");
        try (ChildJvm server = ChildJvm.onModulePath(EchoServer.class).start("--unix", path.toString(), "--loops", "2")) {
            assertThat(server.awaitLine("EchoServer listening on ", Duration.ofSeconds(20)))
                    .startsWith("EchoServer listening on unix:" + path + " (2 event loops, io_uring; ");
            for (int i = 0; i < 3; i++) {
                try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
                    byte[] msg = NetTestKit.pattern(100_000, i);
                    NetTestKit.writeAsync(Channels.newOutputStream(ch), msg);
                    assertThat(NetTestKit.readExactly(Channels.newInputStream(ch), msg.length)).isEqualTo(msg);
                }
            }
            server.signal("TERM");
            assertCleanShutdown(server.await(Duration.ofSeconds(20)), "EchoServer", "SIGTERM", 3);
        }
        assertThat(path).as("the server removed its socket file").doesNotExist();
    }

    @Test
    void httpServerStopsCleanlyOnSigintWithAClientStillConnected() throws Exception {
        try (ChildJvm server = ChildJvm.onModulePath(HttpServer.class).start("--host", "127.0.0.1", "--port", "0", "--loops", "2");
             HttpTestClient client = new HttpTestClient(port(server.awaitLine("HttpServer listening on ", Duration.ofSeconds(20))))) {
            client.send(HttpTestClient.GET.repeat(3));
            for (int i = 0; i < 3; i++) {
                assertThat(HttpTestClient.masked(client.read())).isEqualTo(HttpTestClient.expected(HttpReply.OK));
            }
            server.signal("INT");
            ChildJvm.Result r = server.await(Duration.ofSeconds(20));
            assertCleanShutdown(r, "HttpServer", "SIGINT", 1);
            assertThat(client.endsNext()).as("the server closed the kept-alive connection").isTrue();
        }
    }

    @Test
    void httpServerServesOverNioWhenAskedAndSaysSoInItsStartLine() throws Exception {
        try (ChildJvm server = ChildJvm.onModulePath(HttpServer.class).start("--host", "127.0.0.1", "--port", "0", "--loops",
                "2", "--transport", "nio")) {
            String line = server.awaitLine("HttpServer listening on ", Duration.ofSeconds(20));
            assertThat(line).contains("(2 event loops, nio; ");
            try (HttpTestClient client = new HttpTestClient(port(line))) {
                client.send(HttpTestClient.GET.repeat(3));
                for (int i = 0; i < 3; i++) {
                    assertThat(HttpTestClient.masked(client.read())).isEqualTo(HttpTestClient.expected(HttpReply.OK));
                }
            }
            server.signal("TERM");
            assertCleanShutdown(server.await(Duration.ofSeconds(20)), "HttpServer", "SIGTERM", 1);
        }
    }

    @Test
    void anUnknownTransportIsAUsageError() throws Exception {
        ToolTestSupport.Run r = run(HttpServer::run, "--transport", "epoll");
        assertThat(r.code()).as("%s", r).isEqualTo(2);
        assertThat(r.err()).contains("--transport epoll is not one of auto, io_uring, nio");
    }

    @Test
    void aBusyPortIsOneLineAndExitCode1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ToolTestSupport.Run r = run(HttpServer::run, "--host", "127.0.0.1", "--port", String.valueOf(taken.getLocalPort()));
            assertThat(r.code()).as("%s", r).isEqualTo(1);
            assertThat(r.out()).isEmpty();
            assertThat(r.err().lines().toList()).as("%s", r).singleElement().asString()
                    .startsWith("HttpServer: bind(/127.0.0.1:" + taken.getLocalPort() + ")").contains("EADDRINUSE")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void aBadCommandLineIsOneLineAndExitCode2() {
        ToolTestSupport.Run r = run(EchoServer::run, "--port", "70000");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("EchoServer: --port must be in 0 .. 65535, got 70000; usage: " + EchoServer.USAGE);
        assertThat(run(HttpServer::run, "--loops", "x").err()).contains("--loops must be a whole number, got 'x'");
        assertThat(run(HttpServer::run, "extra").err()).contains("expected no positional arguments, got extra");
        ToolTestSupport.Run help = run(HttpServer::run, "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).startsWith("usage: HttpServer [--port N (8080)] [--loops N (cores)]");
    }

    @Test
    void echoClientReportsARefusedConnectionAsOneLine() throws Exception {
        ToolTestSupport.Run r;
        try (Socket refusing = NetTestKit.refusingSocket()) {
            r = run(EchoClient::run, "--port", String.valueOf(refusing.getLocalPort()), "--connections", "3", "--timeout", "10s");
        }
        assertThat(r.code()).as("%s", r).isEqualTo(1);
        assertThat(r.err().lines().toList()).as("%s", r).singleElement().asString()
                .startsWith("EchoClient: FAILED: 0 of 3 connections completed").contains("ECONNREFUSED");
    }

    @Test
    void echoClientProgramAgainstAnInProcessServer() throws Exception {
        int fds = NetTestKit.openFds();
        NetServer server = NetTestKit.start(() -> EchoServer.start(NetTestKit.options(2)));
        ToolTestSupport.Run r = run(EchoClient::run, "--port", String.valueOf(server.port()), "--connections", "50", "--rounds", "4",
                "--size", "30000", "--vary-size", "--loops", "2");
        assertThat(r.code()).as("%s", r).isZero();
        assertThat(r.out()).startsWith("EchoClient OK: 50 connections x 4 rounds, ").contains("client counters at zero");
        ToolTestSupport.Run timed = run(EchoClient::run, "--port", String.valueOf(server.port()), "--connections", "8", "--duration", "300ms");
        assertThat(timed.code()).as("%s", timed).isZero();
        assertThat(timed.out()).startsWith("EchoClient OK: 8 connections for ");
        NetTestKit.stopClean(server, fds);
    }

    private static ToolTestSupport.Run run(ToolTestSupport.Tool tool, String... args) {
        return ToolTestSupport.run(tool, args);
    }
}
