package dev.iobuf.uring;

import static dev.iobuf.liburing.LibUring.IORING_SETUP_CQE32;
import static dev.iobuf.liburing.NewerKernelConstants.IORING_SETUP_NO_SQARRAY;
import static dev.iobuf.liburing.LibUring.IORING_SETUP_SQE128;

import dev.iobuf.AlignedMemory;
import dev.iobuf.MemlockLimit;
import dev.iobuf.liburing.Errno;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The RLIMIT_MEMLOCK check made before io_uring pins memory, and the translation of the kernel's
 * own ENOMEM into a {@link MemlockLimitException} that says what to raise.
 *
 * <p>What the kernel counts (Linux 6.18, against {@code user->locked_vm}, per user, shared by all
 * of that user's processes and containers): registered buffers, page by page (a huge page whole,
 * once); provided-buffer ring memory; and, since the ring regions were reworked (6.13+), the ring
 * itself (SQ/CQ rings and the SQE array). Nothing is counted when the ring was created by a process
 * with CAP_IPC_LOCK. This check is an estimate from this process' view (this ring's memory, what this
 * library pinned so far in this JVM, and the new bytes); other processes of the same user also
 * count, so the kernel may still refuse, and then {@link #kernelRefused} gives the same exception.
 */
final class MemlockBudget {
    /** CAP_IPC_LOCK's bit in /proc/self/status CapEff. */
    static final int CAP_IPC_LOCK = 14;
    private static final AtomicLong PINNED = new AtomicLong();
    private static volatile Boolean ipcLock;
    /**
     * System property that turns the pre-check off ({@code false}): the kernel alone decides, and its
     * ENOMEM still becomes a {@link MemlockLimitException}. For when the estimate is wrong for a setup.
     */
    static final String PRECHECK_PROPERTY = "dev.iobuf.uring.memlockPrecheck";

    private MemlockBudget() {
    }

    /** RLIMIT_MEMLOCK's soft limit: a {@link MemlockLimit#soft()} value. */
    static long limit() {
        return MemlockLimit.soft();
    }

    /** Whether this process has CAP_IPC_LOCK in its effective set (then io_uring charges nothing). */
    static boolean hasIpcLock() {
        Boolean b = ipcLock;
        if (b == null) {
            b = readIpcLock(Path.of("/proc/self/status"));
            ipcLock = b;
        }
        return b;
    }

    static boolean readIpcLock(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("CapEff:")) {
                    long caps = Long.parseUnsignedLong(line.substring(7).strip(), 16);
                    return (caps & (1L << CAP_IPC_LOCK)) != 0;
                }
            }
        } catch (IOException | NumberFormatException | SecurityException e) {
            // Unknown: assume the limit applies; the check then errs on the side of a clear message.
        }
        return false;
    }

    /** Bytes of this library's live registrations in this JVM (buffers and buffer-ring memory). */
    static long pinnedByLibrary() {
        return PINNED.get();
    }

    static void charge(long bytes) {
        PINNED.addAndGet(bytes);
    }

    static void uncharge(long bytes) {
        PINNED.addAndGet(-bytes);
    }

    /**
     * An estimate of the ring's own pinned memory: the rings region ({@code struct io_rings}, the CQEs,
     * the SQ index array unless NO_SQARRAY) and the SQE array, each rounded up to pages.
     */
    static long ringBytes(Ring ring) {
        int flags = ring.setupFlags();
        long cqe = RingMemory.cqeSize(flags);
        long sqe = RingMemory.sqeSize(flags);
        long rings = 64 + cqe * ring.cqEntries();   // 64: about the kernel's struct io_rings header (not UAPI)
        if ((flags & IORING_SETUP_NO_SQARRAY()) == 0) {
            rings = AlignedMemory.alignUp(rings, 64) + RingMemory.U32 * ring.sqEntries();
        }
        return pages(rings) + pages(sqe * ring.sqEntries());
    }

    static long pages(long bytes) {
        return AlignedMemory.alignUp(bytes, page());
    }

    static long page() {
        return AlignedMemory.pageSize();
    }

    /**
     * Bytes of whole pages the kernel pins for {@code segments}: each range rounded out to pages
     * of {@code unit} bytes, overlaps and shared pages counted once (as the kernel does for one table).
     */
    static long pinnedSpan(MemorySegment[] segments, int count, long unit) {
        long[][] ranges = new long[count][];
        int n = 0;
        for (int i = 0; i < count; i++) {
            MemorySegment s = segments[i];
            if (s != null && s.byteSize() > 0) {
                long start = s.address() & -unit;
                long end = AlignedMemory.alignUp(s.address() + s.byteSize(), unit);
                ranges[n++] = new long[] {start, end};
            }
        }
        Arrays.sort(ranges, 0, n, (a, b) -> Long.compare(a[0], b[0]));
        long total = 0;
        long coveredTo = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long start = Math.max(ranges[i][0], coveredTo);
            if (ranges[i][1] > start) {
                total += ranges[i][1] - start;
                coveredTo = ranges[i][1];
            }
        }
        return total;
    }

    /**
     * Fails before a call that would pin {@code bytes} more if the estimate of what this user then
     * locks exceeds RLIMIT_MEMLOCK. Does nothing with CAP_IPC_LOCK or an unlimited limit.
     *
     * @throws MemlockLimitException naming the limit, the bytes needed and the remedies
     */
    static void check(Ring ring, long bytes, String operation) {
        if (bytes <= 0 || hasIpcLock() || "false".equals(System.getProperty(PRECHECK_PROPERTY))) {
            return;
        }
        long limit = limit();
        if (!MemlockLimit.isFinite(limit)) {
            return;             // unlimited, or unknown: the kernel decides
        }
        long ringBytes = ringBytes(ring);
        long already = pinnedByLibrary();
        long needed = ringBytes + already + bytes;
        if (needed > limit) {
            throw new MemlockLimitException(operation + " [refused before the call]", -Errno.ENOMEM.number(),
                    remedy(limit, needed, bytes, ringBytes, already, false), limit, needed);
        }
    }

    /** The exception for an ENOMEM the kernel returned while pinning {@code bytes}. */
    static MemlockLimitException kernelRefused(Ring ring, long bytes, String operation, int result) {
        long limit = limit();
        long ringBytes = ringBytes(ring);
        long already = pinnedByLibrary();
        long needed = ringBytes + already + bytes;
        return new MemlockLimitException(operation, result,
                remedy(limit, needed, bytes, ringBytes, already, true), limit, needed);
    }

    static String remedy(long limit, long needed, long bytes, long ringBytes, long already, boolean fromKernel) {
        StringBuilder sb = new StringBuilder();
        if (fromKernel) {
            sb.append("the kernel refused to pin ").append(bytes).append(" bytes: ");
        }
        sb.append("RLIMIT_MEMLOCK is ").append(MemlockLimit.isFinite(limit) ? limit + " bytes" : MemlockLimit.describe(limit))
                .append(" but about ").append(needed).append(" bytes must be locked (")
                .append(bytes).append(" for this registration + ").append(ringBytes).append(" for the ring's own memory + ")
                .append(already).append(" already pinned by iobuf in this JVM");
        if (fromKernel) {
            sb.append(" + whatever other processes and rings of this user lock: the limit is per user");
        }
        sb.append("). Raise the limit: `ulimit -l <KiB>` (or unlimited) in the launching shell, LimitMEMLOCK=<bytes> "
                + "(or infinity) in the systemd unit, `docker run --ulimit memlock=<bytes>:<bytes>` (or -1:-1) in a "
                + "container, or grant CAP_IPC_LOCK (then io_uring charges nothing); or register fewer/smaller buffers");
        if (fromKernel && limit == MemlockLimit.UNLIMITED) {
            sb.append(". The limit is unlimited here, so this ENOMEM is a real shortage of memory");
        }
        return sb.toString();
    }
}
