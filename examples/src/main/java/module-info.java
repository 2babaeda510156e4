/** Runnable programs built on the public API only. */
module dev.iobuf.examples {
    requires dev.iobuf.core;
    requires dev.iobuf.uring;
    // sun.misc.Signal: the servers shut down gracefully on SIGINT/SIGTERM and exit 0 (ShutdownSignals)
    requires jdk.unsupported;
    exports dev.iobuf.examples;
}
