package dev.iobuf;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One holder's lease on an owner of memory ({@link Leases}): a count of the reasons the kernel may still
 * use that memory (operations in flight, a registration). While the count is above zero the owner
 * refuses to close. {@link #retain()} and {@link #release()} are one atomic add each, allocation-free,
 * safe from any thread; a lease usually belongs to one holder that uses it from one thread.
 *
 * <pre>{@code
 * Lease lease = pool.lease(this);     // once per holder
 * lease.retain();                     // before the kernel gets the address
 * ... submit, later the completion arrives ...
 * lease.release();                    // the kernel is done with it
 * lease.close();                      // the holder is done with the owner for good
 * }</pre>
 */
public final class Lease implements AutoCloseable {
    private static final VarHandle COUNT;

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(Lease.class, "count", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Leases owner;
    private final Object holder;
    @SuppressWarnings("unused") // through COUNT
    private volatile long count;
    private volatile boolean closed;

    Lease(Leases owner, Object holder) {
        this.owner = owner;
        this.holder = holder;
    }

    /**
     * Adds one to the count: the owner cannot close until the matching {@link #release()}.
     *
     * @throws IllegalStateException if the owner is closed (nothing is held), or this lease is closed
     */
    public void retain() {
        if (closed) {
            throw new IllegalStateException("this lease of " + holder + " is closed");
        }
        COUNT.getAndAdd(this, 1L);
        if (owner.closing && owner.closedOnceDecided()) {   // read after the add: see Leases' memory-ordering note
            COUNT.getAndAdd(this, -1L);
            owner.requireOpen();
        }
    }

    /**
     * Takes one from the count.
     *
     * @throws IllegalStateException if the count is already 0 (a release without a retain; nothing changes)
     */
    public void release() {
        long before = (long) COUNT.getAndAdd(this, -1L);
        if (before <= 0) {
            COUNT.getAndAdd(this, 1L);
            throw new IllegalStateException("lease of " + holder + " released more often than retained");
        }
    }

    /** The current count (0: nothing held). */
    public long count() {
        return (long) COUNT.getVolatile(this);
    }

    /** Whether the count is above zero. */
    public boolean isHeld() {
        return count() > 0;
    }

    /** Who holds this lease. */
    public Object holder() {
        return holder;
    }

    /**
     * Gives the lease up for good (the owner forgets it); idempotent.
     *
     * @throws IllegalStateException if it is still held (count above 0): release first
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (count() > 0) {
            throw new IllegalStateException("lease of " + holder + " is still held (" + count() + "): release it first");
        }
        closed = true;
        owner.remove(this);
    }

    @Override
    public String toString() {
        return "Lease[" + holder + ", count=" + count() + (closed ? ", closed" : "") + "]";
    }
}
