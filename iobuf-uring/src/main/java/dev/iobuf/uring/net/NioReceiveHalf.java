package dev.iobuf.uring.net;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The receiving side of a {@link NioConnection}: when the selector says the socket is readable, a read into
 * one of the loop's pool buffers ({@link NioReceiveBuffers}), lent to {@code onData} for the call and given
 * back when it returns (unless retained), as on io_uring. Pausing takes OP_READ out of the interest set: data
 * that arrives meanwhile waits in the kernel's socket buffer, so nothing is held here. Loop thread only.
 */
final class NioReceiveHalf implements Receiving {
    /** Reads per readiness at most, so that one busy connection cannot hold the loop. */
    private static final int READS_PER_TURN = 16;

    private final NioConnection c;
    private final NioReceiveBuffers buffers;
    private final TurnWork work;
    private final LoopCounters counters;
    /** Why delivery is paused: {@link ReceiveHalf#BY_USER}, {@link ReceiveHalf#FOR_WRITING}, both, or 0. */
    private int pausedBy;
    private boolean eof;
    private boolean starved;
    private int currentBuffer = -1;

    NioReceiveHalf(NioConnection c, NioReceiveBuffers buffers, TurnWork work, LoopCounters counters) {
        this.c = c;
        this.buffers = buffers;
        this.work = work;
        this.counters = counters;
    }

    /** OP_READ: reads and delivers until the socket is drained, delivery pauses, or the turn's share is used. */
    void readable() {
        for (int i = 0; i < READS_PER_TURN && c.state() == Connection.OPEN && pausedBy == 0; i++) {
            int index = buffers.take();
            if (index < 0) {
                counters.recvNoBuffers++;          // every buffer is retained: wait until one comes back
                starved = true;
                c.wantRead(false);
                work.starve(c);
                return;
            }
            ByteBuffer b = buffers.forRead(index);
            int n;
            try {
                n = c.channel().read(b);
            } catch (IOException e) {
                buffers.give(index);
                c.fail(NioErrors.of("read(" + c + ")", e));
                return;
            }
            if (n <= 0) {
                buffers.give(index);
                if (n < 0) {
                    eof = true;
                    c.wantRead(false);
                    ReceiveHalf.inputEnded(c);
                }
                return;
            }
            counters.bytesReceived += n;
            counters.recvCompletions++;
            work.touch(c);
            deliver(index, n);
            if (n < b.capacity()) {
                return;                 // the socket is (most likely) drained: the selector says if not
            }
        }
    }

    /** Lends buffer {@code index} to the handler for the call, then gives it back unless retained. */
    private void deliver(int index, int length) {
        currentBuffer = index;
        try {
            if (c.tls() == null) {
                c.handler().onData(c, buffers.segment(index), 0, length);
            } else {
                c.tls().received(buffers.segment(index), 0, length, index);
            }
        } catch (Throwable t) {
            c.handlerFailed("onData", t);
        } finally {
            currentBuffer = -1;
            buffers.give(index);
        }
    }

    @Override
    public long retain() {
        ReceiveHalf.checkRetainable(c, currentBuffer);
        return buffers.retain(currentBuffer);
    }

    @Override
    public void maybeArm() {
        if (c.state() == Connection.OPEN && pausedBy == 0 && !eof && !starved) {
            c.wantRead(true);
        }
    }

    @Override
    public void stop() {
        c.wantRead(false);
    }

    @Override
    public void pause(int why) {
        pausedBy |= why;
        c.wantRead(false);
    }

    @Override
    public void resume(int why) {
        if ((pausedBy & why) != 0) {
            pausedBy &= ~why;
            if (pausedBy == 0 && c.state() == Connection.OPEN) {
                work.scheduleResume(c);
            }
        }
    }

    @Override
    public void resume() {
        if (c.tls() != null) {
            c.tls().resume();
        }
        maybeArm();
    }

    @Override
    public void unstarve() {
        starved = false;
        maybeArm();
    }

    @Override
    public boolean paused() {
        return pausedBy != 0;
    }

    @Override
    public boolean ended() {
        return eof;
    }

    /** Never called: NIO has no receive completions. */
    @Override
    public boolean onRecv(int result, int flags) {
        throw new IllegalStateException("a NIO connection gets no io_uring receive completion: " + c);
    }
}
