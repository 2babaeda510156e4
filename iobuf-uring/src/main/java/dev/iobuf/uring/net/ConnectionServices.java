package dev.iobuf.uring.net;

import dev.iobuf.uring.Ring;

/**
 * What a loop lends each of its connections, made once when the loop starts: the ring (SQEs), the
 * receive and write buffers, the iovec scratch, the turn's work lists, the counters, the settings and
 * the slot table. A connection hands each of its halves the parts it uses. Loop thread only.
 */
record ConnectionServices(
        EventLoop loop,
        Ring ring,
        RecvBuffers recvBuffers,
        WriteBuffers writeBuffers,
        Scratch scratch,
        TurnWork work,
        LoopCounters counters,
        ConnectionTable table,
        LoopConfig config,
        boolean zeroCopySupported,
        TlsBuffers tls) {

    /** A connection's fd is closed: it leaves every list and its slot is freed. */
    void closed(Connection c) {
        work.forget(c);
        table.remove(c);
        counters.closed++;
        counters.fdsClosed++;
        loop.fdFreed();
    }
}
