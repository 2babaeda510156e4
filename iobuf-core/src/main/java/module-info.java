/**
 * iobuf-core: buffer tiers, the lock-free bounded index pool, buffer pools over page-aligned
 * slabs, aligned off-heap memory and {@code struct iovec} arrays. JDK only; knows nothing of io_uring.
 */
module dev.iobuf.core {
    exports dev.iobuf;
}
