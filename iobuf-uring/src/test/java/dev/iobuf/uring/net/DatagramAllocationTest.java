package dev.iobuf.uring.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.invoke.MethodHandle;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A UDP echo allocates nothing on the loop per datagram in steady state: multishot recvmsg into a provided buffer,
 * the header and sender parsed in place into the reusable {@link DatagramAddress}, onDatagram, the copy into the
 * send queue, sendmsg, the completions, the buffer republished (on NIO: receive into the pooled buffer, the sender
 * decoded only when the JDK hands a new address object, send to a cached target). Measured with the loop thread's
 * allocation counter as {@link SteadyStateAllocationTest} does for TCP, on every transport. Not a kernel-matrix
 * test: 50,000 round trips under an emulator take too long, and the allocation does not depend on the kernel.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
abstract class DatagramAllocationTest extends TransportSuite {
    private static final int WARMUP = 30_000;
    private static final int MEASURED = 20_000;
    private static final int ATTEMPTS = 3;

    private static void roundTrips(DatagramSocket s, DatagramPacket out, DatagramPacket in, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            s.send(out);
            s.receive(in);
        }
    }

    @Test
    void echoedDatagramsAllocateNothingOnTheLoop() throws Exception {
        MethodHandle allocated = SteadyStateAllocationTest.allocatedBytes();
        EventLoopGroup group = group(b -> b.threads(1));
        EventLoop loop = group.loops().get(0);
        DatagramBinding udp = group.bindDatagram(NetTestSupport.anyPort(), new UdpEcho(1));
        byte[] msg = NetTestSupport.pattern(64, 1);
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(NetTestSupport.LOOPBACK, 0))) {
            s.setSoTimeout(5_000);
            DatagramPacket out = new DatagramPacket(msg, msg.length, udp.localAddress());
            DatagramPacket in = new DatagramPacket(new byte[128], 128);
            roundTrips(s, out, in, WARMUP);
            StringBuilder attempts = new StringBuilder();
            long best = Long.MAX_VALUE;
            for (int a = 0; a < ATTEMPTS && best > 1024; a++) {
                long before = SteadyStateAllocationTest.loopAllocated(loop, allocated);
                roundTrips(s, out, in, MEASURED);
                long used = SteadyStateAllocationTest.loopAllocated(loop, allocated) - before;
                attempts.append(used).append(' ');
                best = Math.min(best, used);
            }
            assertThat(in.getLength()).isEqualTo(msg.length);
            System.out.println(transport() + " loop allocation over " + MEASURED + " UDP echoes, per attempt: " + attempts);
            // One object per datagram would be at least 16 x 20,000 = 320,000 bytes.
            assertThat(best).as("bytes allocated by the loop over %d UDP echoes (attempts: %s)", MEASURED, attempts)
                    .isLessThan(1024);
        }
        udp.close();
        NetTestSupport.shutdownClean(group);
    }
}
