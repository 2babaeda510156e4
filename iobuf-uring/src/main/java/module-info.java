/**
 * io_uring rings whose submission and completion run in Java over the shared ring memory
 * ({@code dev.iobuf.uring}), and a network runtime on top of them: event loops, connections, listeners
 * ({@code dev.iobuf.uring.net}), and file I/O for any thread, virtual threads first ({@code dev.iobuf.uring.file}).
 */
module dev.iobuf.uring {
    requires transitive dev.iobuf.core;
    // Not transitive: the bindings are exported to this module only (raw system calls stay behind our API).
    requires dev.iobuf.liburing;
    // The event loops prepare java.util.logging before they need it (LoopLog.loadFiles, warmUpFormatting).
    requires java.logging;
    // JFR events (dev.iobuf.*); nothing is recorded unless a recording enables them
    requires jdk.jfr;
    // the event loops' counters as MBeans (dev.iobuf:type=EventLoop,name=...)
    requires java.management;
    // ExtendedOpenOption.DIRECT: O_DIRECT for the file API's NIO transport (FileChannel)
    requires jdk.unsupported;
    exports dev.iobuf.uring;
    exports dev.iobuf.uring.net;
    exports dev.iobuf.uring.file;
}
