package dev.iobuf.uring.net;

import static dev.iobuf.uring.net.NetTestSupport.anyPort;
import static dev.iobuf.uring.net.NetTestSupport.group;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.uring.KernelTest;
import dev.iobuf.uring.Ring;
import dev.iobuf.uring.RingFeature;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Receive bundles: one completion fills several buffers, delivered one onData each, in order. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@KernelTest
class RecvBundleTest {

    private static NetCounters echo(boolean bundles, byte[] data) throws Exception {
        EchoHandler echo = new EchoHandler();
        EventLoopGroup group = group(b -> b.threads(1).recvBundles(bundles).writeBuffers(4096).writeQueueBuffers(256));
        Listener listener = group.listen(anyPort(), echo);
        try (Socket s = NetTestSupport.jdkClient(listener.port())) {
            NetTestSupport.writeAsync(s.getOutputStream(), data);
            assertThat(NetTestSupport.readExactly(s.getInputStream(), data.length)).isEqualTo(data);
        }
        assertThat(echo.refused).isZero();
        return NetTestSupport.shutdownClean(group);
    }

    @Test
    void bundlesEchoByteForByteWithFewerCompletions() throws Exception {
        try (Ring ring = NetTestSupport.ringOrSkip()) {
            Assumptions.assumeTrue(ring.has(RingFeature.RECVSEND_BUNDLE), "receive bundles need Linux 6.10");
        }
        byte[] data = NetTestSupport.pattern(4 * 1024 * 1024, 12);
        int buffers = data.length / 2048;
        NetCounters bundled = echo(true, data);
        NetCounters single = echo(false, data);
        System.out.println("receive completions for " + buffers + " buffers of data: bundles " + bundled.recvCompletions()
                + ", without " + single.recvCompletions());
        assertThat(single.recvCompletions()).as("one buffer per completion without bundles")
                .isGreaterThanOrEqualTo(buffers);
        assertThat(bundled.recvCompletions()).as("bundles fill several buffers per completion")
                .isLessThan(buffers);
        assertThat(bundled.bytesReceived()).isEqualTo(data.length);
    }
}
