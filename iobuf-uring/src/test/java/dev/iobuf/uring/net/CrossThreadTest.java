package dev.iobuf.uring.net;

import static dev.iobuf.uring.net.NetTestSupport.anyPort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Tasks and writes from other threads: MPSC hand-over, wake-up of a blocked loop, no call when awake. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
abstract class CrossThreadTest extends TransportSuite {

    @Test
    void tasksFromManyThreadsRunOnceEachInProducerOrderOnTheLoop() throws Exception {
        EventLoopGroup group = group(b -> b.threads(1));
        EventLoop loop = group.loops().get(0);
        int producers = 4;
        int perProducer = 20_000;
        int[] next = new int[producers];              // loop thread only
        AtomicInteger outOfOrder = new AtomicInteger();
        AtomicInteger offLoop = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(producers * perProducer);
        Thread[] threads = new Thread[producers];
        for (int p = 0; p < producers; p++) {
            int id = p;
            threads[p] = new Thread(() -> {
                for (int i = 0; i < perProducer; i++) {
                    int seq = i;
                    loop.execute(() -> {
                        if (!loop.inEventLoop()) {
                            offLoop.incrementAndGet();
                        }
                        if (next[id] != seq) {
                            outOfOrder.incrementAndGet();
                        }
                        next[id] = seq + 1;
                        all.countDown();
                    });
                    if ((i & 1023) == 0) {
                        Thread.yield();
                    }
                }
            });
            threads[p].start();
        }
        assertThat(all.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(outOfOrder.get()).isZero();
        assertThat(offLoop.get()).isZero();
        NetCounters c = loop.counters();
        assertThat(c.tasksRun()).isGreaterThanOrEqualTo((long) producers * perProducer);
        assertThat(c.wakeupsSkipped()).as("bursts find the loop awake: no eventfd write").isPositive();
        assertThat(c.wakeups()).as("far fewer system calls than tasks").isLessThan((long) producers * perProducer / 2);
        NetTestSupport.shutdownClean(group);
    }

    @Test
    void aTaskWakesABlockedLoopPromptly() throws Exception {
        EventLoopGroup group = group(b -> b.threads(1));
        EventLoop loop = group.loops().get(0);
        long before = loop.counters().wakeups();
        for (int i = 0; i < 20; i++) {
            Thread.sleep(20);                // the loop has nothing to do: it blocks in io_uring_enter
            CompletableFuture<Long> ran = new CompletableFuture<>();
            long t0 = System.nanoTime();
            loop.execute(() -> ran.complete(System.nanoTime()));
            long latency = ran.get(5, TimeUnit.SECONDS) - t0;
            assertThat(latency).as("wake-up latency").isLessThan(TimeUnit.SECONDS.toNanos(1));
        }
        assertThat(loop.counters().wakeups() - before).as("each task found the loop asleep").isGreaterThanOrEqualTo(15);
        NetTestSupport.shutdownClean(group);
        assertThatThrownBy(() -> loop.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void writesAndCloseFromAnotherThreadGoThroughTheLoop() throws Exception {
        CompletableFuture<Connection> accepted = new CompletableFuture<>();
        EventLoopGroup group = group(b -> b.threads(1));
        Listener listener = group.listen(anyPort(), new ConnectionHandler() {
            @Override
            public void onOpen(Connection c) {
                accepted.complete(c);
            }

            @Override
            public void onData(Connection c, MemorySegment buffer, int offset, int length) {
            }
        });
        try (Socket s = NetTestSupport.jdkClient(listener.port())) {
            Connection c = accepted.get(10, TimeUnit.SECONDS);
            AtomicReference<Throwable> direct = new AtomicReference<>();
            try {
                c.write(new byte[] {1});
            } catch (IllegalStateException e) {
                direct.set(e);
            }
            assertThat(direct.get()).as("write off the loop thread").hasMessageContaining("c -> ...");
            byte[] hello = "hello from another thread".getBytes();
            c.execute(x -> assertThat(x.write(hello)).isTrue());
            assertThat(NetTestSupport.readExactly(s.getInputStream(), hello.length)).isEqualTo(hello);
            c.close();                               // from this thread: handed over
            assertThat(s.getInputStream().read()).isEqualTo(-1);
            assertThat(NetTestSupport.await(c::isClosed, Duration.ofSeconds(5))).isTrue();
            assertThat(c.closeReason()).isEqualTo(CloseReason.LOCAL);
        }
        NetTestSupport.shutdownClean(group);
    }

    @Test
    void taskQueueIsFifoForOneProducerAndReportsEmptiness() {
        TaskQueue q = new TaskQueue();
        assertThat(q.isEmpty()).isTrue();
        assertThat(q.poll()).isNull();
        Runnable a = () -> { };
        Runnable b = () -> { };
        q.offer(a);
        q.offer(b);
        assertThat(q.isEmpty()).isFalse();
        assertThat(q.poll()).isSameAs(a);
        assertThat(q.poll()).isSameAs(b);
        assertThat(q.poll()).isNull();
        assertThat(q.isEmpty()).isTrue();
    }
}
