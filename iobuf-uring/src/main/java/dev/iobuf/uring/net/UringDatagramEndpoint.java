package dev.iobuf.uring.net;

import static dev.iobuf.liburing.LibUring.IORING_CQE_F_MORE;

import dev.iobuf.liburing.Errno;
import dev.iobuf.uring.Ring;
import dev.iobuf.uring.UringException;
import dev.iobuf.uring.UserData;
import java.lang.foreign.Arena;
import java.net.InetSocketAddress;

/**
 * A {@link DatagramEndpoint} on an io_uring event loop: one UDP socket, its receive side
 * ({@link DatagramReceiver}: multishot recvmsg on its own buffer group) and its send queue
 * ({@link DatagramSendQueue}: sendmsg batches, GSO runs), found by the loop's dispatch through {@link Datagrams}
 * by slot and generation like a connection. What every transport shares (life, send, counters, handler calls) is
 * {@link LoopDatagramEndpoint}'s.
 *
 * <p>Life: made on the binding thread, {@link #attach attached} on its loop (native memory, buffer group,
 * receive armed), OPEN; {@link #close()} makes it CLOSING: the receive is cancelled, what is queued is sent, and
 * once no operation of it is in flight its fd is closed with IORING_OP_CLOSE; then CLOSED, {@code onClose}.
 */
final class UringDatagramEndpoint extends LoopDatagramEndpoint {
    private static final int F_MORE = IORING_CQE_F_MORE();

    private final int fd;
    private final Datagrams.UserDataOf sendUserData = aux -> UserData.of(Op.DGRAM_SEND, aux, slot(), generation());
    // loop thread only, from attach on
    private Ring ring;
    private int generation;
    private Arena arena;
    private DatagramReceiver recv;
    private DatagramSendQueue sends;
    private boolean recvArmed;
    private boolean closeSubmitted;
    private boolean groOn;

    UringDatagramEndpoint(EventLoop loop, DatagramBinding binding, int fd, InetSocketAddress localAddress,
                          DatagramHandler handler, DatagramOptions options) {
        super(loop, binding, localAddress, handler, options);
        this.fd = fd;
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

    @Override
    DatagramQueue queue() {
        return sends;
    }

    @Override
    void attach() {
        loop.datagrams().add(this);
    }

    @Override
    void abandon() {
        if (!isClosed()) {
            Sockets.close(fd);
        }
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
            sends = new DatagramSendQueue(fd, isIpv6(), options, options.gso() && DatagramSockets.hasGso(fd), stats);
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
            failedToAttach();
            throw e;
        }
        state = OPEN;
        recv.arm(userData(Op.DGRAM_RECV));
        recvArmed = true;
    }

    /** Whether the kernel coalesces received datagrams on this socket (UDP_GRO is on). Loop thread. */
    boolean groOn() {
        return groOn;
    }

    /** Whether runs of datagrams go out with UDP_SEGMENT. Loop thread. */
    boolean gsoOn() {
        return sends != null && sends.gsoOn();
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
            UringException e = UringException.ofCompletion("recvmsg on UDP " + localAddress(), result);
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
        maybeWritable();
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
    @Override
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

    /** Starts closing (loop thread): no more sends, the receive cancelled, the queue sent. */
    @Override
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
    @Override
    void closeAbruptly() {
        if (state == OPEN || state == CLOSING) {
            Sockets.close(fd);
            sends.dropUnsent();
            finish();
        }
    }

    private void finish() {
        if (sends.inFlight() == 0) {
            freeMemory();               // else (abruptly closed) the loop frees it after its ring closed
        }
        finished();
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
}
