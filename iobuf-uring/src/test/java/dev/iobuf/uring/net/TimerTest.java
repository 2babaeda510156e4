package dev.iobuf.uring.net;

import static dev.iobuf.uring.net.NetTestSupport.anyPort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Timers (IORING_OP_TIMEOUT) and idle-connection timeouts. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
abstract class TimerTest extends TransportSuite {

    @Test
    void timersFireOnceAfterTheirDelayAndCancelledOnesNever() throws Exception {
        EventLoopGroup group = group(b -> b.threads(1));
        EventLoop loop = group.loops().get(0);
        int n = 500;
        CountDownLatch fired = new CountDownLatch(n);
        ConcurrentHashMap<Integer, Long> lateness = new ConcurrentHashMap<>();
        AtomicInteger cancelledRan = new AtomicInteger();
        CompletableFuture<Boolean> cancelResult = new CompletableFuture<>();
        loop.execute(() -> {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                int id = i;
                long delay = 10 + (i % 50);
                loop.schedule(Duration.ofMillis(delay), () -> {
                    assertThat(loop.inEventLoop()).isTrue();
                    lateness.merge(id, System.nanoTime() - t0 - TimeUnit.MILLISECONDS.toNanos(delay), (a, b) -> -1L);
                    fired.countDown();
                });
            }
            long doomed = loop.schedule(30, TimeUnit.MILLISECONDS, cancelledRan::incrementAndGet);
            boolean first = loop.cancelTimer(doomed);
            boolean second = loop.cancelTimer(doomed);
            cancelResult.complete(first && !second);
        });
        assertThat(fired.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(cancelResult.get(5, TimeUnit.SECONDS)).as("cancel true once, then false").isTrue();
        Thread.sleep(100);
        assertThat(cancelledRan.get()).isZero();
        assertThat(lateness).hasSize(n);
        assertThat(lateness.values()).as("each fired exactly once, never early").allMatch(late -> late >= 0);
        assertThat(loop.counters().timersPending()).isZero();
        assertThatThrownBy(() -> loop.schedule(Duration.ofMillis(1), () -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("loop's thread");
        NetTestSupport.shutdownClean(group);
    }

    @Test
    void timersPendingAtShutdownAreCancelledNotRun() throws Exception {
        EventLoopGroup group = group(b -> b.threads(1));
        EventLoop loop = group.loops().get(0);
        AtomicInteger ran = new AtomicInteger();
        CompletableFuture<Void> armed = new CompletableFuture<>();
        loop.execute(() -> {
            loop.schedule(Duration.ofSeconds(30), ran::incrementAndGet);
            armed.complete(null);
        });
        armed.get(5, TimeUnit.SECONDS);
        assertThat(loop.counters().timersPending()).isEqualTo(1);
        long t0 = System.nanoTime();
        NetTestSupport.shutdownClean(group);
        assertThat(System.nanoTime() - t0).as("shutdown does not wait for the timer").isLessThan(TimeUnit.SECONDS.toNanos(5));
        assertThat(ran.get()).isZero();
    }

    @Test
    void idleConnectionsCloseAndActiveOnesStay() throws Exception {
        EchoHandler echo = new EchoHandler();
        CompletableFuture<CloseReason> reason = new CompletableFuture<>();
        EventLoopGroup group = group(b -> b.threads(1).idleTimeout(Duration.ofMillis(1_000)));
        Listener listener = group.listen(anyPort(), new ConnectionHandler() {
            @Override
            public void onData(Connection c, MemorySegment buffer, int offset, int length) {
                echo.onData(c, buffer, offset, length);
            }

            @Override
            public void onClose(Connection c) {
                reason.complete(c.closeReason());
            }
        });
        try (Socket idle = NetTestSupport.jdkClient(listener.port());
             Socket busy = NetTestSupport.jdkClient(listener.port())) {
            OutputStream out = busy.getOutputStream();
            InputStream in = busy.getInputStream();
            long t0 = System.nanoTime();
            int idleRead = -2;
            // 2 s of traffic every 50 ms on `busy`: 20 times inside the idle timeout, so a loaded machine
            // that stretches a 50 ms sleep several-fold still keeps it active
            for (int i = 0; i < 40; i++) {
                out.write(i);
                assertThat(in.read()).isEqualTo(i);
                Thread.sleep(50);
            }
            idle.setSoTimeout(5_000);
            idleRead = idle.getInputStream().read();
            assertThat(idleRead).as("the idle connection was closed by the server").isEqualTo(-1);
            assertThat(reason.get(5, TimeUnit.SECONDS)).isEqualTo(CloseReason.IDLE_TIMEOUT);
            out.write(99);
            assertThat(in.read()).as("the busy connection is still open").isEqualTo(99);
            assertThat(System.nanoTime() - t0).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(1_000));
        }
        NetTestSupport.shutdownClean(group);
    }
}
