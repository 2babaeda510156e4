package dev.iobuf.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.uring.IoUringBlockedException;
import dev.iobuf.uring.IoUringUnavailableException;
import dev.iobuf.uring.net.EventLoop;
import dev.iobuf.uring.net.EventLoopGroup;
import dev.iobuf.uring.net.NetCounters;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** What the server tests share: starting servers on loopback, JDK peers, fd counts, leak checks. */
final class NetTestKit {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private NetTestKit() {
    }

    /** Loopback, any free port, {@code loops} loops, the servers' other defaults. */
    static NetServer.Options options(int loops) {
        return NetServer.Options.of(LOOPBACK.getHostAddress(), 0, loops);
    }

    /** Starts a server; aborts the test, loudly, when io_uring cannot be used here. */
    static NetServer start(Supplier<NetServer> starter) {
        try {
            return starter.get();
        } catch (IoUringBlockedException | IoUringUnavailableException e) {
            Assumptions.abort("io_uring is not usable here, so the servers cannot run: " + e.getMessage());
            throw e;
        }
    }

    /**
     * Loads the classes and opens the files a first network test would (JDK sockets, AssertJ, /proc), so that
     * fd counts taken afterwards see only what the test itself opens.
     */
    static void warmUpFdCount() throws IOException {
        try (ServerSocket ss = new ServerSocket(0, 1, LOOPBACK); Socket s = jdkClient(ss.getLocalPort());
             Socket a = ss.accept()) {
            s.getOutputStream().write(1);
            assertThat(a.getInputStream().read()).isEqualTo(1);
        }
        openFds();
    }

    /** Open fds of this process (/proc/self/fd entries). */
    static int openFds() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return (int) fds.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The soft RLIMIT_NOFILE of this process. */
    static long fdLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                    return "unlimited".equals(soft) ? Long.MAX_VALUE : Long.parseLong(soft);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /**
     * Stops {@code server} gracefully and insists that it ended clean: every gauge at zero, as many fds closed
     * as opened, and this process back to {@code fdsBefore} open fds (a little later if the JDK's own
     * sockets are still closing).
     */
    static NetCounters stopClean(NetServer server, int fdsBefore) throws InterruptedException {
        NetServer.Stopped stopped = server.stop();
        assertThat(stopped.ended()).as("loops ended: %s", stopped.line()).isTrue();
        assertThat(stopped.counters().isQuiescent()).as("counters at zero after shutdown: %s", stopped.counters()).isTrue();
        assertThat(stopped.counters().fdsOpened()).as("fds opened = closed").isEqualTo(stopped.counters().fdsClosed());
        assertThat(await(() -> openFds() <= fdsBefore, Duration.ofSeconds(5)))
                .as("/proc/self/fd back to %d entries, now %d", fdsBefore, openFds()).isTrue();
        return stopped.counters();
    }

    /** A small daemon client group on io_uring. */
    static EventLoopGroup clientGroup(int loops) {
        return EventLoopGroup.builder().threads(loops).daemon(true).ringEntries(256).threadName("test-client-").build();
    }

    static void shutdownClean(EventLoopGroup group) {
        assertThat(group.shutdownGracefully(Duration.ofSeconds(10))).as("client group ended").isTrue();
        assertThat(group.counters().isQuiescent()).as("client counters at zero: %s", group.counters()).isTrue();
    }

    /** A blocking JDK client socket to {@code port} on loopback (TCP_NODELAY, 20 s read timeout). */
    static Socket jdkClient(int port) throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoTimeout(20_000);
        s.connect(new InetSocketAddress(LOOPBACK, port), 5_000);
        return s;
    }

    static byte[] pattern(int length, long seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] readExactly(InputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new IOException("stream ended after " + b.length + " of " + n + " bytes");
        }
        return b;
    }

    /** Writes {@code data} from a daemon thread while the caller reads (so neither side's buffers deadlock). */
    static Thread writeAsync(OutputStream out, byte[] data) {
        Thread t = new Thread(() -> {
            try {
                out.write(data);
                out.flush();
            } catch (IOException e) {
                // the reader reports what is missing
            }
        }, "test-writer");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Waits until {@code condition} holds, up to {@code timeout}; false if it never did. */
    static boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /**
     * The bytes allocated so far by {@code loop}'s thread (com.sun.management.ThreadMXBean, reached
     * reflectively: the examples module does not read java.management), read on that thread.
     */
    static long loopAllocatedBytes(EventLoop loop) throws Exception {
        MethodHandle counter = AllocationCounter.HANDLE;
        CompletableFuture<Long> f = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                f.complete((long) counter.invokeExact());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(10, TimeUnit.SECONDS);
    }

    /** The current thread's allocation counter (see {@link #loopAllocatedBytes}). */
    static long threadAllocatedBytes() throws Throwable {
        return (long) AllocationCounter.HANDLE.invokeExact();
    }

    private static final class AllocationCounter {
        static final MethodHandle HANDLE = handle();

        private static MethodHandle handle() {
            try {
                Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
                Method m = Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes");
                return MethodHandles.publicLookup().unreflect(m).bindTo(bean);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("this JDK has no com.sun.management.ThreadMXBean allocation counter", e);
            }
        }
    }
}
