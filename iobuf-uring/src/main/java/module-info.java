/**
 * io_uring rings whose submission and completion run in Java over the shared ring memory
 * ({@code dev.iobuf.uring}), and a network runtime on top of them: event loops, connections, listeners
 * ({@code dev.iobuf.uring.net}).
 */
module dev.iobuf.uring {
    requires transitive dev.iobuf.core;
    // Not transitive: the bindings are exported to this module only (raw system calls stay behind our API).
    requires dev.iobuf.liburing;
    exports dev.iobuf.uring;
    exports dev.iobuf.uring.net;
}
