package dev.iobuf.uring.net;

import dev.iobuf.BufferPool;
import dev.iobuf.IoVec;
import dev.iobuf.liburing.Errno;
import dev.iobuf.uring.Sqe;
import dev.iobuf.uring.UringException;
import dev.iobuf.uring.UserData;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One TCP or Unix domain socket connection of an {@link EventLoop}, accepted by a {@link Listener} or made by
 * {@link EventLoopGroup#connect}. Its handler's callbacks and every method here that changes it run on
 * the loop's thread; from another thread use {@link #execute(Consumer)}, {@link #close()} or
 * {@link #abort()} (those hand over to the loop). Calling a loop-only method from another thread throws
 * {@link IllegalStateException}. A Connection object is never reused: after {@code onClose} it stays
 * closed (writes return {@code false}).
 *
 * <p>Writing copies into the loop's bounded write queue ({@link #write} is all-or-nothing, {@link #writeSome}
 * takes what fits; past the high-water mark reading pauses until {@link ConnectionHandler#onWritable});
 * reading is one multishot receive into the loop's provided buffers, lent to {@code onData} for the call;
 * {@link #close()} sends what is queued then closes, {@link #abort()} drops it; {@link #shutdownOutput()}
 * half-closes. The package documentation tells each in full.
 *
 * <p>Inside, a connection is the owner of its completions ({@link #complete}: the loop finds it by the
 * slot and generation in the user_data, one lookup) and of its life cycle; its {@link ReceiveHalf} and
 * {@link SendHalf} do the receiving and sending with the loop services they were built with ({@link NioConnection}: NIO's).
 */
public sealed class Connection permits NioConnection {
    static final int CONNECTING = 0;
    static final int OPEN = 1;
    static final int DRAINING = 2;
    static final int CLOSING = 3;
    static final int CLOSING_FD = 4;
    static final int CLOSED = 5;

    /**
     * Whether a connection in {@code state} still sends what is queued: OPEN or DRAINING. One unsigned comparison,
     * on purpose: written as two tests, the one only a draining connection takes was compiled as a trap into the
     * hottest send methods, and the first graceful close with a send in flight deoptimised them (TurnWork).
     */
    static boolean sends(int state) {
        return (state - OPEN) >>> 1 == 0;
    }
    private static final String[] STATE_NAMES = {"connecting", "open", "draining", "closing", "closing", "closed"};
    private static final System.Logger LOG = System.getLogger(Connection.class.getName());

    private final EventLoop loop;
    private final ConnectionServices services;
    private final int fd;
    private final ConnectionHandler handler;
    private final boolean client;
    private final Receiving recv;
    private final SendHalf send;
    private final TlsLink tls;
    int slot;
    int generation;
    volatile int state;
    CloseReason reason;
    Throwable failure;
    private boolean opened;
    /** Operations submitted whose last completion has not arrived (the fd is closed when this is 0). */
    int inflight;
    private boolean shutdownTried;

    /** A client's connect (io_uring), or null. */
    ClientConnect connect;

    private Object attachment;

    Connection(ConnectionServices services, int fd, ConnectionHandler handler, boolean client) {
        this(services, fd, handler, client, c -> new ReceiveHalf(c, services.recvBuffers(), services.work(), services.counters()),
                c -> new SendHalf(c, services));
    }

    Connection(ConnectionServices services, int fd, ConnectionHandler handler, boolean client,     // halves made for this
               java.util.function.Function<Connection, Receiving> receives, java.util.function.Function<Connection, SendHalf> sends) {
        this.loop = services.loop();
        this.services = services;
        this.fd = fd;
        this.handler = handler instanceof TlsBound b ? b.handler() : handler;
        this.tls = handler instanceof TlsBound b ? new TlsLink(this, b.config(), b.remote(), services.tls()) : null;
        this.client = client;
        this.state = client ? CONNECTING : OPEN;
        this.recv = receives.apply(this);
        this.send = sends.apply(this);
    }

    // ================================================================ public API

    /** The loop this connection lives on (its callbacks run on that loop's thread). */
    public EventLoop loop() {
        return loop;
    }

    /** Whether the connection is open: not connecting, not closing, not closed. Any thread. */
    public boolean isOpen() {
        return state == OPEN;
    }

    /** Whether {@code onClose} has run (the fd is closed). Any thread. */
    public boolean isClosed() {
        return state == CLOSED;
    }

    /** Whether this side connected ({@link EventLoopGroup#connect}) rather than accepted. */
    public boolean isClient() {
        return client;
    }

    /** The socket fd (for diagnostics; do not read, write or close it); -1 on NIO, whose JDK channel owns it. */
    public int fd() {
        return fd;
    }

    /** Why the connection closed or is closing, or {@code null} while open. */
    public CloseReason closeReason() {
        return reason;
    }

    /** The error that closed the connection ({@link CloseReason#ERROR}), or {@code null}. */
    public Throwable failure() {
        return failure;
    }

    /** The local IP address (getsockname), or {@code null} once closed or over a Unix socket ({@link #localSocketAddress()}). */
    public InetSocketAddress localAddress() {
        return localSocketAddress() instanceof InetSocketAddress inet ? inet : null;
    }

    /** The peer's IP address (getpeername), or {@code null} once closed, before connected or over a Unix socket. */
    public InetSocketAddress remoteAddress() {
        return remoteSocketAddress() instanceof InetSocketAddress inet ? inet : null;
    }

    /** The local address, IP or Unix ({@link java.net.UnixDomainSocketAddress}, {@link AbstractUnixAddress}), or null once closed. */
    public SocketAddress localSocketAddress() {
        return state == CLOSED ? null : Sockets.localSocketAddress(fd);
    }

    /** The peer's address, IP or Unix (an unbound Unix client: {@code UnixDomainSocketAddress.of("")}), or null once closed. */
    public SocketAddress remoteSocketAddress() {
        return state == CLOSED ? null : Sockets.remoteSocketAddress(fd);
    }

    /** The TLS side (ALPN, session) of a connection made with a {@link TlsConfig}, or {@code null}. */
    public TlsLink tls() {
        return tls;
    }

    /** The object attached with {@link #attach}, or {@code null}. Loop thread. */
    public Object attachment() {
        return attachment;
    }

    /** Attaches per-connection state (a parser, a session). Loop thread. */
    public void attach(Object value) {
        this.attachment = value;
    }

    /**
     * Queues {@code length} bytes of {@code src} from {@code offset}, copied; all or nothing. Loop thread.
     *
     * @return true if all were queued; false if none was: the queue or the loop's write buffers are full
     *         ({@link ConnectionHandler#onWritable} follows when they drain), or the connection is closing
     * @throws IllegalArgumentException if the range lies outside {@code src}
     */
    public boolean write(MemorySegment src, long offset, int length) {
        return send.write(src, offset, length);
    }

    /** Queues all of {@code src}, copied; see {@link #write(MemorySegment, long, int)}. */
    public boolean write(MemorySegment src) {
        return write(src, 0, SendHalf.checkLength(src.byteSize(), "got "));
    }

    /** Queues {@code length} bytes of {@code src} from {@code offset}, copied; see {@link #write(MemorySegment, long, int)}. */
    public boolean write(byte[] src, int offset, int length) {
        return send.write(src, offset, length);
    }

    /** Queues all of {@code src}, copied; see {@link #write(MemorySegment, long, int)}. */
    public boolean write(byte[] src) {
        return write(src, 0, src.length);
    }

    /**
     * Queues the bytes of every entry of {@code vec} ({@code iov_len} bytes of each buffer, in order), copied;
     * all or nothing. A gathered write: a header and a body from different buffers go out in one send.
     * Loop thread.
     *
     * @return true if all were queued; false if none was (see {@link #write(MemorySegment, long, int)})
     */
    public boolean write(IoVec vec) {
        return send.write(vec);
    }

    /**
     * Queues as many of the {@code length} bytes as fit now (copied). Loop thread.
     * @return bytes queued (0 when closing or full; {@link ConnectionHandler#onWritable} then follows)
     */
    public int writeSome(MemorySegment src, long offset, int length) {
        SendHalf.checkRange(src.byteSize(), offset, length);
        return send.copySome(src, offset, length, writableBytes());
    }

    /**
     * Queues bytes {@code [offset, offset + length)} of buffer {@code index} of {@code pool} for a zero-copy
     * send (IORING_OP_SEND_ZC), taking ownership of the buffer: the caller must have acquired it and must
     * not touch it afterwards; the loop gives it back to {@code pool} once the kernel's notification says
     * the network stack no longer reads it (not merely when the send completes). On a kernel without
     * SEND_ZC the data goes out with a plain send and the buffer is given back after that. Loop thread.
     *
     * @return true if queued (ownership moved); false if not (the caller keeps the buffer): queue full or closing
     * @throws IllegalArgumentException if the range lies outside the buffer
     * @throws IllegalStateException if the buffer is not acquired from {@code pool}
     */
    public boolean writeZeroCopy(BufferPool pool, int index, int offset, int length) {
        return send.writeZeroCopy(pool, index, offset, length);
    }

    /**
     * Bytes {@link #write} would accept right now (0 while connecting is not the case: writes before the
     * connection opens are queued and sent once it does). Loop thread.
     */
    public int writableBytes() {
        checkLoop();
        return acceptsWrites() ? send.writableBytes() : 0;
    }

    /**
     * Whether writing is welcome: open (or connecting), below the high-water mark, and no write refused
     * since the last {@link ConnectionHandler#onWritable}. Any thread (a racy read from others).
     */
    public boolean isWritable() {
        int s = state;
        return (s == OPEN || s == CONNECTING) && !send.wantsWritable() && !send.outputShutdown();
    }

    /**
     * Sets a socket option on this connection now (setsockopt). Loop thread.
     * @throws IllegalArgumentException if {@link SocketOptions} does not list it, the value is out of its range, or
     *         it does not apply to a Unix domain socket (only SO_RCVBUF, SO_SNDBUF and SO_LINGER do)
     */
    public <T> void setOption(java.net.SocketOption<T> option, T value) {
        checkLoop();
        SocketOptions.of().with(option, value).applyTo(fd);
    }

    /** Bytes queued and not yet acknowledged by a send completion. Loop thread. */
    public long queuedBytes() {
        checkLoop();
        return send.unsentBytes();
    }

    /**
     * Keeps the buffer of the {@code onData} call in progress after it returns: it stays out of the
     * receive ring (and its bytes valid) until {@link EventLoop#release(long)} of the returned handle;
     * {@link EventLoop#retainedBuffer(long)} gives the segment back. Calling it again in the same
     * {@code onData} returns the same handle. Retained buffers are lent by the loop's ring: a handler that
     * keeps many makes receives wait for buffers ({@code -ENOBUFS}, recovered once released). Loop thread.
     *
     * @throws IllegalStateException outside {@code onData}, or on a TLS connection (its {@code onData} gets decrypted copies)
     */
    public long retain() {
        checkLoop();
        return recv.retain();
    }

    /**
     * Half-closes: sends what is queued (and close_notify over TLS), then a FIN (IORING_OP_SHUTDOWN, SHUT_WR);
     * writes return false from now on, reading goes on. If the peer's end of stream already came, this is
     * {@link #close()}. Loop thread; idempotent.
     */
    public void shutdownOutput() {
        checkLoop();
        send.shutdownOutput();
    }

    /** Whether {@link #shutdownOutput()} was called. */
    public boolean isOutputShutdown() {
        return send.outputShutdown();
    }

    /**
     * Stops delivering received data: no {@code onData} until {@link #resumeReading()}. The receive is
     * cancelled so the kernel stops taking buffers for this connection; data that arrives before the
     * cancellation waits in its buffers and is delivered, in order, after resuming. Loop thread.
     */
    public void pauseReading() {
        checkLoop();
        recv.pause(ReceiveHalf.BY_USER);
    }

    /** Undoes {@link #pauseReading()} (reading stays paused while the connection is not writable, if automatic). */
    public void resumeReading() {
        checkLoop();
        recv.resume(ReceiveHalf.BY_USER);
    }

    /** Whether delivery is paused, by {@link #pauseReading()} or automatically while not writable. */
    public boolean isReadingPaused() {
        return recv.paused();
    }

    /**
     * Aborts the connection ({@link CloseReason#DEADLINE}) {@code timeout} from now unless cleared or set again
     * first: one per connection, cheap per request (a heap entry; one timer per loop). Loop thread.
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public void deadline(long timeout, java.util.concurrent.TimeUnit unit) {
        checkLoop();
        services.work().setDeadline(this, timeout, unit);
    }

    /** Removes the deadline set with {@link #deadline}, if any. Loop thread. */
    public void clearDeadline() {
        checkLoop();
        services.work().clearDeadline(this);
    }

    /**
     * Closes after sending what is queued (then cancels the receive, closes the fd, calls {@code onClose}).
     * Any thread; idempotent. A peer that never reads keeps it draining until {@link #abort()}, the idle
     * timeout, or the group's shutdown deadline.
     */
    public void close() {
        closeFromAnyThread(true);
    }

    /** Closes now, dropping what is queued. Any thread; idempotent. */
    public void abort() {
        closeFromAnyThread(false);
    }

    private void closeFromAnyThread(boolean graceful) {
        if (loop.inEventLoop()) {
            beginClose(CloseReason.LOCAL, graceful);
        } else if (state < CLOSING) {
            try {
                loop.execute(() -> beginClose(CloseReason.LOCAL, graceful));
            } catch (java.util.concurrent.RejectedExecutionException terminated) {
                // the loop has ended: it closed every connection on its way out
            }
        }
    }

    /**
     * Runs {@code task} with this connection on its loop, unless the connection is closed by then: the way to
     * write from another thread ({@code c.execute(x -> x.write(bytes))}). Any thread; allocates one queue node.
     * @throws java.util.concurrent.RejectedExecutionException if the loop has terminated
     */
    public void execute(Consumer<? super Connection> task) {
        Objects.requireNonNull(task, "task");
        loop.execute(() -> {
            if (state < CLOSING) {
                task.accept(this);
            }
        });
    }

    @Override
    public String toString() {
        return "Connection[fd=" + fd + ", loop=" + loop.index() + ", " + STATE_NAMES[state] + (client ? ", client" : "")
                + (reason != null ? ", " + reason : "") + "]";
    }

    // ================================================================ for the halves and the loop

    void checkLoop() {
        if (!loop.inEventLoop()) {
            throw new IllegalStateException("this Connection method runs on its loop's thread (" + loop.threadName()
                    + "), not on " + Thread.currentThread().getName() + ": use connection.execute(c -> ...)");
        }
    }

    boolean acceptsWrites() {
        int s = state;
        return (s == OPEN || s == CONNECTING) && !send.outputShutdown();
    }

    Receiving receive() {
        return recv;
    }

    SendHalf send() {
        return send;
    }

    ConnectionHandler handler() {
        return handler;
    }

    int state() {
        return state;
    }

    /** The user_data of this connection's {@code op}. */
    long userData(int op) {
        return UserData.of(op, 0, slot, generation);
    }

    /**
     * A completion of one of this connection's operations (the loop looked it up by slot and generation).
     * The place for per-completion checks of a connection.
     */
    void complete(int op, int aux, int result, int flags) {
        boolean possible = true;
        switch (op) {
            case Op.RECV -> possible = recv.onRecv(result, flags);
            case Op.SEND, Op.SEND_ZC -> possible = send.onSend(op, aux, result, flags);
            case Op.CONNECT -> connect.onConnect(result);
            case Op.CONNECT_TIMEOUT, Op.CONN_CANCEL -> onAuxiliary(result);
            case Op.CLOSE -> {
                onClosed(result);
                return;
            }
            default -> throw new IllegalStateException("op " + op + " is not a connection's");
        }
        if (!possible) {
            loop.impossibleCompletion(this, op, result, flags);     // nothing was accounted: closes this connection
        }
        afterCompletion();
    }

    // ================================================================ open / connect

    /** Connected: tell the handler (after the TLS handshake, if any), start receiving, send what was written early. */
    void open() {
        state = OPEN;
        services.work().opened(this);
        if (tls == null) {
            tlsEstablished();
        } else {
            tls.start();
        }
        recv.maybeArm();
        if (send.canSend()) {
            services.work().markDirty(this);
        }
    }

    /** Plaintext may flow (at once without TLS): {@code onOpen}, then a client's connect future completes. */
    void tlsEstablished() {
        opened = true;
        try {
            handler.onOpen(this);
        } catch (Throwable t) {
            handlerFailed("onOpen", t);
        }
        if (connect != null && state < CLOSING) {
            connect.established();
        }
    }

    /** The connect failed or timed out: close with {@code cause}. */
    void connectFailed(Throwable cause) {
        failure = cause;
        reason = CloseReason.ERROR;
        closeNow();
    }

    /** A completion that only ends an operation: a cancel, a link timeout, a shutdown. */
    private void onAuxiliary(int result) {
        inflight--;
        if (Errno.EALREADY.is(result) && state == CLOSING && !shutdownTried) {
            // The target was running and could not be cancelled: shut the socket down, which ends it.
            shutdownTried = true;
            services.ring().nextSqe().shutdown(fd, Sockets.SHUT_RDWR).userData(userData(Op.CONN_CANCEL));
            inflight++;
        }
    }

    // ================================================================ closing

    /** Something failed: record it, tell the handler, close at once. */
    void fail(Throwable cause) {
        fail(cause, false);
    }

    /** {@link #fail(Throwable)}, sending what is queued first if {@code graceful} (a TLS alert). */
    void fail(Throwable cause, boolean graceful) {
        if (state >= CLOSING) {
            return;
        }
        if (failure == null) {
            failure = cause;
        }
        if (reason == null) {
            reason = CloseReason.ERROR;
        }
        if (opened) {
            try {
                handler.onError(this, cause);
            } catch (Throwable t) {
                LoopLog.log(LOG, System.Logger.Level.WARNING, "onError of " + this + " threw", t);
            }
        }
        beginClose(CloseReason.ERROR, graceful);
    }

    void handlerFailed(String callback, Throwable t) {
        LoopLog.log(LOG, System.Logger.Level.WARNING, callback + " of " + this + " threw; aborting the connection", t);
        fail(t);
        if (t instanceof VirtualMachineError e) {
            throw e;            // out of memory and the like: the loop cannot go on either
        }
    }

    void peerClosed() {
        beginClose(CloseReason.PEER, true);
    }

    /**
     * Starts closing: gracefully (send what is queued first) or not. Stops reading at once either way.
     * Loop thread; idempotent (an abort overrides a graceful close in progress).
     */
    void beginClose(CloseReason why, boolean graceful) {
        int s = state;
        if (s >= CLOSING) {
            return;
        }
        if (reason == null) {
            reason = why;
        }
        services.work().closing(this);
        recv.stop();
        if (tls != null && graceful && s == OPEN) {
            tls.closeOutbound();
        }
        if (graceful && s == OPEN && !send.allSent()) {
            state = DRAINING;
            if (send.canSend()) {
                services.work().markDirty(this);
            }
            return;
        }
        if (s == DRAINING && graceful) {
            return;
        }
        closeNow();
    }

    /** Cancels what is in flight and closes the fd once nothing is. */
    void closeNow() {
        state = CLOSING;
        services.work().closedForSending(this);   // the turn never asks a closing connection's flush (TurnWork)
        if (send.inFlight()) {
            cancel(send.inFlightUserData());
        }
        if (connect != null) {
            connect.cancel();
        }
        afterCompletion();
    }

    void cancel(long target) {
        services.ring().nextSqe().cancel(target, 0).userData(userData(Op.CONN_CANCEL));
        inflight++;
    }

    /** After each completion: once closing and nothing is in flight, close the fd. */
    private void afterCompletion() {
        if (state == CLOSING && inflight == 0) {
            state = CLOSING_FD;
            services.ring().nextSqe().close(fd).userData(userData(Op.CLOSE));
            inflight++;
        }
    }

    /** The fd is closed: give everything back and tell the handler. */
    void onClosed(int result) {
        inflight--;
        state = CLOSED;
        if (result < 0) {
            LoopLog.log(LOG, System.Logger.Level.DEBUG, "close(fd=" + fd + ") returned " + Errno.name(result));
        }
        send.releaseAll();
        if (tls != null) {
            tls.closed();
        }
        services.closed(this);
        if (opened) {
            try {
                handler.onClose(this);
            } catch (Throwable t) {
                LoopLog.log(LOG, System.Logger.Level.WARNING, "onClose of " + this + " threw", t);
            }
        }
        if (connect != null) {
            connect.closed(failure);
        }
    }

    /** The loop thread died: forget every operation (the ring is going away) and close the fd directly. */
    void closeAbruptly() {
        if (state == CLOSED) {
            return;
        }
        reason = reason == null ? CloseReason.ERROR : reason;
        inflight = 0;
        Sockets.close(fd);
        onClosed(0);
        inflight = 0;
    }
}
