package dev.iobuf.uring.file;

import dev.iobuf.liburing.ArchConstants;
import dev.iobuf.liburing.LibcAbi;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * {@code open(2)} flags for a set of {@link OpenOption}s, following {@code FileChannel.open}: READ is
 * the default, APPEND implies WRITE and excludes READ and TRUNCATE_EXISTING, CREATE_NEW wins over
 * CREATE, TRUNCATE_EXISTING applies only when writing.
 */
record OpenFlags(int flags, boolean read, boolean write, boolean append, boolean direct, boolean deleteOnClose) {

    static OpenFlags of(Set<? extends OpenOption> options) {
        boolean read = options.contains(StandardOpenOption.READ);
        boolean write = options.contains(StandardOpenOption.WRITE);
        boolean append = options.contains(StandardOpenOption.APPEND);
        for (OpenOption o : options) {
            if (!(o instanceof StandardOpenOption) && !(o instanceof UringOpenOption) && o != LinkOption.NOFOLLOW_LINKS) {
                throw new UnsupportedOperationException("open option " + o + " is not supported: use StandardOpenOption, "
                        + "LinkOption.NOFOLLOW_LINKS or UringOpenOption");
            }
        }
        if (append) {
            if (read) {
                throw new IllegalArgumentException("READ + APPEND not allowed (as with FileChannel): open twice");
            }
            if (options.contains(StandardOpenOption.TRUNCATE_EXISTING)) {
                throw new IllegalArgumentException("APPEND + TRUNCATE_EXISTING not allowed (as with FileChannel)");
            }
            write = true;
        }
        if (!write) {
            read = true;
        }
        int flags = read && write ? LibcAbi.O_RDWR() : write ? LibcAbi.O_WRONLY() : LibcAbi.O_RDONLY();
        if (write) {
            if (options.contains(StandardOpenOption.CREATE_NEW)) {
                flags |= LibcAbi.O_CREAT() | LibcAbi.O_EXCL();
            } else if (options.contains(StandardOpenOption.CREATE)) {
                flags |= LibcAbi.O_CREAT();
            }
            if (options.contains(StandardOpenOption.TRUNCATE_EXISTING)) {
                flags |= LibcAbi.O_TRUNC();
            }
        }
        if (append) {
            flags |= LibcAbi.O_APPEND();
        }
        if (options.contains(StandardOpenOption.SYNC)) {
            flags |= LibcAbi.O_SYNC();
        } else if (options.contains(StandardOpenOption.DSYNC)) {
            flags |= LibcAbi.O_DSYNC();
        }
        if (options.contains(LinkOption.NOFOLLOW_LINKS)) {
            flags |= ArchConstants.O_NOFOLLOW();
        }
        boolean direct = options.contains(UringOpenOption.DIRECT);
        if (direct) {
            flags |= ArchConstants.O_DIRECT();
        }
        if (options.contains(UringOpenOption.NOATIME)) {
            flags |= LibcAbi.O_NOATIME();
        }
        return new OpenFlags(flags | LibcAbi.O_CLOEXEC(), read, write, append, direct,
                options.contains(StandardOpenOption.DELETE_ON_CLOSE));
    }

    boolean creates() {
        return (flags & LibcAbi.O_CREAT()) != 0;
    }
}
