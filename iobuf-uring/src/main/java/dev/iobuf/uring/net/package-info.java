/**
 * The network runtime on io_uring: {@link dev.iobuf.uring.net.EventLoopGroup event loops}, each owning a
 * ring, with multishot accept and receive into provided buffers, bounded write queues with
 * backpressure, zero-copy sends, timers, idle timeouts, cross-thread tasks and graceful shutdown with
 * leak counters ({@link dev.iobuf.uring.net.NetCounters}), readable over JMX
 * ({@code dev.iobuf:type=EventLoop,name=...}) and summarized in JFR ({@code dev.iobuf.ConnectionSummary}).
 * Handlers ({@link dev.iobuf.uring.net.ConnectionHandler}) run on their loop's thread.
 */
package dev.iobuf.uring.net;
