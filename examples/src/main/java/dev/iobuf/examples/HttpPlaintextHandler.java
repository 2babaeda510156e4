package dev.iobuf.examples;

import dev.iobuf.uring.net.Connection;
import dev.iobuf.uring.net.ConnectionHandler;
import dev.iobuf.uring.net.EventLoop;
import dev.iobuf.uring.net.EventLoopGroup;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The plaintext server's handler: one {@link HttpSession} per connection (made at open: two small
 * objects per connection, nothing per request), one set of {@link PlaintextResponses} per event loop
 * (each loop keeps its own Date current with a timer, so loops never share mutable bytes).
 */
final class HttpPlaintextHandler implements ConnectionHandler {
    /**
     * What a connection reaches first, initialised when the group is built ({@link EventLoopGroup.Builder#preload}):
     * a flood of connections can take every fd before the first one is served, and out of fds no class file can
     * be opened (the loop would die of NoClassDefFoundError: seen in FdExhaustionTest).
     */
    static final List<Class<?>> CONNECTION_CLASSES = List.of(HttpSession.class, HttpRequestParser.class, HttpReply.class);

    private final PlaintextResponses[] perLoop;
    private final long headTimeoutNanos;

    private HttpPlaintextHandler(PlaintextResponses[] perLoop, long headTimeoutNanos) {
        this.perLoop = perLoop;
        this.headTimeoutNanos = headTimeoutNanos;
    }

    /**
     * Makes the responses of every loop of {@code group} and starts their clocks (on each loop's thread);
     * request heads get {@code options.headTimeoutNanos()} (0: no deadline).
     */
    static HttpPlaintextHandler start(EventLoopGroup group, NetServer.Options options) {
        List<EventLoop> loops = group.loops();
        PlaintextResponses[] perLoop = new PlaintextResponses[loops.size()];
        CompletableFuture<?>[] started = new CompletableFuture<?>[loops.size()];
        for (EventLoop loop : loops) {
            PlaintextResponses r = new PlaintextResponses(System.currentTimeMillis());
            perLoop[loop.index()] = r;
            CompletableFuture<Void> f = new CompletableFuture<>();
            started[loop.index()] = f;
            loop.execute(() -> {
                r.startClock(loop);
                f.complete(null);
            });
        }
        // The clocks start before the listener opens, so the first response already has a current date
        // and the arrays are published to the loop threads by the task hand-over.
        CompletableFuture.allOf(started).orTimeout(10, TimeUnit.SECONDS).join();
        return new HttpPlaintextHandler(perLoop, options.headTimeoutNanos());
    }

    /** The responses of loop {@code index} (for tests). */
    PlaintextResponses responses(int index) {
        return perLoop[index];
    }

    @Override
    public void onOpen(Connection c) {
        c.attach(new HttpSession(c, perLoop[c.loop().index()], headTimeoutNanos));
    }

    @Override
    public void onData(Connection c, MemorySegment buffer, int offset, int length) {
        ((HttpSession) c.attachment()).data(buffer, offset, length);
    }

    @Override
    public void onWritable(Connection c) {
        ((HttpSession) c.attachment()).writable();
    }

    @Override
    public void onClose(Connection c) {
        if (c.attachment() instanceof HttpSession session) {
            session.closed();
        }
    }
}
