/**
 * Panama FFM bindings to liburing 2.3+ and the io_uring kernel ABI, in jextract's layout: the header
 * classes {@link dev.iobuf.liburing.LibUring} (liburing functions, io_uring constants) and
 * {@link dev.iobuf.liburing.Libc} (syscall, mmap and friends, with errno capture), one class per struct,
 * and the {@link dev.iobuf.liburing.Syscalls} wrappers that return {@code -errno} like liburing does.
 *
 * <p>Grant native access to this module alone: {@code --enable-native-access=dev.iobuf.liburing}
 * (on the class path: {@code ALL-UNNAMED}). liburing itself ({@code liburing.so.2}) is loaded on the
 * first liburing call, never by touching constants or layouts.
 *
 * <p>Exported to our own io_uring module only: these classes make raw system calls ({@code syscall},
 * {@code mmap}, {@code munmap}, ...) with this module's native access, so exporting them to everyone would
 * hand that access to code whose module was never granted it.
 */
module dev.iobuf.liburing {
    exports dev.iobuf.liburing to dev.iobuf.uring;
}
