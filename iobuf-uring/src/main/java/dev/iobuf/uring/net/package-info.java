/**
 * The network runtime on io_uring: {@link dev.iobuf.uring.net.EventLoopGroup event loops}, each owning a
 * ring, with multishot accept and receive into provided buffers, bounded write queues with
 * backpressure, zero-copy sends, timers, idle timeouts, cross-thread tasks and graceful shutdown with
 * leak counters ({@link dev.iobuf.uring.net.NetCounters}), readable over JMX
 * ({@code dev.iobuf:type=EventLoop,name=...}) and summarized in JFR ({@code dev.iobuf.ConnectionSummary}).
 * Handlers ({@link dev.iobuf.uring.net.ConnectionHandler}) run on their loop's thread. TLS runs over the
 * JDK's SSLEngine inside the connection ({@link dev.iobuf.uring.net.TlsConfig}).
 *
 * <h2>Writing</h2>
 * {@code Connection.write} copies the bytes into the loop's write buffers (appending to the last buffer while it
 * has room) and returns at once; the loop sends what was written during one turn with one send (one
 * buffer) or one sendmsg (several, gathered) at the end of the turn, one send in flight per connection,
 * short sends continued. The queue is bounded ({@code writeQueueBuffers} per connection, and the loop's
 * shared write buffers):
 * <ul>
 *   <li>{@code write} is all-or-nothing: {@code false} means nothing was queued (queue or write buffers
 *       full, or the connection closing); {@code writeSome} takes what fits.</li>
 *   <li>Past the high-water mark (half the queue) or after a refused write, {@code isWritable()} is false,
 *       reading pauses (unless the group was built with {@code pauseReadingWhenUnwritable(false)}), and
 *       {@code ConnectionHandler.onWritable} fires once the queue is down to a quarter; reading resumes
 *       then. With reading paused no {@code onData} arrives, so a handler that answers each receive with
 *       a bounded write (an echo, a request/response protocol) never sees a refused write.</li>
 * </ul>
 * {@code write(IoVec)} copies several buffers in order (a header and a body: one gathered send).
 * {@code writeZeroCopy} sends the caller's pool buffer with IORING_OP_SEND_ZC and gives it back to its
 * pool only after the kernel's notification that it no longer reads it.
 *
 * <h2>Reading</h2>
 * One multishot receive per connection (re-armed when it ends), from the loop's provided-buffer ring.
 * {@code onData} gets the pool's segment of the buffer, an offset and a length: nothing allocated per
 * receive. The buffer returns to the kernel when {@code onData} returns unless {@code retain()} was called.
 * {@code pauseReading()} stops delivery (data already received waits in its buffers) until
 * {@code resumeReading()}.
 *
 * <h2>Closing and half-closing</h2>
 * {@code close()} sends what is queued, then closes; {@code abort()} drops it. Either way the
 * receive and any send in flight are cancelled, the fd is closed with IORING_OP_CLOSE after the last of
 * the connection's operations completed, every buffer goes back, and {@code onClose} runs.
 * {@code shutdownOutput()} sends what is queued, then a FIN (after close_notify over TLS), and keeps reading;
 * the peer's end of stream closes the connection unless the handler's {@code onInputShutdown} returns true
 * (then it may write on until it closes).
 */
package dev.iobuf.uring.net;
