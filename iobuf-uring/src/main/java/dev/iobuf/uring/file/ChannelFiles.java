package dev.iobuf.uring.file;

import com.sun.nio.file.ExtendedOpenOption;
import dev.iobuf.liburing.Errno;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Opening, describing and closing files for the NIO transport ({@link ChannelRing}): the JDK's
 * {@link FileChannel} and {@link Files}, no native code. What the JDK cannot express is said here:
 * {@link UringOpenOption#NOATIME} is ignored (the JDK has no O_NOATIME); O_DIRECT goes through
 * {@link ExtendedOpenOption#DIRECT}, whose alignment is the file store's block size (the JDK checks it).
 */
final class ChannelFiles {
    private ChannelFiles() {
    }

    static UringFile open(FileIo io, Path path, Set<? extends OpenOption> options, OpenFlags flags) throws IOException {
        Set<OpenOption> jdk = new HashSet<>();
        for (OpenOption o : options) {
            if (o == UringOpenOption.DIRECT) {
                jdk.add(ExtendedOpenOption.DIRECT);
            } else if (o != UringOpenOption.NOATIME && o != StandardOpenOption.DELETE_ON_CLOSE) {
                jdk.add(o);   // DELETE_ON_CLOSE: FileOpen.close deletes, as on io_uring
            }
        }
        if (flags.append()) {
            jdk.add(StandardOpenOption.WRITE);
        }
        FileChannel ch;
        try {
            ch = FileChannel.open(path, jdk);
        } catch (NoSuchFileException e) {
            throw FileErrors.of(Errno.ENOENT.negated(), "open(" + path + ")", path);   // as on io_uring: errno named
        } catch (AccessDeniedException e) {
            throw FileErrors.of(Errno.EACCES.negated(), "open(" + path + ")", path);
        } catch (FileAlreadyExistsException e) {
            throw FileErrors.of(Errno.EEXIST.negated(), "open(" + path + ")", path);
        }
        DirectAlignment a = null;
        if (flags.direct()) {
            int block = (int) Files.getFileStore(path).getBlockSize();
            a = new DirectAlignment(block, block, false);
        }
        return new UringFile(io, path, flags, -1, -1, a, ch);
    }

    /**
     * {@code stat} through {@code Files.readAttributes(path, "unix:*")}: {@code blocks} is the size rounded
     * up to 512-byte blocks (the JDK does not tell the allocation), no direct I/O alignment is reported.
     */
    static FileStat stat(Path path, long size) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, "unix:*");
        long length = size >= 0 ? size : (long) a.get("size");
        FileTime mtime = (FileTime) a.get("lastModifiedTime");
        return new FileStat(length, (int) a.get("mode"), (long) a.get("ino"), (long) a.get("dev"),
                (int) Files.getFileStore(path).getBlockSize(), (length + 511) / 512, mtime.to(TimeUnit.NANOSECONDS),
                false, 0, 0);
    }

    /** {@link #stat(Path, long)} of an open file, its size from the channel. */
    static FileStat stat(UringFile f) throws IOException {
        return stat(f.path(), f.nio.size());
    }

    static void close(UringFile f) throws IOException {
        try {
            f.nio.close();
            if (f.isDeleteOnClose()) {
                Files.deleteIfExists(f.path());
            }
        } finally {
            f.io.forget(f);
        }
    }
}
