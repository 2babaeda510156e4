package dev.iobuf.uring.net;

import static dev.iobuf.uring.net.NetTestSupport.anyPort;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.liburing.Errno;
import dev.iobuf.uring.SetupFlag;
import dev.iobuf.uring.UringException;
import java.lang.foreign.MemorySegment;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Failures stay with their connection: a throwing handler, a reset peer. The loop carries on. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
abstract class HandlerErrorTest extends TransportSuite {

    /** Records onError and onClose of one connection. */
    static final class Recorder implements ConnectionHandler {
        final CompletableFuture<Throwable> error = new CompletableFuture<>();
        final CompletableFuture<Connection> closed = new CompletableFuture<>();
        final boolean throwOnData;

        Recorder(boolean throwOnData) {
            this.throwOnData = throwOnData;
        }

        @Override
        public void onData(Connection c, MemorySegment buffer, int offset, int length) {
            if (throwOnData) {
                throw new IllegalArgumentException("handler bug");
            }
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

    @Test
    void aThrowingHandlerClosesOnlyItsConnection() throws Exception {
        Recorder bad = new Recorder(true);
        EventLoopGroup group = group(b -> b.threads(1));
        Listener badListener = group.listen(anyPort(), bad);
        Listener goodListener = group.listen(anyPort(), new EchoHandler());
        try (Socket s = NetTestSupport.jdkClient(badListener.port());
             Socket good = NetTestSupport.jdkClient(goodListener.port())) {
            s.getOutputStream().write(1);
            assertThat(bad.error.get(10, TimeUnit.SECONDS)).isInstanceOf(IllegalArgumentException.class);
            Connection c = bad.closed.get(10, TimeUnit.SECONDS);
            assertThat(c.closeReason()).isEqualTo(CloseReason.ERROR);
            assertThat(c.failure()).hasMessage("handler bug");
            assertThat(s.getInputStream().read()).isEqualTo(-1);
            good.getOutputStream().write(42);
            assertThat(good.getInputStream().read()).as("the loop still serves others").isEqualTo(42);
        }
        NetTestSupport.shutdownClean(group);
    }

    @Test
    void aResetPeerIsReportedWithItsErrno() throws Exception {
        Recorder rec = new Recorder(false);
        EventLoopGroup group = group(b -> b.threads(1));
        Listener listener = group.listen(anyPort(), rec);
        try (Socket s = NetTestSupport.jdkClient(listener.port())) {
            s.getOutputStream().write(1);
            assertThat(s.getInputStream().read()).isEqualTo(1);
            s.setSoLinger(true, 0);                    // close sends RST
        }
        Throwable cause = rec.error.get(10, TimeUnit.SECONDS);
        assertThat(cause).isInstanceOf(UringException.class);
        assertThat(((UringException) cause).errno()).isEqualTo(Errno.ECONNRESET.number());
        assertThat(rec.closed.get(10, TimeUnit.SECONDS).closeReason()).isEqualTo(CloseReason.ERROR);
        NetTestSupport.shutdownClean(group);
    }

    @Test
    void loopsRunOnSingleIssuerDeferTaskrunRings() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(transport() == dev.iobuf.uring.Transport.IO_URING,
                "ring setup flags exist on the io_uring transport only");
        EventLoopGroup group = group(b -> b.threads(2));
        for (EventLoop loop : group.loops()) {
            CompletableFuture<boolean[]> flags = new CompletableFuture<>();
            loop.execute(() -> flags.complete(new boolean[] {loop.has(SetupFlag.SINGLE_ISSUER),
                    loop.has(SetupFlag.DEFER_TASKRUN)}));
            assertThat(flags.get(5, TimeUnit.SECONDS)).as("SINGLE_ISSUER, DEFER_TASKRUN (Linux 6.1+)")
                    .containsExactly(true, true);
        }
        NetTestSupport.shutdownClean(group);
    }
}
