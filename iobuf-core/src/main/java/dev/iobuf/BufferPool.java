package dev.iobuf;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_CHAR_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A pool of equal off-heap buffers of one {@link BufferTier}, carved from ONE page-aligned slab,
 * handed out by index like {@link BoundedPool}.
 *
 * <pre>{@code
 * try (BufferPool pool = BufferPool.of(BufferTier.SMALL, 64)) {
 *     int i = pool.acquire();
 *     pool.copyIn(i, 0, bytes);             // or write through pool.value(i) / pool.byteBuffer(i)
 *     channel.write(pool.byteBuffer(i).limit(bytes.length));
 *     pool.release(i);
 * }
 * }</pre>
 *
 * <p><b>Memory.</b> The slab holds {@code capacity() * bufferSize()} bytes; buffer {@code i} starts
 * at {@code slab + i * bufferSize()}, so each buffer is aligned to {@code min(bufferSize(),
 * pageSize)} and, from 4 KiB buffers up, starts on a page of its own. A slab of
 * {@link #MAP_THRESHOLD} (2 MiB) or more, which includes every pool of {@link BufferTier#HUGE}
 * buffers and up, is {@code mmap}'d: its pages are zero and cost nothing until touched, and it may
 * use huge pages and {@code mlock} ({@link SlabOptions}; either option maps a slab of any size).
 * Smaller slabs come from {@code Arena.ofShared().allocate} (zero-filled by the JDK), and so do
 * large ones where {@code mmap} cannot be called (not Linux, or native access denied to
 * {@code dev.iobuf.core}; options that need {@code mmap} then fail clearly). The threshold
 * is on the slab, not only on the buffer: a 128 MiB pool of 128 KiB io_uring buffers gains as much
 * from lazy zero pages and huge pages as a pool of 2 MiB buffers does.
 *
 * <p><b>No allocation on the hot path.</b> The buffer slices are made once, when the pool is
 * built: {@link #value(int)} returns the same {@link MemorySegment} instance for an index every
 * time, {@link #address(int)}, {@link #clear(int)}, the {@code copyIn}/{@code copyOut} helpers and
 * acquire/release allocate nothing. {@link #byteBuffer(int)} allocates one {@link ByteBuffer} per
 * index on its first call and returns that same instance afterwards. {@link #view} allocates a
 * slice (it exists for typed access, not for the I/O path).
 *
 * <p><b>Ownership.</b> Acquire and release delegate to a {@link BoundedPool} (composition, not
 * inheritance: {@code BoundedPool}'s {@code fill}/{@code setValue} would let a caller swap a
 * buffer for foreign memory, and its final {@code value(int)} could not refuse use after close).
 * Releasing an index that is not acquired throws and changes nothing. Buffer access does not check
 * that the caller holds the index: the io_uring layer lends buffers to the kernel and back.
 *
 * <p><b>Leases.</b> Whoever hands a buffer's address to the kernel (a ring operation, a registered
 * buffer table, a provided-buffer ring) holds a {@link Lease} on the pool ({@link #lease(Object)}) until
 * the kernel is done with it. {@link #close()} with a held lease refuses: it throws
 * {@link IllegalStateException} naming every holder and leaves the pool open (see {@link Leases} for
 * why it refuses rather than waits). So the slab is never freed while the kernel may write into it.
 *
 * <p><b>Close.</b> {@link #close()} frees the slab. Afterwards every method that touches buffer
 * memory or ownership ({@code value}, {@code address}, {@code slab}, {@code byteBuffer},
 * {@code view}, {@code clear}, {@code copyIn}, {@code copyOut}, {@code acquire},
 * {@code tryAcquire}, {@code release}) throws {@link IllegalStateException}, and so does any access
 * through a segment or ByteBuffer obtained before (the slab's shared arena is closed): never a JVM
 * crash. Read-only state ({@code tier}, {@code capacity}, {@code available}, {@code isAcquired},
 * ...) stays readable, so leaks can be reported after close. A thread blocked in {@code acquire}
 * notices the close within {@value #CLOSE_POLL_MILLIS} ms and throws.
 */
public final class BufferPool implements AutoCloseable {
    /** Slabs of this many bytes or more are {@code mmap}'d: 2 MiB, the {@link BufferTier#HUGE} size. */
    public static final long MAP_THRESHOLD = BufferTier.HUGE.size();
    /** The tier of io_uring registered buffers: {@link BufferTier#LARGE}, 128 KiB. */
    public static final BufferTier REGISTER_BUFFER_TIER = BufferTier.LARGE;
    /** How often a blocked {@code acquire} looks whether the pool was closed. */
    public static final long CLOSE_POLL_MILLIS = 50;

    private static final long CLOSE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(CLOSE_POLL_MILLIS);
    private static final VarHandle NIO = MethodHandles.arrayElementVarHandle(ByteBuffer[].class);

    private final BufferTier tier;
    private final int bufferSize;
    private final Slab slab;
    private final BoundedPool<MemorySegment> pool;
    /** ByteBuffer views, made on first use; published with CAS so each index has one instance. */
    private final ByteBuffer[] nio;
    private final Leases leases;
    /**
     * Set before the slab is freed. A reader that sees {@code false} may still race with close; the
     * shared arena's handshake then makes its memory access throw, so this flag only gives early,
     * clear errors; memory safety does not depend on it.
     */
    private volatile boolean closed;

    private BufferPool(BufferTier tier, BoundedPool<MemorySegment> pool, Slab slab) {
        this.tier = tier;
        this.bufferSize = tier.size();
        this.pool = pool;
        this.slab = slab;
        this.nio = new ByteBuffer[pool.capacity()];
        this.leases = new Leases(this);
        MemorySegment whole = slab.segment();
        long size = bufferSize;
        pool.fill(i -> whole.asSlice(i * size, size));
    }

    /**
     * A pool of {@code count} (rounded up to a power of two) buffers of {@code tier}.
     *
     * @throws IllegalArgumentException if {@code count} is outside {@code 1 .. 2^30}
     * @throws NativeMemoryException if a mapped slab cannot be mapped
     * @throws OutOfMemoryError if an allocated slab cannot be allocated
     */
    public static BufferPool of(BufferTier tier, int count) {
        return of(tier, count, SlabOptions.DEFAULT);
    }

    /**
     * A pool of {@code count} (rounded up to a power of two) buffers of {@code tier}, its slab made
     * with {@code options}.
     *
     * @throws IllegalArgumentException if {@code count} is outside {@code 1 .. 2^30}
     * @throws NativeMemoryException if {@code mmap}, {@code madvise} or {@code mlock} fails; the
     *     message names the limit to raise or the option to drop (nothing stays allocated)
     * @throws UnsupportedOperationException if {@code options} need {@code mmap} and this is not Linux
     */
    public static BufferPool of(BufferTier tier, int count, SlabOptions options) {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(options, "options");
        BoundedPool<MemorySegment> pool = new BoundedPool<>(count);
        long bytes = (long) pool.capacity() * tier.size();
        boolean map = options.needsMapping() || (bytes >= MAP_THRESHOLD && Libc.canMap());
        Slab slab = map ? Slab.mapped(bytes, options) : Slab.allocated(bytes);
        try {
            return new BufferPool(tier, pool, slab);
        } catch (RuntimeException | Error e) {
            slab.close();
            throw e;
        }
    }

    /** A pool of {@code count} 128 KiB buffers for io_uring buffer registration (the Go original's {@code RegisterBufferPool}). */
    public static BufferPool registerBuffers(int count) {
        return of(REGISTER_BUFFER_TIER, count, SlabOptions.DEFAULT);
    }

    /** {@link #registerBuffers(int)} with slab options, for example locked memory. */
    public static BufferPool registerBuffers(int count, SlabOptions options) {
        return of(REGISTER_BUFFER_TIER, count, options);
    }

    // ---------------------------------------------------------------- facts (readable after close)

    /** The tier of every buffer. */
    public BufferTier tier() {
        return tier;
    }

    /** Bytes in each buffer: {@code tier().size()}. */
    public int bufferSize() {
        return bufferSize;
    }

    /** Number of buffers, a power of two. */
    public int capacity() {
        return pool.capacity();
    }

    /** Whether the slab was {@code mmap}'d (else allocated from a shared arena). */
    public boolean isMapped() {
        return slab.isMapped();
    }

    /** The slab options in effect ({@link SlabOptions#DEFAULT} for an arena slab). */
    public SlabOptions options() {
        return slab.options();
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /** Free buffers right now (exact when no call is in flight). */
    public int available() {
        return pool.available();
    }

    /** Buffers held by callers right now (exact when no call is in flight); after close: the leaks. */
    public int acquiredCount() {
        return pool.acquiredCount();
    }

    /**
     * Whether buffer {@code index} is held by a caller.
     *
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code 0 .. capacity()-1}
     */
    public boolean isAcquired(int index) {
        return pool.isAcquired(index);
    }

    // ---------------------------------------------------------------- leases

    /**
     * A new lease on this pool's memory for {@code holder} (named by its {@code toString()} if it blocks a
     * close); {@link Lease#retain()} it before the kernel gets a buffer address, release it once the kernel
     * is done. Allocates: take one per holder, not per operation.
     *
     * @throws IllegalStateException if the pool is closed
     */
    public Lease lease(Object holder) {
        requireOpen();
        return leases.open(holder);
    }

    /** Leases held right now (count above 0); while any is, {@link #close()} refuses. Readable after close. */
    public int heldLeases() {
        return leases.heldCount();
    }

    /** The sum of every lease's count (operations and registrations using the memory now); readable after close. */
    public long leaseCount() {
        return leases.totalCount();
    }

    // ---------------------------------------------------------------- ownership

    /**
     * Takes a free buffer without waiting; never allocates.
     *
     * @return its index, or {@code -1} if none is free
     * @throws IllegalStateException if the pool is closed
     */
    public int tryAcquire() {
        requireOpen();
        return pool.tryAcquire();
    }

    /**
     * Takes a free buffer, waiting as long as needed.
     *
     * @throws InterruptedException if interrupted while waiting (no buffer is taken)
     * @throws IllegalStateException if the pool is closed, before or while waiting
     */
    public int acquire() throws InterruptedException {
        requireOpen();
        int i = pool.tryAcquire();
        if (i >= 0) {
            return i;
        }
        PoolWaitEvent event = PoolWaitRecording.begin();
        try {
            while (i < 0) {
                // BoundedPool has no way to wake waiters on close, so wait in slices and look.
                i = pool.tryAcquireNanos(CLOSE_POLL_NANOS, false);
                if (i < 0) {
                    requireOpen();
                }
            }
            return i;
        } finally {
            PoolWaitRecording.end(event, "BufferPool " + tier, capacity(), 0, i >= 0);
        }
    }

    /**
     * Takes a free buffer, waiting at most {@code timeout}.
     *
     * @return its index, or {@code -1} if none came free in time
     * @throws InterruptedException if interrupted while waiting (no buffer is taken)
     * @throws IllegalStateException if the pool is closed, before or while waiting
     */
    public int tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        requireOpen();
        Objects.requireNonNull(unit, "unit");
        int i = pool.tryAcquire();
        long remaining = unit.toNanos(timeout);
        if (i >= 0 || remaining <= 0) {
            return i;
        }
        long timeoutNanos = remaining;
        long deadline = System.nanoTime() + remaining; // differences stay right across overflow
        PoolWaitEvent event = PoolWaitRecording.begin();
        try {
            while (true) {
                i = pool.tryAcquireNanos(Math.min(remaining, CLOSE_POLL_NANOS), false);
                if (i >= 0) {
                    return i;
                }
                requireOpen();
                remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return -1;
                }
            }
        } finally {
            PoolWaitRecording.end(event, "BufferPool " + tier, capacity(), timeoutNanos, i >= 0);
        }
    }

    /**
     * Gives buffer {@code index} back. Its contents are left as they are (see {@link #clear(int)}).
     *
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code 0 .. capacity()-1}
     * @throws IllegalStateException if {@code index} is not acquired (released twice, or never
     *     taken; the pool is left as it was), or the pool is closed
     */
    public void release(int index) {
        requireOpen();
        pool.release(index);
    }

    // ---------------------------------------------------------------- memory

    /**
     * Buffer {@code index}: a {@code bufferSize()}-byte slice of the slab, the same instance every
     * call (no allocation).
     *
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code 0 .. capacity()-1}
     * @throws IllegalStateException if the pool is closed
     */
    public MemorySegment value(int index) {
        requireOpen();
        return pool.value(index);
    }

    /** Native address of buffer {@code index}, for SQEs and iovecs. Same checks as {@link #value(int)}. */
    public long address(int index) {
        return value(index).address();
    }

    /**
     * The whole slab, {@code capacity() * bufferSize()} bytes from the address of buffer 0, for
     * registering all buffers at once.
     *
     * @throws IllegalStateException if the pool is closed
     */
    public MemorySegment slab() {
        requireOpen();
        return slab.segment();
    }

    /**
     * Buffer {@code index} as a direct {@link ByteBuffer} for NIO channels. Each index has one
     * ByteBuffer, made on the first call; every call returns that instance reset to position 0,
     * limit {@code bufferSize()}, no mark, big-endian (like a new buffer). So take it once per use
     * and keep the reference: a second call resets the first caller's position. Access after
     * {@link #close()} throws {@link IllegalStateException}.
     *
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code 0 .. capacity()-1}
     * @throws IllegalStateException if the pool is closed
     */
    public ByteBuffer byteBuffer(int index) {
        MemorySegment segment = value(index);
        ByteBuffer b = (ByteBuffer) NIO.getAcquire(nio, index);
        if (b == null) {
            ByteBuffer fresh = segment.asByteBuffer();
            ByteBuffer witness = (ByteBuffer) NIO.compareAndExchange(nio, index, null, fresh);
            b = witness == null ? fresh : witness;
        }
        return b.clear().order(ByteOrder.BIG_ENDIAN);
    }

    /**
     * A slice of buffer {@code index} at {@code offset} shaped like {@code layout}, for typed
     * access: {@code view(i, 0, MemoryLayout.sequenceLayout(16, JAVA_LONG)).getAtIndex(JAVA_LONG, 3)}.
     * Allocates the slice (not for the I/O path; use {@link #value(int)} there).
     *
     * @throws IndexOutOfBoundsException if the layout does not fit in the buffer at {@code offset}
     * @throws IllegalArgumentException if {@code offset} breaks the layout's alignment
     * @throws IllegalStateException if the pool is closed
     */
    public MemorySegment view(int index, long offset, MemoryLayout layout) {
        Objects.requireNonNull(layout, "layout");
        return value(index).asSlice(offset, layout);
    }

    /**
     * Zero-fills buffer {@code index} (a reset before reuse, or to drop secrets).
     *
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code 0 .. capacity()-1}
     * @throws IllegalStateException if the pool is closed
     */
    public void clear(int index) {
        value(index).fill((byte) 0);
    }

    // ---------------------------------------------------------------- copy in / copy out
    // The Go original's ArrayFromSlice/SliceOfArray, in Java: MemorySegment.copy with a value
    // layout. Multi-byte values use native byte order and may sit at any offset (unaligned
    // layouts). Every call checks the range first and copies nothing if it does not fit.

    /** Copies {@code length} bytes of {@code src} from {@code from} into buffer {@code index} at {@code offset}. */
    public void copyIn(int index, long offset, byte[] src, int from, int length) {
        Objects.requireNonNull(src, "src");
        Objects.checkFromIndexSize(from, length, src.length);
        MemorySegment dst = checkedRange(index, offset, length, JAVA_BYTE);
        MemorySegment.copy(src, from, dst, JAVA_BYTE, offset, length);
    }

    /** Copies {@code length} bytes of buffer {@code index} at {@code offset} into {@code dst} from {@code from}. */
    public void copyOut(int index, long offset, byte[] dst, int from, int length) {
        Objects.requireNonNull(dst, "dst");
        Objects.checkFromIndexSize(from, length, dst.length);
        MemorySegment src = checkedRange(index, offset, length, JAVA_BYTE);
        MemorySegment.copy(src, JAVA_BYTE, offset, dst, from, length);
    }

    /**
     * Copies all of {@code src} into buffer {@code index} at byte {@code offset}.
     *
     * @throws IndexOutOfBoundsException if {@code index} is out of range or the bytes do not fit
     *     in the buffer at {@code offset} (nothing is copied)
     * @throws IllegalStateException if the pool is closed
     */
    public void copyIn(int index, long offset, byte[] src) {
        copyIn(index, offset, src, JAVA_BYTE, Objects.requireNonNull(src, "src").length);
    }

    /** Like {@link #copyIn(int, long, byte[])}, two bytes per char. */
    public void copyIn(int index, long offset, char[] src) {
        copyIn(index, offset, src, JAVA_CHAR_UNALIGNED, Objects.requireNonNull(src, "src").length);
    }

    /** Like {@link #copyIn(int, long, byte[])}, two bytes per short. */
    public void copyIn(int index, long offset, short[] src) {
        copyIn(index, offset, src, JAVA_SHORT_UNALIGNED, Objects.requireNonNull(src, "src").length);
    }

    /** Like {@link #copyIn(int, long, byte[])}, four bytes per int. */
    public void copyIn(int index, long offset, int[] src) {
        copyIn(index, offset, src, JAVA_INT_UNALIGNED, Objects.requireNonNull(src, "src").length);
    }

    /** Like {@link #copyIn(int, long, byte[])}, eight bytes per long. */
    public void copyIn(int index, long offset, long[] src) {
        copyIn(index, offset, src, JAVA_LONG_UNALIGNED, Objects.requireNonNull(src, "src").length);
    }

    /** Like {@link #copyIn(int, long, byte[])}, four bytes per float. */
    public void copyIn(int index, long offset, float[] src) {
        copyIn(index, offset, src, JAVA_FLOAT_UNALIGNED, Objects.requireNonNull(src, "src").length);
    }

    /** Like {@link #copyIn(int, long, byte[])}, eight bytes per double. */
    public void copyIn(int index, long offset, double[] src) {
        copyIn(index, offset, src, JAVA_DOUBLE_UNALIGNED, Objects.requireNonNull(src, "src").length);
    }

    /**
     * Fills all of {@code dst} from buffer {@code index} at byte {@code offset}.
     *
     * @throws IndexOutOfBoundsException if {@code index} is out of range or {@code dst} needs bytes
     *     past the end of the buffer (nothing is copied)
     * @throws IllegalStateException if the pool is closed
     */
    public void copyOut(int index, long offset, byte[] dst) {
        copyOut(index, offset, dst, JAVA_BYTE, Objects.requireNonNull(dst, "dst").length);
    }

    /** Like {@link #copyOut(int, long, byte[])}, two bytes per char. */
    public void copyOut(int index, long offset, char[] dst) {
        copyOut(index, offset, dst, JAVA_CHAR_UNALIGNED, Objects.requireNonNull(dst, "dst").length);
    }

    /** Like {@link #copyOut(int, long, byte[])}, two bytes per short. */
    public void copyOut(int index, long offset, short[] dst) {
        copyOut(index, offset, dst, JAVA_SHORT_UNALIGNED, Objects.requireNonNull(dst, "dst").length);
    }

    /** Like {@link #copyOut(int, long, byte[])}, four bytes per int. */
    public void copyOut(int index, long offset, int[] dst) {
        copyOut(index, offset, dst, JAVA_INT_UNALIGNED, Objects.requireNonNull(dst, "dst").length);
    }

    /** Like {@link #copyOut(int, long, byte[])}, eight bytes per long. */
    public void copyOut(int index, long offset, long[] dst) {
        copyOut(index, offset, dst, JAVA_LONG_UNALIGNED, Objects.requireNonNull(dst, "dst").length);
    }

    /** Like {@link #copyOut(int, long, byte[])}, four bytes per float. */
    public void copyOut(int index, long offset, float[] dst) {
        copyOut(index, offset, dst, JAVA_FLOAT_UNALIGNED, Objects.requireNonNull(dst, "dst").length);
    }

    /** Like {@link #copyOut(int, long, byte[])}, eight bytes per double. */
    public void copyOut(int index, long offset, double[] dst) {
        copyOut(index, offset, dst, JAVA_DOUBLE_UNALIGNED, Objects.requireNonNull(dst, "dst").length);
    }

    private void copyIn(int index, long offset, Object src, ValueLayout layout, int count) {
        MemorySegment dst = checkedRange(index, offset, count, layout);
        MemorySegment.copy(src, 0, dst, layout, offset, count);
    }

    private void copyOut(int index, long offset, Object dst, ValueLayout layout, int count) {
        MemorySegment src = checkedRange(index, offset, count, layout);
        MemorySegment.copy(src, layout, offset, dst, 0, count);
    }

    /** Buffer {@code index}, after checking that {@code count} values of {@code layout} fit at {@code offset}. */
    private MemorySegment checkedRange(int index, long offset, int count, ValueLayout layout) {
        MemorySegment buffer = value(index);
        long bytes = count * layout.byteSize();
        if (offset < 0 || offset > bufferSize - bytes) {
            throw new IndexOutOfBoundsException(bytes + " bytes at offset " + offset + " do not fit in buffer "
                    + index + " of " + bufferSize + " bytes (" + tier + ")");
        }
        return buffer;
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Frees the slab; idempotent. Refuses while a {@link Lease} is held (the kernel may still write into
     * the memory). Buffers still acquired but not leased are not waited for: the caller must be done with
     * them ({@link #acquiredCount()} tells how many were not given back).
     *
     * @throws IllegalStateException naming every lease holder if a lease is held: nothing changes, the pool
     *     stays open; reap or cancel the holders' operations (or close their ring / registration) and close
     *     again. Also if a native call is using the slab right now; the pool is closed for use anyway, and
     *     calling {@code close()} again frees the slab once that call returned
     */
    @Override
    public void close() {
        leases.close();
        closed = true;
        slab.close();
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this BufferPool (" + tier + ", " + capacity() + " x " + bufferSize
                    + " B) is closed: its slab is freed; take buffers from an open pool");
        }
    }

    @Override
    public String toString() {
        return "BufferPool[" + tier + ", " + capacity() + " x " + bufferSize + " B, available=" + available()
                + (slab.isMapped() ? ", mmap" : ", arena") + (closed ? ", closed" : "") + "]";
    }
}
