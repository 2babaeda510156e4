package dev.iobuf.uring.net;

import static dev.iobuf.liburing.LibUring.IORING_CQE_F_MORE;

import dev.iobuf.liburing.Errno;
import dev.iobuf.uring.UringException;
import java.lang.foreign.MemorySegment;

/**
 * The receiving side of a {@link Connection}: its (multishot) receive from the loop's provided-buffer
 * ring, delivery to {@code onData}, pausing and resuming, and what waits while paused. Built with the
 * services it uses (the loop's receive buffers, its turn work, its counters); loop thread only.
 *
 * <p>{@link #deliver} is the one place a received buffer is lent to the handler and given back.
 */
final class ReceiveHalf implements Receiving {
    private static final int EOF_MARK = -1;
    /** Paused by {@link Connection#pauseReading()}. */
    static final int BY_USER = 1;
    /** Paused because the connection is not writable (automatic; undone once it drained). */
    static final int FOR_WRITING = 2;
    private static final int F_MORE = IORING_CQE_F_MORE();

    private final Connection c;
    private final RecvBuffers buffers;
    private final TurnWork work;
    private final LoopCounters counters;
    private boolean armed;
    private boolean cancelling;
    private int arms;
    private boolean eof;
    /** Why delivery is paused: {@link #BY_USER}, {@link #FOR_WRITING}, both, or 0. */
    private int pausedBy;
    /** Buffer ids (and an end-of-stream mark) received while delivery was paused, in order. */
    private IntQueue pending;
    private int currentBid = -1;
    private boolean currentRetained;

    ReceiveHalf(Connection c, RecvBuffers buffers, TurnWork work, LoopCounters counters) {
        this.c = c;
        this.buffers = buffers;
        this.work = work;
        this.counters = counters;
    }

    @Override
    public boolean paused() {
        return pausedBy != 0;
    }

    private boolean hasPending() {
        return pending != null && !pending.isEmpty();
    }

    /** Arms the (multishot) receive. */
    private void arm() {
        if (arms++ > 0) {
            counters.recvRearms++;
        }
        buffers.arm(c.fd(), c.userData(Op.RECV));
        armed = true;
        c.inflight++;
    }

    /** Arms the receive again if it is wanted and possible. */
    @Override
    public void maybeArm() {
        if (c.state() == Connection.OPEN && !armed && !paused() && !eof && !work.isStarved(c) && !hasPending()) {
            arm();
        }
    }

    /** Cancels the receive if it is armed (delivery pauses, or the connection closes). */
    private void cancel() {
        if (armed && !cancelling) {
            c.cancel(c.userData(Op.RECV));
            cancelling = true;
        }
    }

    /** Pauses delivery for {@code why} ({@link #BY_USER} or {@link #FOR_WRITING}): the receive is cancelled. */
    @Override
    public void pause(int why) {
        if ((pausedBy & why) == 0) {
            pausedBy |= why;
            cancel();
        }
    }

    /** Undoes {@link #pause} for {@code why}; delivery resumes (next turn) once nothing else pauses it. */
    @Override
    public void resume(int why) {
        if ((pausedBy & why) != 0) {
            pausedBy &= ~why;
            scheduleResume();
        }
    }

    private void scheduleResume() {
        if (!paused() && c.state() == Connection.OPEN) {
            work.scheduleResume(c);
        }
    }

    /** The loop's turn for a resumed connection: delivers what waited, then receives again. */
    @Override
    public void resume() {
        if (c.tls() != null) {
            c.tls().resume();
        }
        while (hasPending() && c.state() == Connection.OPEN && !paused()) {
            int bid = pending.poll();
            if (bid == EOF_MARK) {
                inputEnded(c);
            } else {
                deliver(bid);
            }
        }
        maybeArm();
    }

    /**
     * A RECV completion (several buffers when it is a bundle).
     *
     * @return false, having changed nothing, for a completion no correct kernel posts: no receive armed,
     *         data without a buffer, a buffer not in the ring ({@link RecvBuffers#select})
     */
    @Override
    public boolean onRecv(int result, int flags) {
        int n = armed ? buffers.select(result, flags) : RecvBuffers.IMPOSSIBLE;
        if (n == RecvBuffers.IMPOSSIBLE) {
            return false;
        }
        if ((flags & F_MORE) == 0) {
            armed = false;
            cancelling = false;
            c.inflight--;
        }
        if (result > 0) {
            counters.bytesReceived += result;
            counters.recvCompletions++;
            for (int i = 0; i < n; i++) {
                int bid = buffers.selected(i);
                if (c.state() != Connection.OPEN) {
                    buffers.recycle(bid);             // closing: nobody reads any more
                } else if (paused() || hasPending()) {
                    pend(bid);
                } else {
                    deliver(bid);
                }
            }
            work.touch(c);   // no state test (see TurnWork)
        } else {
            for (int i = 0; i < n; i++) {
                buffers.recycle(buffers.selected(i));
            }
            failed(result);
        }
        if (!armed) {
            maybeArm();
        }
        return true;
    }

    /** A receive that carried no data: end of stream, out of buffers, or an error. */
    private void failed(int result) {
        if (result == 0) {
            eof = true;
            if (c.state() == Connection.OPEN) {
                if (paused() || hasPending()) {
                    pend(EOF_MARK);
                } else {
                    inputEnded(c);
                }
            }
        } else if (Errno.ENOBUFS.is(result)) {
            counters.recvNoBuffers++;
            if (c.state() == Connection.OPEN) {
                work.starve(c);
            }
        } else if (Errno.EINVAL.is(result) && buffers.fallBack()) {
            // the kernel refused a receive flag (bundles before 6.10, multishot before 6.0): armed again without it
        } else if (!Errno.ECANCELED.is(result) && c.state() < Connection.CLOSING) {
            c.fail(UringException.ofCompletion("recv(fd=" + c.fd() + ")", result));
        }
    }

    /** Whether the peer's end of stream came. */
    @Override
    public boolean ended() {
        return eof;
    }

    /**
     * End of stream: the connection closes unless the handler keeps it open to write on ({@code onInputShutdown};
     * not asked once this side's output is shut down too, nor before a TLS handshake is done).
     */
    static void inputEnded(Connection c) {
        boolean opened = c.tls() == null || c.tls().isEstablished();
        if (opened && !c.send().outputShutdown()) {
            try {
                if (c.handler().onInputShutdown(c)) {
                    return;
                }
            } catch (Throwable t) {
                c.handlerFailed("onInputShutdown", t);
                return;
            }
        }
        c.peerClosed();
    }

    private void pend(int bid) {
        if (pending == null) {
            pending = new IntQueue();
        }
        pending.add(bid);
    }

    /**
     * The one place a received buffer is lent to the handler: taken from the ring, passed to
     * {@code onData}, and recycled (back to the kernel at the end of the turn) as soon as {@code onData}
     * returns, unless the handler retained it. The segment is the pool's own instance: valid for the
     * handler only during the call.
     */
    private void deliver(int bid) {
        MemorySegment buffer = buffers.take(bid);
        currentBid = bid;
        currentRetained = false;
        try {
            if (c.tls() == null) {
                c.handler().onData(c, buffer, buffers.offset(bid), buffers.length(bid));
            } else {
                c.tls().received(buffer, buffers.offset(bid), buffers.length(bid), bid);   // onData with plaintext
            }
        } catch (Throwable t) {
            c.handlerFailed("onData", t);
        } finally {
            currentBid = -1;
            if (!currentRetained) {
                buffers.recycle(bid);
            }
        }
    }

    /** {@link Connection#retain()}: keeps the buffer of the {@code onData} call in progress. */
    @Override
    public long retain() {
        checkRetainable(c, currentBid);
        currentRetained = true;
        return buffers.retain(currentBid);
    }

    /** Refuses {@link Connection#retain()} on a TLS connection, or outside {@code onData} ({@code current} < 0). */
    static void checkRetainable(Connection c, int current) {
        if (c.tls() != null) {
            throw new IllegalStateException("retain() is not available on a TLS connection: onData gets decrypted "
                    + "bytes in the loop's plaintext buffer, valid during the call; copy what you keep");
        }
        if (current < 0) {
            throw new IllegalStateException("retain() keeps the buffer of the onData call in progress: call it "
                    + "inside onData");
        }
    }

    /** The connection closes: nothing more is delivered; waiting buffers go back, the receive is cancelled. */
    @Override
    public void stop() {
        if (pending != null) {
            while (!pending.isEmpty()) {
                int bid = pending.poll();
                if (bid != EOF_MARK) {
                    buffers.recycle(bid);
                }
            }
        }
        cancel();
    }

    /** Buffers were published: try receiving again (called for connections that got -ENOBUFS). */
    @Override
    public void unstarve() {
        maybeArm();
    }
}
