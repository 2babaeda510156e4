package dev.iobuf.bench.http;

import java.nio.ByteBuffer;

/**
 * Counts complete HTTP/1.1 requests in a byte stream by finding the blank line ({@code \r\n\r\n})
 * that ends each request head. The match state carries over between reads, so a head split across
 * reads is counted once, when its last byte arrives, and nothing needs to be kept or compacted.
 *
 * <p>Enough for the plaintext shape (GET, no body); a request with a body would have its body
 * scanned as if it were more heads. One per connection; not thread-safe.
 */
final class RequestCounter {
    /** How many bytes of {@code \r\n\r\n} the stream currently ends with (0..3). */
    private int matched;

    /** Scans {@code buf[from, to)} (absolute indices, position untouched); returns the heads it completed. */
    int count(ByteBuffer buf, int from, int to) {
        int m = matched;
        int heads = 0;
        for (int i = from; i < to; i++) {
            byte b = buf.get(i);
            if (b == '\r') {
                m = m == 2 ? 3 : 1;
            } else if (b == '\n' && (m & 1) == 1) {   // after "\r" (m=1) or "\r\n\r" (m=3)
                if (m == 3) {
                    heads++;
                    m = 0;
                } else {
                    m = 2;
                }
            } else {
                m = 0;
            }
        }
        matched = m;
        return heads;
    }
}
