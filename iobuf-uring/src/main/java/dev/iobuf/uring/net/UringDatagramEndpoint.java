package dev.iobuf.uring.net;

import static dev.iobuf.liburing.LibUring.IORING_CQE_F_MORE;

import dev.iobuf.liburing.Errno;
import dev.iobuf.uring.Ring;
import dev.iobuf.uring.UringException;
import dev.iobuf.uring.UserData;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A {@link DatagramEndpoint} on an io_uring event loop: one UDP socket, its receive side
 * ({@link DatagramReceiver}: multishot recvmsg on its own buffer group) and its send queue
 * ({@link DatagramSendQueue}: sendmsg batches, GSO runs), found by the loop's dispatch through {@link Datagrams}
 * by slot and generation like a connection.
 *
 * <p>Life: made on the binding thread, {@link #attach attached} on its loop (native memory, buffer group,
 * receive armed), OPEN; {@link #close()} makes it CLOSING: the receive is cancelled, what is queued is sent, and
 * once no operation of it is in flight its fd is closed with IORING_OP_CLOSE; then CLOSED, {@code onClose}.
 */
final class UringDatagramEndpoint implements DatagramEndpoint {
    private static final System.Logger LOG = System.getLogger(UringDatagramEndpoint.class.getName());
    private static final int F_MORE = IORING_CQE_F_MORE();
    private static final int NEW = 0;
    private static final int OPEN = 1;
    private static final int CLOSING = 2;
    private static final int CLOSED = 3;

    private final EventLoop loop;
    private final DatagramBinding binding;
    private final int fd;
    private final InetSocketAddress localAddress;
    private final DatagramHandler handler;
    private final DatagramOptions options;
    private final DatagramStats stats = new DatagramStats();
    private final Datagrams.UserDataOf sendUserData = aux -> UserData.of(Op.DGRAM_SEND, aux, slot(), generation());
    // loop thread only, from attach on
    private Datagrams owner;
    private Ring ring;
    private int slot;
    private int generation;
    private int state = NEW;
    private Arena arena;
    private DatagramReceiver recv;
    private DatagramSendQueue sends;
    private boolean recvArmed;
    private boolean closeSubmitted;
    private boolean groOn;
    private volatile DatagramCounters finalCounters;

    UringDatagramEndpoint(EventLoop loop, DatagramBinding binding, int fd, InetSocketAddress localAddress,
                          DatagramHandler handler, DatagramOptions options) {
        this.loop = loop;
        this.binding = binding;
        this.fd = fd;
        this.localAddress = localAddress;
        this.handler = handler;
        this.options = options;
    }

    private int slot() {
        return slot;
    }

    private int generation() {
        return generation;
    }

    private long userData(int op) {
        return UserData.of(op, 0, slot, generation);
    }

    /**
     * Takes over the fd on its loop: memory, buffer group (id {@code groupId}), GSO/GRO, the armed receive. On
     * failure everything made and the fd are closed, and it rethrows.
     */
    void attach(Datagrams owner, Ring ring, int slot, int generation, int groupId, LoopCounters counters) {
        this.owner = owner;
        this.ring = ring;
        this.slot = slot;
        this.generation = generation;
        counters.fdsOpened++;
        try {
            arena = Arena.ofShared();
            recv = new DatagramReceiver(ring, fd, groupId, options, stats, arena);
            boolean ipv6 = localAddress.getAddress() instanceof java.net.Inet6Address;
            sends = new DatagramSendQueue(fd, ipv6, options, options.gso() && DatagramSockets.hasGso(fd), stats);
            // A coalesced run can be 64 KiB: only with that much room per buffer, else GRO would cut datagrams.
            groOn = options.gro() && recv.payloadRoom() >= 65_535 && DatagramSockets.enableGro(fd);
        } catch (RuntimeException | Error e) {
            if (recv != null) {
                recv.unregister();
            }
            owner.retire(this);
            freeMemory();
            Sockets.close(fd);
            counters.fdsClosed++;
            state = CLOSED;
            finalCounters = stats.snapshot(0);
            throw e;
        }
        state = OPEN;
        recv.arm(userData(Op.DGRAM_RECV));
        recvArmed = true;
    }

    // ---------------------------------------------------------------- DatagramEndpoint

    @Override
    public boolean send(MemorySegment src, long offset, int length, DatagramAddress to) {
        checkLoop("send");
        if (state != OPEN) {
            stats.sendsRefused++;
            return false;
        }
        if (!sends.offer(src, offset, length, to)) {
            return false;
        }
        owner.dirty(slot);
        return true;
    }

    @Override
    public boolean isWritable() {
        checkLoop("isWritable");
        return state == OPEN && sends.isWritable();
    }

    @Override
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    @Override
    public DatagramCounters counters() {
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
        return done != null ? done : stats.snapshot(sends == null ? 0 : sends.queued());
    }

    @Override
    public void close() {
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

    /** Whether the kernel coalesces received datagrams on this socket (UDP_GRO is on). Loop thread. */
    boolean groOn() {
        return groOn;
    }

    /** Whether runs of datagrams go out with UDP_SEGMENT. Loop thread. */
    boolean gsoOn() {
        return sends != null && sends.gsoOn();
    }

    boolean isClosed() {
        return state == CLOSED;
    }

    // ---------------------------------------------------------------- loop side

    /** A completion of this endpoint's op (the dispatch found it by slot and generation). */
    void complete(int op, int aux, int result, int flags) {
        switch (op) {
            case Op.DGRAM_RECV -> received(result, flags);
            case Op.DGRAM_SEND -> sent(aux, result);
            case Op.DGRAM_CLOSE -> closed();
            default -> { }          // DGRAM_CANCEL: the receive it cancels reports the outcome
        }
    }

    private void received(int result, int flags) {
        if ((flags & F_MORE) == 0) {
            recvArmed = false;
        }
        int outcome = recv.received(result, flags, this);
        if (outcome == DatagramReceiver.IMPOSSIBLE) {
            stats.stale++;
        } else if (outcome == DatagramReceiver.FAILED && state == OPEN && !Errno.ECANCELED.is(result)) {
            UringException e = new UringException("recvmsg on UDP " + localAddress, result, null);
            notifyError(e);
            if (Errno.EINVAL.is(result) || Errno.EBADF.is(result)) {
                beginClose();           // not transient: re-arming would fail the same way
            }
        }
        if (!recvArmed) {
            if (state == OPEN) {
                owner.dirty(slot);      // re-armed at the end of the turn, after the buffers went back
            } else {
                maybeFinish();
            }
        }
    }

    private void sent(int aux, int result) {
        if (!sends.completed(aux, result)) {
            stats.stale++;
            return;
        }
        if (state == OPEN && sends.drainedAfterRefusal()) {
            try {
                handler.onWritable(this);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                handlerFailed(t);
            }
        }
        if (state == CLOSING) {
            maybeFinish();
        }
    }

    /**
     * End of the loop's turn: returned buffers to the kernel, queued datagrams to sendmsg SQEs, the receive
     * re-armed if it ended.
     *
     * @return whether there is work left for the next turn (more batches than may be in flight)
     */
    boolean flush() {
        if (state == NEW || state == CLOSED) {
            return false;
        }
        recv.publish();
        sends.flush(ring, sendUserData);
        if (!recvArmed && state == OPEN) {
            stats.recvRearms++;
            recv.arm(userData(Op.DGRAM_RECV));
            recvArmed = true;
        }
        return sends.hasUnsent();
    }

    /** One datagram for the handler (from {@link DatagramReceiver}). */
    void deliver(MemorySegment buffer, long offset, int length, DatagramAddress sender) {
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

    private void handlerFailed(Throwable t) {
        stats.handlerErrors++;
        notifyError(t);
    }

    private void notifyError(Throwable t) {
        try {
            handler.onError(this, t);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable again) {
            LoopLog.log(LOG, System.Logger.Level.WARNING, this + ": onError threw", again);
        }
    }

    /** Starts closing (loop thread): no more sends, the receive cancelled, the queue sent. */
    void beginClose() {
        if (state != OPEN) {
            return;
        }
        state = CLOSING;
        if (recvArmed) {
            ring.nextSqe().cancel(userData(Op.DGRAM_RECV), 0).userData(userData(Op.DGRAM_CANCEL));
        }
        owner.dirty(slot);              // what is queued goes out at the end of the turn
        maybeFinish();
    }

    private void maybeFinish() {
        if (state == CLOSING && !recvArmed && sends.inFlight() == 0 && !sends.hasUnsent() && !closeSubmitted) {
            closeSubmitted = true;
            ring.nextSqe().close(fd).userData(userData(Op.DGRAM_CLOSE));
        }
    }

    /** The fd's close completed: nothing of this endpoint is in the kernel any more. */
    private void closed() {
        recv.publish();
        recv.unregister();
        finish();
    }

    /** The loop failed: the fd is closed directly (the ring and its operations are going away). */
    void closeAbruptly() {
        if (state == OPEN || state == CLOSING) {
            Sockets.close(fd);
            sends.dropUnsent();
            finish();
        }
    }

    private void finish() {
        owner.fdClosed();
        finalCounters = stats.snapshot(0);
        state = CLOSED;
        owner.removed(slot, this);
        if (sends.inFlight() == 0) {
            freeMemory();               // else (abruptly closed) the loop frees it after its ring closed
        }
        try {
            handler.onClose(this);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            LoopLog.log(LOG, System.Logger.Level.WARNING, this + ": onClose threw", t);
        }
        binding.endpointClosed();
    }

    /** Frees the receive pool: only once the ring is closed (the kernel may hold one of its buffers until then). */
    void closeReceivePool() {
        if (recv != null) {
            recv.closePool();
        }
    }

    /** Frees the send queue and the msghdr memory (the receive pool waits for the ring: {@link Datagrams}). */
    void freeMemory() {
        if (sends != null) {
            sends.close();
        }
        if (arena != null && arena.scope().isAlive()) {
            arena.close();
        }
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
