package dev.iobuf.examples;

import static dev.iobuf.examples.HttpTestClient.GET;
import static dev.iobuf.examples.HttpTestClient.expected;
import static dev.iobuf.examples.HttpTestClient.masked;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.uring.net.EventLoop;
import dev.iobuf.uring.net.NetCounters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The plaintext server on loopback, against JDK sockets that read raw bytes. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HttpServerTest {
    private static final String OK = expected(HttpReply.OK);

    @BeforeAll
    static void warmUp() throws IOException {
        NetTestKit.warmUpFdCount();
    }

    private static NetServer server(int loops) {
        return NetTestKit.start(() -> HttpServer.start(NetTestKit.options(loops)));
    }

    @Test
    void aRequestGetsThePlaintextResponseByteForByte() throws Exception {
        int fds = NetTestKit.openFds();
        NetServer server = server(2);
        try (HttpTestClient c = new HttpTestClient(server.port())) {
            c.send(GET);
            String response = c.read();
            assertThat(masked(response)).isEqualTo(OK).isEqualTo("HTTP/1.1 200 OK\r\nServer: iobuf\r\nDate: <date>\r\n"
                    + "Content-Type: text/plain\r\nContent-Length: 13\r\n\r\nHello, World!");
            assertThat(HttpTestClient.date(response)).isBetween(Instant.now().minusSeconds(3), Instant.now().plusSeconds(1));
        }
        NetTestKit.stopClean(server, fds);
    }

    @Test
    void keepAliveServesManyRequestsOnOneConnection() throws Exception {
        int fds = NetTestKit.openFds();
        NetServer server = server(2);
        try (HttpTestClient c = new HttpTestClient(server.port())) {
            for (int i = 0; i < 300; i++) {
                c.send(i % 2 == 0 ? GET : "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
                assertThat(masked(c.read())).as("response %d", i).isEqualTo(OK);
            }
            c.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertThat(masked(c.read())).isEqualTo(expected(HttpReply.OK | HttpReply.CLOSE));
            assertThat(c.endsNext()).as("closed after Connection: close").isTrue();
        }
        NetCounters counters = NetTestKit.stopClean(server, fds);
        assertThat(counters.connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void pipelinedSixteenDeepGetsExactlySixteenResponsesEachTime() throws Exception {
        int fds = NetTestKit.openFds();
        NetServer server = server(2);
        List<HttpTestClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                clients.add(new HttpTestClient(server.port()));
            }
            for (int round = 0; round < 100; round++) {
                for (HttpTestClient c : clients) {
                    c.send(GET.repeat(16));
                }
                for (HttpTestClient c : clients) {
                    for (int i = 0; i < 16; i++) {
                        assertThat(masked(c.read())).as("round %d response %d", round, i).isEqualTo(OK);
                    }
                }
            }
            for (HttpTestClient c : clients) {
                c.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
                assertThat(masked(c.read())).isEqualTo(expected(HttpReply.OK | HttpReply.CLOSE));
                assertThat(c.endsNext()).as("nothing more than 1,601 responses").isTrue();
            }
        } finally {
            for (HttpTestClient c : clients) {
                c.close();
            }
        }
        NetTestKit.stopClean(server, fds);
    }

    @Test
    void requestsSentByteByByteAreEachAnsweredOnce() throws Exception {
        int fds = NetTestKit.openFds();
        NetServer server = server(1);
        try (HttpTestClient c = new HttpTestClient(server.port())) {
            byte[] two = (GET + "HEAD /plaintext HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
            for (int i = 0; i < two.length; i++) {
                c.out.write(two[i]);
                c.out.flush();
                if (i % 4 == 0) {
                    Thread.sleep(1);               // lets the server receive the pieces apart
                }
            }
            assertThat(masked(c.read())).isEqualTo(OK);
            assertThat(masked(c.read(true))).isEqualTo(expected(HttpReply.OK | HttpReply.HEAD));
            c.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertThat(masked(c.read())).isEqualTo(expected(HttpReply.OK | HttpReply.CLOSE));
            assertThat(c.endsNext()).as("exactly three responses").isTrue();
        }
        NetTestKit.stopClean(server, fds);
    }

    @Test
    void aBareLfRequestIsAnswered400AndClosedInsteadOfWaitingForever() throws Exception {
        int fds = NetTestKit.openFds();
        NetServer server = server(1);
        for (String request : List.of("GET / HTTP/1.1\nHost: a\n\n", "GET / HTTP/1.1\r\nHost: a\n")) {
            try (HttpTestClient c = new HttpTestClient(server.port())) {
                c.send(request);
                assertThat(masked(c.read())).isEqualTo(expected(HttpReply.BAD_REQUEST | HttpReply.CLOSE));
                assertThat(c.endsNext()).as("closed after the 400").isTrue();
            }
        }
        NetTestKit.stopClean(server, fds);
    }

    @Test
    void slowlorisClientsAreAbortedByTheHeadDeadlineWhileOthersAreServed() throws Exception {
        int fds = NetTestKit.openFds();
        NetServer server = NetTestKit.start(() -> HttpServer.start(NetTestKit.options(2)
                .withIdleTimeout(Duration.ofSeconds(2)).withHeadTimeout(Duration.ofMillis(800))));
        String[] trickles = {GET, "\r\n".repeat(100)};    // a head that never ends; empty lines forever
        List<HttpTestClient> slow = new ArrayList<>();
        try (HttpTestClient good = new HttpTestClient(server.port())) {
            for (int i = 0; i < 20; i++) {
                slow.add(new HttpTestClient(server.port()));
            }
            long t0 = System.nanoTime();
            boolean allClosed = false;
            for (int step = 0; !allClosed && step < 60; step++) {   // one byte per 100 ms each: resets idle time
                allClosed = true;
                for (int i = 0; i < slow.size(); i++) {
                    String t = trickles[i % 2];
                    try {
                        slow.get(i).send(String.valueOf(t.charAt(step % (t.length() - 4))));
                        allClosed = false;
                    } catch (IOException reset) {
                        // closed by the server: the write fails once the RST came back
                    }
                }
                good.send(GET);
                assertThat(masked(good.read())).as("served meanwhile, step %d", step).isEqualTo(OK);
                Thread.sleep(100);
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            // By the 800 ms head deadline, not the 2 s idle timeout (the trickle keeps them active): deadlineCloses
            // below says which, whatever the time a loaded machine took.
            assertThat(allClosed).as("every slowloris connection closed, after %d ms", millis).isTrue();
            for (HttpTestClient c : slow) {
                assertThat(c.endsNext()).isTrue();
            }
        } finally {
            for (HttpTestClient c : slow) {
                c.close();
            }
        }
        NetCounters counters = NetTestKit.stopClean(server, fds);
        assertThat(counters.deadlineCloses()).isEqualTo(20);
    }

    @Test
    void errorsGetTheirStatusAndCloseWhileOtherPathsKeepTheConnection() throws Exception {
        int fds = NetTestKit.openFds();
        NetServer server = server(2);
        try (HttpTestClient c = new HttpTestClient(server.port())) {
            c.send("GET /nope HTTP/1.1\r\nHost: x\r\n\r\n" + GET);
            assertThat(masked(c.read())).isEqualTo(expected(HttpReply.NOT_FOUND));
            assertThat(masked(c.read())).isEqualTo(OK);
        }
        String[][] closing = {
            {"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc", expected(HttpReply.METHOD_NOT_ALLOWED | HttpReply.CLOSE)},
            {"GET / HTTP/1.1\r\n\r\n", expected(HttpReply.BAD_REQUEST | HttpReply.CLOSE)},
            {"GET / HTTP/1.0\r\n\r\n", expected(HttpReply.OK | HttpReply.CLOSE)},
            {"GET / HTTP/1.1\r\nHost: x\r\nX: " + "y".repeat(9000) + "\r\n\r\n", expected(HttpReply.HEAD_TOO_LARGE | HttpReply.CLOSE)},
        };
        for (String[] exchange : closing) {
            try (HttpTestClient c = new HttpTestClient(server.port())) {
                c.send(exchange[0] + GET);
                assertThat(masked(c.read())).isEqualTo(exchange[1]);
                assertThat(c.endsNext()).as("closed after %s", exchange[1]).isTrue();
            }
        }
        try (HttpTestClient c = new HttpTestClient(server.port())) {
            c.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            assertThat(masked(c.read())).isEqualTo(expected(HttpReply.OK | HttpReply.KEEP_ALIVE));
            c.send(GET);
            assertThat(masked(c.read())).isEqualTo(OK);
        }
        NetTestKit.stopClean(server, fds);
    }

    /**
     * 6,000 minimal requests written before anything is read: their answers (800 KB) far exceed the
     * connection's write queue (16 x 2 KiB), so writes are refused, the session retains its receive buffer
     * and pauses; every answer still arrives, in order.
     */
    @Test
    void aClientThatPipelinesFasterThanItReadsGetsEveryAnswer() throws Exception {
        int fds = NetTestKit.openFds();
        NetServer server = server(1);
        int n = 6_000;
        String small = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
        try (HttpTestClient c = new HttpTestClient(server.port())) {
            Thread writer = NetTestKit.writeAsync(c.out, small.repeat(n).getBytes(StandardCharsets.ISO_8859_1));
            Thread.sleep(300);                      // let the server's queue fill and push back
            for (int i = 0; i < n; i++) {
                assertThat(masked(c.read())).as("response %d", i).isEqualTo(OK);
            }
            writer.join(5_000);
            c.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertThat(masked(c.read())).isEqualTo(expected(HttpReply.OK | HttpReply.CLOSE));
            assertThat(c.endsNext()).isTrue();
        }
        assertThat(refusedWrites(server)).as("answers refused by the full write queue, then sent").isPositive();
        NetTestKit.stopClean(server, fds);
    }

    @Test
    void theDateHeaderFollowsTheClock() throws Exception {
        int fds = NetTestKit.openFds();
        NetServer server = server(1);
        try (HttpTestClient c = new HttpTestClient(server.port())) {
            c.send(GET);
            Instant first = HttpTestClient.date(c.read());
            Thread.sleep(1100 - System.currentTimeMillis() % 1000);     // into the second after next
            c.send(GET);
            Instant second = HttpTestClient.date(c.read());
            assertThat(second).isAfter(first);
            assertThat(Duration.between(second, Instant.now()).abs()).isLessThan(Duration.ofMillis(1500));
        }
        NetTestKit.stopClean(server, fds);
    }

    @Test
    void openKeepAliveConnectionsDoNotHoldUpShutdown() throws Exception {
        int fds = NetTestKit.openFds();
        NetServer server = server(2);
        List<HttpTestClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                HttpTestClient c = new HttpTestClient(server.port());
                clients.add(c);
                c.send(GET);
                assertThat(masked(c.read())).isEqualTo(OK);
            }
            long start = System.nanoTime();
            NetServer.Stopped stopped = server.stop();
            assertThat(stopped.clean()).as("%s", stopped.line()).isTrue();
            assertThat(System.nanoTime() - start).as("no waiting for idle clients").isLessThan(3_000_000_000L);
            for (HttpTestClient c : clients) {
                assertThat(c.endsNext()).as("the server closed the idle connection").isTrue();
            }
        } finally {
            for (HttpTestClient c : clients) {
                c.close();
            }
        }
        assertThat(NetTestKit.await(() -> NetTestKit.openFds() <= fds, Duration.ofSeconds(5))).isTrue();
    }

    /**
     * The loop thread allocates nothing per request in steady state: with 8 KiB receive buffers the requests
     * are parsed in place; with 128-byte buffers nearly every pipelined batch splits a head across receives,
     * so the carry-over path runs too. Measured over 16,000 and 64,000 requests (16 pipelined per write),
     * the loop's allocation stays under the same small bound: it does not grow with the number of requests.
     * On both transports (AUTO is io_uring here; NIO where io_uring is refused).
     */
    @ParameterizedTest(name = "receive buffers of {0} B, transport {1}")
    @CsvSource({"8192, AUTO", "128, AUTO", "8192, NIO", "128, NIO"})
    void steadyStateAllocatesNothingPerRequest(int recvBufferSize, dev.iobuf.uring.Transport transport) throws Exception {
        int fds = NetTestKit.openFds();
        NetServer.Options o = NetTestKit.options(1);
        NetServer server = NetTestKit.start(() -> HttpServer.start(new NetServer.Options(o.host(), 0, 1, 256,
                dev.iobuf.BufferTier.forSize(recvBufferSize), 0, NetServer.HTTP_HEAD_TIMEOUT_NANOS, o.shutdownTimeoutNanos(), null, null, transport)));
        EventLoop loop = server.group().loops().getFirst();
        try (HttpTestClient c = new HttpTestClient(server.port())) {
            String batch = GET.repeat(16);
            roundTrips(c, batch, 2_500);           // warm-up: 40,000 requests
            long probe = NetTestKit.loopAllocatedBytes(loop);
            CompletableFuture<byte[]> garbage = new CompletableFuture<>();
            loop.execute(() -> garbage.complete(new byte[100_000]));
            garbage.get(5, TimeUnit.SECONDS);
            assertThat(NetTestKit.loopAllocatedBytes(loop) - probe).as("the counter sees the loop's allocations")
                    .isGreaterThanOrEqualTo(100_000);
            StringBuilder report = new StringBuilder();
            for (int batches : new int[] {1_000, 4_000}) {
                long best = Long.MAX_VALUE;
                // Up to 10 tries: on a busy machine the JIT may still be compiling the request path (code
                // not yet compiled by C2 allocates what escape analysis later removes).
                for (int attempt = 0; attempt < 10 && best > 1024; attempt++) {
                    long before = NetTestKit.loopAllocatedBytes(loop);
                    roundTrips(c, batch, batches);
                    long used = NetTestKit.loopAllocatedBytes(loop) - before;
                    best = Math.min(best, used);
                }
                report.append(batches * 16).append(" requests: ").append(best).append(" B; ");
                // The measuring tasks themselves allocate a few hundred bytes; one object per request would
                // be at least 16 B x 16,000 = 256,000 B.
                assertThat(best).as("bytes the loop allocated over %d requests (%s)", batches * 16, report).isLessThan(1024);
            }
            System.out.println("HttpServer loop allocation, " + recvBufferSize + " B receive buffers: " + report);
        }
        NetTestKit.stopClean(server, fds);
    }

    private static void roundTrips(HttpTestClient c, String batch, int batches) throws IOException {
        for (int b = 0; b < batches; b++) {
            c.send(batch);
            for (int i = 0; i < 16; i++) {
                String r = c.read();
                if (!r.endsWith("Hello, World!")) {
                    throw new AssertionError("unexpected response " + r);
                }
            }
        }
    }

    private static long refusedWrites(NetServer server) throws Exception {
        HttpPlaintextHandler handler = (HttpPlaintextHandler) server.handler();
        long sum = 0;
        for (EventLoop loop : server.group().loops()) {
            CompletableFuture<Long> f = new CompletableFuture<>();
            loop.execute(() -> f.complete(handler.responses(loop.index()).refusedWrites));
            sum += f.get(5, TimeUnit.SECONDS);
        }
        return sum;
    }
}
