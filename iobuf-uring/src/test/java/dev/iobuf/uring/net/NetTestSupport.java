package dev.iobuf.uring.net;

import dev.iobuf.BufferTier;
import dev.iobuf.uring.IoUringBlockedException;
import dev.iobuf.uring.IoUringUnavailableException;
import dev.iobuf.uring.UserData;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Helpers for the network tests: small groups, loopback addresses, blocking JDK peers, fd counts. */
final class NetTestSupport {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private NetTestSupport() {
    }

    static InetSocketAddress anyPort() {
        return new InetSocketAddress(LOOPBACK, 0);
    }

    /** A small daemon group (2 loops, modest buffers), customised by {@code tweak}; skips loudly without io_uring. */
    static EventLoopGroup group(Consumer<EventLoopGroup.Builder> tweak) {
        EventLoopGroup.Builder b = EventLoopGroup.builder().threads(2).daemon(true).ringEntries(256)
                .recvBufferTier(BufferTier.SMALL).recvBuffers(256).writeBuffers(2048).maxConnectionsPerLoop(4096);
        tweak.accept(b);
        try {
            return b.build();
        } catch (IoUringBlockedException | IoUringUnavailableException e) {
            Assumptions.abort("io_uring is not usable here, skipping: " + e.getMessage());
            throw e;
        }
    }

    /** A small ring for probing what the kernel supports; skips loudly without io_uring. */
    static dev.iobuf.uring.Ring ringOrSkip() {
        try {
            return dev.iobuf.uring.Ring.open(8);
        } catch (IoUringBlockedException | IoUringUnavailableException e) {
            Assumptions.abort("io_uring is not usable here, skipping: " + e.getMessage());
            throw e;
        }
    }

    /** The user_data of {@code c}'s receive (for injecting completions that name it). */
    static long recvUserData(Connection c) {
        return UserData.of(Op.RECV, 0, c.slot, c.generation);
    }

    static EventLoopGroup group() {
        return group(b -> { });
    }

    /** Shuts {@code group} down and insists that it ended and that every counter reads zero. */
    static NetCounters shutdownClean(EventLoopGroup group) {
        if (!group.shutdownGracefully(Duration.ofSeconds(10))) {
            throw new AssertionError("group did not terminate: " + group);
        }
        for (EventLoop loop : group.loops()) {
            if (loop.staleCompletions() != 0) {
                throw new AssertionError("loop " + loop.index() + " saw " + loop.staleCompletions()
                        + " completion(s) for nothing live");
            }
        }
        NetCounters c = group.counters();
        if (!c.isQuiescent()) {
            throw new AssertionError("counters not at zero after shutdown: " + c);
        }
        return c;
    }

    /** Open fds of this process (/proc/self/fd entries). */
    static int openFds() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return (int) fds.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The soft RLIMIT_NOFILE of this process (the JVM raises it to the hard limit at start). */
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
     * Tries to raise RLIMIT_NOFILE (soft and hard) to {@code wanted} with setrlimit(2): works as root (or
     * with CAP_SYS_RESOURCE) up to fs.nr_open. Returns the soft limit afterwards.
     */
    static long raiseFdLimit(long wanted) {
        if (fdLimit() >= wanted) {
            return fdLimit();
        }
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
            java.lang.foreign.Linker linker = java.lang.foreign.Linker.nativeLinker();
            java.lang.invoke.MethodHandle setrlimit = linker.downcallHandle(linker.defaultLookup().find("setrlimit").orElseThrow(),
                    java.lang.foreign.FunctionDescriptor.of(java.lang.foreign.ValueLayout.JAVA_INT,
                            java.lang.foreign.ValueLayout.JAVA_INT, java.lang.foreign.ValueLayout.ADDRESS));
            java.lang.foreign.MemorySegment rlim = arena.allocate(16, 8);
            rlim.set(java.lang.foreign.ValueLayout.JAVA_LONG, 0, wanted);
            rlim.set(java.lang.foreign.ValueLayout.JAVA_LONG, 8, wanted);
            int rc = (int) setrlimit.invokeExact(7 /* RLIMIT_NOFILE */, rlim);
            if (rc != 0) {
                return fdLimit();
            }
        } catch (Throwable t) {
            return fdLimit();
        }
        return fdLimit();
    }

    static byte[] pattern(int length, long seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** A blocking JDK client socket to {@code port} on loopback. */
    static Socket jdkClient(int port) throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoTimeout(20_000);
        s.connect(new InetSocketAddress(LOOPBACK, port), 5_000);
        return s;
    }

    static byte[] readExactly(InputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new IOException("stream ended after " + b.length + " of " + n + " bytes");
        }
        return b;
    }

    /** Writes {@code data} from a helper thread while the caller reads (so neither side's buffers deadlock). */
    static Thread writeAsync(OutputStream out, byte[] data) {
        Thread t = new Thread(() -> {
            try {
                out.write(data);
                out.flush();
            } catch (IOException e) {
                // the reader reports the failure
            }
        }, "test-writer");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Waits until {@code condition} holds, up to {@code timeout}; false if it never did. */
    static boolean await(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }
}
