/**
 * Panama FFM bindings to liburing and the io_uring kernel ABI: the jextract-generated layouts and
 * constants (never edited by hand), the libc calls the library needs with errno capture, and the
 * {@link dev.iobuf.liburing.Syscalls} wrappers that return {@code -errno} like liburing does. For the
 * library's own modules; applications use {@code dev.iobuf.uring}.
 */
package dev.iobuf.liburing;
