package dev.iobuf.uring.net;

import dev.iobuf.liburing.sockaddr;
import dev.iobuf.liburing.sockaddr_in;
import dev.iobuf.liburing.sockaddr_in6;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * A datagram's address (IPv4 or IPv6, port, scope): a mutable, reusable view, so that receiving and
 * answering a datagram allocates nothing. {@link DatagramHandler#onDatagram} gets the sender in one instance
 * that the next datagram overwrites: keep it with {@link #toInetSocketAddress()} (allocates) or copy it into an
 * instance of your own with {@link #set(DatagramAddress)} (does not). Transport-neutral: it holds bytes, not
 * native memory. Not thread-safe.
 */
public final class DatagramAddress {
    private static final int NONE = 0;
    private static final int V4 = 4;
    private static final int V6 = 6;
    /** ::ffff:0:0/96, the IPv4-mapped IPv6 prefix (RFC 4291 2.5.5.2). */
    private static final byte[] MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF};

    // struct sockaddr_in / sockaddr_in6 offsets from the generated layouts; family in host order, port big-endian.
    private static final long FAMILY = sockaddr.sa_family$offset();
    private static final long PORT = sockaddr_in.sin_port$offset();
    private static final long IN4_ADDR = sockaddr_in.sin_addr$offset();
    private static final long IN6_ADDR = sockaddr_in6.sin6_addr$offset();
    private static final long IN6_SCOPE = sockaddr_in6.sin6_scope_id$offset();
    private static final int IN4_BYTES = (int) sockaddr_in.sizeof();
    private static final int IN6_BYTES = (int) sockaddr_in6.sizeof();
    private static final ValueLayout.OfShort HOST_SHORT = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final ValueLayout.OfShort NET_SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt HOST_INT = ValueLayout.JAVA_INT_UNALIGNED;

    private int version;
    private int port;
    private int scopeId;
    /** 4 bytes (IPv4) or 16 (IPv6) in network order. */
    private final byte[] ip = new byte[16];

    /** An empty address ({@link #isSet()} is false) to fill with {@link #set}. */
    public DatagramAddress() {
    }

    /** A new address holding {@code address}. */
    public static DatagramAddress of(InetSocketAddress address) {
        return new DatagramAddress().set(address);
    }

    /**
     * Makes this hold {@code address}; returns this.
     *
     * @throws IllegalArgumentException if it is unresolved
     */
    public DatagramAddress set(InetSocketAddress address) {
        Objects.requireNonNull(address, "address");
        InetAddress a = address.getAddress();
        if (a == null) {
            throw new IllegalArgumentException(address + " is unresolved: resolve the host name first "
                    + "(new InetSocketAddress(host, port) resolves; InetSocketAddress.createUnresolved does not)");
        }
        byte[] raw = a.getAddress();
        System.arraycopy(raw, 0, ip, 0, raw.length);
        version = a instanceof Inet4Address ? V4 : V6;
        scopeId = a instanceof Inet6Address v6 ? v6.getScopeId() : 0;
        port = address.getPort();
        return this;
    }

    /** Makes this hold what {@code other} holds (no allocation); returns this. */
    public DatagramAddress set(DatagramAddress other) {
        System.arraycopy(other.ip, 0, ip, 0, 16);
        version = other.version;
        port = other.port;
        scopeId = other.scopeId;
        return this;
    }

    /** Whether it holds an address. */
    public boolean isSet() {
        return version != NONE;
    }

    /** Whether it is an IPv6 address (an IPv4-mapped one too: how a dual-stack socket names IPv4 senders). */
    public boolean isIpv6() {
        return version == V6;
    }

    /** The port (0 .. 65535). */
    public int port() {
        return port;
    }

    /** Whether both hold the same address, port and scope. Allocates nothing. */
    public boolean sameAs(DatagramAddress other) {
        return version == other.version && port == other.port && scopeId == other.scopeId
                && Arrays.equals(ip, 0, length(), other.ip, 0, length());
    }

    /**
     * A new {@link InetSocketAddress} for it (allocates; an IPv4-mapped IPv6 address becomes IPv4).
     *
     * @throws IllegalStateException if it holds nothing
     */
    public InetSocketAddress toInetSocketAddress() {
        if (version == NONE) {
            throw new IllegalStateException("this DatagramAddress holds no address yet: set it first");
        }
        try {
            byte[] raw = Arrays.copyOf(ip, length());
            InetAddress a = scopeId == 0 ? InetAddress.getByAddress(raw) : Inet6Address.getByAddress(null, raw, scopeId);
            return new InetSocketAddress(a, port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("malformed address bytes", e);      // lengths 4 and 16 only
        }
    }

    @Override
    public String toString() {
        return version == NONE ? "DatagramAddress[unset]" : toInetSocketAddress().toString();
    }

    private int length() {
        return version == V4 ? 4 : 16;
    }

    /** Whether a socket of that family can send to it: set, and not a real IPv6 address for an IPv4 socket. */
    boolean reachableFrom(boolean ipv6Socket) {
        return version != NONE && (ipv6Socket || version == V4 || isMapped());
    }

    /** A hash of address, port and scope that allocates nothing (equal for {@link #sameAs} addresses). */
    int hash() {
        int h = version * 31 + port;
        for (int i = 0, n = length(); i < n; i++) {
            h = h * 31 + ip[i];
        }
        return h * 31 + scopeId;
    }

    private boolean isMapped() {
        return version == V6 && Arrays.equals(ip, 0, 12, MAPPED_PREFIX, 0, 12);
    }

    /**
     * Reads the {@code length}-byte sockaddr at {@code at} of {@code src} (what the kernel wrote for a
     * received datagram). Allocates nothing.
     *
     * @return false (and holds nothing) for another family or a short address
     */
    boolean decode(MemorySegment src, long at, int length) {
        int family = src.get(HOST_SHORT, at + FAMILY);
        port = Short.toUnsignedInt(src.get(NET_SHORT, at + PORT));      // sin_port and sin6_port share the offset
        if (family == Sockets.AF_INET && length >= IN4_BYTES) {
            MemorySegment.copy(src, ValueLayout.JAVA_BYTE, at + IN4_ADDR, ip, 0, 4);
            version = V4;
            scopeId = 0;
            return true;
        }
        if (family == Sockets.AF_INET6 && length >= IN6_BYTES) {
            MemorySegment.copy(src, ValueLayout.JAVA_BYTE, at + IN6_ADDR, ip, 0, 16);
            version = V6;
            scopeId = src.get(HOST_INT, at + IN6_SCOPE);
            return true;
        }
        version = NONE;
        return false;
    }

    /**
     * Writes it as a sockaddr for a socket of the given family at {@code at} of {@code dst} (at least
     * {@code sizeof(sockaddr_in6)} bytes): IPv4 becomes IPv4-mapped on an IPv6 socket, an IPv4-mapped address
     * plain IPv4 on an IPv4 socket. Allocates nothing.
     *
     * @return the sockaddr's length, or -1 if an IPv4 socket cannot reach it (a real IPv6 address) or it is unset
     */
    int encode(MemorySegment dst, long at, boolean ipv6Socket) {
        if (!reachableFrom(ipv6Socket)) {
            return -1;
        }
        if (!ipv6Socket) {
            zero(dst, at, IN4_BYTES);
            dst.set(HOST_SHORT, at + FAMILY, (short) Sockets.AF_INET);
            dst.set(NET_SHORT, at + PORT, (short) port);
            MemorySegment.copy(ip, version == V4 ? 0 : 12, dst, ValueLayout.JAVA_BYTE, at + IN4_ADDR, 4);
            return IN4_BYTES;
        }
        zero(dst, at, IN6_BYTES);
        dst.set(HOST_SHORT, at + FAMILY, (short) Sockets.AF_INET6);
        dst.set(NET_SHORT, at + PORT, (short) port);
        if (version == V4) {
            MemorySegment.copy(MAPPED_PREFIX, 0, dst, ValueLayout.JAVA_BYTE, at + IN6_ADDR, 12);
            MemorySegment.copy(ip, 0, dst, ValueLayout.JAVA_BYTE, at + IN6_ADDR + 12, 4);
        } else {
            MemorySegment.copy(ip, 0, dst, ValueLayout.JAVA_BYTE, at + IN6_ADDR, 16);
            dst.set(HOST_INT, at + IN6_SCOPE, scopeId);
        }
        return IN6_BYTES;
    }

    /** Zeroes {@code n} bytes (a multiple of 4) without a slice: this runs per datagram sent. */
    private static void zero(MemorySegment dst, long at, int n) {
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            dst.set(ValueLayout.JAVA_LONG_UNALIGNED, at + i, 0L);
        }
        for (; i < n; i += 4) {
            dst.set(HOST_INT, at + i, 0);
        }
    }
}
