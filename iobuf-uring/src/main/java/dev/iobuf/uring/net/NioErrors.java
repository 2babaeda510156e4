package dev.iobuf.uring.net;

import dev.iobuf.liburing.Errno;
import dev.iobuf.uring.UringException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.List;

/**
 * The NIO transport's failures in the io_uring transport's terms: a {@link UringException} with the errno
 * the JDK's message stands for (the JDK keeps the number to itself), the {@link IOException} as its cause.
 * Handlers and connect futures see one kind of error whichever transport runs.
 */
final class NioErrors {
    /** An exception of {@code type} whose message contains {@code text} stands for {@code errno}. */
    private record Rule(Class<? extends IOException> type, String text, Errno errno) {
    }

    /** The JDK's words for each errno (its messages are strerror's), in order: the first match wins. */
    private static final List<Rule> RULES = List.of(
            new Rule(ConnectException.class, "refused", Errno.ECONNREFUSED),
            new Rule(SocketTimeoutException.class, "", Errno.ETIMEDOUT),
            new Rule(IOException.class, "timed out", Errno.ETIMEDOUT),
            new Rule(IOException.class, "reset", Errno.ECONNRESET),
            new Rule(IOException.class, "Broken pipe", Errno.EPIPE),
            new Rule(IOException.class, "Address already in use", Errno.EADDRINUSE),
            new Rule(IOException.class, "Too many open files in system", Errno.ENFILE),   // before EMFILE: contains its text
            new Rule(IOException.class, "Too many open files", Errno.EMFILE),
            new Rule(IOException.class, "No such file or directory", Errno.ENOENT),
            new Rule(IOException.class, "Permission denied", Errno.EACCES),
            new Rule(IOException.class, "Read-only file system", Errno.EROFS),
            new Rule(IOException.class, "unreachable", Errno.ENETUNREACH));

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

    /** The errno {@code e}'s type and message stand for: the first rule that matches, else EIO. */
    private static Errno errno(IOException e) {
        String m = String.valueOf(e.getMessage());
        for (Rule r : RULES) {
            if (r.type.isInstance(e) && m.contains(r.text)) {
                return r.errno;
            }
        }
        return Errno.EIO;
    }
}
