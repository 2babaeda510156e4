package dev.iobuf.uring.net;

import static dev.iobuf.uring.net.NetTestSupport.anyPort;
import static dev.iobuf.uring.net.NetTestSupport.group;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.liburing.Syscalls;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A completion that carries a provided buffer but names a connection that is gone (its slot freed, its
 * generation moved on) must give exactly that buffer back to the ring, and the loop must go on serving.
 * The stale completion is real: a buffer-select read from the loop's own group, on an eventfd that is
 * readable at once, submitted with the user_data of a connection that has closed.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StaleCompletionTest {
    private static final int BUFFERS = 8;

    @Test
    void aStaleCompletionReturnsTheBufferItCarriesAndTheLoopGoesOn() throws Exception {
        EchoHandler recorder = new EchoHandler();
        EventLoopGroup group = group(b -> b.threads(1).recvBuffers(BUFFERS));
        EventLoop loop = group.loops().get(0);
        Listener listener = group.listen(anyPort(), recorder);
        // Two receives move the ring's head past buffers 0 and 1: the stale read then carries buffer 2, so a
        // loop that returned "buffer 1" (the count of buffers the completion filled) would be caught.
        echoOnce(listener.port());
        echoOnce(listener.port());
        Connection gone = recorder.last;
        assertThat(NetTestSupport.await(gone::isClosed, Duration.ofSeconds(10))).as("the server side closed").isTrue();

        int efd = Syscalls.eventfd(1, 0);       // counter 1: a read completes at once
        assertThat(efd).as("eventfd").isNotNegative();
        try {
            onLoop(loop, () -> {
                loop.sqe().readUnsafe(efd, 0, 8, 0).bufferSelect(loop.recvBuffers().groupId())
                        .userData(NetTestSupport.recvUserData(gone));
                return null;
            });
            assertThat(NetTestSupport.await(() -> onLoopQuietly(loop, loop::staleCompletions) == 1, Duration.ofSeconds(10)))
                    .as("the read completed as a stale receive").isTrue();
            assertThat(NetTestSupport.await(() -> onLoopQuietly(loop, () -> loop.recvBuffers().inRing()) == BUFFERS,
                    Duration.ofSeconds(10))).as("every buffer is back in the ring").isTrue();
            RecvBuffers recv = loop.recvBuffers();
            assertThat(onLoop(loop, recv::pending)).as("selected buffers").isZero();
            assertThat(onLoop(loop, recv::withUser)).as("buffers with the user").isZero();
            assertThat(onLoop(loop, recv::returned)).as("returned, unpublished").isZero();
            assertThat(loop.isShuttingDown()).as("the loop still runs").isFalse();
            echoOnce(listener.port());          // and still serves
        } finally {
            Syscalls.close(efd);
        }
        assertThat(group.shutdownGracefully(Duration.ofSeconds(10))).isTrue();
        assertThat(loop.staleCompletions()).isEqualTo(1);
        NetCounters c = group.counters();
        assertThat(c.isQuiescent()).as("counters at zero: %s", c).isTrue();
        assertThat(c.recvBuffersInRing()).isEqualTo(0);     // closed with the ring
    }

    private static void echoOnce(int port) throws Exception {
        try (Socket s = NetTestSupport.jdkClient(port)) {
            s.getOutputStream().write(42);
            assertThat(s.getInputStream().read()).isEqualTo(42);
        }
    }

    private static <T> T onLoop(EventLoop loop, Callable<T> task) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                f.complete(task.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(10, TimeUnit.SECONDS);
    }

    private static <T> T onLoopQuietly(EventLoop loop, Callable<T> task) {
        try {
            return onLoop(loop, task);
        } catch (Exception e) {
            throw new AssertionError("the loop did not answer: " + e, e);
        }
    }
}
