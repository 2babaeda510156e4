package dev.iobuf.uring.file;

import java.nio.file.OpenOption;

/** Open options beyond {@link java.nio.file.StandardOpenOption}, for {@link FileIo#open}. */
public enum UringOpenOption implements OpenOption {
    /**
     * O_DIRECT: I/O bypasses the page cache. Offsets, lengths and buffer addresses must then be
     * multiples of the file's {@link UringFile#alignment()} (checked before any system call).
     */
    DIRECT,
    /** O_NOATIME: reads do not update the access time (the caller must own the file, else EPERM). */
    NOATIME
}
