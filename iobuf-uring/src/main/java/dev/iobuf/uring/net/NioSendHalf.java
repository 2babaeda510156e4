package dev.iobuf.uring.net;

import dev.iobuf.BufferPool;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The sending side of a {@link NioConnection}: the same bounded write queue, admission, TLS records and
 * writability as {@link SendHalf}; only the send differs. A send is non-blocking writes on the channel,
 * finished on the spot (no completion to wait for): what the socket took is released at once, and what it
 * did not take waits for the channel's OP_WRITE readiness. One write per queued buffer, not a gathering
 * write: the JDK's gathering write allocates a releaser per buffer backed by a memory segment (ours are),
 * which would be garbage per request; one buffer holds many small answers anyway. Zero-copy writes are
 * copies here (NIO has no SEND_ZC): the caller's buffer goes back to its pool as soon as it is queued.
 * Loop thread only.
 */
final class NioSendHalf extends SendHalf {
    private final NioConnection nc;

    NioSendHalf(NioConnection c, ConnectionServices s) {
        super(c, s);
        this.nc = c;
    }

    /** Writes what is queued until the socket takes no more (then waits for OP_WRITE) or the queue is empty. */
    @Override
    void flush() {
        int s = c.state();
        if (!Connection.sends(s) || !out.canSend() || nc.waitsForWritable()) {
            return;
        }
        try {
            while (out.canSend()) {
                if (writeBatch()) {
                    nc.awaitWritable();         // the socket is full: the rest goes once the channel is writable
                    break;
                }
            }
        } catch (IOException e) {
            c.fail(e);
            return;
        }
        if (c.state() == Connection.DRAINING && out.allSent()) {
            c.closeNow();
            return;
        }
        maybeShutdown();
        if (wantsWritable()) {
            nc.nudgeLoop();             // the queue may have drained: the next turn tells the handler
        }
    }

    /** Writes a batch of entries, one write each; true if the socket took less than offered (it is full). */
    private boolean writeBatch() throws IOException {
        int first = out.sendPosition();
        int n = out.batch(Scratch.MAX_IOV);
        long written = 0;
        boolean full = false;
        for (int i = 0; i < n && !full; i++) {
            int p = first + i;
            int from = out.offset(p);
            int length = out.length(p);
            ByteBuffer b = buffers.view(out.bufferIndex(p));
            b.limit(from + length).position(from);
            int w = nc.channel().write(b);
            written += w;
            full = w < length;
        }
        out.startSend(n);
        out.sent((int) written);
        out.releaseSent();
        counters.bytesSent += written;
        counters.queuedWriteBytes -= written;
        if (written > 0 && c.state() == Connection.OPEN) {
            work.touch(c);
        }
        return full;
    }

    /** The FIN once everything queued went out ({@code SocketChannel.shutdownOutput}). */
    @Override
    void maybeShutdown() {
        if (shutdownWanted && !shutdownSent && out.allSent() && c.state() == Connection.OPEN) {
            shutdownSent = true;
            try {
                nc.channel().shutdownOutput();
            } catch (IOException e) {
                c.fail(e);
            }
        }
    }

    /** No zero-copy send on NIO: the bytes are copied into the queue and the caller's buffer goes back at once. */
    @Override
    boolean queueZeroCopy(BufferPool pool, int index, int offset, int length) {
        if (!canQueue(length)) {
            return false;
        }
        copyIn(pool.value(index), offset, length);
        pool.release(index);
        return true;
    }
}
