package dev.iobuf.uring.net;

import static dev.iobuf.uring.net.NetTestSupport.anyPort;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.uring.KernelTest;
import java.io.InputStream;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The server side against plain blocking JDK sockets: an independent peer. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@KernelTest
abstract class EchoJdkClientTest extends TransportSuite {

    @Test
    void echoesEveryByteInOrderAcrossManyBuffers() throws Exception {
        EchoHandler echo = new EchoHandler();
        EventLoopGroup group = group();
        Listener listener = group.listen(anyPort(), echo);
        assertThat(listener.port()).isPositive();
        byte[] data = NetTestSupport.pattern(3 * 1024 * 1024 + 123, 7);   // many 2 KiB receive buffers
        try (Socket s = NetTestSupport.jdkClient(listener.port())) {
            NetTestSupport.writeAsync(s.getOutputStream(), data);
            InputStream in = s.getInputStream();
            byte[] back = NetTestSupport.readExactly(in, data.length);
            assertThat(back).isEqualTo(data);
        }
        assertThat(echo.refused).as("writes refused").isZero();
        assertThat(NetTestSupport.await(() -> echo.closed == 1, java.time.Duration.ofSeconds(5))).isTrue();
        NetCounters c = NetTestSupport.shutdownClean(group);
        assertThat(c.bytesReceived()).isEqualTo(data.length);
        assertThat(c.bytesSent()).isEqualTo(data.length);
        assertThat(c.connectionsAccepted()).isEqualTo(1);
        assertThat(c.connectionsClosed()).isEqualTo(1);
    }
}
