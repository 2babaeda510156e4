package dev.iobuf.uring.net;

import dev.iobuf.liburing.Errno;
import dev.iobuf.uring.UringException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;

/**
 * The NIO transport's failures in the io_uring transport's terms: a {@link UringException} with the errno
 * the JDK's message stands for (the JDK keeps the number to itself), the {@link IOException} as its cause.
 * Handlers and connect futures see one kind of error whichever transport runs.
 */
final class NioErrors {
    private NioErrors() {
    }

    /** {@code e}, raised by {@code operation}, as a {@link UringException}. */
    static UringException of(String operation, IOException e) {
        UringException u = new UringException(operation, -errno(e).number(), null);
        u.initCause(e);
        return u;
    }

    /** {@code e}, raised by {@code operation}, with the remedy {@code remedy} gives for its (negative) errno. */
    static UringException of(String operation, IOException e, java.util.function.IntFunction<String> remedy) {
        int rc = -errno(e).number();
        UringException u = new UringException(operation, rc, remedy.apply(rc));
        u.initCause(e);
        return u;
    }

    private static Errno errno(IOException e) {
        String m = String.valueOf(e.getMessage());
        if (e instanceof ConnectException && m.contains("refused")) {
            return Errno.ECONNREFUSED;
        }
        if (e instanceof SocketTimeoutException || m.contains("timed out")) {
            return Errno.ETIMEDOUT;
        }
        if (m.contains("reset")) {
            return Errno.ECONNRESET;
        }
        if (m.contains("Broken pipe")) {
            return Errno.EPIPE;
        }
        if (m.contains("Address already in use")) {
            return Errno.EADDRINUSE;
        }
        if (m.contains("Too many open files in system")) {
            return Errno.ENFILE;
        }
        if (m.contains("Too many open files")) {
            return Errno.EMFILE;
        }
        if (m.contains("No such file or directory")) {
            return Errno.ENOENT;
        }
        if (m.contains("Permission denied")) {
            return Errno.EACCES;
        }
        if (m.contains("Read-only file system")) {
            return Errno.EROFS;
        }
        if (m.contains("unreachable")) {
            return Errno.ENETUNREACH;
        }
        return Errno.EIO;
    }
}
