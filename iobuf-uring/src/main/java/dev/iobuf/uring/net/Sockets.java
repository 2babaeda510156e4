package dev.iobuf.uring.net;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.iobuf.liburing.LibcAbi;
import dev.iobuf.liburing.Syscalls;
import dev.iobuf.uring.UringException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * The socket calls (bound in native-bindings' {@link Syscalls}) the network runtime makes outside io_uring: creating, binding and listening
 * (once per listener and loop), options, addresses (on demand), and the eventfd write that wakes a loop.
 * None of these is on the per-request path. Each returns its result or {@code -errno}, like
 * {@link Syscalls}; the {@code orThrow} helpers turn a failure into a {@link UringException} naming
 * the call and its arguments.
 *
 * <p>Why libc and not IORING_OP_SOCKET/BIND/LISTEN: bind and listen arrived in io_uring only in Linux
 * 6.11, a listener is set up once, and doing it synchronously lets {@code listen} report "address in
 * use" to its caller directly. Accepted sockets come from io_uring (multishot accept) and need no call
 * here: they inherit TCP_NODELAY from the listening socket.
 *
 * <p>Constants come from the generated {@link LibcAbi} (glibc's headers; the same on x86-64 and aarch64).
 */
final class Sockets {
    static final int AF_INET = LibcAbi.AF_INET();
    static final int AF_INET6 = LibcAbi.AF_INET6();
    static final int AF_UNIX = LibcAbi.AF_UNIX();
    static final int SOCK_STREAM = LibcAbi.SOCK_STREAM();
    static final int SOCK_CLOEXEC = LibcAbi.SOCK_CLOEXEC();
    static final int SOL_SOCKET = LibcAbi.SOL_SOCKET();
    static final int SO_REUSEADDR = LibcAbi.SO_REUSEADDR();
    static final int SO_SNDBUF = LibcAbi.SO_SNDBUF();
    static final int SO_REUSEPORT = LibcAbi.SO_REUSEPORT();
    static final int IPPROTO_TCP = LibcAbi.IPPROTO_TCP();
    static final int TCP_NODELAY = LibcAbi.TCP_NODELAY();
    static final int MSG_NOSIGNAL = LibcAbi.MSG_NOSIGNAL();
    static final int SHUT_RDWR = LibcAbi.SHUT_RDWR();
    static final int SHUT_WR = LibcAbi.SHUT_WR();

    private Sockets() {
    }

    /** socket(2); the result is the fd or {@code -errno}. */
    static int socket(int domain, int type, int protocol) {
        return Syscalls.socket(domain, type, protocol);
    }

    /** bind(2) to the {@code length}-byte sockaddr in {@code address}. */
    static int bind(int fd, MemorySegment address, int length) {
        return Syscalls.bind(fd, address, length);
    }

    /** listen(2). */
    static int listen(int fd, int backlog) {
        return Syscalls.listen(fd, backlog);
    }

    /** setsockopt(2) of an int option. */
    static int setInt(int fd, int level, int option, int value) {
        try (Arena arena = Arena.ofConfined()) {
            return Syscalls.setsockopt(fd, level, option, arena.allocateFrom(JAVA_INT, value), 4);
        }
    }

    /** getsockopt(2) of an int option; the value, or {@code -errno} (no option read here is negative). */
    static int getInt(int fd, int level, int option) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(JAVA_INT);
            int rc = Syscalls.getsockopt(fd, level, option, v, arena.allocateFrom(JAVA_INT, 4));
            return rc < 0 ? rc : v.get(JAVA_INT, 0);
        }
    }

    /** The IP address {@code fd} is bound to, or {@code null} if getsockname fails (a closed fd) or it is not IP. */
    static InetSocketAddress localAddress(int fd) {
        return name(fd, false) instanceof InetSocketAddress inet ? inet : null;
    }

    /** The IP peer of {@code fd}, or {@code null} if getpeername fails (not connected, closed) or it is not IP. */
    static InetSocketAddress remoteAddress(int fd) {
        return name(fd, true) instanceof InetSocketAddress inet ? inet : null;
    }

    /** The address {@code fd} is bound to (IP or Unix), or {@code null} if getsockname fails. */
    static SocketAddress localSocketAddress(int fd) {
        return name(fd, false);
    }

    /** The peer of {@code fd} (IP or Unix), or {@code null} if getpeername fails. */
    static SocketAddress remoteSocketAddress(int fd) {
        return name(fd, true);
    }

    private static SocketAddress name(int fd, boolean peer) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment addr = arena.allocate(SocketAddresses.MAX_BYTES, 8);
            MemorySegment len = arena.allocateFrom(JAVA_INT, SocketAddresses.MAX_BYTES);
            int rc = peer ? Syscalls.getpeername(fd, addr, len) : Syscalls.getsockname(fd, addr, len);
            return rc < 0 ? null : SocketAddresses.decodeAny(addr, len.get(JAVA_INT, 0));
        }
    }

    /** write(2) of {@code length} bytes; the count or {@code -errno}. Allocates nothing. */
    static long write(int fd, MemorySegment data, long length) {
        return Syscalls.write(fd, data, length);
    }

    /** close(2), ignoring the result (Linux releases the fd even when close reports an error). */
    static void close(int fd) {
        Syscalls.close(fd);
    }

    /** {@code rc} if it is not an error; else a {@link UringException} naming {@code call}, after closing {@code fdToClose} (if >= 0). */
    static int orThrow(int rc, String call, int fdToClose, String remedy) {
        if (rc >= 0) {
            return rc;
        }
        if (fdToClose >= 0) {
            close(fdToClose);
        }
        throw new UringException(call, rc, remedy);
    }
}
