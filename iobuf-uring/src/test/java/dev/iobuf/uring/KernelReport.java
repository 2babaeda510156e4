package dev.iobuf.uring;

import static dev.iobuf.liburing.LibUring.*;

import dev.iobuf.BufferPool;
import dev.iobuf.BufferTier;
import dev.iobuf.liburing.Errno;
import dev.iobuf.liburing.Syscalls;
import dev.iobuf.liburing.io_uring_params;
import dev.iobuf.uring.net.Connection;
import dev.iobuf.uring.net.ConnectionHandler;
import dev.iobuf.uring.net.EventLoopGroup;
import dev.iobuf.uring.net.Listener;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What the running kernel offers this library, one {@code section<TAB>item<TAB>value} line each: the
 * setup flags io_uring_setup accepts on their own, what a default {@link Ring} got, the features and
 * operations the kernel reports, which registrations work, and what the network runtime does here.
 * The kernel matrix ({@code scripts/kernel-matrix.sh}) runs it in every guest and builds
 * {@code docs/kernels.md} from the lines; a value is {@code yes}, or {@code no} with the reason.
 */
final class KernelReport {
    private final PrintStream out;

    private KernelReport(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        new KernelReport(System.out).run();
        System.out.flush();
    }

    private void run() {
        line("kernel", "release", System.getProperty("os.version"));
        for (SetupFlag f : SetupFlag.values()) {
            line("setup flag", f.name() + " (" + f.since() + ")", setupAlone(f));
        }
        try (Ring ring = Ring.open(64)) {
            StringBuilder flags = new StringBuilder();
            for (SetupFlag f : SetupFlag.values()) {
                if (ring.has(f)) {
                    flags.append(flags.isEmpty() ? "" : " ").append(f.name());
                }
            }
            line("default ring", "setup flags", flags.isEmpty() ? "none" : flags.toString());
            line("default ring", "registered ring fd (5.18)", ring.isRingFdRegistered() ? "yes" : "no");
            for (RingFeature f : RingFeature.values()) {
                line("feature", f.name() + " (" + f.since() + ")", ring.has(f) ? "yes" : "no");
            }
            Probe probe = ring.probe();
            line("opcode", "last opcode (IORING_REGISTER_PROBE)", Integer.toString(probe.lastOpcode()));
            for (Opcode op : Opcode.values()) {
                line("opcode", op.name() + " (" + op.since() + ")", probe.supports(op) ? "yes" : "no");
            }
            registrations(ring);
        }
        runtime();
    }

    /** io_uring_setup with {@code f} and only the flags it cannot go without. */
    private static String setupAlone(SetupFlag f) {
        int bits = f.bit() | switch (f) {
            case SQ_AFF -> IORING_SETUP_SQPOLL();
            case DEFER_TASKRUN -> IORING_SETUP_SINGLE_ISSUER();
            case TASKRUN_FLAG -> IORING_SETUP_COOP_TASKRUN();
            default -> 0;
        };
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment params = io_uring_params.allocate(arena);
            io_uring_params.flags(params, bits);
            io_uring_params.cq_entries(params, 16);
            int fd = Syscalls.ioUringSetup(8, params);
            if (fd < 0) {
                return "no: " + Errno.name(fd);
            }
            Syscalls.close(fd);
            return "yes";
        }
    }

    private void registrations(Ring ring) {
        line("registration", "files (5.1)", attempt(() -> {
            RegisteredFiles.register(ring, 8).close();
            return "yes";
        }));
        line("registration", "buffers, heap slab (BUFFERS2 5.13)", registerBuffers(ring, 4));
        line("registration", "buffers, mmap'd slab (BUFFERS2 5.13)", registerBuffers(ring, 16));
        line("registration", "sparse buffer table (5.13)", attempt(() -> {
            RegisteredBuffers.sparse(ring, 8).close();
            return "yes";
        }));
        line("registration", "buffer ring (PBUF_RING 5.19)", bufferRing(ring, false));
        line("registration", "incremental buffer ring (IOU_PBUF_RING_INC 6.12)", bufferRing(ring, true));
    }

    /** {@code count} 128 KiB buffers: 4 stay under BufferPool.MAP_THRESHOLD (heap slab), 16 reach it (mmap). */
    private static String registerBuffers(Ring ring, int count) {
        return attempt(() -> {
            try (BufferPool pool = BufferPool.registerBuffers(count);
                 RegisteredBuffers table = RegisteredBuffers.register(ring, pool)) {
                return "yes (" + table.occupiedSlots() + " x " + pool.bufferSize() + " B)";
            }
        });
    }

    private static String bufferRing(Ring ring, boolean incremental) {
        return attempt(() -> {
            try (BufferPool pool = BufferPool.of(BufferTier.SMALL, 8)) {
                BufferRing.register(ring, incremental ? 2 : 1, pool, 8, incremental).close();
                return "yes";
            }
        });
    }

    /** The network runtime: a one-loop group echoing a line to a JDK client over loopback. */
    private void runtime() {
        try (Ring ring = Ring.open(8)) {
            line("network runtime", "receive bundles (RECVSEND_BUNDLE 6.10)",
                    ring.has(RingFeature.RECVSEND_BUNDLE) ? "yes" : "no: one buffer per completion");
            line("network runtime", "zero-copy send (SEND_ZC 6.0)",
                    ring.supports(Opcode.SEND_ZC) && ring.supports(Opcode.SENDMSG_ZC) ? "yes" : "no: copying send");
            line("network runtime", "DEFER_TASKRUN loop ring (6.1)", attempt(() -> {
                Ring.builder().entries(8).deferTaskrun(true).build().close();
                return "yes";
            }));
        }
        line("network runtime", "echo over loopback (multishot accept 5.19, buffer rings 5.19)", attempt(KernelReport::echo));
    }

    private static String echo() throws Exception {
        ConnectionHandler echo = new ConnectionHandler() {
            @Override
            public void onData(Connection c, MemorySegment buffer, int offset, int length) {
                c.write(buffer, offset, length);
            }
        };
        try (EventLoopGroup group = EventLoopGroup.builder().threads(1).daemon(true).ringEntries(64).recvBuffers(16)
                .writeBuffers(16).maxConnectionsPerLoop(4).build()) {
            Listener listener = group.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), echo);
            byte[] hello = "hello, kernel\n".getBytes(StandardCharsets.US_ASCII);
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), listener.port())) {
                s.setSoTimeout(10_000);
                OutputStream o = s.getOutputStream();
                o.write(hello);
                o.flush();
                InputStream in = s.getInputStream();
                byte[] back = in.readNBytes(hello.length);
                if (!java.util.Arrays.equals(back, hello)) {
                    return "no: echoed " + new String(back, StandardCharsets.US_ASCII);
                }
            }
            group.shutdownGracefully(Duration.ofSeconds(5));
            return "yes";
        }
    }

    private interface Attempt {
        String get() throws Exception;
    }

    private static String attempt(Attempt a) {
        try {
            return a.get();
        } catch (UnsupportedFeatureException e) {
            return "no: needs " + e.feature() + " (Linux " + e.since() + ")";
        } catch (Exception e) {
            return "no: " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private void line(String section, String item, String value) {
        out.println(section + "\t" + item + "\t" + value.replace('\t', ' ').replace('\n', ' '));
    }
}
