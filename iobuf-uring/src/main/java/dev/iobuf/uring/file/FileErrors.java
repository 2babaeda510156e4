package dev.iobuf.uring.file;

import dev.iobuf.liburing.Errno;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** Kernel errors as java.nio reports them: the exception types of {@code Files} and {@code FileChannel}. */
final class FileErrors {
    private FileErrors() {
    }

    /** The exception for {@code -errno} {@code result} of {@code operation} on {@code path}. */
    static IOException of(int result, String operation, Path path) {
        String file = path == null ? null : path.toString();
        String reason = operation + ": " + describe(result);
        Errno e = Errno.of(result);
        if (e == null) {
            return new UringFileException(file, reason, result);
        }
        return switch (e) {
            case ENOENT -> new NoSuchFileException(file, null, reason);
            case EACCES, EPERM -> new AccessDeniedException(file, null, reason);
            case EEXIST -> new FileAlreadyExistsException(file, null, reason);
            case ENOTDIR -> new NotDirectoryException(file);
            default -> new UringFileException(file, reason, result);
        };
    }

    private static String describe(int result) {
        try {
            return Errno.describe(result);
        } catch (RuntimeException | LinkageError ex) {
            return Errno.name(result);
        }
    }
}
