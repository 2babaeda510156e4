package dev.iobuf.uring.net;

import dev.iobuf.uring.UringException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

/**
 * The listening side of the NIO transport: {@link #listen} opens one {@link ServerSocketChannel} per loop
 * (SO_REUSEADDR and SO_REUSEPORT, so the kernel spreads connections across loops as on io_uring), and each
 * loop's acceptor accepts on OP_ACCEPT readiness and hands every new socket to its loop. Out of fds, a
 * listener stops accepting for a moment (the backlog holds the connections) instead of spinning.
 */
final class NioAcceptor {
    private static final System.Logger LOG = System.getLogger(NioAcceptor.class.getName());
    private static final int ACCEPTS_PER_TURN = 64;
    private static final long PAUSE_NANOS = 10_000_000L;

    /** One listener's socket on this loop; the selection key's attachment. */
    static final class Listening {
        final Listener owner;
        final ServerSocketChannel channel;
        SelectionKey key;
        boolean closed;

        Listening(Listener owner, ServerSocketChannel channel) {
            this.owner = owner;
            this.channel = channel;
        }
    }

    private final NioEventLoop loop;
    private final LoopCounters counters;
    private final List<Listening> listeners = new ArrayList<>();
    private final LoopLog.Limit failureLog = new LoopLog.Limit(EventLoop.LOG_INTERVAL_NANOS);

    NioAcceptor(NioEventLoop loop, LoopCounters counters) {
        this.loop = loop;
        this.counters = counters;
    }

    /**
     * Opens a listening channel on {@code where} (an IP address: Unix sockets are not on NIO yet) for every loop
     * of {@code loops} and hands each to its loop.
     *
     * @throws java.io.UncheckedIOException if a channel cannot be opened or bound; nothing stays open then
     */
    static Listener listen(java.net.SocketAddress where, ConnectionHandler handler, SocketOptions options,
                           LoopConfig config, List<EventLoop> loops) {
        if (!(where instanceof InetSocketAddress address)) {
            throw notOnNio("Unix domain sockets");
        }
        List<ServerSocketChannel> channels = new ArrayList<>(loops.size());
        InetSocketAddress bound = address;
        try {
            for (int i = 0; i < loops.size(); i++) {
                ServerSocketChannel ch = open(bound, options, config);
                channels.add(ch);
                if (i == 0) {
                    bound = (InetSocketAddress) ch.getLocalAddress();
                }
            }
        } catch (IOException | RuntimeException e) {
            for (ServerSocketChannel ch : channels) {
                closeQuietly(ch);
            }
            if (e instanceof IOException io) {
                throw NioErrors.of("bind(" + address + ")", io);
            }
            throw (RuntimeException) e;
        }
        Listener listener = new Listener(bound, handler, loops, false, null);
        for (int i = 0; i < loops.size(); i++) {
            NioEventLoop loop = (NioEventLoop) loops.get(i);
            ServerSocketChannel ch = channels.get(i);
            try {
                loop.execute(() -> loop.addListener(listener, ch));
            } catch (RejectedExecutionException e) {
                closeQuietly(ch);
                listener.loopStopped();
            }
        }
        return listener;
    }

    private static ServerSocketChannel open(InetSocketAddress address, SocketOptions options, LoopConfig config)
            throws IOException {
        ServerSocketChannel ch = ServerSocketChannel.open(address.getAddress() instanceof java.net.Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        try {
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            ch.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            options.applyTo(ch);
            ch.bind(address, config.backlog());
            ch.configureBlocking(false);
            return ch;
        } catch (IOException | RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    /** Takes over {@code ch} for {@code owner} and starts accepting. */
    void add(Listener owner, ServerSocketChannel ch) throws IOException {
        Listening l = new Listening(owner, ch);
        l.key = ch.register(loop.selector(), SelectionKey.OP_ACCEPT, l);
        listeners.add(l);
    }

    /** Listening sockets still open. */
    int open() {
        int n = 0;
        for (Listening l : listeners) {
            n += l.closed ? 0 : 1;
        }
        return n;
    }

    /** OP_ACCEPT: accepts what waits (a bounded number per turn) and hands each socket to the loop. */
    void ready(Listening l) {
        for (int i = 0; i < ACCEPTS_PER_TURN && !l.closed; i++) {
            SocketChannel s;
            try {
                s = l.channel.accept();
            } catch (IOException e) {
                acceptFailed(l, e);
                return;
            }
            if (s == null) {
                return;
            }
            counters.fdsOpened++;
            if (!loop.adopt(s, l.owner.handler())) {
                closeQuietly(s);
                counters.fdsClosed++;
                counters.rejected++;
            }
        }
    }

    /** Out of fds (or another accept error): pause this listener briefly; the backlog keeps the connections. */
    private void acceptFailed(Listening l, IOException e) {
        UringException u = NioErrors.of("accept(" + l.owner.localAddress() + ")", e);
        if (u.errno() == dev.iobuf.liburing.Errno.EMFILE.number()) {
            counters.acceptsOutOfFds++;
        }
        if (failureLog.permits(System.nanoTime())) {
            LoopLog.log(LOG, System.Logger.Level.WARNING, "accept on " + l.owner.localAddress() + " failed ("
                    + failureLog.takeSuppressed() + " more since the last report); pausing it", u);
        }
        l.key.interestOps(0);
        loop.timers.arm(PAUSE_NANOS, () -> {
            if (!l.closed) {
                l.key.interestOps(SelectionKey.OP_ACCEPT);
            }
        });
    }

    /** Stops accepting on {@code owner}'s socket of this loop. */
    void stop(Listener owner) {
        for (Listening l : listeners) {
            if (l.owner == owner) {
                close(l);
            }
        }
    }

    /** Stops every listener (shutdown, or the loop failed). */
    void stopAll() {
        for (Listening l : listeners) {
            close(l);
        }
    }

    private void close(Listening l) {
        if (l.closed) {
            return;
        }
        l.closed = true;
        l.key.cancel();
        closeQuietly(l.channel);
        loop.deregisterCancelled();
        counters.fdsClosed++;
        l.owner.loopStopped();
    }

    /** What a NIO group refuses: {@code what} runs on io_uring only so far. */
    static UnsupportedOperationException notOnNio(String what) {
        return new UnsupportedOperationException(what + " run(s) on the io_uring transport only so far, and this group "
                + "runs on NIO (Transport.NIO, or AUTO where io_uring was refused: see the INFO line of logger "
                + "dev.iobuf.uring.Transport)");
    }

    static void closeQuietly(java.nio.channels.Channel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            LoopLog.log(LOG, System.Logger.Level.DEBUG, "closing " + ch + " failed", e);
        }
    }
}
