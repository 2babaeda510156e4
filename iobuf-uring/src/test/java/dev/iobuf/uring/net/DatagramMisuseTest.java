package dev.iobuf.uring.net;

import static dev.iobuf.uring.net.NetTestSupport.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iobuf.uring.KernelTest;
import dev.iobuf.uring.UnsupportedFeatureException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Bad input and backpressure on UDP endpoints: clear exceptions, nothing queued, state unchanged. */
@KernelTest
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DatagramMisuseTest {

    private static <T> T onLoop(EventLoop loop, Supplier<T> what) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                f.complete(what.get());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        try {
            return f.get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    @Test
    void badSendsAreRefusedWithTheReason() throws Exception {
        EventLoopGroup group = group(b -> b.threads(1));
        EventLoop loop = group.loops().get(0);
        DatagramBinding udp = group.bindDatagram(NetTestSupport.anyPort(), (e, b, o, l, s) -> { },
                DatagramOptions.defaults().maxDatagramSize(1000));
        DatagramEndpoint e = udp.endpoints().get(0);
        MemorySegment big = Arena.ofAuto().allocate(1001);
        DatagramAddress sink = DatagramAddress.of(udp.localAddress());
        assertThatThrownBy(() -> onLoop(loop, () -> e.send(big, sink)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDatagramSize");
        DatagramAddress v6 = DatagramAddress.of(new InetSocketAddress(InetAddress.getByName("2001:db8::1"), 9));
        assertThatThrownBy(() -> onLoop(loop, () -> e.send(big.asSlice(0, 10), v6)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IPv6");
        assertThatThrownBy(() -> onLoop(loop, () -> e.send(big.asSlice(0, 10), new DatagramAddress())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds no address");
        assertThatThrownBy(() -> e.send(big.asSlice(0, 10), sink))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("loop thread");
        assertThat(e.counters().queued()).isZero();
        assertThatThrownBy(() -> onLoop(loop, () -> group.bindDatagram(NetTestSupport.anyPort(), (x, b, o, l, s) -> { })))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("outside the group's loops");
        udp.close();
        NetTestSupport.shutdownClean(group);
    }

    @Test
    void aFullQueueRefusesThenSaysWhenItHasRoom() throws Exception {
        EventLoopGroup group = group(b -> b.threads(1));
        EventLoop loop = group.loops().get(0);
        CountDownLatch writable = new CountDownLatch(1);
        DatagramBinding udp = group.bindDatagram(NetTestSupport.anyPort(), new DatagramHandler() {
            @Override
            public void onDatagram(DatagramEndpoint e, MemorySegment b, long o, int l, DatagramAddress s) {
            }

            @Override
            public void onWritable(DatagramEndpoint endpoint) {
                writable.countDown();
            }
        }, DatagramOptions.defaults().sendQueueDatagrams(4));
        DatagramEndpoint e = udp.endpoints().get(0);
        MemorySegment one = Arena.ofAuto().allocate(100);
        DatagramAddress sink = DatagramAddress.of(udp.localAddress());
        String outcome = onLoop(loop, () -> {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                s.append(e.send(one, sink) ? 'T' : 'F');
            }
            return s.append(e.isWritable() ? " writable" : " full").toString();
        });
        assertThat(outcome).isEqualTo("TTTTFF full");
        assertThat(writable.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(onLoop(loop, e::isWritable)).isTrue();
        assertThat(e.counters().sendsRefused()).isEqualTo(2);
        udp.close();
        NetTestSupport.shutdownClean(group);
    }

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
    void anOlderKernelIsRefusedNamingTheVersionNeeded() {
        assertThatThrownBy(() -> UnsupportedFeatureException.requireKernel("IORING_OP_RECVMSG with IORING_RECV_MULTISHOT",
                "99.0", "a UDP endpoint"))
                .isInstanceOf(UnsupportedFeatureException.class)
                .hasMessageContaining("a UDP endpoint needs IORING_OP_RECVMSG with IORING_RECV_MULTISHOT (Linux 99.0)")
                .satisfies(t -> assertThat(((UnsupportedFeatureException) t).since()).isEqualTo("99.0"));
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
    void aCompletionForAClosedEndpointIsCountedStale() throws Exception {
        EventLoopGroup group = group(b -> b.threads(1));
        EventLoop loop = group.loops().get(0);
        DatagramBinding udp = group.bindDatagram(NetTestSupport.anyPort(), (e, b, o, l, s) -> { });
        udp.close();
        // slot 0, generation 1 was the endpoint just closed: a completion naming it matches nothing live
        long userData = dev.iobuf.uring.UserData.of(Op.DGRAM_SEND, 3, 0, 1);
        assertThat(onLoop(loop, () -> {
            loop.sqe().nop().userData(userData);
            return loop.staleCompletions();
        })).isZero();
        assertThat(NetTestSupport.await(() -> {
            try {
                return onLoop(loop, loop::staleCompletions) == 1;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, java.time.Duration.ofSeconds(5))).isTrue();
        assertThat(group.shutdownGracefully(java.time.Duration.ofSeconds(5))).isTrue();
        assertThat(group.counters().isQuiescent()).isTrue();
    }
}
