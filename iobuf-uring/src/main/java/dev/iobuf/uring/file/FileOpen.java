package dev.iobuf.uring.file;

import dev.iobuf.liburing.Errno;
import dev.iobuf.liburing.Syscalls;
import dev.iobuf.uring.Transport;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * Opening a {@link UringFile}: IORING_OP_OPENAT (a plain, close-on-exec fd, kept for statx and for the
 * JDK delegate of lock and map), then the fd goes into the same slot of every ring's registered file
 * table, and for O_DIRECT the alignment comes from statx.
 */
final class FileOpen {
    private FileOpen() {
    }

    static UringFile open(FileIo io, Path path, Set<? extends OpenOption> options) throws IOException {
        Objects.requireNonNull(path, "path");
        OpenFlags flags = OpenFlags.of(options);
        if (io.transport() == Transport.NIO) {
            return ChannelFiles.open(io, path, options, flags);
        }
        FileRing ring = io.ring();
        FileOp op = ring.acquire(FileOp.OPENAT, null);
        op.keepAlive = Arena.ofAuto().allocateFrom(path.toAbsolutePath().toString());
        op.flags = flags.flags();
        op.extra = 0666;
        ring.submit(op);
        int fd = ring.await(op);
        ring.release(op);
        if (Thread.currentThread().isInterrupted()) {
            if (fd >= 0) {
                Syscalls.close(fd);
            }
            throw new ClosedByInterruptException();
        }
        if (fd == FileOp.CLOSED) {
            throw new ClosedChannelException();
        }
        if (fd < 0) {
            if (flags.direct() && Errno.EINVAL.is(fd)) {
                throw new IOException("open(" + path + ", O_DIRECT): EINVAL: the file system holding it does not "
                        + "support O_DIRECT; open without UringOpenOption.DIRECT");
            }
            throw FileErrors.of(fd, "openat(" + path + ")", path);
        }
        int slot = register(io, fd);
        UringFile f = new UringFile(io, path, flags, fd, slot, null, null);
        try {
            DirectAlignment a = null;
            if (flags.direct()) {
                a = DirectAlignment.of(f.stat());
                if (!a.supported()) {
                    throw new IOException("statx(" + path + ") reports no direct I/O alignment: the file system does "
                            + "not support O_DIRECT here; open without UringOpenOption.DIRECT");
                }
            }
            return a == null ? f : new UringFile(io, path, flags, fd, slot, a, null);
        } catch (IOException | RuntimeException | Error e) {
            f.close();
            throw e;
        }
    }

    /** Puts {@code fd} in a free slot of every ring's file table; -1 if none is free or a ring refuses. */
    private static int register(FileIo io, int fd) throws ClosedChannelException {
        int slot = io.takeFileSlot();
        if (slot < 0) {
            return -1;
        }
        FileRing[] rings = io.rings();
        for (int i = 0; i < rings.length; i++) {
            FileRing r = rings[i];
            try {
                r.runOnRing(() -> r.files().set(slot, fd));
            } catch (RuntimeException e) {
                for (int j = 0; j < i; j++) {
                    FileRing done = rings[j];
                    done.runOnRing(() -> done.files().remove(slot));
                }
                io.giveFileSlot(slot);
                return -1;
            }
        }
        return slot;
    }

    /** statx of {@code path} (following symlinks), through the caller's ring. */
    static FileStat stat(FileIo io, Path path) throws IOException {
        if (io.transport() == Transport.NIO) {
            return ChannelFiles.stat(path, -1);
        }
        FileRing ring = io.ring();
        FileOp op = ring.acquire(FileOp.STATX, null);
        op.keepAlive = Arena.ofAuto().allocateFrom(path.toAbsolutePath().toString());
        op.flags = FileStat.mask();
        ring.submit(op);
        int res = ring.await(op);
        FileStat s = res == 0 ? FileStat.parse(op.scratch) : null;
        ring.release(op);
        if (Thread.currentThread().isInterrupted()) {
            throw new ClosedByInterruptException();
        }
        if (res == FileOp.CLOSED) {
            throw new ClosedChannelException();
        }
        if (res < 0) {
            throw FileErrors.of(res, "statx(" + path + ")", path);
        }
        return s;
    }

    /** statx of the open file {@code f} (a plain fd with AT_EMPTY_PATH, never a registered slot). */
    static FileStat stat(UringFile f, int fd) throws IOException {
        if (f.nio != null) {
            return ChannelFiles.stat(f);
        }
        FileRing r = f.io.ring();
        FileOp op = f.newOp(r, FileOp.STATX);
        op.fd = fd;
        op.flags = FileStat.mask();
        r.submit(op);
        int res = r.await(op);
        FileStat s = res == 0 ? FileStat.parse(op.scratch) : null;
        r.release(op);
        f.check(res, "statx");
        return s;
    }

    /**
     * Empties the file's registered slot on every ring (through each ring's thread, after SQEs naming it
     * reached the kernel), closes the fd, and deletes the file for DELETE_ON_CLOSE.
     *
     * @param viaRings false when the service closed: its rings are gone with their tables
     */
    static void close(UringFile f, int fd, int slot, boolean viaRings) throws IOException {
        if (f.nio != null) {
            ChannelFiles.close(f);
            return;
        }
        FileIo io = f.io;
        try {
            if (slot >= 0 && viaRings && !io.isClosed()) {
                for (FileRing r : io.rings()) {
                    try {
                        r.runOnRing(() -> r.files().remove(slot));
                    } catch (ClosedChannelException e) {
                        break;   // the service closed meanwhile: the ring unregistered its table
                    }
                }
            }
            if (slot >= 0) {
                io.giveFileSlot(slot);
            }
            int rc = Syscalls.close(fd);
            if (f.isDeleteOnClose()) {
                Files.deleteIfExists(f.path());
            }
            if (rc < 0 && !Errno.EINTR.is(rc)) {
                throw FileErrors.of(rc, "close(" + f.path() + ")", f.path());
            }
        } finally {
            io.forget(f);
        }
    }

    /** ftruncate before IORING_OP_FTRUNCATE (Linux 6.9): through the JDK, on the path. */
    static void truncateByPath(Path path, long size) throws IOException {
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(path.toFile(), "rw")) {
            raf.setLength(size);
        }
    }
}
