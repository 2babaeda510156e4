package dev.iobuf.uring.net;

/**
 * What a loop does when accepting fails for lack of file descriptors ({@code EMFILE}: the process is at
 * its {@code ulimit -n}; {@code ENFILE}: the system is at {@code fs.file-max}). Re-arming the accept at
 * once would fail again at once, in a busy loop; logging each failure floods the log (hundreds of lines
 * a second). So accepting pauses, for a pause that starts short and doubles with each failure in a row
 * (up to a cap), or until one of the loop's connections closes and frees an fd, whichever comes first;
 * the connections already open are served all along, and new ones wait in the listen backlog. A
 * successful accept resets the pause. The failures are counted, and reported at most once per interval
 * with their count. Any other accept error retries after {@value #RETRY_NANOS} ns, reported the same way.
 *
 * <p>One policy for both transports: the io_uring {@link Acceptor} and the NIO {@link NioAcceptor} each keep one
 * per loop and ask {@link #pauseAfter} what to do. Loop thread only; allocates nothing but the report's message.
 */
final class AcceptBackoff {
    private static final System.Logger LOG = System.getLogger(AcceptBackoff.class.getName());
    /** The pause after an accept failed for another reason than fds. */
    static final long RETRY_NANOS = 100_000_000L;
    /** The first pause after an accept failed for lack of fds. */
    static final long FIRST_PAUSE_NANOS = 10_000_000L;
    /** The longest pause. */
    static final long MAX_PAUSE_NANOS = 1_000_000_000L;

    private final LoopLog.Limit report;
    private final LoopLog.Limit errorReport;
    private final long reportIntervalNanos;
    private long nextPause = FIRST_PAUSE_NANOS;
    private long failuresSinceReport;

    AcceptBackoff(long reportIntervalNanos) {
        this.report = new LoopLog.Limit(reportIntervalNanos);
        this.errorReport = new LoopLog.Limit(reportIntervalNanos);
        this.reportIntervalNanos = reportIntervalNanos;
    }

    /**
     * An accept on {@code address} of loop {@code loopName} failed with {@code result} ({@code -errno}): counts it
     * ({@code acceptsOutOfFds} when out of fds), reports at most once per interval, and returns how long to pause
     * accepting: out of fds the growing pause ({@link #failed()}; a closing connection may end it early, which the
     * caller tracks), else {@link #RETRY_NANOS}.
     */
    long pauseAfter(String loopName, Object address, int result, LoopCounters counters) {
        long now = System.nanoTime();
        if (isOutOfFds(result)) {
            counters.acceptsOutOfFds++;
            long pause = failed();
            if (shouldReport(now)) {
                LoopLog.log(LOG, System.Logger.Level.WARNING, message(loopName, address, result, takeFailures(),
                        reportIntervalNanos));
            }
            return pause;
        }
        if (errorReport.permits(now)) {
            LoopLog.log(LOG, System.Logger.Level.WARNING, loopName + ": accept on " + address + " failed: "
                    + dev.iobuf.liburing.Errno.name(result) + "; retrying in " + RETRY_NANOS / 1_000_000 + " ms ("
                    + errorReport.takeSuppressed() + " more failures since the last report)");
        }
        return RETRY_NANOS;
    }

    /** Whether an accept result means "out of file descriptors". */
    static boolean isOutOfFds(int result) {
        return dev.iobuf.liburing.Errno.EMFILE.is(result) || dev.iobuf.liburing.Errno.ENFILE.is(result);
    }

    /**
     * An accept failed for lack of fds: returns how long to pause accepting (each failure in a row
     * doubles it, up to {@link #MAX_PAUSE_NANOS}).
     */
    long failed() {
        failuresSinceReport++;
        long pause = nextPause;
        nextPause = Math.min(MAX_PAUSE_NANOS, nextPause * 2);
        return pause;
    }

    /** An accept succeeded: the next failure pauses briefly again. */
    void succeeded() {
        nextPause = FIRST_PAUSE_NANOS;
    }

    /**
     * Whether to report now ({@code now}: System.nanoTime()): true at most once per interval. Then
     * {@link #takeFailures()} gives the count to report.
     */
    boolean shouldReport(long now) {
        return report.permits(now);
    }

    /** Failures since the last report (the count restarts at zero). */
    long takeFailures() {
        long n = failuresSinceReport;
        failuresSinceReport = 0;
        report.takeSuppressed();
        return n;
    }

    /** The message of a report: what failed, how often, what the loop does, what to raise. */
    static String message(String loopName, Object address, int errno, long failures, long intervalNanos) {
        return loopName + ": out of file descriptors accepting on " + address + " ("
                + dev.iobuf.liburing.Errno.name(errno) + "): " + failures + " accept(s) failed since the last report"
                + " (one per " + intervalNanos / 1_000_000_000L + " s at most); accepting pauses (up to " + MAX_PAUSE_NANOS / 1_000_000
                + " ms, or until a connection closes) while the open connections are served. Raise the fd limit"
                + " (`ulimit -n`, LimitNOFILE= in systemd) or lower the connection count";
    }
}
