package dev.iobuf.uring.net;

import static java.nio.channels.SelectionKey.OP_READ;
import static java.nio.channels.SelectionKey.OP_WRITE;

import dev.iobuf.BufferPool;
import dev.iobuf.BufferTier;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.List;

/**
 * A {@link DatagramEndpoint} on the JDK NIO transport: one non-blocking {@link DatagramChannel} per loop (bound with
 * SO_REUSEPORT like the io_uring transport's sockets: {@link NioChannels}), registered with the loop's selector (this
 * endpoint is the key's attachment). What every transport shares (life, send, backpressure, counters, handler calls)
 * is {@link LoopDatagramEndpoint}'s.
 *
 * <p>Receiving: on OP_READ, up to {@value #READS_PER_READY} datagrams, each with one {@link DatagramChannel#receive}
 * into the endpoint's buffer from an iobuf-core {@link BufferPool} ({@code maxDatagramSize + 1} bytes of room, so a
 * longer datagram shows as {@code truncated}: the JDK drops the excess silently). The JDK hands back the same
 * {@link InetSocketAddress} for the same sender as last time; the endpoint decodes a sender into its reusable
 * {@link DatagramAddress} only when that object changes, so a steady peer costs no allocation.
 *
 * <p>Sending: {@link NioDatagramQueue}, one {@link DatagramChannel#send} per datagram at the end of the turn
 * ({@link #flush}); when the socket's send buffer is full the rest waits for OP_WRITE. No GSO or GRO: the JDK has no
 * way to ask for them (see {@link DatagramOptions}, which refuses asking for them on NIO).
 *
 * <p>Closing: receiving stops, what is queued is sent, the channel is closed and deregistered at once (the fd is gone
 * when {@code onClose} runs). Loop thread only, but for what {@link LoopDatagramEndpoint} says.
 */
final class NioDatagramEndpoint extends LoopDatagramEndpoint {
    /** Datagrams read per readiness report, so that one busy socket does not starve the loop's others. */
    static final int READS_PER_READY = 64;

    private final DatagramChannel channel;
    /** One more than the largest datagram taken: a datagram that fills it was longer (truncated by the JDK). */
    private final int room;
    private final DatagramAddress sender = new DatagramAddress();
    private final DatagramAddress lastSender = new DatagramAddress();
    private SocketAddress lastFrom;
    // loop thread only, from attach on
    private NioEventLoop nio;
    private SelectionKey key;
    private BufferPool pool;
    private int buffer = -1;
    private MemorySegment in;
    private ByteBuffer inView;
    private NioDatagramQueue sends;
    private boolean waitsForWritable;

    NioDatagramEndpoint(EventLoop loop, DatagramBinding binding, DatagramChannel channel, InetSocketAddress localAddress,
                        DatagramHandler handler, DatagramOptions options) {
        super(loop, binding, localAddress, handler, options);
        this.channel = channel;
        this.room = options.maxDatagramSize() + 1;
    }

    /**
     * One bound channel per loop on {@code address} (see {@link NioChannels#openEach}) with {@code options}'
     * socket options.
     *
     * @throws IllegalArgumentException if an option cannot apply on NIO ({@link DatagramOptions#requireNio})
     * @throws dev.iobuf.uring.UringException if a channel cannot be made or bound ({@code EADDRINUSE}, ...)
     */
    static List<DatagramChannel> openEach(int loops, InetSocketAddress address, DatagramOptions options) {
        options.requireNio();
        return NioChannels.openEach(loops, address, options.socketOptions(), "bind(UDP ", DatagramChannel::open,
                DatagramChannel::bind);
    }

    @Override
    DatagramQueue queue() {
        return sends;
    }

    @Override
    void attach() {
        nio = (NioEventLoop) loop;
        owner = nio.udp();
        slot = owner.freeSlot();
        loop.counters.fdsOpened++;
        try {
            pool = BufferPool.of(BufferTier.forSize(room), 1);
            buffer = pool.tryAcquire();
            in = pool.value(buffer);
            inView = pool.byteBuffer(buffer);
            sends = new NioDatagramQueue(isIpv6(), options, stats);
            key = channel.register(nio.selector(), OP_READ, this);
        } catch (IOException e) {
            undo();
            throw NioErrors.of("registering UDP " + localAddress() + " with loop " + loop.index(), e);
        } catch (RuntimeException | Error e) {
            undo();
            throw e;
        }
        state = OPEN;
        owner.added(slot, this);
    }

    /** Attaching failed: what it made is freed, the channel closed. */
    private void undo() {
        freeMemory();
        NioChannels.closeQuietly(channel);
        loop.counters.fdsClosed++;
        failedToAttach();
    }

    @Override
    void abandon() {
        if (!isClosed()) {
            NioChannels.closeQuietly(channel);
        }
    }

    // ---------------------------------------------------------------- readiness

    /** The selector found the channel ready for {@code ops}. Sends wait for the end of the turn ({@link #flush}). */
    void ready(int ops) {
        if ((ops & OP_WRITE) != 0) {
            waitsForWritable = false;
            interest();
            owner.dirty(slot);
        }
        if ((ops & OP_READ) != 0) {
            readable();
        }
    }

    private void readable() {
        for (int i = 0; i < READS_PER_READY && state == OPEN; i++) {
            inView.clear().limit(room);
            SocketAddress from;
            try {
                from = channel.receive(inView);
            } catch (IOException e) {
                receiveFailed(e);
                return;
            }
            if (from == null) {
                return;                             // nothing more for now
            }
            int n = inView.position();
            if (n == room) {
                stats.truncated++;
                continue;
            }
            if (from != lastFrom) {                 // a new sender object: decode it once (allocates a little)
                lastSender.set((InetSocketAddress) from);
                lastFrom = from;
            }
            deliver(in, 0, n, sender.set(lastSender));
        }
    }

    /**
     * Receiving failed. The JDK retries what an unconnected UDP socket may see (ICMP errors), so this is not
     * transient: reported to the handler, and the endpoint closes (as io_uring's closes on EINVAL/EBADF).
     */
    private void receiveFailed(IOException e) {
        if (state != OPEN) {
            return;
        }
        notifyError(NioErrors.of("receive on UDP " + localAddress(), e));
        beginClose();
    }

    private void interest() {
        int ops = (state == OPEN ? OP_READ : 0) | (waitsForWritable ? OP_WRITE : 0);
        if (key != null && key.isValid() && key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    // ---------------------------------------------------------------- the turn and closing

    /** End of the turn: sends what is queued until the socket takes no more; closes a closing endpoint once sent. */
    @Override
    boolean flush() {
        if ((state != OPEN && state != CLOSING) || waitsForWritable) {
            return false;
        }
        try {
            if (!sends.send(channel)) {
                waitsForWritable = true;
                interest();
            }
        } catch (ClosedChannelException e) {
            sends.dropUnsent();
        }
        maybeWritable();
        if (state == CLOSING && !sends.hasUnsent()) {
            finish();
        }
        return false;
    }

    @Override
    void beginClose() {
        if (state != OPEN) {
            return;
        }
        state = CLOSING;
        interest();                     // no more reading
        owner.dirty(slot);              // what is queued goes out at the end of the turn, then the channel closes
    }

    @Override
    void closeAbruptly() {
        if (state == OPEN || state == CLOSING) {
            sends.dropUnsent();
            finish();
        }
    }

    /** The channel closed and deregistered now (the JDK closes a registered channel's fd at deregistration). */
    private void finish() {
        key.cancel();
        NioChannels.closeQuietly(channel);
        nio.deregisterCancelled();
        freeMemory();
        finished();
    }

    private void freeMemory() {
        if (pool != null && !pool.isClosed()) {
            if (buffer >= 0) {
                pool.release(buffer);
            }
            pool.close();
        }
        if (sends != null) {
            sends.close();
        }
    }
}
