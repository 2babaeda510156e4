package dev.iobuf.examples;

/**
 * Writes an HTTP date (RFC 9110 IMF-fixdate, {@code Sun, 06 Nov 1994 08:49:37 GMT}: always
 * {@value #LENGTH} ASCII bytes) into a byte array, allocating nothing: the HTTP server rewrites the
 * Date header of its precomputed responses in place once a second on each loop thread.
 */
final class HttpDate {
    /** Bytes of an IMF-fixdate. */
    static final int LENGTH = 29;

    private static final byte[] DAYS = ascii("ThuFriSatSunMonTueWed");     // 1970-01-01 was a Thursday
    private static final byte[] MONTHS = ascii("JanFebMarAprMayJunJulAugSepOctNovDec");

    private HttpDate() {
    }

    /**
     * Writes the date of {@code epochSecond} (UTC) at {@code offset} in {@code dst}, years 0 .. 9999.
     *
     * @throws IllegalArgumentException if the year is outside 0 .. 9999 (IMF-fixdate has four digits)
     */
    static void format(long epochSecond, byte[] dst, int offset) {
        long days = Math.floorDiv(epochSecond, 86_400L);
        int secondOfDay = (int) Math.floorMod(epochSecond, 86_400L);
        // Civil date from days since 1970-01-01 (H. Hinnant's days_from_civil, inverted): eras of 400
        // years, the year starting on March 1st so that the leap day is the last day of a year.
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        int dayOfEra = (int) (z - era * 146_097);
        int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int mp = (5 * dayOfYear + 2) / 153;
        int day = dayOfYear - (153 * mp + 2) / 5 + 1;
        int month = mp < 10 ? mp + 3 : mp - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("an HTTP date has a four-digit year, got " + year
                    + " for epoch second " + epochSecond);
        }
        int weekday = (int) Math.floorMod(days, 7L);
        int p = offset;
        p = copy3(DAYS, weekday, dst, p);
        dst[p++] = ',';
        dst[p++] = ' ';
        p = digits2(day, dst, p);
        dst[p++] = ' ';
        p = copy3(MONTHS, month - 1, dst, p);
        dst[p++] = ' ';
        p = digits2((int) (year / 100), dst, p);
        p = digits2((int) (year % 100), dst, p);
        dst[p++] = ' ';
        p = digits2(secondOfDay / 3600, dst, p);
        dst[p++] = ':';
        p = digits2(secondOfDay / 60 % 60, dst, p);
        dst[p++] = ':';
        p = digits2(secondOfDay % 60, dst, p);
        dst[p++] = ' ';
        dst[p++] = 'G';
        dst[p++] = 'M';
        dst[p] = 'T';
    }

    private static int copy3(byte[] names, int index, byte[] dst, int p) {
        System.arraycopy(names, index * 3, dst, p, 3);
        return p + 3;
    }

    private static int digits2(int value, byte[] dst, int p) {
        dst[p] = (byte) ('0' + value / 10);
        dst[p + 1] = (byte) ('0' + value % 10);
        return p + 2;
    }

    static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
