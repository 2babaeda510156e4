package dev.iobuf.uring.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * What every module's network tests share (iobuf-uring's and the examples', through the iobuf-uring
 * test-jar): loopback addresses, blocking JDK peers, byte patterns, fd counts and limits, waiting for a
 * condition. Each module's own kit extends this one with what only it needs (groups, servers, leak checks),
 * so its tests call every helper through one name.
 */
public class LoopbackTestKit {
    /** The loopback address every test binds and connects to. */
    public static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    /** For the modules' kits, which extend this one. */
    protected LoopbackTestKit() {
    }

    /**
     * A loopback TCP socket bound to a port and not listening: connects to {@code getLocalPort()} are refused
     * (ECONNREFUSED) while it stays open, and nothing else can take the port meanwhile (a port freed after a
     * listener closed could be bound by anyone, or be picked as a connect's own source port).
     */
    public static Socket refusingSocket() throws IOException {
        Socket s = new Socket();
        s.bind(anyPort());
        return s;
    }

    /** Loopback, any free port. */
    public static InetSocketAddress anyPort() {
        return new InetSocketAddress(LOOPBACK, 0);
    }

    /**
     * Open fds of this process other than regular files and directories: sockets, io_uring and eventfd anon
     * inodes, pipes, devices (what the runtime opens and must close). Files are left out: the JVM opens jars and
     * class files lazily, at any moment (a nice-10 warm-up thread may still be loading classes on a busy machine;
     * seen once: 29 fds for 28).
     */
    public static int openFds() {
        return (int) fdTargets().stream().filter(t -> !t.startsWith("/") || t.startsWith("/dev/")).count();
    }

    /** Where each of this process's fds points (/proc/self/fd links), for counts and failure messages. */
    public static List<String> fdTargets() {
        List<String> targets = new ArrayList<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    targets.add(Files.readSymbolicLink(fd).toString());
                } catch (IOException e) {
                    // closed between the listing and the read (the listing's own fd among them)
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return targets;
    }

    /** The soft RLIMIT_NOFILE of this process (the JVM raises it to the hard limit at start), -1 if unknown. */
    public static long fdLimit() {
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
    public static long raiseFdLimit(long wanted) {
        if (fdLimit() >= wanted) {
            return fdLimit();
        }
        try (Arena arena = Arena.ofConfined()) {
            Linker linker = Linker.nativeLinker();
            MethodHandle setrlimit = linker.downcallHandle(linker.defaultLookup().find("setrlimit").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
            MemorySegment rlim = arena.allocate(16, 8);
            rlim.set(ValueLayout.JAVA_LONG, 0, wanted);
            rlim.set(ValueLayout.JAVA_LONG, 8, wanted);
            int rc = (int) setrlimit.invokeExact(7 /* RLIMIT_NOFILE */, rlim);
            if (rc != 0) {
                return fdLimit();
            }
        } catch (Throwable t) {
            return fdLimit();
        }
        return fdLimit();
    }

    /** {@code length} pseudo-random bytes from {@code seed}. */
    public static byte[] pattern(int length, long seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** A blocking JDK client socket to {@code port} on loopback (TCP_NODELAY, 20 s read timeout). */
    public static Socket jdkClient(int port) throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoTimeout(20_000);
        s.connect(new InetSocketAddress(LOOPBACK, port), 5_000);
        return s;
    }

    /** Exactly {@code n} bytes of {@code in}, or an IOException saying how many came. */
    public static byte[] readExactly(InputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new IOException("stream ended after " + b.length + " of " + n + " bytes");
        }
        return b;
    }

    /** Writes {@code data} from a daemon thread while the caller reads (so neither side's buffers deadlock). */
    public static Thread writeAsync(OutputStream out, byte[] data) {
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
    public static boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        return await(condition, timeout, Duration.ofMillis(5));
    }

    /** As {@link #await(BooleanSupplier, Duration)}, asking {@code condition} once every {@code every}. */
    public static boolean await(BooleanSupplier condition, Duration timeout, Duration every) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(every.toMillis());
        }
        return true;
    }
}
