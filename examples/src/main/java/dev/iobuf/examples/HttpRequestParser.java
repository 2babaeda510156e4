package dev.iobuf.examples;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The HTTP/1.1 request parser of the plaintext server, one per connection: finds each request head
 * ({@code CRLF CRLF}) in the receive buffer and reads it <em>in place</em>, classifies it as an
 * {@link HttpReply} and hands that to a {@link Sink}. Requests pipelined in one buffer are answered in
 * order; a request split across receives is carried over in a per-connection array (made the first time
 * a head is split, grown by doubling up to the head limit, then reused: nothing is allocated per
 * request). A request body announced with Content-Length is skipped.
 *
 * <p>What it checks (RFC 9112): the request line {@code METHOD SP target SP HTTP/1.x}, headers as
 * {@code name: value} lines ending in CRLF (no obsolete line folding, no space before the colon), exactly
 * one Host in HTTP/1.1, a Content-Length of digits (repeated only with the same value). The answer:
 * GET or HEAD of {@code /plaintext} or {@code /} (a query string is ignored; absolute-form targets too) is
 * 200; another path 404; another method 405; a Transfer-Encoding 501 (the body cannot be framed);
 * HTTP/2+ in an HTTP/1 line 505; a head over the limit 431; anything malformed 400. Every error answer
 * closes the connection; so do {@code Connection: close}, and HTTP/1.0 without
 * {@code Connection: keep-alive}. After a closing answer the rest of the input is ignored. Empty lines
 * before a request line are skipped. A bare LF (an LF without a CR before it) or a bare CR (a CR without
 * an LF after it) is answered 400 and closes the moment it arrives: RFC 9112 section 2.2 lets a recipient
 * take a bare LF as a line end, but a server that did so while a proxy in front of it did not could be
 * fed a smuggled request, and waiting for a CR LF CR LF that such a client never sends would keep its
 * connection forever.
 *
 * <p>Not thread-safe (the connection's loop thread only).
 */
final class HttpRequestParser {
    /** Receives the answers, in request order. */
    interface Sink {
        /**
         * Answer a request with {@code reply} ({@link HttpReply}).
         *
         * @return false if it cannot be sent now (the write queue is full): the parser stops after this
         *         request, and the sink owes the answer
         */
        boolean reply(int reply);
    }

    /** Longest request head accepted by default (request line and headers, CRLF CRLF included). */
    static final int DEFAULT_MAX_HEAD = 8192;
    /** A head of empty lines only: no answer. */
    private static final int IGNORE = -1;
    /** {@link #scanForEnd}: no end of head yet. */
    private static final int NO_END = -1;
    /** {@link #scanForEnd}: a bare LF or bare CR. */
    private static final int BARE_LINE_END = -2;
    private static final int FIRST_CARRY = 512;

    /** 8 bytes at a time, byte 0 in the low bits (the first match of a word is its lowest flagged byte). */
    private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long CRS = '\r' * ONES;
    private static final long LFS = '\n' * ONES;
    /** The commonest words of a head, as {@link #WORD} reads them: one comparison instead of a byte loop. */
    private static final long HTTP_1_1 = word("HTTP/1.1");
    private static final long PLAINTEXT_0 = word("/plainte");
    private static final long PLAINTEXT_2 = word("laintext");
    /** {@code host} as {@link #INT} reads it; OR 0x20 turns exactly the bytes H, O, S, T into h, o, s, t. */
    private static final int HOST_LOWER = (int) word("host\0\0\0\0");
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final int GET_INT = (int) word("GET\0\0\0\0\0");
    private static final int HEAD_INT = (int) word("HEAD\0\0\0\0");

    private static final int GET = 0;
    private static final int HEAD = 1;
    private static final int OTHER_METHOD = 2;
    private static final int INVALID_METHOD = 3;

    private static final byte[] PLAINTEXT = HttpDate.ascii("/plaintext");
    private static final byte[] HTTP_SLASH = HttpDate.ascii("HTTP/");
    private static final byte[] CONNECTION = HttpDate.ascii("connection");
    private static final byte[] CONTENT_LENGTH = HttpDate.ascii("content-length");
    private static final byte[] TRANSFER_ENCODING = HttpDate.ascii("transfer-encoding");
    private static final byte[] HOST = HttpDate.ascii("host");
    private static final byte[] CLOSE = HttpDate.ascii("close");
    private static final byte[] KEEP_ALIVE = HttpDate.ascii("keep-alive");
    private static final byte[] HTTP_SCHEME = HttpDate.ascii("http://");
    private static final byte[] HTTPS_SCHEME = HttpDate.ascii("https://");

    private final int maxHead;
    /** The start of a head split across receives, {@code carryLength} bytes of it. */
    private byte[] carry;
    /** {@code carry} as a segment, made when the array is (re)made: parsing a carried head allocates nothing. */
    private MemorySegment carrySegment;
    private int carryLength;
    /** Bytes of CR LF CR LF matched at the end of what has been scanned (0 .. 3). */
    private int scanState;
    /** Body bytes of the last request still to skip. */
    private long bodyLeft;
    /** A closing answer was given: the rest is ignored. */
    private boolean finished;
    /** Only empty lines arrived since the last request (a head has started: see {@link #inHead()}). */
    private boolean emptyLinesOnly;

    HttpRequestParser() {
        this(DEFAULT_MAX_HEAD);
    }

    HttpRequestParser(int maxHead) {
        if (maxHead < 16) {
            throw new IllegalArgumentException("maxHead must be at least 16 bytes, got " + maxHead);
        }
        this.maxHead = maxHead;
    }

    /**
     * Parses {@code [from, to)} of {@code buffer}, answering every complete request in order.
     *
     * @return {@code to} when everything was consumed (a partial head is carried over, a closing answer
     *         ends parsing); otherwise the position just after the request whose answer the sink refused:
     *         call again from there once the sink can write (that answer is not given again)
     */
    int parse(MemorySegment buffer, int from, int to, Sink sink) {
        int pos = from;
        while (pos < to && !finished) {
            if (bodyLeft > 0) {
                int n = (int) Math.min(bodyLeft, to - pos);
                bodyLeft -= n;
                pos += n;
                continue;
            }
            int reply;
            if (carryLength > 0) {
                int end = scanForEnd(buffer, pos, to, scanState);
                if (end == BARE_LINE_END) {
                    return malformed(sink, to);
                }
                int take = (end < 0 ? to : end) - pos;
                if (take > maxHead - carryLength) {
                    return tooLarge(sink, to);
                }
                appendToCarry(buffer, pos, take);
                pos += take;
                if (end < 0) {
                    return to;
                }
                reply = parseHead(carrySegment, 0, carryLength);
                carryLength = 0;
            } else {
                int end = scanForEnd(buffer, pos, to, 0);
                if (end == BARE_LINE_END) {
                    return malformed(sink, to);
                }
                if (end < 0) {
                    if (to - pos > maxHead) {
                        return tooLarge(sink, to);
                    }
                    appendToCarry(buffer, pos, to - pos);
                    return to;
                }
                if (end - pos > maxHead) {
                    return tooLarge(sink, to);
                }
                reply = parseHead(buffer, pos, end);
                pos = end;
            }
            emptyLinesOnly = reply == IGNORE;
            if (reply != IGNORE) {
                if (HttpReply.closes(reply)) {
                    finished = true;
                }
                if (!sink.reply(reply)) {
                    return finished ? to : pos;
                }
            }
        }
        return finished ? to : pos;
    }

    /**
     * Whether a request head has begun and is not complete: part of it is carried over, or only empty
     * lines came since the last request. The server's head deadline runs while this is true.
     */
    boolean inHead() {
        return !finished && (carryLength > 0 || emptyLinesOnly);
    }

    /** Bytes of a split head waiting for the rest (for tests). */
    int carried() {
        return carryLength;
    }

    /** The carry-over array's size: 0 until a head was split (for tests). */
    int carryCapacity() {
        return carry == null ? 0 : carry.length;
    }

    private int tooLarge(Sink sink, int to) {
        return refuse(sink, to, HttpReply.HEAD_TOO_LARGE | HttpReply.CLOSE);
    }

    private int malformed(Sink sink, int to) {
        return refuse(sink, to, bad());
    }

    /** Answers {@code reply} (a closing one) and ignores the rest. */
    private int refuse(Sink sink, int to, int reply) {
        carryLength = 0;
        scanState = 0;
        finished = true;
        sink.reply(reply);
        return to;
    }

    /**
     * Finds the end of a head: the index just past CR LF CR LF in {@code [from, to)}, starting with
     * {@code state} bytes of it already matched; {@link #NO_END} if absent (the matched count is left in
     * scanState); {@link #BARE_LINE_END} at an LF that does not follow a CR or a CR that an LF does not follow.
     */
    private int scanForEnd(MemorySegment s, int from, int to, int state) {
        int i = from;
        while (i < to) {
            if (state == 0 && to - i >= Long.BYTES) {
                // nothing matched: skip 8 bytes at a time to the next CR or LF
                long w = s.get(WORD, i);
                long crOrLf = zeroBytes(w ^ CRS) | zeroBytes(w ^ LFS);
                if (crOrLf == 0) {
                    i += Long.BYTES;
                    continue;
                }
                i += Long.numberOfTrailingZeros(crOrLf) >>> 3;
            }
            byte b = s.get(ValueLayout.JAVA_BYTE, i++);
            boolean afterCr = (state & 1) != 0;
            if (afterCr != (b == '\n')) {
                return BARE_LINE_END;         // LF without CR, or CR followed by something else
            }
            if (b == '\r' || b == '\n') {
                if (++state == 4) {
                    scanState = 0;
                    return i;
                }
            } else {
                state = 0;
            }
        }
        scanState = state;
        return NO_END;
    }

    /**
     * The bytes of {@code x} that are 0 flagged by their high bit: exact for the lowest such byte (a borrow can
     * flag a byte above it, which only matters to callers that look past the first).
     */
    private static long zeroBytes(long x) {
        return (x - ONES) & ~x & HIGHS;
    }

    private void appendToCarry(MemorySegment s, int from, int n) {
        int needed = carryLength + n;
        if (carry == null || carry.length < needed) {
            int size = Math.max(FIRST_CARRY, carry == null ? 0 : carry.length);
            while (size < needed) {
                size <<= 1;
            }
            byte[] grown = new byte[Math.min(size, maxHead)];
            if (carryLength > 0) {
                System.arraycopy(carry, 0, grown, 0, carryLength);
            }
            carry = grown;
            carrySegment = MemorySegment.ofArray(grown);
        }
        MemorySegment.copy(s, ValueLayout.JAVA_BYTE, from, carry, carryLength, n);
        carryLength = needed;
    }

    // ================================================================ one head

    /** Classifies the head {@code [start, end)} (ending with CR LF CR LF); sets {@link #bodyLeft}. */
    private int parseHead(MemorySegment s, long start, long end) {
        long p = start;
        while (p + 1 < end && at(s, p) == '\r' && at(s, p + 1) == '\n') {
            p += 2;
        }
        if (p >= end) {
            return IGNORE;
        }
        long lineEnd = lineEnd(s, p, end);
        if (lineEnd < 0) {
            return bad();
        }
        long sp1 = indexOf(s, (byte) ' ', p, lineEnd);
        if (sp1 <= p) {
            return bad();
        }
        int method = method(s, p, sp1);
        long sp2 = indexOf(s, (byte) ' ', sp1 + 1, lineEnd);
        if (sp2 <= sp1 + 1) {
            return bad();
        }
        long v = sp2 + 1;
        if (lineEnd - v != 8) {
            return bad();
        }
        boolean http11 = true;
        if (s.get(WORD, v) != HTTP_1_1) {
            if (!regionEquals(s, v, lineEnd, HTTP_SLASH, false) || at(s, v + 6) != '.'
                    || !isDigit(at(s, v + 5)) || !isDigit(at(s, v + 7))) {
                return bad();
            }
            if (at(s, v + 5) != '1') {
                return HttpReply.VERSION_NOT_SUPPORTED | HttpReply.CLOSE;
            }
            http11 = at(s, v + 7) != '0';
        }
        if (method == INVALID_METHOD) {
            return bad();
        }
        if (method == OTHER_METHOD) {
            return HttpReply.METHOD_NOT_ALLOWED | HttpReply.CLOSE;
        }
        int target = target(s, sp1 + 1, sp2);
        if (target < 0) {
            return bad();
        }

        long contentLength = -1;
        boolean closeToken = false;
        boolean keepAliveToken = false;
        boolean transferEncoding = false;
        int hosts = 0;
        for (p = lineEnd + 2; p < end - 2; ) {
            long le = lineEnd(s, p, end);
            byte first = at(s, p);
            if (le <= p || first == ' ' || first == '\t') {
                return bad();
            }
            long colon = indexOf(s, (byte) ':', p, le);
            if (colon <= p || isSpace(at(s, colon - 1))) {
                return bad();
            }
            // values are looked at only for the headers the answer depends on
            int nameLength = (int) (colon - p);
            if (nameLength == CONNECTION.length && regionEquals(s, p, colon, CONNECTION, true)) {
                int tokens = connectionTokens(s, colon + 1, le);      // trims each token
                closeToken |= (tokens & 1) != 0;
                keepAliveToken |= (tokens & 2) != 0;
            } else if (nameLength == CONTENT_LENGTH.length && regionEquals(s, p, colon, CONTENT_LENGTH, true)) {
                long vs = colon + 1;
                long ve = le;
                while (vs < ve && isSpace(at(s, vs))) {
                    vs++;
                }
                while (ve > vs && isSpace(at(s, ve - 1))) {
                    ve--;
                }
                long n = digits(s, vs, ve);
                if (n < 0 || (contentLength >= 0 && n != contentLength)) {
                    return bad();
                }
                contentLength = n;
            } else if (nameLength == TRANSFER_ENCODING.length && regionEquals(s, p, colon, TRANSFER_ENCODING, true)) {
                transferEncoding = true;
            } else if (nameLength == HOST.length && (s.get(INT, p) | 0x20202020) == HOST_LOWER) {
                hosts++;
            }
            p = le + 2;
        }
        if (transferEncoding) {
            return HttpReply.NOT_IMPLEMENTED | HttpReply.CLOSE;
        }
        if (hosts > 1 || (http11 && hosts == 0)) {
            return bad();
        }
        bodyLeft = Math.max(0, contentLength);
        boolean keepAlive = http11 ? !closeToken : keepAliveToken && !closeToken;
        int reply = target | (method == HEAD ? HttpReply.HEAD : 0);
        if (!keepAlive) {
            reply |= HttpReply.CLOSE;
        } else if (!http11) {
            reply |= HttpReply.KEEP_ALIVE;
        }
        return reply;
    }

    private static int bad() {
        return HttpReply.BAD_REQUEST | HttpReply.CLOSE;
    }

    private static int method(MemorySegment s, long from, long to) {
        long n = to - from;
        // the method is followed by a space at least: 4 bytes can be read at from
        if (n == 3 && (s.get(INT, from) & 0xFFFFFF) == GET_INT) {
            return GET;
        }
        if (n == 4 && s.get(INT, from) == HEAD_INT) {
            return HEAD;
        }
        for (long i = from; i < to; i++) {
            if (!isTokenChar(at(s, i))) {
                return INVALID_METHOD;
            }
        }
        return OTHER_METHOD;
    }

    /** OK or NOT_FOUND for the target {@code [from, to)}, -1 if it is not an origin- or absolute-form target. */
    private static int target(MemorySegment s, long from, long to) {
        long path = from;
        if (at(s, from) != '/') {
            long scheme = regionEquals(s, from, to, HTTP_SCHEME, true) ? HTTP_SCHEME.length
                    : regionEquals(s, from, to, HTTPS_SCHEME, true) ? HTTPS_SCHEME.length : -1;
            if (scheme < 0 || from + scheme >= to) {
                return -1;
            }
            path = indexOf(s, (byte) '/', from + scheme, to);
            if (path < 0) {
                return HttpReply.OK;                  // "http://host" means "/"
            }
        }
        long pathEnd = indexOf(s, (byte) '?', path, to);
        if (pathEnd < 0) {
            pathEnd = to;
        }
        long n = pathEnd - path;
        if (n == 1 || (n == PLAINTEXT.length && s.get(WORD, path) == PLAINTEXT_0 && s.get(WORD, path + 2) == PLAINTEXT_2)) {
            return HttpReply.OK;
        }
        return HttpReply.NOT_FOUND;
    }

    /** Bit 0: a {@code close} token; bit 1: a {@code keep-alive} token (comma-separated, any case). */
    private static int connectionTokens(MemorySegment s, long from, long to) {
        int found = 0;
        long p = from;
        while (p < to) {
            long comma = indexOf(s, (byte) ',', p, to);
            long e = comma < 0 ? to : comma;
            long a = p;
            long b = e;
            while (a < b && isSpace(at(s, a))) {
                a++;
            }
            while (b > a && isSpace(at(s, b - 1))) {
                b--;
            }
            if (b - a == CLOSE.length && regionEquals(s, a, b, CLOSE, true)) {
                found |= 1;
            } else if (b - a == KEEP_ALIVE.length && regionEquals(s, a, b, KEEP_ALIVE, true)) {
                found |= 2;
            }
            p = e + 1;
        }
        return found;
    }

    /** The decimal value of {@code [from, to)}, or -1 unless it is 1 .. 18 digits. */
    private static long digits(MemorySegment s, long from, long to) {
        if (to <= from || to - from > 18) {
            return -1;
        }
        long n = 0;
        for (long i = from; i < to; i++) {
            byte b = at(s, i);
            if (!isDigit(b)) {
                return -1;
            }
            n = n * 10 + (b - '0');
        }
        return n;
    }

    /** The index of the CR of the first CR LF in {@code [from, to)}; -1 if the first LF has no CR before it. */
    private static long lineEnd(MemorySegment s, long from, long to) {
        long lf = indexOf(s, (byte) '\n', from, to);
        return lf > from && at(s, lf - 1) == '\r' ? lf - 1 : -1;
    }

    private static long indexOf(MemorySegment s, byte b, long from, long to) {
        long pattern = (b & 0xFFL) * ONES;
        long i = from;
        for (; to - i >= Long.BYTES; i += Long.BYTES) {
            long found = zeroBytes(s.get(WORD, i) ^ pattern);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (at(s, i) == b) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code expected} is at {@code from}, within {@code to}; with {@code ignoreCase}, {@code expected} is lower case. */
    private static boolean regionEquals(MemorySegment s, long from, long to, byte[] expected, boolean ignoreCase) {
        if (from + expected.length > to) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            byte b = at(s, from + i);
            if (ignoreCase && b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** The first 8 bytes of {@code ascii} as {@link #WORD} reads them. */
    private static long word(String ascii) {
        return MemorySegment.ofArray(HttpDate.ascii(ascii)).get(WORD, 0);
    }

    private static byte at(MemorySegment s, long i) {
        return s.get(ValueLayout.JAVA_BYTE, i);
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t';
    }

    /** RFC 9110 tchar. */
    private static boolean isTokenChar(byte b) {
        if (b <= ' ' || b >= 127) {
            return false;
        }
        return "\"(),/:;<=>?@[\\]{}".indexOf(b) < 0;
    }
}
