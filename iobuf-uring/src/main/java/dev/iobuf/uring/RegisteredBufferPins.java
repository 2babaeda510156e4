package dev.iobuf.uring;

import dev.iobuf.AlignedMemory;
import dev.iobuf.BufferPool;
import java.lang.foreign.MemorySegment;

/**
 * What a {@link RegisteredBuffers} table pins against RLIMIT_MEMLOCK: the estimate of whole pages its
 * buffers span (huge-page pools at the huge page size), charged to {@link MemlockBudget} as the table
 * changes and uncharged when it closes.
 */
final class RegisteredBufferPins {
    private long pinned;

    /** Bytes pinned now. */
    long pinned() {
        return pinned;
    }

    /**
     * How many more bytes the table would pin if {@code n} slots from {@code first} held {@code segments}
     * (of {@code pools}) instead of what {@code slots} (of {@code slotPools}) hold.
     */
    long delta(MemorySegment[] slots, BufferPool[] slotPools, int first, MemorySegment[] segments, BufferPool[] pools,
            int n) {
        MemorySegment[] all = slots.clone();
        BufferPool[] allPools = slotPools.clone();
        System.arraycopy(segments, 0, all, first, n);
        System.arraycopy(pools, 0, allPools, first, n);
        return span(all, allPools) - pinned;
    }

    /** Charges the difference once the kernel holds {@code slots}. */
    void recharge(MemorySegment[] slots, BufferPool[] slotPools) {
        long now = span(slots, slotPools);
        MemlockBudget.charge(now - pinned);
        pinned = now;
    }

    /** The table is gone: nothing pinned any more. */
    void uncharge() {
        MemlockBudget.uncharge(pinned);
        pinned = 0;
    }

    /** Pages of ordinary slots at the base page size, pages of huge-page pools at the huge page size. */
    private static long span(MemorySegment[] segments, BufferPool[] pools) {
        int n = segments.length;
        MemorySegment[] small = new MemorySegment[n];
        MemorySegment[] huge = new MemorySegment[n];
        for (int i = 0; i < n; i++) {
            boolean hp = pools[i] != null && pools[i].options().hugePages();
            (hp ? huge : small)[i] = segments[i];
        }
        return MemlockBudget.pinnedSpan(small, n, MemlockBudget.page())
                + MemlockBudget.pinnedSpan(huge, n, AlignedMemory.hugePageSize());
    }
}
