package dev.iobuf.uring.net;

import dev.iobuf.uring.UringException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

/**
 * The listening side of the NIO transport: {@link #listen} opens one {@link ServerSocketChannel} per loop
 * (SO_REUSEADDR and SO_REUSEPORT, so the kernel spreads connections across loops as on io_uring; a Unix path:
 * one channel that every loop's selector watches), and each
 * loop's acceptor accepts on OP_ACCEPT readiness and hands every new socket to its loop. Out of fds, a
 * listener stops accepting (the backlog holds the connections) instead of spinning, by the io_uring
 * transport's policy ({@link AcceptBackoff}: a growing pause, or until a connection closes).
 */
final class NioAcceptor {
    private static final System.Logger LOG = System.getLogger(NioAcceptor.class.getName());
    private static final int ACCEPTS_PER_TURN = 64;

    /** One listener's socket on this loop; the selection key's attachment. */
    static final class Listening {
        final Listener owner;
        final ServerSocketChannel channel;
        SelectionKey key;
        boolean closed;
        /** Accepting pauses for lack of fds (a closing connection resumes it: {@link #fdFreed}). */
        boolean pausedForFds;
        /** Counts pauses, so that the timer of an earlier one does not end a later one. */
        int pauses;

        Listening(Listener owner, ServerSocketChannel channel) {
            this.owner = owner;
            this.channel = channel;
        }
    }

    private final NioEventLoop loop;
    private final LoopCounters counters;
    private final List<Listening> listeners = new ArrayList<>();
    private final AcceptBackoff backoff = new AcceptBackoff(EventLoop.LOG_INTERVAL_NANOS);

    NioAcceptor(NioEventLoop loop, LoopCounters counters) {
        this.loop = loop;
        this.counters = counters;
    }

    /**
     * Opens a listening channel on {@code where} and hands it to every loop of {@code loops}: an IP address gets
     * one channel per loop; a Unix path one channel (no SO_REUSEPORT for AF_UNIX) registered with every loop's
     * selector, with the io_uring transport's socket-file rules ({@link UnixSocketFile}).
     *
     * @throws dev.iobuf.uring.UringException if a channel cannot be opened or bound; nothing stays open then
     * @throws UnsupportedOperationException for an {@link AbstractUnixAddress} (the JDK's channels take paths only)
     */
    static Listener listen(java.net.SocketAddress where, ConnectionHandler handler, SocketOptions options,
                           LoopConfig config, List<EventLoop> loops) {
        options.requireFamily(SocketAddresses.familyOf(where));
        if (where instanceof UnixDomainSocketAddress path) {
            return listenUnix(path, handler, options, config, loops);
        }
        if (!(where instanceof InetSocketAddress address)) {
            throw abstractNameRefused(where);
        }
        List<ServerSocketChannel> channels = NioChannels.openEach(loops.size(), address, options, "bind(",
                ServerSocketChannel::open, (ch, at) -> ch.bind(at, config.backlog()));
        InetSocketAddress bound = localAddress(channels.get(0));
        Listener listener = new Listener(bound, handler, loops, false, null);
        handOut(listener, loops, channels);
        return listener;
    }

    /** A Unix path: one channel every loop accepts on (the Listener counts the holders; the last closes it). */
    private static Listener listenUnix(UnixDomainSocketAddress path, ConnectionHandler handler, SocketOptions options,
                                       LoopConfig config, List<EventLoop> loops) {
        UnixAddresses.pathBytes(path);               // a bad path fails before anything is touched
        UnixSocketFile.clearStale(path);
        ServerSocketChannel ch;
        try {
            ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (IOException e) {
            throw NioErrors.of("socket(AF_UNIX, SOCK_STREAM)", e);
        }
        try {
            options.applyTo(ch);
            ch.bind(path, config.backlog());
            ch.configureBlocking(false);
        } catch (IOException e) {
            NioChannels.closeQuietly(ch);
            throw NioErrors.of("bind(" + path + ")", e, ListenSockets::bindRemedy);
        } catch (RuntimeException e) {
            NioChannels.closeQuietly(ch);
            throw e;
        }
        Listener listener = new Listener(path, handler, loops, true, UnixSocketFile.bound(path));
        handOut(listener, loops, java.util.Collections.nCopies(loops.size(), ch));
        return listener;
    }

    /** Gives loop i channel i; a loop that has stopped lets go of its channel at once. */
    private static void handOut(Listener listener, List<EventLoop> loops, List<ServerSocketChannel> channels) {
        for (int i = 0; i < loops.size(); i++) {
            NioEventLoop loop = (NioEventLoop) loops.get(i);
            ServerSocketChannel ch = channels.get(i);
            try {
                loop.execute(() -> loop.addListener(listener, ch));
            } catch (RejectedExecutionException e) {
                release(listener, ch);
                listener.loopStopped();
            }
        }
    }

    private static InetSocketAddress localAddress(ServerSocketChannel ch) {
        try {
            return (InetSocketAddress) ch.getLocalAddress();
        } catch (IOException e) {
            throw NioErrors.of("getsockname", e);
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
            backoff.succeeded();
            counters.fdsOpened++;
            if (!loop.adopt(s, l.owner.handler(), l.owner.localAddress() != null)) {
                NioChannels.closeQuietly(s);
                counters.fdsClosed++;
                counters.rejected++;
            }
        }
    }

    /**
     * Accepting failed: this listener pauses for what {@link AcceptBackoff} says (out of fds: a short, growing
     * pause, or until a connection of the loop closes; another error: 100 ms), reported at most once per
     * interval; the backlog keeps the connections meanwhile.
     */
    private void acceptFailed(Listening l, IOException e) {
        UringException u = NioErrors.of("accept(" + l.owner.localAddress() + ")", e);
        int result = -u.errno();
        long pause = backoff.pauseAfter("loop " + loop.index(), l.owner.localAddress(), result, counters);
        l.key.interestOps(0);
        l.pausedForFds = AcceptBackoff.isOutOfFds(result);
        int pauseNumber = ++l.pauses;
        loop.timers.arm(pause, () -> {
            if (l.pauses == pauseNumber) {
                resume(l);
            }
        });
    }

    private static void resume(Listening l) {
        l.pausedForFds = false;
        if (!l.closed) {
            l.key.interestOps(SelectionKey.OP_ACCEPT);
        }
    }

    /** A connection of the loop closed, freeing an fd: listeners paused for lack of fds accept again now. */
    void fdFreed() {
        for (Listening l : listeners) {
            if (l.pausedForFds) {
                l.pauses++;                 // the pause's timer finds a newer pause number and does nothing
                resume(l);
            }
        }
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
        release(l.owner, l.channel);
        loop.deregisterCancelled();
        counters.fdsClosed++;
        l.owner.loopStopped();
    }

    /**
     * Why an {@link AbstractUnixAddress} cannot be used here: the JDK's Unix domain channels take only
     * {@link UnixDomainSocketAddress} paths (a name with a leading NUL is not a valid path).
     */
    static UnsupportedOperationException abstractNameRefused(java.net.SocketAddress name) {
        return new UnsupportedOperationException("abstract Unix socket name " + name + " cannot be used on the NIO "
                + "transport: the JDK's Unix domain channels take only paths (UnixDomainSocketAddress); use a path, or "
                + "the io_uring transport (Transport.IO_URING)");
    }

    /** A loop is done with listening channel {@code ch} of {@code owner}: closes it unless other loops share it. */
    static void release(Listener owner, ServerSocketChannel ch) {
        if (owner.releaseFd()) {
            NioChannels.closeQuietly(ch);
        }
    }
}
