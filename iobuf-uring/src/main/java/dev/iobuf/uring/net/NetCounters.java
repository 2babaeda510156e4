package dev.iobuf.uring.net;

/**
 * A snapshot of a loop's counters ({@link EventLoop#counters()}), or their sum over a group
 * ({@link EventLoopGroup#counters()}). Taken on the loop thread between two completions, so one loop's
 * numbers are consistent with each other. After {@link EventLoopGroup#shutdownGracefully} every gauge
 * reads zero ({@link #isQuiescent()}); tests use that to prove nothing leaked.
 *
 * @param loops loops summed
 * @param connectionsOpen connections holding an fd (connecting, open or closing)
 * @param connectionsAccepted connections accepted so far
 * @param connectionsConnected client connections established so far
 * @param connectionsClosed connections closed so far (fd closed)
 * @param connectionsRejected accepted fds closed at once: connection table full, or shutting down
 * @param fdsOpened fds the loops took ownership of: accepted and client sockets, listeners, eventfds
 * @param fdsClosed fds the loops closed
 * @param recvBuffersInRing receive buffers lent to the kernel
 * @param recvBuffersPending receive buffers holding data not yet delivered (reading paused)
 * @param recvBuffersRetained receive buffers a handler retained and has not released
 * @param recvBuffersReturned receive buffers given back but not yet republished to the kernel
 * @param recvCompletions receive completions that carried data (with bundles, fewer than buffers filled)
 * @param recvNoBuffers receives that found the buffer ring empty ({@code -ENOBUFS})
 * @param recvRearms multishot receives that ended and were armed again
 * @param acceptRearms multishot accepts that ended and were armed again
 * @param writeBuffersInUse write-pool buffers holding queued or in-flight data
 * @param queuedWriteBytes bytes written by handlers and not yet acknowledged by a send completion
 * @param zeroCopyNotificationsPending zero-copy sends whose notification has not arrived
 * @param zeroCopySends zero-copy sends made
 * @param zeroCopyCopied zero-copy sends the kernel reported as copied after all (loopback always copies)
 * @param bytesReceived bytes delivered by receives
 * @param bytesSent bytes acknowledged by sends
 * @param timersPending timers armed and not yet fired or cancelled
 * @param tasksRun tasks run from the cross-thread queue
 * @param wakeups eventfd writes made to wake a sleeping loop
 * @param wakeupsSkipped wake-ups that found the loop awake and made no system call
 * @param leakedRecvBuffers receive buffers still retained by a handler when the loop ended (reclaimed)
 * @param leakedWriteBuffers write-pool buffers not returned when the loop ended
 * @param acceptsOutOfFds accepts that failed for lack of file descriptors ({@code EMFILE}, {@code ENFILE});
 *        the loop then pauses accepting for a while (connections wait in the backlog)
 * @param deadlineCloses connections closed because their deadline ({@link Connection#deadline}) passed
 * @param invalidCompletions completions with values no correct kernel posts (a buffer not in the ring,
 *        more bytes sent than queued, data without a buffer): each closed its connection; 0 unless
 *        something is badly wrong
 */
public record NetCounters(
        int loops,
        long connectionsOpen,
        long connectionsAccepted,
        long connectionsConnected,
        long connectionsClosed,
        long connectionsRejected,
        long fdsOpened,
        long fdsClosed,
        long recvBuffersInRing,
        long recvBuffersPending,
        long recvBuffersRetained,
        long recvBuffersReturned,
        long recvCompletions,
        long recvNoBuffers,
        long recvRearms,
        long acceptRearms,
        long writeBuffersInUse,
        long queuedWriteBytes,
        long zeroCopyNotificationsPending,
        long zeroCopySends,
        long zeroCopyCopied,
        long bytesReceived,
        long bytesSent,
        long timersPending,
        long tasksRun,
        long wakeups,
        long wakeupsSkipped,
        long leakedRecvBuffers,
        long leakedWriteBuffers,
        long acceptsOutOfFds,
        long deadlineCloses,
        long invalidCompletions) {

    /** All zero: the identity of {@link #plus}. */
    public static final NetCounters ZERO = new NetCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** fds opened and not yet closed. */
    public long openFds() {
        return fdsOpened - fdsClosed;
    }

    /**
     * Whether nothing is held: no connection, no open fd, no receive buffer out of the ring (pending,
     * retained or returned-unpublished), no write buffer or queued byte, no zero-copy notification
     * outstanding, no timer, and nothing leaked.
     */
    public boolean isQuiescent() {
        return connectionsOpen == 0 && openFds() == 0 && recvBuffersPending == 0 && recvBuffersRetained == 0
                && recvBuffersReturned == 0 && writeBuffersInUse == 0 && queuedWriteBytes == 0
                && zeroCopyNotificationsPending == 0 && timersPending == 0 && leakedRecvBuffers == 0
                && leakedWriteBuffers == 0;
    }

    /** The element-wise sum. */
    public NetCounters plus(NetCounters o) {
        return new NetCounters(loops + o.loops,
                connectionsOpen + o.connectionsOpen,
                connectionsAccepted + o.connectionsAccepted,
                connectionsConnected + o.connectionsConnected,
                connectionsClosed + o.connectionsClosed,
                connectionsRejected + o.connectionsRejected,
                fdsOpened + o.fdsOpened,
                fdsClosed + o.fdsClosed,
                recvBuffersInRing + o.recvBuffersInRing,
                recvBuffersPending + o.recvBuffersPending,
                recvBuffersRetained + o.recvBuffersRetained,
                recvBuffersReturned + o.recvBuffersReturned,
                recvCompletions + o.recvCompletions,
                recvNoBuffers + o.recvNoBuffers,
                recvRearms + o.recvRearms,
                acceptRearms + o.acceptRearms,
                writeBuffersInUse + o.writeBuffersInUse,
                queuedWriteBytes + o.queuedWriteBytes,
                zeroCopyNotificationsPending + o.zeroCopyNotificationsPending,
                zeroCopySends + o.zeroCopySends,
                zeroCopyCopied + o.zeroCopyCopied,
                bytesReceived + o.bytesReceived,
                bytesSent + o.bytesSent,
                timersPending + o.timersPending,
                tasksRun + o.tasksRun,
                wakeups + o.wakeups,
                wakeupsSkipped + o.wakeupsSkipped,
                leakedRecvBuffers + o.leakedRecvBuffers,
                leakedWriteBuffers + o.leakedWriteBuffers,
                acceptsOutOfFds + o.acceptsOutOfFds,
                deadlineCloses + o.deadlineCloses,
                invalidCompletions + o.invalidCompletions);
    }
}
