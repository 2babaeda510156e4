package dev.iobuf.uring.net;

import static dev.iobuf.uring.net.LoopLifecycle.RUNNING;
import static dev.iobuf.uring.net.LoopLifecycle.SHUTTING_DOWN;
import static dev.iobuf.uring.net.LoopLifecycle.TERMINATING;

import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The order in which an {@link EventLoop} stops, the same for every transport: a graceful shutdown
 * (stop accepting, stop the idle sweeps and timers, close connections gracefully, then abruptly at the
 * deadline), an abrupt one when the loop failed, and the teardown that ends every loop's thread. Each
 * step is one of the loop's transport hooks ({@code stopAccepting}, {@code closeConnections}, ...); this
 * class only keeps their order, on the loop thread; {@link #all} is the group's side (any other thread).
 */
final class LoopShutdown {
    private static final System.Logger LOG = System.getLogger(EventLoop.class.getName());

    private final EventLoop loop;

    LoopShutdown(EventLoop loop) {
        this.loop = loop;
    }

    /**
     * {@link EventLoopGroup#shutdownGracefully}: asks every loop to {@link #begin} (the first caller only, the
     * one that sets {@code shuttingDown}), then waits for each to end, up to one second past the deadline.
     *
     * @return true if every loop ended in time
     * @throws IllegalStateException on a loop thread (it would wait for itself)
     */
    static boolean all(List<EventLoop> loops, long deadline, AtomicBoolean shuttingDown) {
        for (EventLoop loop : loops) {
            if (loop.inEventLoop()) {
                throw new IllegalStateException("shutdownGracefully waits for the loops to end: call it from another "
                        + "thread, not from " + Thread.currentThread().getName());
            }
        }
        if (shuttingDown.compareAndSet(false, true)) {
            for (EventLoop loop : loops) {
                try {
                    loop.execute(() -> loop.beginShutdown(deadline));
                } catch (RejectedExecutionException terminated) {
                    // that loop has ended already
                }
            }
        }
        boolean all = true;
        try {
            for (EventLoop loop : loops) {
                long left = deadline - System.nanoTime() + 1_000_000_000L;
                all &= loop.lifecycle.awaitTermination(Math.max(0, left));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return all;
    }

    /** Starts the graceful shutdown (a task from the group); connections left at the deadline are closed. */
    void begin(long deadlineNanos) {
        if (loop.lifecycle.state() != RUNNING) {
            return;
        }
        loop.lifecycle.state(SHUTTING_DOWN);
        loop.stopAccepting();
        loop.turnWork().stopIdleSweeps();
        loop.timers.disarmAll();
        loop.closeConnections(true);
        loop.timers.arm(Math.max(0, deadlineNanos - System.nanoTime()), () -> loop.closeConnections(false));
    }

    /** The loop failed with {@code t}: everything closed now, then logged, then the group told. */
    void failed(Throwable t) {
        // Cleanup first: closing sockets needs no new fd, no class loading, no log. Then the log line
        // (guarded: out of fds a log call may fail) and the group, which tells its users.
        loop.lifecycle.state(SHUTTING_DOWN);
        loop.closeAbruptly();
        LoopLog.log(LOG, System.Logger.Level.ERROR, "event loop " + loop.index() + " failed; its connections and "
                + "listening sockets are closed", t);
        loop.group().loopFailed(loop, t);
    }

    /** The end of the loop's thread: last tasks, leaked buffers reclaimed, resources freed, final counters. */
    void teardown(LoopMonitor monitor) {
        loop.lifecycle.state(TERMINATING);
        try {
            loop.tasks.runAll(loop.counters);
        } catch (Throwable t) {
            LoopLog.log(LOG, System.Logger.Level.WARNING, "a task failed during the shutdown of loop " + loop.index(), t);
        }
        loop.reclaimRetained();
        loop.timers.clear();
        loop.closeResources();
        NetCounters last = loop.snapshot();
        monitor.stop();
        loop.lifecycle.terminated(last);
        loop.tasks.runAll(loop.counters);     // tasks that slipped in after the last turn: they find everything closed
    }
}
