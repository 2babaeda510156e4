package dev.iobuf.bench;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * JMH worker threads that are Netty {@code FastThreadLocalThread}s, as on a Netty event loop.
 *
 * <p>Netty 4.2 gives a thread its allocator cache and its {@code Recycler} pool (the {@code ByteBuf}
 * objects themselves) only when it knows the thread cleans its thread-locals up; on JMH's plain
 * worker threads every allocation then creates a new {@code ByteBuf} (about 144 B/op). Selected with
 * {@code -Djmh.executor=CUSTOM -Djmh.executor.class=} this class, which JMH builds with {@code (int
 * maxThreads, String prefix)}. The other contenders run on the same threads and do not notice.
 */
public final class NettyThreadExecutor extends ThreadPoolExecutor {
    public NettyThreadExecutor(int maxThreads, String prefix) {
        super(maxThreads, maxThreads, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                new DefaultThreadFactory(prefix, true));
    }
}
