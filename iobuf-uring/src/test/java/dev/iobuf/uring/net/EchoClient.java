package dev.iobuf.uring.net;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client handler for the echo tests: each connection sends {@code rounds} messages, one at a time,
 * checks that each comes back byte for byte, then closes. Failures are collected, not thrown.
 */
final class EchoClient implements ConnectionHandler {
    private final byte[][] messages;
    final CountDownLatch done;
    final AtomicInteger completed = new AtomicInteger();
    final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

    /** Writes refused for lack of write buffers, retried on onWritable (backpressure, not an error). */
    final AtomicInteger refusedWrites = new AtomicInteger();

    /** Per-connection progress. */
    private static final class State {
        int round;
        int received;
        boolean unsent;
    }

    EchoClient(byte[][] messages, int connections) {
        this.messages = messages;
        this.done = new CountDownLatch(connections);
    }

    @Override
    public void onOpen(Connection c) {
        c.attach(new State());
        send(c, 0);
    }

    private void send(Connection c, int round) {
        State s = (State) c.attachment();
        s.unsent = !c.write(messages[round]);
        if (s.unsent) {
            refusedWrites.incrementAndGet();      // onWritable follows once buffers are free
        }
    }

    @Override
    public void onWritable(Connection c) {
        State s = (State) c.attachment();
        if (s.unsent) {
            send(c, s.round);
        }
    }

    @Override
    public void onData(Connection c, MemorySegment buffer, int offset, int length) {
        State s = (State) c.attachment();
        byte[] expected = messages[s.round];
        for (int i = 0; i < length; i++) {
            int at = s.received + i;
            if (at >= expected.length || buffer.get(ValueLayout.JAVA_BYTE, offset + i) != expected[at]) {
                failures.add(c + ": round " + s.round + " byte " + at + " differs");
                c.abort();
                return;
            }
        }
        s.received += length;
        if (s.received == expected.length) {
            s.received = 0;
            if (++s.round == messages.length) {
                completed.incrementAndGet();
                c.close();
            } else {
                send(c, s.round);
            }
        }
    }

    @Override
    public void onError(Connection c, Throwable cause) {
        failures.add(c + ": " + cause);
    }

    @Override
    public void onClose(Connection c) {
        done.countDown();
    }
}
