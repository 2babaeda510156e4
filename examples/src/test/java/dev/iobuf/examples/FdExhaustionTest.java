package dev.iobuf.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.uring.testkit.ChildJvm;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP server out of file descriptors: a child JVM limited to 256 fds gets 1,000 connections, far more
 * than it can accept. It must keep serving what it has, survive (no loop dies: the failure paths log
 * nothing that needs a new file), back off accepting instead of logging every failed accept, and once the
 * clients leave answer every new request, then stop with every counter at zero. While it is out of fds the rare paths
 * run: request heads that never end (their deadline aborts), peers that reset, idle connections closed by the idle
 * sweep, closes (RarePathClassesTest in iobuf-uring covers each rare path class by class). On both transports (one
 * accept-pause policy: AcceptBackoff), and with TLS: then every client of the flood fails its handshake (it sends
 * plain HTTP) while the server is out of fds, and the requests after it come over TLS.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FdExhaustionTest {
    private static final Pattern LISTENING = Pattern.compile("^HttpServer listening on 127\\.0\\.0\\.1:(\\d+) .*$");
    private static final Pattern OUT_OF_FDS = Pattern.compile("acceptsOutOfFds=(\\d+)");
    private static final int CLIENTS = 1_000;

    /** On both transports: auto (io_uring here) and nio, which pause accepting by the same policy; auto with TLS. */
    @ParameterizedTest
    @ValueSource(strings = {"auto", "nio", "auto --tls"})
    void aServerOutOfFdsKeepsServingAndStopsCleanOnceTheClientsLeave(String transportAndTls) throws Exception {
        String transport = transportAndTls.split(" ")[0];
        boolean tls = transportAndTls.endsWith(" --tls");
        Assumptions.assumeTrue(NetTestKit.fdLimit() > CLIENTS + 200, "this test JVM needs more than " + (CLIENTS + 200)
                + " fds for its clients (run it through scripts/test.sh, which lifts the soft limit): "
                + NetTestKit.fdLimit());
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", "0", "--loops", "2", "--recv-buffers",
                "256", "--transport", transport, "--head-timeout", "300ms", "--idle-timeout", "1s"));
        if (tls) {
            args.add("--tls");
        }
        try (ChildJvm server = ChildJvm.onModulePath(HttpServer.class).fdLimit(256).start(args.toArray(String[]::new))) {
            Matcher m = LISTENING.matcher(server.awaitLine("HttpServer listening on ", Duration.ofSeconds(20)));
            assertThat(m.matches()).isTrue();
            int port = Integer.parseInt(m.group(1));
            List<Socket> clients = new ArrayList<>();
            long floodStart = System.nanoTime();
            try {
                byte[] get = HttpTestClient.GET.getBytes(StandardCharsets.ISO_8859_1);
                byte[] partial = Arrays.copyOf(get, get.length / 2);
                for (int i = 0; i < CLIENTS; i++) {
                    Socket s;
                    try {
                        s = NetTestKit.jdkClient(port);
                    } catch (IOException e) {
                        throw new AssertionError("client " + i + " could not connect: " + e + "; server output so far:\n"
                                + server.await(Duration.ofMillis(1)), e);
                    }
                    clients.add(s);
                    // The rare paths out of fds: a head that never ends (its deadline aborts the connection), a
                    // peer's reset (an error and its errno text), idle connections (the idle sweep's timer).
                    s.getOutputStream().write(i % 4 == 1 ? partial : get);
                    if (i % 4 == 2) {
                        s.setSoLinger(true, 0);
                    }
                }
                Thread.sleep(1_500);               // the server accepts until it runs out of fds, and keeps trying
            } finally {
                for (Socket s : clients) {
                    s.close();
                }
            }
            for (int i = 0; i < 20; i++) {
                try (HttpTestClient c = tls ? new HttpTestClient(NetTestKit.trustAll().getSocketFactory()
                        .createSocket(NetTestKit.LOOPBACK, port)) : new HttpTestClient(port)) {
                    c.socket.setSoTimeout(15_000);
                    c.send(HttpTestClient.GET);
                    assertThat(HttpTestClient.masked(c.read())).as("request %d after the clients left", i)
                            .isEqualTo(HttpTestClient.expected(HttpReply.OK));
                } catch (IOException e) {
                    AssertionError failure = new AssertionError("request " + i + " after the clients left was not answered: "
                            + e, e);
                    try {
                        server.await(Duration.ofMillis(1));     // ends the child: its output comes with the failure
                    } catch (AssertionError output) {
                        failure.addSuppressed(output);
                    }
                    throw failure;
                }
            }
            long outOfFdsSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - floodStart);
            server.signal("TERM");
            ChildJvm.Result r = server.await(Duration.ofSeconds(30));
            assertThat(r.exitCode()).as("%s", r).isZero();
            assertThat(r.stdout()).as("%s", r).contains("HttpServer stopped: clean=true quiescent=true openFds=0");
            Matcher outOfFds = OUT_OF_FDS.matcher(r.stdout());
            assertThat(outOfFds.find()).as("%s", r).isTrue();
            assertThat(Long.parseLong(outOfFds.group(1))).as("the server did run out of fds: %s", r).isPositive();
            // Each of the 2 loops logs at most once per 10 s interval while out of fds (~2 intervals here, more
            // on a loaded machine); one line per failed accept would be hundreds.
            long emfileLines = r.stderr().lines().filter(l -> l.contains("EMFILE")).count();
            long intervals = 2 + outOfFdsSeconds / 10;
            assertThat(emfileLines).as("accept failures logged (a loop out of fds can log), at most once per interval "
                    + "(%d s out of fds), not each: %s", outOfFdsSeconds, r).isBetween(1L, 2 * intervals);
            assertThat(r.stderr()).as("no loop died: %s", r).doesNotContain("failed; closing its connections")
                    .doesNotContain("NoClassDefFoundError");
        }
    }
}
