package dev.iobuf.uring.net;

import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * What a {@link DatagramEndpoint} is on every transport: one socket served by one loop, its life
 * (NEW, attached: OPEN, {@link #beginClose}: CLOSING, then CLOSED and {@code onClose}), its send queue's
 * backpressure ({@link DatagramQueue}), its counters, and how it calls its handler (a throwing handler is counted
 * and reported, never ends the loop). The transports add the socket: {@link UringDatagramEndpoint} (multishot
 * recvmsg, sendmsg batches, GSO/GRO) and {@link NioDatagramEndpoint} (a {@code DatagramChannel} on the
 * loop's selector). Loop thread only, but for {@link #close()}, {@link #counters()} and {@link #localAddress()}.
 */
abstract sealed class LoopDatagramEndpoint implements DatagramEndpoint permits UringDatagramEndpoint, NioDatagramEndpoint {
    private static final System.Logger LOG = System.getLogger(DatagramEndpoint.class.getName());
    static final int NEW = 0;
    static final int OPEN = 1;
    static final int CLOSING = 2;
    static final int CLOSED = 3;

    final EventLoop loop;
    private final DatagramBinding binding;
    private final InetSocketAddress localAddress;
    final DatagramHandler handler;
    final DatagramOptions options;
    final DatagramStats stats = new DatagramStats();
    // loop thread only, from attach on
    LoopDatagrams owner;
    int slot;
    int state = NEW;
    private volatile DatagramCounters finalCounters;

    LoopDatagramEndpoint(EventLoop loop, DatagramBinding binding, InetSocketAddress localAddress, DatagramHandler handler,
                         DatagramOptions options) {
        this.loop = loop;
        this.binding = binding;
        this.localAddress = localAddress;
        this.handler = handler;
        this.options = options;
    }

    /** The send queue (null before attach). */
    abstract DatagramQueue queue();

    /** Takes the socket on, on its loop ({@code loop.execute}): the endpoint receives once this returns. */
    abstract void attach();

    /** Closes the socket of an endpoint that never attached (its loop refused it or had stopped). */
    abstract void abandon();

    /** End of the loop's turn: what the turn queued is sent; returns whether work is left for the next turn. */
    abstract boolean flush();

    /** Starts closing (loop thread): no more sends, receiving stops, what is queued is sent, then the socket closes. */
    abstract void beginClose();

    /** The loop failed: the socket is closed now, what is queued dropped. */
    abstract void closeAbruptly();

    final boolean isIpv6() {
        return localAddress.getAddress() instanceof java.net.Inet6Address;
    }

    // ---------------------------------------------------------------- DatagramEndpoint

    @Override
    public final boolean send(MemorySegment src, long offset, int length, DatagramAddress to) {
        checkLoop("send");
        if (state != OPEN) {
            stats.sendsRefused++;
            return false;
        }
        if (!queue().offer(src, offset, length, to)) {
            return false;
        }
        owner.dirty(slot);
        return true;
    }

    @Override
    public final boolean isWritable() {
        checkLoop("isWritable");
        return state == OPEN && queue().isWritable();
    }

    @Override
    public final InetSocketAddress localAddress() {
        return localAddress;
    }

    @Override
    public final DatagramCounters counters() {
        DatagramCounters done = finalCounters;
        if (done != null) {
            return done;
        }
        if (loop.inEventLoop()) {
            return snapshot();
        }
        CompletableFuture<DatagramCounters> f = new CompletableFuture<>();
        try {
            loop.execute(() -> f.complete(snapshot()));
            return f.get(5, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            return finalCounters != null ? finalCounters : stats.snapshot(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the counters of " + this, e);
        } catch (Exception e) {
            throw new IllegalStateException("loop " + loop.index() + " did not answer within 5 s: a handler blocks it", e);
        }
    }

    private DatagramCounters snapshot() {
        DatagramCounters done = finalCounters;
        return done != null ? done : stats.snapshot(queue() == null ? 0 : queue().queued());
    }

    @Override
    public final void close() {
        if (loop.inEventLoop()) {
            beginClose();
            return;
        }
        try {
            loop.execute(this::beginClose);
        } catch (RejectedExecutionException terminated) {
            // the loop ended and closed the socket already
        }
    }

    final boolean isClosed() {
        return state == CLOSED;
    }

    // ---------------------------------------------------------------- for the transports

    /** One datagram for the handler. */
    final void deliver(MemorySegment buffer, long offset, int length, DatagramAddress sender) {
        stats.received++;
        stats.receivedBytes += length;
        try {
            handler.onDatagram(this, buffer, offset, length, sender);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            handlerFailed(t);
        }
    }

    /** Tells the handler there is room again if a refusal (or the high-water mark) is over. */
    final void maybeWritable() {
        if (state == OPEN && queue().drainedAfterRefusal()) {
            try {
                handler.onWritable(this);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                handlerFailed(t);
            }
        }
    }

    private void handlerFailed(Throwable t) {
        stats.handlerErrors++;
        notifyError(t);
    }

    /** Reports {@code t} to the handler's onError (what that throws is logged). */
    final void notifyError(Throwable t) {
        try {
            handler.onError(this, t);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable again) {
            LoopLog.log(LOG, System.Logger.Level.WARNING, this + ": onError threw", again);
        }
    }

    /** The socket is closed and nothing of it is in the kernel: final counters, the slot freed, onClose. */
    final void finished() {
        owner.fdClosed();
        finalCounters = stats.snapshot(0);
        state = CLOSED;
        owner.removed(slot, this);
        try {
            handler.onClose(this);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            LoopLog.log(LOG, System.Logger.Level.WARNING, this + ": onClose threw", t);
        }
        binding.endpointClosed();
    }

    /** Attaching failed after the socket was closed: final counters, CLOSED (no onClose: it never opened). */
    final void failedToAttach() {
        state = CLOSED;
        finalCounters = stats.snapshot(0);
    }

    private void checkLoop(String what) {
        if (!loop.inEventLoop()) {
            throw new IllegalStateException(what + " runs on the endpoint's loop thread (loop " + loop.index()
                    + "): call it from a handler, or inside loop.execute(() -> ...)");
        }
    }

    @Override
    public String toString() {
        return "DatagramEndpoint[" + localAddress + ", loop " + loop.index() + ", "
                + new String[] {"new", "open", "closing", "closed"}[state] + "]";
    }
}
