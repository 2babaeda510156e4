package dev.iobuf.uring.net;

import dev.iobuf.liburing.LibcAbi;
import dev.iobuf.liburing.cmsghdr;

/**
 * The UDP socket calls and constants of the network runtime beyond {@link ReusePortSockets} (which makes and binds
 * the sockets): what UDP GSO/GRO need, set once per endpoint, never per datagram. Constants and the
 * {@code struct cmsghdr} layout come from the generated {@link LibcAbi} / {@link cmsghdr} (glibc's headers), with the
 * Linux version that added each: {@code UDP_SEGMENT} (GSO, 4.18), {@code UDP_GRO} (5.0).
 */
final class DatagramSockets {
    static final int SOCK_DGRAM = LibcAbi.SOCK_DGRAM();
    static final int SOL_UDP = LibcAbi.SOL_UDP();
    static final int UDP_SEGMENT = LibcAbi.UDP_SEGMENT();
    static final int UDP_GRO = LibcAbi.UDP_GRO();
    static final int MSG_TRUNC = LibcAbi.MSG_TRUNC();
    /** {@code CMSG_LEN(0)}: where a control message's data starts (the header, 8-aligned: no padding on LP64). */
    static final int CMSG_HEADER = (int) cmsghdr.__cmsg_data$offset();
    static final int CMSG_LEVEL = (int) cmsghdr.cmsg_level$offset();
    static final int CMSG_TYPE = (int) cmsghdr.cmsg_type$offset();
    static final long CMSG_LEN = cmsghdr.cmsg_len$offset();

    private DatagramSockets() {
    }

    /** {@code CMSG_SPACE(n)}: a control message header plus {@code n} data bytes, 8-aligned. */
    static int cmsgSpace(int n) {
        return CMSG_HEADER + ((n + 7) & ~7);      // CMSG_ALIGN is sizeof(size_t) on LP64
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
