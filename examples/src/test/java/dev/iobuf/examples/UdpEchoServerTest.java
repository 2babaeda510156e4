package dev.iobuf.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code EchoServer --udp}: datagrams from the JDK and from socat come back unchanged; the server stops clean
 * (counters at zero, /proc/self/fd back to its count before it started).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class UdpEchoServerTest {

    @BeforeAll
    static void warmUp() throws IOException {
        NetTestKit.warmUpFdCount();
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(NetTestKit.LOOPBACK, 0))) {
            s.getLocalPort();
        }
    }

    private static UdpEchoServer server() {
        try {
            return UdpEchoServer.start(new InetSocketAddress(NetTestKit.LOOPBACK, 0), 2, 5_000_000_000L);
        } catch (dev.iobuf.uring.IoUringBlockedException | dev.iobuf.uring.IoUringUnavailableException
                 | dev.iobuf.uring.UnsupportedFeatureException e) {
            Assumptions.abort("the io_uring UDP endpoint cannot run here, skipping: " + e.getMessage());
            throw e;
        }
    }

    @Test
    void jdkDatagramsComeBack() throws Exception {
        int fdsBefore = NetTestKit.openFds();
        UdpEchoServer server = server();
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

    @Test
    void socatGetsItsLineBack() throws Exception {
        Assumptions.assumeTrue(new ProcessBuilder("sh", "-c", "command -v socat").start().waitFor() == 0,
                "socat is not installed (scripts/test.sh installs it): skipping the socat check");
        try (UdpEchoServer server = server()) {
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
    void theCommandLineTakesUdp() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = EchoServer.run(new String[] {"--udp", "--help"}, new PrintStream(out), System.err);
        assertThat(rc).isZero();
        assertThat(out.toString()).contains("EchoServer --udp [--port N (7008)]");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(EchoServer.run(new String[] {"--udp", "--port", "70000"}, new PrintStream(out), new PrintStream(err)))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--port");
    }
}
