package dev.iobuf.uring.net;

import dev.iobuf.liburing.Errno;
import dev.iobuf.uring.UserData;
import java.util.Arrays;

/**
 * The timers of a {@link NioEventLoop}: the same ids and task table as {@link Timers}, kept in a binary
 * min-heap by due time instead of one IORING_OP_TIMEOUT each. The loop asks how long it may block
 * ({@link #millisUntilNext}) and runs what is due after each select ({@link #runDue}). Arming and
 * disarming allocate nothing once the arrays have grown to the peak number of timers. Loop thread only.
 */
final class NioTimers extends Timers {
    private static final int TIMER_EXPIRED = -Errno.ETIME.number();

    /** Timer slots in heap order (by {@link #due}). */
    private int[] heap = new int[16];
    /** Where each slot sits in {@link #heap}, or -1. */
    private int[] position = filled(16);
    /** Due time (System.nanoTime) per slot. */
    private long[] due = new long[16];
    private int count;

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    @Override
    long arm(long nanos, Runnable task) {
        long id = add(task);
        int slot = UserData.slot(id);
        ensure(slot + 1);
        long now = System.nanoTime();
        due[slot] = nanos > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + nanos;
        heap[count] = slot;
        position[slot] = count;
        up(count++);
        return id;
    }

    @Override
    boolean disarm(long id) {
        if (!cancel(id)) {
            return false;
        }
        int slot = UserData.slot(id);
        removeAt(position[slot]);
        complete(id);               // no kernel timeout to wait for: the slot is free at once
        return true;
    }

    /** Milliseconds the loop may block in select: 0 (block until woken) when no timer is armed, else at least 1. */
    long millisUntilNext(long now) {
        if (count == 0) {
            return 0;
        }
        long wait = due[heap[0]] - now;
        return wait <= 0 ? -1 : Math.max(1, (wait + 999_999) / 1_000_000);
    }

    /** Runs every timer due at {@code now}, earliest first (each is removed before its task runs). */
    void runDue(long now) {
        while (count > 0 && due[heap[0]] - now <= 0) {
            int slot = heap[0];
            removeAt(0);
            fired(idOf(slot), TIMER_EXPIRED);
        }
    }

    private long idOf(int slot) {
        return UserData.of(Op.TIMER, 0, slot, generationOf(slot));
    }

    @Override
    void clear() {
        count = 0;
        Arrays.fill(position, -1);
        super.clear();
    }

    private void ensure(int slots) {
        if (slots > due.length) {
            int n = Math.max(slots, due.length * 2);
            heap = Arrays.copyOf(heap, n);
            due = Arrays.copyOf(due, n);
            int old = position.length;
            position = Arrays.copyOf(position, n);
            Arrays.fill(position, old, n, -1);
        }
    }

    private void removeAt(int i) {
        int slot = heap[i];
        position[slot] = -1;
        count--;
        if (i == count) {
            return;
        }
        int last = heap[count];
        heap[i] = last;
        position[last] = i;
        up(i);
        down(position[last]);
    }

    private void up(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (due[heap[parent]] - due[heap[i]] <= 0) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void down(int i) {
        while (true) {
            int l = 2 * i + 1;
            if (l >= count) {
                return;
            }
            int r = l + 1;
            int min = r < count && due[heap[r]] - due[heap[l]] < 0 ? r : l;
            if (due[heap[i]] - due[heap[min]] <= 0) {
                return;
            }
            swap(i, min);
            i = min;
        }
    }

    private void swap(int a, int b) {
        int sa = heap[a];
        int sb = heap[b];
        heap[a] = sb;
        heap[b] = sa;
        position[sb] = a;
        position[sa] = b;
    }
}
