package dev.iobuf.uring.net;

import static dev.iobuf.uring.net.NetTestSupport.anyPort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A loop that dies anyway (a bug: here a VirtualMachineError out of a handler) closes what it held first,
 * so nobody connects to it any more; its group says so; the other loops keep serving. And errors of calls
 * made from other threads reach their caller.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
abstract class LoopFailureTest extends TransportSuite {

    @Test
    void aDeadLoopClosesItsConnectionsAndListenerAndTheGroupReportsIt() throws Exception {
        EventLoopGroup group = group(b -> b.threads(1));
        CompletableFuture<Throwable> reported = group.whenLoopFails().toCompletableFuture();
        Listener listener = group.listen(anyPort(), new ConnectionHandler() {
            @Override
            public void onData(Connection c, MemorySegment buffer, int offset, int length) {
                if (buffer.get(java.lang.foreign.ValueLayout.JAVA_BYTE, offset) == 'X') {
                    throw new StackOverflowError("simulated bug");       // a VirtualMachineError ends the loop
                }
                c.write(buffer, offset, length);
            }
        });
        assertThat(group.isHealthy()).isTrue();
        assertThat(group.failure()).isNull();
        try (Socket bystander = NetTestSupport.jdkClient(listener.port());
             Socket killer = NetTestSupport.jdkClient(listener.port())) {
            bystander.getOutputStream().write(1);
            assertThat(bystander.getInputStream().read()).isEqualTo(1);
            killer.getOutputStream().write('X');
            Throwable failure = reported.get(10, TimeUnit.SECONDS);
            assertThat(failure).hasMessageContaining("event loop 0 failed").hasCauseInstanceOf(StackOverflowError.class);
            assertThat(group.isHealthy()).isFalse();
            assertThat(group.failure()).isSameAs(failure);
            assertThat(bystander.getInputStream().read()).as("its connections were closed").isEqualTo(-1);
            assertThat(killer.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(listener.isOpen()).as("its listening socket is closed").isFalse();
        assertThatThrownBy(() -> new Socket(NetTestSupport.LOOPBACK, listener.port()).close())
                .as("nobody connects to a dead loop").isInstanceOf(ConnectException.class);
        assertThat(group.shutdownGracefully(Duration.ofSeconds(5))).isTrue();
        NetCounters counters = group.counters();
        assertThat(counters.isQuiescent()).as("nothing leaked: %s", counters).isTrue();
        assertThat(counters.openFds()).isZero();
    }

    @Test
    void theOtherLoopsKeepServingWhenOneDies() throws Exception {
        EventLoopGroup group = group(b -> b.threads(2));
        EventLoop doomed = group.loops().get(0);
        Listener listener = group.listen(anyPort(), new EchoHandler());
        doomed.execute(() -> {
            throw new StackOverflowError("simulated bug in a task");
        });
        assertThat(group.whenLoopFails().toCompletableFuture().get(10, TimeUnit.SECONDS)).hasMessageContaining("event loop 0");
        assertThat(NetTestSupport.await(doomed::isTerminated, Duration.ofSeconds(5))).isTrue();
        for (int i = 0; i < 20; i++) {          // the kernel sends every connection to the live loop's socket
            try (Socket s = NetTestSupport.jdkClient(listener.port())) {
                s.getOutputStream().write(i);
                assertThat(s.getInputStream().read()).as("connection %d served", i).isEqualTo(i);
            } catch (IOException e) {
                throw new AssertionError("connection " + i + " was not served: " + e, e);
            }
        }
        NetCounters counters = NetTestSupport.shutdownClean(group);
        assertThat(counters.connectionsAccepted()).isEqualTo(20);
    }

    @Test
    void releasingABadHandleFromAnotherThreadFailsTheCallersStage() throws Exception {
        EventLoopGroup group = group(b -> b.threads(1));
        EventLoop loop = group.loops().get(0);
        assertThatThrownBy(() -> loop.release(0x1234_0000_0007L).toCompletableFuture().get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a retained buffer of this loop");
        CompletableFuture<Throwable> onLoop = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                loop.release(7);
                onLoop.complete(null);
            } catch (IllegalStateException e) {
                onLoop.complete(e);
            }
        });
        assertThat(onLoop.get(5, TimeUnit.SECONDS)).as("on the loop thread it throws").isInstanceOf(IllegalStateException.class);
        NetTestSupport.shutdownClean(group);
        assertThatThrownBy(() -> loop.release(7).toCompletableFuture().get(5, TimeUnit.SECONDS))
                .as("after the loop ended").hasCauseInstanceOf(java.util.concurrent.RejectedExecutionException.class);
    }
}
