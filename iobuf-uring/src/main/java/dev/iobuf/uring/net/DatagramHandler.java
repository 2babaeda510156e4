package dev.iobuf.uring.net;

import java.lang.foreign.MemorySegment;

/**
 * What a UDP endpoint ({@link DatagramEndpoint}) tells its user, on the endpoint's loop thread.
 * Transport-neutral: nothing here names io_uring, so the same handler can run on another transport.
 *
 * <p>Example (an echo server, allocation-free):
 * <pre>{@code
 * group.bindDatagram(new InetSocketAddress(7008), (endpoint, buffer, offset, length, sender) ->
 *         endpoint.send(buffer, offset, length, sender));
 * }</pre>
 */
@FunctionalInterface
public interface DatagramHandler {
    /**
     * A datagram arrived: its payload is {@code length} bytes at {@code offset} of {@code buffer}, from
     * {@code sender}. Both are lent for the call only: the buffer goes back to the kernel and the address
     * view is overwritten by the next datagram as soon as this returns (copy what you keep:
     * {@link DatagramAddress#set(DatagramAddress)}, {@link DatagramAddress#toInetSocketAddress()}).
     * A datagram the kernel coalesced (UDP GRO) arrives here as the datagrams it was made of, one call each.
     * Throwing counts as {@code handlerErrors}, reaches {@link #onError}, and the endpoint goes on receiving.
     */
    void onDatagram(DatagramEndpoint endpoint, MemorySegment buffer, long offset, int length, DatagramAddress sender);

    /** The send queue has room again after {@link DatagramEndpoint#send} refused a datagram or it passed its high-water mark. */
    default void onWritable(DatagramEndpoint endpoint) {
    }

    /**
     * A handler method threw ({@code error} is what it threw), or receiving failed for good (a
     * {@link dev.iobuf.uring.UringException}; the endpoint then closes). Thrown from here: logged, ignored.
     */
    default void onError(DatagramEndpoint endpoint, Throwable error) {
    }

    /** The endpoint closed (its socket is closed, everything queued was sent or failed); the last call. */
    default void onClose(DatagramEndpoint endpoint) {
    }
}
