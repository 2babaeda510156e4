package dev.iobuf.uring.net;

import static dev.iobuf.uring.net.NetTestSupport.anyPort;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A slow reader: the write queue fills and stays bounded; onWritable fires once the reader catches up. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
abstract class BackpressureTest extends TransportSuite {
    private static final int TOTAL = 4 * 1024 * 1024;

    private static byte at(long i) {
        return (byte) (i * 31 + (i >>> 11));
    }

    /** Writes TOTAL bytes of a known sequence, as fast as the queue allows, then closes. */
    static final class Producer implements ConnectionHandler {
        final byte[] chunk = new byte[1500];
        final AtomicLong written = new AtomicLong();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger writableEvents = new AtomicInteger();
        final AtomicLong maxQueued = new AtomicLong();
        final AtomicBoolean sawUnwritable = new AtomicBoolean();
        volatile boolean stalled;

        @Override
        public void onOpen(Connection c) {
            // A small send buffer makes the stall come after a few hundred KiB instead of megabytes.
            c.setOption(java.net.StandardSocketOptions.SO_SNDBUF, 32 * 1024);
            pump(c);
        }

        private void pump(Connection c) {
            long w = written.get();
            while (w < TOTAL) {
                int n = (int) Math.min(chunk.length, TOTAL - w);
                for (int i = 0; i < n; i++) {
                    chunk[i] = at(w + i);
                }
                if (!c.write(chunk, 0, n)) {
                    refused.incrementAndGet();
                    stalled = true;
                    assertThat(c.isWritable()).isFalse();
                    break;
                }
                w += n;
                written.set(w);
                maxQueued.accumulateAndGet(c.queuedBytes(), Math::max);
                if (!c.isWritable()) {
                    sawUnwritable.set(true);
                }
            }
            if (w == TOTAL) {
                c.close();
            }
        }

        @Override
        public void onWritable(Connection c) {
            writableEvents.incrementAndGet();
            stalled = false;
            pump(c);
        }

        @Override
        public void onData(Connection c, MemorySegment buffer, int offset, int length) {
        }
    }

    @Test
    void queueFillsStaysBoundedAndDrainsWhenTheReaderCatchesUp() throws Exception {
        Producer producer = new Producer();
        EventLoopGroup group = group(b -> b.threads(1).writeQueueBuffers(16));
        Listener listener = group.listen(anyPort(), producer);
        try (Socket s = new Socket()) {
            // Not smaller: loopback TCP's sender clamps its MSS to half the largest window seen, and a receiver
            // whose window (rounded down to its MSS estimate) ends below that gets data only at each persist-timer
            // probe, ~70 KB/s (seen under load with 16 KiB: 4 MiB took over 30 s, Send-Q full, "timer:(persist").
            s.setReceiveBufferSize(256 * 1024);
            s.connect(listener.localAddress(), 5_000);
            s.setSoTimeout(20_000);
            // Not reading: once the socket buffers are full the producer must stall for good, its queue bounded.
            long stalledAt = -1;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() - deadline < 0) {
                long w = producer.written.get();
                Thread.sleep(300);
                if (producer.stalled && producer.written.get() == w) {
                    stalledAt = w;
                    break;
                }
            }
            assertThat(stalledAt).as("the producer stalls while nobody reads").isPositive();
            assertThat(stalledAt).isLessThan(TOTAL);
            NetCounters mid = group.counters();
            assertThat(mid.queuedWriteBytes()).as("queued bytes bounded by the queue (16 x 2 KiB)")
                    .isPositive().isLessThanOrEqualTo(16 * 2048);
            assertThat(mid.writeBuffersInUse()).isBetween(1L, 16L);
            assertThat(producer.maxQueued.get()).isLessThanOrEqualTo(16 * 2048);

            InputStream in = s.getInputStream();
            byte[] got = NetTestSupport.readExactly(in, TOTAL);
            for (int i = 0; i < TOTAL; i++) {
                if (got[i] != at(i)) {
                    throw new AssertionError("byte " + i + " differs");
                }
            }
            assertThat(in.read()).as("end of stream after a graceful close").isEqualTo(-1);
        }
        assertThat(producer.refused.get()).isPositive();
        assertThat(producer.writableEvents.get()).as("onWritable after each refusal").isPositive();
        assertThat(producer.sawUnwritable.get()).as("isWritable false past the high-water mark").isTrue();
        NetCounters c = NetTestSupport.shutdownClean(group);
        assertThat(c.bytesSent()).isEqualTo(TOTAL);
    }

    /** An IoVec write gathers several buffers into one queued sequence. */
    @Test
    void ioVecWriteGathersBuffersInOrder() throws Exception {
        byte[] head = "HTTP/1.1 200 OK\r\n\r\n".getBytes();
        byte[] body = NetTestSupport.pattern(5000, 6);
        EventLoopGroup group = group(b -> b.threads(1));
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofShared()) {
            dev.iobuf.IoVec vec = dev.iobuf.IoVec.of(arena, arena.allocateFrom(java.lang.foreign.ValueLayout.JAVA_BYTE, head),
                    arena.allocateFrom(java.lang.foreign.ValueLayout.JAVA_BYTE, body));
            Listener listener = group.listen(anyPort(), new ConnectionHandler() {
                @Override
                public void onOpen(Connection c) {
                    assertThat(c.write(vec)).isTrue();
                    c.close();
                }

                @Override
                public void onData(Connection c, MemorySegment buffer, int offset, int length) {
                }
            });
            try (Socket s = NetTestSupport.jdkClient(listener.port())) {
                byte[] all = s.getInputStream().readAllBytes();
                byte[] expected = new byte[head.length + body.length];
                System.arraycopy(head, 0, expected, 0, head.length);
                System.arraycopy(body, 0, expected, head.length, body.length);
                assertThat(all).isEqualTo(expected);
            }
            NetTestSupport.shutdownClean(group);
        }
    }

    /** A refused write changes nothing; writeSome takes exactly what fits. */
    @Test
    void refusedWriteQueuesNothingAndWriteSomeTakesWhatFits() throws Exception {
        AtomicLong before = new AtomicLong(-1);
        AtomicLong after = new AtomicLong(-1);
        AtomicInteger some = new AtomicInteger(-1);
        AtomicInteger room = new AtomicInteger(-1);
        AtomicBoolean refused = new AtomicBoolean();
        EventLoopGroup group = group(b -> b.threads(1).writeQueueBuffers(4));
        Listener listener = group.listen(anyPort(), new ConnectionHandler() {
            @Override
            public void onOpen(Connection c) {
                byte[] big = new byte[3 * 2048 + 1];
                c.write(big, 0, 2048);                       // one buffer
                before.set(c.queuedBytes());
                room.set(c.writableBytes());
                refused.set(!c.write(big));                  // needs 4 buffers, 3 are left
                after.set(c.queuedBytes());
                some.set(c.writeSome(MemorySegment.ofArray(big), 0, big.length));
                c.close();
            }

            @Override
            public void onData(Connection c, MemorySegment buffer, int offset, int length) {
            }
        });
        try (Socket s = NetTestSupport.jdkClient(listener.port())) {
            byte[] all = s.getInputStream().readAllBytes();
            assertThat(all).hasSize(2048 + 3 * 2048);
        }
        assertThat(refused.get()).isTrue();
        assertThat(room.get()).isEqualTo(3 * 2048);
        assertThat(after.get()).isEqualTo(before.get()).isEqualTo(2048);
        assertThat(some.get()).isEqualTo(3 * 2048);
        NetTestSupport.shutdownClean(group);
    }
}
