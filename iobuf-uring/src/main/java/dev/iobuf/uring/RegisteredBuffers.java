package dev.iobuf.uring;

import static dev.iobuf.liburing.LibUring.IORING_REGISTER_BUFFERS2;
import static dev.iobuf.liburing.LibUring.IORING_REGISTER_BUFFERS_UPDATE;
import static dev.iobuf.liburing.LibUring.IORING_UNREGISTER_BUFFERS;

import dev.iobuf.BufferPool;
import dev.iobuf.Lease;
import dev.iobuf.liburing.Errno;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Objects;

/**
 * The ring's registered (fixed) buffer table, filled from {@link BufferPool}s: the kernel pins the
 * buffers once, and READ_FIXED / WRITE_FIXED then skip the per-I/O page pinning.
 *
 * <pre>{@code
 * try (BufferPool pool = BufferPool.registerBuffers(64);           // 64 x 128 KiB, one slab
 *      Ring ring = Ring.open(256);
 *      RegisteredBuffers rb = RegisteredBuffers.register(ring, pool)) {
 *     int i = pool.acquire();                                       // pool index = buf_index
 *     rb.prepReadFixed(ring.nextSqe(), fd, i, 4096, 0).userData(i);
 *     ring.submitAndWait(1);
 * }
 * }</pre>
 *
 * <p><b>Slots.</b> {@link #register(Ring, BufferPool)} puts buffer {@code i} of the pool in slot
 * {@code i}, so acquiring a buffer from the pool gives a slot the kernel already knows. A larger
 * table ({@link #register(Ring, BufferPool, int)}, {@link #sparse}) starts with empty slots that
 * {@link #set}, {@link #setPool} fill later without unregistering anything
 * (IORING_RSRC_REGISTER_SPARSE, IORING_REGISTER_BUFFERS_UPDATE). A kernel ring has one buffer table:
 * one {@code RegisteredBuffers} per ring.
 *
 * <p><b>Tags.</b> Every filled slot carries a resource tag ({@link ResourceTags}). When a slot is
 * replaced or cleared, or the table is closed, the kernel keeps the old buffer until the requests
 * using it finish, then posts the tag's CQE; route it with {@link ResourceTags#dispatch} and the
 * {@link ReleaseListener} hears which buffer the kernel let go of. {@link #pendingReleases()}
 * counts buffers the kernel may still use.
 *
 * <p><b>Memory locking.</b> Registration pins the buffers against RLIMIT_MEMLOCK (per user; the ring's
 * own memory counts too on recent kernels). Each call that pins more checks the estimate first and
 * fails with a {@link MemlockLimitException} naming the limit, the bytes and the remedies; an ENOMEM
 * from the kernel gives the same exception.
 *
 * <p><b>Lifetime and leases.</b> The pools are the caller's: this class never closes them. It holds a
 * {@link Lease} on each pool for every slot holding one of its buffers, from before the registration
 * until the kernel posts that buffer's tag CQE (the slot was replaced, cleared or unregistered <em>and</em>
 * the fixed I/O using it finished). Meanwhile the pool refuses to close, naming this table: the kernel
 * never writes into a freed slab, even with READ_FIXED in flight. A caller segment ({@link #set(int,
 * MemorySegment)}) must come from a global or automatic arena (kept reachable until its tag CQE), or go
 * through {@link #setUnsafe}. {@link #close()} unregisters (IORING_UNREGISTER_BUFFERS); closing the ring
 * closes this first and waits briefly for the tags. Any use after close is an {@link IllegalStateException}.
 *
 * <p>Threading: like its {@link Ring}, used from the ring's thread. The {@code prep*} methods
 * allocate nothing; registration changes allocate a little.
 */
public final class RegisteredBuffers implements AutoCloseable, ResourceTagTable {
    /** The kernel's table limit (IORING_MAX_REG_BUFFERS). */
    public static final int MAX_TABLE_SIZE = 1 << 14;
    /** The kernel's limit for one registered buffer. */
    public static final long MAX_BUFFER_BYTES = 1L << 30;

    private static final String BUSY_REMEDY = "this ring already has a registered buffer table (one per ring): "
            + "close the other RegisteredBuffers, or make one larger table (register(ring, pool, tableSize) or "
            + "sparse(ring, n)) and fill its slots with set/setPool";

    /** Who tells us that a slot's old buffer is no longer used by the kernel. */
    @FunctionalInterface
    public interface ReleaseListener {
        /**
         * The kernel let go of {@code buffer}, which slot {@code slot} held before it was replaced,
         * cleared or unregistered: its memory may be reused or freed now.
         */
        void released(int slot, MemorySegment buffer);
    }

    private final Ring ring;
    private final ResourceTags tags;
    private final int tableId;
    private final int tableSize;
    private final MemorySegment[] slots;
    private final BufferPool[] slotPools;
    private final long[] slotTags;
    /** The pools' leases and the buffers that left their slot, until their tag CQE. */
    private final RegisteredBufferLeases leases = new RegisteredBufferLeases(this);
    private final BufferPool primary;
    private ReleaseListener listener = (slot, buffer) -> { };
    /** What the table pins against RLIMIT_MEMLOCK. */
    private final RegisteredBufferPins pins = new RegisteredBufferPins();
    private int occupied;
    private long strayTags;
    private boolean kernelHasTable;
    private boolean closed;

    private RegisteredBuffers(Ring ring, int tableSize, BufferPool primary) {
        this.ring = ring;
        this.tags = ResourceTags.of(ring);
        this.tableSize = tableSize;
        this.primary = primary;
        this.slots = new MemorySegment[tableSize];
        this.slotPools = new BufferPool[tableSize];
        this.slotTags = new long[tableSize];
        this.tableId = tags.register(this);
    }

    // ---------------------------------------------------------------- registration

    /**
     * Registers every buffer of {@code pool}, buffer {@code i} in slot {@code i} (IORING_REGISTER_BUFFERS2
     * with tags). The pool is not closed by this class; it must outlive the registration.
     *
     * @throws MemlockLimitException if RLIMIT_MEMLOCK is too small for the pool (checked first)
     * @throws UringException if the kernel refuses (a table is already registered: EBUSY, ...)
     * @throws IllegalArgumentException if the pool has more than {@link #MAX_TABLE_SIZE} buffers
     * @throws IllegalStateException if the ring or the pool is closed
     */
    public static RegisteredBuffers register(Ring ring, BufferPool pool) {
        return register(ring, pool, Objects.requireNonNull(pool, "pool").capacity());
    }

    /**
     * Registers a table of {@code tableSize} slots with {@code pool}'s buffers in slots
     * {@code 0 .. pool.capacity()-1} and the rest empty, ready for {@link #set} / {@link #setPool}.
     *
     * @throws IllegalArgumentException if {@code tableSize} is below the pool's capacity or above
     *     {@link #MAX_TABLE_SIZE}
     */
    public static RegisteredBuffers register(Ring ring, BufferPool pool, int tableSize) {
        Objects.requireNonNull(ring, "ring");
        Objects.requireNonNull(pool, "pool");
        pool.slab(); // fails early if closed
        if (tableSize < pool.capacity() || tableSize > MAX_TABLE_SIZE) {
            throw new IllegalArgumentException("tableSize must be in " + pool.capacity() + " (the pool's capacity) .. "
                    + MAX_TABLE_SIZE + " (the kernel's limit), got " + tableSize);
        }
        RegisteredBuffers rb = new RegisteredBuffers(ring, tableSize, pool);
        try {
            if (tableSize == pool.capacity()) {
                rb.registerDense(pool);
            } else {
                rb.registerSparse();
                rb.setPool(0, pool);
            }
            ring.attach(rb);
            return rb;
        } catch (RuntimeException | Error e) {
            rb.abandon();
            throw e;
        }
    }

    /**
     * Registers an empty table of {@code tableSize} slots (IORING_RSRC_REGISTER_SPARSE); fill it with
     * {@link #set} and {@link #setPool}. Pins nothing yet.
     *
     * @throws IllegalArgumentException if {@code tableSize} is outside {@code 1 ..} {@link #MAX_TABLE_SIZE}
     */
    public static RegisteredBuffers sparse(Ring ring, int tableSize) {
        Objects.requireNonNull(ring, "ring");
        if (tableSize < 1 || tableSize > MAX_TABLE_SIZE) {
            throw new IllegalArgumentException("tableSize must be in 1 .. " + MAX_TABLE_SIZE + ", got " + tableSize);
        }
        RegisteredBuffers rb = new RegisteredBuffers(ring, tableSize, null);
        try {
            rb.registerSparse();
            ring.attach(rb);
            return rb;
        } catch (RuntimeException | Error e) {
            rb.abandon();
            throw e;
        }
    }

    private void registerDense(BufferPool pool) {
        int n = pool.capacity();
        MemorySegment[] segments = new MemorySegment[n];
        BufferPool[] pools = new BufferPool[n];
        long[] newTags = new long[n];
        for (int i = 0; i < n; i++) {
            segments[i] = pool.value(i);
            pools[i] = pool;
            newTags[i] = tags.newTag(tableId, i);
        }
        String op = "io_uring_register(BUFFERS2, " + n + " x " + pool.bufferSize() + " B from " + pool + ")";
        long delta = pins.delta(slots, slotPools, 0, segments, pools, n);
        MemlockBudget.check(ring, delta, op);
        leases.retain(pools, 0, n);   // before the kernel gets any address
        int rc;
        try (Arena arena = Arena.ofConfined()) {
            rc = ResourceTagUpdates.registerTable(ring, IORING_REGISTER_BUFFERS2(), n,
                    ResourceTagUpdates.iovecs(arena, segments, n).address(),
                    ResourceTagUpdates.longs(arena, newTags, 0, n).address(), false);
        } catch (RuntimeException | Error e) {
            leases.release(pools, 0, n);
            throw e;
        }
        if (rc < 0) {
            leases.release(pools, 0, n);
            throw fail(op, rc, delta);
        }
        kernelHasTable = true;
        install(0, segments, pools, newTags, n);
        pins.recharge(slots, slotPools);
    }

    private void registerSparse() {
        String op = "io_uring_register(BUFFERS2, sparse, " + tableSize + " slots)";
        int rc = ResourceTagUpdates.registerTable(ring, IORING_REGISTER_BUFFERS2(), tableSize, 0, 0, true);
        if (Errno.EINVAL.is(rc) && !Kernel.atLeast("5.19")) {
            // no IORING_RSRC_REGISTER_SPARSE before 5.19: spell the empty slots out as zero iovecs (5.13+)
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment empty = ResourceTagUpdates.iovecs(arena, new MemorySegment[tableSize], tableSize);
                rc = ResourceTagUpdates.registerTable(ring, IORING_REGISTER_BUFFERS2(), tableSize, empty.address(), 0,
                        false);
            }
            if (Errno.EINVAL.is(rc)) {
                throw UnsupportedFeatureException.refused("IORING_RSRC_REGISTER_SPARSE", "5.19", op, rc);
            }
        }
        if (rc < 0) {
            throw fail(op, rc, 0);
        }
        kernelHasTable = true;
    }

    /** Undoes a half-made registration: unregisters if the kernel has the table, frees the tag id. */
    private void abandon() {
        closed = true;
        if (kernelHasTable && !ring.isClosed()) {
            ring.register(IORING_UNREGISTER_BUFFERS(), MemorySegment.NULL, 0);
        }
        // Nothing to report, and no I/O ever used this table (the caller never saw it): leases end now.
        leases.abandon(slotPools);
        pins.uncharge();
        tags.retire(tableId, this);
    }

    // ---------------------------------------------------------------- slot changes

    /**
     * Puts {@code buffer} in {@code slot}, replacing what the slot held (the old buffer is released by
     * the kernel once its requests finish: see {@link ReleaseListener}).
     *
     * @throws IllegalArgumentException if {@code buffer} is on the heap, empty or over 1 GiB
     * @throws IndexOutOfBoundsException if {@code slot} is outside the table
     * @throws MemlockLimitException if pinning it would pass RLIMIT_MEMLOCK
     * @throws IllegalStateException if this table, its ring, or the buffer's memory is closed
     */
    public void set(int slot, MemorySegment buffer) {
        Objects.requireNonNull(buffer, "buffer");
        ensureOpen();
        Objects.checkIndex(slot, tableSize);
        SqeOperands.requireKeepable(buffer, "RegisteredBuffers.set");
        update(slot, new MemorySegment[] {buffer}, new BufferPool[1], 1, "set slot " + slot);
    }

    /**
     * Puts {@code buffer}, from any arena, in {@code slot}: the caller keeps its memory alive until the
     * kernel releases it (the {@link ReleaseListener} hears it), else the kernel may write into freed memory.
     * Needs native access for the module that opened the ring.
     */
    public void setUnsafe(int slot, MemorySegment buffer) {
        Objects.requireNonNull(buffer, "buffer");
        ring.requireUnsafeAccess("RegisteredBuffers.setUnsafe");
        update(slot, new MemorySegment[] {buffer}, new BufferPool[1], 1, "set slot " + slot);
    }

    /** Puts buffer {@code index} of {@code pool} in {@code slot}; like {@link #set(int, MemorySegment)}. */
    public void set(int slot, BufferPool pool, int index) {
        Objects.requireNonNull(pool, "pool");
        update(slot, new MemorySegment[] {pool.value(index)}, new BufferPool[] {pool}, 1,
                "set slot " + slot + " to buffer " + index + " of " + pool);
    }

    /**
     * Puts every buffer of {@code pool} in slots {@code firstSlot ..}: buffer {@code i} is then
     * {@code buf_index} {@code firstSlot + i}. Grows what the kernel knows without touching other slots.
     *
     * @return {@code firstSlot}
     * @throws IndexOutOfBoundsException if the pool does not fit in the table from {@code firstSlot}
     */
    public int setPool(int firstSlot, BufferPool pool) {
        Objects.requireNonNull(pool, "pool");
        int n = pool.capacity();
        Objects.checkFromIndexSize(firstSlot, n, tableSize);
        MemorySegment[] segments = new MemorySegment[n];
        BufferPool[] pools = new BufferPool[n];
        for (int i = 0; i < n; i++) {
            segments[i] = pool.value(i);
            pools[i] = pool;
        }
        update(firstSlot, segments, pools, n, "put " + pool + " in slots " + firstSlot + ".." + (firstSlot + n - 1));
        return firstSlot;
    }

    /** Empties {@code slot} (its buffer is released like a replaced one). Clearing an empty slot does nothing. */
    public void clear(int slot) {
        ensureOpen();
        Objects.checkIndex(slot, tableSize);
        if (slots[slot] != null) {
            update(slot, new MemorySegment[1], new BufferPool[1], 1, "clear slot " + slot);
        }
    }

    /** One BUFFERS_UPDATE over {@code n} slots from {@code first} (null segment = empty), with fresh tags. */
    private void update(int first, MemorySegment[] segments, BufferPool[] pools, int n, String what) {
        ensureOpen();
        Objects.checkFromIndexSize(first, n, tableSize);
        long[] newTags = new long[n];
        for (int i = 0; i < n; i++) {
            MemorySegment s = segments[i];
            if (s != null) {
                requireRegistrable(s, first + i);
                newTags[i] = tags.newTag(tableId, first + i);
            }
        }
        String op = "io_uring_register(BUFFERS_UPDATE, " + what + ")";
        long delta = pins.delta(slots, slotPools, first, segments, pools, n);
        MemlockBudget.check(ring, delta, op);
        leases.retain(pools, 0, n);   // before the kernel gets any address
        int done = 0;
        while (done < n) {
            int rc;
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment[] rest = Arrays.copyOfRange(segments, done, n);
                rc = ResourceTagUpdates.update(ring, IORING_REGISTER_BUFFERS_UPDATE(), first + done, n - done,
                        ResourceTagUpdates.iovecs(arena, rest, n - done).address(),
                        ResourceTagUpdates.longs(arena, newTags, done, n - done).address());
            } catch (RuntimeException | Error e) {
                leases.release(pools, done, n - done);
                throw e;
            }
            if (rc <= 0) {
                leases.release(pools, done, n - done);
                pins.recharge(slots, slotPools);
                throw fail(op + (done > 0 ? " (slots " + first + ".." + (first + done - 1) + " were updated)" : ""),
                        rc == 0 ? -Errno.EINVAL.number() : rc, delta);
            }
            install(first + done, Arrays.copyOfRange(segments, done, done + rc),
                    Arrays.copyOfRange(pools, done, done + rc), Arrays.copyOfRange(newTags, done, done + rc), rc);
            done += rc;
        }
        pins.recharge(slots, slotPools);
        leases.releaseIfIdle(ring);
    }

    /** Records what the kernel now holds in {@code n} slots from {@code first}; old tagged buffers start retiring. */
    private void install(int first, MemorySegment[] segments, BufferPool[] pools, long[] newTags, int n) {
        for (int i = 0; i < n; i++) {
            int slot = first + i;
            retire(slot);
            slots[slot] = segments[i];
            slotPools[slot] = segments[i] == null ? null : pools[i];
            slotTags[slot] = segments[i] == null ? 0 : newTags[i];
            occupied += segments[i] == null ? 0 : 1;
        }
    }

    private void retire(int slot) {
        if (slots[slot] != null) {
            leases.retire(slotTags[slot], slots[slot], slotPools[slot]);
            occupied--;
        }
        slots[slot] = null;
        slotPools[slot] = null;
        slotTags[slot] = 0;
    }

    private static void requireRegistrable(MemorySegment s, int slot) {
        if (!s.isNative()) {
            throw new IllegalArgumentException("slot " + slot + ": a registered buffer must be native memory, not a heap segment");
        }
        if (s.byteSize() < 1 || s.byteSize() > MAX_BUFFER_BYTES) {
            throw new IllegalArgumentException("slot " + slot + ": a registered buffer must hold 1 byte .. 1 GiB, got "
                    + s.byteSize() + " bytes");
        }
        if (!s.scope().isAlive()) {
            throw new IllegalStateException("slot " + slot + ": the buffer's memory is already freed (its pool or arena is closed)");
        }
    }

    // ---------------------------------------------------------------- fixed I/O

    /**
     * Prepares IORING_OP_READ_FIXED of {@code len} bytes from {@code fd} at {@code fileOffset} (-1 = file
     * position) into the start of the buffer in {@code slot}. Allocates nothing.
     *
     * @throws IllegalStateException if the table is closed, the slot empty, or its pool closed
     * @throws IndexOutOfBoundsException if {@code len} does not fit in the buffer
     */
    public Sqe prepReadFixed(Sqe sqe, int fd, int slot, int len, long fileOffset) {
        return prepReadFixed(sqe, fd, slot, 0, len, fileOffset);
    }

    /** READ_FIXED into the buffer in {@code slot} at {@code bufferOffset}; see {@link #prepReadFixed(Sqe, int, int, int, long)}. */
    public Sqe prepReadFixed(Sqe sqe, int fd, int slot, long bufferOffset, int len, long fileOffset) {
        long addr = FixedIoOperands.address(sqe, this, slot, bufferOffset, len);
        return sqe.readFixed(fd, addr, len, fileOffset, slot);
    }

    /** IORING_OP_WRITE_FIXED of {@code len} bytes from the start of the buffer in {@code slot}; checks as for reads. */
    public Sqe prepWriteFixed(Sqe sqe, int fd, int slot, int len, long fileOffset) {
        return prepWriteFixed(sqe, fd, slot, 0, len, fileOffset);
    }

    /** WRITE_FIXED from the buffer in {@code slot} at {@code bufferOffset}. */
    public Sqe prepWriteFixed(Sqe sqe, int fd, int slot, long bufferOffset, int len, long fileOffset) {
        long addr = FixedIoOperands.address(sqe, this, slot, bufferOffset, len);
        return sqe.writeFixed(fd, addr, len, fileOffset, slot);
    }

    /**
     * READ_FIXED where the file is slot {@code fileSlot} of {@code files} (IOSQE_FIXED_FILE): neither the
     * file nor the buffer is looked up per I/O.
     */
    public Sqe prepReadFixed(Sqe sqe, RegisteredFiles files, int fileSlot, int slot, long bufferOffset, int len,
                             long fileOffset) {
        long addr = FixedIoOperands.address(sqe, this, slot, bufferOffset, len);
        return sqe.readFixed(FixedIoOperands.fileSlot(sqe, files, fileSlot), addr, len, fileOffset, slot).fixedFile();
    }

    /** WRITE_FIXED where the file is slot {@code fileSlot} of {@code files} (IOSQE_FIXED_FILE). */
    public Sqe prepWriteFixed(Sqe sqe, RegisteredFiles files, int fileSlot, int slot, long bufferOffset, int len,
                              long fileOffset) {
        long addr = FixedIoOperands.address(sqe, this, slot, bufferOffset, len);
        return sqe.writeFixed(FixedIoOperands.fileSlot(sqe, files, fileSlot), addr, len, fileOffset, slot).fixedFile();
    }

    /**
     * The buffer in {@code slot} (for a pool slot, the pool's own segment for that index).
     *
     * @throws IllegalStateException if the table is closed, the slot is empty, or the buffer's pool was
     *     closed while registered
     */
    public MemorySegment buffer(int slot) {
        ensureOpen();
        MemorySegment b = slots[Objects.checkIndex(slot, tableSize)];
        if (b == null) {
            throw new IllegalStateException("registered buffer slot " + slot + " is empty: set(slot, ...) it first");
        }
        if (!b.scope().isAlive()) {
            BufferPool p = slotPools[slot];
            throw new IllegalStateException("registered buffer slot " + slot + " points to freed memory: "
                    + (p != null ? p + " was closed" : "its arena was closed") + " while registered. Close the "
                    + "RegisteredBuffers (and reap its fixed I/O) before closing the pool");
        }
        return b;
    }

    // ---------------------------------------------------------------- tags

    /** Sets who hears of released buffers (replaces the previous listener; called on the reaping thread). */
    public void onRelease(ReleaseListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public void tagReleased(long tag) {
        MemorySegment old = leases.released(tag);   // its pool may close once nothing else holds it
        if (old == null) {
            strayTags++;
            return;
        }
        try {
            listener.released(ResourceTags.slotOf(tag), old);
        } finally {
            if (closed && leases.pendingReleases() == 0) {
                leases.closeLeases();
                tags.drained(tableId, this);
            }
        }
    }

    /** Pool leases this table holds (slots plus buffers the kernel has not released); 0 once all tags came back. */
    public long heldLeases() {
        return leases.held();
    }

    /** Buffers the kernel may still use though they left their slot (replaced, cleared, unregistered); readable after close. */
    @Override
    public int pendingReleases() {
        return leases.pendingReleases();
    }

    /** The tag the kernel holds for {@code slot}'s buffer, 0 if the slot is empty. */
    public long tagOf(int slot) {
        return slotTags[Objects.checkIndex(slot, tableSize)];
    }

    // ---------------------------------------------------------------- facts

    /** Slots in the kernel table. */
    public int tableSize() {
        return tableSize;
    }

    /** Slots holding a buffer (0 after close). */
    public int occupiedSlots() {
        return occupied;
    }

    /** Whether {@code slot} holds a buffer. */
    public boolean isOccupied(int slot) {
        return slots[Objects.checkIndex(slot, tableSize)] != null;
    }

    /** The pool registered at slot 0 by {@link #register(Ring, BufferPool)}, or null for {@link #sparse}. */
    public BufferPool pool() {
        return primary;
    }

    /** The estimate of bytes the kernel pins for this table (whole pages), charged against RLIMIT_MEMLOCK. */
    public long pinnedBytes() {
        return pins.pinned();
    }

    /** Tag CQEs that matched no released buffer of this table (diagnostics). */
    public long strayTags() {
        return strayTags;
    }

    /** Whether {@link #close()} ran (or the ring closed it). */
    public boolean isClosed() {
        return closed;
    }

    // ---------------------------------------------------------------- close

    /**
     * Unregisters the table (IORING_UNREGISTER_BUFFERS); idempotent. The pools stay open. The kernel
     * posts each slot's tag CQE once no request uses its buffer any more.
     *
     * @throws UringException if the kernel refuses to unregister (the object is closed anyway)
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean unregistered = !ring.isClosed();
        int rc = unregistered ? ring.register(IORING_UNREGISTER_BUFFERS(), MemorySegment.NULL, 0) : 0;
        long[] live = slotTags.clone();
        for (int slot = 0; slot < tableSize; slot++) {
            retire(slot);
        }
        occupied = 0;
        pins.uncharge();
        ring.detach(this);
        leases.releaseIfIdle(ring);
        tags.retire(tableId, this);
        if (unregistered && rc == 0 && !ResourceTags.unregisterPostsTags()) {
            ResourceTagTable.releaseUntagged(live, this);
        }
        if (leases.pendingReleases() == 0) {
            leases.closeLeases();
        }
        if (rc < 0) {
            throw new UringException("io_uring_register(UNREGISTER_BUFFERS, ring fd " + ring.fd() + ")", rc, null);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("these RegisteredBuffers are closed (unregistered): register again");
        }
    }

    private UringException fail(String op, int rc, long bytes) {
        if (Errno.ENOMEM.is(rc)) {
            return MemlockBudget.kernelRefused(ring, bytes, op, rc);
        }
        return ResourceTagUpdates.failure(op, rc, BUSY_REMEDY);
    }

    @Override
    public String toString() {
        return "RegisteredBuffers[" + occupied + "/" + tableSize + " slots, " + pins.pinned() + " B pinned, pending releases "
                + leases.pendingReleases() + (closed ? ", closed" : "") + "]";
    }
}
