package dev.iobuf.uring.net;

import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;

/**
 * One UDP socket served by one event loop (see {@link DatagramBinding} for how a group binds one per loop).
 * Transport-neutral: a handler written against this interface runs on any transport.
 *
 * <p><b>Sending</b> copies the datagram into the endpoint's send queue and returns at once; the queue is sent at
 * the end of the loop's turn, many datagrams with one system call. Backpressure is the
 * {@link Connection}'s: {@code send} is all-or-nothing and returns false when the queue is full (counted as
 * {@code sendsRefused}: the datagram is dropped, as UDP would); {@link #isWritable()} turns false at the
 * high-water mark or after a refusal, and {@link DatagramHandler#onWritable} says when there is room again.
 *
 * <p>Thread rules: {@code send} and {@code isWritable} on the endpoint's loop thread (from a handler, or in
 * {@code loop.execute(...)}); {@link #close()}, {@link #counters()} and {@link #localAddress()} from any thread.
 */
public interface DatagramEndpoint extends AutoCloseable {
    /**
     * Queues the datagram {@code length} bytes at {@code offset} of {@code src} to {@code to}. Allocates nothing.
     *
     * @return false if nothing was queued: the queue is full, or the endpoint is closing
     * @throws IllegalArgumentException if {@code length} exceeds the endpoint's maximum datagram size, or an
     *         IPv4 endpoint is asked to reach an IPv6 address (nothing is queued)
     * @throws IllegalStateException off the endpoint's loop thread
     */
    boolean send(MemorySegment src, long offset, int length, DatagramAddress to);

    /** Queues all of {@code payload} to {@code to}: {@link #send(MemorySegment, long, int, DatagramAddress)}. */
    default boolean send(MemorySegment payload, DatagramAddress to) {
        return send(payload, 0, Math.toIntExact(payload.byteSize()), to);
    }

    /** Queues all of {@code payload} to {@code to}; converting the address allocates (keep a {@link DatagramAddress} instead). */
    default boolean send(MemorySegment payload, InetSocketAddress to) {
        return send(payload, DatagramAddress.of(to));
    }

    /** Whether {@code send} is expected to succeed: below the high-water mark and no refusal since the queue drained. */
    boolean isWritable();

    /** The address the socket is bound to (the actual port when port 0 was asked for). */
    InetSocketAddress localAddress();

    /** A snapshot of this endpoint's counters (any thread; final values once closed). */
    DatagramCounters counters();

    /**
     * Stops receiving, sends what is queued, closes the socket, then calls {@link DatagramHandler#onClose}.
     * Any thread; returns at once (see {@link DatagramBinding#close()} to wait). Idempotent.
     */
    @Override
    void close();
}
