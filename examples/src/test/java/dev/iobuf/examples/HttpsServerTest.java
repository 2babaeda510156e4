package dev.iobuf.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code HttpServer --tls} (a self-signed certificate made at start) against the JDK HttpClient, curl -k,
 * openssl s_client, and a client that sends plain HTTP instead of a ClientHello; counters and fds back at
 * the end of each.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HttpsServerTest {

    private static ServerTls tls;

    /** One self-signed certificate for the class; one HTTPS exchange first, so the fds the JDK's TLS keeps open
     * for good (its random sources) are open before any test counts fds. */
    @BeforeAll
    static void warmUp() throws Exception {
        NetTestKit.warmUpFdCount();
        CommandLine c = CommandLine.parse(new String[] {"--tls"}, NetServer.VALUE_OPTIONS, java.util.Set.of("--tls"), "");
        tls = ServerTls.of(c);
        assertThat(tls.description()).isEqualTo(ServerTls.SELF_SIGNED);
        NetServer server = server();
        try (javax.net.ssl.SSLSocket s = (javax.net.ssl.SSLSocket) NetTestKit.trustAll().getSocketFactory()
                .createSocket(NetTestKit.LOOPBACK, server.port())) {
            s.getOutputStream().write(HttpTestClient.GET.replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1)).endsWith("Hello, World!");
        }
        server.stop();
    }

    private static NetServer server() {
        return NetTestKit.start(() -> HttpServer.start(NetTestKit.options(2).withTls(tls)));
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String run(String input, String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (var stdin = p.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.US_ASCII));
        }
        String out;
        try (InputStream stdout = p.getInputStream()) {
            out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void theJdkHttpClientGetsHelloWorldOverTls() throws Exception {
        int fds = NetTestKit.openFds();
        NetServer server = server();
        try (HttpClient client = HttpClient.newBuilder().sslContext(NetTestKit.trustAll()).version(HttpClient.Version.HTTP_1_1)
                .build()) {
            for (int i = 0; i < 50; i++) {       // keep-alive: one connection, many requests
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                        URI.create("https://127.0.0.1:" + server.port() + "/plaintext")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).isEqualTo("Hello, World!");
                assertThat(r.sslSession()).hasValueSatisfying(s -> assertThat(s.getProtocol()).startsWith("TLS"));
            }
        }
        NetTestKit.stopClean(server, fds);
    }

    @Test
    void curlInsecureGetsHelloWorld() throws Exception {
        Assumptions.assumeTrue(onPath("curl"), "curl is not installed (scripts/test.sh installs it from apt): skipping");
        int fds = NetTestKit.openFds();
        NetServer server = server();
        String out = run("", "curl", "-sk", "--http1.1", "-i", "https://127.0.0.1:" + server.port() + "/plaintext",
                "https://127.0.0.1:" + server.port() + "/");
        assertThat(out).contains("HTTP/1.1 200 OK").endsWith("Hello, World!");
        assertThat(out.split("Hello, World!", -1)).hasSize(3);
        NetTestKit.stopClean(server, fds);
    }

    @Test
    void opensslSClientHandshakesAndGetsAnAnswer() throws Exception {
        Assumptions.assumeTrue(onPath("openssl"), "openssl is not installed (scripts/test.sh installs it from apt): skipping");
        int fds = NetTestKit.openFds();
        NetServer server = server();
        String out = run("GET /plaintext HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "openssl", "s_client",
                "-connect", "127.0.0.1:" + server.port(), "-alpn", "http/1.1", "-ign_eof");
        assertThat(out).contains("ALPN protocol: http/1.1").contains("HTTP/1.1 200 OK").contains("Hello, World!");
        NetTestKit.stopClean(server, fds);
    }

    /** wrk (OpenSSL, 16 connections handshaking at once, keep-alive) gets answers. */
    @Test
    void wrkWithManyConcurrentHandshakesGetsAnswers() throws Exception {
        Assumptions.assumeTrue(onPath("wrk"), "wrk is not installed (scripts/test.sh installs it from apt): skipping");
        int fds = NetTestKit.openFds();
        NetServer server = server();
        String out = run("", "wrk", "-t1", "-c16", "-d2s", "https://127.0.0.1:" + server.port() + "/plaintext");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) requests in").matcher(out);
        assertThat(m.find()).as("wrk output: %s", out).isTrue();
        assertThat(Long.parseLong(m.group(1))).as("requests answered; wrk said: %s", out).isGreaterThan(16);
        NetTestKit.stopClean(server, fds);
    }

    @Test
    void plainHttpInsteadOfAClientHelloIsClosedWithoutALeak() throws Exception {
        int fds = NetTestKit.openFds();
        NetServer server = server();
        for (int i = 0; i < 10; i++) {
            try (Socket s = NetTestKit.jdkClient(server.port())) {
                s.getOutputStream().write(HttpTestClient.GET.getBytes(StandardCharsets.US_ASCII));
                InputStream in = s.getInputStream();
                byte[] answer = in.readAllBytes();
                assertThat(new String(answer, StandardCharsets.ISO_8859_1)).doesNotContain("HTTP/1.1");
            }
        }
        NetTestKit.stopClean(server, fds);
    }
}
