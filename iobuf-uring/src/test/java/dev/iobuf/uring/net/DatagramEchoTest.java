package dev.iobuf.uring.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * UDP endpoints on real sockets with JDK {@link DatagramChannel} clients: many senders, sizes up to 65,507,
 * IPv4 and IPv6, close while datagrams are in flight; counters end at zero and /proc/self/fd returns to its start.
 * On every transport ({@link TransportSuite}).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
abstract class DatagramEchoTest extends TransportSuite {
    /** The JDK opens one fd for good on first closing a channel (its pre-close socket pair): not ours to count. */
    @org.junit.jupiter.api.BeforeAll
    static void warmJdkChannels() throws IOException {
        try (DatagramChannel ch = DatagramChannel.open()) {
            ch.bind(NetTestSupport.anyPort());
        }
    }

    /** A group with an echo binding, and the fd count before it existed. */
    private record Served(EventLoopGroup group, UdpEcho echo, DatagramBinding udp, int fdsBefore) {

        /** Shuts the group down clean (counters at zero) and checks /proc/self/fd is back where it was. */
        void endClean() {
            NetTestSupport.shutdownClean(group);
            assertThat(NetTestSupport.openFds()).isEqualTo(fdsBefore);
        }
    }

    /** A group of {@code loops} loops on this suite's transport with an echo binding on {@code address}. */
    private Served serve(int loops, InetSocketAddress address) {
        int fdsBefore = NetTestSupport.openFds();
        EventLoopGroup group = group(b -> b.threads(loops));
        UdpEcho echo = new UdpEcho(loops);
        return new Served(group, echo, group.bindDatagram(address, echo), fdsBefore);
    }

    static DatagramChannel client(InetAddress bindTo) throws IOException {
        DatagramChannel ch = DatagramChannel.open(bindTo instanceof Inet6Address ? StandardProtocolFamily.INET6
                : StandardProtocolFamily.INET);
        ch.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
        ch.bind(new InetSocketAddress(bindTo, 0));
        return ch;
    }

    /** Sends each datagram and waits for its echo (lock-step: loopback then loses nothing), comparing bytes. */
    static void echoBlocking(InetAddress at, InetSocketAddress server, int count, int[] sizes, long seed) throws Exception {
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(new InetSocketAddress(at, 0))) {
            s.setSoTimeout(5_000);
            s.setReceiveBufferSize(1 << 20);
            byte[] buf = new byte[DatagramOptions.MAX_DATAGRAM + 1];
            for (int i = 0; i < count; i++) {
                byte[] msg = NetTestSupport.pattern(sizes[i % sizes.length], seed + i);
                s.send(new java.net.DatagramPacket(msg, msg.length, server));
                java.net.DatagramPacket p = new java.net.DatagramPacket(buf, buf.length);
                s.receive(p);
                assertThat(java.util.Arrays.copyOf(buf, p.getLength())).as("echo of datagram %d", i).isEqualTo(msg);
            }
        }
    }

    @Test
    void manySendersGetEveryDatagramBack() throws Exception {
        Served s = serve(2, NetTestSupport.anyPort());
        DatagramBinding udp = s.udp();
        assertThat(udp.endpoints()).hasSize(2);
        int senders = 8;
        int each = 300;
        int[] sizes = {1, 17, 100, 512, 1200, 1472, 3000};
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                long seed = i * 1000L;
                done.add(pool.submit(() -> {
                    echoBlocking(NetTestSupport.LOOPBACK, udp.localAddress(), each, sizes, seed);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        DatagramCounters c = udp.counters();
        assertThat(c.received()).isEqualTo((long) senders * each);
        assertThat(NetTestSupport.await(() -> udp.counters().sent() == (long) senders * each, Duration.ofSeconds(5))).isTrue();
        assertThat(c.sendsRefused() + c.sendErrors() + c.handlerErrors() + c.truncated() + c.staleCompletions()).isZero();
        assertThat(s.echo().errors).isEmpty();
        udp.close();
        assertThat(s.echo().closed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(udp.counters().queued()).isZero();
        s.endClean();
    }

    @Test
    void datagramsUpTo65507BytesComeBackWhole() throws Exception {
        Served s = serve(1, NetTestSupport.anyPort());
        DatagramBinding udp = s.udp();
        echoBlocking(NetTestSupport.LOOPBACK, udp.localAddress(), 12, new int[] {0, 1, 1472, 1473, 9000, 32_768,
                65_000, DatagramOptions.MAX_DATAGRAM}, 7);
        assertThat(udp.counters().received()).isEqualTo(12);
        assertThat(udp.counters().truncated()).isZero();
        udp.close();
        s.endClean();
    }

    @Test
    void ipv6EndpointsEcho() throws Exception {
        InetAddress v6 = InetAddress.getByName("::1");
        try (DatagramChannel probe = DatagramChannel.open(StandardProtocolFamily.INET6)) {
            probe.bind(new InetSocketAddress(v6, 0));
        } catch (IOException e) {
            Assumptions.abort("no IPv6 loopback here (" + e + "), skipping");
        }
        Served s = serve(2, new InetSocketAddress(v6, 0));
        DatagramBinding udp = s.udp();
        assertThat(udp.localAddress().getAddress()).isEqualTo(v6);
        echoBlocking(v6, udp.localAddress(), 200, new int[] {5, 1000, 40_000}, 3);
        assertThat(udp.counters().received()).isEqualTo(200);
        udp.close();
        s.endClean();
    }

    @Test
    void closingWhileDatagramsAreInFlightLeavesNothingBehind() throws Exception {
        Served s = serve(2, NetTestSupport.anyPort());
        DatagramBinding udp = s.udp();
        try (DatagramChannel ch = client(NetTestSupport.LOOPBACK)) {
            ByteBuffer msg = ByteBuffer.wrap(NetTestSupport.pattern(1000, 1));
            for (int i = 0; i < 3000; i++) {
                ch.send(msg.rewind(), udp.localAddress());
                if (i == 1500) {
                    udp.close();            // mid-stream: receives cancelled, queued echoes drained, sockets closed
                }
            }
        }
        assertThat(s.echo().closed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(udp.isOpen()).isFalse();
        DatagramCounters c = udp.counters();
        assertThat(c.queued()).isZero();
        assertThat(c.received()).isPositive();
        assertThat(c.sent() + c.sendErrors()).isEqualTo(c.received() - c.sendsRefused());
        s.endClean();
    }

    @Test
    void shutdownClosesOpenEndpoints() throws Exception {
        Served s = serve(2, NetTestSupport.anyPort());
        DatagramBinding udp = s.udp();
        echoBlocking(NetTestSupport.LOOPBACK, udp.localAddress(), 10, new int[] {100}, 1);
        s.endClean();
        assertThat(s.echo().closed.getCount()).isZero();
        assertThat(udp.isOpen()).isFalse();
    }

    @Test
    void aThrowingHandlerIsReportedAndTheEndpointGoesOn() throws Exception {
        EventLoopGroup group = group(b -> b.threads(1));
        UdpEcho echo = new UdpEcho(1) {
            @Override
            public void onDatagram(DatagramEndpoint endpoint, java.lang.foreign.MemorySegment buffer, long offset,
                                   int length, DatagramAddress sender) {
                if (length == 4 && buffer.get(java.lang.foreign.ValueLayout.JAVA_BYTE, offset) == 'b') {
                    throw new IllegalStateException("boom");
                }
                super.onDatagram(endpoint, buffer, offset, length, sender);
            }
        };
        DatagramBinding udp = group.bindDatagram(NetTestSupport.anyPort(), echo);
        try (java.net.DatagramSocket s = new java.net.DatagramSocket(new InetSocketAddress(NetTestSupport.LOOPBACK, 0))) {
            s.setSoTimeout(5_000);
            s.send(new java.net.DatagramPacket("boom".getBytes(), 4, udp.localAddress()));
            s.send(new java.net.DatagramPacket("fine".getBytes(), 4, udp.localAddress()));
            java.net.DatagramPacket p = new java.net.DatagramPacket(new byte[16], 16);
            s.receive(p);
            assertThat(new String(p.getData(), 0, p.getLength())).isEqualTo("fine");
        }
        assertThat(udp.counters().handlerErrors()).isEqualTo(1);
        assertThat(echo.errors).singleElement().satisfies(e -> assertThat(e).hasMessage("boom"));
        udp.close();
        NetTestSupport.shutdownClean(group);
    }

    /**
     * A burst far larger than the socket's send buffer, queued in one turn, arrives whole and in order. (Loopback
     * frees a UDP send's buffer space at once, so the kernel never says "full" here: NIO's wait for OP_WRITE is
     * shown by {@link NioDatagramQueueTest} with a channel that does.)
     */
    @Test
    void aBurstLargerThanTheSocketSendBufferArrivesWhole() throws Exception {
        int size = 1000;
        EventLoopGroup group = group(b -> b.threads(1));
        DatagramBinding udp = group.bindDatagram(NetTestSupport.anyPort(), (e, b, o, l, s) -> { },
                DatagramOptions.defaults().socketOptions(SocketOptions.of().with(StandardSocketOptions.SO_SNDBUF, 4096)));
        DatagramEndpoint e = udp.endpoints().get(0);
        try (DatagramChannel receiver = client(NetTestSupport.LOOPBACK)) {
            receiver.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
            // The receiver reads only after the burst, so the burst must fit its receive buffer, which
            // net.core.rmem_max caps (212,992 B by default: the qemu kernels' guests); a datagram takes up to ~4 KiB
            // of it (skb overhead). Still 12x or more the 4 KiB send buffer.
            int count = Math.min(300, receiver.getOption(StandardSocketOptions.SO_RCVBUF) / 4096);
            assertThat(count).as("datagrams that fit the receive buffer").isGreaterThanOrEqualTo(50);
            DatagramAddress to = DatagramAddress.of((InetSocketAddress) receiver.getLocalAddress());
            java.lang.foreign.MemorySegment one = java.lang.foreign.Arena.ofAuto().allocate(size);
            assertThat(DatagramMisuseTest.onLoop(group.loops().get(0), () -> {
                boolean all = true;
                for (int i = 0; i < count; i++) {
                    one.fill((byte) i);
                    all &= e.send(one, to);
                }
                return all;
            })).isTrue();
            receiver.socket().setSoTimeout(5_000);
            ByteBuffer in = ByteBuffer.allocate(2 * size);
            for (int i = 0; i < count; i++) {
                in.clear();
                java.net.DatagramPacket p = new java.net.DatagramPacket(in.array(), in.capacity());
                receiver.socket().receive(p);
                assertThat(p.getLength()).isEqualTo(size);
                assertThat(in.get(0)).as("datagram %d in order", i).isEqualTo((byte) i);
            }
            assertThat(NetTestSupport.await(() -> e.counters().sent() == count, Duration.ofSeconds(5))).isTrue();
            System.out.println(transport() + ": " + count + " x " + size + " B through a 4 KiB SO_SNDBUF: " + e.counters());
        }
        DatagramCounters c = e.counters();
        assertThat(c.sendErrors() + c.sendsRefused()).isZero();
        udp.close();
        NetTestSupport.shutdownClean(group);
    }
}
