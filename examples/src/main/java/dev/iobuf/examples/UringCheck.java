package dev.iobuf.examples;

import dev.iobuf.BufferPool;
import dev.iobuf.uring.IoUringBlockedException;
import dev.iobuf.uring.IoUringUnavailableException;
import dev.iobuf.uring.MemlockLimitException;
import dev.iobuf.uring.RegisteredBuffers;
import dev.iobuf.uring.Ring;
import dev.iobuf.uring.SetupFlag;
import dev.iobuf.uring.UnsupportedFeatureException;
import dev.iobuf.uring.UringException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * Checks that io_uring works here, the way this library uses it, one step at a time:
 *
 * <pre>
 * ok ring setup flags=SUBMIT_ALL|COOP_TASKRUN|TASKRUN_FLAG|SINGLE_ISSUER|NO_SQARRAY sq=64 cq=128 ring-fd=registered
 * ok nop n=64
 * ok register-buffers n=8 bytes=1048576 (IORING_REGISTER_BUFFERS2, 8 x 131072 B)
 * ok fixed-io bytes=262144 chunks=2 slots=2 file=/tmp/iobuf-uring-check-42.tmp
 * ok buffer-ring recv bytes=65536 recvs=33 buffers=8 x 2048 B, ids used=8
 * </pre>
 *
 * <p>A step the running kernel is too old for prints {@code skip <step>: <what it lacks>} instead of its
 * {@code ok} line and does not fail the check (the buffer-ring step needs IORING_OP_SOCKET and
 * provided-buffer rings, Linux 5.19).
 *
 * {@code UringCheck [--steps nop,register-buffers,fixed-io,buffer-ring] [--entries N]
 * [--register-mib N | --register-kib N] [--io-kib N] [--recv-kib N] [--ring-buffers N] [--dir PATH] [--trace]}
 *
 * <ul>
 *   <li>ring setup (always): {@code Ring} with the library's defaults and {@code --entries} SQEs (64);
 *       prints the setup flags the kernel accepted and the queue sizes.
 *   <li>nop: one batch of as many NOPs as the SQ holds, each completed once with result 0.
 *   <li>register-buffers: a RegisterBuffer pool ({@link BufferPool#registerBuffers}, 128 KiB buffers) of
 *       {@code --register-mib}/{@code --register-kib} (1 MiB; the buffer count is rounded up to a power
 *       of two) registered with IORING_REGISTER_BUFFERS2 ({@link RegisteredBuffers}).
 *   <li>fixed-io (implies register-buffers): {@code --io-kib} (256) bytes written with WRITE_FIXED to a
 *       scratch file in {@code --dir} (java.io.tmpdir), read back with READ_FIXED and compared
 *       ({@link FixedIoCheck}).
 *   <li>buffer-ring: {@code --recv-kib} (64) bytes received from a loopback TCP connection into a
 *       provided-buffer ring of {@code --ring-buffers} (8) 2 KiB buffers ({@link BufferRingRecvCheck}).
 * </ul>
 *
 * <p>Exit codes: 0 every step passed; 2 io_uring cannot be used here (blocked by seccomp or a sysctl,
 * absent, or RLIMIT_MEMLOCK too small: {@link IoUringBlockedException}, {@link IoUringUnavailableException},
 * {@link MemlockLimitException}); 1 any other failure, a bad command line included. A failure prints
 * exactly one line, {@code error: <message>}, to stderr (the library's messages name the cause and the
 * remedy); {@code --trace} adds the stack trace. Steps passed before the failure have their lines on stdout.
 */
public final class UringCheck {
    static final String USAGE = "UringCheck [--steps nop,register-buffers,fixed-io,buffer-ring] [--entries N]"
            + " [--register-mib N | --register-kib N] [--io-kib N] [--recv-kib N] [--ring-buffers N] [--dir PATH]"
            + " [--trace]";
    /** Exit code: every step passed. */
    static final int OK = 0;
    /** Exit code: a failure other than {@link #NO_IO_URING}, or a bad command line. */
    static final int FAILED = 1;
    /** Exit code: io_uring is blocked, absent, or RLIMIT_MEMLOCK is too small. */
    static final int NO_IO_URING = 2;

    /** The steps after ring setup, in the order they run. */
    enum Step {
        NOP("nop"), REGISTER_BUFFERS("register-buffers"), FIXED_IO("fixed-io"), BUFFER_RING("buffer-ring");

        final String label;

        Step(String label) {
            this.label = label;
        }

        static Step of(String label) {
            for (Step s : values()) {
                if (s.label.equals(label)) {
                    return s;
                }
            }
            throw ToolException.usage("unknown step '" + label + "': the steps are "
                    + Arrays.stream(values()).map(s -> s.label).collect(Collectors.joining(", ")) + "; usage: " + USAGE);
        }
    }

    /** The parsed command line; sizes in bytes. */
    record Options(Set<Step> steps, int entries, int registerBuffers, long ioBytes, long recvBytes, int ringBuffers,
                   Path dir, boolean trace) {
        static final int KIB = 1024;

        static Options parse(String[] args) {
            CommandLine c = CommandLine.parse(args,
                    Set.of("--steps", "--entries", "--register-mib", "--register-kib", "--io-kib", "--recv-kib",
                            "--ring-buffers", "--dir"),
                    Set.of("--trace"), USAGE);
            c.expectPositional(0, "no positional arguments");
            if (c.has("--register-mib") && c.has("--register-kib")) {
                throw c.error("give --register-mib or --register-kib, not both");
            }
            long registerKib = c.has("--register-mib")
                    ? c.longValue("--register-mib", 0, 1, 2048) * KIB
                    : c.longValue("--register-kib", KIB, 1, 2048L * KIB);
            int bufferKib = BufferPool.REGISTER_BUFFER_TIER.size() / KIB;
            int registerBuffers = (int) ((registerKib + bufferKib - 1) / bufferKib);
            if (registerBuffers > RegisteredBuffers.MAX_TABLE_SIZE) {
                throw c.error("the registered table holds at most " + RegisteredBuffers.MAX_TABLE_SIZE + " buffers of "
                        + bufferKib + " KiB, asked for " + registerBuffers);
            }
            return new Options(steps(c), c.intValue("--entries", 64, 1, 32768), registerBuffers,
                    c.longValue("--io-kib", 256, 1, 4L << 20) * KIB, c.longValue("--recv-kib", 64, 1, 4L << 20) * KIB,
                    c.intValue("--ring-buffers", 8, 1, 32768),
                    Path.of(c.has("--dir") ? c.value("--dir") : System.getProperty("java.io.tmpdir")), c.flag("--trace"));
        }

        /** {@code --steps a,b}: all by default; fixed-io brings register-buffers along. */
        private static Set<Step> steps(CommandLine c) {
            if (!c.has("--steps")) {
                return EnumSet.allOf(Step.class);
            }
            Set<Step> steps = EnumSet.noneOf(Step.class);
            for (String label : c.value("--steps").split(",")) {
                if (!label.isBlank()) {
                    steps.add(Step.of(label.strip()));
                }
            }
            if (steps.contains(Step.FIXED_IO)) {
                steps.add(Step.REGISTER_BUFFERS);
            }
            return steps;
        }
    }

    private UringCheck() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != OK) {
            System.exit(code);
        }
    }

    /**
     * Runs the check as {@link #main} does, but returns the exit code instead of exiting: {@link #OK},
     * {@link #NO_IO_URING} or {@link #FAILED}.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (CommandLine.wantsHelp(args)) {
            out.println("usage: " + USAGE);
            return OK;
        }
        boolean trace = Arrays.asList(args).contains("--trace");
        try {
            check(Options.parse(args), out);
            return OK;
        } catch (IoUringBlockedException | IoUringUnavailableException | MemlockLimitException e) {
            return fail(err, e.getMessage(), NO_IO_URING, trace, e);
        } catch (UringException | ToolException e) {
            return fail(err, e.getMessage(), FAILED, trace, e);
        } catch (RuntimeException | Error e) {
            return fail(err, e.toString(), FAILED, trace, e);
        } finally {
            out.flush();
        }
    }

    /** Runs the steps {@code o} asks for, printing one line per step that passed. */
    static void check(Options o, PrintStream out) {
        try (Ring ring = Ring.builder().entries(o.entries()).build()) {
            ok(out, "ring setup flags=" + flagNames(ring) + " sq=" + ring.sqEntries() + " cq=" + ring.cqEntries()
                    + " ring-fd=" + (ring.isRingFdRegistered() ? "registered" : "plain"));
            if (o.steps().contains(Step.NOP)) {
                ok(out, nop(ring));
            }
            if (o.steps().contains(Step.REGISTER_BUFFERS)) {
                try (BufferPool pool = BufferPool.registerBuffers(o.registerBuffers());
                     RegisteredBuffers table = RegisteredBuffers.register(ring, pool)) {
                    ok(out, "register-buffers n=" + table.occupiedSlots() + " bytes=" + table.pinnedBytes()
                            + " (IORING_REGISTER_BUFFERS2, " + pool.capacity() + " x " + pool.bufferSize() + " B)");
                    if (o.steps().contains(Step.FIXED_IO)) {
                        ok(out, new FixedIoCheck(ring, table).run(o.dir(), o.ioBytes()));
                    }
                }
            }
            if (o.steps().contains(Step.BUFFER_RING)) {
                try {
                    ok(out, new BufferRingRecvCheck(ring).run(o.ringBuffers(), o.recvBytes()));
                } catch (UnsupportedFeatureException e) {
                    // an older kernel: the library works here without this path (docs/kernels.md)
                    out.println("skip buffer-ring: " + ToolRunner.oneLine(e.getMessage()));
                    out.flush();
                }
            }
        }
    }

    /** One batch of as many NOPs as the SQ holds; each must complete once, with 0. */
    private static String nop(Ring ring) {
        int n = ring.sqEntries();
        long first = 1;
        for (int i = 0; i < n; i++) {
            ring.nextSqe().nop().userData(first + i);
        }
        CheckCompletions.Completion[] done = new CheckCompletions(ring, "nop").awaitAll(first, n);
        for (int i = 0; i < n; i++) {
            if (done[i].result() != 0) {
                throw new UringException("NOP " + i + " of " + n, done[i].result(), null);
            }
        }
        return "nop n=" + n;
    }

    private static String flagNames(Ring ring) {
        StringJoiner names = new StringJoiner("|");
        for (SetupFlag f : SetupFlag.values()) {
            if (ring.has(f)) {
                names.add(f.name());
            }
        }
        return names.length() == 0 ? "none" : names.toString();
    }

    private static void ok(PrintStream out, String line) {
        out.println("ok " + line);
        out.flush();
    }

    private static int fail(PrintStream err, String message, int code, boolean trace, Throwable e) {
        err.println("error: " + ToolRunner.oneLine(message));
        if (trace) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }
}
