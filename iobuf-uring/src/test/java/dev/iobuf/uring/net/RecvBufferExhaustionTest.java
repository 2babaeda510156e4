package dev.iobuf.uring.net;

import static dev.iobuf.uring.net.NetTestSupport.anyPort;
import static dev.iobuf.uring.net.NetTestSupport.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iobuf.uring.KernelTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The receive buffer ring runs dry (a handler retains every buffer): the multishot receive ends with
 * -ENOBUFS, and is armed again once buffers come back; no byte is lost or reordered.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@KernelTest
class RecvBufferExhaustionTest {
    private static final int BUFFERS = 4;

    /** Retains every buffer it gets (recording handle, offset, length) until told to flush them all. */
    static final class Hoarder implements ConnectionHandler {
        final List<long[]> held = new ArrayList<>();       // loop thread only
        volatile Connection connection;
        volatile int heldCount;

        @Override
        public void onOpen(Connection c) {
            connection = c;
        }

        @Override
        public void onData(Connection c, MemorySegment buffer, int offset, int length) {
            long handle = c.retain();
            assertThat(c.retain()).as("retain twice in one onData: same handle").isEqualTo(handle);
            assertThat(c.loop().retainedBuffer(handle)).isSameAs(buffer);
            held.add(new long[] {handle, offset, length});
            heldCount = held.size();
        }

        /** Echoes what was held, in order, and gives the buffers back. Loop thread. */
        void flush(Connection c) {
            for (long[] h : held) {
                MemorySegment buffer = c.loop().retainedBuffer(h[0]);
                assertThat(c.write(buffer, h[1], (int) h[2])).isTrue();
                c.loop().release(h[0]);
            }
            held.clear();
            heldCount = 0;
        }
    }

    @Test
    void enobufsEndsTheMultishotReceiveAndItIsRearmedWhenBuffersReturn() throws Exception {
        Hoarder hoarder = new Hoarder();
        EventLoopGroup group = group(b -> b.threads(1).recvBuffers(BUFFERS).writeQueueBuffers(64));
        Listener listener = group.listen(anyPort(), hoarder);
        byte[] data = NetTestSupport.pattern(BUFFERS * 2048 * 6, 3);
        try (Socket s = NetTestSupport.jdkClient(listener.port())) {
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(data);        // 24 buffers' worth: the ring holds 4
            out.flush();
            int echoed = 0;
            int rounds = 0;
            while (echoed < data.length) {
                rounds++;
                assertThat(NetTestSupport.await(() -> hoarder.heldCount == BUFFERS
                        || hoarder.heldCount > 0 && group.counters().recvNoBuffers() >= 1, Duration.ofSeconds(10)))
                        .as("the handler holds buffers").isTrue();
                EventLoop loop = group.loops().get(0);
                CompletableFuture<Integer> released = new CompletableFuture<>();
                loop.execute(() -> {
                    int bytes = 0;
                    for (long[] h : hoarder.held) {
                        bytes += (int) h[2];
                    }
                    hoarder.flush(hoarder.connection);
                    released.complete(bytes);
                });
                int n = released.get(10, TimeUnit.SECONDS);
                byte[] back = NetTestSupport.readExactly(in, n);
                for (int i = 0; i < n; i++) {
                    assertThat(back[i]).as("byte %d", echoed + i).isEqualTo(data[echoed + i]);
                }
                echoed += n;
            }
            assertThat(rounds).isGreaterThan(1);
        }
        NetCounters c = NetTestSupport.shutdownClean(group);
        assertThat(c.recvNoBuffers()).as("receives that found the ring empty").isPositive();
        assertThat(c.recvRearms()).as("multishot receive armed again after -ENOBUFS").isPositive();
        assertThat(c.bytesReceived()).isEqualTo(data.length);
    }

    @Test
    void releasingTwiceOrOutsideOnDataIsRefused() throws Exception {
        AtomicReference<Throwable> secondRelease = new AtomicReference<>();
        AtomicReference<Throwable> retainOutside = new AtomicReference<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        EventLoopGroup group = group(b -> b.threads(1));
        Listener listener = group.listen(anyPort(), new ConnectionHandler() {
            @Override
            public void onOpen(Connection c) {
                try {
                    c.retain();
                } catch (IllegalStateException e) {
                    retainOutside.set(e);
                }
            }

            @Override
            public void onData(Connection c, MemorySegment buffer, int offset, int length) {
                long h = c.retain();
                c.loop().release(h);
                try {
                    c.loop().release(h);
                } catch (IllegalStateException e) {
                    secondRelease.set(e);
                }
                done.complete(null);
            }
        });
        try (Socket s = NetTestSupport.jdkClient(listener.port())) {
            s.getOutputStream().write(1);
            done.get(10, TimeUnit.SECONDS);
        }
        assertThat(retainOutside.get()).hasMessageContaining("inside onData");
        assertThat(secondRelease.get()).hasMessageContaining("released already");
        assertThatThrownBy(() -> group.loops().get(0).retainedBuffer(1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("loop's thread");
        NetTestSupport.shutdownClean(group);
    }
}
