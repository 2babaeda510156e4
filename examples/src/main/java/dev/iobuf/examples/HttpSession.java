package dev.iobuf.examples;

import dev.iobuf.uring.net.Connection;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP connection of the plaintext server: its parser, and what to do when the write queue is full.
 *
 * <p>Each request is answered with one {@code write} of a precomputed response. Writes are
 * all-or-nothing and bounded per connection, so a client that pipelines faster than it reads (a few
 * hundred tiny requests in one receive buffer are enough) eventually gets a refusal. Then the answer is
 * owed, the rest of the receive buffer is kept with {@link Connection#retain()}, reading is paused, and
 * {@link #writable} sends the owed answer and parses on from where it stopped. So every request gets its
 * answer, in order, and memory stays bounded: one retained receive buffer and the connection's write
 * queue. Over TLS {@code onData} gets the loop's plaintext buffer, which cannot be retained: the rest is
 * copied instead (an allocation only when a write was refused).
 */
final class HttpSession implements HttpRequestParser.Sink {
    private static final int NONE = -1;
    /** How long a closing answer waits for the client to stop sending before the connection closes anyway. */
    static final java.time.Duration DRAIN_LIMIT = java.time.Duration.ofSeconds(2);

    private final Connection connection;
    private final PlaintextResponses responses;
    private final HttpRequestParser parser = new HttpRequestParser();
    private final long headTimeoutNanos;
    /** Requests parsed (answered or owed): tells whether a head completed during a parse. */
    private long parsed;
    /** Whether the connection's deadline is set (for the head in progress). */
    private boolean deadlineSet;
    /** An answer the write queue refused, or NONE. */
    private int owed = NONE;
    /** The retained receive buffer still to parse (its handle), or NONE. */
    private long retained = NONE;
    private int retainedFrom;
    private int retainedTo;
    /** Over TLS: a copy of the rest of the plaintext still to parse, or null. */
    private MemorySegment held;
    private long requests;
    /** A closing answer went out: what the client still sends is read and dropped; the drain timer, or NONE. */
    private boolean draining;
    private long drainTimer = NONE;

    HttpSession(Connection connection, PlaintextResponses responses, long headTimeoutNanos) {
        this.connection = connection;
        this.responses = responses;
        this.headTimeoutNanos = headTimeoutNanos;
    }

    /** Requests answered so far (for tests). */
    long requests() {
        return requests;
    }

    void data(MemorySegment buffer, int offset, int length) {
        if (draining) {
            return;
        }
        int to = offset + length;
        long before = parsed;
        int stopped = parser.parse(buffer, offset, to, this);
        if (owed != NONE) {
            connection.pauseReading();
            if (stopped < to && connection.tls() != null) {
                held = MemorySegment.ofArray(buffer.asSlice(stopped, to - stopped).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE));
                retainedFrom = 0;
                retainedTo = to - stopped;
            } else if (stopped < to) {
                retained = connection.retain();
                retainedFrom = stopped;
                retainedTo = to;
            }
        }
        headDeadline(parsed != before);
    }

    /**
     * Keeps the request-head deadline: set at the first byte of a head, cleared when it is complete, moved
     * when a head completed and the next one began in the same receive. Not while an answer is owed: then
     * reading is paused because the client does not read, which the idle timeout bounds.
     */
    private void headDeadline(boolean headCompleted) {
        if (headTimeoutNanos <= 0 || connection.isClosed()) {
            return;
        }
        if (owed == NONE && parser.inHead()) {
            if (headCompleted || !deadlineSet) {
                connection.deadline(headTimeoutNanos, TimeUnit.NANOSECONDS);
                deadlineSet = true;
            }
        } else if (deadlineSet) {
            connection.clearDeadline();
            deadlineSet = false;
        }
    }

    @Override
    public boolean reply(int reply) {
        if (draining) {
            return false;                   // requests after a closing answer are dropped
        }
        parsed++;
        if (!connection.write(responses.bytes(reply))) {
            owed = reply;
            responses.refusedWrites++;
            return false;
        }
        answered(reply);
        return true;
    }

    private void answered(int reply) {
        requests++;
        if (HttpReply.closes(reply) && !draining) {
            // Half-close instead of close: the answer, then a FIN; what the client still sends is read and
            // dropped until its FIN (the connection then closes) or DRAIN_LIMIT. Closing with unread data would
            // make the kernel send a reset, which can destroy the answer before the client read it.
            draining = true;
            connection.shutdownOutput();
            if (!connection.isClosed()) {
                Connection c = connection;
                drainTimer = c.loop().schedule(DRAIN_LIMIT, c::close);
            }
        }
    }

    /** The write queue drained: send the owed answer, then parse what was held back. */
    void writable() {
        if (owed == NONE) {
            return;
        }
        if (!connection.write(responses.bytes(owed))) {
            return;                         // onWritable comes again
        }
        int reply = owed;
        owed = NONE;
        answered(reply);
        if (retained != NONE || held != null) {
            MemorySegment buffer = held != null ? held : connection.loop().retainedBuffer(retained);
            long before = parsed;
            retainedFrom = parser.parse(buffer, retainedFrom, retainedTo, this);
            headDeadline(parsed != before);
            if (owed != NONE && retainedFrom < retainedTo) {
                return;                     // refused again: keep the buffer, wait for the next onWritable
            }
            releaseRetained();
        }
        if (owed == NONE && !connection.isClosed()) {
            connection.resumeReading();
        }
    }

    /** The connection closed: give back a receive buffer still held. */
    void closed() {
        releaseRetained();
        if (drainTimer != NONE) {
            connection.loop().cancelTimer(drainTimer);
            drainTimer = NONE;
        }
    }

    private void releaseRetained() {
        held = null;
        if (retained != NONE) {
            long handle = retained;
            retained = NONE;
            connection.loop().release(handle);
        }
    }
}
