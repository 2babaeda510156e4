package dev.iobuf.uring;

import static dev.iobuf.liburing.LibUring.IORING_RSRC_REGISTER_SPARSE;

import dev.iobuf.liburing.Errno;
import dev.iobuf.liburing.io_uring_rsrc_register;
import dev.iobuf.liburing.io_uring_rsrc_update2;
import dev.iobuf.liburing.iovec;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The io_uring_register calls of tagged resource tables: a whole table (BUFFERS2 / FILES2 with
 * {@code struct io_uring_rsrc_register}, dense or IORING_RSRC_REGISTER_SPARSE) and a run of slots
 * (BUFFERS_UPDATE / FILES_UPDATE2 with {@code struct io_uring_rsrc_update2}). The kernel copies the
 * argument arrays during the call, so they live in a confined arena for the call only. Not on the
 * I/O path: registration changes allocate a little.
 */
final class ResourceTagUpdates {
    private ResourceTagUpdates() {
    }

    /**
     * Registers a table of {@code nr} slots. {@code data} is the address of {@code nr} iovecs or fds
     * (0 with {@code sparse}), {@code tags} the address of {@code nr} u64 tags (0 for none).
     *
     * @return the kernel's result (0) or -errno
     */
    static int registerTable(Ring ring, int opcode, int nr, long data, long tags, boolean sparse) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment reg = io_uring_rsrc_register.allocate(arena);
            io_uring_rsrc_register.nr(reg, nr);
            io_uring_rsrc_register.flags(reg, sparse ? IORING_RSRC_REGISTER_SPARSE() : 0);
            io_uring_rsrc_register.data(reg, data);
            io_uring_rsrc_register.tags(reg, tags);
            return ring.register(opcode, reg, (int) io_uring_rsrc_register.sizeof());
        }
    }

    /**
     * Updates {@code nr} slots from {@code offset}. The kernel applies them in order and returns how
     * many it applied; an error after the first slot is lost, so the caller retries the rest to learn it.
     *
     * @return slots updated, or -errno if none was
     */
    static int update(Ring ring, int opcode, int offset, int nr, long data, long tags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment up = io_uring_rsrc_update2.allocate(arena);
            io_uring_rsrc_update2.offset(up, offset);
            io_uring_rsrc_update2.data(up, data);
            io_uring_rsrc_update2.tags(up, tags);
            io_uring_rsrc_update2.nr(up, nr);
            return ring.register(opcode, up, (int) io_uring_rsrc_update2.sizeof());
        }
    }

    /** A native u64 array of {@code values[from .. from+n)}. */
    static MemorySegment longs(Arena arena, long[] values, int from, int n) {
        MemorySegment s = arena.allocate(ValueLayout.JAVA_LONG, Math.max(1, n));
        MemorySegment.copy(values, from, s, ValueLayout.JAVA_LONG, 0, n);
        return s;
    }

    /** A native iovec array over {@code segments} (null = empty slot: base 0, length 0). */
    static MemorySegment iovecs(Arena arena, MemorySegment[] segments, int n) {
        long size = iovec.sizeof();
        MemorySegment iov = arena.allocate(iovec.layout(), Math.max(1, n));
        for (int i = 0; i < n; i++) {
            MemorySegment s = segments[i];
            iov.set(ValueLayout.JAVA_LONG, size * i + iovec.iov_base$offset(), s == null ? 0 : s.address());
            iov.set(ValueLayout.JAVA_LONG, size * i + iovec.iov_len$offset(), s == null ? 0 : s.byteSize());
        }
        return iov;
    }

    /** A native s32 array of {@code values[from .. from+n)}. */
    static MemorySegment ints(Arena arena, int[] values, int from, int n) {
        MemorySegment s = arena.allocate(ValueLayout.JAVA_INT, Math.max(1, n));
        MemorySegment.copy(values, from, s, ValueLayout.JAVA_INT, 0, n);
        return s;
    }

    /** The exception for a failed table call; EPERM/ENOSYS keep their own types. */
    static UringException failure(String operation, int result, String busyRemedy) {
        if (Errno.EBUSY.is(result)) {
            return new UringException(operation, result, busyRemedy);
        }
        if (Errno.EPERM.is(result) || Errno.ENOSYS.is(result)) {
            return UringException.forSetup(operation, result);
        }
        if (Errno.EINVAL.is(result)) {
            return new UringException(operation, result, "the kernel rejected the table or a slot: tagged and "
                    + "sparse tables need Linux 5.13 (5.19 for the sparse flag), buffers must be at most 1 GiB and "
                    + "native, slots must lie inside the table");
        }
        return new UringException(operation, result, null);
    }
}
