package dev.iobuf.examples;

import dev.iobuf.uring.net.Connection;
import dev.iobuf.uring.net.ConnectionHandler;
import java.lang.foreign.MemorySegment;

/**
 * The echo server's handler: every byte received is written back, in order, whatever the peer does.
 *
 * <p>A write copies the bytes into the loop's write buffers, so the receive buffer goes straight back to
 * the kernel. When the connection's bounded write queue cannot take everything (a peer that sends faster
 * than it reads), {@code writeSome} queues what fits, the receive buffer is kept with
 * {@link Connection#retain()} for the rest, and reading pauses; {@link #onWritable} sends the rest,
 * releases the buffer and resumes reading. So a slow reader costs one receive buffer plus its write
 * queue, and TCP flow control pushes back on its sending side.
 */
final class EchoHandler implements ConnectionHandler {

    /** The part of a retained receive buffer still to echo. */
    private static final class Held {
        long handle;
        int from;
        int to;
    }

    @Override
    public void onData(Connection c, MemorySegment buffer, int offset, int length) {
        int n = c.writeSome(buffer, offset, length);
        if (n < length) {
            Held held = (Held) c.attachment();
            if (held == null) {
                held = new Held();          // once per connection that ever has to wait
                c.attach(held);
            }
            held.handle = c.retain();
            held.from = offset + n;
            held.to = offset + length;
            c.pauseReading();
        }
    }

    @Override
    public void onWritable(Connection c) {
        Held held = (Held) c.attachment();
        if (held == null || held.from == held.to) {
            return;
        }
        MemorySegment buffer = c.loop().retainedBuffer(held.handle);
        held.from += c.writeSome(buffer, held.from, held.to - held.from);
        if (held.from == held.to) {
            c.loop().release(held.handle);
            c.resumeReading();
        }
    }

    @Override
    public void onClose(Connection c) {
        Held held = (Held) c.attachment();
        if (held != null && held.from != held.to) {
            held.from = held.to;
            c.loop().release(held.handle);
        }
    }
}
