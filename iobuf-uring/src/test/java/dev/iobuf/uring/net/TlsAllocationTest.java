package dev.iobuf.uring.net;

import static dev.iobuf.uring.net.NetTestSupport.anyPort;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * After the handshake the TLS path allocates nothing of its own per record: an echo round trip over TLS
 * (receive, unwrap straight from the receive buffer, onData, write, wrap, send) allocates on the loop no
 * more than the JDK engine itself does for one unwrap and one wrap of the same record, measured in this
 * thread on an in-memory engine pair (the engine's own allocation is the provider's, not ours to remove).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
abstract class TlsAllocationTest extends TransportSuite {
    private static final int WARMUP = 20_000;
    private static final int MEASURED = 10_000;
    private static final int SIZE = 64;

    @Test
    void echoRoundTripsAllocateNoMoreThanTheEngineItself() throws Throwable {
        MethodHandle allocated = SteadyStateAllocationTest.allocatedBytes();
        EventLoopGroup group = group(b -> b.threads(1));
        EventLoop loop = group.loops().get(0);
        Listener listener = group.listen(anyPort(), new EchoHandler(), TlsConfig.server(TlsTestSupport.serverContext()));
        byte[] msg = NetTestSupport.pattern(SIZE, 1);
        byte[] back = new byte[SIZE];
        long bestOverBound = Long.MAX_VALUE;
        StringBuilder attempts = new StringBuilder();
        try (SSLSocket s = (SSLSocket) TlsTestSupport.clientContext().getSocketFactory()
                .createSocket(NetTestSupport.LOOPBACK, listener.port())) {
            s.setTcpNoDelay(true);
            s.setSoTimeout(20_000);
            SteadyStateAllocationTest.roundTrips(s.getOutputStream(), s.getInputStream(), msg, back, WARMUP);
            // Pairs: the loop's bytes per round trip, then the engine's own right after (the same JIT state, the
            // same machine load), compared within each pair; the best pair counts.
            for (int a = 0; a < 5; a++) {
                long before = SteadyStateAllocationTest.loopAllocated(loop, allocated);
                SteadyStateAllocationTest.roundTrips(s.getOutputStream(), s.getInputStream(), msg, back, MEASURED);
                long perTrip = (SteadyStateAllocationTest.loopAllocated(loop, allocated) - before) / MEASURED;
                long engineOwn = engineBytesPerRecordPair(allocated);
                attempts.append(perTrip).append(" vs ").append(engineOwn).append(", ");
                // Both figures move with what the JIT scalar-replaces in the provider's code: on a loaded 2-core
                // machine the loop's figure within one run spread over ~300 B and the engine's ~170 B between
                // runs. So the bound is the engine's own plus 4 % (~130 B): a copy of each record of our own (a
                // heap array plus its ByteBuffer wrapper, 64 B record: ~150 B) still fails it in every pair; a
                // lone 48-byte view per record would hide in the provider's noise.
                bestOverBound = Math.min(bestOverBound, perTrip - (engineOwn + Math.max(32, engineOwn / 25)));
            }
        }
        assertThat(back).isEqualTo(msg);
        System.out.println("TLS echo: loop bytes per round trip vs the engine alone per unwrap + wrap: " + attempts);
        assertThat(bestOverBound).as("loop bytes per TLS round trip beyond the engine's own plus 4 %%, best pair of %s",
                attempts).isLessThanOrEqualTo(0);
        NetTestSupport.shutdownClean(group);
    }

    /** Bytes the server engine allocates for one unwrap and one wrap of a {@code SIZE}-byte record, here. */
    private static long engineBytesPerRecordPair(MethodHandle allocated) throws Throwable {
        SSLEngine server = TlsTestSupport.serverContext().createSSLEngine();
        server.setUseClientMode(false);
        SSLEngine client = TlsTestSupport.clientContext().createSSLEngine("localhost", 1);
        client.setUseClientMode(true);
        ByteBuffer c2s = ByteBuffer.allocateDirect(65536);
        ByteBuffer s2c = ByteBuffer.allocateDirect(65536);
        ByteBuffer app = ByteBuffer.allocateDirect(TlsBuffers.MAX_RECORD);
        ByteBuffer empty = ByteBuffer.allocate(0);
        client.beginHandshake();
        server.beginHandshake();
        for (int i = 0; i < 20; i++) {
            step(client, c2s, s2c, app, empty);
            step(server, s2c, c2s, app, empty);
        }
        drain(client, s2c, app);        // post-handshake messages (a TLS 1.3 session ticket)
        drain(server, c2s, app);
        assertThat(server.getSession().getProtocol()).startsWith("TLS");
        ByteBuffer src = ByteBuffer.allocateDirect(SIZE);
        ByteBuffer net = ByteBuffer.allocateDirect(TlsBuffers.MAX_RECORD);
        ByteBuffer net2 = ByteBuffer.allocateDirect(TlsBuffers.MAX_RECORD);
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 4; round++) {
            long serverBytes = 0;
            for (int i = 0; i < MEASURED; i++) {
                src.clear();
                net.clear();
                client.wrap(src, net);
                net.flip();
                long t0 = (long) allocated.invokeExact();
                app.clear();
                server.unwrap(net, app);
                app.flip();
                net2.clear();
                server.wrap(app, net2);
                serverBytes += (long) allocated.invokeExact() - t0;
                net2.flip();
                app.clear();
                client.unwrap(net2, app);
            }
            best = Math.min(best, serverBytes / MEASURED);
        }
        return best;
    }

    private static void drain(SSLEngine e, ByteBuffer in, ByteBuffer app) throws Exception {
        in.flip();
        while (in.hasRemaining()) {
            app.clear();
            e.unwrap(in, app);
        }
        in.clear();
    }

    private static void step(SSLEngine e, ByteBuffer out, ByteBuffer in, ByteBuffer app, ByteBuffer empty) throws Exception {
        while (true) {
            switch (e.getHandshakeStatus()) {
                case NEED_TASK -> {
                    Runnable r;
                    while ((r = e.getDelegatedTask()) != null) {
                        r.run();
                    }
                }
                case NEED_WRAP -> e.wrap(empty, out);
                case NEED_UNWRAP -> {
                    in.flip();
                    SSLEngineResult r = e.unwrap(in, app);
                    in.compact();
                    if (r.getStatus() != SSLEngineResult.Status.OK || r.bytesConsumed() == 0) {
                        return;
                    }
                }
                default -> {
                    return;
                }
            }
        }
    }
}
