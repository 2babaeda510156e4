package dev.iobuf.uring.net;

/**
 * A loop's event counters: plain fields, written by the loop thread only, read there when a
 * {@link NetCounters} snapshot is taken (gauges such as buffers per state come from their owners).
 */
final class LoopCounters {
    long accepted;
    long connected;
    long closed;
    long rejected;
    long fdsOpened;
    long fdsClosed;
    long recvCompletions;
    long recvNoBuffers;
    long recvRearms;
    long acceptRearms;
    long queuedWriteBytes;
    long zeroCopyPending;
    long zeroCopySends;
    long zeroCopyCopied;
    long bytesReceived;
    long bytesSent;
    long tasksRun;
    long leakedRecvBuffers;
    long leakedWriteBuffers;
    long acceptsOutOfFds;
    long deadlineCloses;
    long invalidCompletions;
}
