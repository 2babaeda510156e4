package dev.iobuf.examples;

/**
 * What the plaintext server answers to one request, packed in an {@code int} so that passing it from the
 * parser to the responses allocates nothing: a status ({@link #OK} .. {@link #VERSION_NOT_SUPPORTED}),
 * {@link #HEAD} (headers only) and the connection handling ({@link #CLOSE}, or {@link #KEEP_ALIVE} for an
 * HTTP/1.0 client that asked for it; neither: HTTP/1.1's implicit keep-alive).
 */
final class HttpReply {
    /** 200, the "Hello, World!" body. */
    static final int OK = 0;
    /** 404: a path other than {@code /plaintext} and {@code /}. */
    static final int NOT_FOUND = 1;
    /** 400: a malformed request line or header, or HTTP/1.1 without exactly one Host. */
    static final int BAD_REQUEST = 2;
    /** 405: a method other than GET and HEAD. */
    static final int METHOD_NOT_ALLOWED = 3;
    /** 431: a request head longer than the parser's limit. */
    static final int HEAD_TOO_LARGE = 4;
    /** 501: a Transfer-Encoding (a body this server cannot frame). */
    static final int NOT_IMPLEMENTED = 5;
    /** 505: HTTP/2 and later, or HTTP/0.x, in an HTTP/1 request line. */
    static final int VERSION_NOT_SUPPORTED = 6;
    static final int STATUSES = 7;

    /** Headers only (a HEAD request). */
    static final int HEAD = 1 << 3;
    /** {@code Connection: close}, and the server closes after sending. */
    static final int CLOSE = 1 << 4;
    /** {@code Connection: keep-alive} (HTTP/1.0 asked for it). */
    static final int KEEP_ALIVE = 2 << 4;
    /** One past the largest code. */
    static final int CODES = 3 << 4;

    private HttpReply() {
    }

    static int status(int reply) {
        return reply & 7;
    }

    static boolean closes(int reply) {
        return (reply & (3 << 4)) == CLOSE;
    }

    static boolean headOnly(int reply) {
        return (reply & HEAD) != 0;
    }

    static boolean keepAliveHeader(int reply) {
        return (reply & (3 << 4)) == KEEP_ALIVE;
    }

    /** The status code of {@code status} (one of the constants above). */
    static int code(int status) {
        return switch (status) {
            case OK -> 200;
            case NOT_FOUND -> 404;
            case BAD_REQUEST -> 400;
            case METHOD_NOT_ALLOWED -> 405;
            case HEAD_TOO_LARGE -> 431;
            case NOT_IMPLEMENTED -> 501;
            case VERSION_NOT_SUPPORTED -> 505;
            default -> throw new IllegalArgumentException("no status " + status);
        };
    }

    static String reason(int status) {
        return switch (status) {
            case OK -> "OK";
            case NOT_FOUND -> "Not Found";
            case BAD_REQUEST -> "Bad Request";
            case METHOD_NOT_ALLOWED -> "Method Not Allowed";
            case HEAD_TOO_LARGE -> "Request Header Fields Too Large";
            case NOT_IMPLEMENTED -> "Not Implemented";
            case VERSION_NOT_SUPPORTED -> "HTTP Version Not Supported";
            default -> throw new IllegalArgumentException("no status " + status);
        };
    }

    static String describe(int reply) {
        return code(status(reply)) + (headOnly(reply) ? " HEAD" : "") + (closes(reply) ? " close"
                : keepAliveHeader(reply) ? " keep-alive" : "");
    }
}
