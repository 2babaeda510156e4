package dev.iobuf.examples;

import dev.iobuf.uring.net.Connection;
import dev.iobuf.uring.net.ConnectionHandler;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client side of {@link EchoClient}: each connection sends a message, waits until all of it came
 * back, checks it byte for byte, and sends the next, for a number of rounds or until {@link #stop()}.
 * Messages differ per connection and per round (a seeded pseudo-random stream), so bytes delivered to
 * the wrong connection, lost, duplicated or reordered are caught. Messages longer than the write queue are
 * sent piecewise ({@code writeSome}, continued on {@code onWritable}). Failures are collected, not thrown.
 */
final class EchoLoad implements ConnectionHandler {
    private final int size;
    private final boolean varySize;
    private final int rounds;
    private final long seed;
    private final AtomicInteger ids = new AtomicInteger();
    private volatile boolean stopping;

    /** Counts down once per connection: when it closed, or when its connect failed ({@link #connectFailed}). */
    final CountDownLatch done;
    final AtomicInteger completed = new AtomicInteger();
    final AtomicInteger endedEarly = new AtomicInteger();
    final AtomicLong roundTrips = new AtomicLong();
    final AtomicLong bytesEchoed = new AtomicLong();
    /** Echoes that differed from what was sent (a wrong byte, or more bytes than sent). */
    final AtomicInteger corrupt = new AtomicInteger();
    final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

    /** One connection's progress through its current message. */
    private static final class State {
        final int id;
        final byte[] message;
        final MemorySegment segment;
        int round;
        int length;
        int sent;
        int received;
        boolean finished;

        State(int id, int size) {
            this.id = id;
            this.message = new byte[size];
            this.segment = MemorySegment.ofArray(message);
        }
    }

    /**
     * @param size message size in bytes (with {@code varySize}: the largest; each message 1 .. size)
     * @param rounds messages per connection; 0: until {@link #stop()}
     */
    EchoLoad(int connections, int size, boolean varySize, int rounds, long seed) {
        this.size = size;
        this.varySize = varySize;
        this.rounds = rounds;
        this.seed = seed;
        this.done = new CountDownLatch(connections);
    }

    /** Connections finish the message in flight, then close. */
    void stop() {
        stopping = true;
    }

    void connectFailed(Throwable t) {
        failures.add("connect: " + t);
        done.countDown();
    }

    @Override
    public void onOpen(Connection c) {
        State s = new State(ids.getAndIncrement(), size);
        c.attach(s);
        startRound(c, s);
    }

    private void startRound(Connection c, State s) {
        long x = mix(seed ^ mix(s.id * 0x9E3779B97F4A7C15L + s.round));
        s.length = varySize ? 1 + (int) Long.remainderUnsigned(x, size) : size;
        for (int i = 0; i < s.length; i++) {
            if ((i & 7) == 0) {
                x = mix(x + i);
            }
            s.message[i] = (byte) (x >>> ((i & 7) << 3));
        }
        s.sent = 0;
        s.received = 0;
        send(c, s);
    }

    private void send(Connection c, State s) {
        s.sent += c.writeSome(s.segment, s.sent, s.length - s.sent);
    }

    @Override
    public void onWritable(Connection c) {
        State s = (State) c.attachment();
        if (s.sent < s.length) {
            send(c, s);
        }
    }

    @Override
    public void onData(Connection c, MemorySegment buffer, int offset, int length) {
        State s = (State) c.attachment();
        if (s.finished) {
            return;
        }
        if (s.received + length > s.sent) {
            fail(c, s, "received " + (s.received + length) + " bytes of round " + s.round + " but sent only " + s.sent);
            return;
        }
        long at = MemorySegment.mismatch(buffer, offset, offset + length, s.segment, s.received, s.received + length);
        if (at >= 0) {
            fail(c, s, "byte " + (s.received + at) + " of round " + s.round + " (" + s.length + " bytes) differs");
            return;
        }
        s.received += length;
        if (s.received < s.length) {
            return;
        }
        roundTrips.incrementAndGet();
        bytesEchoed.addAndGet(s.length);
        s.round++;
        if (stopping || (rounds > 0 && s.round == rounds)) {
            s.finished = true;
            completed.incrementAndGet();
            c.close();
        } else {
            startRound(c, s);
        }
    }

    private void fail(Connection c, State s, String what) {
        s.finished = true;
        corrupt.incrementAndGet();
        failures.add("connection " + s.id + ": " + what);
        c.abort();
    }

    @Override
    public void onError(Connection c, Throwable cause) {
        if (!stopping) {
            failures.add("connection " + ((State) c.attachment()).id + ": " + cause);
        }
    }

    @Override
    public void onClose(Connection c) {
        if (c.attachment() instanceof State s && !s.finished) {
            endedEarly.incrementAndGet();
            if (!stopping) {
                failures.add("connection " + s.id + " closed by the server in round " + s.round + " after " + s.received
                        + " of " + s.length + " bytes");
            }
        }
        done.countDown();
    }

    /** SplitMix64's finaliser: a well-mixed 64-bit value from any input. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
