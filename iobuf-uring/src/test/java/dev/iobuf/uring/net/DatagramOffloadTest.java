package dev.iobuf.uring.net;

import static dev.iobuf.uring.net.NetTestSupport.group;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.uring.KernelTest;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * UDP GSO (a run of equal-size datagrams to one address leaves in one sendmsg with UDP_SEGMENT) and GRO (the
 * kernel hands a coalesced run to a UDP_GRO socket with its segment size): each path is shown taken by its
 * counters, and the datagrams arrive whole and in order.
 */
@KernelTest
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DatagramOffloadTest {
    private static final int RUN = 40;
    private static final int SIZE = 1000;

    private static boolean onLoop(EventLoop loop, java.util.function.BooleanSupplier what) throws Exception {
        CompletableFuture<Boolean> f = new CompletableFuture<>();
        loop.execute(() -> f.complete(what.getAsBoolean()));
        return f.get(5, TimeUnit.SECONDS);
    }

    /** RUN datagrams of SIZE bytes, datagram i filled with byte i, from {@code from} to {@code to}, in one turn. */
    private static void burst(EventLoop loop, DatagramEndpoint from, DatagramAddress to) throws Exception {
        assertThat(onLoop(loop, () -> {
            MemorySegment one = Arena.ofAuto().allocate(SIZE);
            boolean all = true;
            for (int i = 0; i < RUN; i++) {
                one.fill((byte) i);
                all &= from.send(one, to);
            }
            return all;
        })).isTrue();
    }

    @Test
    void aRunOfEqualDatagramsLeavesInOneSegmentedSend() throws Exception {
        EventLoopGroup group = group(b -> b.threads(1));
        EventLoop loop = group.loops().get(0);
        DatagramBinding udp = group.bindDatagram(NetTestSupport.anyPort(), (e, b, o, l, s) -> { });
        UringDatagramEndpoint endpoint = (UringDatagramEndpoint) udp.endpoints().get(0);
        try (DatagramSocket client = new DatagramSocket(new InetSocketAddress(NetTestSupport.LOOPBACK, 0))) {
            if (!onLoop(loop, endpoint::gsoOn)) {
                udp.close();
                NetTestSupport.shutdownClean(group);
                Assumptions.abort("this kernel has no UDP_SEGMENT (GSO, Linux 4.18): the GSO path cannot be shown");
            }
            client.setSoTimeout(5_000);
            client.setReceiveBufferSize(1 << 20);
            burst(loop, endpoint, DatagramAddress.of((InetSocketAddress) client.getLocalSocketAddress()));
            byte[] buf = new byte[2 * SIZE];
            for (int i = 0; i < RUN; i++) {           // the kernel cut the run into datagrams for this plain socket
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                client.receive(p);
                assertThat(p.getLength()).isEqualTo(SIZE);
                byte[] want = new byte[SIZE];
                Arrays.fill(want, (byte) i);
                assertThat(Arrays.copyOf(buf, SIZE)).as("datagram %d", i).isEqualTo(want);
            }
        }
        DatagramCounters c = udp.counters();
        assertThat(c.gsoSends()).isEqualTo(1);
        assertThat(c.gsoDatagrams()).isEqualTo(RUN);
        assertThat(c.sendCalls()).isEqualTo(1);
        assertThat(c.sent()).isEqualTo(RUN);
        udp.close();
        NetTestSupport.shutdownClean(group);
    }

    @Test
    void withoutGsoEachDatagramIsItsOwnSend() throws Exception {
        EventLoopGroup group = group(b -> b.threads(1));
        EventLoop loop = group.loops().get(0);
        DatagramBinding udp = group.bindDatagram(NetTestSupport.anyPort(), (e, b, o, l, s) -> { },
                DatagramOptions.defaults().gso(false));
        try (DatagramSocket client = new DatagramSocket(new InetSocketAddress(NetTestSupport.LOOPBACK, 0))) {
            client.setSoTimeout(5_000);
            client.setReceiveBufferSize(1 << 20);
            burst(loop, udp.endpoints().get(0), DatagramAddress.of((InetSocketAddress) client.getLocalSocketAddress()));
            for (int i = 0; i < RUN; i++) {
                client.receive(new DatagramPacket(new byte[SIZE], SIZE));
            }
        }
        DatagramCounters c = udp.counters();
        assertThat(c.gsoSends()).isZero();
        assertThat(c.sendCalls()).isEqualTo(RUN);
        udp.close();
        NetTestSupport.shutdownClean(group);
    }

    @Test
    void aCoalescedRunArrivesAsItsDatagrams() throws Exception {
        EventLoopGroup group = group(b -> b.threads(1));
        EventLoop loop = group.loops().get(0);
        List<byte[]> got = new CopyOnWriteArrayList<>();
        DatagramBinding receiver = group.bindDatagram(NetTestSupport.anyPort(),
                (e, b, o, l, s) -> got.add(b.asSlice(o, l).toArray(ValueLayout.JAVA_BYTE)));
        DatagramBinding sender = group.bindDatagram(NetTestSupport.anyPort(), (e, b, o, l, s) -> { });
        UringDatagramEndpoint in = (UringDatagramEndpoint) receiver.endpoints().get(0);
        UringDatagramEndpoint out = (UringDatagramEndpoint) sender.endpoints().get(0);
        if (!onLoop(loop, () -> in.groOn() && out.gsoOn())) {
            receiver.close();
            sender.close();
            NetTestSupport.shutdownClean(group);
            Assumptions.abort("this kernel lacks UDP_GRO (Linux 5.0) or UDP_SEGMENT: the GRO path cannot be shown");
        }
        burst(loop, out, DatagramAddress.of(receiver.localAddress()));
        assertThat(NetTestSupport.await(() -> got.size() == RUN, java.time.Duration.ofSeconds(5))).isTrue();
        for (int i = 0; i < RUN; i++) {
            byte[] want = new byte[SIZE];
            Arrays.fill(want, (byte) i);
            assertThat(got.get(i)).as("datagram %d", i).isEqualTo(want);
        }
        DatagramCounters c = receiver.counters();
        // Loopback hands a GSO run to a UDP_GRO socket whole: one receive, its segment size in a cmsg.
        assertThat(c.groReceives()).isEqualTo(1);
        assertThat(c.groDatagrams()).isEqualTo(RUN);
        assertThat(c.received()).isEqualTo(RUN);
        receiver.close();
        sender.close();
        NetTestSupport.shutdownClean(group);
    }
}
