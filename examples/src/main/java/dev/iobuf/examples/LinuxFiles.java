package dev.iobuf.examples;

import dev.iobuf.liburing.Libc;

/**
 * The Linux file ABI values the examples pass to openat, statx and fallocate through io_uring, taken from
 * the bindings' {@link Libc} (checked against {@code <fcntl.h>} and {@code <sys/stat.h>} with gcc).
 */
final class LinuxFiles {
    static final int AT_FDCWD = Libc.AT_FDCWD();
    static final int O_RDONLY = Libc.O_RDONLY();
    static final int O_WRONLY = Libc.O_WRONLY();
    static final int O_CREAT = Libc.O_CREAT();
    static final int O_TRUNC = Libc.O_TRUNC();

    static final int STATX_TYPE = Libc.STATX_TYPE();
    static final int STATX_MODE = Libc.STATX_MODE();
    static final int STATX_INO = Libc.STATX_INO();
    static final int STATX_SIZE = Libc.STATX_SIZE();
    /** stx_dio_mem_align and stx_dio_offset_align (Linux 6.1). */
    static final int STATX_DIOALIGN = Libc.STATX_DIOALIGN();

    static final int S_IFMT = Libc.S_IFMT();
    static final int S_IFREG = Libc.S_IFREG();
    static final int S_IFDIR = Libc.S_IFDIR();

    /** {@code sizeof(struct statx)}. */
    static final int STATX_BYTES = Libc.STATX_BYTES();
    static final long STX_MASK = Libc.STX_MASK_OFFSET();
    static final long STX_MODE = Libc.STX_MODE_OFFSET();
    static final long STX_INO = Libc.STX_INO_OFFSET();
    static final long STX_SIZE = Libc.STX_SIZE_OFFSET();
    static final long STX_DEV_MAJOR = Libc.STX_DEV_MAJOR_OFFSET();
    static final long STX_DEV_MINOR = Libc.STX_DEV_MINOR_OFFSET();
    static final long STX_DIO_MEM_ALIGN = Libc.STX_DIO_MEM_ALIGN_OFFSET();
    static final long STX_DIO_OFFSET_ALIGN = Libc.STX_DIO_OFFSET_ALIGN_OFFSET();

    private LinuxFiles() {
    }

    /** {@code O_DIRECT} on this architecture (x86-64 or aarch64). */
    static int oDirect() {
        return Libc.O_DIRECT();
    }
}
