package dev.iobuf.uring.net;

import dev.iobuf.liburing.Errno;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.function.ToIntFunction;

/**
 * One socket per loop on one address, all with SO_REUSEADDR + SO_REUSEPORT: what {@link EventLoopGroup#listen}
 * (TCP) and {@link EventLoopGroup#bindDatagram} (UDP) share. Made with libc calls ({@link Sockets}) on the caller's
 * thread, so that "address in use" reaches the caller directly; nothing stays open when a step fails.
 */
final class ReusePortSockets {
    private ReusePortSockets() {
    }

    /**
     * Fills {@code fds} with {@code open(address)}: the first on {@code address}, the others on the address the
     * first got (so port 0 means one free port for all).
     *
     * @return the bound address (with the actual port)
     * @throws RuntimeException what {@code open} threw, after closing the sockets already made
     */
    static InetSocketAddress openEach(int[] fds, InetSocketAddress address, ToIntFunction<InetSocketAddress> open) {
        Arrays.fill(fds, -1);
        InetSocketAddress bound = address;
        try {
            for (int i = 0; i < fds.length; i++) {
                fds[i] = open.applyAsInt(bound);
                if (i == 0) {
                    InetSocketAddress actual = Sockets.localAddress(fds[0]);
                    bound = actual != null ? actual : address;
                }
            }
        } catch (RuntimeException e) {
            for (int fd : fds) {
                if (fd >= 0) {
                    Sockets.close(fd);
                }
            }
            throw e;
        }
        return bound;
    }

    /**
     * A socket of {@code type} (SOCK_STREAM, SOCK_DGRAM) with SO_REUSEADDR, SO_REUSEPORT, TCP_NODELAY if asked,
     * and {@code options}, bound to {@code address}; its fd.
     *
     * @throws dev.iobuf.uring.UringException naming the call that failed ({@code EADDRINUSE} with its remedy)
     */
    static int bound(InetSocketAddress address, int type, SocketOptions options, boolean tcpNoDelay) {
        int family = SocketAddresses.family(address);
        int fd = Sockets.orThrow(Sockets.socket(family, type | Sockets.SOCK_CLOEXEC, 0), "socket("
                + (family == Sockets.AF_INET6 ? "AF_INET6" : "AF_INET") + ", "
                + (type == Sockets.SOCK_STREAM ? "SOCK_STREAM" : "SOCK_DGRAM") + ")", -1, null);
        Sockets.orThrow(Sockets.setInt(fd, Sockets.SOL_SOCKET, Sockets.SO_REUSEADDR, 1), "setsockopt(SO_REUSEADDR)", fd, null);
        Sockets.orThrow(Sockets.setInt(fd, Sockets.SOL_SOCKET, Sockets.SO_REUSEPORT, 1), "setsockopt(SO_REUSEPORT)", fd, null);
        if (tcpNoDelay) {
            Sockets.orThrow(Sockets.setInt(fd, Sockets.IPPROTO_TCP, Sockets.TCP_NODELAY, 1), "setsockopt(TCP_NODELAY)", fd, null);
        }
        try {
            options.applyTo(fd, family == Sockets.AF_INET6);
        } catch (RuntimeException e) {
            Sockets.close(fd);
            throw e;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sockaddr = arena.allocate(SocketAddresses.MAX_BYTES, 8);
            int rc = Sockets.bind(fd, sockaddr, SocketAddresses.encode(address, sockaddr));
            Sockets.orThrow(rc, "bind(" + (type == Sockets.SOCK_STREAM ? "" : "UDP ") + address + ")", fd, bindRemedy(rc));
        }
        return fd;
    }

    /** What to do when binding an IP address failed with {@code rc} ({@code -errno}); null if nothing to say. */
    static String bindRemedy(int rc) {
        return Errno.EADDRINUSE.is(rc) ? "another socket holds this address without SO_REUSEPORT (or as another "
                + "user): stop it or pick another port" : null;
    }
}
