package dev.iobuf.uring.net;

import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Objects;

/**
 * A handler bound to a {@link TlsConfig}: what {@code listen} and {@code connect} with TLS pass down to the
 * loop, so that a new {@link Connection} knows it is a TLS one ({@code remote}: a client's target, else null).
 * The connection unwraps it; its callbacks are never called.
 */
record TlsBound(ConnectionHandler handler, TlsConfig config, InetSocketAddress remote) implements ConnectionHandler {

    /** {@code handler} for {@code listen}; {@code tls} must be a server config. */
    static TlsBound server(ConnectionHandler handler, TlsConfig tls) {
        if (tls.isClient()) {
            throw new IllegalArgumentException("listen takes a server TlsConfig (TlsConfig.server(context)), got " + tls);
        }
        return new TlsBound(Objects.requireNonNull(handler, "handler"), tls, null);
    }

    /**
     * {@code handler} for {@code connect} to {@code remote}; {@code tls} must be a client config, and one that
     * checks host names needs an IP address (a Unix domain socket has no host name).
     */
    static TlsBound client(ConnectionHandler handler, TlsConfig tls, SocketAddress remote) {
        Objects.requireNonNull(handler, "handler");
        if (!tls.isClient()) {
            throw new IllegalArgumentException("connect takes a client TlsConfig (TlsConfig.client(context)), got " + tls);
        }
        if (!(remote instanceof InetSocketAddress) && tls.verifiesHostname()) {
            throw new IllegalArgumentException("TLS over a Unix domain socket (" + remote + ") has no host name to check "
                    + "the server's certificate against: use TlsConfig.client(context).verifyHostname(false) (the "
                    + "certificate chain is still checked)");
        }
        return new TlsBound(handler, tls, remote instanceof InetSocketAddress inet ? inet : null);
    }

    @Override
    public void onData(Connection connection, MemorySegment buffer, int offset, int length) {
        throw new IllegalStateException("a TlsBound handler is unwrapped by its connection: " + connection);
    }
}
