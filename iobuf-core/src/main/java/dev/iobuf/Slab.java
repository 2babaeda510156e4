package dev.iobuf;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * The one page-aligned allocation behind a {@link BufferPool}, owned by the pool and freed by
 * {@link #close()}.
 *
 * <p>Two sources:
 * <ul>
 *   <li>{@link #allocated}: {@code Arena.ofShared().allocate(...)}, zero-filled by the JDK (one pass
 *       over all of it, so every page is touched at once);</li>
 *   <li>{@link #mapped}: {@code mmap(MAP_PRIVATE | MAP_ANONYMOUS)}: the kernel hands out zero pages
 *       lazily, on first touch, so a large slab costs nothing until used; optionally
 *       {@code madvise(MADV_HUGEPAGE)} (then aligned to the huge page size) and {@code mlock}.</li>
 * </ul>
 * Either way the segment belongs to a shared {@link Arena} owned by the slab. A mapped segment is
 * attached to that arena with {@link MemorySegment#reinterpret(long, Arena, java.util.function.Consumer)}
 * and a cleanup that calls {@code munmap}: closing the arena first invalidates every view of the
 * slab (the JDK's shared-arena handshake makes any later or concurrent access throw
 * {@link IllegalStateException}), then unmaps. No access after close can reach unmapped memory.
 */
final class Slab implements AutoCloseable {
    private final Arena arena;
    private final MemorySegment segment;
    private final boolean mapped;
    private final SlabOptions options;

    private Slab(Arena arena, MemorySegment segment, boolean mapped, SlabOptions options) {
        this.arena = arena;
        this.segment = segment;
        this.mapped = mapped;
        this.options = options;
    }

    /**
     * A zero-filled slab of {@code bytes} from a new shared arena, aligned to
     * {@link AlignedMemory#pageSize()} and rounded up to whole pages.
     *
     * @throws IllegalArgumentException if {@code bytes} is below 1
     * @throws OutOfMemoryError if the JDK cannot allocate it
     */
    static Slab allocated(long bytes) {
        AlignedMemory.requireSize("slab size", bytes, 1);
        Arena arena = Arena.ofShared();
        try {
            return new Slab(arena, AlignedMemory.allocatePages(arena, bytes), false, SlabOptions.DEFAULT);
        } catch (RuntimeException | Error e) {
            arena.close();
            throw e;
        }
    }

    /**
     * A slab of {@code bytes} mapped with {@code mmap(MAP_PRIVATE | MAP_ANONYMOUS)}: zero, aligned
     * to {@link AlignedMemory#pageSize()} (to {@link AlignedMemory#hugePageSize()} with huge pages),
     * with the options applied.
     *
     * @throws IllegalArgumentException if {@code bytes} is below 1
     * @throws NativeMemoryException if {@code mmap}, {@code madvise} or {@code mlock} fails (nothing
     *     stays mapped)
     * @throws UnsupportedOperationException if this is not Linux or libc cannot be called
     */
    @SuppressWarnings("restricted") // reinterpret: the mmap'd range is exactly length bytes, owned by arena
    static Slab mapped(long bytes, SlabOptions options) {
        AlignedMemory.requireSize("slab size", bytes, 1);
        Objects.requireNonNull(options, "options");
        long osPage = AlignedMemory.osPageSize();
        long align = Math.max(AlignedMemory.pageSize(), options.hugePages() ? AlignedMemory.hugePageSize() : 1);
        long length = AlignedMemory.alignUp(bytes, Math.max(align, osPage));
        long start = mapAligned(length, align, osPage);
        Arena arena = Arena.ofShared();
        MemorySegment segment;
        try {
            // From here the arena owns the mapping: closing it runs munmap exactly once.
            segment = MemorySegment.ofAddress(start).reinterpret(length, arena, s -> unmap(start, length));
        } catch (RuntimeException | Error e) {
            arena.close();
            unmap(start, length);
            throw e;
        }
        try {
            if (options.hugePages()) {
                int err = Libc.madvise(start, length, Libc.MADV_HUGEPAGE);
                if (err != 0) {
                    throw madviseFailure(err);
                }
            }
            if (options.locked()) {
                int err = Libc.mlock(start, length);
                if (err != 0) {
                    throw mlockFailure(err, length, MemlockLimit.soft());
                }
            }
        } catch (RuntimeException | Error e) {
            arena.close();
            throw e;
        }
        return new Slab(arena, segment.asSlice(0, bytes), true, options);
    }

    /** Maps {@code length} bytes starting at a multiple of {@code align}; over-maps and trims when needed. */
    private static long mapAligned(long length, long align, long osPage) {
        long extra = align > osPage ? align : 0;
        long[] out = new long[1];
        int err = Libc.mmapAnonymous(length + extra, out);
        if (err != 0) {
            throw new NativeMemoryException("mmap", err, "mmap of " + (length + extra) + " bytes failed: "
                    + Libc.errnoName(err) + " (errno " + err + "): the kernel refused the mapping (not enough memory "
                    + "or address space, vm.overcommit_memory, or ulimit -v); ask for fewer or smaller buffers");
        }
        long base = out[0];
        long start = AlignedMemory.alignUp(base, align);
        if (extra > 0) {
            long head = start - base;
            long tail = extra - head;
            unmap(base, head);
            unmap(start + length, tail);
        }
        return start;
    }

    private static void unmap(long address, long length) {
        if (length > 0) {
            // munmap fails only for a range that was never page-aligned or mapped, which these
            // callers cannot pass; there is nobody to report to from an arena cleanup anyway.
            Libc.munmap(address, length);
        }
    }

    static NativeMemoryException madviseFailure(int errno) {
        String why = errno == Libc.EINVAL
                ? "this kernel has no transparent huge pages (CONFIG_TRANSPARENT_HUGEPAGE)"
                : "the kernel refused the advice";
        return new NativeMemoryException("madvise", errno, "madvise(MADV_HUGEPAGE) failed: " + Libc.errnoName(errno)
                + " (errno " + errno + "): " + why + "; create the pool without SlabOptions.hugePages");
    }

    /** The message for a failed {@code mlock}; {@code limit} is a {@link MemlockLimit#soft()} value. */
    static NativeMemoryException mlockFailure(int errno, long bytes, long limit) {
        String limitText = MemlockLimit.describe(limit);
        String why = errno == Libc.EAGAIN
                ? "some of the range could not be locked right now"
                : "the locked-memory limit RLIMIT_MEMLOCK is " + limitText + " and the process lacks CAP_IPC_LOCK";
        return new NativeMemoryException("mlock", errno, "mlock of " + bytes + " bytes failed: " + Libc.errnoName(errno)
                + " (errno " + errno + "): " + why + ". Raise RLIMIT_MEMLOCK to at least " + bytes + " bytes ("
                + "ulimit -l " + ((bytes + 1023) >> 10) + " or unlimited; LimitMEMLOCK= for systemd, "
                + "--ulimit memlock=-1 for docker, memlock in /etc/security/limits.conf), grant CAP_IPC_LOCK, "
                + "or create the pool without SlabOptions.locked");
    }

    /** The whole slab: {@code byteSize()} bytes, page-aligned. */
    MemorySegment segment() {
        return segment;
    }

    /** Whether the slab was {@code mmap}'d (else it came from {@link Arena#allocate}). */
    boolean isMapped() {
        return mapped;
    }

    /** The options applied (always {@link SlabOptions#DEFAULT} for an allocated slab). */
    SlabOptions options() {
        return options;
    }

    /** Whether the memory is still there. */
    boolean isAlive() {
        return arena.scope().isAlive();
    }

    /**
     * Frees the slab; idempotent and safe from any thread. Every segment sliced from it becomes
     * inaccessible ({@link IllegalStateException} on access).
     *
     * @throws IllegalStateException if a native call is using the slab right now (the slab stays
     *     alive; close again once that call returns)
     */
    @Override
    public void close() {
        try {
            arena.close();
        } catch (IllegalStateException e) {
            if (arena.scope().isAlive()) {
                throw e; // kept alive by an in-flight downcall
            }
            // closed already (maybe concurrently): closing is idempotent
        }
    }
}
