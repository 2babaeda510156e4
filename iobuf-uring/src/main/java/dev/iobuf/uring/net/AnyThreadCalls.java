package dev.iobuf.uring.net;

import static dev.iobuf.uring.net.LoopLifecycle.RUNNING;

import java.net.SocketAddress;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The calls of an {@link EventLoop}'s public API that any thread may make ({@code connect},
 * {@code release}, {@code counters}): on the loop's thread they run at once; from another thread they
 * are handed over as a task and answered through a future. Kept apart from the loop so the loop class is
 * the turn scheduler; none of this is on the completion path.
 */
final class AnyThreadCalls {
    /** What {@link #release} returns on the loop thread: nothing to wait for, nothing allocated. */
    private static final CompletionStage<Void> RELEASED = CompletableFuture.completedStage(null);

    private final EventLoop loop;

    AnyThreadCalls(EventLoop loop) {
        this.loop = loop;
    }

    /** {@link EventLoop#connect}: the transport's connect on the loop thread, refused once shutting down. */
    CompletableFuture<Connection> connect(SocketAddress remote, ConnectionHandler handler) {
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(handler, "handler");
        SocketAddresses.familyOf(remote);       // IP (resolved) or Unix, else IllegalArgumentException
        CompletableFuture<Connection> future = new CompletableFuture<>();
        Runnable start = () -> {
            if (loop.lifecycle.state() != RUNNING) {
                future.completeExceptionally(new RejectedExecutionException("event loop " + loop.index() + " is shutting down"));
            } else {
                loop.startConnect(remote, handler, future);
            }
        };
        if (loop.inEventLoop()) {
            start.run();
        } else {
            try {
                loop.execute(start);
            } catch (RejectedExecutionException e) {
                future.completeExceptionally(e);
            }
        }
        return future;
    }

    /** {@link EventLoop#release}: a retained receive buffer back to the kernel, on the loop thread. */
    CompletionStage<Void> release(long handle) {
        if (loop.inEventLoop()) {
            loop.releaseRetained(handle);
            return RELEASED;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            loop.execute(() -> {
                try {
                    loop.releaseRetained(handle);
                    done.complete(null);
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(e);
        }
        return done.minimalCompletionStage();
    }

    /** {@link EventLoop#counters()}: a snapshot taken on the loop thread, or the final values once ended. */
    NetCounters counters() {
        LoopLifecycle lifecycle = loop.lifecycle;
        NetCounters done = lifecycle.finalCounters();
        if (done != null) {
            return done;
        }
        if (loop.inEventLoop()) {
            return loop.snapshot();
        }
        CompletableFuture<NetCounters> f = new CompletableFuture<>();
        try {
            loop.execute(() -> f.complete(loop.snapshot()));
            return f.get(5, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            return lifecycle.awaitFinalCounters();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the counters of loop " + loop.index(), e);
        } catch (ExecutionException | TimeoutException e) {
            NetCounters last = lifecycle.finalCounters();
            if (last != null) {
                return last;
            }
            throw new IllegalStateException("loop " + loop.index() + " did not answer within 5 s: a handler blocks it", e);
        }
    }
}
