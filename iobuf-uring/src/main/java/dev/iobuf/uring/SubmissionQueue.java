package dev.iobuf.uring;

import static dev.iobuf.liburing.NewerKernelConstants.IORING_SETUP_NO_SQARRAY;
import static dev.iobuf.liburing.LibUring.IORING_SQ_CQ_OVERFLOW;
import static dev.iobuf.liburing.LibUring.IORING_SQ_NEED_WAKEUP;
import static dev.iobuf.liburing.LibUring.IORING_SQ_TASKRUN;
import static dev.iobuf.liburing.LibUring.IOSQE_CQE_SKIP_SUCCESS;

import dev.iobuf.liburing.io_sqring_offsets;
import dev.iobuf.liburing.io_uring_params;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * The submission side of a ring, over the shared SQ memory. The kernel consumes from {@code head};
 * we produce at {@code tail}.
 *
 * <p>Memory ordering, per the io_uring ABI (the kernel's comment atop io_uring.c, and liburing's
 * {@code io_uring_smp_*} uses): we read the kernel's head with acquire, so that once we see a slot
 * consumed, the kernel's reads of that SQE happened before we rewrite it; we publish our tail with
 * release, so that the SQE stores before it are visible to the kernel when it sees the new tail. The
 * SQ flags word (NEED_WAKEUP, CQ_OVERFLOW, TASKRUN) is read with acquire, and for NEED_WAKEUP after a
 * full fence that orders our tail store before the flag load (the SQPOLL thread sets the flag and then
 * re-checks the tail; without the fence both sides could miss each other and the poller would sleep
 * on a non-empty queue).
 *
 * <p>Not thread-safe: one submitting thread per ring, as with liburing.
 */
final class SubmissionQueue {
    private static final long SQE_FLAGS = Sqe.FLAGS;

    private final RingView ring;
    private final RingView sqes;
    private final long headOffset;
    private final long tailOffset;
    private final long flagsOffset;
    private final long droppedOffset;
    final int entries;
    private final int mask;
    final int sqeShift;

    /** Next SQE slot we hand out (not yet visible to the kernel). */
    private int sqeTail;
    /** Last tail published to the kernel. */
    private int published;
    /** Kernel head as last read; refreshed only when the queue looks full. */
    private int cachedHead;
    /** SQEs up to this index have been counted as submitted (see {@link #account}). */
    private int accounted;
    private final InFlightHolds holds;
    /** Set once any SQE of the ring carried IOSQE_CQE_SKIP_SUCCESS: only then does accounting scan flags. */
    boolean skipSuccessUsed;
    private final InFlightHolds.SlotUserData userDataOfSlot = this::userDataOf;

    SubmissionQueue(RingMemory memory, MemorySegment params, int setupFlags, InFlightHolds holds) {
        this.holds = holds;
        MemorySegment off = io_uring_params.sq_off(params);
        this.ring = memory.sqRing;
        this.sqes = memory.sqes;
        this.headOffset = io_sqring_offsets.head(off);
        this.tailOffset = io_sqring_offsets.tail(off);
        this.flagsOffset = io_sqring_offsets.flags(off);
        this.droppedOffset = io_sqring_offsets.dropped(off);
        this.entries = io_uring_params.sq_entries(params);
        // Set-up reads and writes go through the checked segment, not RingView's accessors: a checked access there
        // would teach their branch profiles a path an owner-only program never takes, and C2 would compile it into
        // every inlined access (nodes that push the NOP path past C2's inlining limits: benchmarks/README.md, NOP).
        // Plain reads: the kernel set the ring up before io_uring_setup returned.
        MemorySegment words = ring.segment();
        this.mask = words.get(ValueLayout.JAVA_INT, io_sqring_offsets.ring_mask(off));
        this.sqeShift = Integer.numberOfTrailingZeros(RingMemory.sqeSize(setupFlags));
        this.sqeTail = words.get(ValueLayout.JAVA_INT, tailOffset);
        this.published = sqeTail;
        this.accounted = sqeTail;
        this.cachedHead = words.get(ValueLayout.JAVA_INT, headOffset);
        if ((setupFlags & IORING_SETUP_NO_SQARRAY()) == 0) {
            // We always fill SQEs in ring order, so the indirection array is the identity: write it once.
            long array = io_sqring_offsets.array(off);
            for (int i = 0; i < entries; i++) {
                words.set(ValueLayout.JAVA_INT, array + RingMemory.U32 * i, i);
            }
        }
    }

    /**
     * Claims the next SQE slot (its bytes still hold an older entry).
     *
     * @param fast whether the caller is the owner thread ({@link RingView#onOwner()}, asked once per call)
     * @return the byte offset of the SQE in the SQE array, or -1 when all entries are taken
     */
    long claim(boolean fast) {
        int tail = sqeTail;
        if (tail - cachedHead >= entries) {
            cachedHead = ring.getIntAcquire(fast, headOffset);
            if (tail - cachedHead >= entries) {
                return -1;
            }
        }
        sqeTail = tail + 1;
        // Not cleared here: Sqe's operation methods write all 64 bytes, and Sqe.seal() turns a slot
        // claimed but never prepared into a NOP before it is published.
        return (long) (tail & mask) << sqeShift;
    }

    /**
     * Gives back the slot at byte offset {@code offset} if it is the newest claimed one (a prep refused its
     * arguments before writing it).
     *
     * @return whether it was given back
     */
    boolean unclaim(long offset) {
        int last = sqeTail - 1;
        if (last - published >= 0 && ((long) (last & mask) << sqeShift) == offset) {
            sqeTail = last;
            return true;
        }
        return false;
    }

    private long userDataOf(int slot) {
        return sqes.getLong(sqes.onOwner(), ((long) slot << sqeShift) + Sqe.USER_DATA);
    }

    /**
     * Makes every claimed SQE visible to the kernel (one release store of the tail per batch, however many
     * SQEs it holds); returns how many were newly published.
     */
    int publish(boolean fast) {
        int tail = sqeTail;
        int count = tail - published;
        if (count != 0) {
            // Memory held per slot now waits for the completion of the SQE's user_data (set by now).
            holds.published(published, tail, userDataOfSlot);
            ring.setIntRelease(fast, tailOffset, tail);
            published = tail;
        }
        return count;
    }

    /** Forgets SQEs claimed but not yet published (close: they were never submitted). */
    void discardUnpublished() {
        for (int i = published; i != sqeTail; i++) {
            holds.drop(i & mask);
        }
        sqeTail = published;
    }

    /**
     * Counts the next {@code count} SQEs (in ring order, from the last one counted) as submitted and
     * returns how many of them carry IOSQE_CQE_SKIP_SUCCESS, i.e. will post no CQE if they succeed;
     * {@code scan} false (no SQE of the ring ever used the flag) skips reading the SQEs.
     * Must run before those slots can be claimed again: right after the enter that consumed them, or at
     * publish time with SQPOLL. Reads one byte per SQE, in Java.
     */
    int account(int count, boolean scan) {
        if (!scan) {
            accounted += count;
            return 0;
        }
        int skip = 0;
        int skipBit = IOSQE_CQE_SKIP_SUCCESS();
        boolean fast = sqes.onOwner();
        for (int i = 0; i < count; i++) {
            long offset = (long) ((accounted + i) & mask) << sqeShift;
            if ((sqes.getByte(fast, offset + SQE_FLAGS) & skipBit) != 0) {
                skip++;
            }
        }
        accounted += count;
        return skip;
    }

    /** SQEs published but not yet consumed by the kernel. */
    int unconsumed() {
        return unconsumed(ring.onOwner());
    }

    /** As {@link #unconsumed()}, {@code fast} saying whether the caller is the owner thread. */
    int unconsumed(boolean fast) {
        return published - ring.getIntAcquire(fast, headOffset);
    }

    /** SQEs claimed but not yet published. */
    int unpublished() {
        return sqeTail - published;
    }

    int free() {
        return entries - (sqeTail - ring.getIntAcquire(ring.onOwner(), headOffset));
    }

    private int kernelFlags() {
        return kernelFlags(ring.onOwner());
    }

    private int kernelFlags(boolean fast) {
        return ring.getIntAcquire(fast, flagsOffset);
    }

    /** With SQPOLL: whether the poller thread sleeps and needs IORING_ENTER_SQ_WAKEUP (see class comment). */
    boolean needsWakeup() {
        VarHandle.fullFence();
        return (kernelFlags() & IORING_SQ_NEED_WAKEUP()) != 0;
    }

    /** The kernel holds completions that did not fit in the CQ (flushed by io_uring_enter with GETEVENTS). */
    boolean cqOverflowPending(boolean fast) {
        return (kernelFlags(fast) & IORING_SQ_CQ_OVERFLOW()) != 0;
    }

    /** Task work is pending (COOP/DEFER_TASKRUN with TASKRUN_FLAG): enter with GETEVENTS to run it. */
    boolean taskRunPending() {
        return (kernelFlags() & IORING_SQ_TASKRUN()) != 0;
    }

    /** Either of the two above: completions wait for an io_uring_enter with GETEVENTS. */
    boolean completionsNeedEnter(boolean fast) {
        return (kernelFlags(fast) & (IORING_SQ_CQ_OVERFLOW() | IORING_SQ_TASKRUN())) != 0;
    }

    /** SQEs the kernel dropped as invalid (an index out of range in the SQ array). */
    int dropped() {
        return ring.getIntAcquire(ring.onOwner(), droppedOffset);
    }

    RingView sqes() {
        return sqes;
    }
}
