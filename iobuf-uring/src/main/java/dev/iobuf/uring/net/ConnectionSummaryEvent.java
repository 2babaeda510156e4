package dev.iobuf.uring.net;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/**
 * JFR event {@code dev.iobuf.ConnectionSummary}: per event loop and period (10 s by default,
 * {@code dev.iobuf.ConnectionSummary#period}), the connections accepted and closed and the bytes moved
 * since the previous summary. Never per request; when no recording asks for it, nothing runs at all
 * ({@link LoopMonitor} registers the periodic hook; the event is committed on the loop's thread).
 */
@Name("dev.iobuf.ConnectionSummary")
@Label("Connection Summary")
@Category({"iobuf", "Network"})
@Description("Connections and bytes of one event loop since the previous summary")
@Period("10 s")
@StackTrace(false)
final class ConnectionSummaryEvent extends Event {
    @Label("Event Loop")
    String loop;

    @Label("Open Connections")
    long open;

    @Label("Accepted")
    long accepted;

    @Label("Connected")
    @Description("Client connections established")
    long connected;

    @Label("Closed")
    long closed;

    @Label("Rejected")
    @Description("Accepted fds closed at once: table full or shutting down")
    long rejected;

    @Label("Bytes Received")
    @DataAmount
    long bytesReceived;

    @Label("Bytes Sent")
    @DataAmount
    long bytesSent;

    @Label("Receives Without Buffer")
    @Description("Receives that found the buffer ring empty (ENOBUFS)")
    long recvNoBuffers;

    /** Commits the difference between two snapshots of loop {@code loop}. */
    static void commit(String loop, NetCounters now, NetCounters before) {
        ConnectionSummaryEvent e = new ConnectionSummaryEvent();
        if (!e.shouldCommit()) {
            return;
        }
        e.loop = loop;
        e.open = now.connectionsOpen();
        e.accepted = now.connectionsAccepted() - before.connectionsAccepted();
        e.connected = now.connectionsConnected() - before.connectionsConnected();
        e.closed = now.connectionsClosed() - before.connectionsClosed();
        e.rejected = now.connectionsRejected() - before.connectionsRejected();
        e.bytesReceived = now.bytesReceived() - before.bytesReceived();
        e.bytesSent = now.bytesSent() - before.bytesSent();
        e.recvNoBuffers = now.recvNoBuffers() - before.recvNoBuffers();
        e.commit();
    }
}
