package dev.iobuf.uring.net;

import dev.iobuf.liburing.Errno;
import dev.iobuf.uring.Ring;
import dev.iobuf.uring.UserData;
import java.util.Arrays;

/**
 * The loop's timers: a table of tasks indexed by slot, each armed as one IORING_OP_TIMEOUT whose
 * user_data names slot and generation (the timer id handed to the caller). A slot is held from arming
 * until the timeout's completion arrives (expired: {@code -ETIME}; removed: {@code -ECANCELED}), so an
 * id is never reused while the kernel may still complete it; cancelling clears the task at once so it
 * cannot run even if the expiry is already on its way. Grows by doubling; loop thread only.
 */
sealed class Timers permits NioTimers {
    private static final System.Logger LOG = System.getLogger(Timers.class.getName());
    private Ring ring;
    private Runnable[] tasks = new Runnable[16];
    private int[] generation = new int[16];
    private boolean[] held = new boolean[16];
    private int[] free = new int[16];
    private int freeCount;
    private int size;

    Timers() {
        Arrays.fill(generation, 1);
        for (int i = 0; i < free.length; i++) {
            free[i] = free.length - 1 - i;
        }
        freeCount = free.length;
    }

    /** The ring the timeouts go to (set once the loop made it). */
    void use(Ring r) {
        this.ring = r;
    }

    /** Arms {@code task} to run after {@code nanos}; returns the timer's id. */
    long arm(long nanos, Runnable task) {
        long id = add(task);
        ring.nextSqe().timeoutNanos(nanos, 0, 0).userData(id);
        return id;
    }

    /** Disarms timer {@code id} and removes its timeout; false if it was not pending. */
    boolean disarm(long id) {
        if (!cancel(id)) {
            return false;
        }
        ring.nextSqe().timeoutRemove(id).userData(UserData.of(Op.TIMER_REMOVE, 0, 0, 0));
        return true;
    }

    /** Disarms every pending timer (shutdown). */
    void disarmAll() {
        for (long id : armedIds()) {
            disarm(id);
        }
    }

    /** A timeout completed: runs its task if it expired ({@code -ETIME}) and was not cancelled. */
    void fired(long userData, int result) {
        Runnable task = complete(userData);
        if (task != null && Errno.ETIME.is(result)) {
            runGuarded(task, "a timer task");
        }
    }

    /** {@code d} in nanoseconds, saturated; a negative delay is refused. */
    static long toNanos(java.time.Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("delay must be >= 0, got " + d);
        }
        return d.getSeconds() >= Long.MAX_VALUE / 1_000_000_000L ? Long.MAX_VALUE : d.toNanos();
    }

    /** Runs {@code task}, logging what it throws; a VirtualMachineError goes on (the loop cannot either). */
    static void runGuarded(Runnable task, String what) {
        try {
            task.run();
        } catch (Throwable t) {
            LoopLog.log(LOG, System.Logger.Level.WARNING, what + " on an event loop threw", t);
            if (t instanceof VirtualMachineError e) {
                throw e;
            }
        }
    }

    /** Reserves a slot for {@code task}; returns the timer's user_data (its id). */
    long add(Runnable task) {
        if (freeCount == 0) {
            grow();
        }
        int slot = free[--freeCount];
        tasks[slot] = task;
        held[slot] = true;
        size++;
        return UserData.of(Op.TIMER, 0, slot, generation[slot]);
    }

    private void grow() {
        int old = tasks.length;
        if (old >= UserData.MAX_SLOT) {
            throw new IllegalStateException("too many timers pending (" + old + "): cancel some");
        }
        int n = old * 2;
        tasks = Arrays.copyOf(tasks, n);
        generation = Arrays.copyOf(generation, n);
        Arrays.fill(generation, old, n, 1);
        held = Arrays.copyOf(held, n);
        free = Arrays.copyOf(free, n);
        for (int i = n - 1; i >= old; i--) {
            free[freeCount++] = i;
        }
    }

    /** The current generation of {@code slot} (part of its timer id). */
    int generationOf(int slot) {
        return generation[slot];
    }

    private boolean slotHeld(int slot) {
        return held[slot];
    }

    /**
     * Disarms timer {@code id} so that it will not run.
     *
     * @return true if it was armed and not yet fired or cancelled (the caller then removes the timeout)
     */
    boolean cancel(long id) {
        int slot = UserData.slot(id);
        if (UserData.op(id) != Op.TIMER || slot >= tasks.length || generation[slot] != UserData.generation(id)
                || tasks[slot] == null) {
            return false;
        }
        tasks[slot] = null;
        return true;
    }

    /**
     * The timeout of {@code id} completed: frees its slot and returns its task, or {@code null} if it
     * was cancelled (or is unknown).
     */
    Runnable complete(long id) {
        int slot = UserData.slot(id);
        if (slot >= tasks.length || generation[slot] != UserData.generation(id) || !slotHeld(slot)) {
            return null;
        }
        Runnable task = tasks[slot];
        tasks[slot] = null;
        held[slot] = false;
        generation[slot] = UserData.next(generation[slot]);
        free[freeCount++] = slot;
        size--;
        return task;
    }

    /** Ids of every timer that is armed and will run (for shutdown). */
    long[] armedIds() {
        long[] ids = new long[size];
        int n = 0;
        for (int slot = 0; slot < tasks.length; slot++) {
            if (tasks[slot] != null) {
                ids[n++] = UserData.of(Op.TIMER, 0, slot, generation[slot]);
            }
        }
        return Arrays.copyOf(ids, n);
    }

    /** Slots held: timers armed, or cancelled and awaiting their completion. */
    int size() {
        return size;
    }

    /** Forgets every timer (the ring is gone, no completion will come). */
    void clear() {
        for (int slot = 0; slot < tasks.length; slot++) {
            if (held[slot]) {
                complete(UserData.of(Op.TIMER, 0, slot, generation[slot]));
            }
        }
    }
}
