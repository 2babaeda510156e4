package dev.iobuf.uring.net;

import static java.nio.channels.SelectionKey.OP_CONNECT;
import static java.nio.channels.SelectionKey.OP_READ;
import static java.nio.channels.SelectionKey.OP_WRITE;

import dev.iobuf.uring.UringException;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link Connection} on the JDK NIO transport: a non-blocking {@link SocketChannel} registered with its
 * loop's selector (this connection is the key's attachment). Everything above the socket is the
 * {@link Connection}'s: the life cycle, the bounded write queue, TLS, deadlines, the idle order. What differs:
 * receiving ({@link NioReceiveHalf}) and sending ({@link NioSendHalf}) act on readiness, this class keeps the
 * key's interest set, connects, and closes the channel at once (no operation is in flight to wait for).
 * {@link #fd()} is -1: the JDK owns the descriptor. Loop thread only.
 */
final class NioConnection extends Connection {
    private final NioEventLoop nioLoop;
    private final ConnectionServices services;
    private final SocketChannel channel;
    private final NioReceiveHalf reading;
    private SelectionKey key;
    private int interest;
    private boolean waitsForWritable;
    /** A client's connect: its target, future and timer (0: none). */
    private SocketAddress remote;
    private CompletableFuture<Connection> connecting;
    private long connectTimer;

    NioConnection(ConnectionServices services, NioEventLoop loop, SocketChannel channel, ConnectionHandler handler,
                  boolean client) {
        super(services, -1, handler, client,
                c -> new NioReceiveHalf((NioConnection) c, loop.receiveBuffers(), services.work(), services.counters()),
                c -> new NioSendHalf((NioConnection) c, services));
        this.nioLoop = loop;
        this.services = services;
        this.channel = channel;
        this.reading = (NioReceiveHalf) receive();
    }

    SocketChannel channel() {
        return channel;
    }

    /** Registers the channel with the loop's selector (no interest yet). */
    void register() throws IOException {
        key = channel.register(nioLoop.selector(), 0, this);
    }

    // ================================================================ readiness

    /** The selector found this channel ready for {@code ops}. */
    void ready(int ops) {
        if ((ops & OP_CONNECT) != 0) {
            finishConnect();
            return;
        }
        if ((ops & OP_WRITE) != 0) {
            waitsForWritable = false;
            interest(interest & ~OP_WRITE);
            send().flush();
        }
        if ((ops & OP_READ) != 0 && state == OPEN) {
            reading.readable();
        }
    }

    /** Whether the selector should report this socket readable (the receive half decides). */
    void wantRead(boolean on) {
        interest(on ? interest | OP_READ : interest & ~OP_READ);
    }

    private void interest(int ops) {
        if (ops != interest && key != null && key.isValid()) {
            interest = ops;
            key.interestOps(ops);
        }
    }

    void nudgeLoop() {
        nioLoop.nudge();
    }

    boolean waitsForWritable() {
        return waitsForWritable;
    }

    /** The socket took less than offered: the rest goes when the channel is writable. */
    void awaitWritable() {
        waitsForWritable = true;
        interest(interest | OP_WRITE);
    }

    // ================================================================ connecting

    /** Starts connecting to {@code remote}; {@code future} completes once open (after TLS), or fails. */
    void connect(SocketAddress target, CompletableFuture<Connection> future, long timeoutNanos) {
        this.remote = target;
        this.connecting = future;
        try {
            if (channel.connect(target)) {
                connected();
                return;
            }
            interest(OP_CONNECT);
            if (timeoutNanos > 0) {
                connectTimer = nioLoop.timers.arm(timeoutNanos, this::connectTimedOut);
            }
        } catch (IOException e) {
            connectFailed(NioErrors.of("connect(" + target + ")", e));
        }
    }

    private void finishConnect() {
        try {
            if (channel.finishConnect()) {
                interest(0);
                connected();
            }
        } catch (IOException e) {
            connectFailed(NioErrors.of("connect(" + remote + ")", e));
        }
    }

    private void connected() {
        cancelConnectTimer();
        services.counters().connected++;
        open();
    }

    private void connectTimedOut() {
        connectTimer = 0;
        if (state == CONNECTING) {
            connectFailed(new UringException("connect(" + remote + ")", -dev.iobuf.liburing.Errno.ETIMEDOUT.number(),
                    "no answer within the group's connectTimeout"));
        }
    }

    private void cancelConnectTimer() {
        if (connectTimer != 0) {
            nioLoop.timers.disarm(connectTimer);
            connectTimer = 0;
        }
    }

    @Override
    void tlsEstablished() {
        super.tlsEstablished();
        if (connecting != null && state < CLOSING) {
            connecting.complete(this);
        }
    }

    // ================================================================ closing

    /** Closes the channel now (nothing is in flight on NIO), gives everything back and tells the handler. */
    @Override
    void closeNow() {
        if (state >= CLOSING_FD) {
            return;
        }
        state = CLOSING_FD;
        cancelConnectTimer();
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException e) {
            LoopLog.log(System.getLogger(NioConnection.class.getName()), System.Logger.Level.DEBUG,
                    "closing " + this + " failed", e);
        }
        onClosed(0);
        if (connecting != null && !connecting.isDone()) {
            connecting.completeExceptionally(failure != null ? failure
                    : new IllegalStateException("connection to " + remote + " closed before it was established"));
        }
    }

    @Override
    void closeAbruptly() {
        if (state != CLOSED) {
            reason = reason == null ? CloseReason.ERROR : reason;
            closeNow();
        }
    }

    // ================================================================ addresses and options

    @Override
    public SocketAddress localSocketAddress() {
        return address(true);
    }

    @Override
    public SocketAddress remoteSocketAddress() {
        return address(false);
    }

    private SocketAddress address(boolean local) {
        try {
            return state == CLOSED ? null : local ? channel.getLocalAddress() : channel.getRemoteAddress();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public <T> void setOption(SocketOption<T> option, T value) {
        checkLoop();
        SocketOptions options = SocketOptions.of().with(option, value);
        if (localSocketAddress() instanceof java.net.UnixDomainSocketAddress) {
            options.requireFamily(Sockets.AF_UNIX);      // names the family, not the JDK class, in the refusal
        }
        options.applyTo(channel);
    }
}
