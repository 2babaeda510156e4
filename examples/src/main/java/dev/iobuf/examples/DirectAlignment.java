package dev.iobuf.examples;

import java.nio.file.Path;

/**
 * The alignment O_DIRECT needs for a set of files: file offsets and lengths must be multiples of
 * {@code offset}, buffer addresses multiples of {@code memory}.
 *
 * <p>Read from statx (STATX_DIOALIGN, Linux 6.1: {@code stx_dio_offset_align},
 * {@code stx_dio_mem_align}), the largest over the files. Where the kernel or the file system does
 * not report it, 4096 for both: a conservative bound that covers 512-byte and 4 KiB logical blocks,
 * and page-aligned buffers satisfy it.
 *
 * @param offset alignment of file offsets and lengths, a power of two
 * @param memory alignment of buffer addresses, a power of two
 * @param reported whether statx reported it for every file (else the 4096 fallback was used)
 */
record DirectAlignment(int offset, int memory, boolean reported) {
    static final int FALLBACK = 4096;

    /**
     * @throws ToolException if statx says a file does not support O_DIRECT (alignment 0)
     */
    static DirectAlignment of(Path[] paths, FileStat[] stats) {
        int offset = 1;
        int memory = 1;
        boolean reported = true;
        for (int i = 0; i < stats.length; i++) {
            FileStat s = stats[i];
            if (!s.dioReported()) {
                reported = false;
                offset = Math.max(offset, FALLBACK);
                memory = Math.max(memory, FALLBACK);
                continue;
            }
            if (s.dioOffsetAlign() == 0 || s.dioMemAlign() == 0) {
                throw new ToolException("the file system holding " + paths[i] + " does not support O_DIRECT "
                        + "(statx reports no direct I/O alignment): drop --direct");
            }
            offset = Math.max(offset, s.dioOffsetAlign());
            memory = Math.max(memory, s.dioMemAlign());
        }
        return new DirectAlignment(offset, memory, reported);
    }

    /** How it reads in messages. */
    String describe() {
        return offset + "-byte offsets and lengths, " + memory + "-byte buffer addresses"
                + (reported ? ", per statx" : ", 4096 assumed: statx did not report it");
    }
}
