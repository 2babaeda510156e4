package dev.iobuf.uring.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/**
 * Bad input and backpressure on UDP endpoints: clear exceptions, nothing queued, state unchanged; a datagram longer
 * than the endpoint takes is dropped and counted. On every transport ({@link TransportSuite}).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
abstract class DatagramMisuseTest extends TransportSuite {

    static <T> T onLoop(EventLoop loop, Supplier<T> what) throws Exception {
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
    void anEmptyQueueTakesAnyDatagramUpToItsCapacity() throws Exception {
        EventLoopGroup group = group(b -> b.threads(1));
        EventLoop loop = group.loops().get(0);
        DatagramBinding udp = group.bindDatagram(NetTestSupport.anyPort(), (e, b, o, l, s) -> { },
                DatagramOptions.defaults().maxDatagramSize(1000).sendBufferBytes(1000));
        DatagramEndpoint e = udp.endpoints().get(0);
        MemorySegment data = Arena.ofAuto().allocate(1000);
        DatagramAddress sink = DatagramAddress.of(udp.localAddress());
        assertThat(onLoop(loop, () -> e.send(data.asSlice(0, 600), sink))).isTrue();
        assertThat(NetTestSupport.await(() -> e.counters().sent() == 1, java.time.Duration.ofSeconds(5))).isTrue();
        // 700 bytes no longer fit behind the first 600 of a 1000-byte ring: the drained queue starts over at 0
        assertThat(onLoop(loop, () -> e.send(data.asSlice(0, 700), sink) + " " + e.send(data, sink))).isEqualTo("true false");
        assertThat(NetTestSupport.await(() -> e.counters().sent() == 2, java.time.Duration.ofSeconds(5))).isTrue();
        assertThat(onLoop(loop, () -> e.send(data, sink))).isTrue();
        udp.close();
        NetTestSupport.shutdownClean(group);
    }

    @Test
    void aDatagramLongerThanTheEndpointTakesIsDroppedAndCounted() throws Exception {
        EventLoopGroup group = group(b -> b.threads(1));
        UdpEcho echo = new UdpEcho(1);
        DatagramBinding udp = group.bindDatagram(NetTestSupport.anyPort(), echo,
                DatagramOptions.defaults().maxDatagramSize(1000));
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(new InetSocketAddress(NetTestSupport.LOOPBACK, 0))) {
            s.setSoTimeout(5_000);
            for (int size : new int[] {1001, 5000, 1000}) {
                s.send(new java.net.DatagramPacket(new byte[size], size, udp.localAddress()));
            }
            java.net.DatagramPacket p = new java.net.DatagramPacket(new byte[6000], 6000);
            s.receive(p);
            assertThat(p.getLength()).as("only the datagram that fits comes back").isEqualTo(1000);
        }
        DatagramCounters c = udp.counters();
        assertThat(c.truncated()).isEqualTo(2);
        assertThat(c.received()).isEqualTo(1);
        udp.close();
        NetTestSupport.shutdownClean(group);
    }
}
