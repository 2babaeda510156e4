package dev.iobuf.uring.net;

import static dev.iobuf.uring.net.NetTestSupport.anyPort;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Pausing delivery: nothing arrives while paused, everything arrives in order after; echo never overflows. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
abstract class PauseReadingTest extends TransportSuite {

    @Test
    void nothingIsDeliveredWhilePausedAndEverythingInOrderAfter() throws Exception {
        CompletableFuture<Connection> paused = new CompletableFuture<>();
        ByteArrayOutputStream received = new ByteArrayOutputStream();     // loop thread only
        AtomicInteger deliveriesWhilePaused = new AtomicInteger();
        AtomicInteger total = new AtomicInteger();
        EventLoopGroup group = group(b -> b.threads(1));
        Listener listener = group.listen(anyPort(), new ConnectionHandler() {
            @Override
            public void onData(Connection c, MemorySegment buffer, int offset, int length) {
                if (c.isReadingPaused()) {
                    deliveriesWhilePaused.incrementAndGet();
                }
                received.write(buffer.asSlice(offset, length).toArray(ValueLayout.JAVA_BYTE), 0, length);
                total.addAndGet(length);
                if (!paused.isDone()) {
                    c.pauseReading();
                    paused.complete(c);
                }
            }
        });
        byte[] data = NetTestSupport.pattern(100_000, 4);
        try (Socket s = NetTestSupport.jdkClient(listener.port())) {
            OutputStream out = s.getOutputStream();
            out.write(data, 0, 10);
            Connection c = paused.get(10, TimeUnit.SECONDS);
            int before = total.get();
            out.write(data, 10, data.length - 10);
            out.flush();
            Thread.sleep(300);
            assertThat(total.get()).as("no onData while paused").isEqualTo(before);
            c.execute(Connection::resumeReading);
            assertThat(NetTestSupport.await(() -> total.get() == data.length, Duration.ofSeconds(10))).isTrue();
        }
        CompletableFuture<byte[]> copy = new CompletableFuture<>();
        group.loops().get(0).execute(() -> copy.complete(received.toByteArray()));
        assertThat(copy.get(5, TimeUnit.SECONDS)).isEqualTo(data);
        assertThat(deliveriesWhilePaused.get()).isZero();
        NetTestSupport.shutdownClean(group);
    }

    /**
     * An echo whose client writes 8 MB before reading anything: the server's queue reaches its high-water
     * mark, reading pauses, TCP pushes back on the client; no write is ever refused and nothing is lost.
     */
    @Test
    void echoToAPeerThatReadsLateNeverOverflowsItsQueue() throws Exception {
        EchoHandler echo = new EchoHandler();
        EventLoopGroup group = group(b -> b.threads(1).writeQueueBuffers(8));
        Listener listener = group.listen(anyPort(), echo);
        byte[] data = NetTestSupport.pattern(8 * 1024 * 1024, 8);
        try (Socket s = NetTestSupport.jdkClient(listener.port())) {
            Thread writer = NetTestSupport.writeAsync(s.getOutputStream(), data);
            Thread.sleep(500);                        // nobody reads: the server must pause, not overflow
            NetCounters mid = group.counters();
            assertThat(mid.queuedWriteBytes()).isLessThanOrEqualTo(8 * 2048);
            InputStream in = s.getInputStream();
            assertThat(NetTestSupport.readExactly(in, data.length)).isEqualTo(data);
            writer.join(5_000);
        }
        assertThat(echo.refused).as("refused writes").isZero();
        NetTestSupport.shutdownClean(group);
    }
}
