package dev.iobuf.uring.net;

import dev.iobuf.liburing.Errno;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.util.Arrays;

/**
 * Creates the listening sockets of a new {@link Listener}, one fd per loop. TCP: one socket per loop, each bound
 * to the address with SO_REUSEADDR and SO_REUSEPORT (the kernel spreads connections across them). Unix domain
 * sockets have no SO_REUSEPORT: one socket, bound once (after {@link UnixSocketFile#clearStale}), whose fd every
 * loop accepts on (the Listener counts the holders; the last closes it).
 */
final class ListenSockets {
    /** The fds (one per loop; the same fd for a Unix socket), the bound address and the socket file, if any. */
    record Opened(int[] fds, SocketAddress bound, UnixSocketFile file) {
        boolean sharedFd() {
            return !(bound instanceof InetSocketAddress);
        }
    }

    private ListenSockets() {
    }

    /** Opens them; on failure nothing stays open. */
    static Opened open(SocketAddress address, SocketOptions options, LoopConfig config, int loops) {
        int family = SocketAddresses.familyOf(address);
        options.requireFamily(family);
        if (family == Sockets.AF_UNIX) {
            int fd = socket(address, options, config);
            int[] fds = new int[loops];
            Arrays.fill(fds, fd);
            UnixSocketFile file = address instanceof UnixDomainSocketAddress u ? UnixSocketFile.bound(u) : null;
            return new Opened(fds, address, file);
        }
        int[] fds = new int[loops];
        Arrays.fill(fds, -1);
        SocketAddress bound = address;
        try {
            for (int i = 0; i < fds.length; i++) {
                fds[i] = socket(bound, options, config);
                if (i == 0) {
                    InetSocketAddress actual = Sockets.localAddress(fds[0]);
                    bound = actual != null ? actual : address;     // port 0: every socket takes the port the first got
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
        return new Opened(fds, bound, null);
    }

    private static int socket(SocketAddress address, SocketOptions options, LoopConfig config) {
        int family = SocketAddresses.familyOf(address);
        boolean unix = family == Sockets.AF_UNIX;
        if (address instanceof UnixDomainSocketAddress u) {
            UnixAddresses.pathBytes(u);                 // a bad path fails before anything is touched
            UnixSocketFile.clearStale(u);
        }
        String where = address.toString();
        int fd = Sockets.orThrow(Sockets.socket(family, Sockets.SOCK_STREAM | Sockets.SOCK_CLOEXEC, 0),
                "socket(" + SocketAddresses.familyName(family) + ", SOCK_STREAM)", -1, null);
        if (!unix) {
            Sockets.orThrow(Sockets.setInt(fd, Sockets.SOL_SOCKET, Sockets.SO_REUSEADDR, 1), "setsockopt(SO_REUSEADDR)", fd, null);
            Sockets.orThrow(Sockets.setInt(fd, Sockets.SOL_SOCKET, Sockets.SO_REUSEPORT, 1), "setsockopt(SO_REUSEPORT)", fd, null);
            if (config.tcpNoDelay()) {
                Sockets.orThrow(Sockets.setInt(fd, Sockets.IPPROTO_TCP, Sockets.TCP_NODELAY, 1), "setsockopt(TCP_NODELAY)", fd, null);
            }
        }
        try {
            options.applyTo(fd, family == Sockets.AF_INET6);
        } catch (RuntimeException e) {
            Sockets.close(fd);
            throw e;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sockaddr = arena.allocate(SocketAddresses.MAX_BYTES, 8);
            int length = SocketAddresses.encodeAny(address, sockaddr);
            int rc = Sockets.bind(fd, sockaddr, length);
            Sockets.orThrow(rc, "bind(" + where + ")", fd, bindRemedy(rc, unix));
        }
        Sockets.orThrow(Sockets.listen(fd, config.backlog()), "listen(" + where + ", " + config.backlog() + ")", fd, null);
        return fd;
    }

    private static String bindRemedy(int rc, boolean unix) {
        if (Errno.EADDRINUSE.is(rc)) {
            return unix ? "another socket holds this name: stop it or pick another name"
                    : "another socket holds this address without SO_REUSEPORT (or as another user): stop it or pick "
                    + "another port";
        }
        if (unix && (Errno.EACCES.is(rc) || Errno.EPERM.is(rc) || Errno.EROFS.is(rc))) {
            return "this user cannot create the socket file: bind in a directory it may write to (e.g. "
                    + "$XDG_RUNTIME_DIR or a folder of its own under /run or /tmp)";
        }
        if (unix && Errno.ENOENT.is(rc)) {
            return "the directory of the socket path does not exist: create it first";
        }
        return null;
    }
}
