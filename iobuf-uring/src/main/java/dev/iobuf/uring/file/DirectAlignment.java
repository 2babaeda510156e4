package dev.iobuf.uring.file;

import dev.iobuf.AlignedMemory;
import dev.iobuf.BufferPool;
import dev.iobuf.BufferTier;

/**
 * The alignment O_DIRECT needs on one file: file offsets and lengths multiples of {@code offset},
 * buffer addresses multiples of {@code memory}. From statx STATX_DIOALIGN (Linux 6.1); where the
 * kernel or file system does not report it, 4096 for both (covers 512-byte and 4 KiB logical blocks).
 *
 * @param offset alignment of file offsets and lengths, a power of two
 * @param memory alignment of buffer addresses, a power of two
 * @param reported whether statx reported it (else 4096 was assumed)
 */
public record DirectAlignment(int offset, int memory, boolean reported) {
    /** What is assumed when the kernel does not say. */
    public static final int FALLBACK = 4096;

    static DirectAlignment of(FileStat stat) {
        if (!stat.dioReported()) {
            return new DirectAlignment(FALLBACK, FALLBACK, false);
        }
        return new DirectAlignment(stat.dioOffsetAlign(), stat.dioMemAlign(), true);
    }

    /** Whether the file system supports O_DIRECT on the file at all. */
    boolean supported() {
        return offset > 0 && memory > 0;
    }

    /**
     * Checks one transfer before any system call.
     *
     * @throws IllegalArgumentException naming the alignment that is not met
     */
    void check(long position, long length, long address) {
        if (position % offset != 0 || length % offset != 0) {
            throw new IllegalArgumentException("O_DIRECT needs file offsets and lengths that are multiples of " + offset
                    + " bytes (" + describe() + "); got offset " + position + ", length " + length
                    + ": align them, or open without UringOpenOption.DIRECT");
        }
        if (address % memory != 0) {
            throw new IllegalArgumentException("O_DIRECT needs buffer addresses that are multiples of " + memory
                    + " bytes (" + describe() + "); got 0x" + Long.toHexString(address)
                    + ": use alignedPool(...) buffers, or open without UringOpenOption.DIRECT");
        }
    }

    /**
     * A pool of {@code count} buffers of at least {@code minBytes} each (rounded up to a tier and to
     * this alignment), every one aligned for O_DIRECT on this file. Register it with
     * {@link FileIoBuilder#registerPool} for READ_FIXED/WRITE_FIXED.
     */
    public BufferPool alignedPool(int count, int minBytes) {
        long bytes = AlignedMemory.alignUp(Math.max(minBytes, Math.max(offset, memory)), Math.max(offset, 1));
        BufferPool pool = BufferPool.of(BufferTier.forSize(bytes), count);
        for (int i = 0; i < pool.capacity(); i++) {
            if (pool.address(i) % memory != 0) {
                pool.close();
                throw new IllegalStateException("buffer " + i + " of a " + pool.bufferSize() + "-byte pool is not "
                        + memory + "-byte aligned: ask for at least " + memory + " bytes per buffer");
            }
        }
        return pool;
    }

    /** How it reads in messages. */
    public String describe() {
        return offset + "-byte offsets and lengths, " + memory + "-byte buffer addresses"
                + (reported ? ", per statx" : ", 4096 assumed: statx did not report it");
    }
}
