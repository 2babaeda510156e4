package dev.iobuf;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The leases on one owner of memory that the kernel may touch (a {@link BufferPool} and its slab, or any
 * other owner that frees memory on close): while a lease is held, the owner refuses to free the memory.
 *
 * <p><b>Why.</b> An address handed to the kernel (a read buffer, a registered buffer table, a
 * provided-buffer ring) is used by the kernel until the operation completes or the registration is
 * undone, independently of Java. If the owner freed the memory before that, the kernel would write into
 * memory that a later allocation owns: silent corruption or a crash. So whoever hands the memory to the
 * kernel takes a {@link Lease} first and releases it only once the kernel is done with it.
 *
 * <p><b>Close refuses; it does not wait.</b> {@link #close()} with a held lease throws
 * {@link IllegalStateException} naming every holder (its {@code toString()}) and leaves the owner open:
 * the caller finishes or cancels the work of those holders (reap the completions, close the ring or the
 * registration) and closes again. Refusing was chosen over waiting because the holders usually live on
 * the caller's own thread (an io_uring ring is driven by one thread): a close that waited would wait for
 * completions that only the waiting thread could reap. Refusal is immediate, names the culprit, and keeps
 * the memory valid, never a hang.
 *
 * <p><b>Cost.</b> {@link #open} (one per holder, e.g. per ring and pool, or per registration) allocates
 * and takes a lock; {@link Lease#retain()} and {@link Lease#release()} are one atomic add each and
 * allocate nothing, so a ring can lease a buffer per operation.
 *
 * <p><b>Memory ordering.</b> {@code retain} adds to its count and then reads {@code closing}; {@code close}
 * writes {@code closing} and then reads every count (all volatile / atomic, hence sequentially consistent):
 * either the retain sees {@code closing} or the close sees the lease. A retain that sees {@code closing} waits
 * for the close's decision (the monitor it checks under) and backs out only if the close succeeded: a close
 * that succeeded did not see the lease. So a close that is refused fails no retain racing with it (an
 * operation on another thread never sees a pool "closing" that stays open), and a retain never returns
 * without its count.
 */
public final class Leases {
    private final Object owner;
    private final List<Lease> open = new ArrayList<>();
    /** Set while {@link #close()} checks the leases, and for good once it succeeded. */
    volatile boolean closing;
    private volatile boolean closed;

    /**
     * Leases on {@code owner}, which is named ({@code toString()}) in messages.
     *
     * @throws NullPointerException if {@code owner} is null
     */
    public Leases(Object owner) {
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    /**
     * A new lease for {@code holder} (named by its {@code toString()} when it blocks a close), not held yet:
     * call {@link Lease#retain()} before handing memory to the kernel. Allocates; not for the I/O path.
     *
     * @throws IllegalStateException if the owner is closed
     */
    public synchronized Lease open(Object holder) {
        Objects.requireNonNull(holder, "holder");
        requireOpen();
        Lease lease = new Lease(this, holder);
        open.add(lease);
        return lease;
    }

    synchronized void remove(Lease lease) {
        open.remove(lease);
    }

    /**
     * Marks the owner closed if no lease is held; afterwards every {@code retain} and {@code open} throws.
     * Idempotent.
     *
     * @throws IllegalStateException naming each holder and its count if a lease is held; the owner stays
     *     open (finish or cancel the holders' work, then close again)
     */
    public synchronized void close() {
        if (closed) {
            return;
        }
        closing = true;   // volatile write, then the count reads: see the class comment
        StringBuilder held = null;
        for (Lease lease : open) {
            long n = lease.count();
            if (n > 0) {
                held = held == null ? new StringBuilder() : held.append("; ");
                held.append(lease.holder()).append(" (").append(n).append(n == 1 ? " lease)" : " leases)");
            }
        }
        if (held != null) {
            closing = false;
            throw new IllegalStateException("cannot close " + owner + ": the kernel may still use its memory, leased by "
                    + held + ". Reap or cancel their operations (or close the ring / registration that holds it), "
                    + "then close again");
        }
        closed = true;
    }

    /**
     * Whether the owner is closed, once a {@link #close()} in progress has decided: {@code close} checks the
     * counts and clears {@code closing} on refusal under this monitor. Taken only by a retain that saw
     * {@code closing}.
     */
    synchronized boolean closedOnceDecided() {
        return closed;
    }

    /** Whether {@link #close()} succeeded. */
    public boolean isClosed() {
        return closed;
    }

    /** Leases currently held (count above 0); 0 means the owner may be freed. */
    public synchronized int heldCount() {
        int n = 0;
        for (Lease lease : open) {
            n += lease.count() > 0 ? 1 : 0;
        }
        return n;
    }

    /** The sum of all lease counts (operations or registrations in flight); diagnostics and tests. */
    public synchronized long totalCount() {
        long n = 0;
        for (Lease lease : open) {
            n += lease.count();
        }
        return n;
    }

    /** Leases opened and not yet closed, held or not. */
    public synchronized int openCount() {
        return open.size();
    }

    void requireOpen() {
        if (closing) {
            throw new IllegalStateException(owner + " is closed (or closing): its memory cannot be leased any more");
        }
    }

    @Override
    public String toString() {
        return "Leases[" + owner + ", held=" + heldCount() + (closed ? ", closed" : "") + "]";
    }
}
