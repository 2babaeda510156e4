package dev.iobuf.uring.net;

import dev.iobuf.BufferPool;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A connection's outgoing data: a bounded ring of entries, each a buffer index with the range still
 * to send. No object per write: appending copies into the tail buffer while it has room, else into a
 * fresh buffer of the loop's {@link WriteBuffers}; a zero-copy write is an entry for the caller's pool
 * buffer (its pool recorded in the entry; {@code null} means the loop's write buffers).
 *
 * <p>Three positions, each only moving forward (ints, compared by difference):
 * <pre>
 *   release &lt;= send &lt;= tail
 *   [release, send)  sent, buffer still held: awaiting zero-copy notifications (released in order)
 *   [send, tail)     bytes to send; the first {@code inflight} of them are in the send in flight
 * </pre>
 * One send is in flight at a time (two sends on one stream socket could complete out of order). Its
 * entries are frozen: appending goes to a new entry once the tail entry is in flight. Notifications are
 * counted per entry ({@code notifs}); a zero-copy batch records its length at its first position, which
 * the send's user_data carries ({@code aux}), so the notification finds its entries.
 *
 * <p>Loop thread only.
 */
final class WriteQueue {
    static final byte COPY = 0;
    static final byte ZERO_COPY = 1;

    private final WriteBuffers buffers;
    private final int capacity;
    private final int mask;
    private final BufferPool[] pools;
    private final int[] index;
    private final int[] start;
    private final int[] end;
    private final byte[] kind;
    private final int[] notifs;
    private final int[] zcBatch;
    private int release;
    private int send;
    private int tail;
    private int inflight;
    /** Bytes of the send in flight: a completion can report no more. */
    private long inflightBytes;
    private long unsentBytes;

    WriteQueue(WriteBuffers buffers, int capacity) {
        if (Integer.bitCount(capacity) != 1 || capacity > 256) {
            throw new IllegalArgumentException("write queue capacity must be a power of two <= 256, got " + capacity);
        }
        this.buffers = buffers;
        this.capacity = capacity;
        this.mask = capacity - 1;
        this.pools = new BufferPool[capacity];
        this.index = new int[capacity];
        this.start = new int[capacity];
        this.end = new int[capacity];
        this.kind = new byte[capacity];
        this.notifs = new int[capacity];
        this.zcBatch = new int[capacity];
    }

    /** Entries holding a buffer (queued, in flight, or awaiting notification). */
    int held() {
        return tail - release;
    }

    int freeEntries() {
        return capacity - (tail - release);
    }

    /** Bytes written and not yet acknowledged by a send completion (in flight included). */
    long unsentBytes() {
        return unsentBytes;
    }

    /** Whether bytes wait to be sent and no send is in flight: a send can start. */
    boolean canSend() {
        return inflight == 0 && send != tail;
    }

    /** Whether every written byte was sent (notifications may still be outstanding). */
    boolean allSent() {
        return send == tail;
    }

    boolean sendInFlight() {
        return inflight != 0;
    }

    /** Bytes the tail entry can still take (0 if there is none, it is in flight, zero-copy, or full). */
    int tailRoom(int bufferSize) {
        if (tail == send + inflight || tail == release) {
            return 0;
        }
        int e = (tail - 1) & mask;
        if (tail - 1 - send < inflight || kind[e] != COPY) {
            return 0;
        }
        return bufferSize - end[e];
    }

    /** Copies {@code length} bytes (at most {@link #tailRoom}) from {@code src} into the tail entry's buffer. */
    void appendToTail(MemorySegment src, long offset, int length) {
        int e = (tail - 1) & mask;
        MemorySegment.copy(src, offset, buffers.segment(index[e]), end[e], length);
        end[e] += length;
        unsentBytes += length;
    }

    /** As {@link #appendToTail(MemorySegment, long, int)} from a byte array. */
    void appendToTail(byte[] src, int offset, int length) {
        int e = (tail - 1) & mask;
        MemorySegment.copy(src, offset, buffers.segment(index[e]), ValueLayout.JAVA_BYTE, end[e], length);
        end[e] += length;
        unsentBytes += length;
    }

    /** Copies {@code length} bytes (at most a buffer) into write buffer {@code idx} as a new entry. */
    void appendCopy(int idx, MemorySegment src, long offset, int length) {
        MemorySegment.copy(src, offset, buffers.segment(idx), 0, length);
        push(null, idx, 0, length, COPY);
    }

    /** As {@link #appendCopy(int, MemorySegment, long, int)} from a byte array. */
    void appendCopy(int idx, byte[] src, int offset, int length) {
        MemorySegment.copy(src, offset, buffers.segment(idx), ValueLayout.JAVA_BYTE, 0, length);
        push(null, idx, 0, length, COPY);
    }

    /** Adds the caller's buffer range as a zero-copy entry; the queue releases it to {@code pool} when done. */
    void appendZeroCopy(BufferPool pool, int idx, int offset, int length) {
        push(pool, idx, offset, offset + length, ZERO_COPY);
    }

    private void push(BufferPool pool, int idx, int from, int to, byte k) {
        int e = tail & mask;
        pools[e] = pool;
        index[e] = idx;
        start[e] = from;
        end[e] = to;
        kind[e] = k;
        notifs[e] = 0;
        zcBatch[e] = 0;
        tail++;
        unsentBytes += to - from;
    }

    // ---------------------------------------------------------------- sending

    /** Position of the first entry to send. */
    int sendPosition() {
        return send;
    }

    /**
     * Entries the next send takes, from {@link #sendPosition()}: a zero-copy entry alone, else up to
     * {@code max} consecutive copied entries.
     */
    int batch(int max) {
        int e = send & mask;
        if (kind[e] == ZERO_COPY) {
            return 1;
        }
        int n = 1;
        while (n < max && send + n != tail && kind[(send + n) & mask] == COPY) {
            n++;
        }
        return n;
    }

    boolean isZeroCopy(int position) {
        return kind[position & mask] == ZERO_COPY;
    }

    long address(int position) {
        int e = position & mask;
        BufferPool pool = pools[e];
        return (pool == null ? buffers.address(index[e]) : pool.address(index[e])) + start[e];
    }

    /** The write buffer of the copied entry at {@code position}. */
    int bufferIndex(int position) {
        return index[position & mask];
    }

    /** Where the entry at {@code position} starts in its buffer. */
    int offset(int position) {
        return start[position & mask];
    }

    int length(int position) {
        int e = position & mask;
        return end[e] - start[e];
    }

    /** Marks the batch of {@code n} entries from {@link #sendPosition()} as the send in flight. */
    void startSend(int n) {
        inflight = n;
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            bytes += length(send + i);
        }
        inflightBytes = bytes;
    }

    /** Whether the send in flight could have sent {@code bytes} (0 .. its length). */
    boolean canHaveSent(int bytes) {
        return inflight != 0 && bytes >= 0 && bytes <= inflightBytes;
    }

    /** Whether the zero-copy batch at {@code position} awaits its notification. */
    boolean awaitsNotification(int position) {
        return zcBatch[position & mask] > 0;
    }

    /** The batch at {@code position} of {@code n} entries went out as zero-copy: one notification each. */
    void expectNotification(int position, int n) {
        zcBatch[position & mask] = n;
        for (int i = 0; i < n; i++) {
            notifs[(position + i) & mask]++;
        }
    }

    /** The zero-copy batch at {@code position} got its notification (or will get none). */
    void notified(int position) {
        int e = position & mask;
        int n = zcBatch[e];
        zcBatch[e] = 0;
        for (int i = 0; i < n; i++) {
            notifs[(position + i) & mask]--;
        }
    }

    /**
     * The send in flight completed having sent {@code bytes}: advances past what went out.
     *
     * @throws IllegalStateException if no send is in flight or it was shorter than {@code bytes} (nothing
     *         changes; {@link #canHaveSent} tells beforehand)
     */
    void sent(int bytes) {
        if (!canHaveSent(bytes)) {
            throw new IllegalStateException("a send of " + inflightBytes + " bytes (" + inflight + " entries in flight) "
                    + "cannot have sent " + bytes);
        }
        int left = bytes;
        unsentBytes -= bytes;
        while (left > 0) {
            int e = send & mask;
            int n = Math.min(left, end[e] - start[e]);
            start[e] += n;
            left -= n;
            if (start[e] == end[e]) {
                send++;
            }
        }
        inflight = 0;
        inflightBytes = 0;
    }

    /** The send in flight failed or was cancelled: nothing was sent. */
    void sendFailed() {
        inflight = 0;
        inflightBytes = 0;
    }

    /**
     * Gives back, oldest first, the buffers of entries fully sent whose notifications all arrived.
     *
     * @return write buffers released (zero-copy buffers go back to their own pool and are not counted)
     */
    int releaseSent() {
        int released = 0;
        while (release != send && notifs[release & mask] == 0) {
            released += releaseEntry(release & mask);
            release++;
        }
        return released;
    }

    /**
     * Gives back every buffer, sent or not (the connection closed: no operation of it is in flight).
     *
     * @return write buffers released
     */
    int releaseAll() {
        int released = 0;
        while (release != tail) {
            released += releaseEntry(release & mask);
            release++;
        }
        send = tail;
        inflight = 0;
        inflightBytes = 0;
        unsentBytes = 0;
        return released;
    }

    private int releaseEntry(int e) {
        BufferPool pool = pools[e];
        notifs[e] = 0;
        if (pool == null) {
            buffers.give(index[e]);
            return 1;
        }
        pools[e] = null;
        if (!pool.isClosed()) {     // else the caller closed its zero-copy pool early: nothing to give back to
            pool.release(index[e]);
        }
        return 0;
    }
}
