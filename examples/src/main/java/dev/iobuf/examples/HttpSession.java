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
 * queue.
 */
final class HttpSession implements HttpRequestParser.Sink {
    private static final int NONE = -1;

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
    private long requests;

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
        int to = offset + length;
        long before = parsed;
        int stopped = parser.parse(buffer, offset, to, this);
        if (owed != NONE) {
            connection.pauseReading();
            if (stopped < to) {
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
        if (HttpReply.closes(reply)) {
            connection.close();             // after what is queued has been sent
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
        if (retained != NONE) {
            MemorySegment buffer = connection.loop().retainedBuffer(retained);
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
    }

    private void releaseRetained() {
        if (retained != NONE) {
            long handle = retained;
            retained = NONE;
            connection.loop().release(handle);
        }
    }
}
