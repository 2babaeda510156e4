package dev.iobuf.liburing;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static dev.iobuf.liburing.Libc.CAPTURE_ERRNO;
import static dev.iobuf.liburing.Libc.C_INT;
import static dev.iobuf.liburing.Libc.C_LONG;
import static dev.iobuf.liburing.Libc.C_POINTER;
import static dev.iobuf.liburing.Libc.downcall;

/**
 * libc's socket calls the network runtime makes outside io_uring: {@code socket}, {@code bind}, {@code listen},
 * {@code setsockopt}, {@code getsockopt}, {@code getsockname}, {@code getpeername}. Like every {@link Libc} function: the first argument
 * is the errno state ({@link Libc#allocateErrnoState}), failure is {@code -1} with {@code errno} captured in it;
 * {@link Syscalls} wraps these to return {@code -errno}. Constants are the generated {@link LibcAbi}'s.
 */
@SuppressWarnings({"unused", "restricted", "checkstyle:MethodName", "checkstyle:TypeName"})
public final class LibcSockets {

    private LibcSockets() {
        // static accessors only
    }

    private static final class socket {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT);
        static final MethodHandle HANDLE = downcall("socket", DESC, CAPTURE_ERRNO);
    }

    /**
     * Downcall handle of {@code socket} (first parameter: the errno state).
     * @return the handle
     */
    public static MethodHandle socket$handle() {
        return socket.HANDLE;
    }

    /**
     * {@code socket(2)}.
     * @param errnoState receives errno
     * @param domain {@code AF_*}
     * @param type {@code SOCK_*} (with {@code SOCK_CLOEXEC} etc.)
     * @param protocol protocol, 0 for the default
     * @return the new fd, or -1 with errno captured
     */
    public static int socket(MemorySegment errnoState, int domain, int type, int protocol) {
        try {
            return (int) socket.HANDLE.invokeExact(errnoState, domain, type, protocol);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static final class bind {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_INT);
        static final MethodHandle HANDLE = downcall("bind", DESC, CAPTURE_ERRNO);
    }

    /**
     * Downcall handle of {@code bind} (first parameter: the errno state).
     * @return the handle
     */
    public static MethodHandle bind$handle() {
        return bind.HANDLE;
    }

    /**
     * {@code bind(2)}.
     * @param errnoState receives errno
     * @param fd the socket
     * @param addr a {@code struct sockaddr_*}
     * @param addrlen its length
     * @return 0, or -1 with errno captured
     */
    public static int bind(MemorySegment errnoState, int fd, MemorySegment addr, int addrlen) {
        try {
            return (int) bind.HANDLE.invokeExact(errnoState, fd, addr, addrlen);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static final class listen {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_INT);
        static final MethodHandle HANDLE = downcall("listen", DESC, CAPTURE_ERRNO);
    }

    /**
     * Downcall handle of {@code listen} (first parameter: the errno state).
     * @return the handle
     */
    public static MethodHandle listen$handle() {
        return listen.HANDLE;
    }

    /**
     * {@code listen(2)}.
     * @param errnoState receives errno
     * @param fd the socket
     * @param backlog the accept queue length
     * @return 0, or -1 with errno captured
     */
    public static int listen(MemorySegment errnoState, int fd, int backlog) {
        try {
            return (int) listen.HANDLE.invokeExact(errnoState, fd, backlog);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static final class setsockopt {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT, C_POINTER, C_INT);
        static final MethodHandle HANDLE = downcall("setsockopt", DESC, CAPTURE_ERRNO);
    }

    /**
     * Downcall handle of {@code setsockopt} (first parameter: the errno state).
     * @return the handle
     */
    public static MethodHandle setsockopt$handle() {
        return setsockopt.HANDLE;
    }

    /**
     * {@code setsockopt(2)}.
     * @param errnoState receives errno
     * @param fd the socket
     * @param level {@code SOL_*} / {@code IPPROTO_*}
     * @param optname the option
     * @param optval the value
     * @param optlen its length
     * @return 0, or -1 with errno captured
     */
    public static int setsockopt(MemorySegment errnoState, int fd, int level, int optname, MemorySegment optval, int optlen) {
        try {
            return (int) setsockopt.HANDLE.invokeExact(errnoState, fd, level, optname, optval, optlen);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static final class getsockopt {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT, C_POINTER, C_POINTER);
        static final MethodHandle HANDLE = downcall("getsockopt", DESC, CAPTURE_ERRNO);
    }

    /**
     * Downcall handle of {@code getsockopt} (first parameter: the errno state).
     * @return the handle
     */
    public static MethodHandle getsockopt$handle() {
        return getsockopt.HANDLE;
    }

    /**
     * {@code getsockopt(2)}.
     * @param errnoState receives errno
     * @param fd the socket
     * @param level {@code SOL_*} / {@code IPPROTO_*}
     * @param optname the option
     * @param optval receives the value
     * @param optlen in: capacity, out: length ({@code socklen_t})
     * @return 0, or -1 with errno captured
     */
    public static int getsockopt(MemorySegment errnoState, int fd, int level, int optname, MemorySegment optval, MemorySegment optlen) {
        try {
            return (int) getsockopt.HANDLE.invokeExact(errnoState, fd, level, optname, optval, optlen);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static final class getsockname {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_POINTER);
        static final MethodHandle HANDLE = downcall("getsockname", DESC, CAPTURE_ERRNO);
    }

    /**
     * Downcall handle of {@code getsockname} (first parameter: the errno state).
     * @return the handle
     */
    public static MethodHandle getsockname$handle() {
        return getsockname.HANDLE;
    }

    /**
     * {@code getsockname(2)}.
     * @param errnoState receives errno
     * @param fd the socket
     * @param addr receives the address
     * @param addrlen in: capacity, out: length ({@code socklen_t})
     * @return 0, or -1 with errno captured
     */
    public static int getsockname(MemorySegment errnoState, int fd, MemorySegment addr, MemorySegment addrlen) {
        try {
            return (int) getsockname.HANDLE.invokeExact(errnoState, fd, addr, addrlen);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static final class getpeername {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_POINTER);
        static final MethodHandle HANDLE = downcall("getpeername", DESC, CAPTURE_ERRNO);
    }

    /**
     * Downcall handle of {@code getpeername} (first parameter: the errno state).
     * @return the handle
     */
    public static MethodHandle getpeername$handle() {
        return getpeername.HANDLE;
    }

    /**
     * {@code getpeername(2)}.
     * @param errnoState receives errno
     * @param fd the socket
     * @param addr receives the address
     * @param addrlen in: capacity, out: length ({@code socklen_t})
     * @return 0, or -1 with errno captured
     */
    public static int getpeername(MemorySegment errnoState, int fd, MemorySegment addr, MemorySegment addrlen) {
        try {
            return (int) getpeername.HANDLE.invokeExact(errnoState, fd, addr, addrlen);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }
}
