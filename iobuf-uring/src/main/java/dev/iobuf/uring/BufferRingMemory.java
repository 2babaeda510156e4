package dev.iobuf.uring;

import dev.iobuf.liburing.LibcAbi;
import dev.iobuf.liburing.Syscalls;
import dev.iobuf.liburing.io_uring_buf;
import dev.iobuf.liburing.io_uring_buf_ring;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * The shared memory of one provided-buffer ring: {@code entries} x {@code struct io_uring_buf
 * {u64 addr; u32 len; u16 bid; u16 resv;}} (16 bytes each), page-aligned and {@code mmap}'d so that
 * freeing it can never hand pinned pages to another allocation. The ring's {@code u16 tail} overlays
 * {@code resv} of entry 0 (byte 14), so an entry is written field by field and never its {@code resv}.
 *
 * <p>Memory ordering: entries are written with plain stores, then the tail is published with a
 * release store; the kernel reads the tail with {@code smp_load_acquire} and only then the entries
 * before it, so it never sees a half-written entry. The kernel's head is private to it (with
 * incremental consumption it also rewrites {@code addr}/{@code len} of the entry at its head); we
 * never read either: ownership comes from CQEs.
 */
final class BufferRingMemory {
    private static final VarHandle SHORT = ValueLayout.JAVA_SHORT.varHandle();
    private static final long ENTRY = io_uring_buf.sizeof();
    private static final long ADDR = io_uring_buf.addr$offset();
    private static final long LEN = io_uring_buf.len$offset();
    private static final long BID = io_uring_buf.bid$offset();
    private static final long TAIL = io_uring_buf_ring.tail$offset();

    private final Arena arena;
    private final MemorySegment memory;
    private final int mask;
    /** Next entry we write; wraps as a u16 in the kernel's view. */
    private int tail;
    private int published;

    private BufferRingMemory(Arena arena, MemorySegment memory, int entries) {
        this.arena = arena;
        this.memory = memory;
        this.mask = entries - 1;
    }

    /** Bytes of pinned memory for {@code entries} entries: whole pages. */
    static long bytesFor(int entries) {
        return MemlockBudget.pages(entries * ENTRY);
    }

    /**
     * Maps zeroed memory for {@code entries} (a power of two) entries.
     *
     * @throws UringException if {@code mmap} fails
     */
    @SuppressWarnings("restricted") // reinterpret: the mmap'd range is exactly `bytes` long, owned by the arena
    static BufferRingMemory map(int entries) {
        long bytes = bytesFor(entries);
        long addr = Syscalls.mmap(MemorySegment.NULL, bytes, LibcAbi.PROT_READ() | LibcAbi.PROT_WRITE(),
                LibcAbi.MAP_PRIVATE() | LibcAbi.MAP_ANONYMOUS(), -1, 0);
        if (Syscalls.isError(addr)) {
            throw new UringException("mmap(provided-buffer ring, " + bytes + " bytes)", (int) addr, null);
        }
        Arena arena = Arena.ofShared();
        MemorySegment memory = MemorySegment.ofAddress(addr).reinterpret(bytes, arena,
                s -> Syscalls.munmap(MemorySegment.ofAddress(s.address()), bytes));
        return new BufferRingMemory(arena, memory, entries);
    }

    long address() {
        return memory.address();
    }

    /** Writes buffer {@code bid} at the local tail (not yet visible to the kernel). */
    void add(long bufferAddress, int length, int bid) {
        long entry = (tail & mask) * ENTRY;
        memory.set(ValueLayout.JAVA_LONG, entry + ADDR, bufferAddress);
        memory.set(ValueLayout.JAVA_INT, entry + LEN, length);
        memory.set(ValueLayout.JAVA_SHORT, entry + BID, (short) bid);
        tail++;
    }

    /** Entries written since the last {@link #publish()}. */
    int unpublished() {
        return tail - published;
    }

    /** Makes every written entry visible to the kernel with one release store of the tail. */
    void publish() {
        if (tail != published) {
            SHORT.setRelease(memory, TAIL, (short) tail);
            published = tail;
        }
    }

    /** Unmaps; later access through this object throws {@link IllegalStateException}. */
    void free() {
        if (arena.scope().isAlive()) {
            arena.close();
        }
    }
}
