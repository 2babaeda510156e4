package dev.iobuf.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.uring.Transport;
import dev.iobuf.uring.testkit.ChildJvm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code EchoServer --udp} on both transports: datagrams from the JDK and from socat come back unchanged; the server
 * stops clean (counters at zero, /proc/self/fd back to its count before it started); as users run it (a child JVM,
 * {@code --transport nio}, SIGTERM).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class UdpEchoServerTest {
    private static final Pattern LISTENING = Pattern.compile(
            "^EchoServer listening on UDP 127\\.0\\.0\\.1:(\\d+) \\(2 event loops, (io_uring|nio); .*\\)$");

    @BeforeAll
    static void warmUp() throws IOException {
        NetTestKit.warmUpFdCount();
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(NetTestKit.LOOPBACK, 0))) {
            s.getLocalPort();
        }
    }

    private static UdpEchoServer server(Transport transport) {
        try {
            return UdpEchoServer.start(new InetSocketAddress(NetTestKit.LOOPBACK, 0), 2, 5_000_000_000L, transport);
        } catch (dev.iobuf.uring.IoUringBlockedException | dev.iobuf.uring.IoUringUnavailableException
                 | dev.iobuf.uring.UnsupportedFeatureException e) {
            Assumptions.abort("the UDP endpoint cannot run on io_uring here, skipping: " + e.getMessage());
            throw e;
        }
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"IO_URING", "NIO"})
    void jdkDatagramsComeBack(Transport transport) throws Exception {
        int fdsBefore = NetTestKit.openFds();
        UdpEchoServer server = server(transport);
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(NetTestKit.LOOPBACK, 0))) {
            s.setSoTimeout(5_000);
            byte[] buf = new byte[70_000];
            for (int size : new int[] {0, 1, 100, 1472, 8192, 65_507}) {
                byte[] msg = NetTestKit.pattern(size, size);
                s.send(new DatagramPacket(msg, size, server.address()));
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                s.receive(p);
                assertThat(Arrays.copyOf(buf, p.getLength())).isEqualTo(msg);
            }
        }
        assertThat(server.counters().received()).isEqualTo(6);
        UdpEchoServer.Stopped stopped = server.stop();
        assertThat(stopped.clean()).as(stopped.line()).isTrue();
        assertThat(NetTestKit.openFds()).isEqualTo(fdsBefore);
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"IO_URING", "NIO"})
    void socatGetsItsLineBack(Transport transport) throws Exception {
        Assumptions.assumeTrue(new ProcessBuilder("sh", "-c", "command -v socat").start().waitFor() == 0,
                "socat is not installed (scripts/test.sh installs it): skipping the socat check");
        try (UdpEchoServer server = server(transport)) {
            Process socat = new ProcessBuilder("socat", "-t", "2", "-", "UDP:127.0.0.1:" + server.address().getPort())
                    .redirectErrorStream(true).start();
            socat.getOutputStream().write("hello over udp\n".getBytes(StandardCharsets.US_ASCII));
            socat.getOutputStream().close();
            assertThat(socat.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(new String(socat.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("hello over udp\n");
            assertThat(server.counters().received()).isEqualTo(1);
            assertThat(server.stop().clean()).isTrue();
        }
    }

    @Test
    void onNioAsUsersRunItItEchoesAndStopsCleanOnSigterm() throws Exception {
        try (ChildJvm server = ChildJvm.onModulePath(EchoServer.class).start("--udp", "--host", "127.0.0.1", "--port", "0",
                "--loops", "2", "--transport", "nio")) {
            Matcher m = LISTENING.matcher(server.awaitLine("EchoServer listening on UDP ", Duration.ofSeconds(20)));
            assertThat(m.matches()).as("listening line: %s", m).isTrue();
            assertThat(m.group(2)).isEqualTo("nio");
            InetSocketAddress at = new InetSocketAddress(NetTestKit.LOOPBACK, Integer.parseInt(m.group(1)));
            try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(NetTestKit.LOOPBACK, 0))) {
                s.setSoTimeout(5_000);
                byte[] buf = new byte[70_000];
                for (int size : new int[] {0, 1, 1472, 65_507}) {
                    byte[] msg = NetTestKit.pattern(size, size);
                    s.send(new DatagramPacket(msg, size, at));
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    s.receive(p);
                    assertThat(Arrays.copyOf(buf, p.getLength())).isEqualTo(msg);
                }
            }
            server.signal("TERM");
            ChildJvm.Result r = server.await(Duration.ofSeconds(20));
            assertThat(r.exitCode()).as("%s", r).isZero();
            assertThat(r.stdout()).as("%s", r).contains("EchoServer: SIGTERM, shutting down")
                    .contains("EchoServer stopped: clean=true quiescent=true openFds=0")
                    .contains("counters DatagramCounters[received=4, receivedBytes=" + (1 + 1472 + 65_507) + ", sent=4,");
        }
    }

    @Test
    void theCommandLineTakesUdp() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = EchoServer.run(new String[] {"--udp", "--help"}, new PrintStream(out), System.err);
        assertThat(rc).isZero();
        assertThat(out.toString()).contains("EchoServer --udp [--port N (7008)]").contains("[--transport auto|io_uring|nio (auto)]");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(EchoServer.run(new String[] {"--udp", "--port", "70000"}, new PrintStream(out), new PrintStream(err)))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--port");
        assertThat(EchoServer.run(new String[] {"--udp", "--transport", "epoll"}, new PrintStream(out), new PrintStream(err)))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--transport epoll is not one of auto, io_uring, nio");
    }
}
