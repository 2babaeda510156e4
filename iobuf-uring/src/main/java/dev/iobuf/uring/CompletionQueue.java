package dev.iobuf.uring;

import static dev.iobuf.liburing.LibUring.IORING_CQE_F_MORE;

import dev.iobuf.liburing.Errno;
import dev.iobuf.liburing.io_cqring_offsets;
import dev.iobuf.liburing.io_uring_cqe;
import dev.iobuf.liburing.io_uring_params;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The completion side of a ring, over the shared CQ memory. The kernel produces at {@code tail};
 * we consume from {@code head}.
 *
 * <p>Memory ordering, per the io_uring ABI: the kernel writes a CQE and then stores the tail with
 * release; we load the tail with acquire, so every CQE before it is fully visible. We copy a CQE's
 * fields out and only then store our head with release, which orders those loads before the store:
 * once the kernel sees the new head it may overwrite the slot (the kernel's comment atop io_uring.c
 * asks for exactly this: a barrier between the entry loads and the head store, "smp_store_release to
 * store head will do").
 *
 * <p>Two ways to consume, sharing one head: {@link #drain} publishes the head per CQE, before the
 * handler runs, so that a handler may reenter the ring; {@link #poll} (the cursor) advances a local
 * head and publishes it once per batch ({@link #publishHead}).
 */
final class CompletionQueue {
    // struct io_uring_cqe, from the generated layout: folded by the JIT like literals.
    private static final long USER_DATA = io_uring_cqe.user_data$offset();
    private static final long RES = io_uring_cqe.res$offset();
    private static final long FLAGS = io_uring_cqe.flags$offset();
    /** res and flags are adjacent: one 8-byte load reads both (one accessor less to inline per CQE). */
    private static final boolean RES_FLAGS_WORD = FLAGS == RES + Integer.BYTES
            && java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN;

    private final RingView ring;
    private final long headOffset;
    private final long tailOffset;
    private final long overflowOffset;
    private final long cqesOffset;
    final int entries;
    private final int mask;
    private final int cqeShift;
    private final int moreFlag = IORING_CQE_F_MORE();

    /** Next CQE to consume. */
    private int head;
    /** Head as last published to the kernel. */
    private int publishedHead;
    /** Kernel tail as last read; reread only when {@code head} catches up with it. */
    private int cachedTail;
    /** Completions without IORING_CQE_F_MORE: each ends one operation. */
    private long finished;
    private final InFlightHolds holds;
    /** Gets the completions in the reserved user_data range (resource tags, wake-ups, close's cancel). */
    private final CompletionHandler reserved;
    /** The overflow counter as last checked. */
    private int lastOverflow;
    /** The ring memory is unmapped ({@link #retire}): a handler closed the ring on the owner thread. */
    private boolean retired;

    CompletionQueue(RingMemory memory, MemorySegment params, int setupFlags, InFlightHolds holds,
                    CompletionHandler reserved) {
        this.holds = holds;
        this.reserved = reserved;
        MemorySegment off = io_uring_params.cq_off(params);
        this.ring = memory.cqRing;
        this.headOffset = io_cqring_offsets.head(off);
        this.tailOffset = io_cqring_offsets.tail(off);
        this.overflowOffset = io_cqring_offsets.overflow(off);
        this.cqesOffset = io_cqring_offsets.cqes(off);
        this.entries = io_uring_params.cq_entries(params);
        MemorySegment words = ring.segment();   // set-up: checked and plain, as in SubmissionQueue's constructor
        this.mask = words.get(ValueLayout.JAVA_INT, io_cqring_offsets.ring_mask(off));
        this.cqeShift = Integer.numberOfTrailingZeros(RingMemory.cqeSize(setupFlags));
        this.head = words.get(ValueLayout.JAVA_INT, headOffset);
        this.publishedHead = head;
        this.cachedTail = head;
        this.lastOverflow = overflowCounter();
    }

    /** Completions ready to be reaped. */
    int ready() {
        return ready(ring.onOwner());
    }

    /** As {@link #ready()}, {@code fast} saying whether the caller is the owner thread ({@link RingView#onOwner()}). */
    int ready(boolean fast) {
        return ring.getIntAcquire(fast, tailOffset) - head;
    }

    /**
     * Accounts a CQE and tells whether it is the caller's. A CQE without IORING_CQE_F_MORE ends one
     * submitted operation (and the memory it held is released). Reserved ones ({@link #isReserved}) go
     * to the ring instead of the caller: resource-tag CQEs and wake-ups come without an SQE of this ring,
     * so they must not lower the in-flight count that {@link Ring#close()} waits on; close's cancel came
     * from an SQE and does. One unsigned compare decides for every ordinary CQE.
     */
    /** Whether {@code userData} is reserved for the ring (see {@link Ring#CANCEL_ALL_USER_DATA}). */
    static boolean isReserved(long userData) {
        // One unsigned compare for every ordinary value: only the top two prefixes can be reserved.
        return (userData >>> 48) >= 0xFFFEL && (ResourceTags.isTagCompletion(userData)
                || userData == Ring.CANCEL_ALL_USER_DATA || userData == Ring.WAKEUP_USER_DATA);
    }

    private boolean forCaller(long userData, int res, int flags) {
        if (isReserved(userData)) {
            if (userData == Ring.CANCEL_ALL_USER_DATA) {
                finished++;
            }
            reserved.complete(userData, res, flags);
            return false;
        }
        if ((flags & moreFlag) == 0) {
            finished++;
            holds.completed(userData);
        }
        return true;
    }

    /** Hands every ready CQE to {@code handler}; returns how many. */
    int drain(CompletionHandler handler) {
        return drain(handler, ring.onOwner());
    }

    /**
     * As {@link #drain(CompletionHandler)}, {@code fast} saying whether the caller is the owner thread (asked once
     * per call, see RingView; a handler cannot change the thread).
     */
    int drain(CompletionHandler handler, boolean fast) {
        int count = 0;
        while (available(fast)) {
            long cqe = cqesOffset + ((long) (head & mask) << cqeShift);
            long userData = ring.getLong(fast, cqe + USER_DATA);
            long resFlags = resAndFlags(fast, cqe);
            int res = (int) resFlags;
            int flags = (int) (resFlags >>> 32);
            publishedHead = ++head;
            ring.setIntRelease(fast, headOffset, head);
            if (forCaller(userData, res, flags)) {
                count++;
                handler.complete(userData, res, flags);
                if (retired) {
                    // The handler closed the ring on the owner thread, which unmapped it: the cached tail must not
                    // be read on (the owner's reads are unchecked: RingView), and neither may the caller go on.
                    throw new ClosedRingException("the ring was closed by a completion handler during reap");
                }
            }
        }
        return count;
    }

    /** The ring memory is about to be unmapped: a drain running further up this thread's stack stops. */
    void retire() {
        retired = true;
    }

    /**
     * Copies the next ready CQE into {@code cursor} and consumes it locally (the kernel sees the slot
     * free after {@link #publishHead}).
     *
     * @return false when no CQE is ready
     */
    boolean poll(CompletionCursor cursor) {
        boolean fast = ring.onOwner();
        while (available(fast)) {
            long cqe = cqesOffset + ((long) (head & mask) << cqeShift);
            long userData = ring.getLong(fast, cqe + USER_DATA);
            long resFlags = resAndFlags(fast, cqe);
            int res = (int) resFlags;
            int flags = (int) (resFlags >>> 32);
            head++;
            if (forCaller(userData, res, flags)) {
                cursor.set(userData, res, flags);
                return true;
            }
        }
        return false;
    }

    /** The CQE's res (low half) and flags (high half). */
    private long resAndFlags(boolean fast, long cqe) {
        if (RES_FLAGS_WORD) {
            return ring.getLong(fast, cqe + RES);
        }
        return (ring.getInt(fast, cqe + RES) & 0xFFFF_FFFFL) | ((long) ring.getInt(fast, cqe + FLAGS) << 32);
    }

    /** Whether a CQE is ready at {@code head}; rereads the kernel tail (acquire) only when needed. */
    private boolean available(boolean fast) {
        if (cachedTail - head > 0) {
            return true;
        }
        cachedTail = ring.getIntAcquire(fast, tailOffset);
        return cachedTail - head > 0;
    }

    /** Tells the kernel that every CQE consumed so far may be overwritten (one release store). */
    void publishHead() {
        if (publishedHead != head) {
            publishedHead = head;
            ring.setIntRelease(ring.onOwner(), headOffset, head);
        }
    }

    /** Completions the kernel had to drop because the CQ was full and it could not buffer them. */
    int overflowCounter() {
        return overflowCounter(ring.onOwner());
    }

    private int overflowCounter(boolean fast) {
        return ring.getIntAcquire(fast, overflowOffset);
    }

    /** Throws if the kernel dropped completions since the last check (never silent); {@code fd} names the ring. */
    void checkOverflow(int fd) {
        checkOverflow(fd, ring.onOwner());
    }

    /** As {@link #checkOverflow(int)}, {@code fast} saying whether the caller is the owner thread. */
    void checkOverflow(int fd, boolean fast) {
        int overflow = overflowCounter(fast);
        if (overflow != lastOverflow) {
            overflowed(fd, overflow);
        }
    }

    /** Out of line, so that the check above stays small enough to inline into every reap. */
    private void overflowed(int fd, int overflow) {
        int lost = overflow - lastOverflow;
        lastOverflow = overflow;
        throw new UringException("completion queue of ring fd " + fd, -Errno.EOVERFLOW.number(), "the kernel dropped "
                + lost + " completion(s) because the CQ (" + entries + " entries) was full and it could not "
                + "buffer them; reap more often or build the ring with a larger cqSize");
    }

    long finished() {
        return finished;
    }
}
