package dev.iobuf.uring.net;

import dev.iobuf.liburing.LibcAbi;

/**
 * The UDP socket calls and constants of the network runtime beyond {@link ReusePortSockets} (which makes and binds
 * the sockets): what UDP GSO/GRO need, set once per endpoint, never per datagram.
 *
 * <p>Constants not yet in the generated {@code LibcAbi} (scripts/regen-bindings.sh takes them from glibc's
 * headers once the bindings are regenerated; then they move there), each with the Linux version that added it:
 * {@code SOL_UDP} (= IPPROTO_UDP, 17), {@code UDP_SEGMENT} (103, Linux 4.18), {@code UDP_GRO} (104, Linux 5.0),
 * {@code MSG_TRUNC} (0x20). {@code struct cmsghdr} on LP64 is {@code {size_t cmsg_len; int cmsg_level; int
 * cmsg_type;}}: 16 bytes, data at 16, {@code CMSG_SPACE(n) = 16 + align8(n)}. {@code DatagramSocketsTest}
 * checks them against the C headers through gcc.
 */
final class DatagramSockets {
    static final int SOCK_DGRAM = LibcAbi.SOCK_DGRAM();
    static final int SOL_UDP = 17;
    static final int UDP_SEGMENT = 103;
    static final int UDP_GRO = 104;
    static final int MSG_TRUNC = 0x20;
    static final int CMSG_HEADER = 16;
    static final int CMSG_LEVEL = 8;
    static final int CMSG_TYPE = 12;

    private DatagramSockets() {
    }

    /** {@code CMSG_SPACE(n)}: a control message header plus {@code n} data bytes, 8-aligned. */
    static int cmsgSpace(int n) {
        return CMSG_HEADER + ((n + 7) & ~7);
    }

    /** Whether the kernel sends with UDP_SEGMENT on this socket (Linux 4.18): its getsockopt answers. */
    static boolean hasGso(int fd) {
        return Sockets.getInt(fd, SOL_UDP, UDP_SEGMENT) >= 0;
    }

    /** Turns UDP_GRO on (Linux 5.0); false if the kernel refuses. */
    static boolean enableGro(int fd) {
        return Sockets.setInt(fd, SOL_UDP, UDP_GRO, 1) == 0;
    }
}
