package dev.iobuf.uring.net;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Where one {@link EventLoop} is in its life (running, shutting down, terminating, terminated) and what
 * other threads wait on: its start (or why it failed) and its end (with the counters it ended with). Kept
 * apart from the loop so the loop class is the turn scheduler only; the state is volatile because any
 * thread reads it ({@code execute}, {@code isTerminated}) while only the loop's thread writes it.
 */
final class LoopLifecycle {
    static final int RUNNING = 1;
    static final int SHUTTING_DOWN = 2;
    static final int TERMINATING = 3;
    static final int TERMINATED = 4;

    private final int index;
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile int state = RUNNING;
    /** Written before {@code started} counts down, read after it: the latch orders the two. */
    private volatile Throwable startFailure;
    private volatile NetCounters finalCounters;

    LoopLifecycle(int index) {
        this.index = index;
    }

    int state() {
        return state;
    }

    void state(int next) {
        state = next;
    }

    /** Waits until the loop's thread has set it up; rethrows what failed. */
    void awaitStart() {
        try {
            started.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loop " + index + " was starting", e);
        }
        Throwable failure = startFailure;
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    void started() {
        started.countDown();
    }

    /** The set-up failed: the loop ends before its first turn, and {@link #awaitStart} rethrows {@code t}. */
    void failedToStart(Throwable t) {
        startFailure = t;
        state = TERMINATED;
        finalCounters = NetCounters.ZERO;
        started.countDown();
        terminated.countDown();
    }

    /** The loop has closed everything; {@code last} answers every later counters call. */
    void terminated(NetCounters last) {
        finalCounters = last;
        state = TERMINATED;
        terminated.countDown();
    }

    /** The counters the loop ended with, or null while it runs. */
    NetCounters finalCounters() {
        return finalCounters;
    }

    /** The final counters, waiting up to 5 s for a loop that is ending (zeros if it does not end by then). */
    NetCounters awaitFinalCounters() {
        try {
            terminated.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        NetCounters last = finalCounters;
        return last != null ? last : NetCounters.ZERO;
    }

    boolean awaitTermination(long nanos) throws InterruptedException {
        return terminated.await(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public String toString() {
        return switch (state) {
            case RUNNING -> "running";
            case SHUTTING_DOWN -> "shutting down";
            case TERMINATING -> "terminating";
            default -> "terminated";
        };
    }
}
