package dev.iobuf.uring.net;

import dev.iobuf.liburing.Errno;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

/**
 * Creates the listening sockets of a new {@link Listener}, one fd per loop. TCP: one socket per loop, each bound
 * to the address with SO_REUSEADDR and SO_REUSEPORT (the kernel spreads connections across them). Unix domain
 * sockets have no SO_REUSEPORT: one socket, bound once (after {@link UnixSocketFile#clearStale}), whose fd every
 * loop accepts on (the Listener counts the holders; the last closes it). {@link #listen} then hands each loop its fd.
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

    /**
     * A new io_uring {@link Listener}: its sockets opened ({@link #open}), then each handed to its loop, which
     * starts accepting on it; a loop that has stopped gives its fd back at once.
     */
    static Listener listen(SocketAddress address, ConnectionHandler handler, SocketOptions options, LoopConfig config,
            List<EventLoop> loops) {
        Opened opened = open(address, options, config, loops.size());
        Listener listener = new Listener(opened.bound(), handler, loops, opened.sharedFd(), opened.file());
        for (int i = 0; i < loops.size(); i++) {
            EventLoop loop = loops.get(i);
            int fd = opened.fds()[i];
            try {
                loop.execute(() -> loop.addListener(listener, fd));
            } catch (RejectedExecutionException e) {
                if (listener.releaseFd()) {
                    Sockets.close(fd);
                }
                listener.loopStopped();
            }
        }
        return listener;
    }

    /** Opens them; on failure nothing stays open. */
    static Opened open(SocketAddress address, SocketOptions options, LoopConfig config, int loops) {
        int family = SocketAddresses.familyOf(address);
        options.requireFamily(family);
        if (family == Sockets.AF_UNIX) {
            int fd = unixSocket(address, options, config);
            int[] fds = new int[loops];
            Arrays.fill(fds, fd);
            UnixSocketFile file = address instanceof UnixDomainSocketAddress u ? UnixSocketFile.bound(u) : null;
            return new Opened(fds, address, file);
        }
        int[] fds = new int[loops];
        SocketAddress bound = ReusePortSockets.openEach(fds, (InetSocketAddress) address, a -> ipSocket(a, options, config));
        return new Opened(fds, bound, null);
    }

    private static int ipSocket(InetSocketAddress address, SocketOptions options, LoopConfig config) {
        int fd = ReusePortSockets.bound(address, Sockets.SOCK_STREAM, options, config.tcpNoDelay());
        return listen(fd, address, config);
    }

    /** A Unix domain socket (path or abstract name): no SO_REUSEPORT, no TCP options. */
    private static int unixSocket(SocketAddress address, SocketOptions options, LoopConfig config) {
        if (address instanceof UnixDomainSocketAddress u) {
            UnixAddresses.pathBytes(u);                 // a bad path fails before anything is touched
            UnixSocketFile.clearStale(u);
        }
        int fd = Sockets.orThrow(Sockets.socket(Sockets.AF_UNIX, Sockets.SOCK_STREAM | Sockets.SOCK_CLOEXEC, 0),
                "socket(AF_UNIX, SOCK_STREAM)", -1, null);
        try {
            options.applyTo(fd, false);
        } catch (RuntimeException e) {
            Sockets.close(fd);
            throw e;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment sockaddr = arena.allocate(SocketAddresses.MAX_BYTES, 8);
            int length = SocketAddresses.encodeAny(address, sockaddr);
            int rc = Sockets.bind(fd, sockaddr, length);
            Sockets.orThrow(rc, "bind(" + address + ")", fd, bindRemedy(rc));
        }
        return listen(fd, address, config);
    }

    private static int listen(int fd, SocketAddress address, LoopConfig config) {
        Sockets.orThrow(Sockets.listen(fd, config.backlog()), "listen(" + address + ", " + config.backlog() + ")", fd, null);
        return fd;
    }

    /** What to do about bind failing with {@code rc} (a negative errno) on a Unix path; null if nothing to add. */
    static String bindRemedy(int rc) {
        if (Errno.EADDRINUSE.is(rc)) {
            return "another socket holds this name: stop it or pick another name";
        }
        if (Errno.EACCES.is(rc) || Errno.EPERM.is(rc) || Errno.EROFS.is(rc)) {
            return "this user cannot create the socket file: bind in a directory it may write to (e.g. "
                    + "$XDG_RUNTIME_DIR or a folder of its own under /run or /tmp)";
        }
        if (Errno.ENOENT.is(rc)) {
            return "the directory of the socket path does not exist: create it first";
        }
        return null;
    }
}
