package dev.iobuf.uring;

import static dev.iobuf.liburing.LibUring.IORING_CQE_F_MORE;
import static dev.iobuf.liburing.LibUring.IORING_CQE_F_NOTIF;
import static dev.iobuf.liburing.LibUring.IORING_NOTIF_USAGE_ZC_COPIED;
import static dev.iobuf.liburing.LibUring.IORING_SEND_ZC_REPORT_USAGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.BufferPool;
import dev.iobuf.BufferTier;
import dev.iobuf.liburing.Errno;
import dev.iobuf.liburing.LibcAbi;
import dev.iobuf.uring.RegisteredTestIo.Cqe;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The network preps of {@link Sqe} against real sockets: each field lands where the kernel reads it. */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@KernelTest
class OpNetTest {
    private static final int AF_INET = 2;
    private static final int SOCK_STREAM = 1;
    private static final int SOCK_CLOEXEC = 02000000;
    private static final int SHUT_WR = LibcAbi.SHUT_WR();
    private static final int POLLIN = 0x1;
    private static final int MSG_NOSIGNAL = 0x4000;

    /** struct sockaddr_in for 127.0.0.1:port. */
    private static MemorySegment loopback(Arena arena, int port) {
        MemorySegment sa = arena.allocate(16, 8);
        sa.set(ValueLayout.JAVA_SHORT, 0, (short) AF_INET);
        sa.set(ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN), 2, (short) port);
        MemorySegment.copy(InetAddress.getLoopbackAddress().getAddress(), 0, sa, ValueLayout.JAVA_BYTE, 4, 4);
        return sa;
    }

    private static byte[] bytes(MemorySegment m, long offset, int length) {
        return m.asSlice(offset, length).toArray(ValueLayout.JAVA_BYTE);
    }

    @Test
    void socketConnectSendAndRecvThroughTheRing() throws Exception {
        try (Ring ring = RegisteredTestIo.ring(16); Arena arena = Arena.ofConfined();
             ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            ring.require(Opcode.SOCKET);
            ring.nextSqe().socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0, 0).userData(1);
            Cqe sock = RegisteredTestIo.awaitOne(ring, null);
            assertThat(sock.res()).as(Errno.name(sock.res())).isGreaterThanOrEqualTo(0);
            int fd = sock.res();
            try {
                ring.nextSqe().connectUnsafe(fd, loopback(arena, server.getLocalPort())).userData(2);
                assertThat(RegisteredTestIo.awaitOne(ring, null).res()).isZero();
                try (Socket peer = server.accept()) {
                    MemorySegment out = arena.allocateFrom(ValueLayout.JAVA_BYTE, "hello".getBytes());
                    ring.nextSqe().sendUnsafe(fd, out, MSG_NOSIGNAL).userData(3);
                    assertThat(RegisteredTestIo.awaitOne(ring, null).res()).isEqualTo(5);
                    InputStream in = peer.getInputStream();
                    assertThat(in.readNBytes(5)).isEqualTo("hello".getBytes());

                    OutputStream po = peer.getOutputStream();
                    po.write("abc".getBytes());
                    ring.nextSqe().pollAdd(fd, POLLIN).userData(4);
                    assertThat(RegisteredTestIo.awaitOne(ring, null).res() & POLLIN).isEqualTo(POLLIN);
                    MemorySegment in3 = arena.allocate(16);
                    ring.nextSqe().recvUnsafe(fd, in3, 0).userData(5);
                    Cqe r = RegisteredTestIo.awaitOne(ring, null);
                    assertThat(r.res()).isEqualTo(3);
                    assertThat(bytes(in3, 0, 3)).isEqualTo("abc".getBytes());

                    // sendmsg with two iovecs: one gathered send.
                    MemorySegment a = arena.allocateFrom(ValueLayout.JAVA_BYTE, "gath".getBytes());
                    MemorySegment b = arena.allocateFrom(ValueLayout.JAVA_BYTE, "ered".getBytes());
                    MemorySegment iov = arena.allocate(32, 8);
                    iov.set(ValueLayout.JAVA_LONG, 0, a.address());
                    iov.set(ValueLayout.JAVA_LONG, 8, 4);
                    iov.set(ValueLayout.JAVA_LONG, 16, b.address());
                    iov.set(ValueLayout.JAVA_LONG, 24, 4);
                    MemorySegment msg = arena.allocate(56, 8);
                    msg.set(ValueLayout.JAVA_LONG, 16, iov.address());
                    msg.set(ValueLayout.JAVA_LONG, 24, 2);
                    ring.nextSqe().sendmsgUnsafe(fd, msg.address(), MSG_NOSIGNAL).userData(6);
                    assertThat(RegisteredTestIo.awaitOne(ring, null).res()).isEqualTo(8);
                    assertThat(in.readNBytes(8)).isEqualTo("gathered".getBytes());

                    ring.nextSqe().shutdown(fd, SHUT_WR).userData(7);
                    assertThat(RegisteredTestIo.awaitOne(ring, null).res()).isZero();
                    assertThat(in.read()).as("FIN after SHUT_WR").isEqualTo(-1);
                }
            } finally {
                RegisteredTestIo.close(fd);
            }
        }
    }

    @Test
    void multishotAcceptAndMultishotRecvPostManyCompletions() throws Exception {
        try (Ring ring = RegisteredTestIo.ring(16); Arena arena = Arena.ofConfined();
             ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             BufferPool pool = BufferPool.of(BufferTier.SMALL, 8);
             BufferRing group = BufferRing.register(ring, 5, pool, 8)) {
            ring.require(Opcode.BIND);
            ring.require(Opcode.LISTEN);
            ring.nextSqe().socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0, 0).userData(1);
            int lfd = RegisteredTestIo.awaitOne(ring, null).res();
            assertThat(lfd).isGreaterThanOrEqualTo(0);
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            ring.nextSqe().bindUnsafe(lfd, loopback(arena, port).address(), 16).userData(2);
            assertThat(RegisteredTestIo.awaitOne(ring, null).res()).as("IORING_OP_BIND").isZero();
            ring.nextSqe().listen(lfd, 8).userData(3);
            assertThat(RegisteredTestIo.awaitOne(ring, null).res()).as("IORING_OP_LISTEN").isZero();

            ring.nextSqe().acceptMultishot(lfd, SOCK_CLOEXEC).userData(10);
            ring.submit();
            try (Socket c1 = new Socket("127.0.0.1", port); Socket c2 = new Socket("127.0.0.1", port)) {
                List<Cqe> accepts = RegisteredTestIo.await(ring, null, 2);
                for (Cqe a : accepts) {
                    assertThat(a.res()).isGreaterThanOrEqualTo(0);
                    assertThat(a.flags() & IORING_CQE_F_MORE()).as("multishot accept stays armed").isNotZero();
                }
                int afd = accepts.get(0).res();
                ring.nextSqe().recvMultishot(afd, group.groupId(), 0).userData(20);
                ring.submit();
                // afd is c1's or c2's server side: write to both, count what arrives on afd.
                for (String word : new String[] {"one", "two"}) {
                    c1.getOutputStream().write(word.getBytes());
                    c2.getOutputStream().write(word.getBytes());
                    Thread.sleep(20);
                }
                int bytes = 0;
                int completions = 0;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (bytes < 6 && System.nanoTime() - deadline < 0) {
                    for (Cqe r : RegisteredTestIo.await(ring, null, 1)) {
                        assertThat(r.userData()).isEqualTo(20);
                        assertThat(r.flags() & IORING_CQE_F_MORE()).as("multishot recv stays armed").isNotZero();
                        int bid = group.select(r.res(), r.flags());
                        group.take(bid);
                        bytes += r.res();
                        completions++;
                        group.release(bid);
                    }
                }
                assertThat(bytes).isEqualTo(6);
                assertThat(completions).as("one SQE, a completion per arrival").isEqualTo(2);
                for (Cqe a : accepts) {
                    RegisteredTestIo.close(a.res());
                }
            }
            ring.nextSqe().cancel(10, 0).userData(30);
            ring.nextSqe().cancel(20, 0).userData(31);
            List<Cqe> rest = RegisteredTestIo.await(ring, null, 4);
            assertThat(rest).extracting(Cqe::userData).contains(10L, 30L, 31L);
            RegisteredTestIo.close(lfd);
        }
    }

    @Test
    void sendZcPostsTheResultThenANotification() throws Exception {
        try (Ring ring = RegisteredTestIo.ring(16); Arena arena = Arena.ofConfined();
             ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Assumptions.assumeTrue(ring.supports(Opcode.SEND_ZC), "SEND_ZC needs Linux 6.0");
            ring.nextSqe().socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0, 0).userData(1);
            int fd = RegisteredTestIo.awaitOne(ring, null).res();
            try {
                ring.nextSqe().connectUnsafe(fd, loopback(arena, server.getLocalPort())).userData(2);
                assertThat(RegisteredTestIo.awaitOne(ring, null).res()).isZero();
                try (Socket peer = server.accept()) {
                    MemorySegment data = arena.allocateFrom(ValueLayout.JAVA_BYTE, "zerocopy".getBytes());
                    ring.nextSqe().sendZcUnsafe(fd, data.address(), 8, MSG_NOSIGNAL, IORING_SEND_ZC_REPORT_USAGE()).userData(9);
                    List<Cqe> two = RegisteredTestIo.await(ring, null, 2);
                    assertThat(two.get(0).res()).isEqualTo(8);
                    assertThat(two.get(0).flags() & IORING_CQE_F_MORE()).as("a notification follows").isNotZero();
                    assertThat(two.get(1).userData()).isEqualTo(9);
                    assertThat(two.get(1).flags() & IORING_CQE_F_NOTIF()).isNotZero();
                    assertThat(two.get(1).flags() & IORING_CQE_F_MORE()).isZero();
                    assertThat(two.get(1).res() & IORING_NOTIF_USAGE_ZC_COPIED()).as("loopback copies").isNotZero();
                    assertThat(peer.getInputStream().readNBytes(8)).isEqualTo("zerocopy".getBytes());
                }
            } finally {
                RegisteredTestIo.close(fd);
            }
        }
    }

    @Test
    void msgRingPostsACompletionOnAnotherRing() {
        try (Ring a = RegisteredTestIo.ring(8); Ring b = RegisteredTestIo.ring(8)) {
            a.require(Opcode.MSG_RING);
            a.nextSqe().msgRing(b.fd(), 1234, 0xABCDL, 0).userData(1);
            assertThat(RegisteredTestIo.awaitOne(a, null).res()).isZero();
            Cqe got = RegisteredTestIo.awaitOne(b, null);
            assertThat(got.userData()).isEqualTo(0xABCDL);
            assertThat(got.res()).isEqualTo(1234);
        }
    }
}
