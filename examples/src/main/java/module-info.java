/** Runnable programs built on the public API only. */
module dev.iobuf.examples {
    requires dev.iobuf.core;
    requires dev.iobuf.uring;
    exports dev.iobuf.examples;
}
