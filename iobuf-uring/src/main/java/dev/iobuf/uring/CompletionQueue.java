package dev.iobuf.uring;

import static dev.iobuf.liburing.LibUring.IORING_CQE_F_MORE;

import dev.iobuf.liburing.io_cqring_offsets;
import dev.iobuf.liburing.io_uring_params;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * The completion side of a ring, over the shared CQ memory. The kernel produces at {@code tail};
 * we consume from {@code head}. We read the kernel's tail with acquire (the CQE bytes before it are
 * then visible) and publish our head with release (after we copied the CQE out, so the kernel may
 * reuse the slot). The head is published per CQE, before the handler runs, so a handler may
 * reenter the ring (submit, reap) without seeing a CQE twice.
 */
final class CompletionQueue {
    private static final VarHandle INT = SubmissionQueue.INT;
    private static final long USER_DATA = 0;
    private static final long RES = 8;
    private static final long FLAGS = 12;

    private final MemorySegment ring;
    private final long headOffset;
    private final long tailOffset;
    private final long overflowOffset;
    private final long cqesOffset;
    final int entries;
    private final int mask;
    private final int cqeShift;

    private int head;
    /** Completions without IORING_CQE_F_MORE: each ends one operation. */
    private long finished;

    CompletionQueue(RingMemory memory, MemorySegment params, int setupFlags) {
        MemorySegment off = io_uring_params.cq_off(params);
        this.ring = memory.cqRing;
        this.headOffset = io_cqring_offsets.head(off);
        this.tailOffset = io_cqring_offsets.tail(off);
        this.overflowOffset = io_cqring_offsets.overflow(off);
        this.cqesOffset = io_cqring_offsets.cqes(off);
        this.entries = io_uring_params.cq_entries(params);
        this.mask = ring.get(ValueLayout.JAVA_INT, io_cqring_offsets.ring_mask(off));
        this.cqeShift = Integer.numberOfTrailingZeros(RingMemory.cqeSize(setupFlags));
        this.head = (int) INT.getAcquire(ring, headOffset);
    }

    /** Completions ready to be reaped. */
    int ready() {
        return (int) INT.getAcquire(ring, tailOffset) - head;
    }

    /** Hands every ready CQE to {@code handler}; returns how many. */
    int drain(CompletionHandler handler) {
        int count = 0;
        int tail = (int) INT.getAcquire(ring, tailOffset);
        while (tail - head > 0) {
            long cqe = cqesOffset + ((long) (head & mask) << cqeShift);
            long userData = ring.get(ValueLayout.JAVA_LONG, cqe + USER_DATA);
            int res = ring.get(ValueLayout.JAVA_INT, cqe + RES);
            int flags = ring.get(ValueLayout.JAVA_INT, cqe + FLAGS);
            INT.setRelease(ring, headOffset, ++head);
            if ((flags & IORING_CQE_F_MORE()) == 0) {
                finished++;
            }
            count++;
            handler.complete(userData, res, flags);
            tail = (int) INT.getAcquire(ring, tailOffset);
        }
        return count;
    }

    /** Completions the kernel had to drop because the CQ was full and it could not buffer them. */
    int overflowCounter() {
        return (int) INT.getAcquire(ring, overflowOffset);
    }

    long finished() {
        return finished;
    }
}
