package dev.iobuf.uring.net;

/**
 * Counters of a UDP endpoint (or the sum over a {@link DatagramBinding}'s endpoints).
 *
 * @param received       datagrams handed to {@code onDatagram}
 * @param receivedBytes  their payload bytes
 * @param sent           datagrams the kernel accepted
 * @param sentBytes      their bytes
 * @param sendCalls      send system calls made (sendmsg SQEs; on NIO DatagramChannel.send calls, a retry after
 *                       the socket was full counted again); fewer than {@code sent} when GSO batched
 * @param gsoSends       sends that carried several datagrams with UDP_SEGMENT (GSO; io_uring only, 0 on NIO)
 * @param gsoDatagrams   datagrams sent that way
 * @param groReceives    receives that brought a datagram run coalesced by the kernel (UDP_GRO; io_uring only)
 * @param groDatagrams   datagrams that arrived that way
 * @param truncated      datagrams larger than {@code maxDatagramSize} received, dropped (raise it to take them)
 * @param sendsRefused   datagrams {@code send} refused (queue full): dropped
 * @param sendErrors     datagrams the kernel refused ({@code -errno} results: unreachable, no route, ...)
 * @param handlerErrors  handler calls that threw
 * @param recvNoBuffers  receives that found no free buffer ({@code -ENOBUFS}: the kernel dropped datagrams
 *                       meanwhile; io_uring only)
 * @param recvRearms     times the multishot receive was armed again after it ended (io_uring only)
 * @param queued         datagrams queued or in flight right now (0 once closed)
 * @param staleCompletions completions for no live endpoint (0 unless something is wrong; io_uring only)
 */
public record DatagramCounters(long received, long receivedBytes, long sent, long sentBytes, long sendCalls,
                               long gsoSends, long gsoDatagrams, long groReceives, long groDatagrams, long truncated,
                               long sendsRefused, long sendErrors, long handlerErrors, long recvNoBuffers,
                               long recvRearms, long queued, long staleCompletions) {
    /** All zero. */
    public static final DatagramCounters ZERO = new DatagramCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The field-by-field sum of these and {@code o}. */
    public DatagramCounters plus(DatagramCounters o) {
        return new DatagramCounters(received + o.received, receivedBytes + o.receivedBytes, sent + o.sent,
                sentBytes + o.sentBytes, sendCalls + o.sendCalls, gsoSends + o.gsoSends, gsoDatagrams + o.gsoDatagrams,
                groReceives + o.groReceives, groDatagrams + o.groDatagrams, truncated + o.truncated,
                sendsRefused + o.sendsRefused, sendErrors + o.sendErrors, handlerErrors + o.handlerErrors,
                recvNoBuffers + o.recvNoBuffers, recvRearms + o.recvRearms, queued + o.queued,
                staleCompletions + o.staleCompletions);
    }
}
