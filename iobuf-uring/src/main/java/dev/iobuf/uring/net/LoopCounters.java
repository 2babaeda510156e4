package dev.iobuf.uring.net;

import dev.iobuf.uring.EventFdWaker;

/**
 * A loop's event counters: plain fields, written by the loop thread only, read there when a
 * {@link NetCounters} snapshot is taken ({@link #snapshot}; gauges such as buffers per state come from
 * their owners). The live counters are this class; what leaves the loop is always a {@link NetCounters}.
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

    /**
     * These counters with the gauges of the loop's parts; {@code recv} and {@code writes} are null once
     * closed (their gauges read 0), {@code wakeup} null if never made.
     */
    NetCounters snapshot(int connectionsOpen, RecvBuffers recv, WriteBuffers writes, int timersPending, EventFdWaker wakeup) {
        return snapshot(connectionsOpen, recv, writes, timersPending, wakeup == null ? 0 : wakeup.eventfdWrites(),
                wakeup == null ? 0 : wakeup.skipped());
    }

    /** As above, with the wake-ups given as counts (a transport without an {@link EventFdWaker}). */
    NetCounters snapshot(int connectionsOpen, RecvBuffers recv, WriteBuffers writes, int timersPending, long wakeups,
                         long wakeupsSkipped) {
        boolean live = recv != null;
        return new NetCounters(1, connectionsOpen,
                accepted, connected, closed, rejected, fdsOpened, fdsClosed,
                live ? recv.inRing() : 0, live ? recv.pending() : 0, live ? recv.retainedCount() : 0,
                live ? recv.returned() : 0,
                recvCompletions, recvNoBuffers, recvRearms, acceptRearms,
                writes != null ? writes.inUse() : 0, queuedWriteBytes,
                zeroCopyPending, zeroCopySends, zeroCopyCopied,
                bytesReceived, bytesSent,
                timersPending, tasksRun,
                wakeups, wakeupsSkipped,
                leakedRecvBuffers, leakedWriteBuffers, acceptsOutOfFds, deadlineCloses, invalidCompletions);
    }
}
