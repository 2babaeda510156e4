/**
 * Buffer pools for I/O, with no io_uring in sight: the twelve {@link dev.iobuf.BufferTier size tiers},
 * the lock-free {@link dev.iobuf.BoundedPool} of indices (blocking, non-blocking and timed acquire;
 * a double release is refused), {@link dev.iobuf.BufferPool} (equal buffers carved from one page-aligned
 * slab, reached by index without allocation), {@link dev.iobuf.AlignedMemory page- and cache-line-aligned
 * memory}, {@link dev.iobuf.IoVec native iovec arrays}, and the pools' observability (JFR
 * {@code dev.iobuf.PoolWait}, {@link dev.iobuf.BufferPools#registerMBean JMX gauges}).
 */
package dev.iobuf;
