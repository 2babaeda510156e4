package dev.iobuf.uring.file;

/**
 * How long a ring thread busy-waits ({@link Thread#onSpinWait}) for new work before it sleeps, adapted
 * to whether waiting paid off. Callers woken by the completions just reaped often submit again within
 * microseconds: catching that saves their wake-up call (an unpark or an eventfd write) and the ring
 * thread's own wake-up. When they do not come back in time (one caller, slow devices, a loaded machine)
 * the spin is pure CPU, so the window halves after each miss and doubles after each hit, between
 * {@link #MIN_NANOS} and {@link #MAX_NANOS}.
 *
 * <p>Spinning, not {@code Thread.yield()}: a yielding thread on a busy machine gives its time slice to
 * any other process and comes back milliseconds later, while the waiting callers depend on it; a
 * thread that sleeps in the kernel and is woken gets scheduled promptly. Ring thread only.
 */
final class IdleSpin {
    static final long MIN_NANOS = 500;
    static final long MAX_NANOS = 20_000;
    private long window = 4_000;

    /** The current window in nanoseconds. */
    long window() {
        return window;
    }

    /** The last spin found work: wait longer next time. */
    void hit() {
        window = Math.min(MAX_NANOS, window * 2);
    }

    /** The last spin ended empty-handed: wait less next time. */
    void miss() {
        window = Math.max(MIN_NANOS, window / 2);
    }
}
