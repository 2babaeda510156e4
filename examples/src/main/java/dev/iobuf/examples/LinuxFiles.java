package dev.iobuf.examples;

/**
 * The Linux file ABI values the examples pass to openat, statx and fallocate through io_uring: the
 * bindings carry the io_uring ABI only. Values from {@code <fcntl.h>} and {@code <linux/stat.h>}
 * (checked with gcc on x86-64); only {@code O_DIRECT} differs between the architectures we name.
 */
final class LinuxFiles {
    static final int AT_FDCWD = -100;
    static final int O_RDONLY = 0;
    static final int O_WRONLY = 1;
    static final int O_CREAT = 0x40;
    static final int O_TRUNC = 0x200;

    static final int STATX_TYPE = 0x1;
    static final int STATX_MODE = 0x2;
    static final int STATX_INO = 0x100;
    static final int STATX_SIZE = 0x200;
    /** stx_dio_mem_align and stx_dio_offset_align (Linux 6.1). */
    static final int STATX_DIOALIGN = 0x2000;

    static final int S_IFMT = 0xF000;
    static final int S_IFREG = 0x8000;
    static final int S_IFDIR = 0x4000;

    /** {@code sizeof(struct statx)}. */
    static final int STATX_BYTES = 256;
    static final long STX_MASK = 0;
    static final long STX_MODE = 28;
    static final long STX_INO = 32;
    static final long STX_SIZE = 40;
    static final long STX_DEV_MAJOR = 136;
    static final long STX_DEV_MINOR = 140;
    static final long STX_DIO_MEM_ALIGN = 152;
    static final long STX_DIO_OFFSET_ALIGN = 156;

    private LinuxFiles() {
    }

    /**
     * {@code O_DIRECT} on this architecture.
     *
     * @throws ToolException on an architecture whose value we do not know
     */
    static int oDirect() {
        String arch = System.getProperty("os.arch", "");
        return switch (arch) {
            case "amd64", "x86_64", "riscv64", "s390x" -> 0x4000;
            case "aarch64", "arm64" -> 0x10000;
            case "ppc64le", "ppc64" -> 0x20000;
            default -> throw new ToolException("O_DIRECT's value on " + arch + " is not known to this example: "
                    + "run without --direct");
        };
    }
}
