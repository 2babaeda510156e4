package dev.iobuf;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Threshold;
import jdk.jfr.Timespan;

/**
 * JFR event {@code dev.iobuf.PoolWait}: an acquire that found the pool empty and waited (spin, yield,
 * park); its duration is the wait. Recorded from 1 ms by default ({@code dev.iobuf.PoolWait#threshold}).
 * Never created while JFR does not record it: {@link #beginIfRecording()} asks {@link #PROBE} first.
 */
@Name("dev.iobuf.PoolWait")
@Label("Pool Wait")
@Category({"iobuf", "Pool"})
@Description("An acquire that found the pool empty and had to wait for a release")
@Threshold("1 ms")
@StackTrace(true)
final class PoolWaitEvent extends Event {
    /** Answers {@code isEnabled()} without an allocation per wait (the flag is the event type's, not the instance's). */
    static final PoolWaitEvent PROBE = new PoolWaitEvent();

    @Label("Pool")
    String pool;

    @Label("Capacity")
    int capacity;

    @Label("Timeout")
    @Description("The timeout asked for; 0 when the acquire waits as long as needed")
    @Timespan(Timespan.NANOSECONDS)
    long timeout;

    @Label("Acquired")
    @Description("False when the wait timed out, was interrupted or ended by close")
    boolean acquired;

    /** A started event when a recording wants {@code dev.iobuf.PoolWait}, else {@code null} (no allocation). */
    static PoolWaitEvent beginIfRecording() {
        if (!PROBE.isEnabled()) {
            return null;
        }
        PoolWaitEvent event = new PoolWaitEvent();
        event.begin();
        return event;
    }

    /** Ends {@code event} (a no-op for {@code null}) and commits it if it passed the threshold. */
    static void end(PoolWaitEvent event, String pool, int capacity, long timeoutNanos, boolean acquired) {
        if (event == null) {
            return;
        }
        event.end();
        if (event.shouldCommit()) {
            event.pool = pool;
            event.capacity = capacity;
            event.timeout = Math.max(timeoutNanos, 0);
            event.acquired = acquired;
            event.commit();
        }
    }
}
