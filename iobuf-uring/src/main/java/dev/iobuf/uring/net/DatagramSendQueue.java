package dev.iobuf.uring.net;

import dev.iobuf.liburing.Errno;
import dev.iobuf.liburing.iovec;
import dev.iobuf.liburing.msghdr;
import dev.iobuf.uring.Ring;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A UDP endpoint's send queue: datagrams copied into one byte ring ({@code data}) in order, each with its
 * destination sockaddr, sent in batches at the end of the loop's turn ({@link #flush}): one IORING_OP_SENDMSG per
 * datagram, or one per run of equal-size datagrams to one address with a {@code UDP_SEGMENT} control message
 * (GSO: the kernel cuts the run into datagrams). All the turn's sendmsg SQEs go to the kernel in the loop's one
 * {@code io_uring_enter}.
 *
 * <p>The byte ring, the records and the backpressure rules are {@link DatagramQueue}'s (shared with the NIO
 * transport's {@link NioDatagramQueue}); this class adds the sockaddrs, the sendmsg batches and GSO.
 *
 * <p>Memory the kernel reads (data, sockaddrs, msghdr + iovec + cmsg per batch) stays untouched from the SQE to its
 * completion: space is freed only when the oldest batches completed, in order (a later batch completing first waits
 * for them). A batch's user_data carries its slot in {@code aux} (8 bits): at most {@value #BATCHES} in flight.
 *
 * <p>Nothing here allocates after construction. Loop thread only.
 */
final class DatagramSendQueue extends DatagramQueue {
    static final int BATCHES = 256;
    /** Segments per GSO send: the kernel's UDP_MAX_SEGMENTS (64 before Linux 6.9, 128 since). */
    private static final int MAX_SEGMENTS = 64;
    private static final int ADDR_STRIDE = 32;                 // >= sizeof(struct sockaddr_in6), 8-aligned
    private static final int BATCH_STRIDE = 128;
    private static final long IOV = 64;
    private static final long CMSG = IOV + iovec.sizeof();
    private static final int GSO_CONTROL = DatagramSockets.cmsgSpace(2);
    private static final long MSG_NAME = msghdr.msg_name$offset();
    private static final long MSG_NAMELEN = msghdr.msg_namelen$offset();
    private static final long MSG_IOV = msghdr.msg_iov$offset();
    private static final long MSG_IOVLEN = msghdr.msg_iovlen$offset();
    private static final long MSG_CONTROL = msghdr.msg_control$offset();
    private static final long MSG_CONTROLLEN = msghdr.msg_controllen$offset();
    private static final long MSG_FLAGS = msghdr.msg_flags$offset();

    static {
        if (msghdr.sizeof() > IOV || CMSG + GSO_CONTROL > BATCH_STRIDE) {
            throw new AssertionError("DatagramSendQueue batch layout does not fit: msghdr " + msghdr.sizeof() + " B");
        }
    }

    private final int fd;
    private final boolean ipv6;
    private final int gsoMaxSegment;
    private boolean gso;
    private final MemorySegment addrs;
    private final MemorySegment batches;
    private final int[] addrLength;
    // batches in flight, indexed by absolute number & (BATCHES - 1)
    private final int[] first = new int[BATCHES];
    private final int[] count = new int[BATCHES];
    private final boolean[] done = new boolean[BATCHES];
    private final boolean[] segmented = new boolean[BATCHES];
    private int bHead;
    private int bTail;

    DatagramSendQueue(int fd, boolean ipv6, DatagramOptions options, boolean gso, DatagramStats stats) {
        super(options, stats);
        this.fd = fd;
        this.ipv6 = ipv6;
        this.gsoMaxSegment = options.gsoMaxSegment();
        this.gso = gso;
        this.addrs = allocate((long) (mask + 1) * ADDR_STRIDE);
        this.batches = allocate((long) BATCHES * BATCH_STRIDE);
        this.addrLength = new int[mask + 1];
    }

    int inFlight() {
        return bTail - bHead;
    }

    /** The destination as a sockaddr in the record's slot of {@code addrs}. */
    @Override
    boolean keepAddress(int r, DatagramAddress to) {
        int alen = to.encode(addrs, (long) r * ADDR_STRIDE, ipv6);
        addrLength[r] = alen;
        return alen >= 0;
    }

    /** Prepares a sendmsg per datagram (or GSO run) not yet sent; {@code userData(aux)} names each. */
    void flush(Ring ring, Datagrams.UserDataOf userData) {
        while (rSent != rTail && bTail - bHead < BATCHES) {
            int n = runLength(rSent);
            int b = bTail & (BATCHES - 1);
            int r = rSent & mask;
            int bytes = bytesOf(rSent, n);
            long hdr = (long) b * BATCH_STRIDE;
            long base = batches.address();
            batches.set(ValueLayout.JAVA_LONG, hdr + MSG_NAME, addrs.address() + (long) r * ADDR_STRIDE);
            batches.set(ValueLayout.JAVA_INT, hdr + MSG_NAMELEN, addrLength[r]);
            batches.set(ValueLayout.JAVA_LONG, hdr + MSG_IOV, base + hdr + IOV);
            batches.set(ValueLayout.JAVA_LONG, hdr + MSG_IOVLEN, 1L);
            batches.set(ValueLayout.JAVA_INT, hdr + MSG_FLAGS, 0);
            batches.set(ValueLayout.JAVA_LONG, hdr + IOV + iovec.iov_base$offset(), data.address() + offset[r]);
            batches.set(ValueLayout.JAVA_LONG, hdr + IOV + iovec.iov_len$offset(), bytes);
            if (n > 1) {
                batches.set(ValueLayout.JAVA_LONG, hdr + CMSG + DatagramSockets.CMSG_LEN, DatagramSockets.CMSG_HEADER + 2L);  // CMSG_LEN(2)
                batches.set(ValueLayout.JAVA_INT, hdr + CMSG + DatagramSockets.CMSG_LEVEL, DatagramSockets.SOL_UDP);
                batches.set(ValueLayout.JAVA_INT, hdr + CMSG + DatagramSockets.CMSG_TYPE, DatagramSockets.UDP_SEGMENT);
                batches.set(ValueLayout.JAVA_SHORT, hdr + CMSG + DatagramSockets.CMSG_HEADER, (short) length[r]);
                batches.set(ValueLayout.JAVA_LONG, hdr + MSG_CONTROL, base + hdr + CMSG);
                batches.set(ValueLayout.JAVA_LONG, hdr + MSG_CONTROLLEN, GSO_CONTROL);
                stats.gsoSends++;
                stats.gsoDatagrams += n;
            } else {
                batches.set(ValueLayout.JAVA_LONG, hdr + MSG_CONTROL, 0L);
                batches.set(ValueLayout.JAVA_LONG, hdr + MSG_CONTROLLEN, 0L);
            }
            first[b] = rSent;
            count[b] = n;
            done[b] = false;
            segmented[b] = n > 1;
            bTail++;
            rSent += n;
            stats.sendCalls++;
            ring.nextSqe().sendmsgUnsafe(fd, base + hdr, Sockets.MSG_NOSIGNAL).userData(userData.of(b));
        }
    }

    /**
     * How many datagrams from record {@code r} on go out in one GSO send: a run of the same size (the last may
     * be shorter), the same address, contiguous in {@code data}, within the kernel's limits; 1 without GSO.
     */
    private int runLength(int r) {
        int size = length[r & mask];
        if (!gso || size == 0 || size > gsoMaxSegment) {
            return 1;
        }
        int n = 1;
        long total = size;
        while (n < MAX_SEGMENTS && r + n != rTail) {
            int prev = (r + n - 1) & mask;
            int next = (r + n) & mask;
            int l = length[next];
            if (l == 0 || l > size || total + l > DatagramOptions.MAX_DATAGRAM || offset[next] != offset[prev] + length[prev]
                    || addrLength[next] != addrLength[r & mask]
                    || MemorySegment.mismatch(addrs, (long) (r & mask) * ADDR_STRIDE, (long) (r & mask) * ADDR_STRIDE
                            + addrLength[r & mask], addrs, (long) next * ADDR_STRIDE, (long) next * ADDR_STRIDE
                            + addrLength[next]) != -1) {
                break;
            }
            total += l;
            n++;
            if (l < size) {
                break;
            }
        }
        return n;
    }

    /**
     * A sendmsg completed; frees what the oldest completed batches held.
     *
     * @return false if {@code aux} names no batch in flight (an impossible completion: nothing changed)
     */
    boolean completed(int aux, int result) {
        int b = aux & (BATCHES - 1);
        if (bTail == bHead || done[b] || ((b - bHead) & (BATCHES - 1)) >= bTail - bHead) {
            return false;
        }
        done[b] = true;
        if (result >= 0) {
            stats.sent += count[b];
            stats.sentBytes += result;
        } else {
            stats.sendErrors += count[b];
            if (segmented[b] && (Errno.EINVAL.is(result) || Errno.EIO.is(result) || Errno.EOPNOTSUPP.is(result))) {
                gso = false;       // the route or device refuses segmentation offload: one datagram per send from now
            }
        }
        while (bHead != bTail && done[bHead & (BATCHES - 1)]) {
            int h = bHead & (BATCHES - 1);
            done[h] = false;
            freeThrough(first[h] + count[h]);
            bHead++;
        }
        return true;
    }

    boolean gsoOn() {
        return gso;
    }
}
