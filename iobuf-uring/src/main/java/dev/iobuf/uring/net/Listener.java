package dev.iobuf.uring.net;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A listening address of an {@link EventLoopGroup} ({@link EventLoopGroup#listen}): one listening
 * socket per loop, all bound to the same address with SO_REUSEPORT, each with a multishot accept on its
 * loop's ring. The kernel spreads incoming connections across the sockets (by a hash of the 4-tuple),
 * so a connection is accepted and served on one loop without any hand-off between threads.
 *
 * <p>{@link #close()} stops accepting (cancels the accepts and closes the listening sockets; connections
 * waiting in a socket's backlog are reset) and leaves the connections already accepted alone.
 */
public final class Listener implements AutoCloseable {
    private static final long CLOSE_WAIT_SECONDS = 10;

    private final InetSocketAddress localAddress;
    private final ConnectionHandler handler;
    private final List<EventLoop> loops;
    private final CountDownLatch stopped;
    private final AtomicBoolean closing = new AtomicBoolean();

    Listener(InetSocketAddress localAddress, ConnectionHandler handler, List<EventLoop> loops) {
        this.localAddress = localAddress;
        this.handler = handler;
        this.loops = loops;
        this.stopped = new CountDownLatch(loops.size());
    }

    /** The bound address (with the actual port when port 0 was asked for). */
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /** The port connections arrive on. */
    public int port() {
        return localAddress.getPort();
    }

    /** Whether it still accepts: neither {@link #close()}d nor stopped by the group's shutdown. */
    public boolean isOpen() {
        return !closing.get() && stopped.getCount() == loops.size();
    }

    ConnectionHandler handler() {
        return handler;
    }

    /** A loop closed its listening socket. */
    void loopStopped() {
        stopped.countDown();
    }

    /**
     * Stops accepting on every loop and waits (up to 10 s) until every listening socket is closed, unless
     * called on a loop thread (then it returns at once; the sockets close shortly after). Idempotent.
     */
    @Override
    public void close() {
        if (closing.compareAndSet(false, true)) {
            for (EventLoop loop : loops) {
                try {
                    loop.execute(() -> loop.stopListener(this));
                } catch (java.util.concurrent.RejectedExecutionException terminated) {
                    // that loop is gone and closed its socket already
                }
            }
        }
        for (EventLoop loop : loops) {
            if (loop.inEventLoop()) {
                return;
            }
        }
        try {
            if (!stopped.await(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("listener " + localAddress + " did not stop within "
                        + CLOSE_WAIT_SECONDS + " s: a loop is blocked in a handler");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "Listener[" + localAddress + ", " + loops.size() + " loops" + (isOpen() ? "" : ", closed") + "]";
    }
}
