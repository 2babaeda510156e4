package dev.iobuf.uring.file;

import dev.iobuf.BufferPool;
import dev.iobuf.BufferTier;
import dev.iobuf.uring.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * Sizes a {@link FileIo}. Defaults: one ring, 256 operations per ring, 32 pooled 32 KiB buffers for
 * copying heap memory, 1024 registered file slots, the kernel's io-wq worker limits.
 */
public final class FileIoBuilder {
    /** The largest queue depth: 2^20 operations per ring. */
    public static final int MAX_QUEUE_DEPTH = 1 << 20;
    private static final int MAX_RING_ENTRIES = 4096;

    int rings = 1;
    int queueDepth = 256;
    int bounceBuffers = 32;
    BufferTier bounceTier = BufferTier.BIG;
    int fileSlots = 1024;
    int boundedWorkers = -1;
    int unboundedWorkers = -1;
    final List<BufferPool> pools = new ArrayList<>();
    Executor futureExecutor;
    boolean cachedReads = true;
    boolean defaultExecutor;
    Transport transport = Transport.AUTO;

    FileIoBuilder() {
    }

    /** Rings, each with its own completion thread (default 1). Callers pick one by thread id. */
    public FileIoBuilder rings(int rings) {
        if (rings < 1 || rings > 64) {
            throw new IllegalArgumentException("rings must be in 1 .. 64, got " + rings);
        }
        this.rings = rings;
        return this;
    }

    /**
     * Operations in flight or queued per ring (default 256, rounded up to a power of two). A caller that
     * finds all taken waits: memory stays bounded.
     */
    public FileIoBuilder queueDepth(int depth) {
        if (depth < 1 || depth > MAX_QUEUE_DEPTH) {
            throw new IllegalArgumentException("queueDepth must be in 1 .. " + MAX_QUEUE_DEPTH + ", got " + depth);
        }
        this.queueDepth = depth;
        return this;
    }

    /**
     * Registers {@code pool} with every ring: I/O into its buffers is READ_FIXED / WRITE_FIXED. The pool
     * stays the caller's and must stay open until the service is closed. Counts against RLIMIT_MEMLOCK
     * once per ring.
     */
    public FileIoBuilder registerPool(BufferPool pool) {
        pools.add(Objects.requireNonNull(pool, "pool"));
        return this;
    }

    /**
     * The service's own buffers for I/O on memory the kernel may not use directly (heap arrays and
     * buffers, shared arenas): {@code count} buffers of {@code tier} (default 32 x 32 KiB), registered.
     * More buffers let more such callers run at once; larger ones copy big transfers in fewer steps.
     */
    public FileIoBuilder copyBuffers(int count, BufferTier tier) {
        if (count < 1) {
            throw new IllegalArgumentException("copy buffer count must be >= 1, got " + count);
        }
        this.bounceBuffers = count;
        this.bounceTier = Objects.requireNonNull(tier, "tier");
        return this;
    }

    /** Registered file table slots per ring (default 1024; 0 = plain fds only). Files beyond it use plain fds. */
    public FileIoBuilder fileSlots(int slots) {
        if (slots < 0 || slots > (1 << 20)) {
            throw new IllegalArgumentException("fileSlots must be in 0 .. 2^20, got " + slots);
        }
        this.fileSlots = slots;
        return this;
    }

    /**
     * Caps io-wq worker threads per ring (IORING_REGISTER_IOWQ_MAX_WORKERS, Linux 5.15): {@code bounded}
     * for regular file I/O, {@code unbounded} for the rest; 0 keeps the kernel's limit. Without a cap a
     * burst of buffered writes can start thousands of {@code iou-wrk} threads. Set through
     * {@link dev.iobuf.uring.IoWorkerCaps}, like the network runtime's.
     */
    public FileIoBuilder maxWorkers(int bounded, int unbounded) {
        if (bounded < 0 || unbounded < 0) {
            throw new IllegalArgumentException("worker caps must be >= 0 (0 = unchanged), got " + bounded + ", "
                    + unbounded);
        }
        this.boundedWorkers = bounded;
        this.unboundedWorkers = unbounded;
        return this;
    }

    /**
     * Whether a buffered read into memory used in place first tries the page cache on the caller's thread
     * ({@code preadv2(RWF_NOWAIT)}, default true): a hit costs one copy instead of two thread hand-offs, a
     * miss goes through the ring. False sends every read through the ring.
     */
    public FileIoBuilder cachedReads(boolean on) {
        this.cachedReads = on;
        return this;
    }

    /**
     * Where {@code CompletableFuture} calls run (default: a new virtual thread each, which parks, not
     * pins, until the completion).
     */
    public FileIoBuilder futureExecutor(Executor executor) {
        this.futureExecutor = Objects.requireNonNull(executor, "executor");
        return this;
    }

    /**
     * What the service does its I/O through (default {@link Transport#AUTO}): {@link Transport#IO_URING}
     * fails {@link #build()} where io_uring is refused; {@link Transport#NIO} runs every call through the
     * JDK's {@code FileChannel} on the caller's thread (a virtual thread then pins its carrier while the
     * call runs, as with FileChannel); {@link Transport#AUTO} tries io_uring and falls back to NIO where
     * it is refused (blocked, absent, or short of locked memory), logging once at INFO why and how to get
     * io_uring back. {@link FileIo#transport()} tells which one a service got.
     */
    public FileIoBuilder transport(Transport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
        return this;
    }

    /**
     * Sets up the rings, registers the pools and starts the completion threads.
     *
     * @throws dev.iobuf.uring.UringException if io_uring is unavailable, blocked or out of locked memory
     *     (the subclass says which, with the remedy) and the transport is {@link Transport#IO_URING}
     */
    public FileIo build() {
        if (futureExecutor == null) {
            futureExecutor = Executors.newVirtualThreadPerTaskExecutor();
            defaultExecutor = true;
        }
        try {
            return new FileIo(this);
        } finally {
            if (defaultExecutor) {
                futureExecutor = null;   // a second build() makes its own
                defaultExecutor = false;
            }
        }
    }

    int ringEntries() {
        int depth = Integer.highestOneBit(Math.max(2, queueDepth) - 1) << 1;
        return Math.min(Math.max(depth, 8), MAX_RING_ENTRIES);
    }
}
