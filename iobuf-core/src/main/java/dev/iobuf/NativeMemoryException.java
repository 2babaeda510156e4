package dev.iobuf;

import java.io.Serial;

/**
 * A libc memory call ({@code mmap}, {@code madvise}, {@code mlock}) failed. The message names the
 * call, the size asked for, the errno, and what to change; {@link #errno()} gives the number for
 * programs that react to it (for example {@code ENOMEM} = 12).
 */
public final class NativeMemoryException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The failed call. */
    private final String call;
    /** The positive errno. */
    private final int errno;

    NativeMemoryException(String call, int errno, String message) {
        super(message);
        this.call = call;
        this.errno = errno;
    }

    /** The libc function that failed, e.g. {@code "mlock"}. */
    public String call() {
        return call;
    }

    /** The errno the call set, e.g. 12 for {@code ENOMEM}. */
    public int errno() {
        return errno;
    }
}
