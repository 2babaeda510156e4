package dev.iobuf.uring.net;

import dev.iobuf.BufferPool;
import dev.iobuf.BufferTier;
import dev.iobuf.uring.BufferRing;
import dev.iobuf.uring.Ring;
import dev.iobuf.uring.RingFeature;
import dev.iobuf.uring.Sqe;
import java.lang.foreign.MemorySegment;

/**
 * A loop's receive buffers: one provided-buffer group ({@link BufferRing}) over a pool of one tier,
 * shared by every connection of the loop, plus handles for buffers a handler retains.
 *
 * <p>Life of a buffer: the kernel picks it for a receive ({@code IN_RING}); the completion selects it
 * ({@code SELECTED}; it stays so while its connection's reading is paused); delivery takes it
 * ({@code WITH_USER}); after {@code onData} returns it is recycled ({@code RETURNED}) unless retained;
 * {@link #publish()} once per loop turn hands every recycled buffer back to the kernel with one store.
 *
 * <p>A retain handle is {@code generation << 32 | bufferId}; the generation changes at every retain and
 * release, so releasing twice, or releasing a handle whose buffer has since been reused, throws instead
 * of returning someone else's buffer.
 *
 * <p><b>Bundles</b> (IORING_RECVSEND_BUNDLE, Linux 6.10): one completion may fill several buffers. Its
 * CQE names only the first; the others are the ring entries that follow it, because the kernel takes
 * buffers from its head in ring order. So this class mirrors the ring: which buffer id it wrote at which
 * ring position ({@code ringOrder}) and where each id was last written ({@code position}). A bundle's
 * buffers are all out of the ring while its CQE is handled, and the ring holds at most {@code count}
 * buffers, so none of the positions read can have been rewritten yet. Each buffer of a bundle is
 * accounted with the ring's own state machine, as if its own CQE had named it.
 */
final class RecvBuffers implements AutoCloseable {
    /** {@link #select}: a completion that cannot be true; it was not accounted. */
    static final int IMPOSSIBLE = -1;

    private static final System.Logger LOG = System.getLogger(RecvBuffers.class.getName());
    private final Ring uring;
    private final String owner;
    private final BufferPool pool;
    private final BufferRing ring;
    private final RetainedHandles retained;
    private final int[] length;
    private final int[] ringOrder;
    private final int[] position;
    private final int ringMask;
    private final int bufferShift;
    private final int bufferFlag;
    private final int[] selected;
    private int tailPosition;
    private boolean recycled;
    private boolean multishot;
    private boolean bundles;

    /**
     * Registers the group on {@code r}; receives are armed multishot and with bundles where asked for and
     * the kernel has them ({@code owner} names the loop in log lines).
     */
    RecvBuffers(Ring r, BufferTier tier, int count, int groupId, boolean multishot, boolean bundles, String owner) {
        BufferPool p = BufferPool.of(tier, count);
        try {
            this.ring = BufferRing.register(r, groupId, p, count);
        } catch (RuntimeException | Error e) {
            p.close();
            throw e;
        }
        this.pool = p;
        this.uring = r;
        this.owner = owner;
        this.multishot = multishot;
        this.bundles = bundles && r.has(RingFeature.RECVSEND_BUNDLE);
        if (bundles && !this.bundles) {
            LoopLog.log(LOG, System.Logger.Level.INFO, owner + ": receive bundles need Linux 6.10 (this kernel lacks "
                    + "IORING_FEAT_RECVSEND_BUNDLE): one buffer per completion");
        }
        this.retained = new RetainedHandles(count);
        this.length = new int[count];
        this.ringOrder = new int[ring.entries()];
        this.ringMask = ring.entries() - 1;
        this.position = new int[count];
        for (int bid = 0; bid < count; bid++) {     // BufferRing lends ids 0 .. count-1 in order at registration
            ringOrder[bid] = bid;
            position[bid] = bid;
        }
        this.tailPosition = count;
        this.bufferShift = dev.iobuf.liburing.LibUring.IORING_CQE_BUFFER_SHIFT();
        this.bufferFlag = dev.iobuf.liburing.LibUring.IORING_CQE_F_BUFFER();
        this.selected = new int[count];
    }

    int groupId() {
        return ring.groupId();
    }

    /** Arms a receive on {@code fd} from this group: multishot, or one at a time; bundled where it can. */
    void arm(int fd, long userData) {
        Sqe sqe = uring.nextSqe();
        if (multishot) {
            sqe.recvMultishot(fd, ring.groupId(), 0);
        } else {
            sqe.recvSelect(fd, ring.groupId(), 0, 0);
        }
        if (bundles) {
            sqe.bundle();
        }
        sqe.userData(userData);
    }

    /**
     * A receive failed with -EINVAL: drop the newest receive flag in use (bundles, then multishot).
     *
     * @return false if there was none left to drop (the -EINVAL is a real error)
     */
    boolean fallBack() {
        if (bundles) {
            bundles = false;
            LoopLog.log(LOG, System.Logger.Level.INFO, owner + ": the kernel refuses receive bundles: one buffer per completion");
            return true;
        }
        if (multishot) {
            multishot = false;
            LoopLog.log(LOG, System.Logger.Level.INFO, owner + ": the kernel refuses multishot recv (before Linux 6.0): "
                    + "receiving one buffer per request");
            return true;
        }
        return false;
    }

    int bufferSize() {
        return pool.bufferSize();
    }

    /**
     * Accounts a receive completion: the buffers it filled move to {@code SELECTED}.
     *
     * @return how many buffers it filled (0 when it carries none: an error, end of stream); their ids are
     *         {@link #selected(int)} 0 .. n-1, in data order, each with {@link #length(int)} bytes. Or
     *         {@link #IMPOSSIBLE} for a completion no correct kernel posts (nothing changes then): data
     *         without a buffer, a buffer not in the ring, a bundle longer than the buffers that followed its
     *         first one in the ring
     */
    int select(int result, int cqeFlags) {
        if (!ring.canSelect(cqeFlags)) {
            return IMPOSSIBLE;
        }
        int first = BufferRing.bufferId(cqeFlags);
        if (first < 0) {
            if (result > 0) {
                return IMPOSSIBLE;
            }
            ring.select(result, cqeFlags);          // counts -ENOBUFS
            return 0;
        }
        int size = pool.bufferSize();
        if (result <= size) {
            ring.select(result, cqeFlags);
            selected[0] = first;
            length[first] = Math.max(result, 0);
            return 1;
        }
        // A bundle: the buffers after the first are the ring entries that followed it.
        int n = result / size + (result % size == 0 ? 0 : 1);
        int at = position[first];
        if (!bundleInRing(at, n)) {
            return IMPOSSIBLE;
        }
        ring.select(result, cqeFlags);
        selected[0] = first;
        length[first] = size;
        int left = result - size;
        for (int i = 1; i < n; i++) {
            int bid = ringOrder[(at + i) & ringMask];
            int bytes = Math.min(size, left);
            ring.select(bytes, (bid << bufferShift) | bufferFlag);
            selected[i] = bid;
            length[bid] = bytes;
            left -= bytes;
        }
        return n;
    }

    /**
     * Accounts a completion whose data nobody will read (its connection is gone) and gives back every
     * buffer it carries: exactly those, by id, never by count.
     */
    void discard(int result, int cqeFlags) {
        int n = select(result, cqeFlags);
        for (int i = 0; i < n; i++) {
            recycle(selected[i]);
        }
    }

    /**
     * Whether the {@code n - 1} ring entries after position {@code at} still hold, in the ring, the
     * buffers last written there: what a bundle of {@code n} buffers starting at {@code at} took.
     */
    private boolean bundleInRing(int at, int n) {
        if (n > selected.length) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            int bid = ringOrder[(at + i) & ringMask];
            if (position[bid] != at + i || !ring.canSelect((bid << bufferShift) | bufferFlag)) {
                return false;
            }
        }
        return true;
    }

    /** Buffer {@code i} of the completion {@link #select} accounted last. */
    int selected(int i) {
        return selected[i];
    }

    int offset(int bid) {
        return ring.dataOffset(bid);
    }

    int length(int bid) {
        return length[bid];
    }

    /** The buffer's segment (the pool's own instance), now with the user. */
    MemorySegment take(int bid) {
        return ring.take(bid);
    }

    /**
     * Debug mode (system property {@value #POISON_PROPERTY}, on in our tests): every buffer given back is
     * filled with {@link #POISON} first, so a handler that kept the {@code onData} segment past the call reads
     * poison (and a test sees it) instead of another connection's bytes. Off, the branch folds away (a static
     * final): no cost. On, one fill of the buffer per recycle.
     */
    static final String POISON_PROPERTY = "dev.iobuf.uring.net.poisonRecycledBuffers";
    static final byte POISON = (byte) 0xDB;
    private static final boolean POISON_ON_RECYCLE = Boolean.getBoolean(POISON_PROPERTY);

    /** Gives a selected or taken buffer back; visible to the kernel after {@link #publish()}. */
    void recycle(int bid) {
        if (POISON_ON_RECYCLE) {
            pool.value(ring.poolIndex(bid)).fill(POISON);
        }
        ring.recycle(bid);
        ringOrder[tailPosition & ringMask] = bid;
        position[bid] = tailPosition++;
        recycled = true;
    }

    /** Hands every recycled buffer back to the kernel (one release store), if any. */
    boolean publish() {
        if (!recycled) {
            return false;
        }
        recycled = false;
        ring.publish();
        return true;
    }

    long retain(int bid) {
        return retained.retain(bid);
    }

    void release(long handle) {
        recycle(retained.release(handle));
    }

    MemorySegment retainedBuffer(long handle) {
        return pool.value(ring.poolIndex(retained.check(handle, "read")));
    }

    /** Releases every buffer still retained (shutdown); returns how many there were. */
    int reclaimRetained() {
        return retained.releaseAll(this::recycle);
    }

    int inRing() {
        return ring.count(BufferRing.State.IN_RING);
    }

    int pending() {
        return ring.count(BufferRing.State.SELECTED);
    }

    int retainedCount() {
        return retained.count();
    }

    int returned() {
        return ring.count(BufferRing.State.RETURNED);
    }

    /** Taken by handlers right now: retained ones, plus the one being delivered. */
    int withUser() {
        return ring.count(BufferRing.State.WITH_USER);
    }

    /** Buffers a closed group left with the user (0 unless something was never given back). */
    int leakedAtClose() {
        return ring.leakedAtClose();
    }

    /** Unregisters the group (if the ring has not already) and frees the pool. */
    @Override
    public void close() {
        ring.close();
        pool.close();
    }
}
