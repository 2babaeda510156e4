package dev.iobuf.examples;

import dev.iobuf.BufferPool;
import dev.iobuf.BufferTier;
import dev.iobuf.liburing.LibcAbi;
import dev.iobuf.liburing.in_addr;
import dev.iobuf.liburing.sockaddr_in;
import dev.iobuf.uring.BufferRing;
import dev.iobuf.uring.Opcode;
import dev.iobuf.uring.Ring;
import dev.iobuf.uring.UringException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.BitSet;
import java.util.concurrent.TimeUnit;

/**
 * {@link UringCheck}'s provided-buffer step: a TCP connection over loopback whose receiving end is an
 * io_uring socket (IORING_OP_SOCKET, CONNECT, then RECV with IOSQE_BUFFER_SELECT on a
 * {@link BufferRing} group), and whose sending end is the JDK's own socket, on another thread. Every
 * received byte is compared with what was sent, every buffer goes back to the ring, and at the end all
 * buffers are in the ring again (the group's counters prove nothing leaked).
 *
 * <p>One RECV is in flight at a time: two on the same stream socket could complete out of order.
 * Needs loopback only ({@code docker run --network none} has it).
 */
final class BufferRingRecvCheck {
    private static final int AF_INET = LibcAbi.AF_INET();
    private static final int STREAM_CLOEXEC = LibcAbi.SOCK_STREAM() | LibcAbi.SOCK_CLOEXEC();
    private static final int SOCKADDR_IN_BYTES = (int) sockaddr_in.sizeof();
    private static final ValueLayout.OfShort NETWORK_SHORT = ValueLayout.JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN);
    private static final int GROUP = 7;
    private static final long SOCKET = 1;
    private static final long CONNECT = 2;
    private static final long RECV = 3;
    private static final long CLOSE = 4;
    private static final BufferTier TIER = BufferTier.SMALL;

    private final Ring ring;
    private final CheckCompletions completions;

    BufferRingRecvCheck(Ring ring) {
        this.ring = ring;
        this.completions = new CheckCompletions(ring, "buffer-ring");
    }

    /** Receives {@code bytes} bytes through a group of {@code buffers} buffers; returns the report. */
    String run(int buffers, long bytes) {
        ring.require(Opcode.SOCKET);
        ring.require(Opcode.CONNECT);
        ring.require(Opcode.RECV);
        try (ServerSocketChannel server = ServerSocketChannel.open()
                     .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             BufferPool pool = BufferPool.of(TIER, buffers);
             BufferRing group = BufferRing.register(ring, GROUP, pool, buffers)) {
            int fd = socket();
            try {
                connect(fd, ((InetSocketAddress) server.getLocalAddress()).getPort());
                Sender sender = new Sender(server.accept(), bytes);
                Thread thread = Thread.ofPlatform().daemon().name("uring-check-sender").start(sender);
                Received got = receive(fd, group, bytes);
                sender.finish(thread);
                if (group.count(BufferRing.State.IN_RING) != group.count()) {
                    throw new IllegalStateException("buffer-ring: after the transfer only "
                            + group.count(BufferRing.State.IN_RING) + " of " + group.count()
                            + " buffers are back in the ring: " + group);
                }
                return "buffer-ring recv bytes=" + bytes + " recvs=" + got.recvs() + " buffers=" + group.count()
                        + " x " + pool.bufferSize() + " B, ids used=" + got.idsUsed();
            } finally {
                close(fd);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("buffer-ring: the JDK side of the loopback connection failed: " + e, e);
        }
    }

    private record Received(int recvs, int idsUsed) {
    }

    /**
     * RECVs until {@code bytes} arrived and then the sender's EOF; checks each buffer's bytes, returns
     * each buffer to the ring at once.
     */
    private Received receive(int fd, BufferRing group, long bytes) {
        long received = 0;
        int recvs = 0;
        BitSet ids = new BitSet();
        while (true) {
            ring.nextSqe().recvSelect(fd, group.groupId(), group.pool().bufferSize(), 0).userData(RECV);
            CheckCompletions.Completion c = completions.await(RECV);
            recvs++;
            if (c.result() < 0) {
                throw new UringException("recv(fd=" + fd + ", buffer group " + group.groupId() + ") after " + received
                        + " of " + bytes + " bytes", c.result(), null);
            }
            int bid = group.select(c.result(), c.flags());
            if (bid >= 0) {
                ids.set(bid);
                MemorySegment data = group.take(bid).asSlice(group.dataOffset(bid), group.dataLength(bid));
                verify(data, received);
                group.release(bid);
            }
            if (c.result() == 0) {
                if (received != bytes) {
                    throw new IllegalStateException("buffer-ring: the connection ended after " + received + " of "
                            + bytes + " bytes");
                }
                return new Received(recvs, ids.cardinality());
            }
            if (bid < 0) {
                throw new IllegalStateException("buffer-ring: recv returned " + c.result()
                        + " bytes but its completion names no buffer (flags 0x" + Integer.toHexString(c.flags()) + ")");
            }
            received += c.result();
            if (received > bytes) {
                throw new IllegalStateException("buffer-ring: received " + received + " bytes, only " + bytes + " were sent");
            }
        }
    }

    private static void verify(MemorySegment data, long streamOffset) {
        long bad = FixedIoCheck.firstMismatch(data, streamOffset, (int) data.byteSize());
        if (bad >= 0) {
            throw new IllegalStateException("buffer-ring: byte " + bad + " of the stream differs from what was sent");
        }
    }

    private int socket() {
        ring.nextSqe().socket(AF_INET, STREAM_CLOEXEC, 0, 0).userData(SOCKET);
        int fd = completions.await(SOCKET).result();
        if (fd < 0) {
            throw new UringException("socket(AF_INET, SOCK_STREAM)", fd, null);
        }
        return fd;
    }

    private void connect(int fd, int port) {
        {
            // An automatic arena: the ring keeps the address reachable until the completion.
            MemorySegment addr = sockaddr_in.allocate(Arena.ofAuto());      // zeroed: sin_zero
            sockaddr_in.sin_family(addr, (short) AF_INET);                     // host byte order
            addr.set(NETWORK_SHORT, sockaddr_in.sin_port$offset(), (short) port); // network byte order
            MemorySegment.copy(new byte[] {127, 0, 0, 1}, 0, addr, ValueLayout.JAVA_BYTE,
                    sockaddr_in.sin_addr$offset(), (int) in_addr.sizeof());      // 127.0.0.1
            ring.nextSqe().connect(fd, addr).userData(CONNECT);
            int rc = completions.await(CONNECT).result();
            if (rc < 0) {
                throw new UringException("connect(fd=" + fd + ", 127.0.0.1:" + port + ")", rc, null);
            }
        }
    }

    private void close(int fd) {
        ring.nextSqe().close(fd).userData(CLOSE);
        int rc = completions.await(CLOSE).result();
        if (rc < 0) {
            throw new UringException("close(socket fd=" + fd + ")", rc, null);
        }
    }

    /** The JDK end: writes the pattern, then closes (the receiver's EOF). */
    private static final class Sender implements Runnable {
        private final SocketChannel channel;
        private final long bytes;
        private volatile Exception failure;

        Sender(SocketChannel channel, long bytes) {
            this.channel = channel;
            this.bytes = bytes;
        }

        @Override
        public void run() {
            try (SocketChannel c = channel) {
                ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
                for (long sent = 0; sent < bytes; ) {
                    chunk.clear();
                    int n = (int) Math.min(chunk.capacity(), bytes - sent);
                    for (int i = 0; i < n; i++) {
                        chunk.put(FixedIoCheck.patternAt(sent + i));
                    }
                    chunk.flip();
                    while (chunk.hasRemaining()) {
                        c.write(chunk);
                    }
                    sent += n;
                }
            } catch (IOException | RuntimeException e) {
                failure = e;
            }
        }

        /** Waits for the sender (it is done once the receiver saw EOF) and reports its failure. */
        void finish(Thread thread) {
            try {
                if (!thread.join(java.time.Duration.ofNanos(CheckCompletions.TIMEOUT_NANOS))) {
                    throw new IllegalStateException("buffer-ring: the JDK sender did not finish within "
                            + TimeUnit.NANOSECONDS.toSeconds(CheckCompletions.TIMEOUT_NANOS) + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("buffer-ring: interrupted while waiting for the sender", e);
            }
            if (failure != null) {
                throw new IllegalStateException("buffer-ring: the JDK sender failed: " + failure, failure);
            }
        }
    }
}
