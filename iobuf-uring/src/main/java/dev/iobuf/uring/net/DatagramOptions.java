package dev.iobuf.uring.net;

import java.util.Objects;

/**
 * How a UDP endpoint is sized and which kernel offloads it may use; immutable, each {@code with...} returns a
 * copy. The defaults take any datagram (65,507 bytes) and use GSO and GRO where the kernel has them.
 *
 * <p>Memory per endpoint (one per loop): {@code recvBuffers} receive buffers of the smallest tier holding
 * {@code maxDatagramSize} plus 80 bytes of header (128 KiB each by default, so 2 MiB), plus
 * {@code sendBufferBytes} of send queue. On the NIO transport: one receive buffer of the smallest tier holding
 * {@code maxDatagramSize + 1} bytes, plus the send queue.
 *
 * <p>On the NIO transport GSO and GRO do not exist (the JDK's {@code DatagramChannel} sends and receives one datagram
 * per call) and the receive buffers are the socket's: asking for {@code recvBuffers}, {@code gso(true)},
 * {@code gro(true)} or {@code gsoMaxSegment} there makes {@code bindDatagram} throw an IllegalArgumentException naming
 * the option; the defaults (GSO and GRO "where the kernel has them") run on both transports.
 */
public final class DatagramOptions {
    /** The largest UDP payload over IPv4 (65,535 - 8 UDP - 20 IP header bytes). */
    public static final int MAX_DATAGRAM = 65_507;
    private static final DatagramOptions DEFAULTS = new DatagramOptions(MAX_DATAGRAM, 16, 1024, 1 << 20, true, true,
            1472, SocketOptions.of(), 0);
    // Options set by the user that only the io_uring transport can honour (see requireNio).
    private static final int SET_RECV_BUFFERS = 1;
    private static final int SET_GSO_ON = 2;
    private static final int SET_GRO_ON = 4;
    private static final int SET_GSO_MAX_SEGMENT = 8;

    private final int maxDatagramSize;
    private final int recvBuffers;
    private final int sendQueueDatagrams;
    private final int sendBufferBytes;
    private final boolean gso;
    private final boolean gro;
    private final int gsoMaxSegment;
    private final SocketOptions socketOptions;
    private final int set;

    private DatagramOptions(int maxDatagramSize, int recvBuffers, int sendQueueDatagrams, int sendBufferBytes,
                            boolean gso, boolean gro, int gsoMaxSegment, SocketOptions socketOptions, int set) {
        this.maxDatagramSize = maxDatagramSize;
        this.recvBuffers = recvBuffers;
        this.sendQueueDatagrams = sendQueueDatagrams;
        this.sendBufferBytes = sendBufferBytes;
        this.gso = gso;
        this.gro = gro;
        this.gsoMaxSegment = gsoMaxSegment;
        this.socketOptions = socketOptions;
        this.set = set;
        if (sendBufferBytes < maxDatagramSize) {
            throw new IllegalArgumentException("sendBufferBytes (" + sendBufferBytes + ") must hold one datagram of "
                    + "maxDatagramSize (" + maxDatagramSize + "): raise it or lower maxDatagramSize");
        }
    }

    /** The defaults. */
    public static DatagramOptions defaults() {
        return DEFAULTS;
    }

    /**
     * The largest datagram sent or received, 1 .. {@value #MAX_DATAGRAM}; bigger ones are refused on send and
     * dropped on receive (counted as {@code truncated}). GRO is used only when it is {@value #MAX_DATAGRAM}.
     */
    public DatagramOptions maxDatagramSize(int bytes) {
        check(bytes >= 1 && bytes <= MAX_DATAGRAM, "maxDatagramSize", bytes, "1 .. " + MAX_DATAGRAM);
        return new DatagramOptions(bytes, recvBuffers, sendQueueDatagrams, Math.max(sendBufferBytes, bytes), gso, gro,
                gsoMaxSegment, socketOptions, set);
    }

    /**
     * Receive buffers per endpoint, 1 .. 32768 (default 16): datagrams arriving while all are full are dropped.
     * io_uring only (refused on NIO, where the socket's SO_RCVBUF plays this part).
     */
    public DatagramOptions recvBuffers(int n) {
        check(n >= 1 && n <= 32_768, "recvBuffers", n, "1 .. 32768");
        return new DatagramOptions(maxDatagramSize, n, sendQueueDatagrams, sendBufferBytes, gso, gro, gsoMaxSegment,
                socketOptions, set | SET_RECV_BUFFERS);
    }

    /** Datagrams the send queue holds, 2 .. 65536, rounded up to a power of two (default 1024). */
    public DatagramOptions sendQueueDatagrams(int n) {
        check(n >= 2 && n <= 65_536, "sendQueueDatagrams", n, "2 .. 65536");
        return new DatagramOptions(maxDatagramSize, recvBuffers, n, sendBufferBytes, gso, gro, gsoMaxSegment,
                socketOptions, set);
    }

    /** Bytes the send queue holds, at least {@code maxDatagramSize}, at most 1 GiB (default 1 MiB). */
    public DatagramOptions sendBufferBytes(int bytes) {
        check(bytes >= 1 && bytes <= 1 << 30, "sendBufferBytes", bytes, "maxDatagramSize .. 1 GiB");
        return new DatagramOptions(maxDatagramSize, recvBuffers, sendQueueDatagrams, bytes, gso, gro, gsoMaxSegment,
                socketOptions, set);
    }

    /**
     * Whether runs of equal-size datagrams to one address go out as one send with UDP_SEGMENT (GSO, Linux 4.18),
     * when the kernel has it (default true). {@code gso(true)} is refused on NIO; {@code gso(false)} is what NIO does.
     */
    public DatagramOptions gso(boolean on) {
        return new DatagramOptions(maxDatagramSize, recvBuffers, sendQueueDatagrams, sendBufferBytes, on, gro,
                gsoMaxSegment, socketOptions, on ? set | SET_GSO_ON : set & ~SET_GSO_ON);
    }

    /**
     * Whether the kernel may coalesce received datagrams (UDP_GRO, Linux 5.0), when it has it (default true).
     * {@code gro(true)} is refused on NIO; {@code gro(false)} is what NIO does.
     */
    public DatagramOptions gro(boolean on) {
        return new DatagramOptions(maxDatagramSize, recvBuffers, sendQueueDatagrams, sendBufferBytes, gso, on,
                gsoMaxSegment, socketOptions, on ? set | SET_GRO_ON : set & ~SET_GRO_ON);
    }

    /**
     * The largest datagram GSO batches, 1 .. {@value #MAX_DATAGRAM} (default 1472: one Ethernet frame, since a
     * GSO segment is never fragmented; a route with a larger MTU, loopback's for one, may take more). io_uring only.
     */
    public DatagramOptions gsoMaxSegment(int bytes) {
        check(bytes >= 1 && bytes <= MAX_DATAGRAM, "gsoMaxSegment", bytes, "1 .. " + MAX_DATAGRAM);
        return new DatagramOptions(maxDatagramSize, recvBuffers, sendQueueDatagrams, sendBufferBytes, gso, gro, bytes,
                socketOptions, set | SET_GSO_MAX_SEGMENT);
    }

    /** Socket options set on each socket before it binds (SO_RCVBUF, SO_SNDBUF, IP_TOS, IPV6_V6ONLY, ...). */
    public DatagramOptions socketOptions(SocketOptions options) {
        return new DatagramOptions(maxDatagramSize, recvBuffers, sendQueueDatagrams, sendBufferBytes, gso, gro,
                gsoMaxSegment, Objects.requireNonNull(options, "options"), set);
    }

    int maxDatagramSize() {
        return maxDatagramSize;
    }

    int recvBuffers() {
        return recvBuffers;
    }

    int sendQueueDatagrams() {
        return Integer.highestOneBit(sendQueueDatagrams - 1) << 1;
    }

    int sendBufferBytes() {
        return sendBufferBytes;
    }

    boolean gso() {
        return gso;
    }

    boolean gro() {
        return gro;
    }

    int gsoMaxSegment() {
        return gsoMaxSegment;
    }

    SocketOptions socketOptions() {
        return socketOptions;
    }

    /**
     * Refuses what the NIO transport cannot honour, naming it (never a silent no-op): {@code recvBuffers} (on NIO the
     * socket's receive buffer holds arriving datagrams and the loop reads them one at a time into one buffer: size
     * SO_RCVBUF through {@link #socketOptions} instead), and {@code gso(true)}, {@code gro(true)} or
     * {@code gsoMaxSegment} (segmentation offloads need sendmsg/recvmsg control messages, which the JDK's
     * DatagramChannel cannot pass). The defaults, which use GSO and GRO "where the kernel has them", pass.
     *
     * @throws IllegalArgumentException naming the first such option set
     */
    void requireNio() {
        String why = (set & SET_RECV_BUFFERS) != 0 ? "recvBuffers: on NIO arriving datagrams wait in the socket's "
                + "receive buffer and the loop reads them one at a time into one buffer; size that buffer with "
                + "socketOptions(SocketOptions.of().with(StandardSocketOptions.SO_RCVBUF, bytes)) instead"
                : (set & SET_GSO_ON) != 0 ? "gso(true): UDP segmentation offload (UDP_SEGMENT) needs a sendmsg control "
                + "message, which the JDK's DatagramChannel cannot pass; on NIO each datagram is one send"
                : (set & SET_GRO_ON) != 0 ? "gro(true): UDP receive offload (UDP_GRO) needs recvmsg control messages, "
                + "which the JDK's DatagramChannel cannot read; on NIO each datagram is one receive"
                : (set & SET_GSO_MAX_SEGMENT) != 0 ? "gsoMaxSegment: there is no GSO on NIO" : null;
        if (why != null) {
            throw new IllegalArgumentException("DatagramOptions." + why + ". Leave it out on the NIO transport, or run "
                    + "on io_uring (Transport.IO_URING)");
        }
    }

    private static void check(boolean ok, String name, int value, String range) {
        if (!ok) {
            throw new IllegalArgumentException(name + " must be in " + range + ", got " + value);
        }
    }

    @Override
    public String toString() {
        return "DatagramOptions[maxDatagramSize=" + maxDatagramSize + ", recvBuffers=" + recvBuffers
                + ", sendQueueDatagrams=" + sendQueueDatagrams + ", sendBufferBytes=" + sendBufferBytes + ", gso=" + gso
                + ", gro=" + gro + ", gsoMaxSegment=" + gsoMaxSegment + ", " + socketOptions + "]";
    }
}
