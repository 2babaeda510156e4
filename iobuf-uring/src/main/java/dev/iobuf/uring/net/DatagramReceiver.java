package dev.iobuf.uring.net;

import static dev.iobuf.liburing.LibUring.IORING_RECV_MULTISHOT;

import dev.iobuf.BufferPool;
import dev.iobuf.BufferTier;
import dev.iobuf.liburing.Errno;
import dev.iobuf.liburing.io_uring_recvmsg_out;
import dev.iobuf.liburing.msghdr;
import dev.iobuf.uring.BufferRing;
import dev.iobuf.uring.Ring;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A UDP endpoint's receive side: one multishot IORING_OP_RECVMSG (Linux 6.0) on the endpoint's own
 * provided-buffer group. For each datagram the kernel fills a buffer with a {@code struct io_uring_recvmsg_out}
 * header, then the sender's sockaddr (room: {@value #NAME_ROOM} bytes), then control messages (room:
 * {@value #CONTROL_ROOM}), then the payload; the CQE's result is how much of the buffer it used. This class reads
 * that in place: the sender into the endpoint's reusable {@link DatagramAddress}, a {@code UDP_GRO} control message
 * (the segment size of a coalesced run), and the payload, which it hands out one datagram at a time. The buffer
 * goes back to the ring right after; all returned buffers are published with one store per turn.
 *
 * <p>Why an own group per endpoint: a datagram must fit one buffer (up to 64 KiB, and a GRO run as much), while
 * the loop's stream buffers are sized for streams. Loop thread only; nothing allocates per datagram.
 */
final class DatagramReceiver {
    static final int NAME_ROOM = 32;                 // >= sizeof(struct sockaddr_in6), keeps the control 8-aligned
    static final int CONTROL_ROOM = 32;              // a UDP_GRO message: CMSG_SPACE(sizeof(int)) = 24
    static final int PAYLOAD_AT = (int) io_uring_recvmsg_out.sizeof() + NAME_ROOM + CONTROL_ROOM;
    private static final long NAMELEN = io_uring_recvmsg_out.namelen$offset();
    private static final long CONTROLLEN = io_uring_recvmsg_out.controllen$offset();
    private static final long PAYLOADLEN = io_uring_recvmsg_out.payloadlen$offset();
    private static final long FLAGS = io_uring_recvmsg_out.flags$offset();
    private static final long NAME_AT = io_uring_recvmsg_out.sizeof();

    /** What {@link #received} found. */
    static final int DELIVERED = 0;
    static final int NO_BUFFER = 1;
    static final int FAILED = 2;
    static final int IMPOSSIBLE = 3;

    private final Ring ring;
    private final int fd;
    private final BufferPool pool;
    private final BufferRing buffers;
    private final MemorySegment msg;
    private final DatagramStats stats;
    private final int maxDatagram;
    private final DatagramAddress sender = new DatagramAddress();
    private boolean unpublished;

    /** Registers the endpoint's buffer group {@code groupId} of buffers that hold {@code maxDatagram} after the header. */
    DatagramReceiver(Ring ring, int fd, int groupId, DatagramOptions options, DatagramStats stats, Arena arena) {
        this.ring = ring;
        this.fd = fd;
        this.stats = stats;
        this.maxDatagram = options.maxDatagramSize();
        BufferPool p = BufferPool.of(BufferTier.forSize((long) PAYLOAD_AT + options.maxDatagramSize()),
                options.recvBuffers());
        try {
            this.buffers = BufferRing.register(ring, groupId, p, options.recvBuffers());
        } catch (RuntimeException | Error e) {
            p.close();
            throw e;
        }
        this.pool = p;
        // The kernel reads the msghdr at prep: only the room sizes matter in multishot mode (no iovec: the
        // whole buffer; the control pointer is never written through but is made valid anyway).
        this.msg = arena.allocate(msghdr.sizeof(), 8);
        MemorySegment control = arena.allocate(CONTROL_ROOM, 8);
        msg.set(ValueLayout.JAVA_INT, msghdr.msg_namelen$offset(), NAME_ROOM);
        msg.set(ValueLayout.JAVA_LONG, msghdr.msg_control$offset(), control.address());
        msg.set(ValueLayout.JAVA_LONG, msghdr.msg_controllen$offset(), CONTROL_ROOM);
    }

    /** Bytes of payload room per buffer: a GRO run larger than this would be cut (GRO is used only if it is >= 64 KiB). */
    int payloadRoom() {
        return pool.bufferSize() - PAYLOAD_AT;
    }

    /** Arms the multishot recvmsg; {@code userData} names the endpoint. */
    void arm(long userData) {
        ring.nextSqe().recvmsgUnsafe(fd, msg.address(), 0).bufferSelect(buffers.groupId())
                .ioprio(IORING_RECV_MULTISHOT()).userData(userData);
    }

    /**
     * Accounts a receive completion and hands each datagram it carries to {@code endpoint}.
     *
     * @return {@link #DELIVERED} (possibly nothing: a truncated datagram), {@link #NO_BUFFER} ({@code -ENOBUFS}),
     *         {@link #FAILED} (another error; cancellation too), or {@link #IMPOSSIBLE} (names a buffer not in the ring)
     */
    int received(int result, int cqeFlags, UringDatagramEndpoint endpoint) {
        if (!buffers.canSelect(cqeFlags)) {
            return IMPOSSIBLE;
        }
        int bid = buffers.select(result, cqeFlags);
        if (bid < 0) {
            if (result >= 0) {
                return IMPOSSIBLE;
            }
            if (Errno.ENOBUFS.is(result)) {
                stats.recvNoBuffers++;
                return NO_BUFFER;
            }
            return FAILED;
        }
        MemorySegment buffer = buffers.take(bid);
        try {
            if (result >= PAYLOAD_AT) {
                deliver(buffer, buffers.dataOffset(bid), result, endpoint);
            }
        } finally {
            buffers.recycle(bid);
            unpublished = true;
        }
        return DELIVERED;
    }

    private void deliver(MemorySegment buffer, long base, int used, UringDatagramEndpoint endpoint) {
        int payload = buffer.get(ValueLayout.JAVA_INT, base + PAYLOADLEN);
        int bytes = used - PAYLOAD_AT;
        if ((buffer.get(ValueLayout.JAVA_INT, base + FLAGS) & DatagramSockets.MSG_TRUNC) != 0 || payload > bytes) {
            stats.truncated++;
            return;
        }
        if (!sender.decode(buffer, base + NAME_AT, Math.min(buffer.get(ValueLayout.JAVA_INT, base + NAMELEN), NAME_ROOM))) {
            return;                 // not IPv4/IPv6: cannot happen on an AF_INET(6) socket
        }
        int segment = groSegment(buffer, base + NAME_AT + NAME_ROOM,
                Math.min(buffer.get(ValueLayout.JAVA_INT, base + CONTROLLEN), CONTROL_ROOM));
        long at = base + PAYLOAD_AT;
        boolean whole = segment <= 0 || segment >= payload;
        if ((whole ? payload : segment) > maxDatagram) {
            stats.truncated++;          // fits the buffer but not the endpoint's size: dropped, as on NIO
            return;
        }
        if (whole) {
            endpoint.deliver(buffer, at, payload, sender);
            return;
        }
        stats.groReceives++;
        for (int off = 0; off < payload; off += segment) {
            stats.groDatagrams++;
            endpoint.deliver(buffer, at + off, Math.min(segment, payload - off), sender);
        }
    }

    /** The segment size of a UDP_GRO control message among {@code length} bytes of them at {@code at}, else 0. */
    private static int groSegment(MemorySegment buffer, long at, int length) {
        long end = at + length;
        while (at + DatagramSockets.CMSG_HEADER <= end) {
            long len = buffer.get(ValueLayout.JAVA_LONG, at + DatagramSockets.CMSG_LEN);
            if (len < DatagramSockets.CMSG_HEADER || at + len > end) {
                return 0;
            }
            if (buffer.get(ValueLayout.JAVA_INT, at + DatagramSockets.CMSG_LEVEL) == DatagramSockets.SOL_UDP
                    && buffer.get(ValueLayout.JAVA_INT, at + DatagramSockets.CMSG_TYPE) == DatagramSockets.UDP_GRO) {
                return buffer.get(ValueLayout.JAVA_INT, at + DatagramSockets.CMSG_HEADER);
            }
            at += (len + 7) & ~7L;
        }
        return 0;
    }

    /** Hands the buffers returned this turn back to the kernel (one store). */
    void publish() {
        if (unpublished) {
            unpublished = false;
            buffers.publish();
        }
    }

    /** Whether buffers are in the ring for a re-armed receive to take. */
    boolean hasBuffers() {
        return buffers.count(BufferRing.State.IN_RING) > 0;
    }

    /**
     * Unregisters the group. The pool is closed later ({@link #closePool}): the kernel may hold a buffer of it
     * until the ring is idle, which for a running loop is its end.
     */
    void unregister() {
        buffers.close();
    }

    /** Frees the pool once the ring is closed. */
    void closePool() {
        if (!pool.isClosed()) {
            pool.close();
        }
    }
}
