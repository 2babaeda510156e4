package dev.iobuf.uring.file;

import dev.iobuf.liburing.Libc;
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
    private static final int S_IFMT = Libc.S_IFMT();
    private static final int S_IFREG = Libc.S_IFREG();
    private static final int S_IFDIR = Libc.S_IFDIR();

    /** The mask {@link UringFile#stat()} asks for: basic stats and the direct I/O alignment. */
    static int mask() {
        return Libc.STATX_BASIC_STATS() | Libc.STATX_DIOALIGN();
    }

    /** Reads a {@code struct statx} the kernel filled. */
    static FileStat parse(MemorySegment statx) {
        int got = statx.get(ValueLayout.JAVA_INT, Libc.STX_MASK_OFFSET());
        boolean dio = (got & Libc.STATX_DIOALIGN()) != 0;
        long major = Integer.toUnsignedLong(statx.get(ValueLayout.JAVA_INT, Libc.STX_DEV_MAJOR_OFFSET()));
        long minor = Integer.toUnsignedLong(statx.get(ValueLayout.JAVA_INT, Libc.STX_DEV_MINOR_OFFSET()));
        long mtime = statx.get(ValueLayout.JAVA_LONG, Libc.STX_MTIME_OFFSET()) * 1_000_000_000L
                + Integer.toUnsignedLong(statx.get(ValueLayout.JAVA_INT, Libc.STX_MTIME_OFFSET() + 8));
        return new FileStat(statx.get(ValueLayout.JAVA_LONG, Libc.STX_SIZE_OFFSET()),
                Short.toUnsignedInt(statx.get(ValueLayout.JAVA_SHORT, Libc.STX_MODE_OFFSET())),
                statx.get(ValueLayout.JAVA_LONG, Libc.STX_INO_OFFSET()), major << 32 | minor,
                statx.get(ValueLayout.JAVA_INT, Libc.STX_BLKSIZE_OFFSET()),
                statx.get(ValueLayout.JAVA_LONG, Libc.STX_BLOCKS_OFFSET()), mtime, dio,
                dio ? statx.get(ValueLayout.JAVA_INT, Libc.STX_DIO_MEM_ALIGN_OFFSET()) : 0,
                dio ? statx.get(ValueLayout.JAVA_INT, Libc.STX_DIO_MEM_ALIGN_OFFSET() + 4) : 0);
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
