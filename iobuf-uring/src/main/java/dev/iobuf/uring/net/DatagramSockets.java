package dev.iobuf.uring.net;

import dev.iobuf.liburing.Errno;
import dev.iobuf.liburing.LibcAbi;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;

/**
 * The UDP socket calls and constants of the network runtime: making and binding one socket per loop
 * ({@link Sockets}' libc calls: once per endpoint, never per datagram), and what UDP GSO/GRO need.
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

    /**
     * A UDP socket bound to {@code address} with SO_REUSEADDR + SO_REUSEPORT (so each loop binds its own on one
     * port) and {@code options}; the fd. On failure nothing stays open.
     *
     * @throws dev.iobuf.uring.UringException naming the call that failed ({@code EADDRINUSE} with its remedy)
     */
    static int bound(InetSocketAddress address, SocketOptions options) {
        int family = SocketAddresses.family(address);
        int fd = Sockets.orThrow(Sockets.socket(family, SOCK_DGRAM | Sockets.SOCK_CLOEXEC, 0),
                "socket(" + (family == Sockets.AF_INET6 ? "AF_INET6" : "AF_INET") + ", SOCK_DGRAM)", -1, null);
        Sockets.orThrow(Sockets.setInt(fd, Sockets.SOL_SOCKET, Sockets.SO_REUSEADDR, 1), "setsockopt(SO_REUSEADDR)", fd, null);
        Sockets.orThrow(Sockets.setInt(fd, Sockets.SOL_SOCKET, Sockets.SO_REUSEPORT, 1), "setsockopt(SO_REUSEPORT)", fd, null);
        try {
            options.applyTo(fd, family == Sockets.AF_INET6);
        } catch (RuntimeException e) {
            Sockets.close(fd);
            throw e;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sockaddr = arena.allocate(SocketAddresses.MAX_BYTES, 8);
            int rc = Sockets.bind(fd, sockaddr, SocketAddresses.encode(address, sockaddr));
            Sockets.orThrow(rc, "bind(UDP " + address + ")", fd, Errno.EADDRINUSE.is(rc)
                    ? "another socket holds this port without SO_REUSEPORT (or as another user): stop it or pick "
                    + "another port" : null);
        }
        return fd;
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
