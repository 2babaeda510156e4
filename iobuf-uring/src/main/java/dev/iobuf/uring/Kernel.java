package dev.iobuf.uring;

/** The running kernel's release, for messages that say which Linux version a feature needs. */
final class Kernel {
    private static final String RELEASE = System.getProperty("os.version", "unknown");
    private static final int[] VERSION = parse(RELEASE);

    private Kernel() {
    }

    /** E.g. {@code "Linux 6.18.44-fc-v669"}. */
    static String describe() {
        return "Linux " + RELEASE;
    }

    /** Whether the running kernel is at least {@code version} ("major.minor"); true when unknown. */
    static boolean atLeast(String version) {
        if (VERSION == null) {
            return true;
        }
        int[] want = parse(version);
        if (want == null) {
            return true;
        }
        return VERSION[0] != want[0] ? VERSION[0] > want[0] : VERSION[1] >= want[1];
    }

    private static int[] parse(String release) {
        int dot = release.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        int end = dot + 1;
        while (end < release.length() && Character.isDigit(release.charAt(end))) {
            end++;
        }
        try {
            return new int[] {Integer.parseInt(release.substring(0, dot)), Integer.parseInt(release.substring(dot + 1, end))};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
