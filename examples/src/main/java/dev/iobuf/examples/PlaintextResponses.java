package dev.iobuf.examples;

import dev.iobuf.uring.net.EventLoop;
import java.util.concurrent.TimeUnit;

/**
 * Every response the plaintext server sends, precomputed as complete byte arrays, one set per event
 * loop. The 200 answer is the TechEmpower plaintext shape:
 *
 * <pre>
 * HTTP/1.1 200 OK
 * Server: iobuf
 * Date: Sun, 06 Nov 1994 08:49:37 GMT
 * Content-Type: text/plain
 * Content-Length: 13
 *
 * Hello, World!</pre>
 *
 * <p>A request costs one {@code Connection.write} of one of these arrays: nothing is formatted or
 * allocated per request. The Date header is rewritten in place by {@link #startClock}'s timer once a
 * second, on the loop's own thread (the only thread that reads these arrays, so no synchronisation is
 * needed and a response never carries a half-written date).
 */
final class PlaintextResponses {
    static final String SERVER = "iobuf";
    static final String BODY = "Hello, World!";

    private final byte[][] responses = new byte[HttpReply.CODES][];
    private final int[] dateAt = new int[HttpReply.CODES];
    private final byte[] date = new byte[HttpDate.LENGTH];
    private long second = Long.MIN_VALUE;
    private Runnable tick;
    /** Answers a full write queue refused (owed until it drained); loop thread only. */
    long refusedWrites;

    PlaintextResponses(long epochMillis) {
        for (int status = 0; status < HttpReply.STATUSES; status++) {
            for (int flags : new int[] {0, HttpReply.HEAD}) {
                for (int connection : new int[] {0, HttpReply.CLOSE, HttpReply.KEEP_ALIVE}) {
                    build(status | flags | connection);
                }
            }
        }
        refresh(epochMillis);
    }

    private void build(int reply) {
        int status = HttpReply.status(reply);
        String body = status == HttpReply.OK ? BODY : HttpReply.reason(status) + "\n";
        StringBuilder head = new StringBuilder(200)
                .append("HTTP/1.1 ").append(HttpReply.code(status)).append(' ').append(HttpReply.reason(status)).append("\r\n")
                .append("Server: ").append(SERVER).append("\r\n")
                .append("Date: ");
        int at = head.length();
        head.append("x".repeat(HttpDate.LENGTH)).append("\r\n")
                .append("Content-Type: text/plain\r\n")
                .append("Content-Length: ").append(body.length()).append("\r\n");
        if (HttpReply.closes(reply)) {
            head.append("Connection: close\r\n");
        } else if (HttpReply.keepAliveHeader(reply)) {
            head.append("Connection: keep-alive\r\n");
        }
        if (status == HttpReply.METHOD_NOT_ALLOWED) {
            head.append("Allow: GET, HEAD\r\n");
        }
        head.append("\r\n");
        if (!HttpReply.headOnly(reply)) {
            head.append(body);
        }
        responses[reply] = HttpDate.ascii(head.toString());
        dateAt[reply] = at;
    }

    /** The complete response for {@code reply} (an {@link HttpReply} code). Loop thread. */
    byte[] bytes(int reply) {
        return responses[reply];
    }

    /** The current Date header value (a copy, for tests and logs). */
    String date() {
        return new String(date, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /**
     * Rewrites the Date header of every response if {@code epochMillis} is in another second than the
     * last call. Allocates nothing. Loop thread (or before the responses are used).
     *
     * @return whether the date changed
     */
    boolean refresh(long epochMillis) {
        long s = Math.floorDiv(epochMillis, 1000);
        if (s == second) {
            return false;
        }
        second = s;
        HttpDate.format(s, date, 0);
        for (int reply = 0; reply < responses.length; reply++) {
            if (responses[reply] != null) {
                System.arraycopy(date, 0, responses[reply], dateAt[reply], HttpDate.LENGTH);
            }
        }
        return true;
    }

    /**
     * Keeps the date current on {@code loop}: refreshes now, then once a second, just after each second
     * starts (one IORING_OP_TIMEOUT per second; the Runnable is made once). Stops when the loop shuts
     * down. Call on the loop's thread.
     */
    void startClock(EventLoop loop) {
        tick = () -> {
            long now = System.currentTimeMillis();
            refresh(now);
            if (!loop.isShuttingDown()) {
                loop.schedule(1000 - Math.floorMod(now, 1000L) + 1, TimeUnit.MILLISECONDS, tick);
            }
        };
        tick.run();
    }
}
