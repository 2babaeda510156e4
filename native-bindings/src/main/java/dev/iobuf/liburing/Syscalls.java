package dev.iobuf.liburing;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The raw system calls the io_uring layer makes, with liburing's error convention: each returns its
 * result, or {@code -errno} on failure (never -1 plus a separate errno), so that code calling liburing and
 * code calling these reads the same way: {@code if (res < 0) ... Errno.name(res)}.
 *
 * <p>Every call goes through {@code syscall(2)} ({@link LibcProcess#syscall}), numbers from {@link ArchConstants}:
 * {@code io_uring_setup}, {@code io_uring_enter} and {@code io_uring_register} because liburing 2.3 lacks a
 * helper for what we use (buffer status, restrictions, newer register opcodes) and a ring mapped in Java needs
 * them per batch; the libc ones ({@code close}, {@code mmap}, sockets...) because one downcall handle links once
 * where a handle per function is linked (a class spun) per function, at every start.
 *
 * <p>Each method comes in two forms: one taking an {@code errnoState} segment the caller owns (from
 * {@link Libc#allocateErrnoState}; a ring keeps one for its submitting thread), and one using a
 * per-thread segment. Neither allocates per call.
 */
public final class Syscalls {

    private static final ThreadLocal<MemorySegment> ERRNO_STATE =
            ThreadLocal.withInitial(() -> Libc.allocateErrnoState(Arena.ofAuto()));

    // Every call below goes through the one syscall(2) downcall handle, system call numbers as constants: the
    // linker spins a class per distinct function descriptor (through the ClassFile API, ~10 ms each on a slow
    // host), so one handle instead of one per libc function is ~10 such classes less at every start
    // (benchmarks/README.md, "Start time"). The numbers are read once, here.
    private static final long CLOSE = ArchConstants.SYS_close();
    private static final long WRITE = ArchConstants.SYS_write();
    private static final long MMAP = ArchConstants.SYS_mmap();
    private static final long MUNMAP = ArchConstants.SYS_munmap();
    private static final long MADVISE = ArchConstants.SYS_madvise();
    private static final long EVENTFD2 = ArchConstants.SYS_eventfd2();
    private static final long PRLIMIT64 = ArchConstants.SYS_prlimit64();
    private static final long SOCKET = ArchConstants.SYS_socket();
    private static final long BIND = ArchConstants.SYS_bind();
    private static final long LISTEN = ArchConstants.SYS_listen();
    private static final long SETSOCKOPT = ArchConstants.SYS_setsockopt();
    private static final long GETSOCKOPT = ArchConstants.SYS_getsockopt();
    private static final long GETSOCKNAME = ArchConstants.SYS_getsockname();
    private static final long GETPEERNAME = ArchConstants.SYS_getpeername();
    private static final long SETPRIORITY = ArchConstants.SYS_setpriority();

    static {
        // The calls that free fds and mappings are bound with this class, not on their first use: that use can
        // come when the process is out of fds, and loading a binding's class from a class folder needs one
        // (NoClassDefFoundError at teardown: the fd or mapping leaked, the loop thread dead).
        LibcProcess.syscall$handle();
    }

    private Syscalls() {
    }

    /**
     * This thread's errno capture segment, used by the overloads without one.
     * @return the segment
     */
    public static MemorySegment threadErrnoState() {
        return ERRNO_STATE.get();
    }

    /**
     * Whether a result of these methods (or of liburing) is an error: {@code -4095 <= result <= -1},
     * the range the kernel uses for {@code -errno}.
     * @param result a result
     * @return true for an error
     */
    public static boolean isError(long result) {
        return result < 0 && result >= -4095;
    }

    private static long result(long ret, MemorySegment errnoState) {
        return ret == -1 ? -Libc.errno(errnoState) : ret;
    }

    /** System call {@code number} with up to five arguments: its result, or -errno. */
    private static long call(MemorySegment errnoState, long number, long a1, long a2, long a3, long a4, long a5) {
        return result(LibcProcess.syscall(errnoState, number, a1, a2, a3, a4, a5, 0), errnoState);
    }

    /** System call {@code number} with up to four arguments: its result, or -errno. */
    private static long call(MemorySegment errnoState, long number, long a1, long a2, long a3, long a4) {
        return call(errnoState, number, a1, a2, a3, a4, 0);
    }

    /**
     * {@code io_uring_setup(2)}.
     * @param errnoState receives errno
     * @param entries SQ size hint
     * @param params an {@link io_uring_params}, flags in, geometry out
     * @return the ring fd, or -errno
     */
    public static int ioUringSetup(MemorySegment errnoState, int entries, MemorySegment params) {
        long ret = LibcProcess.syscall(errnoState, LibcAbi.SYS_io_uring_setup(), Integer.toUnsignedLong(entries),
                params.address(), 0, 0, 0, 0);
        return (int) result(ret, errnoState);
    }

    /**
     * {@code io_uring_setup(2)} using this thread's errno segment.
     * @param entries SQ size hint
     * @param params an {@link io_uring_params}
     * @return the ring fd, or -errno
     */
    public static int ioUringSetup(int entries, MemorySegment params) {
        return ioUringSetup(ERRNO_STATE.get(), entries, params);
    }

    /**
     * {@code io_uring_enter(2)}. Blocks when {@code flags} has {@code IORING_ENTER_GETEVENTS} and
     * {@code minComplete > 0}.
     * @param errnoState receives errno
     * @param fd ring fd (or registered index with {@code IORING_ENTER_REGISTERED_RING})
     * @param toSubmit SQEs to submit
     * @param minComplete completions to wait for
     * @param flags {@code IORING_ENTER_*}
     * @param arg sigset, {@link io_uring_getevents_arg} (with EXT_ARG), or {@link MemorySegment#NULL}
     * @param argSize size of {@code arg} ({@code _NSIG/8} for a sigset)
     * @return SQEs consumed, or -errno
     */
    public static int ioUringEnter(MemorySegment errnoState, int fd, int toSubmit, int minComplete, int flags,
                                   MemorySegment arg, long argSize) {
        long ret = LibcProcess.syscall(errnoState, LibcAbi.SYS_io_uring_enter(), Integer.toUnsignedLong(fd),
                Integer.toUnsignedLong(toSubmit), Integer.toUnsignedLong(minComplete), Integer.toUnsignedLong(flags),
                arg.address(), argSize);
        return (int) result(ret, errnoState);
    }

    /**
     * {@code io_uring_enter(2)} using this thread's errno segment.
     * @param fd ring fd
     * @param toSubmit SQEs to submit
     * @param minComplete completions to wait for
     * @param flags {@code IORING_ENTER_*}
     * @param arg argument or {@link MemorySegment#NULL}
     * @param argSize size of {@code arg}
     * @return SQEs consumed, or -errno
     */
    public static int ioUringEnter(int fd, int toSubmit, int minComplete, int flags, MemorySegment arg, long argSize) {
        return ioUringEnter(ERRNO_STATE.get(), fd, toSubmit, minComplete, flags, arg, argSize);
    }

    /**
     * {@code io_uring_register(2)}.
     * @param errnoState receives errno
     * @param fd ring fd (or registered index with {@code IORING_REGISTER_USE_REGISTERED_RING} in opcode;
     *           -1 for ring-less opcodes such as {@code IORING_REGISTER_QUERY})
     * @param opcode {@code IORING_REGISTER_*}
     * @param arg the opcode's argument, or {@link MemorySegment#NULL}
     * @param nrArgs the opcode's count
     * @return the opcode's result (often 0), or -errno
     */
    public static int ioUringRegister(MemorySegment errnoState, int fd, int opcode, MemorySegment arg, int nrArgs) {
        long ret = LibcProcess.syscall(errnoState, LibcAbi.SYS_io_uring_register(), Integer.toUnsignedLong(fd),
                Integer.toUnsignedLong(opcode), arg.address(), Integer.toUnsignedLong(nrArgs), 0, 0);
        return (int) result(ret, errnoState);
    }

    /**
     * {@code io_uring_register(2)} using this thread's errno segment.
     * @param fd ring fd
     * @param opcode {@code IORING_REGISTER_*}
     * @param arg argument or {@link MemorySegment#NULL}
     * @param nrArgs count
     * @return the result, or -errno
     */
    public static int ioUringRegister(int fd, int opcode, MemorySegment arg, int nrArgs) {
        return ioUringRegister(ERRNO_STATE.get(), fd, opcode, arg, nrArgs);
    }

    /**
     * {@code mmap(2)}.
     * @param errnoState receives errno
     * @param addr hint, or {@link MemorySegment#NULL}
     * @param length bytes
     * @param prot {@code PROT_*}
     * @param flags {@code MAP_*}
     * @param fd file descriptor or -1
     * @param offset offset ({@code IORING_OFF_*} for rings)
     * @return the mapped address (user-space addresses are positive), or -errno
     */
    public static long mmap(MemorySegment errnoState, MemorySegment addr, long length, int prot, int flags, int fd,
                            long offset) {
        long p = LibcProcess.syscall(errnoState, MMAP, addr.address(), length, Integer.toUnsignedLong(prot),
                Integer.toUnsignedLong(flags), fd, offset);
        return p == -1L ? -Libc.errno(errnoState) : p;
    }

    /**
     * {@code mmap(2)} using this thread's errno segment.
     * @param addr hint, or {@link MemorySegment#NULL}
     * @param length bytes
     * @param prot {@code PROT_*}
     * @param flags {@code MAP_*}
     * @param fd file descriptor or -1
     * @param offset offset
     * @return the mapped address, or -errno
     */
    public static long mmap(MemorySegment addr, long length, int prot, int flags, int fd, long offset) {
        return mmap(ERRNO_STATE.get(), addr, length, prot, flags, fd, offset);
    }

    /**
     * {@code munmap(2)}.
     * @param errnoState receives errno
     * @param addr start
     * @param length bytes
     * @return 0 or -errno
     */
    public static int munmap(MemorySegment errnoState, MemorySegment addr, long length) {
        return (int) call(errnoState, MUNMAP, addr.address(), length, 0, 0);
    }

    /**
     * {@code munmap(2)} using this thread's errno segment.
     * @param addr start
     * @param length bytes
     * @return 0 or -errno
     */
    public static int munmap(MemorySegment addr, long length) {
        return munmap(ERRNO_STATE.get(), addr, length);
    }

    /**
     * {@code madvise(2)}.
     * @param errnoState receives errno
     * @param addr page-aligned start
     * @param length bytes
     * @param advice {@code MADV_*}
     * @return 0 or -errno
     */
    public static int madvise(MemorySegment errnoState, MemorySegment addr, long length, int advice) {
        return (int) call(errnoState, MADVISE, addr.address(), length, Integer.toUnsignedLong(advice), 0);
    }

    /**
     * {@code madvise(2)} using this thread's errno segment.
     * @param addr page-aligned start
     * @param length bytes
     * @param advice {@code MADV_*}
     * @return 0 or -errno
     */
    public static int madvise(MemorySegment addr, long length, int advice) {
        return madvise(ERRNO_STATE.get(), addr, length, advice);
    }

    /**
     * {@code getrlimit(2)}.
     * @param resource {@code RLIMIT_*}
     * @param rlim an {@link rlimit} to fill
     * @return 0 or -errno
     */
    public static int getrlimit(int resource, MemorySegment rlim) {
        MemorySegment errnoState = ERRNO_STATE.get();
        // getrlimit is prlimit64 on this process (pid 0) with no new limit, as glibc does it
        return (int) call(errnoState, PRLIMIT64, 0, Integer.toUnsignedLong(resource), 0, rlim.address());
    }

    /**
     * {@code eventfd(2)}.
     * @param initval initial value
     * @param flags {@code EFD_*}
     * @return the fd or -errno
     */
    public static int eventfd(int initval, int flags) {
        MemorySegment errnoState = ERRNO_STATE.get();
        // eventfd(3) is the eventfd2 system call
        return (int) call(errnoState, EVENTFD2, Integer.toUnsignedLong(initval), Integer.toUnsignedLong(flags), 0, 0);
    }

    /**
     * {@code close(2)}. Not retried on EINTR (Linux releases the fd anyway).
     * @param fd the descriptor
     * @return 0 or -errno
     */
    public static int close(int fd) {
        MemorySegment errnoState = ERRNO_STATE.get();
        return (int) call(errnoState, CLOSE, Integer.toUnsignedLong(fd), 0, 0, 0);
    }

    /**
     * {@code socket(2)} using this thread's errno segment.
     * @param domain {@code AF_*}
     * @param type {@code SOCK_*} (with {@code SOCK_CLOEXEC} etc.)
     * @param protocol protocol, 0 for the default
     * @return the new fd, or -errno
     */
    public static int socket(int domain, int type, int protocol) {
        MemorySegment errnoState = ERRNO_STATE.get();
        return (int) call(errnoState, SOCKET, Integer.toUnsignedLong(domain), Integer.toUnsignedLong(type),
                Integer.toUnsignedLong(protocol), 0);
    }

    /**
     * {@code bind(2)} using this thread's errno segment.
     * @param fd the socket
     * @param addr a {@code struct sockaddr_*}
     * @param addrlen its length
     * @return 0, or -errno
     */
    public static int bind(int fd, MemorySegment addr, int addrlen) {
        MemorySegment errnoState = ERRNO_STATE.get();
        return (int) call(errnoState, BIND, Integer.toUnsignedLong(fd), addr.address(), Integer.toUnsignedLong(addrlen), 0);
    }

    /**
     * {@code listen(2)} using this thread's errno segment.
     * @param fd the socket
     * @param backlog the accept queue length
     * @return 0, or -errno
     */
    public static int listen(int fd, int backlog) {
        MemorySegment errnoState = ERRNO_STATE.get();
        return (int) call(errnoState, LISTEN, Integer.toUnsignedLong(fd), Integer.toUnsignedLong(backlog), 0, 0);
    }

    /**
     * {@code setsockopt(2)} using this thread's errno segment.
     * @param fd the socket
     * @param level {@code SOL_*} / {@code IPPROTO_*}
     * @param optname the option
     * @param optval the value
     * @param optlen its length
     * @return 0, or -errno
     */
    public static int setsockopt(int fd, int level, int optname, MemorySegment optval, int optlen) {
        MemorySegment errnoState = ERRNO_STATE.get();
        return (int) call(errnoState, SETSOCKOPT, Integer.toUnsignedLong(fd), Integer.toUnsignedLong(level),
                Integer.toUnsignedLong(optname), optval.address(), Integer.toUnsignedLong(optlen));
    }

    /**
     * {@code getsockopt(2)} using this thread's errno segment.
     * @param fd the socket
     * @param level {@code SOL_*} / {@code IPPROTO_*}
     * @param optname the option
     * @param optval receives the value
     * @param optlen in: capacity, out: length ({@code socklen_t})
     * @return 0, or -errno
     */
    public static int getsockopt(int fd, int level, int optname, MemorySegment optval, MemorySegment optlen) {
        MemorySegment errnoState = ERRNO_STATE.get();
        return (int) call(errnoState, GETSOCKOPT, Integer.toUnsignedLong(fd), Integer.toUnsignedLong(level),
                Integer.toUnsignedLong(optname), optval.address(), optlen.address());
    }

    /**
     * {@code getsockname(2)} using this thread's errno segment.
     * @param fd the socket
     * @param addr receives the address
     * @param addrlen in: capacity, out: length ({@code socklen_t})
     * @return 0, or -errno
     */
    public static int getsockname(int fd, MemorySegment addr, MemorySegment addrlen) {
        MemorySegment errnoState = ERRNO_STATE.get();
        return (int) call(errnoState, GETSOCKNAME, Integer.toUnsignedLong(fd), addr.address(), addrlen.address(), 0);
    }

    /**
     * {@code getpeername(2)} using this thread's errno segment.
     * @param fd the socket
     * @param addr receives the address
     * @param addrlen in: capacity, out: length ({@code socklen_t})
     * @return 0, or -errno
     */
    public static int getpeername(int fd, MemorySegment addr, MemorySegment addrlen) {
        MemorySegment errnoState = ERRNO_STATE.get();
        return (int) call(errnoState, GETPEERNAME, Integer.toUnsignedLong(fd), addr.address(), addrlen.address(), 0);
    }

    /**
     * {@code write(2)} using this thread's errno segment.
     * @param fd the descriptor
     * @param buf the bytes
     * @param count how many
     * @return the count written, or -errno
     */
    public static long write(int fd, MemorySegment buf, long count) {
        MemorySegment errnoState = ERRNO_STATE.get();
        return call(errnoState, WRITE, Integer.toUnsignedLong(fd), buf.address(), count, 0);
    }

    /**
     * {@code setpriority(2)}: sets a nice value. On Linux {@code PRIO_PROCESS} names one thread: a thread id, or
     * {@code 0} for the calling thread only (not its process).
     * @param which {@code PRIO_PROCESS}, {@code PRIO_PGRP} or {@code PRIO_USER}
     * @param who the id ({@code 0}: the caller)
     * @param nice -20 (most favoured) to 19 (least); raising it needs no privilege
     * @return 0, or -errno
     */
    public static int setpriority(int which, int who, int nice) {
        return (int) call(ERRNO_STATE.get(), SETPRIORITY, Integer.toUnsignedLong(which), Integer.toUnsignedLong(who),
                nice, 0);
    }

    /**
     * {@code preadv2(2)} using this thread's errno segment (the raw system call: the offset's high half is
     * 0 on 64-bit).
     * @param fd the descriptor
     * @param iov the {@code struct iovec} array
     * @param iovcnt its entries
     * @param offset the file offset
     * @param flags {@code RWF_*}
     * @return bytes read, or -errno
     */
    public static long preadv2(int fd, MemorySegment iov, int iovcnt, long offset, int flags) {
        MemorySegment errnoState = ERRNO_STATE.get();
        return result(LibcProcess.syscall(errnoState, ArchConstants.SYS_preadv2(), fd, iov.address(), iovcnt, offset, 0, flags),
                errnoState);
    }
}
