package dev.iobuf.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HttpDateTest {
    /** IMF-fixdate per RFC 9110 (java.time's RFC_1123_DATE_TIME does not pad the day to two digits). */
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM uuuu HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private static String format(long epochSecond) {
        byte[] b = new byte[HttpDate.LENGTH + 4];
        HttpDate.format(epochSecond, b, 2);
        assertThat(b[0]).isZero();
        assertThat(b[HttpDate.LENGTH + 2]).as("writes exactly 29 bytes").isZero();
        return new String(b, 2, HttpDate.LENGTH, StandardCharsets.US_ASCII);
    }

    @Test
    void matchesJavaTimeForKnownAndRandomInstants() {
        assertThat(format(784_111_777L)).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");   // RFC 9110's example
        assertThat(format(0)).isEqualTo("Thu, 01 Jan 1970 00:00:00 GMT");
        assertThat(format(951_782_400L)).isEqualTo("Tue, 29 Feb 2000 00:00:00 GMT");
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            long s = random.nextLong(min, max + 1);
            assertThat(format(s)).as("epoch second %d", s).isEqualTo(IMF_FIXDATE.format(Instant.ofEpochSecond(s)));
        }
    }

    @Test
    void yearsOutsideFourDigitsAreRefused() {
        long tooLate = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond() + 1;
        assertThatThrownBy(() -> format(tooLate)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("four-digit year");
    }
}
