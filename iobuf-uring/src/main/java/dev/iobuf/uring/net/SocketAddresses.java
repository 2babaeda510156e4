package dev.iobuf.uring.net;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;

/**
 * {@code struct sockaddr_in} / {@code sockaddr_in6} to and from {@link InetSocketAddress}. The family
 * and the IPv6 scope id are in host byte order, the port and the address in network (big-endian) order.
 */
final class SocketAddresses {
    /** {@code sizeof(struct sockaddr_storage)}. */
    static final int MAX_BYTES = 128;
    static final int IN4_BYTES = 16;
    static final int IN6_BYTES = 28;

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
            dst.set(HOST_SHORT, 0, (short) Sockets.AF_INET);
            dst.set(NET_SHORT, 2, (short) address.getPort());
            MemorySegment.copy(raw, 0, dst, ValueLayout.JAVA_BYTE, 4, 4);
            return IN4_BYTES;
        }
        dst.asSlice(0, IN6_BYTES).fill((byte) 0);
        dst.set(HOST_SHORT, 0, (short) Sockets.AF_INET6);
        dst.set(NET_SHORT, 2, (short) address.getPort());
        MemorySegment.copy(raw, 0, dst, ValueLayout.JAVA_BYTE, 8, 16);
        dst.set(HOST_INT, 24, ((Inet6Address) ip).getScopeId());
        return IN6_BYTES;
    }

    /** The address family of {@code address} (AF_INET or AF_INET6). */
    static int family(InetSocketAddress address) {
        return address.getAddress() instanceof Inet6Address ? Sockets.AF_INET6 : Sockets.AF_INET;
    }

    /** Reads a sockaddr of {@code length} bytes; {@code null} for a family other than IPv4/IPv6. */
    static InetSocketAddress decode(MemorySegment src, int length) {
        int family = src.get(HOST_SHORT, 0);
        int port = Short.toUnsignedInt(src.get(NET_SHORT, 2));
        try {
            if (family == Sockets.AF_INET && length >= IN4_BYTES) {
                byte[] raw = src.asSlice(4, 4).toArray(ValueLayout.JAVA_BYTE);
                return new InetSocketAddress(InetAddress.getByAddress(raw), port);
            }
            if (family == Sockets.AF_INET6 && length >= IN6_BYTES) {
                byte[] raw = src.asSlice(8, 16).toArray(ValueLayout.JAVA_BYTE);
                int scope = src.get(HOST_INT, 24);
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
