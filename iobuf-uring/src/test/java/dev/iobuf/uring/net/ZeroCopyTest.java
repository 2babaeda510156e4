package dev.iobuf.uring.net;

import static dev.iobuf.uring.net.NetTestSupport.anyPort;
import static dev.iobuf.uring.net.NetTestSupport.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iobuf.BufferPool;
import dev.iobuf.BufferTier;
import dev.iobuf.uring.KernelTest;
import dev.iobuf.uring.Opcode;
import dev.iobuf.uring.Ring;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Socket;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SEND_ZC: the buffer handed over with writeZeroCopy is not given back when the send completes, only
 * when the kernel's notification CQE says it no longer reads it.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@KernelTest
class ZeroCopyTest {
    private static final int CHUNKS = 200;
    private static final int SIZE = BufferTier.SMALL.size();

    private static void requireSendZc() {
        try (Ring ring = NetTestSupport.ringOrSkip()) {
            Assumptions.assumeTrue(ring.supports(Opcode.SEND_ZC) && ring.supports(Opcode.SENDMSG_ZC),
                    "SEND_ZC / SENDMSG_ZC need Linux 6.0 / 6.1: skipping the notification test on this kernel");
        }
    }

    /** Sends CHUNKS pool buffers zero-copy, one at a time (the next after the previous one's notification). */
    static final class ZcSender implements ConnectionHandler {
        final BufferPool pool;
        final AtomicInteger sent = new AtomicInteger();
        final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        final AtomicInteger resultsWithMore = new AtomicInteger();
        final AtomicInteger notifications = new AtomicInteger();
        volatile int inFlightIndex = -1;

        ZcSender(BufferPool pool) {
            this.pool = pool;
        }

        @Override
        public void onOpen(Connection c) {
            next(c);
        }

        void next(Connection c) {
            int k = sent.get();
            if (k == CHUNKS) {
                c.close();
                return;
            }
            int index = pool.tryAcquire();
            MemorySegment b = pool.value(index);
            for (int i = 0; i < SIZE; i++) {
                b.set(ValueLayout.JAVA_BYTE, i, (byte) (k + i));
            }
            inFlightIndex = index;
            assertThat(c.writeZeroCopy(pool, index, 0, SIZE)).isTrue();
            sent.incrementAndGet();
        }

        /** The trace to install: checks buffer ownership at each zero-copy completion. */
        ZeroCopyTrace trace() {
            return new ZeroCopyTrace() {
                @Override
                public void afterResult(Connection c, int result, boolean more) {
                    if (result != SIZE) {
                        violations.add("send result " + result);
                    }
                    if (more) {
                        resultsWithMore.incrementAndGet();
                        if (!pool.isAcquired(inFlightIndex)) {
                            violations.add("buffer " + inFlightIndex + " given back before its notification");
                        }
                    }
                }

                @Override
                public void afterNotification(Connection c) {
                    notifications.incrementAndGet();
                    if (pool.isAcquired(inFlightIndex)) {
                        violations.add("buffer " + inFlightIndex + " still held after its notification");
                    }
                    next(c);
                }
            };
        }

        @Override
        public void onData(Connection c, MemorySegment buffer, int offset, int length) {
        }
    }

    @Test
    void bufferIsReturnedOnlyAfterTheNotification() throws Exception {
        requireSendZc();
        try (BufferPool pool = BufferPool.of(BufferTier.SMALL, 8)) {
            ZcSender sender = new ZcSender(pool);
            EventLoopGroup group = group(b -> b.threads(1).zeroCopyTrace(sender.trace()));
            Listener listener = group.listen(anyPort(), sender);
            try (Socket s = NetTestSupport.jdkClient(listener.port())) {
                InputStream in = s.getInputStream();
                byte[] all = NetTestSupport.readExactly(in, CHUNKS * SIZE);
                for (int k = 0; k < CHUNKS; k++) {
                    for (int i = 0; i < SIZE; i++) {
                        if (all[k * SIZE + i] != (byte) (k + i)) {
                            throw new AssertionError("chunk " + k + " byte " + i + " differs");
                        }
                    }
                }
                assertThat(in.read()).isEqualTo(-1);
            }
            NetCounters c = NetTestSupport.shutdownClean(group);
            assertThat(sender.violations).isEmpty();
            assertThat(sender.resultsWithMore.get()).as("results announcing a notification").isEqualTo(CHUNKS);
            assertThat(sender.notifications.get()).isEqualTo(CHUNKS);
            assertThat(c.zeroCopySends()).isEqualTo(CHUNKS);
            assertThat(c.zeroCopyCopied()).as("loopback copies: reported with IORING_NOTIF_USAGE_ZC_COPIED")
                    .isEqualTo(CHUNKS);
            assertThat(c.zeroCopyNotificationsPending()).isZero();
            assertThat(pool.acquiredCount()).as("every zero-copy buffer back in its pool").isZero();
        }
    }

    @Test
    void copiedWritesAboveTheThresholdGoOutZeroCopyToo() throws Exception {
        requireSendZc();
        byte[] data = NetTestSupport.pattern(256 * 1024, 11);
        EventLoopGroup group = group(b -> b.threads(1).zeroCopyThreshold(4096).writeQueueBuffers(16));
        Listener listener = group.listen(anyPort(), new ConnectionHandler() {
            int offset;

            @Override
            public void onOpen(Connection c) {
                onWritable(c);
            }

            @Override
            public void onWritable(Connection c) {
                while (offset < data.length) {
                    int n = Math.min(data.length - offset, c.writableBytes());
                    if (n == 0 || !c.write(data, offset, n)) {
                        return;
                    }
                    offset += n;
                }
                c.close();
            }

            @Override
            public void onData(Connection c, MemorySegment buffer, int off, int length) {
            }
        });
        try (Socket s = NetTestSupport.jdkClient(listener.port())) {
            assertThat(NetTestSupport.readExactly(s.getInputStream(), data.length)).isEqualTo(data);
        }
        NetCounters c = NetTestSupport.shutdownClean(group);
        assertThat(c.zeroCopySends()).isPositive();
        assertThat(c.zeroCopyNotificationsPending()).isZero();
        assertThat(c.writeBuffersInUse()).isZero();
    }

    @Test
    void writeZeroCopyInsistsOnAnAcquiredBuffer() throws Exception {
        try (BufferPool pool = BufferPool.of(BufferTier.SMALL, 2)) {
            java.util.concurrent.CompletableFuture<Throwable> thrown = new java.util.concurrent.CompletableFuture<>();
            EventLoopGroup group = group(b -> b.threads(1));
            Listener listener = group.listen(anyPort(), new ConnectionHandler() {
                @Override
                public void onOpen(Connection c) {
                    try {
                        c.writeZeroCopy(pool, 0, 0, 10);
                        thrown.complete(null);
                    } catch (IllegalStateException e) {
                        thrown.complete(e);
                    }
                    c.close();
                }

                @Override
                public void onData(Connection c, MemorySegment buffer, int offset, int length) {
                }
            });
            try (Socket s = NetTestSupport.jdkClient(listener.port())) {
                assertThat(thrown.get(10, TimeUnit.SECONDS)).hasMessageContaining("not acquired");
            }
            NetTestSupport.shutdownClean(group);
            assertThatThrownBy(() -> {
                throw thrown.get();
            }).isInstanceOf(IllegalStateException.class);
        }
    }
}
