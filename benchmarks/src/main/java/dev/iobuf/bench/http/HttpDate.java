package dev.iobuf.bench.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The value of the {@code Date} header (RFC 9110 IMF-fixdate, e.g. {@code Sun, 06 Nov 1994
 * 08:49:37 GMT}), formatted at most once a second: {@link #refresh(long)} is cheap when the second
 * has not changed, so a server may call it on every loop turn. Always {@link #LENGTH} bytes, which
 * lets a server patch a pre-built response in place. Not thread-safe: one per event loop.
 *
 * <p>{@link DateTimeFormatter#RFC_1123_DATE_TIME} is not used: it writes single-digit days
 * without the leading zero, which IMF-fixdate requires.
 */
final class HttpDate {
    /** Length of an IMF-fixdate in bytes. */
    static final int LENGTH = 29;

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final byte[] bytes = new byte[LENGTH];
    private long second = Long.MIN_VALUE;
    private String text = "";

    /** Formats the date of {@code epochMillis} if its second differs from the last one; true if it did. */
    boolean refresh(long epochMillis) {
        long s = Math.floorDiv(epochMillis, 1000L);
        if (s == second) {
            return false;
        }
        second = s;
        text = IMF_FIXDATE.format(Instant.ofEpochSecond(s));
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        if (b.length != LENGTH) {
            throw new IllegalStateException("IMF-fixdate '" + text + "' is not " + LENGTH + " bytes");
        }
        System.arraycopy(b, 0, bytes, 0, LENGTH);
        return true;
    }

    /** The current value; the array is reused, so copy it before the next {@link #refresh}. */
    byte[] bytes() {
        return bytes;
    }

    /** The current value as text. */
    String text() {
        return text;
    }
}
