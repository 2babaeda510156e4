package dev.iobuf.uring.net;

import static dev.iobuf.liburing.LibUring.IORING_CQE_F_MORE;
import static dev.iobuf.liburing.LibUring.IORING_CQE_F_NOTIF;
import static dev.iobuf.liburing.LibUring.IORING_NOTIF_USAGE_ZC_COPIED;
import static dev.iobuf.liburing.LibUring.IORING_SEND_ZC_REPORT_USAGE;

import dev.iobuf.BufferPool;
import dev.iobuf.IoVec;
import dev.iobuf.liburing.Errno;
import dev.iobuf.uring.Sqe;
import dev.iobuf.uring.UringException;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One TCP connection of an {@link EventLoop}, accepted by a {@link Listener} or made by
 * {@link EventLoopGroup#connect}. Its handler's callbacks and every method here that changes it run on
 * the loop's thread; from another thread use {@link #execute(Consumer)}, {@link #close()} or
 * {@link #abort()} (those hand over to the loop). Calling a loop-only method from another thread throws
 * {@link IllegalStateException}. A Connection object is never reused: after {@code onClose} it stays
 * closed (writes return {@code false}).
 *
 * <h2>Writing</h2>
 * {@link #write} copies the bytes into the loop's write buffers (appending to the last buffer while it
 * has room) and returns at once; the loop sends what was written during one turn with one send (one
 * buffer) or one sendmsg (several, gathered) at the end of the turn, one send in flight per connection,
 * short sends continued. The queue is bounded ({@code writeQueueBuffers} per connection, and the loop's
 * shared write buffers):
 * <ul>
 *   <li>{@code write} is all-or-nothing: {@code false} means nothing was queued (queue or write buffers
 *       full, or the connection closing); {@link #writeSome} takes what fits.</li>
 *   <li>Past the high-water mark (half the queue) or after a refused write, {@link #isWritable()} is false,
 *       reading pauses (unless the group was built with {@code pauseReadingWhenUnwritable(false)}), and
 *       {@link ConnectionHandler#onWritable} fires once the queue is down to a quarter; reading resumes
 *       then. With reading paused no {@code onData} arrives, so a handler that answers each receive with
 *       a bounded write (an echo, a request/response protocol) never sees a refused write.</li>
 * </ul>
 * {@link #write(IoVec)} copies several buffers in order (a header and a body: one gathered send).
 * {@link #writeZeroCopy} sends the caller's pool buffer with IORING_OP_SEND_ZC and gives it back to its
 * pool only after the kernel's notification that it no longer reads it.
 *
 * <h2>Reading</h2>
 * One multishot receive per connection (re-armed when it ends), from the loop's provided-buffer ring.
 * {@code onData} gets the pool's segment of the buffer, an offset and a length: nothing allocated per
 * receive. The buffer returns to the kernel when {@code onData} returns unless {@link #retain()} was called.
 * {@link #pauseReading()} stops delivery (data already received waits in its buffers) until
 * {@link #resumeReading()}.
 *
 * <h2>Closing</h2>
 * {@link #close()} sends what is queued, then closes; {@link #abort()} drops it. Either way the
 * receive and any send in flight are cancelled, the fd is closed with IORING_OP_CLOSE after the last of
 * the connection's operations completed, every buffer goes back, and {@code onClose} runs.
 */
public final class Connection {
    static final int CONNECTING = 0;
    static final int OPEN = 1;
    static final int DRAINING = 2;
    static final int CLOSING = 3;
    static final int CLOSING_FD = 4;
    static final int CLOSED = 5;
    private static final int EOF_MARK = -1;
    private static final int F_MORE = IORING_CQE_F_MORE();
    private static final int F_NOTIF = IORING_CQE_F_NOTIF();
    private static final int ZC_COPIED = IORING_NOTIF_USAGE_ZC_COPIED();
    private static final int ZC_FLAGS = IORING_SEND_ZC_REPORT_USAGE();
    private static final System.Logger LOG = System.getLogger(Connection.class.getName());

    private final EventLoop loop;
    private final int fd;
    private final ConnectionHandler handler;
    private final boolean client;
    final WriteQueue out;
    int slot;
    int generation;
    private volatile int state;
    private CloseReason reason;
    private Throwable failure;
    private boolean opened;
    /** Operations submitted whose last completion has not arrived (the fd is closed when this is 0). */
    int inflight;

    // ---- receiving
    private boolean recvArmed;
    private boolean recvCancelling;
    private int recvArms;
    private boolean eof;
    boolean starved;
    private boolean userPaused;
    private boolean autoPaused;
    boolean resumeScheduled;
    private IntQueue pending;
    private int currentBid = -1;
    private boolean currentRetained;

    // ---- sending
    boolean dirty;
    boolean wantWritable;
    private long sendUserData;
    private boolean shutdownTried;

    // ---- client
    private boolean connectPending;
    private InetSocketAddress remote;
    private CompletableFuture<Connection> connectFuture;

    // ---- intrusive lists of the loop (idle order, writable waiters, resumed, starved)
    Connection idlePrev;
    Connection idleNext;
    boolean inIdleList;
    long lastActivity;
    Connection waiterPrev;
    Connection waiterNext;
    boolean waiting;
    Connection resumeNext;
    Connection starvedNext;

    private Object attachment;

    /** Observes zero-copy completions after they were processed (tests prove buffer ownership with it). */
    interface ZeroCopyTrace {
        /** A SEND_ZC result was processed; {@code more}: a notification follows. */
        void afterResult(Connection c, int result, boolean more);

        /** A zero-copy notification was processed (its buffers released if nothing else holds them). */
        void afterNotification(Connection c);
    }

    /** Set by tests only; read on the zero-copy path alone. */
    static volatile ZeroCopyTrace zeroCopyTrace;

    Connection(EventLoop loop, int fd, ConnectionHandler handler, boolean client, WriteQueue out) {
        this.loop = loop;
        this.fd = fd;
        this.handler = handler;
        this.client = client;
        this.out = out;
        this.state = client ? CONNECTING : OPEN;
    }

    // ================================================================ public API

    /** The loop this connection lives on (its callbacks run on that loop's thread). */
    public EventLoop loop() {
        return loop;
    }

    /** Whether the connection is open: not connecting, not closing, not closed. Any thread. */
    public boolean isOpen() {
        return state == OPEN;
    }

    /** Whether {@code onClose} has run (the fd is closed). Any thread. */
    public boolean isClosed() {
        return state == CLOSED;
    }

    /** Whether this side connected ({@link EventLoopGroup#connect}) rather than accepted. */
    public boolean isClient() {
        return client;
    }

    /** The socket fd (for diagnostics and socket options; do not read, write or close it). */
    public int fd() {
        return fd;
    }

    /** Why the connection closed or is closing, or {@code null} while open. */
    public CloseReason closeReason() {
        return reason;
    }

    /** The error that closed the connection ({@link CloseReason#ERROR}), or {@code null}. */
    public Throwable failure() {
        return failure;
    }

    /** The local address (a getsockname call), or {@code null} once closed. */
    public InetSocketAddress localAddress() {
        return state == CLOSED ? null : Sockets.localAddress(fd);
    }

    /** The peer's address (a getpeername call), or {@code null} once closed or before connected. */
    public InetSocketAddress remoteAddress() {
        return state == CLOSED ? null : Sockets.remoteAddress(fd);
    }

    /** The object attached with {@link #attach}, or {@code null}. Loop thread. */
    public Object attachment() {
        return attachment;
    }

    /** Attaches per-connection state (a parser, a session). Loop thread. */
    public void attach(Object value) {
        this.attachment = value;
    }

    /**
     * Queues {@code length} bytes of {@code src} from {@code offset}, copied; all or nothing. Loop thread.
     *
     * @return true if all were queued; false if none was: the queue or the loop's write buffers are full
     *         ({@link ConnectionHandler#onWritable} follows when they drain), or the connection is closing
     * @throws IllegalArgumentException if the range lies outside {@code src}
     */
    public boolean write(MemorySegment src, long offset, int length) {
        checkRange(src.byteSize(), offset, length);
        if (!canQueue(length)) {
            return false;
        }
        copyIn(src, offset, length);
        return true;
    }

    /** Queues all of {@code src}, copied; see {@link #write(MemorySegment, long, int)}. */
    public boolean write(MemorySegment src) {
        if (src.byteSize() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a write takes at most 2^31-1 bytes, got " + src.byteSize());
        }
        return write(src, 0, (int) src.byteSize());
    }

    /** Queues {@code length} bytes of {@code src} from {@code offset}, copied; see {@link #write(MemorySegment, long, int)}. */
    public boolean write(byte[] src, int offset, int length) {
        checkRange(src.length, offset, length);
        if (!canQueue(length)) {
            return false;
        }
        copyIn(src, offset, length);
        return true;
    }

    /** Queues all of {@code src}, copied; see {@link #write(MemorySegment, long, int)}. */
    public boolean write(byte[] src) {
        return write(src, 0, src.length);
    }

    /**
     * Queues the bytes of every entry of {@code vec} ({@code iov_len} bytes of each buffer, in order), copied;
     * all or nothing. A gathered write: a header and a body from different buffers go out in one send.
     * Loop thread.
     *
     * @return true if all were queued; false if none was (see {@link #write(MemorySegment, long, int)})
     */
    public boolean write(IoVec vec) {
        long total = vec.totalLength();
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a write takes at most 2^31-1 bytes, the iovec holds " + total);
        }
        if (!canQueue((int) total)) {
            return false;
        }
        for (int i = 0; i < vec.count(); i++) {
            int length = (int) vec.length(i);
            if (length > 0) {
                copyIn(vec.buffer(i), 0, length);
            }
        }
        return true;
    }

    /**
     * Queues as many of the {@code length} bytes as fit now (copied). Loop thread.
     *
     * @return bytes queued (0 when closing or full; {@link ConnectionHandler#onWritable} then follows)
     */
    public int writeSome(MemorySegment src, long offset, int length) {
        checkRange(src.byteSize(), offset, length);
        int n = Math.min(length, writableBytes());
        if (n < length) {
            becomeUnwritable();
        }
        if (n > 0) {
            copyIn(src, offset, n);
        }
        return n;
    }

    /**
     * Queues bytes {@code [offset, offset + length)} of buffer {@code index} of {@code pool} for a zero-copy
     * send (IORING_OP_SEND_ZC), taking ownership of the buffer: the caller must have acquired it and must
     * not touch it afterwards; the loop gives it back to {@code pool} once the kernel's notification says
     * the network stack no longer reads it (not merely when the send completes). On a kernel without
     * SEND_ZC the data goes out with a plain send and the buffer is given back after that. Loop thread.
     *
     * @return true if queued (ownership moved); false if not (the caller keeps the buffer): queue full or closing
     * @throws IllegalArgumentException if the range lies outside the buffer
     * @throws IllegalStateException if the buffer is not acquired from {@code pool}
     */
    public boolean writeZeroCopy(BufferPool pool, int index, int offset, int length) {
        Objects.requireNonNull(pool, "pool");
        checkRange(pool.bufferSize(), offset, length);
        if (!pool.isAcquired(index)) {
            throw new IllegalStateException("buffer " + index + " of " + pool + " is not acquired: acquire it, fill it, "
                    + "then hand it over with writeZeroCopy");
        }
        checkLoop();
        if (!acceptsWrites() || out.freeEntries() == 0) {
            becomeUnwritable();
            return false;
        }
        out.appendZeroCopy(pool, index, offset, length);
        afterWrite(length);
        return true;
    }

    /**
     * Bytes {@link #write} would accept right now (0 while connecting is not the case: writes before the
     * connection opens are queued and sent once it does). Loop thread.
     */
    public int writableBytes() {
        checkLoop();
        if (!acceptsWrites()) {
            return 0;
        }
        WriteBuffers buffers = loop.writeBuffers();
        int size = buffers.bufferSize();
        long room = out.tailRoom(size) + (long) Math.min(out.freeEntries(), buffers.available()) * size;
        return (int) Math.min(room, Integer.MAX_VALUE);
    }

    /**
     * Whether writing is welcome: open (or connecting), below the high-water mark, and no write refused
     * since the last {@link ConnectionHandler#onWritable}. Any thread (a racy read from others).
     */
    public boolean isWritable() {
        int s = state;
        return (s == OPEN || s == CONNECTING) && !wantWritable;
    }

    /** Bytes queued and not yet acknowledged by a send completion. Loop thread. */
    public long queuedBytes() {
        checkLoop();
        return out.unsentBytes();
    }

    /**
     * Keeps the buffer of the {@code onData} call in progress after it returns: it stays out of the
     * receive ring (and its bytes valid) until {@link EventLoop#release(long)} of the returned handle;
     * {@link EventLoop#retainedBuffer(long)} gives the segment back. Calling it again in the same
     * {@code onData} returns the same handle. Retained buffers are lent by the loop's ring: a handler that
     * keeps many makes receives wait for buffers ({@code -ENOBUFS}, recovered once released). Loop thread.
     *
     * @throws IllegalStateException outside {@code onData}
     */
    public long retain() {
        checkLoop();
        if (currentBid < 0) {
            throw new IllegalStateException("retain() keeps the buffer of the onData call in progress: call it "
                    + "inside onData");
        }
        currentRetained = true;
        return loop.recvBuffers().retain(currentBid);
    }

    /**
     * Stops delivering received data: no {@code onData} until {@link #resumeReading()}. The receive is
     * cancelled so the kernel stops taking buffers for this connection; data that arrives before the
     * cancellation waits in its buffers and is delivered, in order, after resuming. Loop thread.
     */
    public void pauseReading() {
        checkLoop();
        if (!userPaused) {
            userPaused = true;
            applyPause();
        }
    }

    /** Undoes {@link #pauseReading()} (reading stays paused while the connection is not writable, if automatic). */
    public void resumeReading() {
        checkLoop();
        if (userPaused) {
            userPaused = false;
            applyResume();
        }
    }

    /** Whether delivery is paused, by {@link #pauseReading()} or automatically while not writable. */
    public boolean isReadingPaused() {
        return userPaused || autoPaused;
    }

    /**
     * Closes after sending what is queued (then cancels the receive, closes the fd, calls {@code onClose}).
     * Any thread; idempotent. A peer that never reads keeps it draining until {@link #abort()}, the idle
     * timeout, or the group's shutdown deadline.
     */
    public void close() {
        closeFromAnyThread(true);
    }

    /** Closes now, dropping what is queued. Any thread; idempotent. */
    public void abort() {
        closeFromAnyThread(false);
    }

    private void closeFromAnyThread(boolean graceful) {
        if (loop.inEventLoop()) {
            beginClose(CloseReason.LOCAL, graceful);
        } else if (state < CLOSING) {
            try {
                loop.execute(() -> beginClose(CloseReason.LOCAL, graceful));
            } catch (java.util.concurrent.RejectedExecutionException terminated) {
                // the loop has ended: it closed every connection on its way out
            }
        }
    }

    /**
     * Runs {@code task} with this connection on its loop, unless the connection is closed by then: the
     * way to write from another thread ({@code c.execute(x -> x.write(bytes))}). Any thread; allocates one
     * queue node.
     *
     * @throws java.util.concurrent.RejectedExecutionException if the loop has terminated
     */
    public void execute(Consumer<? super Connection> task) {
        Objects.requireNonNull(task, "task");
        loop.execute(() -> {
            if (state < CLOSING) {
                task.accept(this);
            }
        });
    }

    @Override
    public String toString() {
        return "Connection[fd=" + fd + ", loop=" + loop.index() + ", " + stateName() + (client ? ", client" : "")
                + (reason != null ? ", " + reason : "") + "]";
    }

    private String stateName() {
        return switch (state) {
            case CONNECTING -> "connecting";
            case OPEN -> "open";
            case DRAINING -> "draining";
            case CLOSING, CLOSING_FD -> "closing";
            default -> "closed";
        };
    }

    // ================================================================ writing

    private void checkLoop() {
        if (!loop.inEventLoop()) {
            throw new IllegalStateException("this Connection method runs on its loop's thread (" + loop.threadName()
                    + "), not on " + Thread.currentThread().getName() + ": use connection.execute(c -> ...)");
        }
    }

    private static void checkRange(long size, long offset, int length) {
        if (offset < 0 || length < 0 || offset > size - length) {
            throw new IllegalArgumentException("range [" + offset + ", " + offset + " + " + length + ") lies outside "
                    + "the " + size + "-byte source");
        }
    }

    private boolean acceptsWrites() {
        int s = state;
        return s == OPEN || s == CONNECTING;
    }

    /** Whether {@code length} bytes fit; if not, the connection asks to be told when they might. */
    private boolean canQueue(int length) {
        checkLoop();
        if (length <= writableBytes()) {
            return true;
        }
        becomeUnwritable();
        return false;
    }

    private void copyIn(MemorySegment src, long offset, int length) {
        WriteBuffers buffers = loop.writeBuffers();
        int size = buffers.bufferSize();
        int total = length;
        int room = out.tailRoom(size);
        if (room > 0) {
            int n = Math.min(room, length);
            out.appendToTail(src, offset, n);
            offset += n;
            length -= n;
        }
        while (length > 0) {
            int n = Math.min(size, length);
            out.appendCopy(buffers.take(), src, offset, n);
            offset += n;
            length -= n;
        }
        afterWrite(total);
    }

    private void copyIn(byte[] src, int offset, int length) {
        WriteBuffers buffers = loop.writeBuffers();
        int size = buffers.bufferSize();
        int total = length;
        int room = out.tailRoom(size);
        if (room > 0) {
            int n = Math.min(room, length);
            out.appendToTail(src, offset, n);
            offset += n;
            length -= n;
        }
        while (length > 0) {
            int n = Math.min(size, length);
            out.appendCopy(buffers.take(), src, offset, n);
            offset += n;
            length -= n;
        }
        afterWrite(total);
    }

    private void afterWrite(int bytes) {
        loop.stats().queuedWriteBytes += bytes;
        loop.markDirty(this);
        if (out.held() >= loop.config().highWater()) {
            becomeUnwritable();
        }
    }

    /** Past the high-water mark or refused: tell the handler when the queue drains; pause reading meanwhile. */
    private void becomeUnwritable() {
        if (!wantWritable && acceptsWrites()) {
            wantWritable = true;
            loop.addWaiter(this);
        }
        if (loop.config().pauseReadingWhenUnwritable() && !autoPaused && acceptsWrites()) {
            autoPaused = true;
            applyPause();
        }
    }

    /** Whether a connection waiting to write may be told it can: at or below the low-water mark, buffers free. */
    boolean drained() {
        return out.held() <= loop.config().lowWater() && loop.writeBuffers().available() > 0;
    }

    /** The loop found the queue drained: resume reading if paused for writing, then tell the handler. */
    void notifyWritable() {
        wantWritable = false;
        if (autoPaused) {
            autoPaused = false;
            applyResume();
        }
        if (state == OPEN) {
            try {
                handler.onWritable(this);
            } catch (Throwable t) {
                handlerFailed("onWritable", t);
            }
        }
    }

    /** Starts a send of what is queued, if nothing is in flight (the loop calls this once per turn). */
    void flush() {
        dirty = false;
        int s = state;
        if ((s != OPEN && s != DRAINING) || !out.canSend()) {
            return;
        }
        int first = out.sendPosition();
        int n = out.batch(Scratch.MAX_IOV);
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            bytes += out.length(first + i);
        }
        int threshold = loop.config().zeroCopyThreshold();
        boolean zc = loop.zeroCopySupported() && (out.isZeroCopy(first) || (threshold > 0 && bytes >= threshold));
        Sqe sqe = loop.sqe();
        if (n == 1) {
            long addr = out.address(first);
            int len = out.length(first);
            if (zc) {
                sqe.sendZcUnsafe(fd, addr, len, Sockets.MSG_NOSIGNAL, ZC_FLAGS);
            } else {
                sqe.sendUnsafe(fd, addr, len, Sockets.MSG_NOSIGNAL);
            }
        } else {
            Scratch scratch = loop.scratch();
            for (int i = 0; i < n; i++) {
                scratch.iov(slot, i, out.address(first + i), out.length(first + i));
            }
            long msghdr = scratch.msghdr(slot, n);
            if (zc) {
                sqe.sendmsgZcUnsafe(fd, msghdr, Sockets.MSG_NOSIGNAL, ZC_FLAGS);
            } else {
                sqe.sendmsgUnsafe(fd, msghdr, Sockets.MSG_NOSIGNAL);
            }
        }
        sendUserData = UserData.of(zc ? UserData.SEND_ZC : UserData.SEND, first, slot, generation);
        sqe.userData(sendUserData);
        out.startSend(n);
        if (zc) {
            out.expectNotification(first, n);
            loop.stats().zeroCopyPending++;
            loop.stats().zeroCopySends++;
        }
        inflight++;
    }

    /** A SEND / SEND_ZC completion (the result, or a zero-copy notification). */
    void onSend(long userData, int result, int flags) {
        LoopCounters counters = loop.stats();
        if ((flags & F_MORE) == 0) {
            inflight--;
        }
        boolean zc = UserData.op(userData) == UserData.SEND_ZC;
        if (zc && (flags & F_NOTIF) != 0) {
            out.notified(UserData.aux(userData));
            counters.zeroCopyPending--;
            if ((result & ZC_COPIED) != 0) {
                counters.zeroCopyCopied++;
            }
            out.releaseSent();
            ZeroCopyTrace trace = zeroCopyTrace;
            if (trace != null) {
                trace.afterNotification(this);
            }
            afterCompletion();
            return;
        }
        if (zc && (flags & F_MORE) == 0) {
            out.notified(UserData.aux(userData));      // no notification will come (the send failed)
            counters.zeroCopyPending--;
        }
        if (result >= 0) {
            out.sent(result);
            counters.bytesSent += result;
            counters.queuedWriteBytes -= result;
            if (state == OPEN) {
                loop.touch(this);
            }
        } else {
            out.sendFailed();
            if (!Errno.ECANCELED.is(result) && state < CLOSING) {
                fail(new UringException("send(fd=" + fd + ")", result, null));
            }
        }
        out.releaseSent();
        if (zc) {
            ZeroCopyTrace trace = zeroCopyTrace;
            if (trace != null) {
                trace.afterResult(this, result, (flags & F_MORE) != 0);
            }
        }
        if (out.canSend() && (state == OPEN || state == DRAINING)) {
            loop.markDirty(this);
        }
        if (state == DRAINING && out.allSent()) {
            closeNow();
        }
        afterCompletion();
    }

    // ================================================================ reading

    private boolean paused() {
        return userPaused || autoPaused;
    }

    /** Arms the (multishot) receive. */
    void armRecv() {
        if (recvArms++ > 0) {
            loop.stats().recvRearms++;
        }
        loop.armRecv(fd, UserData.of(UserData.RECV, 0, slot, generation));
        recvArmed = true;
        inflight++;
    }

    /** Arms the receive again if it is wanted and possible. */
    void maybeArmRecv() {
        if (state == OPEN && !recvArmed && !paused() && !eof && !starved && (pending == null || pending.isEmpty())) {
            armRecv();
        }
    }

    private void applyPause() {
        if (recvArmed && !recvCancelling) {
            cancel(UserData.of(UserData.RECV, 0, slot, generation));
            recvCancelling = true;
        }
    }

    private void applyResume() {
        if (!paused() && state == OPEN) {
            loop.scheduleResume(this);
        }
    }

    /** The loop's turn for a resumed connection: delivers what waited, then receives again. */
    void resume() {
        resumeScheduled = false;
        RecvBuffers buffers = loop.recvBuffers();
        while (pending != null && !pending.isEmpty() && state == OPEN && !paused()) {
            int bid = pending.poll();
            if (bid == EOF_MARK) {
                peerClosed();
            } else {
                deliver(buffers, bid);
            }
        }
        maybeArmRecv();
    }

    /** A RECV completion (several buffers when it is a bundle). */
    void onRecv(int result, int flags) {
        RecvBuffers buffers = loop.recvBuffers();
        if ((flags & F_MORE) == 0) {
            recvArmed = false;
            recvCancelling = false;
            inflight--;
        }
        int n = buffers.select(result, flags);
        if (result > 0) {
            loop.stats().bytesReceived += result;
            loop.stats().recvCompletions++;
            for (int i = 0; i < n; i++) {
                int bid = buffers.selected(i);
                if (state != OPEN) {
                    buffers.recycle(bid);             // closing: nobody reads any more
                } else if (paused() || (pending != null && !pending.isEmpty())) {
                    pend(bid);
                } else {
                    deliver(buffers, bid);
                }
            }
            if (state == OPEN) {
                loop.touch(this);
            }
        } else {
            for (int i = 0; i < n; i++) {
                buffers.recycle(buffers.selected(i));
            }
            if (result == 0) {
                eof = true;
                if (state == OPEN) {
                    if (paused() || (pending != null && !pending.isEmpty())) {
                        pend(EOF_MARK);
                    } else {
                        peerClosed();
                    }
                }
            } else if (Errno.ENOBUFS.is(result)) {
                loop.stats().recvNoBuffers++;
                if (state == OPEN && !starved) {
                    starved = true;
                    loop.starve(this);
                }
            } else if (Errno.EINVAL.is(result) && loop.recvFallback()) {
                // the kernel refused a receive flag (bundles before 6.10, multishot before 6.0): armed again without it
            } else if (!Errno.ECANCELED.is(result) && state < CLOSING) {
                fail(new UringException("recv(fd=" + fd + ")", result, null));
            }
        }
        if (!recvArmed) {
            maybeArmRecv();
        }
        afterCompletion();
    }

    private void pend(int bid) {
        if (pending == null) {
            pending = new IntQueue();
        }
        pending.add(bid);
    }

    private void deliver(RecvBuffers buffers, int bid) {
        MemorySegment buffer = buffers.take(bid);
        currentBid = bid;
        currentRetained = false;
        try {
            handler.onData(this, buffer, buffers.offset(bid), buffers.length(bid));
        } catch (Throwable t) {
            handlerFailed("onData", t);
        } finally {
            currentBid = -1;
            if (!currentRetained) {
                buffers.recycle(bid);
            }
        }
    }

    private void dropPending() {
        if (pending == null) {
            return;
        }
        RecvBuffers buffers = loop.recvBuffers();
        while (!pending.isEmpty()) {
            int bid = pending.poll();
            if (bid != EOF_MARK) {
                buffers.recycle(bid);
            }
        }
    }

    /** Buffers were published: try receiving again (called for connections that got -ENOBUFS). */
    void unstarve() {
        starved = false;
        maybeArmRecv();
    }

    private void peerClosed() {
        beginClose(CloseReason.PEER, true);
    }

    // ================================================================ open / connect

    /** The connection is established: tell the handler, start receiving, send what was written early. */
    void open() {
        state = OPEN;
        opened = true;
        loop.opened(this);
        try {
            handler.onOpen(this);
        } catch (Throwable t) {
            handlerFailed("onOpen", t);
        }
        maybeArmRecv();
        if (out.canSend()) {
            loop.markDirty(this);
        }
    }

    void startConnect(InetSocketAddress address, CompletableFuture<Connection> future, long timeoutNanos) {
        this.remote = address;
        this.connectFuture = future;
        MemorySegment sockaddr = loop.scratch().sockaddr(slot);
        int length = SocketAddresses.encode(address, sockaddr);
        Sqe sqe = loop.sqe().connectUnsafe(fd, sockaddr.address(), length).userData(UserData.of(UserData.CONNECT, 0, slot, generation));
        connectPending = true;
        inflight++;
        if (timeoutNanos > 0) {
            sqe.link();
            loop.sqe().linkTimeoutNanos(timeoutNanos, 0).userData(UserData.of(UserData.CONNECT_TIMEOUT, 0, slot, generation));
            inflight++;
        }
    }

    void onConnect(int result) {
        inflight--;
        connectPending = false;
        if (state == CONNECTING) {
            if (result == 0) {
                loop.stats().connected++;
                open();
                connectFuture.complete(this);
            } else {
                int errno = Errno.ECANCELED.is(result) ? -Errno.ETIMEDOUT.number() : result;
                failure = new UringException("connect(" + remote + ", fd=" + fd + ")", errno,
                        Errno.ECANCELED.is(result) ? "no answer within the group's connectTimeout" : null);
                reason = CloseReason.ERROR;
                closeNow();
            }
        }
        afterCompletion();
    }

    /** A completion that only ends an operation: a cancel, a link timeout, a shutdown. */
    void onAuxiliary(int result) {
        inflight--;
        if (Errno.EALREADY.is(result) && state == CLOSING && !shutdownTried) {
            // The target was running and could not be cancelled: shut the socket down, which ends it.
            shutdownTried = true;
            loop.sqe().shutdown(fd, Sockets.SHUT_RDWR).userData(UserData.of(UserData.CONN_CANCEL, 0, slot, generation));
            inflight++;
        }
        afterCompletion();
    }

    // ================================================================ closing

    /** Something failed: record it, tell the handler, close at once. */
    void fail(Throwable cause) {
        if (state >= CLOSING) {
            return;
        }
        if (failure == null) {
            failure = cause;
        }
        if (reason == null) {
            reason = CloseReason.ERROR;
        }
        if (opened) {
            try {
                handler.onError(this, cause);
            } catch (Throwable t) {
                LOG.log(System.Logger.Level.WARNING, "onError of " + this + " threw", t);
            }
        }
        beginClose(CloseReason.ERROR, false);
    }

    private void handlerFailed(String callback, Throwable t) {
        LOG.log(System.Logger.Level.WARNING, callback + " of " + this + " threw; aborting the connection", t);
        fail(t);
        if (t instanceof VirtualMachineError e) {
            throw e;            // out of memory and the like: the loop cannot go on either
        }
    }

    /**
     * Starts closing: gracefully (send what is queued first) or not. Stops reading at once either way.
     * Loop thread; idempotent (an abort overrides a graceful close in progress).
     */
    void beginClose(CloseReason why, boolean graceful) {
        int s = state;
        if (s >= CLOSING) {
            return;
        }
        if (reason == null) {
            reason = why;
        }
        loop.closing(this);
        dropPending();
        if (recvArmed && !recvCancelling) {
            cancel(UserData.of(UserData.RECV, 0, slot, generation));
            recvCancelling = true;
        }
        if (graceful && s == OPEN && !out.allSent()) {
            state = DRAINING;
            if (out.canSend()) {
                loop.markDirty(this);
            }
            return;
        }
        if (s == DRAINING && graceful) {
            return;
        }
        closeNow();
    }

    /** Cancels what is in flight and closes the fd once nothing is. */
    private void closeNow() {
        state = CLOSING;
        if (out.sendInFlight()) {
            cancel(sendUserData);
        }
        if (connectPending) {
            cancel(UserData.of(UserData.CONNECT, 0, slot, generation));
        }
        afterCompletion();
    }

    private void cancel(long target) {
        loop.sqe().cancel(target, 0).userData(UserData.of(UserData.CONN_CANCEL, 0, slot, generation));
        inflight++;
    }

    /** After each completion: once closing and nothing is in flight, close the fd. */
    private void afterCompletion() {
        if (state == CLOSING && inflight == 0) {
            state = CLOSING_FD;
            loop.sqe().close(fd).userData(UserData.of(UserData.CLOSE, 0, slot, generation));
            inflight++;
        }
    }

    /** The fd is closed: give everything back and tell the handler. */
    void onClosed(int result) {
        inflight--;
        state = CLOSED;
        if (result < 0) {
            LOG.log(System.Logger.Level.DEBUG, "close(fd=" + fd + ") returned " + Errno.name(result));
        }
        long unsent = out.unsentBytes();
        loop.stats().queuedWriteBytes -= unsent;
        out.releaseAll();
        loop.closed(this);
        if (opened) {
            try {
                handler.onClose(this);
            } catch (Throwable t) {
                LOG.log(System.Logger.Level.WARNING, "onClose of " + this + " threw", t);
            }
        }
        if (connectFuture != null && !connectFuture.isDone()) {
            connectFuture.completeExceptionally(failure != null ? failure
                    : new IllegalStateException("connection to " + remote + " closed before it was established"));
        }
    }

    /** The loop thread died: forget every operation (the ring is going away) and close the fd directly. */
    void closeAbruptly() {
        if (state == CLOSED) {
            return;
        }
        if (reason == null) {
            reason = CloseReason.ERROR;
        }
        inflight = 0;
        Sockets.close(fd);
        onClosed(0);
        inflight = 0;
    }

    int state() {
        return state;
    }
}
