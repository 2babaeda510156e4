/** Runnable programs built on the public API only. */
module dev.iobuf.examples {
    requires dev.iobuf.core;
    requires dev.iobuf.uring;
    // C layouts and constants (LibcAbi, sockaddr_in) for BufferRingRecvCheck; exported to us by name
    requires dev.iobuf.liburing;
    // sun.misc.Signal: the servers shut down gracefully on SIGINT/SIGTERM and exit 0 (ShutdownSignals)
    requires jdk.unsupported;
    exports dev.iobuf.examples;
}
