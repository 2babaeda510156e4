package dev.iobuf.uring.net;

import static dev.iobuf.uring.net.NetTestSupport.group;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.uring.KernelTest;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 9, item 5: a handler that keeps the {@code onData} segment after returning must not read another
 * connection's bytes later. With the tests' poison mode ({@link RecvBuffers#POISON_PROPERTY}), the kept view
 * shows poison once the buffer went back (before: connection A's saved segment showed {@code BOB-SECRET-}).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@KernelTest
class KeptSegmentTest {

    @Test
    void aSegmentKeptPastOnDataReadsPoisonNotAnotherConnectionsBytes() throws Exception {
        assertThat(Boolean.getBoolean(RecvBuffers.POISON_PROPERTY)).as("the tests run in poison mode").isTrue();
        CompletableFuture<byte[]> keptLater = new CompletableFuture<>();
        MemorySegment[] kept = new MemorySegment[1];
        int[] keptAt = new int[2];
        EventLoopGroup group = group(b -> b.threads(1));
        try {
            Listener listener = group.listen(new InetSocketAddress(NetTestSupport.LOOPBACK, 0), new ConnectionHandler() {
                @Override
                public void onData(Connection c, MemorySegment buffer, int offset, int length) {
                    if (kept[0] == null) {
                        kept[0] = buffer;            // the misuse: keeping the view past the call
                        keptAt[0] = offset;
                        keptAt[1] = length;
                    } else if (!keptLater.isDone()) {
                        byte[] b = new byte[keptAt[1]];
                        MemorySegment.copy(kept[0], ValueLayout.JAVA_BYTE, keptAt[0], b, 0, b.length);
                        keptLater.complete(b);
                    }
                }
            });
            try (Socket alice = new Socket(NetTestSupport.LOOPBACK, listener.localAddress().getPort())) {
                alice.getOutputStream().write("ALICE-DATA-".getBytes(StandardCharsets.US_ASCII));
                alice.getOutputStream().flush();
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (kept[0] == null && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                try (Socket bob = new Socket(NetTestSupport.LOOPBACK, listener.localAddress().getPort())) {
                    OutputStream out = bob.getOutputStream();
                    out.write("BOB-SECRET-".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    byte[] seen = keptLater.get(10, TimeUnit.SECONDS);
                    String text = new String(seen, StandardCharsets.US_ASCII);
                    assertThat(text).doesNotContain("BOB").doesNotContain("ALICE");
                    for (byte b : seen) {
                        assertThat(b).isEqualTo(RecvBuffers.POISON);
                    }
                }
            }
        } finally {
            NetTestSupport.shutdownClean(group);
        }
    }
}
