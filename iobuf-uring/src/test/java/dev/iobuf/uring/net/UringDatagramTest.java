package dev.iobuf.uring.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iobuf.uring.KernelTest;
import dev.iobuf.uring.UnsupportedFeatureException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * UDP on io_uring only: the kernel version a UDP endpoint needs, and completions that name an endpoint no longer
 * there. (GSO and GRO: {@link DatagramOffloadTest}; the behaviour every transport shares: the datagram suites in
 * {@link UringTransportTest} and {@link NioTransportTest}.)
 */
@KernelTest
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class UringDatagramTest {

    @Test
    void anOlderKernelIsRefusedNamingTheVersionNeeded() {
        assertThatThrownBy(() -> UnsupportedFeatureException.requireKernel("IORING_OP_RECVMSG with IORING_RECV_MULTISHOT",
                "99.0", "a UDP endpoint"))
                .isInstanceOf(UnsupportedFeatureException.class)
                .hasMessageContaining("a UDP endpoint needs IORING_OP_RECVMSG with IORING_RECV_MULTISHOT (Linux 99.0)")
                .satisfies(t -> assertThat(((UnsupportedFeatureException) t).since()).isEqualTo("99.0"));
    }

    @Test
    void aCompletionForAClosedEndpointIsCountedStale() throws Exception {
        EventLoopGroup group = NetTestSupport.group(b -> b.threads(1));
        EventLoop loop = group.loops().get(0);
        DatagramBinding udp = group.bindDatagram(NetTestSupport.anyPort(), (e, b, o, l, s) -> { });
        udp.close();
        // slot 0, generation 1 was the endpoint just closed: a completion naming it matches nothing live
        long userData = dev.iobuf.uring.UserData.of(Op.DGRAM_SEND, 3, 0, 1);
        assertThat(DatagramMisuseTest.onLoop(loop, () -> {
            loop.sqe().nop().userData(userData);
            return loop.staleCompletions();
        })).isZero();
        assertThat(NetTestSupport.await(() -> {
            try {
                return DatagramMisuseTest.onLoop(loop, loop::staleCompletions) == 1;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, java.time.Duration.ofSeconds(5))).isTrue();
        assertThat(group.shutdownGracefully(java.time.Duration.ofSeconds(5))).isTrue();
        assertThat(group.counters().isQuiescent()).isTrue();
    }
}
