package dev.iobuf.liburing;

/**
 * liburing ({@value LibUringLibrary#SONAME}), or a function this binding needs from it, is not available
 * on this machine. The message says what was missing and how to install it.
 *
 * <p>An {@link UnsupportedOperationException}: the io_uring path is unsupported here, and callers that can
 * fall back (to NIO, for example) catch this type. Thrown on every call that needs the missing piece, never
 * wrapped in an {@code ExceptionInInitializerError}.
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
