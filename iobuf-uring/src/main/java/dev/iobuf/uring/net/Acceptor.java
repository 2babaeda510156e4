package dev.iobuf.uring.net;

import static dev.iobuf.liburing.LibUring.IORING_CQE_F_MORE;

import dev.iobuf.liburing.Errno;
import dev.iobuf.uring.CompletionHandler;
import dev.iobuf.uring.Ring;
import dev.iobuf.uring.Sqe;
import dev.iobuf.uring.UserData;
import java.util.Arrays;

/**
 * A loop's listening sockets ({@link LoopListener}, one per {@link Listener} served here) and their
 * (multishot) accepts: the owner of the ACCEPT, LISTENER_CANCEL and LISTENER_CLOSE completions, found
 * by slot and generation like a connection. Accepted fds go to the loop ({@link LoopResources#adopt}). Out of
 * file descriptors (EMFILE, ENFILE), accepting pauses ({@link AcceptBackoff}: a short, growing pause, or until
 * a connection closes) and the failures are reported once per interval with their count; other errors
 * re-arm after 100 ms, reported the same way (one policy, shared with {@link NioAcceptor}). Loop thread only.
 */
final class Acceptor {
    private static final int F_MORE = IORING_CQE_F_MORE();

    private final Ring ring;
    private final LoopResources resources;
    private final Timers timers;
    private final CompletionHandler onStale;
    private final LoopCounters counters;
    private final String name;
    private LoopListener[] listeners = new LoopListener[4];
    private int generation;
    private int open;
    private boolean multishot;
    private final AcceptBackoff outOfFds = new AcceptBackoff(EventLoop.LOG_INTERVAL_NANOS);
    /** Listeners whose accept pauses for lack of fds (a connection closing resumes them). */
    private int paused;

    /** {@code onStale} gets the completions that name no live listener. */
    Acceptor(LoopResources resources, Timers timers, CompletionHandler onStale, LoopCounters counters,
             boolean multishot, String name) {
        this.ring = resources.ring;
        this.resources = resources;
        this.timers = timers;
        this.onStale = onStale;
        this.counters = counters;
        this.multishot = multishot;
        this.name = name;
    }

    /** Listening sockets not yet closed. */
    int open() {
        return open;
    }

    /** Takes over listening socket {@code fd} of {@code owner} and starts accepting. */
    void add(Listener owner, int fd) {
        int slot = 0;
        while (slot < listeners.length && listeners[slot] != null) {
            slot++;
        }
        if (slot == listeners.length) {
            listeners = Arrays.copyOf(listeners, slot * 2);
        }
        generation = UserData.next(generation);
        LoopListener l = new LoopListener(owner, fd, slot, generation);
        listeners[slot] = l;
        open++;
        arm(l);
    }

    private void arm(LoopListener l) {
        Sqe sqe = ring.nextSqe();
        if (multishot) {
            sqe.acceptMultishot(l.fd, Sockets.SOCK_CLOEXEC);
        } else {
            sqe.accept(l.fd, Sockets.SOCK_CLOEXEC);
        }
        sqe.userData(l.userData(Op.ACCEPT));
        l.armed = true;
    }

    private LoopListener get(long userData) {
        int slot = UserData.slot(userData);
        if (slot >= listeners.length) {
            return null;
        }
        LoopListener l = listeners[slot];
        return l != null && l.generation == UserData.generation(userData) ? l : null;
    }

    /** A completion of a listener's op: one lookup, then the listener's part. */
    void complete(int op, long userData, int result, int flags) {
        if (op == Op.LISTENER_CANCEL) {
            return;                     // the accept it cancelled reports the outcome
        }
        LoopListener l = get(userData);
        if (l == null) {
            if (op == Op.ACCEPT && result >= 0) {
                Sockets.close(result);
            }
            onStale.complete(userData, result, flags);
        } else if (op == Op.ACCEPT) {
            onAccept(l, result, flags);
        } else {
            onClosed(l);
        }
    }

    private void onAccept(LoopListener l, int result, int flags) {
        boolean more = (flags & F_MORE) != 0;
        if (!more) {
            l.armed = false;
        }
        if (result >= 0) {
            outOfFds.succeeded();
            accepted(l, result);
        } else if (Errno.EINVAL.is(result) && multishot) {
            multishot = false;        // a kernel before 5.19: accept one at a time
        } else if (!Errno.ECANCELED.is(result)) {
            long pause = failed(l, result);
            if (!more && !l.stopping) {
                l.retryScheduled = true;
                if (AcceptBackoff.isOutOfFds(result)) {
                    paused++;
                }
                timers.arm(pause, () -> retry(l));
                return;
            }
        }
        if (!l.armed) {
            if (l.stopping) {
                close(l);
            } else {
                counters.acceptRearms++;
                arm(l);
            }
        }
    }

    /** An accept failed: counts and reports it (once per interval); returns the pause before accepting again. */
    private long failed(LoopListener l, int result) {
        return outOfFds.pauseAfter(name, l.owner.address(), result, counters);
    }

    /** A connection of the loop closed, freeing an fd: listeners paused for lack of fds accept again now. */
    void fdFreed() {
        if (paused == 0) {
            return;
        }
        paused = 0;
        for (LoopListener l : listeners) {
            if (l != null && l.retryScheduled && !l.armed && !l.stopping && !l.closeSubmitted) {
                arm(l);             // the pause's timer finds it armed and does nothing
            }
        }
    }

    private void retry(LoopListener l) {
        l.retryScheduled = false;
        if (l.closeSubmitted || l.armed) {
            return;
        }
        if (l.stopping) {
            close(l);
        } else {
            arm(l);
        }
    }

    private void accepted(LoopListener l, int fd) {
        counters.fdsOpened++;
        if (l.stopping || !resources.adopt(fd, l.owner.handler())) {
            Sockets.close(fd);
            counters.fdsClosed++;
            counters.rejected++;
        }
    }

    /** Stops accepting on {@code owner}'s socket of this loop. */
    void stop(Listener owner) {
        for (LoopListener l : listeners) {
            if (l != null && l.owner == owner) {
                stop(l);
            }
        }
    }

    /** Stops every listener (shutdown). */
    void stopAll() {
        for (LoopListener l : listeners) {
            if (l != null) {
                stop(l);
            }
        }
    }

    private void stop(LoopListener l) {
        if (l.stopping) {
            return;
        }
        l.stopping = true;
        if (l.armed) {
            ring.nextSqe().cancel(l.userData(Op.ACCEPT), 0).userData(l.userData(Op.LISTENER_CANCEL));
        } else {
            close(l);           // a scheduled retry finds it closed and does nothing
        }
    }

    /** The loop failed: closes every listening socket directly (the ring and its accepts are going away). */
    void closeAbruptly() {
        for (int slot = 0; slot < listeners.length; slot++) {
            LoopListener l = listeners[slot];
            if (l != null) {
                listeners[slot] = null;
                open--;
                if (l.owner.releaseFd()) {
                    Sockets.close(l.fd);
                }
                counters.fdsClosed++;
                l.owner.loopStopped();
            }
        }
    }

    private void close(LoopListener l) {
        if (!l.closeSubmitted) {
            l.closeSubmitted = true;
            if (l.owner.releaseFd()) {
                ring.nextSqe().close(l.fd).userData(l.userData(Op.LISTENER_CLOSE));
            } else {
                onClosed(l);            // the shared Unix fd: another loop still accepts on it and closes it last
            }
        }
    }

    private void onClosed(LoopListener l) {
        listeners[l.slot] = null;
        open--;
        counters.fdsClosed++;
        l.owner.loopStopped();
    }
}
