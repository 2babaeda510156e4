package dev.iobuf.uring.file;

import dev.iobuf.BufferPool;
import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * A {@link BufferPool} registered with every ring of a {@link FileIo}: buffer {@code i} is registered
 * buffer {@code firstSlot + i}, so I/O on it is READ_FIXED / WRITE_FIXED.
 */
record RegisteredPool(BufferPool pool, int firstSlot, long base, long end) {
    static RegisteredPool of(BufferPool pool, int firstSlot) {
        MemorySegment slab = pool.slab();
        return new RegisteredPool(pool, firstSlot, slab.address(), slab.address() + slab.byteSize());
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
