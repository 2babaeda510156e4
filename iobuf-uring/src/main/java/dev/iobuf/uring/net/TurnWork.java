package dev.iobuf.uring.net;

import java.util.function.IntConsumer;

/**
 * What connections asked of the loop during a turn, done once at its end ({@link #finishTurn}), plus the
 * time of their last activity for the idle timeout. Each kind of work is a {@link SlotList} indexed by
 * connection slot, so asking twice is asking once and nothing allocates:
 * <ul>
 *   <li>{@code waiters}: connections refused a write (or past the high-water mark), told
 *       {@code onWritable} once their queue drained;</li>
 *   <li>{@code resumed}: connections whose reading resumed, delivering what waited;</li>
 *   <li>{@code dirty}: connections with something queued to send (one send each);</li>
 *   <li>{@code starved}: connections whose receive ended with {@code -ENOBUFS}, armed again as buffers
 *       come back (no more at once than there are buffers in the ring);</li>
 *   <li>{@code lastActivity}: when each slot last received or sent, stamped without a test (a closing
 *       connection is stamped too and ignored), read by the idle sweep over the open connections;</li>
 *   <li>{@code deadlines}: connections with a deadline ({@link Connection#deadline}), a heap by deadline
 *       with one loop timer armed for the earliest.</li>
 * </ul>
 * Each pass over a list handles at most the entries it held when the pass began, so work a handler adds
 * during the pass waits for the next turn. Loop thread only.
 *
 * <p>Why the activity stamp takes no branch and a closing connection leaves {@code dirty}: the send and receive
 * completions call {@link #touch} and the turn calls {@code flush} for every request, and C2 compiles them
 * long before the first connection closes. A test there that only a closing connection fails ("is it still
 * open?", "is it still in the idle order?") was compiled as a trap; the first close with a send in flight
 * took it, threw the two hottest send methods back to the interpreter and recompiled them at the start of
 * the next burst of requests (benchmarks/README.md, HTTP, "The tail").
 */
final class TurnWork {
    private final ConnectionTable table;
    private final SlotList waiters;
    private final SlotList resumed;
    private final SlotList dirty;
    private final SlotList starved;
    private final long[] lastActivity;
    /** Made once: running them allocates nothing. */
    private final IntConsumer resume;
    private final IntConsumer flush;
    /** The idle sweep, made once (see {@link #sweepIdle}). */
    private Runnable sweep;
    private boolean sweeping = true;
    private long now;
    private final Deadlines deadlines;
    private final Runnable expireDeadlines = this::expireDeadlines;
    private Timers timers;
    private LoopCounters counters;
    /** The timer armed for the earliest deadline (0: none), and when it fires. */
    private long deadlineTimer;
    private long deadlineTimerAt;

    TurnWork(ConnectionTable table) {
        int n = table.capacity();
        this.table = table;
        this.waiters = new SlotList(n);
        this.resumed = new SlotList(n);
        this.dirty = new SlotList(n);
        this.starved = new SlotList(n);
        this.lastActivity = new long[n];
        this.resume = s -> table.at(s).receive().resume();
        this.flush = s -> table.at(s).send().flush();
        this.deadlines = new Deadlines(n);
    }

    /** The loop's timers and counters, for deadlines (given once both exist). */
    void useTimers(Timers t, LoopCounters c) {
        this.timers = t;
        this.counters = c;
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

    /** A connection opened: its idle time starts now. */
    void opened(Connection c) {
        lastActivity[c.slot] = now;
    }

    /** Activity on {@code c}: its idle time starts again (any state: the sweep looks at open connections only). */
    void touch(Connection c) {
        lastActivity[c.slot] = now;
    }

    /** A connection started closing: it no longer counts as idle (it is not open), waits to write, or has a deadline. */
    void closing(Connection c) {
        waiters.remove(c.slot);
        deadlines.clear(c.slot);
    }

    /** A connection closes now: nothing of it is sent any more, so the turn's sends pass it over. */
    void closedForSending(Connection c) {
        dirty.remove(c.slot);
    }

    /** {@link Connection#deadline}. */
    void setDeadline(Connection c, long timeout, java.util.concurrent.TimeUnit unit) {
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout must be >= 0, got " + timeout + " " + unit);
        }
        if (c.state() >= Connection.CLOSING) {
            return;
        }
        deadlines.set(c.slot, now + unit.toNanos(timeout));
        armDeadlineTimer();
    }

    /** {@link Connection#clearDeadline}: a timer armed for it finds nothing due and re-arms for what is left. */
    void clearDeadline(Connection c) {
        deadlines.clear(c.slot);
    }

    /** Arms the one deadline timer for the earliest deadline, unless one armed already fires no later. */
    private void armDeadlineTimer() {
        if (deadlines.isEmpty() || !sweeping) {
            return;
        }
        long first = deadlines.earliest();
        if (deadlineTimer != 0) {
            if (first - deadlineTimerAt >= 0) {
                return;
            }
            timers.disarm(deadlineTimer);
        }
        deadlineTimerAt = first;
        deadlineTimer = timers.arm(Math.max(0, first - now), expireDeadlines);
    }

    /** The deadline timer fired: aborts every connection whose deadline passed, arms for the next. */
    private void expireDeadlines() {
        deadlineTimer = 0;
        long t = System.nanoTime();
        for (int s; (s = deadlines.pollExpired(t)) >= 0; ) {
            counters.deadlineCloses++;
            table.at(s).beginClose(CloseReason.DEADLINE, false);
        }
        armDeadlineTimer();
    }

    /** A connection's slot is about to be freed: it leaves every list. */
    void forget(Connection c) {
        int s = c.slot;
        waiters.remove(s);
        resumed.remove(s);
        dirty.remove(s);
        starved.remove(s);
        deadlines.clear(s);
    }

    /** The end of a turn: tell drained writers, deliver resumed data, start sends, return buffers, re-arm. */
    void finishTurn(RecvBuffers recv) {
        finishTurn();
        recv.publish();
        rearmStarved(recv.inRing());
    }

    /** The end of a turn without a provided-buffer ring (NIO): tell drained writers, deliver resumed data, start sends. */
    void finishTurn() {
        notifyWritable();
        pass(resumed, resume);
        pass(dirty, flush);
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
    void rearmStarved(int budget) {
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
        if (sweep == null) {
            sweep = () -> sweepIdle(timers, limit);
        }
        closeIdle(System.nanoTime(), limit);
        if (sweeping) {
            timers.arm(Math.max(1_000_000L, limit / 4), sweep);
        }
    }

    /** The loop shuts down: no more idle sweeps or deadline timers (the loop disarms those armed). */
    void stopIdleSweeps() {
        sweeping = false;
        deadlineTimer = 0;
    }

    /**
     * Closes the open connections idle for {@code limit} ns or longer: one pass over the slots handed out so far
     * (a few per connection the loop ever held at once, every quarter of the limit).
     */
    private void closeIdle(long nowNanos, long limit) {
        for (int s = 0, n = table.highWater(); s < n; s++) {
            Connection c = table.at(s);
            if (c != null && c.state() == Connection.OPEN && nowNanos - lastActivity[s] >= limit) {
                c.beginClose(CloseReason.IDLE_TIMEOUT, false);
            }
        }
    }
}
