package dev.iobuf.uring.net;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.iobuf.liburing.Libc;
import dev.iobuf.liburing.Syscalls;
import dev.iobuf.uring.UringException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.net.InetSocketAddress;

/**
 * The libc socket calls the network runtime makes outside io_uring: creating, binding and listening
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
 * <p>Constants are Linux's on x86-64 and aarch64 (asm-generic agrees for all of these).
 */
@SuppressWarnings("restricted") // binding libc is this class's job; the module needs native access
final class Sockets {
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int SOCK_STREAM = 1;
    static final int SOCK_CLOEXEC = 02000000;
    static final int SOL_SOCKET = 1;
    static final int SO_REUSEADDR = 2;
    static final int SO_SNDBUF = 7;
    static final int SO_REUSEPORT = 15;
    static final int IPPROTO_TCP = 6;
    static final int TCP_NODELAY = 1;
    static final int MSG_NOSIGNAL = 0x4000;
    static final int SHUT_RDWR = 2;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle SOCKET = bind("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle BIND = bind("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle LISTEN = bind("listen", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle SETSOCKOPT = bind("setsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle GETSOCKOPT = bind("getsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle GETSOCKNAME = bind("getsockname",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle GETPEERNAME = bind("getpeername",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle WRITE = bind("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));

    private Sockets() {
    }

    private static MethodHandle bind(String name, FunctionDescriptor descriptor) {
        MemorySegment symbol = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name + "()"));
        // captureCallState adds a leading MemorySegment parameter: the errno capture segment.
        return LINKER.downcallHandle(symbol, descriptor, Linker.Option.captureCallState("errno"));
    }

    private static MemorySegment errnoState() {
        return Syscalls.threadErrnoState();
    }

    private static int result(int rc, MemorySegment errnoState) {
        return rc == -1 ? -Libc.errno(errnoState) : rc;
    }

    /** socket(2); the result is the fd or {@code -errno}. */
    static int socket(int domain, int type, int protocol) {
        MemorySegment e = errnoState();
        try {
            return result((int) SOCKET.invokeExact(e, domain, type, protocol), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** bind(2) to the {@code length}-byte sockaddr in {@code address}. */
    static int bind(int fd, MemorySegment address, int length) {
        MemorySegment e = errnoState();
        try {
            return result((int) BIND.invokeExact(e, fd, address, length), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** listen(2). */
    static int listen(int fd, int backlog) {
        MemorySegment e = errnoState();
        try {
            return result((int) LISTEN.invokeExact(e, fd, backlog), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** setsockopt(2) of an int option. */
    static int setInt(int fd, int level, int option, int value) {
        MemorySegment e = errnoState();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocateFrom(JAVA_INT, value);
            return result((int) SETSOCKOPT.invokeExact(e, fd, level, option, v, 4), e);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** getsockopt(2) of an int option; the value, or {@code -errno} (no option read here is negative). */
    static int getInt(int fd, int level, int option) {
        MemorySegment e = errnoState();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(JAVA_INT);
            MemorySegment len = arena.allocateFrom(JAVA_INT, 4);
            int rc = result((int) GETSOCKOPT.invokeExact(e, fd, level, option, v, len), e);
            return rc < 0 ? rc : v.get(JAVA_INT, 0);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** The address {@code fd} is bound to, or {@code null} if getsockname fails (a closed fd). */
    static InetSocketAddress localAddress(int fd) {
        return name(GETSOCKNAME, fd);
    }

    /** The peer of {@code fd}, or {@code null} if getpeername fails (not connected, closed). */
    static InetSocketAddress remoteAddress(int fd) {
        return name(GETPEERNAME, fd);
    }

    private static InetSocketAddress name(MethodHandle call, int fd) {
        MemorySegment e = errnoState();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment addr = arena.allocate(SocketAddresses.MAX_BYTES, 8);
            MemorySegment len = arena.allocateFrom(JAVA_INT, SocketAddresses.MAX_BYTES);
            int rc = result((int) call.invokeExact(e, fd, addr, len), e);
            return rc < 0 ? null : SocketAddresses.decode(addr, len.get(JAVA_INT, 0));
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** write(2) of {@code length} bytes; the count or {@code -errno}. Allocates nothing. */
    static long write(int fd, MemorySegment data, long length) {
        MemorySegment e = errnoState();
        try {
            long rc = (long) WRITE.invokeExact(e, fd, data, length);
            return rc == -1 ? -Libc.errno(e) : rc;
        } catch (Throwable t) {
            throw rethrow(t);
        }
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

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
