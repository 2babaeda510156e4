/** io_uring rings whose submission and completion run in Java over the shared ring memory. */
module dev.iobuf.uring {
    requires transitive dev.iobuf.core;
    requires transitive dev.iobuf.liburing;
    exports dev.iobuf.uring;
}
