package dev.iobuf;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Aligned off-heap memory: page size and cache-line size of this machine, page- and
 * cache-line-aligned allocations, and many equal blocks carved from one allocation.
 *
 * <p><b>Who owns the memory.</b> Every allocation here comes from the caller's {@link Arena}: the
 * caller already chose a lifetime (confined for a scratch area, shared for a structure used by
 * several threads, auto for "when unreachable"), and closing that arena frees everything taken from
 * it, blocks included. Owned memory with its own {@code close()} is what {@link BufferPool} does,
 * because a pool is long-lived, expensive and may be {@code mmap}'d. All memory here is zero-filled
 * (that is what {@link Arena#allocate} does).
 *
 * <p><b>Rounding.</b> An allocation aligned to {@code A} is also rounded up to a multiple of
 * {@code A}, so no other allocation shares its last page (safe to {@code mlock}/{@code madvise}, no
 * DMA neighbour) or its last cache line (no false sharing). The returned segment still has exactly
 * the size asked for.
 *
 * <p><b>Page size</b> comes from libc {@code getpagesize()} through FFM (4096 if libc cannot be
 * called, for example when native access is denied); {@code -Diobuf.pageSize=N} overrides it, N a
 * power of two from the OS page size to 1 GiB (for example 2097152 to align everything to huge
 * pages). <b>Cache-line size</b> is 64 B on x86-64 (and by default elsewhere) and 128 B on aarch64
 * (Apple and Neoverse cores fetch line pairs); {@code -Diobuf.cacheLine=N} overrides it, N a power of
 * two from 16 to 4096. Both properties are read once, on first use; a bad value throws
 * {@link IllegalArgumentException} at each use until fixed.
 */
public final class AlignedMemory {
    /** System property overriding {@link #pageSize()}. */
    public static final String PAGE_SIZE_PROPERTY = "iobuf.pageSize";
    /** System property overriding {@link #cacheLineSize()}. */
    public static final String CACHE_LINE_PROPERTY = "iobuf.cacheLine";
    /** Page size assumed when libc cannot be asked. */
    public static final int FALLBACK_PAGE_SIZE = 4096;
    /** Huge page size assumed when the kernel does not say (x86-64 and 4 KiB-page aarch64 PMD size). */
    public static final long FALLBACK_HUGE_PAGE_SIZE = 2L << 20;

    private static final int MAX_PAGE_SIZE = 1 << 30;
    private static final int MIN_CACHE_LINE = 16;
    private static final int MAX_CACHE_LINE = 4096;
    private static final Path HPAGE_PMD_SIZE = Path.of("/sys/kernel/mm/transparent_hugepage/hpage_pmd_size");

    // Resolved lazily, once; 0 = not yet. Racing first callers compute the same value, so a plain
    // volatile single-check is enough; a bad property leaves 0 so the error repeats until fixed.
    private static volatile int pageSize;
    private static volatile int cacheLine;
    private static volatile long hugePageSize;

    private AlignedMemory() {
    }

    // ---------------------------------------------------------------- sizes of this machine

    /**
     * The page size used for page alignment: {@code -Diobuf.pageSize} if set, else the OS page size.
     *
     * @throws IllegalArgumentException if {@code iobuf.pageSize} is not a power of two from the OS
     *     page size to 1 GiB
     */
    public static int pageSize() {
        int p = pageSize;
        if (p == 0) {
            p = resolvePageSize(System.getProperty(PAGE_SIZE_PROPERTY), osPageSize());
            pageSize = p;
        }
        return p;
    }

    /** The page size libc reports, or {@link #FALLBACK_PAGE_SIZE} if it cannot be asked. */
    static int osPageSize() {
        try {
            int p = Libc.getpagesize();
            return p > 0 && Integer.bitCount(p) == 1 ? p : FALLBACK_PAGE_SIZE;
        } catch (LinkageError | RuntimeException e) {
            return FALLBACK_PAGE_SIZE; // libc unreachable: no native linker or native access denied
        }
    }

    /** The page size for a property value ({@code null} = unset) on a machine with {@code osPageSize}. */
    static int resolvePageSize(String property, int osPageSize) {
        if (property == null) {
            return osPageSize;
        }
        int v = parsePowerOfTwo(property, osPageSize, MAX_PAGE_SIZE);
        if (v < 0) {
            throw new IllegalArgumentException("system property " + PAGE_SIZE_PROPERTY + "='" + property
                    + "' is not a power of two from the OS page size " + osPageSize + " to " + MAX_PAGE_SIZE
                    + " (1 GiB); fix it or remove -D" + PAGE_SIZE_PROPERTY + " to use the OS page size");
        }
        return v;
    }

    /**
     * The cache-line size used to separate data written by different threads:
     * {@code -Diobuf.cacheLine} if set, else 128 on aarch64 and 64 elsewhere.
     *
     * @throws IllegalArgumentException if {@code iobuf.cacheLine} is not a power of two from 16 to 4096
     */
    public static int cacheLineSize() {
        int c = cacheLine;
        if (c == 0) {
            c = resolveCacheLine(System.getProperty(CACHE_LINE_PROPERTY), System.getProperty("os.arch", ""));
            cacheLine = c;
        }
        return c;
    }

    /** The cache-line size for a property value ({@code null} = unset) on CPU architecture {@code arch}. */
    static int resolveCacheLine(String property, String arch) {
        if (property == null) {
            return switch (arch.toLowerCase(Locale.ROOT)) {
                case "aarch64", "arm64" -> 128;
                default -> 64; // amd64 / x86_64, riscv64, loongarch64, ppc64le, s390x (256 there, but rare)
            };
        }
        int v = parsePowerOfTwo(property, MIN_CACHE_LINE, MAX_CACHE_LINE);
        if (v < 0) {
            throw new IllegalArgumentException("system property " + CACHE_LINE_PROPERTY + "='" + property
                    + "' is not a power of two from " + MIN_CACHE_LINE + " to " + MAX_CACHE_LINE
                    + "; fix it or remove -D" + CACHE_LINE_PROPERTY + " to use the CPU's default");
        }
        return v;
    }

    /** {@code text} as a power of two in {@code min .. max}, or {@code -1}. */
    private static int parsePowerOfTwo(String text, int min, int max) {
        try {
            int v = Integer.parseInt(text.strip());
            return v >= min && v <= max && Integer.bitCount(v) == 1 ? v : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The transparent huge page (PMD) size the kernel reports in
     * {@code /sys/kernel/mm/transparent_hugepage/hpage_pmd_size}, or 2 MiB if it does not.
     */
    public static long hugePageSize() {
        long h = hugePageSize;
        if (h == 0) {
            h = readHugePageSize();
            hugePageSize = h;
        }
        return h;
    }

    private static long readHugePageSize() {
        try {
            long v = Long.parseLong(Files.readString(HPAGE_PMD_SIZE).strip());
            return v > 0 && Long.bitCount(v) == 1 ? v : FALLBACK_HUGE_PAGE_SIZE;
        } catch (IOException | NumberFormatException | SecurityException e) {
            return FALLBACK_HUGE_PAGE_SIZE; // no THP in this kernel, or not Linux
        }
    }

    // ---------------------------------------------------------------- arithmetic

    /**
     * {@code value} rounded up to a multiple of {@code alignment}.
     *
     * @throws IllegalArgumentException if {@code value} is negative, {@code alignment} is not a
     *     power of two, or the result does not fit in a long
     */
    public static long alignUp(long value, long alignment) {
        requireAlignment(alignment);
        if (value < 0) {
            throw new IllegalArgumentException("value to align must be >= 0, got " + value);
        }
        long mask = alignment - 1;
        if (value > Long.MAX_VALUE - mask) {
            throw new IllegalArgumentException(value + " rounded up to a multiple of " + alignment
                    + " does not fit in a long");
        }
        return (value + mask) & ~mask;
    }

    /**
     * Whether {@code address} is a multiple of {@code alignment}.
     *
     * @throws IllegalArgumentException if {@code alignment} is not a power of two
     */
    public static boolean isAligned(long address, long alignment) {
        requireAlignment(alignment);
        return (address & (alignment - 1)) == 0;
    }

    /**
     * Whether the start of {@code segment} is a multiple of {@code alignment}.
     *
     * @throws IllegalArgumentException if {@code alignment} is not a power of two or the segment
     *     is on the heap (its address moves with the GC)
     */
    public static boolean isAligned(MemorySegment segment, long alignment) {
        requireNative(segment);
        return isAligned(segment.address(), alignment);
    }

    // ---------------------------------------------------------------- single allocations

    /**
     * {@code byteSize} zeroed bytes from {@code arena}, starting at a multiple of {@code alignment};
     * the allocation is rounded up to a multiple of {@code alignment} (see the class comment).
     *
     * @throws IllegalArgumentException if {@code byteSize} is negative or too large, or
     *     {@code alignment} is not a power of two
     * @throws IllegalStateException if {@code arena} is closed
     */
    public static MemorySegment allocate(Arena arena, long byteSize, long alignment) {
        Objects.requireNonNull(arena, "arena");
        requireSize("byteSize", byteSize, 0);
        long reserved = alignUp(byteSize, alignment);
        return arena.allocate(reserved, alignment).asSlice(0, byteSize);
    }

    /** {@code byteSize} zeroed bytes starting on a page of their own: {@code allocate(arena, byteSize, pageSize())}. */
    public static MemorySegment allocatePages(Arena arena, long byteSize) {
        return allocate(arena, byteSize, pageSize());
    }

    /** {@code byteSize} zeroed bytes on cache lines of their own: {@code allocate(arena, byteSize, cacheLineSize())}. */
    public static MemorySegment allocateCacheAligned(Arena arena, long byteSize) {
        return allocate(arena, byteSize, cacheLineSize());
    }

    // ---------------------------------------------------------------- blocks in one allocation

    /**
     * {@code count} zeroed blocks of {@code blockSize} bytes carved from ONE allocation of
     * {@code arena}: block {@code i} starts at {@code base + i * stride}, with
     * {@code stride = alignUp(blockSize, alignment)}, so every block starts at a multiple of
     * {@code alignment} and no two blocks share an alignment unit (page, cache line). The blocks
     * live and die together with the arena.
     *
     * @throws IllegalArgumentException if {@code count} or {@code blockSize} is below 1,
     *     {@code alignment} is not a power of two, or {@code count * stride} does not fit in a long
     * @throws IllegalStateException if {@code arena} is closed
     */
    public static MemorySegment[] allocateBlocks(Arena arena, int count, long blockSize, long alignment) {
        Objects.requireNonNull(arena, "arena");
        requireSize("count", count, 1);
        requireSize("blockSize", blockSize, 1);
        long stride = alignUp(blockSize, alignment);
        long total;
        try {
            total = Math.multiplyExact(stride, (long) count);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(count + " blocks of " + stride + " bytes do not fit in a long", e);
        }
        return slices(arena.allocate(total, alignment), 0, blockSize, stride, count);
    }

    /** {@code count} page-aligned blocks of {@code blockSize} bytes, each on pages of its own, in one allocation. */
    public static MemorySegment[] allocatePageBlocks(Arena arena, int count, long blockSize) {
        return allocateBlocks(arena, count, blockSize, pageSize());
    }

    /**
     * {@code count} blocks of {@code blockSize} bytes in one allocation, each starting on a cache
     * line and none sharing a cache line with another (no false sharing between blocks).
     */
    public static MemorySegment[] allocateCacheLineBlocks(Arena arena, int count, long blockSize) {
        return allocateBlocks(arena, count, blockSize, cacheLineSize());
    }

    // ---------------------------------------------------------------- views

    /**
     * Views {@code count} consecutive buffers of {@code tier}, starting at {@code offset} in
     * {@code memory}, as slices sharing its memory (the Go original's {@code SliceOfArray}).
     *
     * @throws IndexOutOfBoundsException if the buffers do not fit in {@code memory}
     * @throws IllegalArgumentException if {@code count} is below 1 or {@code offset} is negative
     */
    public static MemorySegment[] slices(MemorySegment memory, long offset, BufferTier tier, int count) {
        Objects.requireNonNull(tier, "tier");
        return slices(memory, offset, tier.size(), tier.size(), count);
    }

    /**
     * Views {@code count} blocks of {@code blockSize} bytes inside {@code memory}, block {@code i}
     * starting at {@code offset + i * stride}. Writes through a block are writes to {@code memory}.
     *
     * @throws IllegalArgumentException if {@code count} or {@code blockSize} is below 1,
     *     {@code stride < blockSize} (blocks would overlap), or {@code offset} is negative
     * @throws IndexOutOfBoundsException if the last block ends past the end of {@code memory}
     */
    public static MemorySegment[] slices(MemorySegment memory, long offset, long blockSize, long stride, int count) {
        Objects.requireNonNull(memory, "memory");
        requireSize("count", count, 1);
        requireSize("blockSize", blockSize, 1);
        requireSize("offset", offset, 0);
        if (stride < blockSize) {
            throw new IllegalArgumentException("stride " + stride + " is smaller than blockSize " + blockSize
                    + ": blocks would overlap");
        }
        long span = (count - 1L) > (Long.MAX_VALUE - blockSize - offset) / stride
                ? Long.MAX_VALUE
                : offset + (count - 1L) * stride + blockSize;
        if (span > memory.byteSize()) {
            throw new IndexOutOfBoundsException(count + " blocks of " + blockSize + " bytes every " + stride
                    + " bytes from offset " + offset + " need " + (span == Long.MAX_VALUE ? "more than 2^63" : span)
                    + " bytes, but the segment has " + memory.byteSize());
        }
        MemorySegment[] blocks = new MemorySegment[count];
        for (int i = 0; i < count; i++) {
            blocks[i] = memory.asSlice(offset + i * stride, blockSize);
        }
        return blocks;
    }

    // ---------------------------------------------------------------- checks shared with the package

    static void requireAlignment(long alignment) {
        if (alignment < 1 || Long.bitCount(alignment) != 1) {
            throw new IllegalArgumentException("alignment must be a power of two (1, 2, 4, ... , 4096, ...), got "
                    + alignment);
        }
    }

    static void requireSize(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
    }

    static void requireNative(MemorySegment segment) {
        Objects.requireNonNull(segment, "segment");
        if (!segment.isNative()) {
            throw new IllegalArgumentException("segment " + segment + " is on the Java heap: its address moves "
                    + "with the GC; use native memory (Arena.allocate, a BufferPool buffer)");
        }
    }
}
