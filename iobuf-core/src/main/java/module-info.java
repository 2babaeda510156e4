/**
 * iobuf-core: buffer tiers, the lock-free bounded index pool, buffer pools over page-aligned
 * slabs, aligned off-heap memory and {@code struct iovec} arrays. JDK only; knows nothing of io_uring.
 */
module dev.iobuf.core {
    // JFR events (dev.iobuf.PoolWait); nothing is recorded unless a recording enables them
    requires jdk.jfr;
    // pool gauges as MBeans (BufferPools.registerMBean), only when asked for
    requires java.management;
    exports dev.iobuf;
}
