package dev.iobuf.liburing;

/**
 * Socket option levels and names the network runtime sets that the generated {@link LibcAbi} does not have yet
 * (Linux, the same on x86-64 and aarch64). From {@code <sys/socket.h>}, {@code <netinet/in.h>},
 * {@code <netinet/tcp.h>}; {@code SocketConstantsTest} compares them with the C headers through gcc. When
 * scripts/regen-bindings.sh takes them into LibcAbi, this class goes.
 */
public final class SocketConstants {
    /** SOL_SOCKET: send keep-alive probes. */
    public static final int SO_KEEPALIVE = 9;
    /** SOL_SOCKET: linger on close ({@code struct linger}). */
    public static final int SO_LINGER = 13;
    /** Level of the IPv4 options. */
    public static final int IPPROTO_IP = 0;
    /** Level of the IPv6 options. */
    public static final int IPPROTO_IPV6 = 41;
    /** IPPROTO_IP: type of service byte. */
    public static final int IP_TOS = 1;
    /** IPPROTO_IPV6: IPv6 only, no IPv4-mapped addresses. */
    public static final int IPV6_V6ONLY = 26;
    /** IPPROTO_IPV6: traffic class byte. */
    public static final int IPV6_TCLASS = 67;
    /** IPPROTO_TCP: idle seconds before the first keep-alive probe. */
    public static final int TCP_KEEPIDLE = 4;
    /** IPPROTO_TCP: seconds between keep-alive probes. */
    public static final int TCP_KEEPINTVL = 5;
    /** IPPROTO_TCP: unanswered probes before the connection drops. */
    public static final int TCP_KEEPCNT = 6;

    private SocketConstants() {
    }
}
