package dev.iobuf.examples;

/**
 * What {@code statx} said about a file.
 *
 * @param size bytes
 * @param mode {@code st_mode} (type and permission bits)
 * @param device {@code major << 32 | minor} of the file system's device
 * @param inode inode number
 * @param dioReported whether the kernel filled the direct I/O alignment (STATX_DIOALIGN, Linux 6.1,
 *     and only where the file system reports it)
 * @param dioMemAlign required alignment of buffer addresses for O_DIRECT, 0 = O_DIRECT unsupported
 * @param dioOffsetAlign required alignment of file offsets and lengths for O_DIRECT, 0 = unsupported
 */
record FileStat(long size, int mode, long device, long inode, boolean dioReported, int dioMemAlign,
                int dioOffsetAlign) {

    boolean isRegularFile() {
        return (mode & LinuxFiles.S_IFMT) == LinuxFiles.S_IFREG;
    }

    boolean isDirectory() {
        return (mode & LinuxFiles.S_IFMT) == LinuxFiles.S_IFDIR;
    }

    boolean sameFileAs(FileStat other) {
        return device == other.device && inode == other.inode;
    }
}
