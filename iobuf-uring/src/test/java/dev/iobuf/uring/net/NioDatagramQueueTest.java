package dev.iobuf.uring.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.MembershipKey;
import java.nio.channels.spi.SelectorProvider;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The NIO send queue against a channel whose kernel says "full" (send returns 0) or refuses a datagram: the rest waits
 * in order for the next try, a refused one is counted and skipped, a 0-byte datagram is sent, and a peer's target
 * object is reused (the JDK re-encodes only a new object). Loopback never says "full" for UDP, so a scripted channel.
 */
class NioDatagramQueueTest {
    /** What each send call does: a byte count to take, 0 for "full", -1 to throw. */
    private static final class ScriptedChannel extends DatagramChannel {
        final ArrayDeque<Integer> script = new ArrayDeque<>();
        final List<String> sent = new ArrayList<>();
        final List<SocketAddress> targets = new ArrayList<>();

        ScriptedChannel() {
            super(SelectorProvider.provider());
        }

        @Override
        public int send(ByteBuffer src, SocketAddress target) throws IOException {
            int what = script.isEmpty() ? src.remaining() : script.poll();
            if (what < 0) {
                throw new SocketException("Network is unreachable");
            }
            if (what == 0 && src.remaining() > 0) {
                return 0;
            }
            byte[] b = new byte[src.remaining()];
            src.get(b);
            sent.add(b.length + ":" + (b.length == 0 ? "-" : String.valueOf(b[0])));
            targets.add(target);
            return b.length;
        }

        @Override public DatagramChannel bind(SocketAddress local) { throw new UnsupportedOperationException(); }
        @Override public <T> DatagramChannel setOption(SocketOption<T> name, T value) { throw new UnsupportedOperationException(); }
        @Override public <T> T getOption(SocketOption<T> name) { throw new UnsupportedOperationException(); }
        @Override public Set<SocketOption<?>> supportedOptions() { return Set.of(); }
        @Override public java.net.DatagramSocket socket() { throw new UnsupportedOperationException(); }
        @Override public boolean isConnected() { return false; }
        @Override public DatagramChannel connect(SocketAddress remote) { throw new UnsupportedOperationException(); }
        @Override public DatagramChannel disconnect() { return this; }
        @Override public SocketAddress getRemoteAddress() { return null; }
        @Override public SocketAddress receive(ByteBuffer dst) { return null; }
        @Override public int read(ByteBuffer dst) { return 0; }
        @Override public long read(ByteBuffer[] dsts, int offset, int length) { return 0; }
        @Override public int write(ByteBuffer src) { throw new UnsupportedOperationException(); }
        @Override public long write(ByteBuffer[] srcs, int offset, int length) { throw new UnsupportedOperationException(); }
        @Override public SocketAddress getLocalAddress() { return null; }
        @Override public MembershipKey join(InetAddress group, NetworkInterface interf) { throw new UnsupportedOperationException(); }
        @Override public MembershipKey join(InetAddress group, NetworkInterface interf, InetAddress source) {
            throw new UnsupportedOperationException();
        }
        @Override protected void implCloseSelectableChannel() { }
        @Override protected void implConfigureBlocking(boolean block) { }
    }

    private static boolean offer(NioDatagramQueue q, MemorySegment data, int size, byte fill, DatagramAddress to) {
        data.asSlice(0, size).fill(fill);
        return q.offer(data, 0, size, to);
    }

    @Test
    void whatTheKernelCannotTakeYetWaitsInOrderAndARefusedDatagramIsCountedAndSkipped() throws Exception {
        DatagramStats stats = new DatagramStats();
        NioDatagramQueue q = new NioDatagramQueue(false, DatagramOptions.defaults().sendQueueDatagrams(8), stats);
        MemorySegment data = Arena.ofAuto().allocate(100);
        DatagramAddress peer = DatagramAddress.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 9));
        for (int i = 1; i <= 4; i++) {
            assertThat(offer(q, data, 100, (byte) i, peer)).isTrue();
        }
        assertThat(offer(q, data, 0, (byte) 0, peer)).isTrue();
        try (ScriptedChannel ch = new ScriptedChannel()) {
            ch.script.addAll(List.of(100, 0));          // the first goes, then the socket is full
            assertThat(q.send(ch)).as("full: wait for OP_WRITE").isFalse();
            assertThat(ch.sent).containsExactly("100:1");
            assertThat(q.queued()).isEqualTo(4);
            assertThat(q.hasUnsent()).isTrue();
            ch.script.addAll(List.of(-1));              // writable again: the next is refused, the rest go
            assertThat(q.send(ch)).isTrue();
            assertThat(ch.sent).containsExactly("100:1", "100:3", "100:4", "0:-");
            assertThat(q.queued()).isZero();
            assertThat(ch.targets).as("one target object for one peer").allSatisfy(t -> assertThat(t).isSameAs(ch.targets.get(0)));
        }
        assertThat(stats.sent).isEqualTo(4);
        assertThat(stats.sentBytes).isEqualTo(300);
        assertThat(stats.sendErrors).isEqualTo(1);
        assertThat(stats.sendCalls).as("5 datagrams, one retried").isEqualTo(6);
        q.close();
    }
}
