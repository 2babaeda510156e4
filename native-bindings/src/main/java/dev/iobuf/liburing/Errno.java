package dev.iobuf.liburing;

/**
 * Linux errno values (x86-64 / aarch64 numbering, checked against {@code <errno.h>} by
 * {@code LayoutConformanceTest}), to name and classify the {@code -errno} results of liburing, raw
 * system calls ({@link Syscalls}) and CQEs.
 *
 * <p>Aliases share a number and are not separate constants: {@code EWOULDBLOCK} is {@link #EAGAIN},
 * {@code ENOTSUP} is {@link #EOPNOTSUPP}, {@code EDEADLOCK} is {@link #EDEADLK}.
 */
@SuppressWarnings("restricted") // describe(): sizes strerror's NUL-terminated result
public enum Errno {
    /** Operation not permitted; for io_uring_setup: blocked by seccomp, kernel.io_uring_disabled or io_uring_group. */
    EPERM(1),
    /** No such file or directory. */
    ENOENT(2),
    /** No such process. */
    ESRCH(3),
    /** Interrupted system call. */
    EINTR(4),
    /** I/O error. */
    EIO(5),
    /** No such device or address; for ATTACH_WQ: wq_fd is not a live ring. */
    ENXIO(6),
    /** Argument list too long. */
    E2BIG(7),
    /** Exec format error. */
    ENOEXEC(8),
    /** Bad file descriptor. */
    EBADF(9),
    /** No child processes. */
    ECHILD(10),
    /** Try again (EWOULDBLOCK). */
    EAGAIN(11),
    /** Out of memory; for registration: often RLIMIT_MEMLOCK. */
    ENOMEM(12),
    /** Permission denied. */
    EACCES(13),
    /** Bad address. */
    EFAULT(14),
    /** Block device required. */
    ENOTBLK(15),
    /** Device or resource busy. */
    EBUSY(16),
    /** File exists; for SINGLE_ISSUER: submitted from another task. */
    EEXIST(17),
    /** Cross-device link. */
    EXDEV(18),
    /** No such device. */
    ENODEV(19),
    /** Not a directory. */
    ENOTDIR(20),
    /** Is a directory. */
    EISDIR(21),
    /** Invalid argument; often a flag or opcode this kernel does not know. */
    EINVAL(22),
    /** File table overflow. */
    ENFILE(23),
    /** Too many open files. */
    EMFILE(24),
    /** Not a typewriter. */
    ENOTTY(25),
    /** Text file busy. */
    ETXTBSY(26),
    /** File too large. */
    EFBIG(27),
    /** No space left on device. */
    ENOSPC(28),
    /** Illegal seek. */
    ESPIPE(29),
    /** Read-only file system. */
    EROFS(30),
    /** Too many links. */
    EMLINK(31),
    /** Broken pipe. */
    EPIPE(32),
    /** Math argument out of domain. */
    EDOM(33),
    /** Math result not representable. */
    ERANGE(34),
    /** Resource deadlock would occur. */
    EDEADLK(35),
    /** File name too long. */
    ENAMETOOLONG(36),
    /** No record locks available. */
    ENOLCK(37),
    /** Function not implemented; for io_uring_setup: kernel without io_uring. */
    ENOSYS(38),
    /** Directory not empty. */
    ENOTEMPTY(39),
    /** Too many symbolic links encountered. */
    ELOOP(40),
    /** No message of desired type. */
    ENOMSG(42),
    /** Identifier removed. */
    EIDRM(43),
    /** Invalid request descriptor; from io_uring_enter: CQ overflow lost completions. */
    EBADR(53),
    /** No data available. */
    ENODATA(61),
    /** Timer expired; the normal result of an io_uring timeout. */
    ETIME(62),
    /** Link has been severed. */
    ENOLINK(67),
    /** Protocol error. */
    EPROTO(71),
    /** Not a data message. */
    EBADMSG(74),
    /** Value too large for defined data type. */
    EOVERFLOW(75),
    /** File descriptor in bad state. */
    EBADFD(77),
    /** Illegal byte sequence. */
    EILSEQ(84),
    /** Too many users. */
    EUSERS(87),
    /** Socket operation on non-socket. */
    ENOTSOCK(88),
    /** Destination address required. */
    EDESTADDRREQ(89),
    /** Message too long. */
    EMSGSIZE(90),
    /** Protocol wrong type for socket. */
    EPROTOTYPE(91),
    /** Protocol not available. */
    ENOPROTOOPT(92),
    /** Protocol not supported. */
    EPROTONOSUPPORT(93),
    /** Socket type not supported. */
    ESOCKTNOSUPPORT(94),
    /** Operation not supported (ENOTSUP); for an SQE: opcode or flag unsupported. */
    EOPNOTSUPP(95),
    /** Protocol family not supported. */
    EPFNOSUPPORT(96),
    /** Address family not supported by protocol. */
    EAFNOSUPPORT(97),
    /** Address already in use. */
    EADDRINUSE(98),
    /** Cannot assign requested address. */
    EADDRNOTAVAIL(99),
    /** Network is down. */
    ENETDOWN(100),
    /** Network is unreachable. */
    ENETUNREACH(101),
    /** Network dropped connection because of reset. */
    ENETRESET(102),
    /** Software caused connection abort. */
    ECONNABORTED(103),
    /** Connection reset by peer. */
    ECONNRESET(104),
    /** No buffer space available; for buffer select: the provided-buffer group is empty. */
    ENOBUFS(105),
    /** Transport endpoint is already connected. */
    EISCONN(106),
    /** Transport endpoint is not connected. */
    ENOTCONN(107),
    /** Cannot send after transport endpoint shutdown. */
    ESHUTDOWN(108),
    /** Too many references. */
    ETOOMANYREFS(109),
    /** Connection timed out. */
    ETIMEDOUT(110),
    /** Connection refused. */
    ECONNREFUSED(111),
    /** Host is down. */
    EHOSTDOWN(112),
    /** No route to host. */
    EHOSTUNREACH(113),
    /** Operation already in progress; for cancel: the request is already running. */
    EALREADY(114),
    /** Operation now in progress. */
    EINPROGRESS(115),
    /** Stale file handle. */
    ESTALE(116),
    /** Quota exceeded. */
    EDQUOT(122),
    /** Operation canceled. */
    ECANCELED(125),
    /** Owner died. */
    EOWNERDEAD(130),
    /** State not recoverable. */
    ENOTRECOVERABLE(131);

    private static final Errno[] BY_NUMBER = new Errno[134];

    static {
        for (Errno e : values()) {
            BY_NUMBER[e.number] = e;
        }
    }

    private final int number;

    Errno(int number) {
        this.number = number;
    }

    /**
     * The errno value.
     * @return the positive errno number
     */
    public int number() {
        return number;
    }

    /**
     * The negated value, as liburing functions and CQEs report it.
     * @return {@code -number()}
     */
    public int negated() {
        return -number;
    }

    /**
     * Whether {@code result} is this error, given as an errno or as a {@code -errno} result.
     * @param result an errno or a negative result
     * @return true when it names this error
     */
    public boolean is(long result) {
        return result == number || result == -number;
    }

    /**
     * The constant for an errno value, given positive ({@code errno}) or negative (a {@code -errno} result).
     * @param errnoOrResult errno or {@code -errno}
     * @return the constant, or null when the number is not one listed here
     */
    public static Errno of(long errnoOrResult) {
        long n = Math.abs(errnoOrResult);
        return n < BY_NUMBER.length ? BY_NUMBER[(int) n] : null;
    }

    /**
     * The symbolic name of an errno value ({@code "EAGAIN"}), or {@code "errno N"} when unlisted.
     * @param errnoOrResult errno or {@code -errno}
     * @return the name
     */
    public static String name(long errnoOrResult) {
        Errno e = of(errnoOrResult);
        return e != null ? e.name() : "errno " + Math.abs(errnoOrResult);
    }

    /**
     * Name and the C library's message, e.g. {@code "EAGAIN (Resource temporarily unavailable)"}.
     * @param errnoOrResult errno or {@code -errno}
     * @return the description
     */
    public static String describe(long errnoOrResult) {
        int n = (int) Math.min(Math.abs(errnoOrResult), Integer.MAX_VALUE);
        String message = Libc.strerror(n).reinterpret(Long.MAX_VALUE).getString(0);
        return name(n) + " (" + message + ")";
    }
}
