package dev.iobuf.uring.net;

import java.util.Arrays;

/**
 * A loop's connection deadlines ({@link Connection#deadline}): a binary min-heap of connection slots
 * ordered by deadline, with each slot's heap position and deadline in arrays indexed by slot, so setting,
 * moving and clearing a deadline are O(log n) array moves and nothing allocates (sized once, for the
 * loop's connection table). {@link TurnWork} arms one kernel timer for the earliest deadline, not one per
 * connection: a server that sets a deadline per request and clears it a moment later pays a few array
 * moves, not two SQEs. Deadlines are System.nanoTime() values, compared by difference. Loop thread only.
 */
final class Deadlines {
    private final int[] heap;
    private final int[] position;
    private final long[] at;
    private int size;

    /** For slots {@code 0 .. slots-1}. */
    Deadlines(int slots) {
        heap = new int[slots];
        position = new int[slots];
        at = new long[slots];
        Arrays.fill(position, -1);
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Slots with a deadline. */
    int size() {
        return size;
    }

    /** Whether {@code slot} has a deadline. */
    boolean has(int slot) {
        return position[slot] >= 0;
    }

    /** The earliest deadline; only when not {@link #isEmpty()}. */
    long earliest() {
        return at[heap[0]];
    }

    /** Sets (or moves) the deadline of {@code slot} to {@code deadline}. */
    void set(int slot, long deadline) {
        int i = position[slot];
        if (i < 0) {
            at[slot] = deadline;
            place(slot, size++);
            up(size - 1);
        } else {
            long old = at[slot];
            at[slot] = deadline;
            if (deadline - old < 0) {
                up(i);
            } else {
                down(i);
            }
        }
    }

    /** Removes the deadline of {@code slot}, if it has one. */
    void clear(int slot) {
        int i = position[slot];
        if (i < 0) {
            return;
        }
        position[slot] = -1;
        int last = heap[--size];
        if (i < size) {
            place(last, i);
            up(i);
            down(position[last]);
        }
    }

    /** Removes and returns a slot whose deadline is at or before {@code now}, or -1. */
    int pollExpired(long now) {
        if (size == 0 || at[heap[0]] - now > 0) {
            return -1;
        }
        int slot = heap[0];
        clear(slot);
        return slot;
    }

    private void up(int i) {
        int slot = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (at[slot] - at[heap[parent]] >= 0) {
                break;
            }
            place(heap[parent], i);
            i = parent;
        }
        place(slot, i);
    }

    private void down(int i) {
        int slot = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && at[heap[right]] - at[heap[child]] < 0) {
                child = right;
            }
            if (at[heap[child]] - at[slot] >= 0) {
                break;
            }
            place(heap[child], i);
            i = child;
        }
        place(slot, i);
    }

    private void place(int slot, int i) {
        heap[i] = slot;
        position[slot] = i;
    }
}
