package dev.iobuf.uring.net;

import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;

/**
 * A handler bound to a {@link TlsConfig}: what {@code listen} and {@code connect} with TLS pass down to the
 * loop, so that a new {@link Connection} knows it is a TLS one ({@code remote}: a client's target, else null).
 * The connection unwraps it; its callbacks are never called.
 */
record TlsBound(ConnectionHandler handler, TlsConfig config, InetSocketAddress remote) implements ConnectionHandler {

    @Override
    public void onData(Connection connection, MemorySegment buffer, int offset, int length) {
        throw new IllegalStateException("a TlsBound handler is unwrapped by its connection: " + connection);
    }
}
