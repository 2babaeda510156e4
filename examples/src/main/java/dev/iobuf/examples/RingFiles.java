package dev.iobuf.examples;

import static dev.iobuf.examples.LinuxFiles.*;

import dev.iobuf.uring.CompletionHandler;
import dev.iobuf.uring.RegisteredFiles;
import dev.iobuf.uring.Ring;
import dev.iobuf.uring.UringException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;

/**
 * File system calls made through a ring, one at a time, waiting for each: statx, openat straight
 * into a registered file slot (no regular fd ever exists, so nothing to leak), fallocate, fsync and
 * close of a slot. This keeps the examples free of native calls of their own: everything goes
 * through iobuf-uring's public API.
 *
 * <p>Use it only while the ring has nothing else in flight: it hands every completion it reaps to
 * the call waiting for one (resource-tag completions, which no SQE asked for, are skipped).
 */
final class RingFiles implements CompletionHandler {
    /** user_data of the one call in flight; outside the resource-tag range (top 16 bits 0xFFFE). */
    private static final long CALL = 0x4341_4C4CL;

    private final Ring ring;
    private final RegisteredFiles files;
    private int result;
    private boolean completed;

    /** @param files the ring's registered file table, whose slots {@link #openDirect} fills */
    RingFiles(Ring ring, RegisteredFiles files) {
        this.ring = ring;
        this.files = files;
    }

    /** statx of {@code path} (following symlinks), with the direct I/O alignment when the kernel reports it. */
    FileStat statx(Path path) {
        {
            Arena arena = Arena.ofAuto();   // the ring keeps what it hands the kernel reachable until the completion
            MemorySegment buf = arena.allocate(STATX_BYTES, 8);
            int mask = STATX_TYPE | STATX_MODE | STATX_INO | STATX_SIZE | STATX_DIOALIGN;
            ring.nextSqe().statx(AT_FDCWD, cString(arena, path), 0, mask, buf).userData(CALL);
            int rc = await();
            if (rc < 0) {
                throw new UringException("statx(" + path + ")", rc, null);
            }
            int got = buf.get(ValueLayout.JAVA_INT, STX_MASK);
            boolean dio = (got & STATX_DIOALIGN) != 0;
            long device = (Integer.toUnsignedLong(buf.get(ValueLayout.JAVA_INT, STX_DEV_MAJOR)) << 32)
                    | Integer.toUnsignedLong(buf.get(ValueLayout.JAVA_INT, STX_DEV_MINOR));
            return new FileStat(buf.get(ValueLayout.JAVA_LONG, STX_SIZE),
                    Short.toUnsignedInt(buf.get(ValueLayout.JAVA_SHORT, STX_MODE)), device,
                    buf.get(ValueLayout.JAVA_LONG, STX_INO), dio,
                    dio ? buf.get(ValueLayout.JAVA_INT, STX_DIO_MEM_ALIGN) : 0,
                    dio ? buf.get(ValueLayout.JAVA_INT, STX_DIO_OFFSET_ALIGN) : 0);
        }
    }

    /** Like {@link #statx} but null when {@code path} does not exist (ENOENT). */
    FileStat statxIfExists(Path path) {
        try {
            return statx(path);
        } catch (UringException e) {
            if ("ENOENT".equals(e.errnoName())) {
                return null;
            }
            throw e;
        }
    }

    /**
     * openat(AT_FDCWD, path, flags, mode) into registered file slot {@code slot} (IORING_OP_OPENAT with
     * a file index, Linux 5.15).
     *
     * @param flagNames the flags spelled out, for the error message
     */
    void openDirect(Path path, int flags, int mode, int slot, String flagNames) {
        files.checkedSlot(slot);
        {
            Arena arena = Arena.ofAuto();   // the ring keeps what it hands the kernel reachable until the completion
            // No O_CLOEXEC: there is no fd to inherit, and the kernel refuses it with a file index (EINVAL).
            ring.nextSqe().openatDirect(AT_FDCWD, cString(arena, path), flags, mode, slot).userData(CALL);
            int rc = await();
            if (rc < 0) {
                String remedy = (flags & LinuxFiles.oDirect()) != 0 && "EINVAL".equals(UringException.errnoName(rc))
                        ? "most likely the file system holding " + path + " does not support O_DIRECT: drop --direct "
                                + "or use another file system (tmpfs before Linux 6.6 does not have it)"
                        : null;
                throw new UringException("openat(" + path + ", " + flagNames + ") into registered file " + slot, rc,
                        remedy);
            }
        }
    }

    /**
     * fallocate(slot, 0, 0, length): reserves the blocks, so that writes do not extend the file one by
     * one (O_DIRECT writes past EOF serialize on ext4 and XFS).
     *
     * @return 0, or -errno (EOPNOTSUPP where the file system cannot; the caller decides)
     */
    int fallocate(int slot, long length) {
        ring.nextSqe().fallocate(files.checkedSlot(slot), 0, 0, length).fixedFile().userData(CALL);
        return await();
    }

    /** fsync of the file in {@code slot}. */
    void fsync(int slot, Path path) {
        ring.nextSqe().fsync(files.checkedSlot(slot)).fixedFile().userData(CALL);
        int rc = await();
        if (rc < 0) {
            throw new UringException("fsync(" + path + ")", rc, null);
        }
    }

    /** Closes the file in {@code slot} (IORING_OP_CLOSE of a direct descriptor); reports what close reports. */
    void closeDirect(int slot, Path path) {
        ring.nextSqe().closeDirect(files.checkedSlot(slot)).userData(CALL);
        int rc = await();
        if (rc < 0) {
            throw new UringException("close(" + path + ", registered file " + slot + ")", rc, null);
        }
    }

    /** Submits the prepared call and waits for its completion; returns its result. */
    private int await() {
        completed = false;
        while (!completed) {
            ring.submitAndWait(1);
            ring.reap(this);
        }
        return result;
    }

    @Override
    public void complete(long userData, int res, int flags) {
        if (userData == CALL) {
            result = res;
            completed = true;
        }
    }

    /** A NUL-terminated copy of the absolute path (the kernel resolves relative ones against the process cwd). */
    private static MemorySegment cString(Arena arena, Path path) {
        return arena.allocateFrom(path.toAbsolutePath().toString());
    }
}
