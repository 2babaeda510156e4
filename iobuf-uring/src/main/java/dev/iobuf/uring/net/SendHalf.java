package dev.iobuf.uring.net;

import static dev.iobuf.liburing.LibUring.IORING_CQE_F_MORE;
import static dev.iobuf.liburing.LibUring.IORING_CQE_F_NOTIF;
import static dev.iobuf.liburing.LibUring.IORING_NOTIF_USAGE_ZC_COPIED;
import static dev.iobuf.liburing.LibUring.IORING_SEND_ZC_REPORT_USAGE;

import dev.iobuf.BufferPool;
import dev.iobuf.IoVec;
import dev.iobuf.liburing.Errno;
import dev.iobuf.uring.Ring;
import dev.iobuf.uring.Sqe;
import dev.iobuf.uring.UringException;
import dev.iobuf.uring.UserData;
import java.lang.foreign.MemorySegment;

/**
 * The sending side of a {@link Connection}: its bounded write queue, copying writes into the loop's
 * write buffers, one send (or gathered sendmsg, plain or zero-copy) in flight, short sends continued,
 * and the writability that {@code onWritable} reports. Built with the services it uses (the ring for
 * SQEs, the loop's write buffers and iovec scratch, its turn work and counters); loop thread only.
 */
sealed class SendHalf permits NioSendHalf {
    private static final int F_MORE = IORING_CQE_F_MORE();
    private static final int F_NOTIF = IORING_CQE_F_NOTIF();
    private static final int ZC_COPIED = IORING_NOTIF_USAGE_ZC_COPIED();
    private static final int ZC_FLAGS = IORING_SEND_ZC_REPORT_USAGE();

    final Connection c;
    final WriteQueue out;
    private final Ring ring;
    final WriteBuffers buffers;
    private final Scratch scratch;
    final TurnWork work;
    final LoopCounters counters;
    private final LoopConfig config;
    private final boolean zeroCopySupported;
    private final ZeroCopyTrace trace;
    private boolean wantWritable;
    /** {@link Connection#shutdownOutput()} was called; the FIN goes out once everything queued is sent. */
    boolean shutdownWanted;
    boolean shutdownSent;
    private long sendUserData;

    SendHalf(Connection c, ConnectionServices s) {
        this.c = c;
        this.ring = s.ring();
        this.buffers = s.writeBuffers();
        this.scratch = s.scratch();
        this.work = s.work();
        this.counters = s.counters();
        this.config = s.config();
        this.zeroCopySupported = s.zeroCopySupported();
        this.trace = s.config().zeroCopyTrace();
        this.out = new WriteQueue(buffers, config.writeQueueBuffers());
    }

    boolean outputShutdown() {
        return shutdownWanted;
    }

    /** {@link Connection#shutdownOutput()}: a FIN after what is queued (close_notify queued first over TLS). */
    void shutdownOutput() {
        if (shutdownWanted || c.state() != Connection.OPEN) {
            return;
        }
        if (c.receive().ended()) {
            c.close();                  // the peer ended already: both sides are done
            return;
        }
        if (c.tls() != null) {
            c.tls().closeOutbound();
        }
        shutdownWanted = true;
        maybeShutdown();
    }

    /** Sends the FIN once it is wanted and nothing queued is left (IORING_OP_SHUTDOWN, SHUT_WR). */
    void maybeShutdown() {
        if (shutdownWanted && !shutdownSent && out.allSent() && !out.sendInFlight() && c.state() == Connection.OPEN) {
            shutdownSent = true;
            ring.nextSqe().shutdown(c.fd(), Sockets.SHUT_WR).userData(c.userData(Op.CONN_CANCEL));
            c.inflight++;
        }
    }

    /** Whether no write was refused since the last {@code onWritable} and the queue is below the high-water mark. */
    boolean wantsWritable() {
        return wantWritable;
    }

    long unsentBytes() {
        return out.unsentBytes();
    }

    boolean allSent() {
        return out.allSent();
    }

    boolean canSend() {
        return out.canSend();
    }

    boolean inFlight() {
        return out.sendInFlight();
    }

    long inFlightUserData() {
        return sendUserData;
    }

    /** Bytes a copying write would accept now (plaintext on a TLS connection), given that the connection accepts writes. */
    int writableBytes() {
        TlsLink tls = c.tls();
        return tls == null ? wireRoom() : tls.plaintextRoom(wireRoom());
    }

    /** Bytes the queue takes now as they are (TLS records included). */
    private int wireRoom() {
        int size = buffers.bufferSize();
        long room = out.tailRoom(size) + (long) Math.min(out.freeEntries(), buffers.available()) * size;
        return (int) Math.min(room, Integer.MAX_VALUE);
    }

    /** Whether {@code length} bytes fit; if not, the connection asks to be told when they might. */
    boolean canQueue(int length) {
        TlsLink tls = c.tls();
        if (c.acceptsWrites() && (tls == null ? length <= wireRoom() : tls.fits(length, wireRoom()))) {
            return true;
        }
        becomeUnwritable();
        return false;
    }

    /** Refuses a range outside a {@code size}-byte source. */
    static void checkRange(long size, long offset, int length) {
        if (offset < 0 || length < 0 || offset > size - length) {
            throw new IllegalArgumentException("range [" + offset + ", " + offset + " + " + length + ") lies outside "
                    + "the " + size + "-byte source");
        }
    }

    /** Refuses a write longer than an int ({@code what}: how the message names the length). */
    static int checkLength(long length, String what) {
        if (length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a write takes at most 2^31-1 bytes, " + what + length);
        }
        return (int) length;
    }

    /** Refuses a zero-copy write of a buffer the caller does not hold, or a range outside it. */
    static void checkZeroCopy(BufferPool pool, int index, int offset, int length) {
        java.util.Objects.requireNonNull(pool, "pool");
        checkRange(pool.bufferSize(), offset, length);
        if (!pool.isAcquired(index)) {
            throw new IllegalStateException("buffer " + index + " of " + pool + " is not acquired: acquire it, fill it, "
                    + "then hand it over with writeZeroCopy");
        }
    }

    /** Queues a copy of the bytes (encrypted first on a TLS connection); the caller checked they fit. */
    void copyIn(MemorySegment src, long offset, int length) {
        TlsLink tls = c.tls();
        if (tls != null) {
            tls.write(src, offset, length);
        } else {
            queueCopy(src, null, offset, length);
        }
    }

    /** As {@link #copyIn(MemorySegment, long, int)} from a byte array. */
    void copyIn(byte[] src, int offset, int length) {
        TlsLink tls = c.tls();
        if (tls != null) {
            tls.write(src, offset, length);
        } else {
            queueCopy(null, src, offset, length);
        }
    }

    /** Queues a copy of every entry of {@code vec} in order; the caller checked they fit. */
    void copyIn(IoVec vec) {
        TlsLink tls = c.tls();
        if (tls != null) {
            tls.write(vec);
            return;
        }
        for (int i = 0; i < vec.count(); i++) {
            int length = (int) vec.length(i);
            if (length > 0) {
                queueCopy(vec.buffer(i), null, 0, length);
            }
        }
    }

    /** {@link Connection#writeSome}: queues what fits of {@code length} bytes in {@code room}; returns that. */
    int copySome(MemorySegment src, long offset, int length, int room) {
        int n = Math.min(length, room);
        if (n < length) {
            becomeUnwritable();
        }
        if (n > 0) {
            copyIn(src, offset, n);
        }
        return n;
    }

    // ---- Connection's public writes, here so the connection stays its life cycle: each checks the
    // ---- arguments first, then the thread, then the room (all or nothing)

    /** {@link Connection#write(MemorySegment, long, int)}. */
    boolean write(MemorySegment src, long offset, int length) {
        checkRange(src.byteSize(), offset, length);
        if (!admits(length)) {
            return false;
        }
        copyIn(src, offset, length);
        return true;
    }

    /** {@link Connection#write(byte[], int, int)}. */
    boolean write(byte[] src, int offset, int length) {
        checkRange(src.length, offset, length);
        if (!admits(length)) {
            return false;
        }
        copyIn(src, offset, length);
        return true;
    }

    /** {@link Connection#write(IoVec)}. */
    boolean write(IoVec vec) {
        int total = checkLength(vec.totalLength(), "the iovec holds ");
        if (!admits(total)) {
            return false;
        }
        copyIn(vec);
        return true;
    }

    /** {@link Connection#writeZeroCopy}. */
    boolean writeZeroCopy(BufferPool pool, int index, int offset, int length) {
        checkZeroCopy(pool, index, offset, length);
        c.checkLoop();
        return c.acceptsWrites() && queueZeroCopy(pool, index, offset, length);
    }

    /** On the loop thread only: whether {@code length} bytes fit (if not, the connection asks to be told when). */
    private boolean admits(int length) {
        c.checkLoop();
        return canQueue(length);
    }

    /** Queues a TLS record from {@code src}; false (nothing queued) when it does not fit. */
    boolean queueRecord(MemorySegment src, int length) {
        if (length > wireRoom()) {
            return false;
        }
        queueCopy(src, null, 0, length);
        return true;
    }

    /**
     * Copies {@code length} bytes from {@code seg}, or from {@code arr} when {@code seg} is null: into the
     * room left in the last write buffer, then into as many new ones as it takes (the caller checked they fit).
     */
    private void queueCopy(MemorySegment seg, byte[] arr, long offset, int length) {
        int size = buffers.bufferSize();
        int done = Math.min(out.tailRoom(size), length);
        if (done > 0) {
            if (seg != null) {
                out.appendToTail(seg, offset, done);
            } else {
                out.appendToTail(arr, (int) offset, done);
            }
        }
        while (done < length) {
            int n = Math.min(size, length - done);
            if (seg != null) {
                out.appendCopy(buffers.take(), seg, offset + done, n);
            } else {
                out.appendCopy(buffers.take(), arr, (int) offset + done, n);
            }
            done += n;
        }
        afterWrite(length);
    }

    /** Queues a caller's pool buffer for a zero-copy send; false (nothing queued) when the queue is full. */
    boolean queueZeroCopy(BufferPool pool, int index, int offset, int length) {
        if (c.tls() != null) {
            // TLS encrypts into write buffers anyway: the caller's buffer is read once and goes back at once.
            if (!canQueue(length)) {
                return false;
            }
            c.tls().write(pool.value(index), offset, length);
            pool.release(index);
            return true;
        }
        if (out.freeEntries() == 0) {
            becomeUnwritable();
            return false;
        }
        out.appendZeroCopy(pool, index, offset, length);
        afterWrite(length);
        return true;
    }

    private void afterWrite(int bytes) {
        counters.queuedWriteBytes += bytes;
        work.markDirty(c);
        if (out.held() >= config.highWater()) {
            becomeUnwritable();
        }
    }

    /** Past the high-water mark or refused: tell the handler when the queue drains; pause reading meanwhile. */
    void becomeUnwritable() {
        if (!c.acceptsWrites()) {
            return;
        }
        if (!wantWritable) {
            wantWritable = true;
            work.awaitWritable(c);
        }
        if (config.pauseReadingWhenUnwritable()) {
            c.receive().pause(ReceiveHalf.FOR_WRITING);
        }
    }

    /** Whether a connection waiting to write may be told it can: at or below the low-water mark, buffers free. */
    boolean drained() {
        return out.held() <= config.lowWater() && buffers.available() > 0;
    }

    /** The loop found the queue drained: resume reading if paused for writing, then tell the handler. */
    void notifyWritable() {
        wantWritable = false;
        c.receive().resume(ReceiveHalf.FOR_WRITING);
        if (c.state() == Connection.OPEN) {
            try {
                c.handler().onWritable(c);
            } catch (Throwable t) {
                c.handlerFailed("onWritable", t);
            }
        }
    }

    /** Starts a send of what is queued, if nothing is in flight (the loop calls this once per turn). */
    void flush() {
        int s = c.state();
        if (!Connection.sends(s) || !out.canSend()) {
            return;
        }
        int first = out.sendPosition();
        int n = out.batch(Scratch.MAX_IOV);
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            bytes += out.length(first + i);
        }
        int threshold = config.zeroCopyThreshold();
        boolean zc = zeroCopySupported && (out.isZeroCopy(first) || (threshold > 0 && bytes >= threshold));
        Sqe sqe = ring.nextSqe();
        int fd = c.fd();
        if (n == 1) {
            long addr = out.address(first);
            int len = out.length(first);
            if (zc) {
                sqe.sendZcUnsafe(fd, addr, len, Sockets.MSG_NOSIGNAL, ZC_FLAGS);
            } else {
                sqe.sendUnsafe(fd, addr, len, Sockets.MSG_NOSIGNAL);
            }
        } else {
            for (int i = 0; i < n; i++) {
                scratch.iov(c.slot, i, out.address(first + i), out.length(first + i));
            }
            long msghdr = scratch.msghdr(c.slot, n);
            if (zc) {
                sqe.sendmsgZcUnsafe(fd, msghdr, Sockets.MSG_NOSIGNAL, ZC_FLAGS);
            } else {
                sqe.sendmsgUnsafe(fd, msghdr, Sockets.MSG_NOSIGNAL);
            }
        }
        sendUserData = UserData.of(zc ? Op.SEND_ZC : Op.SEND, first, c.slot, c.generation);
        sqe.userData(sendUserData);
        out.startSend(n);
        if (zc) {
            out.expectNotification(first, n);
            counters.zeroCopyPending++;
            counters.zeroCopySends++;
        }
        c.inflight++;
    }

    /**
     * A SEND / SEND_ZC completion (the result, or a zero-copy notification); {@code aux}: its first position.
     *
     * @return false, having changed nothing, for a completion no correct kernel posts: a result with no send
     *         in flight or more bytes than it held, a notification no batch awaits
     */
    boolean onSend(int op, int aux, int result, int flags) {
        boolean zc = op == Op.SEND_ZC;
        boolean notification = zc && (flags & F_NOTIF) != 0;
        if (notification ? !out.awaitsNotification(aux)
                : !out.sendInFlight() || (result >= 0 && !out.canHaveSent(result))) {
            return false;
        }
        if ((flags & F_MORE) == 0) {
            c.inflight--;
        }
        if (notification) {
            out.notified(aux);
            counters.zeroCopyPending--;
            if ((result & ZC_COPIED) != 0) {
                counters.zeroCopyCopied++;
            }
            out.releaseSent();
            if (trace != null) {
                trace.afterNotification(c);
            }
            return true;
        }
        if (zc && (flags & F_MORE) == 0) {
            out.notified(aux);      // no notification will come (the send failed)
            counters.zeroCopyPending--;
        }
        if (result >= 0) {
            out.sent(result);
            counters.bytesSent += result;
            counters.queuedWriteBytes -= result;
            work.touch(c);   // no state test: the first close with a send in flight would deopt this method (TurnWork)
        } else {
            out.sendFailed();
            if (!Errno.ECANCELED.is(result) && c.state() < Connection.CLOSING) {
                c.fail(UringException.ofCompletion("send(fd=" + c.fd() + ")", result));
            }
        }
        out.releaseSent();
        if (zc && trace != null) {
            trace.afterResult(c, result, (flags & F_MORE) != 0);
        }
        int s = c.state();
        if (out.canSend() && Connection.sends(s)) {
            work.markDirty(c);
        }
        if (s == Connection.DRAINING && out.allSent()) {
            c.closeNow();
        }
        maybeShutdown();
        return true;
    }

    /** The fd is closed: every write buffer goes back; returns the bytes that were never sent. */
    long releaseAll() {
        long unsent = out.unsentBytes();
        counters.queuedWriteBytes -= unsent;
        out.releaseAll();
        return unsent;
    }
}
