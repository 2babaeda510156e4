package dev.iobuf.uring.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** The UDP values, no socket needed: options refuse bad sizes naming them, addresses convert without loss. */
class DatagramValuesTest {

    @Test
    void badOptionsNameTheOption() {
        assertThatThrownBy(() -> DatagramOptions.defaults().maxDatagramSize(65_508))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDatagramSize");
        assertThatThrownBy(() -> DatagramOptions.defaults().recvBuffers(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recvBuffers");
        assertThatThrownBy(() -> DatagramOptions.defaults().sendBufferBytes(1000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sendBufferBytes");
    }

    @Test
    void addressesRoundTripWithoutLosingAnything() throws Exception {
        InetSocketAddress v4 = new InetSocketAddress(InetAddress.getByName("192.0.2.7"), 5353);
        InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("2001:db8::7"), 443);
        assertThat(DatagramAddress.of(v4).toInetSocketAddress()).isEqualTo(v4);
        assertThat(DatagramAddress.of(v6).toInetSocketAddress()).isEqualTo(v6);
        assertThat(DatagramAddress.of(v6).isIpv6()).isTrue();
        DatagramAddress copy = new DatagramAddress().set(DatagramAddress.of(v4));
        assertThat(copy.sameAs(DatagramAddress.of(v4))).isTrue();
        assertThat(copy.sameAs(DatagramAddress.of(v6))).isFalse();
        MemorySegment raw = Arena.ofAuto().allocate(32);
        DatagramAddress back = new DatagramAddress();
        assertThat(back.decode(raw, 0, DatagramAddress.of(v4).encode(raw, 0, true))).isTrue();   // v4-mapped on v6
        assertThat(back.toInetSocketAddress()).isEqualTo(v4);
        assertThat(back.decode(raw, 0, back.encode(raw, 0, false))).isTrue();                       // and back to v4
        assertThat(back.isIpv6()).isFalse();
        assertThat(DatagramAddress.of(v6).encode(raw, 0, false)).isEqualTo(-1);
    }

    @Test
    void optionsOnlyIoUringHonoursAreRefusedOnNioNamingThem() {
        DatagramOptions.defaults().requireNio();            // GSO/GRO "where the kernel has them": fine on both
        DatagramOptions.defaults().gso(false).gro(false).maxDatagramSize(1000).sendQueueDatagrams(8).requireNio();
        DatagramOptions.defaults().gso(true).gso(false).requireNio();
        assertThatThrownBy(() -> DatagramOptions.defaults().recvBuffers(64).requireNio())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DatagramOptions.recvBuffers")
                .hasMessageContaining("SO_RCVBUF");
        assertThatThrownBy(() -> DatagramOptions.defaults().gso(true).requireNio())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DatagramOptions.gso(true)");
        assertThatThrownBy(() -> DatagramOptions.defaults().gro(true).requireNio())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DatagramOptions.gro(true)");
        assertThatThrownBy(() -> DatagramOptions.defaults().gso(false).gsoMaxSegment(9000).requireNio())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DatagramOptions.gsoMaxSegment");
    }
}
