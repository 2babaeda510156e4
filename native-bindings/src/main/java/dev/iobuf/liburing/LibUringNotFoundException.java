package dev.iobuf.liburing;

/**
 * liburing ({@value LibUringLibrary#SONAME}) is not available on this machine; thrown by
 * {@link LibUringLibrary#requireAvailable()}. The message says how to install it.
 *
 * <p>An {@link UnsupportedOperationException}: the io_uring path is unsupported here, and callers that can
 * fall back (to NIO, for example) catch this type. Thrown on every call, never wrapped in an
 * {@code ExceptionInInitializerError}.
 */
public final class LibUringNotFoundException extends UnsupportedOperationException {

    private static final long serialVersionUID = 1L;

    static final String INSTALL_ADVICE = "Install liburing " + LibUringLibrary.MINIMUM_VERSION + " or newer:"
            + " Debian/Ubuntu `apt-get install liburing2`, Fedora/RHEL `dnf install liburing`,"
            + " Alpine `apk add liburing`; or point -D" + LibUringLibrary.PATH_PROPERTY
            + "=/path/to/" + LibUringLibrary.SONAME + " at a copy.";

    LibUringNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
