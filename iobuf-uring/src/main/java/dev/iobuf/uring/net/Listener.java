package dev.iobuf.uring.net;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A listening address of an {@link EventLoopGroup} ({@link EventLoopGroup#listen}). TCP: one listening
 * socket per loop, all bound to the same address with SO_REUSEPORT, each with a multishot accept on its
 * loop's ring; the kernel spreads incoming connections across the sockets (by a hash of the 4-tuple),
 * so a connection is accepted and served on one loop without any hand-off between threads. Unix domain
 * sockets have no SO_REUSEPORT: one socket, with a multishot accept of every loop on it (the first loop to
 * take a connection serves it); a path's socket file is removed when the listener stops (see
 * {@link EventLoopGroup#listen}).
 *
 * <p>{@link #close()} stops accepting (cancels the accepts and closes the listening sockets; connections
 * waiting in a socket's backlog are reset) and leaves the connections already accepted alone.
 */
public final class Listener implements AutoCloseable {
    private static final long CLOSE_WAIT_SECONDS = 10;

    private final SocketAddress address;
    private final ConnectionHandler handler;
    private final List<EventLoop> loops;
    private final CountDownLatch stopped;
    /** Loops that have not stopped yet (the one that takes it to 0 removes the socket file). */
    private final AtomicInteger running;
    private final AtomicBoolean closing = new AtomicBoolean();
    /** Loops still holding the one shared fd (Unix), or 0 when each loop has its own (TCP). */
    private final AtomicInteger sharedFdHolders;
    /** The socket file of a path listener (removed when the last loop stopped), else null. */
    private final UnixSocketFile file;

    Listener(SocketAddress address, ConnectionHandler handler, List<EventLoop> loops, boolean sharedFd,
             UnixSocketFile file) {
        this.address = address;
        this.handler = handler;
        this.loops = loops;
        this.stopped = new CountDownLatch(loops.size());
        this.running = new AtomicInteger(loops.size());
        this.sharedFdHolders = new AtomicInteger(sharedFd ? loops.size() : 0);
        this.file = file;
    }

    /**
     * The bound IP address (with the actual port when port 0 was asked for), or {@code null} for a Unix domain
     * listener (see {@link #address()}).
     */
    public InetSocketAddress localAddress() {
        return address instanceof InetSocketAddress inet ? inet : null;
    }

    /**
     * The bound address: an {@link InetSocketAddress} (as {@link #localAddress()}), a
     * {@link java.net.UnixDomainSocketAddress} or an {@link AbstractUnixAddress}.
     */
    public SocketAddress address() {
        return address;
    }

    /** The port connections arrive on; -1 for a Unix domain listener. */
    public int port() {
        return address instanceof InetSocketAddress inet ? inet.getPort() : -1;
    }

    /** Whether it still accepts: neither {@link #close()}d nor stopped by the group's shutdown. */
    public boolean isOpen() {
        return !closing.get() && stopped.getCount() == loops.size();
    }

    ConnectionHandler handler() {
        return handler;
    }

    /**
     * A loop is done with its listening fd: whether it should close it (always when each loop has its own;
     * for the shared Unix fd, only the last loop). Loop thread.
     */
    boolean releaseFd() {
        return sharedFdHolders.get() == 0 || sharedFdHolders.decrementAndGet() == 0;
    }

    /**
     * A loop closed (or let go of) its listening socket; after the last, a path's socket file is removed, before
     * {@link #close()} returns.
     */
    void loopStopped() {
        if (running.decrementAndGet() == 0 && file != null) {
            file.deleteIfOurs();
        }
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
                throw new IllegalStateException("listener " + address + " did not stop within "
                        + CLOSE_WAIT_SECONDS + " s: a loop is blocked in a handler");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "Listener[" + address + ", " + loops.size() + " loops" + (isOpen() ? "" : ", closed") + "]";
    }
}
