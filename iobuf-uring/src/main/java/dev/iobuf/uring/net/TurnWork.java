package dev.iobuf.uring.net;

import java.util.function.IntConsumer;

/**
 * What connections asked of the loop during a turn, done once at its end ({@link #finishTurn}), plus the
 * order of their last activity for the idle timeout. Each kind of work is a {@link SlotList} indexed by
 * connection slot, so asking twice is asking once and nothing allocates:
 * <ul>
 *   <li>{@code waiters}: connections refused a write (or past the high-water mark), told
 *       {@code onWritable} once their queue drained;</li>
 *   <li>{@code resumed}: connections whose reading resumed, delivering what waited;</li>
 *   <li>{@code dirty}: connections with something queued to send (one send each);</li>
 *   <li>{@code starved}: connections whose receive ended with {@code -ENOBUFS}, armed again as buffers
 *       come back (no more at once than there are buffers in the ring);</li>
 *   <li>{@code idle}: open connections, least recently active first (a per-connection deadline would
 *       live beside it: a list ordered by deadline, swept by the same timer).</li>
 * </ul>
 * Each pass over a list handles at most the entries it held when the pass began, so work a handler adds
 * during the pass waits for the next turn. Loop thread only.
 */
final class TurnWork {
    private final ConnectionTable table;
    private final SlotList waiters;
    private final SlotList resumed;
    private final SlotList dirty;
    private final SlotList starved;
    private final SlotList idle;
    private final long[] lastActivity;
    /** Made once: running them allocates nothing. */
    private final IntConsumer resume;
    private final IntConsumer flush;
    private final boolean idleTracked;
    private boolean sweeping = true;
    private long now;

    TurnWork(ConnectionTable table, boolean idleTracked) {
        int n = table.capacity();
        this.table = table;
        this.waiters = new SlotList(n);
        this.resumed = new SlotList(n);
        this.dirty = new SlotList(n);
        this.starved = new SlotList(n);
        this.idle = new SlotList(n);
        this.lastActivity = new long[n];
        this.idleTracked = idleTracked;
        this.resume = s -> table.at(s).receive().resume();
        this.flush = s -> table.at(s).send().flush();
    }

    /** The loop's clock for this turn (read once after each wait). */
    void now(long nanos) {
        now = nanos;
    }

    void markDirty(Connection c) {
        dirty.addLast(c.slot);
    }

    void awaitWritable(Connection c) {
        waiters.addLast(c.slot);
    }

    void scheduleResume(Connection c) {
        resumed.addLast(c.slot);
    }

    void starve(Connection c) {
        starved.addLast(c.slot);
    }

    boolean isStarved(Connection c) {
        return starved.contains(c.slot);
    }

    /** Whether delivery waits for the end of the turn (the loop must not block in the kernel then). */
    boolean hasResumed() {
        return !resumed.isEmpty();
    }

    /** A connection opened: it enters the idle order. */
    void opened(Connection c) {
        if (idleTracked) {
            lastActivity[c.slot] = now;
            idle.addLast(c.slot);
        }
    }

    /** Activity on {@code c}: it moves to the young end of the idle order. */
    void touch(Connection c) {
        if (idle.contains(c.slot)) {
            lastActivity[c.slot] = now;
            idle.moveToLast(c.slot);
        }
    }

    /** A connection started closing: it no longer counts as idle or waits to write. */
    void closing(Connection c) {
        idle.remove(c.slot);
        waiters.remove(c.slot);
    }

    /** A connection's slot is about to be freed: it leaves every list. */
    void forget(Connection c) {
        int s = c.slot;
        waiters.remove(s);
        resumed.remove(s);
        dirty.remove(s);
        starved.remove(s);
        idle.remove(s);
    }

    /** The end of a turn: tell drained writers, deliver resumed data, start sends, return buffers, re-arm. */
    void finishTurn(RecvBuffers recv) {
        notifyWritable();
        pass(resumed, resume);
        pass(dirty, flush);
        recv.publish();
        rearmStarved(recv.inRing());
    }

    private void notifyWritable() {
        for (int n = waiters.size(); n > 0; n--) {
            int s = waiters.pollFirst();
            if (s == SlotList.NONE) {
                return;
            }
            Connection c = table.at(s);
            int state = c.state();
            if (state == Connection.OPEN && c.send().drained()) {
                c.send().notifyWritable();
            } else if (state == Connection.OPEN || state == Connection.CONNECTING) {
                waiters.addLast(s);         // still waiting: back in line behind the others
            }
        }
    }

    /** Takes each entry {@code list} holds now (not those added meanwhile) and runs {@code action} on it. */
    private static void pass(SlotList list, IntConsumer action) {
        for (int n = list.size(); n > 0; n--) {
            int s = list.pollFirst();
            if (s == SlotList.NONE) {
                return;
            }
            action.accept(s);
        }
    }

    /** Buffers are back in the ring: let as many starved connections receive again as there are buffers. */
    private void rearmStarved(int budget) {
        for (; budget > 0; budget--) {
            int s = starved.pollFirst();
            if (s == SlotList.NONE) {
                return;
            }
            table.at(s).receive().unstarve();
        }
    }

    /**
     * Closes connections idle for {@code limit} ns or longer, every quarter of it (a loop timer), until
     * {@link #stopIdleSweeps()}.
     */
    void sweepIdle(Timers timers, long limit) {
        closeIdle(System.nanoTime(), limit);
        if (sweeping) {
            timers.arm(Math.max(1_000_000L, limit / 4), () -> sweepIdle(timers, limit));
        }
    }

    /** The loop shuts down: no more idle sweeps. */
    void stopIdleSweeps() {
        sweeping = false;
    }

    /** Closes connections idle for {@code limit} ns or longer (the idle order is by last activity). */
    private void closeIdle(long nowNanos, long limit) {
        int s;
        while ((s = idle.first()) != SlotList.NONE && nowNanos - lastActivity[s] >= limit) {
            idle.remove(s);
            table.at(s).beginClose(CloseReason.IDLE_TIMEOUT, false);
        }
    }
}
