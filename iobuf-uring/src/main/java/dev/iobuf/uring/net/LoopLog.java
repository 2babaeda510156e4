package dev.iobuf.uring.net;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.System.Logger.Level;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How the event loops log: guarded, rate-limited where a cause can repeat, and prepared in advance.
 *
 * <ul>
 *   <li><b>Guarded.</b> {@link #log} never throws. A log call can fail in ways that have nothing to do with
 *       the message: the logging backend loads its time zone data ({@code tzdb.dat}) at its first
 *       timestamp, and when the process is out of file descriptors that load fails with a
 *       {@code NoClassDefFoundError}; a user's backend may throw anything. A failed call is counted
 *       ({@link #failedCalls()}) and dropped: losing a log line must never cost an event loop.</li>
 *   <li><b>Prepared.</b> {@link #loadFiles()} (once per JVM, when a group is built, while fds are still
 *       there) makes the backend read the files its first real call would: the time zone rules and
 *       java.util.logging's configuration (its root handlers). {@link #warmUpFormatting()} (on the monitor's
 *       low-priority warm-up thread, after the start) runs the formatting, which needs no file: the JDK's
 *       classes come from the runtime image, whose fd is open for good.</li>
 *   <li><b>Rate-limited.</b> A {@link Limit} lets one message of its kind out per interval and counts
 *       the others, so that 765 accept failures in a second are one line with a count, not 765.</li>
 * </ul>
 */
final class LoopLog {
    private static final AtomicLong FAILED_CALLS = new AtomicLong();
    private static volatile boolean filesLoaded;

    private LoopLog() {
    }

    /** Logs {@code message} at {@code level}; never throws (a failure is counted). */
    static void log(System.Logger logger, Level level, String message) {
        try {
            logger.log(level, message);
        } catch (Throwable t) {
            FAILED_CALLS.incrementAndGet();
        }
    }

    /** Logs {@code message} with {@code thrown}'s stack trace; never throws (a failure is counted). */
    static void log(System.Logger logger, Level level, String message, Throwable thrown) {
        try {
            logger.log(level, message, thrown);
        } catch (Throwable t) {
            FAILED_CALLS.incrementAndGet();
        }
    }

    /** Log calls that threw and were dropped, in this JVM. */
    static long failedCalls() {
        return FAILED_CALLS.get();
    }

    /**
     * Makes the logging backend read the files its first call needs (best effort, once per JVM), on the thread
     * building a group, while fds are plentiful: the default zone's rules ({@code /etc/localtime} and the
     * {@code tzdb.dat} file; out of fds that load fails with a {@code NoClassDefFoundError}) and
     * java.util.logging's configuration ({@code logging.properties}, read when the root logger's handlers are
     * made). Cheap (~2 ms at a start): the formatting that takes the rest of a first log call's ~40 ms opens no
     * file and is done later by {@link #warmUpFormatting()}, off the start's critical path.
     */
    static void loadFiles() {
        if (filesLoaded) {
            return;
        }
        filesLoaded = true;
        try {
            ZoneId.systemDefault().getRules();
            java.util.logging.Logger.getLogger("").getHandlers();
        } catch (Throwable t) {
            // best effort: the guard in log() still holds
        }
    }

    /**
     * Runs what a first log call would besides reading files (best effort): timestamp formatting as
     * java.util.logging's SimpleFormatter does it (with its locale data), stack-trace printing, and each root
     * handler's formatter on a record with a throwable (the caller lookup's stack walk and reflection). None of it
     * opens a file, so a loop out of fds can log without it (LoopLogTest checks in a child JVM); done ahead only
     * so that a loop's first log line is cheap, by {@link LoopMonitor.WarmUp} at a low priority once the loops
     * have started.
     */
    static void warmUpFormatting() {
        loadFiles();
        try {
            ZonedDateTime now = ZonedDateTime.now(ZoneId.systemDefault());
            String.format("%1$tb %1$td, %1$tY %1$tl:%1$tM:%1$tS %1$Tp %2$s", now, "warm-up");
            Throwable sample = new IllegalStateException("log warm-up");
            sample.printStackTrace(new PrintWriter(new StringWriter()));
            java.util.logging.LogRecord record = new java.util.logging.LogRecord(java.util.logging.Level.WARNING, "warm-up");
            record.setThrown(sample);
            for (java.util.logging.Handler h : java.util.logging.Logger.getLogger("").getHandlers()) {
                java.util.logging.Formatter f = h.getFormatter();
                if (f != null) {
                    f.format(record);
                }
            }
        } catch (Throwable t) {
            // best effort: the guard in log() still holds
        }
    }

    /**
     * One kind of message, let out at most once per interval; the others are counted. Owned by one
     * thread (a loop's), so plain fields.
     */
    static final class Limit {
        private final long intervalNanos;
        private boolean used;
        private long nextAt;
        private long suppressed;

        Limit(long intervalNanos) {
            if (intervalNanos <= 0) {
                throw new IllegalArgumentException("interval must be > 0 ns, got " + intervalNanos);
            }
            this.intervalNanos = intervalNanos;
        }

        /**
         * Whether a message may go out at {@code now} (System.nanoTime()); if not, it counts as suppressed.
         * Build the message only when this returns true.
         */
        boolean permits(long now) {
            if (used && now - nextAt < 0) {
                suppressed++;
                return false;
            }
            used = true;
            nextAt = now + intervalNanos;
            return true;
        }

        /** Messages suppressed since the last one let out (the count restarts at zero). */
        long takeSuppressed() {
            long n = suppressed;
            suppressed = 0;
            return n;
        }
    }
}
