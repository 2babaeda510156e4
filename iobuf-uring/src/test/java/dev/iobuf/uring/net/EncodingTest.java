package dev.iobuf.uring.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iobuf.uring.UserData;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** user_data layout and sockaddr encoding. */
class EncodingTest {

    @Test
    void userDataRoundTripsAndStaysClearOfReservedValues() {
        long ud = UserData.of(Op.SEND_ZC, 0xAB, UserData.MAX_SLOT, UserData.GENERATION_MASK);
        assertThat(UserData.op(ud)).isEqualTo(Op.SEND_ZC);
        assertThat(UserData.aux(ud)).isEqualTo(0xAB);
        assertThat(UserData.slot(ud)).isEqualTo(UserData.MAX_SLOT);
        assertThat(UserData.generation(ud)).isEqualTo(UserData.GENERATION_MASK);
        assertThat(ud).as("top bit clear").isPositive();
        assertThat(ud >>> 48).as("never the resource-tag range 0xFFFE / cancel-all 0xFFFF").isLessThan(0xFFFEL);
        assertThat(UserData.next(UserData.GENERATION_MASK)).as("generation 0 is never issued").isEqualTo(1);
    }

    @Test
    void ipv4AndIpv6SockaddrsRoundTrip() throws Exception {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sa = arena.allocate(SocketAddresses.MAX_BYTES, 8);
            InetSocketAddress v4 = new InetSocketAddress(InetAddress.getByName("10.1.2.3"), 8080);
            assertThat(SocketAddresses.encode(v4, sa)).isEqualTo(16);
            assertThat(sa.get(java.lang.foreign.ValueLayout.JAVA_BYTE, 2)).as("port in network order").isEqualTo((byte) 0x1F);
            assertThat(SocketAddresses.decode(sa, 16)).isEqualTo(v4);
            InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("2001:db8::1"), 443);
            assertThat(SocketAddresses.encode(v6, sa)).isEqualTo(28);
            assertThat(SocketAddresses.decode(sa, 28)).isEqualTo(v6);
            assertThat(SocketAddresses.family(v6)).isEqualTo(Sockets.AF_INET6);
            assertThatThrownBy(() -> SocketAddresses.encode(InetSocketAddress.createUnresolved("example.org", 1), sa))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unresolved");
        }
    }
}
