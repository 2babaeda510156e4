package dev.iobuf.uring.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;

/**
 * A NIO UDP endpoint's send queue: {@link DatagramQueue}'s byte ring and backpressure, sent with one
 * {@link DatagramChannel#send} per datagram at the end of the loop's turn (the JDK has no sendmsg batch and no
 * GSO). The kernel copies a datagram during the call, so its bytes are free as soon as it returns.
 *
 * <p>Destinations are kept as {@link InetSocketAddress}es from a small cache keyed by address, so that answering
 * the same peers allocates nothing: the JDK also skips re-encoding a target that is the same instance as the last.
 * A peer not in the cache costs one address object. Loop thread only.
 */
final class NioDatagramQueue extends DatagramQueue {
    /** Peers whose target objects are kept (direct-mapped by {@link DatagramAddress#hash()}). */
    private static final int TARGETS = 64;

    private final boolean ipv6;
    private final InetSocketAddress[] target;
    private final DatagramAddress[] cachedAddress = new DatagramAddress[TARGETS];
    private final InetSocketAddress[] cachedTarget = new InetSocketAddress[TARGETS];
    /** One view of the whole byte ring, moved over each datagram (no per-send buffer). */
    private final ByteBuffer view;

    NioDatagramQueue(boolean ipv6, DatagramOptions options, DatagramStats stats) {
        super(options, stats);
        this.ipv6 = ipv6;
        this.target = new InetSocketAddress[mask + 1];
        this.view = data.asByteBuffer();
    }

    @Override
    boolean keepAddress(int r, DatagramAddress to) {
        if (!to.reachableFrom(ipv6)) {
            return false;
        }
        target[r] = targetFor(to);
        return true;
    }

    private InetSocketAddress targetFor(DatagramAddress to) {
        int h = to.hash();
        int i = (h ^ (h >>> 16)) & (TARGETS - 1);
        DatagramAddress a = cachedAddress[i];
        if (a != null && a.sameAs(to)) {
            return cachedTarget[i];
        }
        if (a == null) {
            a = new DatagramAddress();
            cachedAddress[i] = a;
        }
        a.set(to);
        cachedTarget[i] = to.toInetSocketAddress();
        return cachedTarget[i];
    }

    /**
     * Sends the queued datagrams in order. A datagram the kernel refuses (no route, port 0, ...) counts as a send
     * error and is dropped, as on io_uring.
     *
     * @return false if the socket took no more for now (its send buffer is full: wait for OP_WRITE), true if the
     *         queue is empty
     * @throws ClosedChannelException if the channel was closed under it
     */
    boolean send(DatagramChannel channel) throws ClosedChannelException {
        while (rSent != rTail) {
            int r = rSent & mask;
            view.limit(offset[r] + length[r]).position(offset[r]);
            stats.sendCalls++;
            try {
                int n = channel.send(view, target[r]);
                // 0 for a datagram of 1+ bytes: the socket would block. (A 0-byte datagram's 0 counts as sent.)
                if (n == 0 && length[r] > 0) {
                    return false;
                }
                stats.sent++;
                stats.sentBytes += n;
            } catch (ClosedChannelException e) {
                throw e;
            } catch (IOException e) {
                stats.sendErrors++;
            }
            rSent++;
            freeThrough(rSent);
        }
        return true;
    }
}
