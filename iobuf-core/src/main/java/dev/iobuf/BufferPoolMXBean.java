package dev.iobuf;

/**
 * A buffer pool's gauges over JMX, registered with {@link BufferPools#registerMBean}: ObjectName
 * {@code dev.iobuf:type=BufferPool,name=<name>}. Every read is a fresh look at the pool (estimates while
 * calls are in flight, exact when quiet).
 */
public interface BufferPoolMXBean {
    /** The tier's name, e.g. {@code "LARGE"}. */
    String getTier();

    /** Bytes per buffer. */
    int getBufferSize();

    /** Buffers in the pool. */
    int getCapacity();

    /** Buffers free right now. */
    int getAvailable();

    /** Buffers held by callers (or lent to the kernel) right now. */
    int getAcquired();

    /** Whether the pool was closed (its gauges stay readable, to report leaks). */
    boolean isClosed();
}
