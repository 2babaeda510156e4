package dev.iobuf.bench.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * {@link #COPIES} copies of the complete plaintext response back to back in one direct buffer, so
 * that N pipelined requests are answered with one {@code write} of N x {@link #length()} bytes and
 * no copy. The Date header of every copy is patched in place when the second changes
 * ({@link #refresh(long)}). One per event loop thread.
 */
final class PlaintextResponses {
    /** Responses one buffer holds; more pending ones are written in several turns. */
    static final int COPIES = 64;

    private final ByteBuffer batch;
    private final int length;
    private final int dateOffset;
    private final HttpDate date = new HttpDate();

    PlaintextResponses(String server) {
        date.refresh(System.currentTimeMillis());
        String head = "HTTP/1.1 200 OK\r\n"
                + "Content-Length: 13\r\n"
                + "Content-Type: text/plain\r\n"
                + "Server: " + server + "\r\n"
                + "Date: ";
        String response = head + date.text() + "\r\n\r\nHello, World!";
        byte[] one = response.getBytes(StandardCharsets.US_ASCII);
        length = one.length;
        dateOffset = head.length();
        batch = ByteBuffer.allocateDirect(COPIES * length);
        for (int i = 0; i < COPIES; i++) {
            batch.put(one);
        }
        batch.clear();
    }

    /** Bytes of one response. */
    int length() {
        return length;
    }

    /** Patches the Date of every copy if the second of {@code epochMillis} is a new one. */
    void refresh(long epochMillis) {
        if (date.refresh(epochMillis)) {
            byte[] d = date.bytes();
            batch.clear();   // absolute puts are bounded by the limit the last slice left
            for (int i = 0; i < COPIES; i++) {
                batch.put(i * length + dateOffset, d);
            }
        }
    }

    /**
     * The shared buffer set to bytes {@code [skip, responses x length)}: {@code responses} complete
     * responses (at most {@link #COPIES}) less the first {@code skip} bytes already sent. Valid until
     * the next call.
     */
    ByteBuffer slice(int responses, int skip) {
        return batch.limit(responses * length).position(skip);
    }
}
