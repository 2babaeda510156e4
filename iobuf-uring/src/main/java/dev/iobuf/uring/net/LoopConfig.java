package dev.iobuf.uring.net;

import dev.iobuf.BufferTier;
import dev.iobuf.uring.IoWorkerCaps;

/** The settings every loop of a group shares, fixed when the group is built ({@code ioWorkerCaps}: null to leave the kernel's; {@code zeroCopyTrace}: tests, else null). */
record LoopConfig(
        int ringEntries,
        int cqEntries,
        BufferTier recvBufferTier,
        int recvBuffers,
        BufferTier writeBufferTier,
        int writeBuffers,
        int writeQueueBuffers,
        int maxConnections,
        long idleTimeoutNanos,
        long connectTimeoutNanos,
        boolean tcpNoDelay,
        int backlog,
        boolean multishot,
        boolean recvBundles,
        boolean deferTaskrun,
        boolean noIowait,
        IoWorkerCaps ioWorkerCaps,
        int zeroCopyThreshold,
        boolean pauseReadingWhenUnwritable,
        boolean daemon,
        String threadNamePrefix,
        ZeroCopyTrace zeroCopyTrace) {

    /** Held write buffers at or above which a connection is not writable (and reading pauses). */
    int highWater() {
        return Math.max(1, writeQueueBuffers / 2);
    }

    /** Held write buffers at or below which a connection that was not writable becomes writable again. */
    int lowWater() {
        return writeQueueBuffers / 4;
    }
}
