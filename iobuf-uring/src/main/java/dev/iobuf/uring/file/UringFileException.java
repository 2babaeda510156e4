package dev.iobuf.uring.file;

import dev.iobuf.liburing.Errno;
import java.nio.file.FileSystemException;

/**
 * A file operation the kernel failed with an errno that java.nio has no exception type for (those that
 * have one, ENOENT, EACCES, EEXIST..., get theirs): the message names the call, the path and the errno.
 */
public class UringFileException extends FileSystemException {
    private static final long serialVersionUID = 1L;
    /** The positive errno. */
    private final int errno;

    UringFileException(String file, String reason, int result) {
        super(file, null, reason);
        this.errno = Math.abs(result);
    }

    /** The positive errno value. */
    public int errno() {
        return errno;
    }

    /** The errno's name, e.g. {@code "EOPNOTSUPP"}. */
    public String errnoName() {
        return Errno.name(errno);
    }
}
