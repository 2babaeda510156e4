package dev.iobuf.uring.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iobuf.uring.Transport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * UDP on the NIO transport only: what it cannot honour is refused at bind naming the option, with nothing left open;
 * each loop has its own SO_REUSEPORT channel on the one port. (Its behaviour shared with io_uring: the datagram
 * suites in {@link NioTransportTest}.)
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NioDatagramTest {
    /** The JDK opens one fd for good on first closing a channel (its pre-close socket pair): not ours to count. */
    @BeforeAll
    static void warmJdkChannels() throws IOException {
        try (DatagramChannel ch = DatagramChannel.open()) {
            ch.bind(NetTestSupport.anyPort());
        }
    }

    private static EventLoopGroup nio() {
        return NetTestSupport.group(b -> b.transport(Transport.NIO));
    }

    @Test
    void optionsOnlyIoUringHonoursAreRefusedAtBindAndNothingStaysOpen() {
        int fds = NetTestSupport.openFds();
        EventLoopGroup group = nio();
        assertThatThrownBy(() -> group.bindDatagram(NetTestSupport.anyPort(), new UdpEcho(2),
                DatagramOptions.defaults().gro(true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DatagramOptions.gro(true)")
                .hasMessageContaining("Transport.IO_URING");
        assertThatThrownBy(() -> group.bindDatagram(NetTestSupport.anyPort(), new UdpEcho(2),
                DatagramOptions.defaults().recvBuffers(64)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DatagramOptions.recvBuffers");
        // A socket option the JDK's DatagramChannel does not offer: refused naming it (the channels made are closed)
        assertThatThrownBy(() -> group.bindDatagram(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new UdpEcho(2), DatagramOptions.defaults().socketOptions(SocketOptions.of()
                        .with(SocketOptions.TCP_KEEPIDLE, 5))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TCP_KEEPIDLE");
        NetTestSupport.shutdownClean(group);
        assertThat(NetTestSupport.openFds()).isEqualTo(fds);
    }

    @Test
    void eachLoopHasItsOwnChannelOnTheOnePortAndABusyPortIsNamed() throws Exception {
        EventLoopGroup group = nio();
        DatagramBinding udp = group.bindDatagram(NetTestSupport.anyPort(), new UdpEcho(2));
        assertThat(udp.endpoints()).hasSize(2).allSatisfy(e -> assertThat(e.localAddress()).isEqualTo(udp.localAddress()));
        assertThat(udp.endpoints().get(0)).isInstanceOf(NioDatagramEndpoint.class);
        try (DatagramChannel plain = DatagramChannel.open(StandardProtocolFamily.INET)) {
            plain.bind(NetTestSupport.anyPort());       // no SO_REUSEPORT: the port is this socket's alone
            assertThatThrownBy(() -> group.bindDatagram((InetSocketAddress) plain.getLocalAddress(), new UdpEcho(2)))
                    .isInstanceOf(dev.iobuf.uring.UringException.class).hasMessageContaining("bind(UDP ")
                    .hasMessageContaining("EADDRINUSE").hasMessageContaining("pick another port");
        }
        udp.close();
        assertThat(udp.isOpen()).isFalse();
        NetTestSupport.shutdownClean(group);
    }
}
