package dev.iobuf.uring;

import static dev.iobuf.liburing.LibUring.IORING_FEAT_SINGLE_MMAP;
import static dev.iobuf.liburing.LibUring.IORING_OFF_CQ_RING;
import static dev.iobuf.liburing.LibUring.IORING_OFF_SQES;
import static dev.iobuf.liburing.LibUring.IORING_OFF_SQ_RING;
import static dev.iobuf.liburing.LibUring.IORING_SETUP_CQE32;
import static dev.iobuf.liburing.LibUring.IORING_SETUP_SQE128;
import static dev.iobuf.liburing.NewerKernelConstants.IORING_SETUP_NO_SQARRAY;

import dev.iobuf.liburing.LibcAbi;
import dev.iobuf.liburing.Syscalls;
import dev.iobuf.liburing.io_cqring_offsets;
import dev.iobuf.liburing.LibUring;
import dev.iobuf.liburing.io_sqring_offsets;
import dev.iobuf.liburing.io_uring_cqe;
import dev.iobuf.liburing.io_uring_params;
import dev.iobuf.liburing.io_uring_sqe;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The three shared regions of a ring (SQ ring, CQ ring, SQE array), mmap'd from the ring fd and
 * bound to one shared {@link Arena}: closing the arena makes every checked view inaccessible (an
 * {@link IllegalStateException} on use, never a stray access) and then unmaps. The owner thread reaches
 * them unchecked through {@link RingView}, which is why only the owner (or anyone once the owner ended)
 * may close that arena: {@link RingTeardown#release}.
 */
final class RingMemory {
    /** Bytes of a {@code __u32}: the SQ ring's flags word and each entry of its index array. */
    static final long U32 = LibUring.C_INT.byteSize();

    final RingView sqRing;
    final RingView cqRing;
    final RingView sqes;
    final long sqRingBytes;
    final long cqRingBytes;
    final long sqesBytes;

    private RingMemory(RingView sqRing, RingView cqRing, RingView sqes,
                       long sqRingBytes, long cqRingBytes, long sqesBytes) {
        this.sqRing = sqRing;
        this.cqRing = cqRing;
        this.sqes = sqes;
        this.sqRingBytes = sqRingBytes;
        this.cqRingBytes = cqRingBytes;
        this.sqesBytes = sqesBytes;
    }

    /** Bytes of one SQE: {@code struct io_uring_sqe}, twice that with SQE128. */
    static int sqeSize(int setupFlags) {
        return (int) io_uring_sqe.sizeof() * ((setupFlags & IORING_SETUP_SQE128()) != 0 ? 2 : 1);
    }

    /** Bytes of one CQE: {@code struct io_uring_cqe}, twice that with CQE32. */
    static int cqeSize(int setupFlags) {
        return (int) io_uring_cqe.sizeof() * ((setupFlags & IORING_SETUP_CQE32()) != 0 ? 2 : 1);
    }

    /**
     * Maps the regions described by {@code params} (filled by io_uring_setup) into {@code arena}, viewed
     * unchecked by {@code owner} (see {@link RingView}).
     */
    static RingMemory map(int fd, MemorySegment params, Arena arena, Thread owner) {
        int flags = io_uring_params.flags(params);
        int features = io_uring_params.features(params);
        MemorySegment sqOff = io_uring_params.sq_off(params);
        MemorySegment cqOff = io_uring_params.cq_off(params);
        int sqEntries = io_uring_params.sq_entries(params);
        int cqEntries = io_uring_params.cq_entries(params);

        long sqBytes = (flags & IORING_SETUP_NO_SQARRAY()) != 0
                ? io_sqring_offsets.flags(sqOff) + U32
                : io_sqring_offsets.array(sqOff) + U32 * sqEntries;
        long cqBytes = io_cqring_offsets.cqes(cqOff) + (long) cqEntries * cqeSize(flags);
        boolean single = (features & IORING_FEAT_SINGLE_MMAP()) != 0;
        if (single) {
            sqBytes = cqBytes = Math.max(sqBytes, cqBytes);
        }
        MemorySegment sq = map(fd, sqBytes, IORING_OFF_SQ_RING(), arena, "SQ ring");
        MemorySegment cq = single ? sq : map(fd, cqBytes, IORING_OFF_CQ_RING(), arena, "CQ ring");
        long sqesBytes = (long) sqEntries * sqeSize(flags);
        MemorySegment sqes = map(fd, sqesBytes, IORING_OFF_SQES(), arena, "SQE array");
        RingView sqView = new RingView(sq, owner);
        return new RingMemory(sqView, single ? sqView : new RingView(cq, owner), new RingView(sqes, owner),
                sqBytes, cqBytes, sqesBytes);
    }

    private static MemorySegment map(int fd, long bytes, long offset, Arena arena, String what) {
        long addr = Syscalls.mmap(MemorySegment.NULL, bytes, LibcAbi.PROT_READ() | LibcAbi.PROT_WRITE(),
                LibcAbi.MAP_SHARED() | LibcAbi.MAP_POPULATE(), fd, offset);
        if (Syscalls.isError(addr)) {
            throw new UringException("mmap(" + what + ", " + bytes + " bytes, ring fd " + fd + ")", (int) addr,
                    "the ring's memory could not be mapped");
        }
        return MemorySegment.ofAddress(addr).reinterpret(bytes, arena,
                seg -> Syscalls.munmap(MemorySegment.ofAddress(seg.address()), bytes));
    }
}
