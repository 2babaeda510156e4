package dev.iobuf.uring.net;

import java.util.Objects;

/**
 * How a UDP endpoint is sized and which kernel offloads it may use; immutable, each {@code with...} returns a
 * copy. The defaults take any datagram (65,507 bytes) and use GSO and GRO where the kernel has them.
 *
 * <p>Memory per endpoint (one per loop): {@code recvBuffers} receive buffers of the smallest tier holding
 * {@code maxDatagramSize} plus 80 bytes of header (128 KiB each by default, so 2 MiB), plus
 * {@code sendBufferBytes} of send queue.
 */
public final class DatagramOptions {
    /** The largest UDP payload over IPv4 (65,535 - 8 UDP - 20 IP header bytes). */
    public static final int MAX_DATAGRAM = 65_507;
    private static final DatagramOptions DEFAULTS = new DatagramOptions(MAX_DATAGRAM, 16, 1024, 1 << 20, true, true,
            1472, SocketOptions.of());

    private final int maxDatagramSize;
    private final int recvBuffers;
    private final int sendQueueDatagrams;
    private final int sendBufferBytes;
    private final boolean gso;
    private final boolean gro;
    private final int gsoMaxSegment;
    private final SocketOptions socketOptions;

    private DatagramOptions(int maxDatagramSize, int recvBuffers, int sendQueueDatagrams, int sendBufferBytes,
                            boolean gso, boolean gro, int gsoMaxSegment, SocketOptions socketOptions) {
        this.maxDatagramSize = maxDatagramSize;
        this.recvBuffers = recvBuffers;
        this.sendQueueDatagrams = sendQueueDatagrams;
        this.sendBufferBytes = sendBufferBytes;
        this.gso = gso;
        this.gro = gro;
        this.gsoMaxSegment = gsoMaxSegment;
        this.socketOptions = socketOptions;
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
                gsoMaxSegment, socketOptions);
    }

    /** Receive buffers per endpoint, 1 .. 32768 (default 16): datagrams arriving while all are full are dropped. */
    public DatagramOptions recvBuffers(int n) {
        check(n >= 1 && n <= 32_768, "recvBuffers", n, "1 .. 32768");
        return new DatagramOptions(maxDatagramSize, n, sendQueueDatagrams, sendBufferBytes, gso, gro, gsoMaxSegment,
                socketOptions);
    }

    /** Datagrams the send queue holds, 2 .. 65536, rounded up to a power of two (default 1024). */
    public DatagramOptions sendQueueDatagrams(int n) {
        check(n >= 2 && n <= 65_536, "sendQueueDatagrams", n, "2 .. 65536");
        return new DatagramOptions(maxDatagramSize, recvBuffers, n, sendBufferBytes, gso, gro, gsoMaxSegment,
                socketOptions);
    }

    /** Bytes the send queue holds, at least {@code maxDatagramSize}, at most 1 GiB (default 1 MiB). */
    public DatagramOptions sendBufferBytes(int bytes) {
        check(bytes >= 1 && bytes <= 1 << 30, "sendBufferBytes", bytes, "maxDatagramSize .. 1 GiB");
        return new DatagramOptions(maxDatagramSize, recvBuffers, sendQueueDatagrams, bytes, gso, gro, gsoMaxSegment,
                socketOptions);
    }

    /**
     * Whether runs of equal-size datagrams to one address go out as one send with UDP_SEGMENT (GSO, Linux 4.18),
     * when the kernel has it (default true).
     */
    public DatagramOptions gso(boolean on) {
        return new DatagramOptions(maxDatagramSize, recvBuffers, sendQueueDatagrams, sendBufferBytes, on, gro,
                gsoMaxSegment, socketOptions);
    }

    /** Whether the kernel may coalesce received datagrams (UDP_GRO, Linux 5.0), when it has it (default true). */
    public DatagramOptions gro(boolean on) {
        return new DatagramOptions(maxDatagramSize, recvBuffers, sendQueueDatagrams, sendBufferBytes, gso, on,
                gsoMaxSegment, socketOptions);
    }

    /**
     * The largest datagram GSO batches, 1 .. {@value #MAX_DATAGRAM} (default 1472: one Ethernet frame, since a
     * GSO segment is never fragmented; a route with a larger MTU, loopback's for one, may take more).
     */
    public DatagramOptions gsoMaxSegment(int bytes) {
        check(bytes >= 1 && bytes <= MAX_DATAGRAM, "gsoMaxSegment", bytes, "1 .. " + MAX_DATAGRAM);
        return new DatagramOptions(maxDatagramSize, recvBuffers, sendQueueDatagrams, sendBufferBytes, gso, gro, bytes,
                socketOptions);
    }

    /** Socket options set on each socket before it binds (SO_RCVBUF, SO_SNDBUF, IP_TOS, IPV6_V6ONLY, ...). */
    public DatagramOptions socketOptions(SocketOptions options) {
        return new DatagramOptions(maxDatagramSize, recvBuffers, sendQueueDatagrams, sendBufferBytes, gso, gro,
                gsoMaxSegment, Objects.requireNonNull(options, "options"));
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
