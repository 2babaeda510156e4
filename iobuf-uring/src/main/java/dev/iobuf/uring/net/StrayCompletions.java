package dev.iobuf.uring.net;

import static dev.iobuf.liburing.LibUring.IORING_CQE_F_BUFFER;

/**
 * What one {@link EventLoop} does with completions that should not exist: stale ones (for nothing live:
 * a bug or a foreign CQE) and impossible ones (values no correct kernel posts). Neither stops the loop;
 * kept apart from it so the dispatch stays one lookup and the failure handling sits in one place.
 * Loop thread only.
 */
final class StrayCompletions {
    private static final System.Logger LOG = System.getLogger(EventLoop.class.getName());
    private static final int F_BUFFER = IORING_CQE_F_BUFFER();

    private final String name;
    private final RecvBuffers recv;
    private final LoopCounters counters;
    private final LoopLog.Limit invalidLog = new LoopLog.Limit(EventLoop.LOG_INTERVAL_NANOS);
    private long stale;

    StrayCompletions(String name, RecvBuffers recv, LoopCounters counters) {
        this.name = name;
        this.recv = recv;
        this.counters = counters;
    }

    /** A completion for nothing live: counted, logged at DEBUG. Never keep a buffer it carries. */
    void stale(long userData, int result, int flags) {
        stale++;
        if ((flags & F_BUFFER) != 0) {
            recv.discard(result, flags);
        }
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LoopLog.log(LOG, System.Logger.Level.DEBUG, name + ": stale completion user_data=0x"
                    + Long.toHexString(userData) + " result=" + result + " flags=0x" + Integer.toHexString(flags));
        }
    }

    /**
     * A completion of {@code c} carries values no correct kernel posts (it was not accounted): counted,
     * logged at most once per interval, and the connection closed; the loop goes on.
     */
    void impossible(Connection c, int op, int result, int flags) {
        counters.invalidCompletions++;
        if (invalidLog.permits(System.nanoTime())) {
            LoopLog.log(LOG, System.Logger.Level.ERROR, name + ": impossible completion (op " + op + ", result "
                    + result + ", flags 0x" + Integer.toHexString(flags) + ") for " + c + "; "
                    + invalidLog.takeSuppressed() + " more since the last report: closing the connection");
        }
        c.fail(new IllegalStateException("impossible completion (op " + op + ", result " + result + ", flags 0x"
                + Integer.toHexString(flags) + "): the kernel and this loop disagree about the connection's state"));
    }

    /** Completions that matched nothing live (0 unless something is wrong). */
    long staleCount() {
        return stale;
    }
}
