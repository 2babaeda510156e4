package dev.iobuf;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * A fixed set of values reached by index, and a lock-free set of the free indices.
 *
 * <p>The pool holds {@code capacity()} values (a power of two). Fill it once with {@link
 * #fill(IntFunction)}; then callers take an index with one of three calls that follow {@link
 * java.util.concurrent.Semaphore} / {@link java.util.concurrent.BlockingQueue} conventions, use
 * {@link #value(int)}, and give the index back with {@link #release(int)}:
 * <ul>
 *   <li>{@link #tryAcquire()}: never blocks, never allocates; {@code -1} when no index is free;</li>
 *   <li>{@link #acquire()}: waits until an index is free; interruptible;</li>
 *   <li>{@link #tryAcquire(long, TimeUnit)}: waits at most the timeout; {@code -1} on timeout.</li>
 * </ul>
 * Which free index a caller gets is not promised. Today it is the lowest free index of the caller's
 * <em>home group</em> (32 consecutive indices picked by a hash of its thread id), else of the next
 * group that has one: an index a thread just released is usually the one it gets next (for a buffer
 * pool, the buffer still in its cache), and threads working at the same time stay on different
 * groups, hence different cache lines. A fresh pool of up to 32 indices hands out {@code 0, 1, 2, ...}.
 *
 * <p>The pool checks ownership: each index has one bit, set while it is free and cleared while it
 * is acquired, flipped by CAS. Releasing an index that is not acquired (twice, or never taken)
 * throws {@link IllegalStateException} and changes nothing; of two racing releases of one index
 * exactly one succeeds. Two holders are never handed the same index. The check knows indices, not
 * holders: if index 3 is released and then taken again by someone else, a stale second release of 3
 * by its first holder looks legal and frees the new holder's index. Indices may be released by a
 * thread other than the one that acquired them, provided a happens-before edge (any safe hand-off)
 * lies between the acquire and the release; what a holder wrote before {@code release} is visible
 * to the next holder after its acquire.
 *
 * <p>The free set is {@link IndexBitmap}: lock-free and linearizable, including the {@code -1}
 * answer (it is returned only if at some instant during the call no index was free). In the steady
 * state an acquire and a release are one CAS each on the caller's home group. Waiting callers spin,
 * then yield, then park ({@link Waiters}, allocation-free once warm); {@code release} unparks only
 * when a waiter is parked and otherwise costs one extra read.
 *
 * <p>Memory: a reference per index for the values, plus the bitmap: 128 bytes per group of 32
 * indices up to 128 Ki indices (4 bytes per index, each group on its own cache lines), 8 bytes per
 * group beyond (a quarter of a byte per index). {@link #available()} and {@link #acquiredCount()}
 * count the bitmap: O(capacity / 32), meant for monitoring, not for every operation.
 *
 * <p>From the Go {@code iobuf.BoundedPool}: {@code NewBoundedPool(n)} is {@code new
 * BoundedPool<>(n)}; {@code Fill(newFunc)} is {@link #fill(Supplier)}; {@code Get()} in blocking mode
 * is {@link #acquire()} and in non-blocking mode {@link #tryAcquire()} ({@code -1} in place of
 * {@code ErrWouldBlock}); {@code Put(i)} is {@link #release(int)}, which never blocks (every index has
 * its own bit) and rejects a double put instead of accepting it; {@code Value}/
 * {@code SetValue}/{@code Cap} are {@link #value}/{@link #setValue}/{@link #capacity}. Go panics
 * become {@link IllegalArgumentException}, {@link IllegalStateException} and {@link
 * IndexOutOfBoundsException}; {@code SetNonblock} has no counterpart, the caller picks per call.
 *
 * @param <T> the value type, for example a {@link java.lang.foreign.MemorySegment}
 */
public class BoundedPool<T> extends IndexBitmap {
    /** Largest capacity: 2^30 indices. */
    public static final int MAX_CAPACITY = 1 << 30;

    private static final VarHandle VALUES = MethodHandles.arrayElementVarHandle(Object[].class);
    private static final VarHandle FILL_STATE;
    private static final int UNFILLED = 0;
    private static final int FILLING = 1;
    private static final int FILLED = 2;

    static {
        try {
            FILL_STATE = MethodHandles.lookup().findVarHandle(BoundedPool.class, "fillState", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
        // The JFR event class is initialised when JFR comes up, not on the first wait: a virtual thread
        // that waits for a class's initialisation is pinned to its carrier (jdk.VirtualThreadPinned).
        PoolWaitRecording.prepare();
    }

    // The pool is its own free set (it extends IndexBitmap rather than holding one) and keeps the
    // waiter count itself: a locked CAS waits for every earlier load, so each dependent load between
    // two CAS (pool -> bitmap -> leaf array, pool -> waiters -> count) is on the critical path of an
    // acquire/release pair. See benchmarks/README.md, "Where the pool's nanoseconds go".
    private final Object[] values;
    private final Waiters waiters = new Waiters();
    private volatile int fillState;
    /** Parked waiters; counted by {@link Waiters} (see its class comment for the protocol), read by every release. */
    volatile int waiting;

    /**
     * Makes an empty, unfilled pool of {@code capacity} rounded up to a power of two.
     *
     * @throws IllegalArgumentException if {@code capacity} is below 1 or above 2^30
     */
    public BoundedPool(int capacity) {
        this(capacity, IndexBitmap.LEAF_BITS);
    }

    /** As above with groups of {@code leafBits} indices, so tests can run many groups on few indices. */
    BoundedPool(int capacity, int leafBits) {
        super(roundCapacity(capacity), leafBits);   // every index acquired until fill(...)
        this.values = new Object[this.capacity];
    }

    /** {@code requested} rounded up to a power of two; rejects values outside {@code 1 .. 2^30}. */
    public static int roundCapacity(int requested) {
        if (requested < 1 || requested > MAX_CAPACITY) {
            throw new IllegalArgumentException("pool capacity must be in 1 .. 2^30 (1073741824), got "
                    + requested + "; split larger sets across several pools");
        }
        return requested == 1 ? 1 : Integer.highestOneBit(requested - 1) << 1;
    }

    /** Number of indices, a power of two. */
    @Override
    public final int capacity() {
        return capacity;
    }

    /**
     * Sets every value from {@code supplier}, in index order, then makes every index available.
     * Exactly once, before any other use.
     *
     * @throws IllegalStateException if the pool is filled already (or being filled by another thread)
     */
    public final void fill(Supplier<? extends T> supplier) {
        Objects.requireNonNull(supplier, "supplier");
        fill(i -> supplier.get());
    }

    /**
     * Sets value {@code i} to {@code factory.apply(i)} for every index, then makes every index
     * available. Exactly once, before any other use. If {@code factory} throws, the exception
     * propagates and the pool stays unfilled (fill may be called again).
     *
     * @throws IllegalStateException if the pool is filled already (or being filled by another thread)
     */
    public final void fill(IntFunction<? extends T> factory) {
        Objects.requireNonNull(factory, "factory");
        if (!FILL_STATE.compareAndSet(this, UNFILLED, FILLING)) {
            throw new IllegalStateException("pool is already filled (or being filled): fill(...) may be called once per pool");
        }
        try {
            for (int i = 0; i < capacity; i++) {
                values[i] = factory.apply(i);   // published by the volatile fillState store below
            }
        } catch (Throwable t) {
            fillState = UNFILLED;
            throw t;
        }
        fillAll();
        fillState = FILLED;                     // publishes the values and the free bits
    }

    /** Whether {@link #fill} has run. */
    public final boolean isFilled() {
        return fillState == FILLED;
    }

    /**
     * The value at {@code index}; allocation-free.
     *
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code 0 .. capacity()-1}
     * @throws IllegalStateException if the pool is not filled yet
     */
    @SuppressWarnings("unchecked")
    public final T value(int index) {
        Objects.checkIndex(index, capacity);
        requireFilled();
        return (T) VALUES.getAcquire(values, index);
    }

    /**
     * Replaces the value at {@code index}. Callers normally hold {@code index} while they do this;
     * the release store pairs with {@link #value}'s acquire load for readers that do not.
     *
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code 0 .. capacity()-1}
     * @throws IllegalStateException if the pool is not filled yet
     */
    public final void setValue(int index, T value) {
        Objects.checkIndex(index, capacity);
        requireFilled();
        VALUES.setRelease(values, index, value);
    }

    /**
     * Takes a free index without waiting. Never blocks and never allocates; on a filled pool it
     * never throws either.
     *
     * <p>Before {@link #fill} it throws rather than return {@code -1}: an unfilled pool is a
     * programming error, not a pool that happens to be empty, and {@code -1} would send a caller
     * into a retry or back-off loop that never ends. The check sits on the empty path only.
     *
     * @return an index in {@code 0 .. capacity()-1}, or {@code -1} if none is free
     * @throws IllegalStateException if the pool is not filled yet
     */
    public final int tryAcquire() {
        int i = poll();
        if (i >= 0) {
            return i;
        }
        if (fillState != FILLED) {
            throw notFilled();
        }
        return -1;
    }

    /**
     * Takes a free index, waiting as long as needed.
     *
     * @throws InterruptedException if the thread is interrupted on entry or while waiting (no index
     *     is taken, the interrupt status is cleared)
     * @throws IllegalStateException if the pool is not filled yet
     */
    public final int acquire() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        int i = tryAcquire();
        return i >= 0 ? i : await(-1L);
    }

    /**
     * Takes a free index, waiting at most {@code timeout}; a timeout of zero or less does not wait.
     *
     * @return the index, or {@code -1} if none came free in time
     * @throws InterruptedException if the thread is interrupted on entry or while waiting (no index
     *     is taken, the interrupt status is cleared)
     * @throws IllegalStateException if the pool is not filled yet
     */
    public final int tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        Objects.requireNonNull(unit, "unit");
        return tryAcquireNanos(unit.toNanos(timeout), true);
    }

    /**
     * {@link #tryAcquire(long, TimeUnit)}; {@code record = false} leaves the JFR event to the caller
     * ({@link BufferPool} waits in slices and records the whole wait once).
     */
    final int tryAcquireNanos(long nanos, boolean record) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        int i = tryAcquire();
        if (i >= 0 || nanos <= 0) {
            return i;
        }
        return record ? await(nanos) : waiters.await(this, nanos);
    }

    /** Waits for an index; a {@code dev.iobuf.PoolWait} JFR event when a recording wants it (nothing otherwise). */
    private int await(long nanos) throws InterruptedException {
        PoolWaitEvent event = PoolWaitRecording.begin();
        int i = -1;
        try {
            i = waiters.await(this, nanos);
            return i;
        } finally {
            PoolWaitRecording.end(event, getClass().getSimpleName(), capacity, nanos, i >= 0);
        }
    }

    /**
     * Gives {@code index} back. Never blocks.
     *
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code 0 .. capacity()-1}
     * @throws IllegalStateException if {@code index} is not currently acquired (a double release,
     *     or an index never taken); the pool is left exactly as it was
     */
    public final void release(int index) {
        Objects.checkIndex(index, capacity);
        // The bitmap's CAS is the whole check: a rejected release leaves the bitmap as it was. Before
        // fill every bit is clear (as if acquired), hence the fill check.
        if (fillState != FILLED || !offer(index)) {
            throw new IllegalStateException("index " + index + " is not acquired: released twice, or never "
                    + "taken from this pool; release only indices returned by acquire/tryAcquire, once each");
        }
        if (waiting > 0) {                      // the fast path reads one field of this object
            waiters.signal();
        }
    }

    /** For tests: the calling thread's home group of indices. */
    final int homeLeaf() {
        return home();
    }

    /** Whether {@code index} is currently held by a caller. */
    public final boolean isAcquired(int index) {
        Objects.checkIndex(index, capacity);
        return fillState == FILLED && !isFree(index);
    }

    /**
     * Free indices right now: exact when no call is in flight, an estimate otherwise; 0 before
     * {@link #fill}. Counts the bitmap: O(capacity / 32).
     */
    public final int available() {
        return size();
    }

    /**
     * Indices held by callers right now: exact when no call is in flight; 0 before {@link #fill}.
     * Counts the bitmap: O(capacity / 32).
     */
    public final int acquiredCount() {
        return fillState == FILLED ? capacity - available() : 0;
    }

    private void requireFilled() {
        if (fillState != FILLED) {
            throw notFilled();
        }
    }

    private static IllegalStateException notFilled() {
        return new IllegalStateException("pool is not filled: call fill(...) once before using it");
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[capacity=" + capacity + ", available=" + available()
                + (isFilled() ? "" : ", unfilled") + "]";
    }
}
