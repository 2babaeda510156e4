package dev.iobuf;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * A native array of {@code struct iovec { void *iov_base; size_t iov_len; }} (16 bytes an entry on
 * 64-bit Linux) for {@code readv}/{@code writev}, io_uring vectored ops and buffer registration:
 * pass {@link #address()} and {@link #count()}. The same entries are available as a
 * {@code ByteBuffer[]} for NIO's {@link java.nio.channels.GatheringByteChannel} and
 * {@link java.nio.channels.ScatteringByteChannel} ({@link #byteBuffers()}).
 *
 * <p>The array lives in the caller's {@link Arena} (for a registration call a confined arena in a
 * try-with-resources is enough: the kernel copies the iovecs). An IoVec holds {@link #capacity()}
 * entries, of which the first {@link #count()} are in use; {@link #add} appends, {@link #set}
 * replaces, {@link #setLength} shortens an entry (a partial write), {@link #clear()} empties.
 *
 * <p>Entries are made from native {@link MemorySegment}s only (heap memory moves with the GC), and
 * the IoVec keeps a reference to each: {@link #address()} checks that every referenced buffer is
 * still alive, so a closed {@link BufferPool} gives an {@link IllegalStateException} instead of a
 * dangling pointer handed to the kernel. The kernel's own limit for {@code readv}/{@code writev}
 * is {@code IOV_MAX} = 1024 entries; io_uring buffer registration takes up to 16384.
 *
 * <p>Not thread-safe: one thread builds and uses an IoVec. Setting entries allocates nothing;
 * the factories and {@link #byteBuffers()} do.
 */
public final class IoVec {
    /** The C layout: {@code iov_base} (pointer) then {@code iov_len} ({@code size_t}). */
    public static final StructLayout LAYOUT = MemoryLayout.structLayout(
            ADDRESS.withName("iov_base"),
            Linker.nativeLinker().canonicalLayouts().get("size_t").withName("iov_len")).withName("iovec");
    /** Bytes per entry: 16 on 64-bit platforms. */
    public static final long BYTES = LAYOUT.byteSize();
    /** Most entries one IoVec may hold: 2^30, like {@link BoundedPool#MAX_CAPACITY}. */
    public static final int MAX_CAPACITY = BoundedPool.MAX_CAPACITY;

    private static final long BASE = LAYOUT.byteOffset(groupElement("iov_base"));
    private static final long LEN = LAYOUT.byteOffset(groupElement("iov_len"));

    static {
        if (ADDRESS.byteSize() != Long.BYTES || BYTES != 2L * Long.BYTES) {
            throw new ExceptionInInitializerError("iobuf's IoVec needs a 64-bit platform (struct iovec of 16 bytes), "
                    + "found " + BYTES + " bytes");
        }
    }

    private final MemorySegment array;
    private final MemorySegment[] buffers;
    private int count;

    private IoVec(MemorySegment array, int capacity) {
        this.array = array;
        this.buffers = new MemorySegment[capacity];
    }

    /**
     * An empty IoVec with room for {@code capacity} entries, its native array from {@code arena}.
     *
     * @throws IllegalArgumentException if {@code capacity} is outside {@code 1 .. 2^30}
     * @throws IllegalStateException if {@code arena} is closed
     */
    public static IoVec allocate(Arena arena, int capacity) {
        Objects.requireNonNull(arena, "arena");
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("iovec capacity must be in 1 .. 2^30, got " + capacity);
        }
        return new IoVec(arena.allocate(LAYOUT, capacity), capacity);
    }

    /**
     * An IoVec with one entry per segment, each covering the whole segment.
     *
     * @throws IllegalArgumentException if there are no segments or one is on the heap
     * @throws NullPointerException if a segment is null
     */
    public static IoVec of(Arena arena, MemorySegment... buffers) {
        return of(arena, List.of(buffers)); // List.of rejects null elements
    }

    /** {@link #of(Arena, MemorySegment...)} from a list. */
    public static IoVec of(Arena arena, List<? extends MemorySegment> buffers) {
        Objects.requireNonNull(arena, "arena");
        Objects.requireNonNull(buffers, "buffers");
        requireSome(buffers.size());
        buffers.forEach(AlignedMemory::requireNative); // check all before allocating anything
        IoVec v = allocate(arena, buffers.size());
        buffers.forEach(v::add);
        return v;
    }

    /**
     * An IoVec over every buffer of {@code pool}, entry {@code i} = buffer {@code i} (what buffer
     * registration wants), acquired or not.
     *
     * @throws IllegalStateException if the pool is closed
     */
    public static IoVec of(Arena arena, BufferPool pool) {
        Objects.requireNonNull(arena, "arena");
        Objects.requireNonNull(pool, "pool");
        pool.slab(); // fails early if closed
        IoVec v = allocate(arena, pool.capacity());
        for (int i = 0; i < pool.capacity(); i++) {
            v.add(pool.value(i));
        }
        return v;
    }

    /**
     * An IoVec over the given buffers of {@code pool}, in that order.
     *
     * @throws IllegalArgumentException if {@code indices} is empty
     * @throws IndexOutOfBoundsException if an index is outside the pool (nothing is allocated)
     * @throws IllegalStateException if the pool is closed
     */
    public static IoVec of(Arena arena, BufferPool pool, int... indices) {
        Objects.requireNonNull(arena, "arena");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(indices, "indices");
        requireSome(indices.length);
        for (int index : indices) {
            pool.value(index); // check all before allocating anything
        }
        IoVec v = allocate(arena, indices.length);
        for (int index : indices) {
            v.add(pool.value(index));
        }
        return v;
    }

    private static void requireSome(int n) {
        if (n == 0) {
            throw new IllegalArgumentException("an iovec needs at least one buffer, got none");
        }
    }

    /**
     * Appends an entry covering all of {@code buffer}.
     *
     * @return this
     * @throws IllegalStateException if all {@link #capacity()} entries are in use (nothing changes)
     * @throws IllegalArgumentException if {@code buffer} is on the heap
     */
    public IoVec add(MemorySegment buffer) {
        AlignedMemory.requireNative(buffer);
        if (count == buffers.length) {
            throw new IllegalStateException("iovec is full: all " + buffers.length
                    + " entries are in use; allocate a larger IoVec, or clear() this one");
        }
        write(count, buffer, buffer.byteSize());
        count++;
        return this;
    }

    /** Appends an entry for buffer {@code index} of {@code pool}. */
    public IoVec add(BufferPool pool, int index) {
        return add(Objects.requireNonNull(pool, "pool").value(index));
    }

    /**
     * Replaces entry {@code entry} by one covering all of {@code buffer}.
     *
     * @throws IndexOutOfBoundsException if {@code entry} is not below {@link #count()}
     * @throws IllegalArgumentException if {@code buffer} is on the heap
     */
    public void set(int entry, MemorySegment buffer) {
        Objects.checkIndex(entry, count);
        AlignedMemory.requireNative(buffer);
        write(entry, buffer, buffer.byteSize());
    }

    /** Replaces entry {@code entry} by buffer {@code index} of {@code pool}. */
    public void set(int entry, BufferPool pool, int index) {
        Objects.checkIndex(entry, count);
        set(entry, Objects.requireNonNull(pool, "pool").value(index));
    }

    /**
     * Sets {@code iov_len} of entry {@code entry}, for example to write only the filled part of a
     * buffer.
     *
     * @throws IndexOutOfBoundsException if {@code entry} is not below {@link #count()}
     * @throws IllegalArgumentException if {@code length} is negative or larger than the entry's buffer
     */
    public void setLength(int entry, long length) {
        Objects.checkIndex(entry, count);
        long max = buffers[entry].byteSize();
        if (length < 0 || length > max) {
            throw new IllegalArgumentException("iovec entry " + entry + " length must be in 0 .. " + max
                    + " (its buffer's size), got " + length);
        }
        array.set(JAVA_LONG, entry * BYTES + LEN, length);
    }

    private void write(int entry, MemorySegment buffer, long length) {
        long at = entry * BYTES;
        array.set(JAVA_LONG, at + BASE, buffer.address());
        array.set(JAVA_LONG, at + LEN, length);
        buffers[entry] = buffer;
    }

    /** The buffer behind entry {@code entry}. */
    public MemorySegment buffer(int entry) {
        Objects.checkIndex(entry, count);
        return buffers[entry];
    }

    /** {@code iov_base} of entry {@code entry}, as stored in native memory. */
    public long base(int entry) {
        Objects.checkIndex(entry, count);
        return array.get(JAVA_LONG, entry * BYTES + BASE);
    }

    /** {@code iov_len} of entry {@code entry}, as stored in native memory. */
    public long length(int entry) {
        Objects.checkIndex(entry, count);
        return array.get(JAVA_LONG, entry * BYTES + LEN);
    }

    /** Sum of {@code iov_len} over the entries in use: the most one {@code readv}/{@code writev} moves. */
    public long totalLength() {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += array.get(JAVA_LONG, i * BYTES + LEN);
        }
        return sum;
    }

    /** Empties the IoVec (count 0) and drops its references to buffers. */
    public void clear() {
        java.util.Arrays.fill(buffers, 0, count, null);
        count = 0;
    }

    /** Entries in use: the {@code iovcnt} of a syscall. */
    public int count() {
        return count;
    }

    /** Entries this IoVec can hold. */
    public int capacity() {
        return buffers.length;
    }

    /**
     * Native address of entry 0, the {@code iov} argument of a syscall, after checking that the
     * array and every buffer it points to are alive.
     *
     * @throws IllegalStateException if the array's arena or a buffer's pool/arena is closed
     */
    public long address() {
        if (!array.scope().isAlive()) {
            throw new IllegalStateException("this IoVec's arena is closed: its native array is freed");
        }
        for (int i = 0; i < count; i++) {
            if (!buffers[i].scope().isAlive()) {
                throw new IllegalStateException("iovec entry " + i + " points to freed memory (its BufferPool or "
                        + "arena is closed); set it to a live buffer or clear() before handing it to the kernel");
            }
        }
        return array.address();
    }

    /** The whole native array ({@code capacity() * BYTES} bytes); entries past {@link #count()} are unused. */
    public MemorySegment segment() {
        return array;
    }

    /**
     * The entries as NIO buffers for {@code GatheringByteChannel.write(ByteBuffer[])} /
     * {@code ScatteringByteChannel.read(ByteBuffer[])}: one direct ByteBuffer per entry, over the
     * same memory, position 0, limit = capacity = {@code iov_len}. Allocates a new array and new
     * ByteBuffers on every call; they are as safe as their segments (access after the pool closes
     * throws {@link IllegalStateException}).
     *
     * @throws UnsupportedOperationException if an entry is longer than {@code Integer.MAX_VALUE}
     */
    public ByteBuffer[] byteBuffers() {
        ByteBuffer[] out = new ByteBuffer[count];
        for (int i = 0; i < count; i++) {
            out[i] = buffers[i].asSlice(0, array.get(JAVA_LONG, i * BYTES + LEN)).asByteBuffer();
        }
        return out;
    }

    @Override
    public String toString() {
        return "IoVec[count=" + count + ", capacity=" + buffers.length + ", bytes=" + totalLength() + "]";
    }
}
