package dev.iobuf.uring.net;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * A loop's TLS scratch, made on its first TLS connection and shared by all of them (one runs at a time on
 * the loop's thread): the plaintext buffer {@code onData} gets, the staging buffers a write is encrypted
 * through, {@link ByteBuffer} views of the receive buffers (made once per buffer, so unwrapping straight
 * from a receive buffer allocates nothing), and the carry buffers that hold a record split across receives.
 * Direct buffers, freed by the garbage collector with the loop. Loop thread only.
 */
final class TlsBuffers {
    /**
     * The largest TLS record an engine may take or make, with the slack JSSE allows for peers that send
     * large fragments: {@code SSLRecord.maxLargeRecordSize} is 16709 + 16384 bytes.
     */
    static final int MAX_RECORD = 33_093;
    /** Plaintext bytes put into one record (the TLS maximum fragment). */
    static final int FRAGMENT = 16_384;

    private final int recvBufferSize;
    private ByteBuffer plain;
    private MemorySegment plainSegment;
    private ByteBuffer stage;
    private MemorySegment stageSegment;
    private ByteBuffer out;
    private MemorySegment outSegment;
    private ByteBuffer[] recvViews = new ByteBuffer[0];
    private final ArrayDeque<ByteBuffer> carries = new ArrayDeque<>();
    private int carriesOut;

    TlsBuffers(int recvBufferSize) {
        this.recvBufferSize = recvBufferSize;
    }

    private void ensure() {
        if (plain == null) {
            plain = ByteBuffer.allocateDirect(MAX_RECORD);
            plainSegment = MemorySegment.ofBuffer(plain);
            stage = ByteBuffer.allocateDirect(FRAGMENT);
            stageSegment = MemorySegment.ofBuffer(stage);
            out = ByteBuffer.allocateDirect(MAX_RECORD);
            outSegment = MemorySegment.ofBuffer(out);
        }
    }

    /** Where unwrap puts plaintext (cleared). */
    ByteBuffer plain() {
        ensure();
        return plain.clear();
    }

    /** {@link #plain()} as the segment {@code onData} gets. */
    MemorySegment plainSegment() {
        return plainSegment;
    }

    /** Where a write's plaintext is gathered before wrapping ({@link #FRAGMENT} bytes). */
    ByteBuffer stage() {
        ensure();
        return stage;
    }

    MemorySegment stageSegment() {
        ensure();
        return stageSegment;
    }

    /** Where wrap puts a record (cleared). */
    ByteBuffer out() {
        ensure();
        return out.clear();
    }

    MemorySegment outSegment() {
        return outSegment;
    }

    /** A view of receive buffer {@code bid} ({@code buffer}: its segment) over {@code [offset, offset + length)}. */
    ByteBuffer recvView(int bid, MemorySegment buffer, int offset, int length) {
        if (bid >= recvViews.length) {
            recvViews = java.util.Arrays.copyOf(recvViews, Math.max(bid + 1, recvViews.length * 2));
        }
        ByteBuffer v = recvViews[bid];
        if (v == null) {
            v = buffer.asByteBuffer();
            recvViews[bid] = v;
        }
        return v.limit(offset + length).position(offset);
    }

    /**
     * A buffer for the bytes a connection could not unwrap yet: part of a record, or (when reading paused in
     * the middle of a receive) the rest of that receive; so it holds a receive buffer and a record.
     */
    ByteBuffer takeCarry() {
        ByteBuffer b = carries.pollFirst();
        if (b == null) {
            b = ByteBuffer.allocateDirect(recvBufferSize + MAX_RECORD);
        }
        carriesOut++;
        return b.clear();
    }

    void giveCarry(ByteBuffer b) {
        carriesOut--;
        carries.addFirst(b);
    }

    /** Carry buffers held by connections (0 when none is mid-record). */
    int carriesOut() {
        return carriesOut;
    }
}
