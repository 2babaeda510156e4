package dev.iobuf;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * A fixed set of values reached by index, and a lock-free free list of those indices.
 *
 * <p>The pool holds {@code capacity()} values (a power of two). Callers take an index with one of
 * three calls that follow {@link java.util.concurrent.Semaphore} / {@link
 * java.util.concurrent.BlockingQueue} conventions, use {@link #value(int)}, and give the index back
 * with {@link #release(int)}:
 * <ul>
 *   <li>{@link #tryAcquire()}: never blocks, never allocates, never throws; {@code -1} when empty;</li>
 *   <li>{@link #acquire()}: waits until an index is free; interruptible;</li>
 *   <li>{@link #tryAcquire(long, TimeUnit)}: waits at most the timeout; {@code -1} on timeout.</li>
 * </ul>
 * The pool checks ownership: each index has a state word, flipped by CAS, so releasing an index
 * that is not acquired (twice, or never taken) throws {@link IllegalStateException} and changes
 * nothing. Two holders can never be handed the same index.
 *
 * <p>The free list is {@link IndexRing} (SCQ, fetch-and-add based, lock-free and linearizable).
 * Waiting callers spin, then yield, then park; {@code release} unparks only when a waiter exists.
 *
 * @param <T> the value type, for example a {@link java.lang.foreign.MemorySegment}
 */
public class BoundedPool<T> {
    /** Largest capacity: 2^30 indices. */
    public static final int MAX_CAPACITY = 1 << 30;

    private static final VarHandle STATE = MethodHandles.arrayElementVarHandle(int[].class);
    private static final VarHandle VALUES = MethodHandles.arrayElementVarHandle(Object[].class);
    private static final VarHandle FILLED;
    private static final int FREE = 0;
    private static final int ACQUIRED = 1;

    static {
        try {
            FILLED = MethodHandles.lookup().findVarHandle(BoundedPool.class, "filled", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int capacity;
    private final int[] states;
    private final Object[] values;
    private final IndexRing free;
    private final Waiters waiters = new Waiters();
    private volatile boolean filled;

    /**
     * Makes an empty, unfilled pool of {@code capacity} rounded up to a power of two.
     *
     * @throws IllegalArgumentException if {@code capacity} is below 1 or above 2^30
     */
    public BoundedPool(int capacity) {
        this.capacity = roundCapacity(capacity);
        this.states = new int[this.capacity];
        this.values = new Object[this.capacity];
        this.free = new IndexRing(this.capacity, true);
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
    public final int capacity() {
        return capacity;
    }

    /**
     * Sets every value from {@code supplier}, in index order. Exactly once, before any other use.
     *
     * @throws IllegalStateException if the pool was filled already
     */
    public final void fill(Supplier<? extends T> supplier) {
        Objects.requireNonNull(supplier, "supplier");
        fill(i -> supplier.get());
    }

    /**
     * Sets value {@code i} to {@code factory.apply(i)} for every index. Exactly once, before any
     * other use.
     *
     * @throws IllegalStateException if the pool was filled already
     */
    public final void fill(IntFunction<? extends T> factory) {
        Objects.requireNonNull(factory, "factory");
        if (!FILLED.compareAndSet(this, false, true)) {
            throw new IllegalStateException("pool is already filled: fill(...) may be called once");
        }
        for (int i = 0; i < capacity; i++) {
            VALUES.setRelease(values, i, factory.apply(i));
        }
        VarHandle.releaseFence();
    }

    /** Whether {@link #fill} has run. */
    public final boolean isFilled() {
        return filled;
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
     * Replaces the value at {@code index}.
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
     * Takes a free index without waiting.
     *
     * @return an index in {@code 0 .. capacity()-1}, or {@code -1} if none is free or the pool is
     *     not filled (this call never throws and never allocates)
     */
    public final int tryAcquire() {
        if (!filled) {
            return -1;
        }
        int i = free.poll();
        if (i >= 0) {
            // Only the thread that polled i writes its state now; a legal release of i comes after
            // a happens-before edge from this thread, so a release store is enough.
            STATE.setRelease(states, i, ACQUIRED);
        }
        return i;
    }

    /**
     * Takes a free index, waiting as long as needed.
     *
     * @throws InterruptedException if the thread is interrupted while waiting (no index is taken)
     * @throws IllegalStateException if the pool is not filled yet
     */
    public final int acquire() throws InterruptedException {
        requireFilled();
        int i = tryAcquire();
        return i >= 0 ? i : waiters.await(this, -1L);
    }

    /**
     * Takes a free index, waiting at most {@code timeout}.
     *
     * @return the index, or {@code -1} if none came free in time
     * @throws InterruptedException if the thread is interrupted while waiting (no index is taken)
     * @throws IllegalStateException if the pool is not filled yet
     */
    public final int tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        requireFilled();
        Objects.requireNonNull(unit, "unit");
        int i = tryAcquire();
        if (i >= 0) {
            return i;
        }
        long nanos = unit.toNanos(timeout);
        return nanos <= 0 ? -1 : waiters.await(this, nanos);
    }

    /**
     * Gives {@code index} back.
     *
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code 0 .. capacity()-1}
     * @throws IllegalStateException if {@code index} is not currently acquired (a double release,
     *     or an index never taken); the pool is left exactly as it was
     */
    public final void release(int index) {
        Objects.checkIndex(index, capacity);
        if (!STATE.compareAndSet(states, index, ACQUIRED, FREE)) {
            throw new IllegalStateException("index " + index + " is not acquired: released twice, or never "
                    + "taken from this pool; release only indices returned by acquire/tryAcquire, once each");
        }
        free.offer(index);
        waiters.signal();
    }

    /** Whether {@code index} is currently held by a caller. */
    public final boolean isAcquired(int index) {
        Objects.checkIndex(index, capacity);
        return (int) STATE.getVolatile(states, index) == ACQUIRED;
    }

    /** Free indices right now; exact when no call is in flight, an estimate otherwise. */
    public final int available() {
        return free.size();
    }

    /** Indices held by callers right now; exact when no call is in flight. */
    public final int acquiredCount() {
        return capacity - available();
    }

    private void requireFilled() {
        if (!filled) {
            throw new IllegalStateException("pool is not filled: call fill(...) before using it");
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[capacity=" + capacity + ", available=" + available() + "]";
    }
}
