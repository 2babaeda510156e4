package dev.iobuf.uring.file;

import dev.iobuf.BoundedPool;
import dev.iobuf.BufferPool;
import dev.iobuf.Lease;
import dev.iobuf.uring.Transport;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * File I/O through io_uring for any thread: a service that owns its rings and their completion threads.
 *
 * <pre>{@code
 * try (FileIo io = FileIo.builder().registerPool(pool).build();
 *      UringFile f = io.open(path, StandardOpenOption.READ)) {
 *     int n = f.read(pool, i, 0, 4096, offset);   // READ_FIXED; parks a virtual thread, pins nothing
 * }
 * }</pre>
 *
 * <p><b>Threads.</b> Any thread submits, platform or virtual, many at once. A call takes an operation
 * slot of a ring (by the caller's thread id), queues it on a bounded lock-free MPSC queue and wakes the
 * ring's thread only if it sleeps; the ring thread batches everything queued into one
 * {@code io_uring_enter}, and each completion unparks exactly its caller. When every slot is taken a
 * caller waits for one ({@link FileIoStats#queueFullWaits()} counts it): memory stays bounded.
 *
 * <p><b>Memory.</b> What the kernel reads or writes stays alive from submission to completion: the
 * operation's slot holds it, and the slot is reused only after its caller saw the completion (even
 * when interrupted: the op is cancelled and its completion awaited). Caller memory that cannot be
 * proven alive that long (heap arrays, shared arenas) is copied through the service's own registered
 * buffers. Registered pools ({@link FileIoBuilder#registerPool}) are the caller's and must stay open
 * until this service is closed.
 *
 * <p><b>Close.</b> {@link #close()} fails queued operations with {@link ClosedChannelException},
 * cancels those in the kernel and waits (bounded) for their completions, which fail the same way;
 * then closes every open file, the rings and the service's buffers. It does not hang: should the
 * kernel not complete an operation within the ring's close wait (5 s), that op's memory is kept
 * reachable for good instead of being freed ({@link FileIoStats#stranded()}).
 */
public final class FileIo implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(FileIo.class.getName());
    private static final long JOIN_MILLIS = 15_000;
    private static final long COPY_BUFFER_WAIT_NANOS = 2_000_000_000L;

    private final FileRing[] rings;
    private final BufferPool bounce;
    private final RegisteredPool[] registered;
    private final int registeredSlots;
    private final BoundedPool<Boolean> fileSlots;
    private final Set<UringFile> open = ConcurrentHashMap.newKeySet();
    private final Executor futureExecutor;
    private final boolean ownsExecutor;
    private final boolean ftruncate;
    private final boolean cachedReads;
    private final Transport transport;
    private final java.util.concurrent.atomic.LongAdder cachedReadCount = new java.util.concurrent.atomic.LongAdder();
    /** Leases on pools that are not registered but whose buffers were used by index. */
    private final Map<BufferPool, Lease> leases = new ConcurrentHashMap<>();
    /** Callers holding (or about to take) a copy buffer; close waits for 0 before freeing them. */
    private final AtomicInteger copyUsers = new AtomicInteger();
    private volatile boolean closed;

    FileIo(FileIoBuilder b) {
        this.bounce = BufferPool.of(b.bounceTier, b.bounceBuffers);
        List<RegisteredPool> pools = new ArrayList<>();
        int slot = 0;
        pools.add(RegisteredPool.of(bounce, slot, this));
        slot += bounce.capacity();
        for (BufferPool p : b.pools) {
            pools.add(RegisteredPool.of(p, slot, this));
            slot += p.capacity();
        }
        this.registered = pools.toArray(RegisteredPool[]::new);
        this.registeredSlots = slot;
        this.futureExecutor = b.futureExecutor;
        this.ownsExecutor = b.defaultExecutor;
        FileRing[] made;
        try {
            made = TransportChoice.startRings(this, b);
        } catch (RuntimeException | Error e) {
            this.rings = new FileRing[0];
            this.fileSlots = null;
            this.transport = Transport.IO_URING;
            this.cachedReads = false;
            this.ftruncate = false;
            close();
            throw e;
        }
        this.rings = made;
        this.transport = made[0] instanceof ChannelRing ? Transport.NIO : Transport.IO_URING;
        boolean uring = transport == Transport.IO_URING;
        this.fileSlots = uring && b.fileSlots > 0 ? new BoundedPool<>(b.fileSlots) : null;
        if (fileSlots != null) {
            fileSlots.fill(i -> Boolean.TRUE);
        }
        this.cachedReads = uring && b.cachedReads;   // preadv2 is a system call of ours: not on NIO
        this.ftruncate = rings[0].supportsFtruncate();
    }

    /** A builder with the defaults described in {@link FileIoBuilder}. */
    public static FileIoBuilder builder() {
        return new FileIoBuilder();
    }

    /** A service with the default settings. */
    public static FileIo create() {
        return builder().build();
    }

    /**
     * Opens {@code path} like {@code FileChannel.open}: {@link java.nio.file.StandardOpenOption}s plus
     * {@link UringOpenOption#DIRECT} and {@link UringOpenOption#NOATIME}. The file goes into the
     * registered file table of every ring when a slot is free.
     *
     * @throws java.nio.file.NoSuchFileException if it does not exist (and CREATE was not given)
     * @throws java.nio.file.AccessDeniedException if permissions forbid it
     * @throws java.nio.file.FileAlreadyExistsException with CREATE_NEW when it exists
     * @throws IOException for other errors, naming the errno; with DIRECT where the file system has no O_DIRECT
     */
    public UringFile open(Path path, OpenOption... options) throws IOException {
        return open(path, Set.of(options));
    }

    /** As {@link #open(Path, OpenOption...)}. */
    public UringFile open(Path path, Set<? extends OpenOption> options) throws IOException {
        ensureOpen();
        UringFile f = FileOpen.open(this, path, options);
        open.add(f);
        if (closed) {
            f.close();
            throw new ClosedChannelException();
        }
        return f;
    }

    /**
     * statx of {@code path} (following symlinks) through io_uring, with the direct I/O alignment where the
     * kernel reports it.
     *
     * @throws java.nio.file.NoSuchFileException if it does not exist
     */
    public FileStat stat(Path path) throws IOException {
        ensureOpen();
        return FileOpen.stat(this, path);
    }

    /** A new batch: queue several operations, submit them together, wait for all. */
    public FileBatch batch() {
        return new FileBatch(this);
    }

    /** Counters: operations, buffers and files in use, queue-full waits, wake-ups. */
    public FileIoStats stats() {
        long opsInUse = 0;
        long fullWaits = 0;
        long enters = 0;
        long unparks = 0;
        long eventfd = 0;
        long stranded = 0;
        for (FileRing r : rings) {
            if (r == null) {
                continue;
            }
            opsInUse += r.opsInUse();
            fullWaits += r.queueFullWaits.get();
            enters += r.enters();
            unparks += r.unparks();
            eventfd += r.eventfdWrites();
            stranded += r.stranded();
        }
        return new FileIoStats(open.size(), opsInUse, bounce.acquiredCount(),
                fileSlots == null ? 0 : fileSlots.acquiredCount(), fullWaits, enters, unparks, eventfd, stranded,
                cachedReadCount.sum());
    }

    /**
     * What this service does its I/O through: {@link Transport#IO_URING}, or {@link Transport#NIO} (the JDK's
     * {@code FileChannel} on the caller's thread) when it was asked for or when {@link Transport#AUTO} found
     * io_uring refused. Never {@code AUTO}.
     */
    public Transport transport() {
        return transport;
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Fails queued operations, cancels those in flight, closes every file, ring and buffer of the service.
     * Idempotent; bounded in time.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (FileRing r : rings) {
            if (r != null) {
                r.stop();
            }
        }
        boolean allStopped = true;
        for (FileRing r : rings) {
            if (r != null) {
                allStopped &= r.join(JOIN_MILLIS);
            }
        }
        for (UringFile f : List.copyOf(open)) {
            f.closeAfterService();
        }
        long stranded = 0;
        for (FileRing r : rings) {
            stranded += r == null ? 0 : r.stranded();
        }
        // Callers whose ops just failed give their copy buffers back within microseconds: wait for them.
        long deadline = System.nanoTime() + COPY_BUFFER_WAIT_NANOS;
        while (copyUsers.get() > 0 && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(100_000);
        }
        if (allStopped && stranded == 0 && copyUsers.get() == 0) {
            closeLeases();
            bounce.close();
        } else {
            LOG.log(System.Logger.Level.WARNING, "FileIo closed without freeing its copy buffers: " + stats());
        }
        if (ownsExecutor) {
            ((ExecutorService) futureExecutor).shutdown();
        }
    }

    /** Gives up the leases on the pools: nothing of the service uses their memory any more. */
    private void closeLeases() {
        List<Lease> all = new ArrayList<>(leases.values());
        for (RegisteredPool p : registered) {
            all.add(p.lease());
        }
        for (Lease l : all) {
            try {
                l.close();
            } catch (IllegalStateException e) {
                LOG.log(System.Logger.Level.WARNING, "FileIo closed while " + l + " is held", e);
            }
        }
    }

    // ---------------------------------------------------------------- for UringFile and FileBatch

    /** The caller's ring: by thread id, so one thread keeps to one ring. */
    FileRing ring() {
        FileRing[] r = rings;
        return r.length == 1 ? r[0] : r[(int) (Thread.currentThread().threadId() % r.length)];
    }

    FileRing[] rings() {
        return rings;
    }

    BufferPool bounce() {
        return bounce;
    }

    /** The registered buffer slot holding {@code [address, address+length)} whole, or -1. */
    int registeredSlot(long address, long length) {
        for (RegisteredPool p : registered) {
            int s = p.slotOf(address, length);
            if (s >= 0) {
                return s;
            }
        }
        return -1;
    }

    /** The lease an op on registered buffer {@code slot} retains. */
    Lease leaseOfSlot(int slot) {
        for (RegisteredPool p : registered) {
            if (p.hasSlot(slot)) {
                return p.lease();
            }
        }
        throw new IllegalArgumentException("no registered buffer in slot " + slot);
    }

    /** The service's lease on {@code pool} (made on first use: allocates once per pool). */
    Lease lease(BufferPool pool) {
        RegisteredPool reg = registration(pool);
        if (reg != null) {
            return reg.lease();
        }
        Lease l = leases.get(pool);
        return l != null ? l : leases.computeIfAbsent(pool, p -> p.lease(this));
    }

    @Override
    public String toString() {
        return "FileIo[" + rings.length + " ring(s), " + stats() + "]";
    }

    /** The registration of {@code pool}, or null if it is not registered. */
    RegisteredPool registration(BufferPool pool) {
        for (RegisteredPool p : registered) {
            if (p.pool() == pool) {
                return p;
            }
        }
        return null;
    }

    /**
     * Takes one of the service's copy buffers (waiting while all are in use). Pair with
     * {@link #giveCopyBuffer}: close frees the buffers only once every taker gave them back.
     */
    int takeCopyBuffer() throws ClosedChannelException, InterruptedException {
        copyUsers.incrementAndGet();   // then read closed: close sets closed, then reads copyUsers (Dekker)
        try {
            ensureOpen();
            int b = bounce.tryAcquire();
            return b >= 0 ? b : bounce.acquire();
        } catch (ClosedChannelException | InterruptedException | RuntimeException e) {
            copyUsers.decrementAndGet();
            throw e;
        }
    }

    void giveCopyBuffer(int index) {
        try {
            bounce.release(index);
        } finally {
            copyUsers.decrementAndGet();
        }
    }

    /** The registered slot of the copy buffer {@code index}. */
    int bounceSlot(int index) {
        return registered[0].firstSlot() + index;
    }

    List<RegisteredPool> registeredPools() {
        return Collections.unmodifiableList(java.util.Arrays.asList(registered));
    }

    int registeredSlots() {
        return registeredSlots;
    }

    /** A free registered file slot, or -1. */
    int takeFileSlot() {
        return fileSlots == null ? -1 : fileSlots.tryAcquire();
    }

    void giveFileSlot(int slot) {
        if (slot >= 0) {
            fileSlots.release(slot);
        }
    }

    /** Whether buffered reads try the page cache on the caller's thread first ({@link CachedRead}). */
    boolean cachedReads() {
        return cachedReads;
    }

    void countCachedRead() {
        cachedReadCount.increment();
    }

    boolean ftruncateSupported() {
        return ftruncate;
    }

    Executor futureExecutor() {
        return futureExecutor;
    }

    void forget(UringFile f) {
        open.remove(f);
    }

    void ensureOpen() throws ClosedChannelException {
        if (closed) {
            throw new ClosedChannelException();
        }
    }
}
