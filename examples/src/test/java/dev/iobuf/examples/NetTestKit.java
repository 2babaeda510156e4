package dev.iobuf.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.uring.IoUringBlockedException;
import dev.iobuf.uring.IoUringUnavailableException;
import dev.iobuf.uring.net.EventLoop;
import dev.iobuf.uring.net.EventLoopGroup;
import dev.iobuf.uring.net.NetCounters;
import dev.iobuf.uring.testkit.LoopbackTestKit;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Assumptions;

/**
 * What the server tests share: starting servers on loopback, leak checks, allocation counters; loopback
 * peers, fd counts and waits come from {@link LoopbackTestKit} (iobuf-uring's test-jar).
 */
final class NetTestKit extends LoopbackTestKit {
    private NetTestKit() {
    }

    /** Loopback, any free port, {@code loops} loops, the servers' other defaults. */
    static NetServer.Options options(int loops) {
        return NetServer.Options.of(LOOPBACK.getHostAddress(), 0, loops);
    }

    /**
     * Starts a server; aborts the test, loudly, when it asked for io_uring and io_uring cannot be used here (with
     * the default transport, auto, the server runs on NIO instead and nothing is skipped).
     */
    static NetServer start(Supplier<NetServer> starter) {
        try {
            return starter.get();
        } catch (IoUringBlockedException | IoUringUnavailableException e) {
            Assumptions.abort("io_uring is not usable here, so a server asked to run on io_uring cannot: " + e.getMessage());
            throw e;
        }
    }

    /** Trusts any certificate: the servers' are self-signed (what curl -k does). */
    static SSLContext trustAll() throws Exception {
        X509TrustManager any = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {any}, null);
        return ctx;
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

    /** A small daemon client group (transport auto: io_uring, or NIO where io_uring is refused). */
    static EventLoopGroup clientGroup(int loops) {
        return EventLoopGroup.builder().threads(loops).daemon(true).ringEntries(256).threadName("test-client-").build();
    }

    static void shutdownClean(EventLoopGroup group) {
        assertThat(group.shutdownGracefully(Duration.ofSeconds(10))).as("client group ended").isTrue();
        assertThat(group.counters().isQuiescent()).as("client counters at zero: %s", group.counters()).isTrue();
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
