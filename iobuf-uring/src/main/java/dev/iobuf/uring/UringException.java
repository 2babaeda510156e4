package dev.iobuf.uring;

import dev.iobuf.liburing.Errno;

/**
 * A failed io_uring call: carries the errno, its name, the operation and its arguments, and a
 * remedy where one exists. Three failures that mean "io_uring cannot be used here" have their own
 * types so that callers can fall back: {@link IoUringBlockedException} (EPERM),
 * {@link IoUringUnavailableException} (ENOSYS) and {@link MemlockLimitException} (ENOMEM).
 */
public class UringException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The positive errno. */
    private final int errno;
    /** The failed call and its arguments. */
    private final String operation;

    /**
     * A failed call with the message {@code "<operation> failed: <ERRNO> (<text>). <remedy>"}.
     *
     * @param operation the call and its arguments, e.g. {@code "io_uring_register(BUFFERS2, nr=64)"}
     * @param result the negative result ({@code -errno}) or the positive errno
     * @param remedy what to do about it, or {@code null}
     */
    public UringException(String operation, int result, String remedy) {
        super(message(operation, result, remedy));
        this.errno = Math.abs(result);
        this.operation = operation;
    }

    /** A failure whose whole message the caller composed (no errno text appended). */
    UringException(String message, String operation, int result) {
        super(message);
        this.errno = Math.abs(result);
        this.operation = operation;
    }

    private UringException(String operation, int result) {
        super(message(operation, result, null), null, false, false);
        this.errno = Math.abs(result);
        this.operation = operation;
    }

    /**
     * A completion's failure (a peer's reset, a broken pipe), without a stack trace: it would show the
     * event loop's reap, not where the operation was queued, and peers that reset connections by the thousand
     * would make every close walk and keep a stack.
     *
     * @param operation the operation and its arguments, e.g. {@code "recv(fd=7)"}
     * @param result the completion's negative result ({@code -errno})
     * @return the exception, message as {@link #UringException(String, int, String)} makes it without remedy
     */
    public static UringException ofCompletion(String operation, int result) {
        return new UringException(operation, result);
    }

    private static String message(String operation, int result, String remedy) {
        String text = operation + " failed: " + Errno.name(result) + " (" + describe(result) + ")";
        return remedy == null ? text : text + ". " + remedy;
    }

    private static String describe(int result) {
        try {
            String d = Errno.describe(result);
            int open = d.indexOf('(');
            return open >= 0 ? d.substring(open + 1, d.length() - 1) : d;
        } catch (RuntimeException | LinkageError e) {
            return "errno " + Math.abs(result);
        }
    }

    /** The positive errno value. */
    public int errno() {
        return errno;
    }

    /** The symbolic errno name, e.g. {@code "EINVAL"}. */
    public String errnoName() {
        return Errno.name(errno);
    }

    /**
     * The symbolic errno name of a completion's result or any errno ({@code -22} or {@code 22}: {@code
     * "EINVAL"}), for code outside our modules: the bindings package is exported to our modules only.
     */
    public static String errnoName(long errnoOrResult) {
        return Errno.name(errnoOrResult);
    }

    /** The failed call and its arguments. */
    public String operation() {
        return operation;
    }

    /**
     * The exception for a failed setup or register call: EPERM, ENOSYS and ENOMEM get their own
     * types and remedies, every other errno a plain {@code UringException}.
     */
    static UringException forSetup(String operation, int result) {
        if (Errno.EPERM.is(result)) {
            return new IoUringBlockedException(operation, result);
        }
        if (Errno.ENOSYS.is(result)) {
            return new IoUringUnavailableException(operation, result);
        }
        if (Errno.ENOMEM.is(result)) {
            return new MemlockLimitException(operation, result, MemlockLimitException.remedy(-1, -1));
        }
        return new UringException(operation, result, null);
    }
}
