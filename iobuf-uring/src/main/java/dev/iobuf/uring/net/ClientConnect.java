package dev.iobuf.uring.net;

import dev.iobuf.liburing.Errno;
import dev.iobuf.uring.Sqe;
import dev.iobuf.uring.UringException;
import java.lang.foreign.MemorySegment;
import java.net.SocketAddress;
import java.util.concurrent.CompletableFuture;

/**
 * The connect of a client {@link Connection}: the IORING_OP_CONNECT (bounded by a linked timeout when
 * the group has a connect timeout) and the future that tells the caller how it ended. Loop thread only.
 */
final class ClientConnect {
    private final Connection c;
    private final ConnectionServices services;
    private final SocketAddress remote;
    private final CompletableFuture<Connection> future;
    private boolean pending;

    ClientConnect(Connection c, ConnectionServices services, SocketAddress remote,
                  CompletableFuture<Connection> future) {
        this.c = c;
        this.services = services;
        this.remote = remote;
        this.future = future;
    }

    /** Submits the connect (and its link timeout if {@code timeoutNanos > 0}). */
    void start(long timeoutNanos) {
        MemorySegment sockaddr = services.scratch().sockaddr(c.slot);
        int length = SocketAddresses.encodeAny(remote, sockaddr);
        Sqe sqe = services.ring().nextSqe().connectUnsafe(c.fd(), sockaddr.address(), length).userData(c.userData(Op.CONNECT));
        pending = true;
        c.inflight++;
        if (timeoutNanos > 0) {
            sqe.link();
            services.ring().nextSqe().linkTimeoutNanos(timeoutNanos, 0).userData(c.userData(Op.CONNECT_TIMEOUT));
            c.inflight++;
        }
    }

    /** The CONNECT completion: open the connection, or fail it (a cancelled connect timed out). */
    void onConnect(int result) {
        c.inflight--;
        pending = false;
        if (c.state() != Connection.CONNECTING) {
            return;
        }
        if (result == 0) {
            services.counters().connected++;
            c.open();
        } else {
            int errno = Errno.ECANCELED.is(result) ? -Errno.ETIMEDOUT.number() : result;
            c.connectFailed(new UringException("connect(" + remote + ", fd=" + c.fd() + ")", errno,
                    Errno.ECANCELED.is(result) ? "no answer within the group's connectTimeout" : null));
        }
    }

    /** The connection is established (after its TLS handshake, if any) and its handler opened it. */
    void established() {
        future.complete(c);
    }

    /** The connection closes: cancel a connect still in flight. */
    void cancel() {
        if (pending) {
            c.cancel(c.userData(Op.CONNECT));
        }
    }

    /** The fd is closed: a future not yet completed fails with {@code failure} (or a plain "closed"). */
    void closed(Throwable failure) {
        if (!future.isDone()) {
            future.completeExceptionally(failure != null ? failure
                    : new IllegalStateException("connection to " + remote + " closed before it was established"));
        }
    }
}
