package dev.iobuf.uring.file;

import dev.iobuf.liburing.LibcAbi;
import dev.iobuf.liburing.statx;
import dev.iobuf.liburing.statx_timestamp;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * What {@code statx} said about an open file ({@link UringFile#stat()}).
 *
 * @param size bytes
 * @param mode {@code st_mode}: type and permission bits
 * @param inode inode number
 * @param device {@code major << 32 | minor} of the file system's device
 * @param blockSize preferred I/O block size
 * @param blocks 512-byte blocks allocated
 * @param modifiedNanos last modification, nanoseconds since the epoch
 * @param dioReported whether the kernel reported direct I/O alignment (STATX_DIOALIGN, Linux 6.1)
 * @param dioMemAlign O_DIRECT buffer address alignment; 0 = O_DIRECT unsupported (when reported)
 * @param dioOffsetAlign O_DIRECT offset and length alignment; 0 = unsupported (when reported)
 */
public record FileStat(long size, int mode, long inode, long device, int blockSize, long blocks, long modifiedNanos,
                       boolean dioReported, int dioMemAlign, int dioOffsetAlign) {
    private static final int S_IFMT = LibcAbi.S_IFMT();
    private static final int S_IFREG = LibcAbi.S_IFREG();
    private static final int S_IFDIR = LibcAbi.S_IFDIR();

    /** The mask {@link UringFile#stat()} asks for: basic stats and the direct I/O alignment. */
    static int mask() {
        return LibcAbi.STATX_BASIC_STATS() | LibcAbi.STATX_DIOALIGN();
    }

    /** Reads a {@code struct statx} the kernel filled (offsets: the generated {@link statx} layout). */
    static FileStat parse(MemorySegment buf) {
        int got = buf.get(ValueLayout.JAVA_INT, statx.stx_mask$offset());
        boolean dio = (got & LibcAbi.STATX_DIOALIGN()) != 0;
        long major = Integer.toUnsignedLong(buf.get(ValueLayout.JAVA_INT, statx.stx_dev_major$offset()));
        long minor = Integer.toUnsignedLong(buf.get(ValueLayout.JAVA_INT, statx.stx_dev_minor$offset()));
        long mtime = buf.get(ValueLayout.JAVA_LONG, statx.stx_mtime$offset() + statx_timestamp.tv_sec$offset())
                * 1_000_000_000L + Integer.toUnsignedLong(
                        buf.get(ValueLayout.JAVA_INT, statx.stx_mtime$offset() + statx_timestamp.tv_nsec$offset()));
        return new FileStat(buf.get(ValueLayout.JAVA_LONG, statx.stx_size$offset()),
                Short.toUnsignedInt(buf.get(ValueLayout.JAVA_SHORT, statx.stx_mode$offset())),
                buf.get(ValueLayout.JAVA_LONG, statx.stx_ino$offset()), major << 32 | minor,
                buf.get(ValueLayout.JAVA_INT, statx.stx_blksize$offset()),
                buf.get(ValueLayout.JAVA_LONG, statx.stx_blocks$offset()), mtime, dio,
                dio ? buf.get(ValueLayout.JAVA_INT, statx.stx_dio_mem_align$offset()) : 0,
                dio ? buf.get(ValueLayout.JAVA_INT, statx.stx_dio_offset_align$offset()) : 0);
    }

    /** Whether this is a regular file. */
    public boolean isRegularFile() {
        return (mode & S_IFMT) == S_IFREG;
    }

    /** Whether this is a directory. */
    public boolean isDirectory() {
        return (mode & S_IFMT) == S_IFDIR;
    }

    /** Whether {@code other} describes the same file (device and inode). */
    public boolean sameFileAs(FileStat other) {
        return device == other.device && inode == other.inode;
    }
}
