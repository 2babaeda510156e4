package dev.iobuf.uring.net;

import dev.iobuf.uring.UnsupportedFeatureException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A UDP address an {@link EventLoopGroup} serves ({@link EventLoopGroup#bindDatagram}): one socket per loop, all
 * bound to the same address with SO_REUSEPORT, each a {@link DatagramEndpoint} served by its loop with no hand-off
 * between threads. The kernel spreads arriving datagrams across the sockets by a hash of the sender's address and
 * port, so one sender's datagrams arrive, in order, at one endpoint, which answers it from the same port.
 * (As with {@link Listener}: another process of the same user could bind the port with SO_REUSEPORT too; use a
 * dedicated port.)
 *
 * <p>Needs multishot IORING_OP_RECVMSG (Linux 6.0): on an older kernel binding throws an
 * {@link UnsupportedFeatureException} naming it. (Between 5.19, which the runtime needs, and 6.0 a single-shot
 * receive would do; no kernel we test runs there, so that path would be untested code.)
 *
 * <p>On the NIO transport each loop gets a {@code DatagramChannel}, bound the same way (SO_REUSEPORT: the JDK offers
 * it on Linux, so the kernel spreads senders across loops exactly as above), with the same handler API, send queue
 * and counters; one datagram per system call (no GSO/GRO: {@link DatagramOptions} says what NIO refuses).
 */
public final class DatagramBinding implements AutoCloseable {
    private static final long WAIT_SECONDS = 10;

    private final InetSocketAddress localAddress;
    private final List<EventLoop> loops;
    private final List<DatagramEndpoint> endpoints;
    private final CountDownLatch closed;

    /** Makes the endpoint of loop {@code i} for {@code binding}. */
    private interface EndpointMaker {
        LoopDatagramEndpoint make(DatagramBinding binding, int i);
    }

    private DatagramBinding(InetSocketAddress localAddress, List<EventLoop> loops, EndpointMaker maker) {
        this.localAddress = localAddress;
        this.loops = loops;
        this.closed = new CountDownLatch(loops.size());
        List<DatagramEndpoint> list = new ArrayList<>(loops.size());
        for (int i = 0; i < loops.size(); i++) {
            list.add(maker.make(this, i));
        }
        this.endpoints = List.copyOf(list);
    }

    /**
     * {@link EventLoopGroup#bindDatagram}: sockets made and bound here (libc calls on io_uring, DatagramChannels on
     * NIO), taken on by their loops before it returns.
     */
    static DatagramBinding bind(List<EventLoop> loops, InetSocketAddress address, DatagramHandler handler,
                                DatagramOptions options) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(options, "options");
        boolean nio = loops.getFirst() instanceof NioEventLoop;
        if (nio) {
            options.requireNio();
        } else {
            UnsupportedFeatureException.requireKernel("IORING_OP_RECVMSG with IORING_RECV_MULTISHOT", "6.0", "a UDP endpoint");
        }
        for (EventLoop loop : loops) {
            if (loop.inEventLoop()) {
                throw new IllegalStateException("bindDatagram waits for every loop to take its socket: call it from "
                        + "outside the group's loops, not from " + Thread.currentThread().getName());
            }
        }
        DatagramBinding binding;
        if (nio) {
            List<DatagramChannel> channels = NioDatagramEndpoint.openEach(loops.size(), address, options);
            InetSocketAddress bound = (InetSocketAddress) channels.getFirst().socket().getLocalSocketAddress();
            binding = new DatagramBinding(bound, loops, (b, i) -> new NioDatagramEndpoint(loops.get(i), b,
                    channels.get(i), bound, handler, options));
        } else {
            int[] fds = new int[loops.size()];
            InetSocketAddress bound = ReusePortSockets.openEach(fds, address,
                    a -> ReusePortSockets.bound(a, DatagramSockets.SOCK_DGRAM, options.socketOptions(), false));
            binding = new DatagramBinding(bound, loops, (b, i) -> new UringDatagramEndpoint(loops.get(i), b, fds[i],
                    bound, handler, options));
        }
        binding.attachAll();
        return binding;
    }

    /** Each loop takes its socket on; if one fails, those that took theirs close them again and it throws. */
    private void attachAll() {
        List<CompletableFuture<Void>> attached = new ArrayList<>(loops.size());
        for (int i = 0; i < loops.size(); i++) {
            EventLoop loop = loops.get(i);
            LoopDatagramEndpoint e = (LoopDatagramEndpoint) endpoints.get(i);
            CompletableFuture<Void> f = new CompletableFuture<>();
            attached.add(f);
            try {
                loop.execute(() -> {
                    try {
                        if (loop.isShuttingDown()) {
                            throw new IllegalStateException("event loop " + loop.index() + " is shutting down: no new endpoints");
                        }
                        e.attach();
                        f.complete(null);
                    } catch (Throwable t) {
                        e.abandon();
                        f.completeExceptionally(t);
                    }
                });
            } catch (RejectedExecutionException rejected) {
                e.abandon();
                f.completeExceptionally(rejected);
            }
        }
        RuntimeException failure = null;
        for (CompletableFuture<Void> f : attached) {
            try {
                f.get(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                failure = failure != null ? failure : e.getCause() instanceof RuntimeException r ? r
                        : new IllegalStateException("a loop failed to take its UDP socket", e.getCause());
            } catch (TimeoutException e) {
                failure = failure != null ? failure : new IllegalStateException("a loop did not take its UDP socket "
                        + "within " + WAIT_SECONDS + " s: a handler blocks it", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure != null ? failure : new IllegalStateException("interrupted while binding " + localAddress, e);
            }
        }
        if (failure != null) {
            for (int i = 0; i < attached.size(); i++) {
                if (!attached.get(i).isCompletedExceptionally()) {
                    endpoints.get(i).close();
                }
            }
            throw failure;
        }
    }

    /** The bound address (with the actual port when port 0 was asked for). */
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /** The port datagrams arrive on. */
    public int port() {
        return localAddress.getPort();
    }

    /** The endpoints, one per loop, in the group's loop order. */
    public List<DatagramEndpoint> endpoints() {
        return endpoints;
    }

    /** The sum of the endpoints' counters (any thread). */
    public DatagramCounters counters() {
        DatagramCounters sum = DatagramCounters.ZERO;
        for (DatagramEndpoint e : endpoints) {
            sum = sum.plus(e.counters());
        }
        return sum;
    }

    /** Whether no endpoint has closed yet. */
    public boolean isOpen() {
        return closed.getCount() == loops.size();
    }

    void endpointClosed() {
        closed.countDown();
    }

    /**
     * Closes every endpoint (see {@link DatagramEndpoint#close()}) and waits up to 10 s until all are closed,
     * unless called on a loop thread (then it returns at once). Idempotent.
     *
     * @throws IllegalStateException if they did not close within 10 s (a loop is blocked in a handler)
     */
    @Override
    public void close() {
        for (DatagramEndpoint e : endpoints) {
            e.close();
        }
        for (EventLoop loop : loops) {
            if (loop.inEventLoop()) {
                return;
            }
        }
        try {
            if (!closed.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("UDP endpoints on " + localAddress + " did not close within "
                        + WAIT_SECONDS + " s: a loop is blocked in a handler");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "DatagramBinding[" + localAddress + ", " + loops.size() + " loops" + (isOpen() ? "" : ", closed") + "]";
    }
}
