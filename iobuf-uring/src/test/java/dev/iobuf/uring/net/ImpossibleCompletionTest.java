package dev.iobuf.uring.net;

import static dev.iobuf.uring.net.NetTestSupport.anyPort;
import static dev.iobuf.uring.net.NetTestSupport.group;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.BufferTier;
import dev.iobuf.liburing.LibUring;
import dev.iobuf.uring.Ring;
import dev.iobuf.uring.UserData;
import java.lang.foreign.MemorySegment;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Completions no correct kernel posts, made real with IORING_OP_NOP and IORING_NOP_INJECT_RESULT (the
 * NOP completes with the result we choose, under a connection's user_data): each is counted, closes its
 * connection, and the loop goes on serving. Buffer ids and bundle lengths (CQE flags a NOP cannot carry)
 * are fed to the receive buffers directly.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ImpossibleCompletionTest {
    /** IORING_NOP_INJECT_RESULT (include/uapi/linux/io_uring.h; the bindings predate it): the NOP's result is sqe->len. */
    private static final int NOP_INJECT_RESULT = 1;

    /** Echoes; records the connection, its error and its close. */
    static final class Recorder implements ConnectionHandler {
        final CompletableFuture<Connection> opened = new CompletableFuture<>();
        final CompletableFuture<Throwable> error = new CompletableFuture<>();
        final CompletableFuture<Connection> closed = new CompletableFuture<>();

        @Override
        public void onOpen(Connection c) {
            opened.complete(c);
        }

        @Override
        public void onData(Connection c, MemorySegment buffer, int offset, int length) {
            c.write(buffer, offset, length);
        }

        @Override
        public void onError(Connection c, Throwable cause) {
            error.complete(cause);
        }

        @Override
        public void onClose(Connection c) {
            closed.complete(c);
        }
    }

    private static void assumeNopInjection() {
        try (Ring ring = NetTestSupport.ringOrSkip()) {
            ring.nextSqe().prepUnsafe(LibUring.IORING_OP_NOP(), -1, 0L, 12345, 0).opFlags(NOP_INJECT_RESULT).userData(7);
            int[] result = new int[1];
            ring.submitAndReap(1, (ud, res, flags) -> result[0] = res);
            Assumptions.assumeTrue(result[0] == 12345, "this kernel cannot inject NOP results (IORING_NOP_INJECT_RESULT, "
                    + "Linux 6.10?): got " + result[0]);
        }
    }

    /** Makes the loop's ring post a completion with {@code result} under {@code op} of {@code c}. */
    private static void inject(Connection c, int op, int result) {
        c.loop().execute(() -> c.loop().sqe().prepUnsafe(LibUring.IORING_OP_NOP(), -1, 0L, result, 0).opFlags(NOP_INJECT_RESULT)
                .userData(UserData.of(op, 0, c.slot, c.generation)));
    }

    private void assertClosedByAndLoopServes(int op, int result) throws Exception {
        assumeNopInjection();
        Recorder victim = new Recorder();
        EventLoopGroup group = group(b -> b.threads(1));
        Listener listener = group.listen(anyPort(), victim);
        try (Socket s = NetTestSupport.jdkClient(listener.port())) {
            s.getOutputStream().write(1);
            assertThat(s.getInputStream().read()).isEqualTo(1);
            Connection c = victim.opened.get(10, TimeUnit.SECONDS);
            inject(c, op, result);
            assertThat(victim.error.get(10, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("impossible");
            assertThat(victim.closed.get(10, TimeUnit.SECONDS).closeReason()).isEqualTo(CloseReason.ERROR);
            assertThat(s.getInputStream().read()).as("the victim's peer sees the close").isEqualTo(-1);
        }
        try (Socket other = NetTestSupport.jdkClient(listener.port())) {
            other.getOutputStream().write(42);
            assertThat(other.getInputStream().read()).as("the loop still serves").isEqualTo(42);
        }
        assertThat(group.counters().invalidCompletions()).isEqualTo(1);
        NetTestSupport.shutdownClean(group);
    }

    @Test
    void aSendCompletionReportingMoreThanWasQueuedClosesTheConnectionNotTheLoop() throws Exception {
        assertClosedByAndLoopServes(Op.SEND, 1 << 30);     // used to spin the loop forever in WriteQueue.sent
    }

    @Test
    void aReceiveCompletionWithDataButNoBufferClosesTheConnectionNotTheLoop() throws Exception {
        assertClosedByAndLoopServes(Op.RECV, 4096);
    }

    @Test
    void receiveCompletionsNamingBuffersNotInTheRingAreRefusedWithoutChangingAnything() {
        int bufferFlag = LibUring.IORING_CQE_F_BUFFER();
        int shift = LibUring.IORING_CQE_BUFFER_SHIFT();
        try (Ring ring = NetTestSupport.ringOrSkip(); RecvBuffers buffers = new RecvBuffers(ring, BufferTier.SMALL, 4, 0, true, false, "test")) {
            int size = buffers.bufferSize();
            assertThat(buffers.select(10, (9 << shift) | bufferFlag)).as("an id outside the group").isEqualTo(RecvBuffers.IMPOSSIBLE);
            assertThat(buffers.select(5 * size, bufferFlag)).as("a bundle longer than the buffers").isEqualTo(RecvBuffers.IMPOSSIBLE);
            assertThat(buffers.select(100, 0)).as("data without a buffer").isEqualTo(RecvBuffers.IMPOSSIBLE);
            assertThat(buffers.inRing()).isEqualTo(4);
            assertThat(buffers.select(10, (1 << shift) | bufferFlag)).isEqualTo(1);
            assertThat(buffers.select(10, (1 << shift) | bufferFlag)).as("the same buffer twice").isEqualTo(RecvBuffers.IMPOSSIBLE);
            assertThat(buffers.select(2 * size, bufferFlag)).as("a bundle over a buffer that is out of the ring")
                    .isEqualTo(RecvBuffers.IMPOSSIBLE);
            assertThat(buffers.inRing()).isEqualTo(3);
            assertThat(buffers.pending()).isEqualTo(1);
            assertThat(buffers.select(2 * size, (2 << shift) | bufferFlag)).as("a true bundle: buffers 2 and 3").isEqualTo(2);
            assertThat(buffers.selected(1)).isEqualTo(3);
        }
    }
}
