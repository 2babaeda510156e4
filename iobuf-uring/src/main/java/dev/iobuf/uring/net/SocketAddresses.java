package dev.iobuf.uring.net;

import dev.iobuf.liburing.in6_addr;
import dev.iobuf.liburing.in_addr;
import dev.iobuf.liburing.sockaddr;
import dev.iobuf.liburing.sockaddr_in;
import dev.iobuf.liburing.sockaddr_in6;
import dev.iobuf.liburing.sockaddr_storage;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;

/**
 * {@code struct sockaddr_in} / {@code sockaddr_in6} to and from {@link InetSocketAddress}. The family
 * and the IPv6 scope id are in host byte order, the port and the address in network (big-endian) order.
 * The {@code Any} methods take Unix domain addresses too ({@link UnixAddresses}).
 */
final class SocketAddresses {
    /** {@code sizeof(struct sockaddr_storage)}. */
    static final int MAX_BYTES = (int) sockaddr_storage.sizeof();
    static final int IN4_BYTES = (int) sockaddr_in.sizeof();
    static final int IN6_BYTES = (int) sockaddr_in6.sizeof();
    // Offsets from the generated layouts. The family field sits at the same offset in every sockaddr.
    private static final long FAMILY = sockaddr.sa_family$offset();
    private static final long PORT = sockaddr_in.sin_port$offset();
    private static final long IN4_ADDR = sockaddr_in.sin_addr$offset();
    private static final int IN4_ADDR_BYTES = (int) in_addr.sizeof();
    private static final long IN6_PORT = sockaddr_in6.sin6_port$offset();
    private static final long IN6_ADDR = sockaddr_in6.sin6_addr$offset();
    private static final int IN6_ADDR_BYTES = (int) in6_addr.sizeof();
    private static final long IN6_SCOPE = sockaddr_in6.sin6_scope_id$offset();

    private static final ValueLayout.OfShort HOST_SHORT = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final ValueLayout.OfShort NET_SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt HOST_INT = ValueLayout.JAVA_INT_UNALIGNED;

    private SocketAddresses() {
    }

    /**
     * Writes {@code address} into {@code dst} (at least {@value #IN6_BYTES} bytes) and returns its length.
     *
     * @throws IllegalArgumentException if the address is unresolved
     */
    static int encode(InetSocketAddress address, MemorySegment dst) {
        InetAddress ip = address.getAddress();
        if (ip == null) {
            throw new IllegalArgumentException(address + " is unresolved: resolve the host name first "
                    + "(new InetSocketAddress(host, port) resolves; InetSocketAddress.createUnresolved does not)");
        }
        byte[] raw = ip.getAddress();
        if (ip instanceof Inet4Address) {
            dst.asSlice(0, IN4_BYTES).fill((byte) 0);
            dst.set(HOST_SHORT, FAMILY, (short) Sockets.AF_INET);
            dst.set(NET_SHORT, PORT, (short) address.getPort());
            MemorySegment.copy(raw, 0, dst, ValueLayout.JAVA_BYTE, IN4_ADDR, IN4_ADDR_BYTES);
            return IN4_BYTES;
        }
        dst.asSlice(0, IN6_BYTES).fill((byte) 0);
        dst.set(HOST_SHORT, FAMILY, (short) Sockets.AF_INET6);
        dst.set(NET_SHORT, IN6_PORT, (short) address.getPort());
        MemorySegment.copy(raw, 0, dst, ValueLayout.JAVA_BYTE, IN6_ADDR, IN6_ADDR_BYTES);
        dst.set(HOST_INT, IN6_SCOPE, ((Inet6Address) ip).getScopeId());
        return IN6_BYTES;
    }

    /** The address family of {@code address} (AF_INET or AF_INET6). */
    static int family(InetSocketAddress address) {
        return address.getAddress() instanceof Inet6Address ? Sockets.AF_INET6 : Sockets.AF_INET;
    }

    /**
     * The family of an address the runtime takes: a resolved {@link InetSocketAddress}, a
     * {@link UnixDomainSocketAddress} or an {@link AbstractUnixAddress}.
     *
     * @throws IllegalArgumentException for an unresolved or another kind of address
     */
    static int familyOf(SocketAddress address) {
        return switch (address) {
            case InetSocketAddress inet when inet.isUnresolved() -> throw new IllegalArgumentException(inet
                    + " is unresolved: resolve the host name first");
            case InetSocketAddress inet -> family(inet);
            case UnixDomainSocketAddress path -> Sockets.AF_UNIX;
            case AbstractUnixAddress name -> Sockets.AF_UNIX;
            default -> throw new IllegalArgumentException("the network runtime takes an InetSocketAddress, a "
                    + "UnixDomainSocketAddress or an AbstractUnixAddress, got " + address.getClass().getName());
        };
    }

    /** {@code AF_INET}, {@code AF_INET6} or {@code AF_UNIX}, for messages. */
    static String familyName(int family) {
        return family == Sockets.AF_UNIX ? "AF_UNIX" : family == Sockets.AF_INET6 ? "AF_INET6" : "AF_INET";
    }

    /** Writes any address {@link #familyOf} takes into {@code dst} ({@link #MAX_BYTES}) and returns its length. */
    static int encodeAny(SocketAddress address, MemorySegment dst) {
        return address instanceof InetSocketAddress inet ? encode(inet, dst) : UnixAddresses.encode(address, dst);
    }

    /** Reads a sockaddr of {@code length} bytes of any family we know; {@code null} for others. */
    static SocketAddress decodeAny(MemorySegment src, int length) {
        return src.get(HOST_SHORT, FAMILY) == Sockets.AF_UNIX ? UnixAddresses.decode(src, length) : decode(src, length);
    }

    /** Reads a sockaddr of {@code length} bytes; {@code null} for a family other than IPv4/IPv6. */
    static InetSocketAddress decode(MemorySegment src, int length) {
        int family = src.get(HOST_SHORT, FAMILY);
        int port = Short.toUnsignedInt(src.get(NET_SHORT, PORT)); // sin_port and sin6_port share the offset
        try {
            if (family == Sockets.AF_INET && length >= IN4_BYTES) {
                byte[] raw = src.asSlice(IN4_ADDR, IN4_ADDR_BYTES).toArray(ValueLayout.JAVA_BYTE);
                return new InetSocketAddress(InetAddress.getByAddress(raw), port);
            }
            if (family == Sockets.AF_INET6 && length >= IN6_BYTES) {
                byte[] raw = src.asSlice(IN6_ADDR, IN6_ADDR_BYTES).toArray(ValueLayout.JAVA_BYTE);
                int scope = src.get(HOST_INT, IN6_SCOPE);
                // Without a scope, getByAddress also turns an IPv4-mapped address (::ffff:a.b.c.d) into IPv4.
                InetAddress ip = scope == 0 ? InetAddress.getByAddress(raw) : Inet6Address.getByAddress(null, raw, scope);
                return new InetSocketAddress(ip, port);
            }
        } catch (UnknownHostException e) {
            throw new IllegalStateException("kernel returned a malformed address", e);
        }
        return null;
    }
}
