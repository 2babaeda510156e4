package dev.iobuf;

/**
 * How a {@link BufferPool} gets its slab, beyond the defaults.
 *
 * <p>Both options need memory the pool maps itself, so either one makes the pool {@code mmap} its
 * slab whatever its size (see {@link BufferPool}). Both are requests the kernel must grant: if it
 * refuses, pool creation fails with a {@link NativeMemoryException} naming the fix, rather than
 * running silently without what was asked.
 *
 * @param hugePages {@code madvise(MADV_HUGEPAGE)} the slab and align it to the huge page size, so
 *     that transparent huge pages back it (fewer TLB misses, fewer pages to pin for io_uring).
 *     Takes effect only when {@code /sys/kernel/mm/transparent_hugepage/enabled} is
 *     {@code always} or {@code madvise}.
 * @param locked {@code mlock} the slab: all of it is faulted in now and never swapped out. Needs
 *     {@code RLIMIT_MEMLOCK} ({@code ulimit -l}) at least the slab size, or {@code CAP_IPC_LOCK}.
 */
public record SlabOptions(boolean hugePages, boolean locked) {
    /** Neither huge pages nor locking. */
    public static final SlabOptions DEFAULT = new SlabOptions(false, false);

    /** These options with {@link #hugePages()} set to {@code on}. */
    public SlabOptions withHugePages(boolean on) {
        return new SlabOptions(on, locked);
    }

    /** These options with {@link #locked()} set to {@code on}. */
    public SlabOptions withLocked(boolean on) {
        return new SlabOptions(hugePages, on);
    }

    /** Whether the slab must be {@code mmap}'d by iobuf to honour these options. */
    boolean needsMapping() {
        return hugePages || locked;
    }
}
