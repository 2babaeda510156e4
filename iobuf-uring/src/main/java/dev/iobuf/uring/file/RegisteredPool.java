package dev.iobuf.uring.file;

import dev.iobuf.BufferPool;
import dev.iobuf.Lease;
import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * A {@link BufferPool} registered with every ring of a {@link FileIo}: buffer {@code i} is registered
 * buffer {@code firstSlot + i}, so I/O on it is READ_FIXED / WRITE_FIXED. The service's lease on the pool
 * is retained by every operation on one of its buffers, from before it is queued until its completion
 * was seen, so the pool refuses to close while the kernel may use its memory.
 */
record RegisteredPool(BufferPool pool, int firstSlot, long base, long end, Lease lease) {
    /** Registers nothing itself: describes where {@code pool} sits in the table, and leases it for {@code holder}. */
    static RegisteredPool of(BufferPool pool, int firstSlot, Object holder) {
        MemorySegment slab = pool.slab();
        return new RegisteredPool(pool, firstSlot, slab.address(), slab.address() + slab.byteSize(), pool.lease(holder));
    }

    /** Whether registered slot {@code slot} holds one of this pool's buffers. */
    boolean hasSlot(int slot) {
        return slot >= firstSlot && slot < firstSlot + pool.capacity();
    }

    /** The registered slot holding {@code [address, address + length)} whole, or -1. */
    int slotOf(long address, long length) {
        if (address < base || address >= end) {
            return -1;
        }
        long size = pool.bufferSize();
        long i = (address - base) / size;
        return address + length <= base + (i + 1) * size ? firstSlot + (int) i : -1;
    }

    /** The address of {@code length} bytes at {@code bufferOffset} in buffer {@code index}, bounds-checked. */
    static long address(BufferPool pool, int index, long bufferOffset, int length) {
        Objects.checkIndex(index, pool.capacity());
        if (length < 0 || bufferOffset < 0 || bufferOffset > pool.bufferSize() - (long) length) {
            throw new IndexOutOfBoundsException(length + " bytes at offset " + bufferOffset + " do not fit in buffer "
                    + index + " of " + pool.bufferSize() + " bytes");
        }
        return pool.address(index) + bufferOffset;
    }
}
