package dev.iobuf.uring;

import static dev.iobuf.liburing.LibUring.IORING_CQE_BUFFER_SHIFT;
import static dev.iobuf.liburing.LibUring.IORING_CQE_F_BUFFER;
import static dev.iobuf.liburing.NewerKernelConstants.IORING_CQE_F_BUF_MORE;
import static dev.iobuf.liburing.LibUring.IORING_REGISTER_PBUF_RING;
import static dev.iobuf.liburing.LibUring.IORING_UNREGISTER_PBUF_RING;
import static dev.iobuf.liburing.NewerKernelConstants.IOU_PBUF_RING_INC;

import dev.iobuf.BufferPool;
import dev.iobuf.Lease;
import dev.iobuf.liburing.Errno;
import dev.iobuf.liburing.io_uring_buf_reg;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Objects;
import jdk.jfr.FlightRecorder;

/**
 * A provided-buffer group (IORING_REGISTER_PBUF_RING): buffers from a {@link BufferPool} lent to the
 * kernel, which picks one for each read/recv submitted with IOSQE_BUFFER_SELECT on this group and
 * names it in the CQE. Several groups (say one per tier) may live on one ring, each with its own id.
 *
 * <pre>{@code
 * try (BufferRing group = BufferRing.register(ring, 1, pool, 64)) {
 *     group.prepRead(ring.nextSqe(), fd, 0, -1).userData(7);   // len 0 = the whole buffer
 *     ring.submitAndWait(1);
 *     ring.reap((ud, res, flags) -> {
 *         int bid = group.select(res, flags);                    // -1: no buffer (error, -ENOBUFS)
 *         if (bid >= 0) {
 *             MemorySegment data = group.take(bid);              // bytes dataOffset(bid) .. + dataLength(bid)
 *             ...
 *             group.release(bid);                                // back in the ring
 *         }
 *     });
 * }
 * }</pre>
 *
 * <p><b>Ownership</b> is a state machine per buffer id ({@link State}):
 * {@code IN_RING -> SELECTED} when a CQE names it ({@link #select}), {@code SELECTED -> WITH_USER}
 * when code takes it ({@link #take}), {@code SELECTED | WITH_USER -> RETURNED} when given back
 * ({@link #recycle}: written to the ring, not yet visible), {@code RETURNED -> IN_RING} when the tail
 * is published ({@link #publish}; {@link #release} does both). Any other move (returning twice,
 * returning a buffer the kernel holds, a CQE naming a buffer that is not in the ring) throws
 * {@link IllegalStateException} and changes nothing. {@link #count(State)} per state always sums to
 * {@link #count()}: tests prove nothing leaks.
 *
 * <p><b>Exhaustion.</b> When every buffer is out, a buffer-select op completes with {@code -ENOBUFS}
 * and no buffer; {@link #select} returns -1 and counts it ({@link #noBufferCompletions()}); submit again
 * once buffers came back.
 *
 * <p><b>Incremental consumption</b> ({@code incremental = true}, IOU_PBUF_RING_INC, Linux 6.12): the
 * kernel fills a buffer across several completions. A CQE with IORING_CQE_F_BUF_MORE carries data in
 * a buffer the kernel keeps: {@link #select} returns its id but it stays {@code IN_RING}; its data
 * starts at {@link #dataOffset}, after what earlier completions consumed. The CQE without that flag
 * hands the buffer over ({@code SELECTED}). Data of earlier partial completions stays valid until the
 * buffer is returned.
 *
 * <p>Buffer ids are {@code 0 .. count()-1}; each maps to a pool buffer acquired at registration
 * ({@link #poolIndex}). {@link #close()} unregisters, unmaps the ring and gives the pool back every
 * buffer not {@code WITH_USER} (those stay acquired: {@link #leakedAtClose()}); the pool itself stays
 * open. Closing the ring closes the group first. Any use after close is an {@link IllegalStateException}.
 * Used from the ring's thread; nothing here allocates after registration.
 *
 * <p><b>Lease.</b> The group holds a {@link Lease} on its pool from registration until the kernel can no
 * longer write into its buffers: after unregistration, and once the ring has no operation in flight (an op
 * that selected a buffer before the unregistration may still fill it). Until then the pool refuses to close,
 * naming this group, and the buffers are not given back to the pool either.
 */
public final class BufferRing implements AutoCloseable {
    /** The kernel's ring size limit. */
    public static final int MAX_ENTRIES = 1 << 15;

    /** Where a buffer is. */
    public enum State {
        /** Lent to the kernel (published), or partly consumed by it (incremental mode). */
        IN_RING,
        /** Named by a CQE, not yet taken by code. */
        SELECTED,
        /** Taken by code ({@link #take}). */
        WITH_USER,
        /** Given back and written to the ring, invisible to the kernel until {@link #publish()}. */
        RETURNED
    }

    private static final State[] STATES = State.values();
    private static final byte IN_RING = 0;
    private static final byte SELECTED = 1;
    private static final byte WITH_USER = 2;
    private static final byte RETURNED = 3;

    private final Ring ring;
    private final int groupId;
    private final BufferPool pool;
    private final int count;
    private final int entries;
    private final boolean incremental;
    private final BufferRingMemory memory;
    private final int[] poolIndex;
    private final byte[] state;
    private final int[] counts = new int[STATES.length];
    /** Bytes the kernel consumed so far from each lent buffer (incremental mode). */
    private final int[] consumed;
    private final int[] dataOffset;
    private final int[] dataLength;
    /** Buffer ids written since the last publish (RETURNED). */
    private final int[] unpublished;
    private int unpublishedCount;
    private long noBuffer;
    private int leakedAtClose;
    private boolean closed;
    private final Lease lease;

    private BufferRing(Ring ring, int groupId, BufferPool pool, int[] poolIndex, int entries, boolean incremental,
                       BufferRingMemory memory) {
        this.ring = ring;
        this.groupId = groupId;
        this.pool = pool;
        this.count = poolIndex.length;
        this.entries = entries;
        this.incremental = incremental;
        this.memory = memory;
        this.poolIndex = poolIndex;
        this.state = new byte[count];
        this.consumed = new int[count];
        this.dataOffset = new int[count];
        this.dataLength = new int[count];
        this.unpublished = new int[count];
        this.lease = pool.lease(this);
        lease.retain();   // before lendAll hands the kernel any address
    }

    /** {@link #register(Ring, int, BufferPool, int, boolean)} without incremental consumption. */
    public static BufferRing register(Ring ring, int groupId, BufferPool pool, int count) {
        return register(ring, groupId, pool, count, false);
    }

    /**
     * Registers buffer group {@code groupId} of {@code count} buffers taken (acquired) from {@code pool}, all
     * lent to the kernel at once. The ring has {@code count} rounded up to a power of two entries.
     *
     * @param incremental IOU_PBUF_RING_INC (Linux 6.12): fill buffers across completions
     * @throws IllegalArgumentException if {@code groupId} is outside 0..65535 or {@code count} outside 1..32768
     * @throws IllegalStateException if the pool has fewer than {@code count} free buffers, or it or the ring is closed
     * @throws MemlockLimitException if the ring memory would pass RLIMIT_MEMLOCK
     * @throws UringException if the kernel refuses (EEXIST: the group id is taken; EINVAL: incremental mode
     *     or buffer rings unsupported)
     */
    public static BufferRing register(Ring ring, int groupId, BufferPool pool, int count, boolean incremental) {
        Objects.requireNonNull(ring, "ring");
        Objects.requireNonNull(pool, "pool");
        if (groupId < 0 || groupId > 0xFFFF) {
            throw new IllegalArgumentException("groupId must be in 0 .. 65535 (a u16), got " + groupId);
        }
        if (count < 1 || count > MAX_ENTRIES) {
            throw new IllegalArgumentException("count must be in 1 .. " + MAX_ENTRIES + ", got " + count);
        }
        ring.ensureOpen();
        int entries = Integer.highestOneBit(count) == count ? count : Integer.highestOneBit(count) << 1;
        String op = "io_uring_register(PBUF_RING, group " + groupId + ", " + entries + " entries" + (incremental ? ", INC" : "") + ")";
        long ringBytes = BufferRingMemory.bytesFor(entries);
        MemlockBudget.check(ring, ringBytes, op);
        int[] indices = acquire(pool, count, groupId);
        BufferRingMemory memory = null;
        BufferRing br = null;
        boolean registered = false;
        try {
            memory = BufferRingMemory.map(entries);
            int rc = registerRing(ring, memory.address(), entries, groupId, incremental);
            if (rc < 0) {
                throw failure(ring, op, rc, ringBytes, incremental, groupId);
            }
            registered = true;
            br = new BufferRing(ring, groupId, pool, indices, entries, incremental, memory);
            br.lendAll();
            ring.attach(br);
            MemlockBudget.charge(ringBytes);
            return br;
        } catch (RuntimeException | Error e) {
            if (registered) {
                unregisterRing(ring, groupId);
            }
            if (memory != null) {
                memory.free();
            }
            for (int i : indices) {
                pool.release(i);
            }
            if (br != null) {
                br.lease.release();
                br.lease.close();
            }
            throw e;
        }
    }

    private static int[] acquire(BufferPool pool, int count, int groupId) {
        int[] indices = new int[count];
        for (int b = 0; b < count; b++) {
            int i = pool.tryAcquire();
            if (i < 0) {
                for (int k = 0; k < b; k++) {
                    pool.release(indices[k]);
                }
                throw new IllegalStateException("buffer group " + groupId + " needs " + count + " free buffers but "
                        + pool + " had only " + b + ": use a larger pool or a smaller count");
            }
            indices[b] = i;
        }
        return indices;
    }

    private static int registerRing(Ring ring, long address, int entries, int groupId, boolean incremental) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment reg = io_uring_buf_reg.allocate(arena);
            io_uring_buf_reg.ring_addr(reg, address);
            io_uring_buf_reg.ring_entries(reg, entries);
            io_uring_buf_reg.bgid(reg, (short) groupId);
            // Linux 6.7 renamed the 6.1 header's pad field (our generated binding's) to flags: same 16 bits.
            io_uring_buf_reg.pad(reg, (short) (incremental ? IOU_PBUF_RING_INC() : 0));
            return ring.register(IORING_REGISTER_PBUF_RING(), reg, 1);
        }
    }

    private static int unregisterRing(Ring ring, int groupId) {
        if (ring.isClosed()) {
            return 0;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment reg = io_uring_buf_reg.allocate(arena);
            io_uring_buf_reg.bgid(reg, (short) groupId);
            return ring.register(IORING_UNREGISTER_PBUF_RING(), reg, 1);
        }
    }

    private static UringException failure(Ring ring, String op, int rc, long bytes, boolean incremental, int groupId) {
        if (Errno.ENOMEM.is(rc)) {
            return MemlockBudget.kernelRefused(ring, bytes, op, rc);
        }
        if (Errno.EEXIST.is(rc)) {
            return new UringException(op, rc, "buffer group " + groupId + " is already registered on this ring: "
                    + "give each group its own id, or close the other BufferRing first");
        }
        if (Errno.EINVAL.is(rc) && !Kernel.atLeast("5.19")) {
            return UnsupportedFeatureException.refused("IORING_REGISTER_PBUF_RING", "5.19", op, rc);
        }
        if (Errno.EINVAL.is(rc) && incremental && !Kernel.atLeast("6.12")) {
            return UnsupportedFeatureException.refused("IOU_PBUF_RING_INC", "6.12", op, rc);
        }
        if (Errno.EINVAL.is(rc)) {
            return new UringException(op, rc, incremental
                    ? "incremental consumption (IOU_PBUF_RING_INC) needs Linux 6.12; register without it on this kernel"
                    : "provided-buffer rings need Linux 5.19");
        }
        return ResourceTagUpdates.failure(op, rc, null);
    }

    private void lendAll() {
        int size = pool.bufferSize();
        for (int b = 0; b < count; b++) {
            memory.add(pool.address(poolIndex[b]), size, b);
        }
        memory.publish();
        counts[IN_RING] = count;
    }

    // ---------------------------------------------------------------- completions

    /** The buffer id a CQE names, or -1 if it carries none (no IORING_CQE_F_BUFFER). */
    public static int bufferId(int cqeFlags) {
        return (cqeFlags & IORING_CQE_F_BUFFER()) != 0 ? cqeFlags >>> IORING_CQE_BUFFER_SHIFT() : -1;
    }

    /** Whether a CQE says the kernel keeps filling its buffer (IORING_CQE_F_BUF_MORE, incremental mode). */
    public static boolean hasMore(int cqeFlags) {
        return (cqeFlags & IORING_CQE_F_BUF_MORE()) != 0;
    }

    /** Whether a result means the group was empty when the op needed a buffer. */
    public static boolean isOutOfBuffers(int result) {
        return Errno.ENOBUFS.is(result);
    }

    /**
     * Accounts one completion of an op that selected from this group: returns the buffer id it names
     * ({@code SELECTED}, or still {@code IN_RING} with IORING_CQE_F_BUF_MORE), or -1 if it names none
     * ({@code -ENOBUFS}, other errors, cancellation). The data is at {@link #dataOffset}, {@link #dataLength}
     * bytes. Allocates nothing.
     *
     * @throws IllegalStateException if the CQE names a buffer id outside the group or one not in the ring
     *     (a CQE of another group, or one handled twice); nothing changes
     */
    public int select(int result, int cqeFlags) {
        ensureOpen();
        int bid = bufferId(cqeFlags);
        if (bid < 0) {
            if (isOutOfBuffers(result)) {
                noBuffer++;
                if (FlightRecorder.isInitialized()) { // not before: see RingSetup
                    BufferRingEmptyEvent.record(groupId, count, pool.bufferSize(), noBuffer);
                }
            }
            return -1;
        }
        if (bid >= count || state[bid] != IN_RING) {
            throw new IllegalStateException("a CQE names buffer " + bid + " of group " + groupId + ", which is "
                    + (bid >= count ? "not in this group (" + count + " buffers)" : STATES[state[bid]])
                    + ": the CQE belongs to another group or was handled twice");
        }
        int length = Math.max(result, 0);
        dataOffset[bid] = consumed[bid];
        dataLength[bid] = length;
        if (incremental && hasMore(cqeFlags)) {
            consumed[bid] += length;
            return bid;
        }
        move(bid, SELECTED);
        return bid;
    }

    /**
     * Whether {@link #select} would accept a CQE with these flags: it names no buffer, or a buffer of this
     * group that is in the ring. A caller that must survive a corrupt or foreign CQE (an event loop) asks
     * first and drops such a CQE instead of catching the exception. Allocates nothing.
     */
    public boolean canSelect(int cqeFlags) {
        ensureOpen();
        int bid = bufferId(cqeFlags);
        return bid < 0 || (bid < count && state[bid] == IN_RING);
    }

    /**
     * Takes buffer {@code bid} ({@code SELECTED -> WITH_USER}) and returns it: the pool's segment for it,
     * the same instance every time, the data at {@link #dataOffset}.
     *
     * @throws IllegalStateException if it is not {@code SELECTED} (nothing changes), or the pool is closed
     */
    public MemorySegment take(int bid) {
        ensureOpen();
        require(bid, SELECTED, "take");
        MemorySegment segment = pool.value(poolIndex[bid]);
        move(bid, WITH_USER);
        return segment;
    }

    /**
     * Gives buffer {@code bid} back ({@code SELECTED | WITH_USER -> RETURNED}): writes it to the ring, where the
     * kernel sees it after the next {@link #publish()}. Batch many, publish once.
     *
     * @throws IllegalStateException if it is {@code IN_RING} or {@code RETURNED} already (a double return:
     *     nothing changes), or the pool is closed
     */
    public void recycle(int bid) {
        ensureOpen();
        Objects.checkIndex(bid, count);
        byte s = state[bid];
        if (s != SELECTED && s != WITH_USER) {
            throw new IllegalStateException("buffer " + bid + " of group " + groupId + " is " + STATES[s]
                    + ": only a SELECTED or WITH_USER buffer can be returned (returned twice?)");
        }
        long address = pool.address(poolIndex[bid]); // throws before any change if the pool is closed
        memory.add(address, pool.bufferSize(), bid);
        consumed[bid] = 0;
        unpublished[unpublishedCount++] = bid;
        move(bid, RETURNED);
    }

    /**
     * Makes every {@code RETURNED} buffer available to the kernel ({@code -> IN_RING}) with one release
     * store of the ring tail.
     *
     * @return how many buffers went back
     */
    public int publish() {
        ensureOpen();
        int n = unpublishedCount;
        memory.publish();
        for (int i = 0; i < n; i++) {
            move(unpublished[i], IN_RING);
        }
        unpublishedCount = 0;
        return n;
    }

    /** {@link #recycle} then {@link #publish}: buffer {@code bid} is back in the ring. */
    public void release(int bid) {
        recycle(bid);
        publish();
    }

    /**
     * Prepares IORING_OP_READ of up to {@code maxLen} bytes (0 = a whole buffer) from {@code fd} at
     * {@code offset} (-1 = file position) into a buffer the kernel picks from this group.
     */
    public Sqe prepRead(Sqe sqe, int fd, int maxLen, long offset) {
        if (closed) {
            throw sqe.refused(new IllegalStateException("buffer group " + groupId + " is closed (unregistered): "
                    + "register it again"));
        }
        return sqe.readSelect(fd, maxLen, offset, groupId);
    }

    private void require(int bid, byte expected, String what) {
        Objects.checkIndex(bid, count);
        if (state[bid] != expected) {
            throw new IllegalStateException("cannot " + what + " buffer " + bid + " of group " + groupId + ": it is "
                    + STATES[state[bid]] + ", not " + STATES[expected]);
        }
    }

    private void move(int bid, byte to) {
        counts[state[bid]]--;
        counts[to]++;
        state[bid] = to;
    }

    // ---------------------------------------------------------------- facts

    /** Where buffer {@code bid} is. */
    public State state(int bid) {
        return STATES[state[Objects.checkIndex(bid, count)]];
    }

    /** Buffers in {@code s} right now (the four always sum to {@link #count()}). */
    public int count(State s) {
        return counts[s.ordinal()];
    }

    /** Buffers in the group. */
    public int count() {
        return count;
    }

    /** Ring entries (count rounded up to a power of two). */
    public int entries() {
        return entries;
    }

    /** The buffer group id SQEs name with IOSQE_BUFFER_SELECT. */
    public int groupId() {
        return groupId;
    }

    /** Whether the kernel consumes buffers incrementally (IOU_PBUF_RING_INC). */
    public boolean isIncremental() {
        return incremental;
    }

    /** The pool the buffers come from (open or not: this class never closes it). */
    public BufferPool pool() {
        return pool;
    }

    /** The pool index behind buffer id {@code bid}. */
    public int poolIndex(int bid) {
        return poolIndex[Objects.checkIndex(bid, count)];
    }

    /** Where the data of {@code bid}'s latest completion starts in the buffer (0 unless incremental). */
    public int dataOffset(int bid) {
        return dataOffset[Objects.checkIndex(bid, count)];
    }

    /** Bytes of {@code bid}'s latest completion. */
    public int dataLength(int bid) {
        return dataLength[Objects.checkIndex(bid, count)];
    }

    /** Completions that found the group empty ({@code -ENOBUFS}) so far. */
    public long noBufferCompletions() {
        return noBuffer;
    }

    /** Buffers still {@code WITH_USER} when the group closed; they stay acquired from the pool. */
    public int leakedAtClose() {
        return leakedAtClose;
    }

    /** Whether {@link #close()} ran (or the ring closed it). */
    public boolean isClosed() {
        return closed;
    }

    // ---------------------------------------------------------------- close

    /**
     * Unregisters the group and unmaps its ring; idempotent. Every buffer not {@code WITH_USER} goes back to
     * the pool, and the pool's lease is released, once the ring has no operation in flight (at once if it has
     * none; closing the ring cancels and reaps them first): an op that selected a buffer before the
     * unregistration may still be filling it.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        int rc = unregisterRing(ring, groupId);
        memory.free();
        MemlockBudget.uncharge(BufferRingMemory.bytesFor(entries));
        ring.detach(this);
        for (int b = 0; b < count; b++) {
            if (state[b] == WITH_USER) {
                leakedAtClose++;
            }
        }
        ring.whenIdle(this::giveBack);
        if (rc < 0) {
            throw new UringException("io_uring_register(UNREGISTER_PBUF_RING, group " + groupId + ")", rc, null);
        }
    }

    /** The kernel can no longer touch the buffers: they go back to the pool, and the lease ends. */
    private void giveBack() {
        for (int b = 0; b < count; b++) {
            if (state[b] != WITH_USER && !pool.isClosed()) {
                pool.release(poolIndex[b]);
            }
        }
        lease.release();
        lease.close();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("buffer group " + groupId + " is closed (unregistered): register it again");
        }
    }

    @Override
    public String toString() {
        return "BufferRing[group " + groupId + ", " + count + " x " + pool.bufferSize() + " B" + (incremental ? ", INC" : "")
                + ", in ring " + counts[IN_RING] + ", selected " + counts[SELECTED] + ", with user " + counts[WITH_USER]
                + ", returned " + counts[RETURNED] + (closed ? ", closed" : "") + "]";
    }
}
