package dev.iobuf.uring.net;

import java.util.Arrays;

/**
 * A loop's connection deadlines ({@link Connection#deadline}): a binary min-heap of connections ordered
 * by deadline, each connection holding its own heap index, so setting, moving and clearing a deadline
 * are O(log n) with no allocation (the array grows by doubling, to the loop's connection count at most).
 * The loop arms one kernel timer for the earliest deadline, not one per connection: a server that sets
 * a deadline per request and clears it a moment later pays a few array moves, not two SQEs.
 *
 * <p>Loop thread only.
 */
final class Deadlines {
    private Connection[] heap = new Connection[16];
    private int size;

    /** Whether no connection has a deadline. */
    boolean isEmpty() {
        return size == 0;
    }

    /** Connections with a deadline. */
    int size() {
        return size;
    }

    /** The earliest deadline (System.nanoTime() based); only when not {@link #isEmpty()}. */
    long earliest() {
        return heap[0].deadlineAt;
    }

    /** Sets (or moves) {@code c}'s deadline to {@code at}. */
    void set(Connection c, long at) {
        if (c.deadlineIndex < 0) {
            if (size == heap.length) {
                heap = Arrays.copyOf(heap, size * 2);
            }
            c.deadlineAt = at;
            c.deadlineIndex = size;
            heap[size++] = c;
            up(c.deadlineIndex);
        } else {
            long old = c.deadlineAt;
            c.deadlineAt = at;
            if (at - old < 0) {
                up(c.deadlineIndex);
            } else {
                down(c.deadlineIndex);
            }
        }
    }

    /** Removes {@code c}'s deadline, if it has one. */
    void clear(Connection c) {
        int i = c.deadlineIndex;
        if (i < 0) {
            return;
        }
        c.deadlineIndex = -1;
        Connection last = heap[--size];
        heap[size] = null;
        if (i < size) {
            place(last, i);
            up(i);
            down(last.deadlineIndex);
        }
    }

    /** Removes and returns a connection whose deadline is at or before {@code now}, or {@code null}. */
    Connection pollExpired(long now) {
        if (size == 0 || heap[0].deadlineAt - now > 0) {
            return null;
        }
        Connection c = heap[0];
        clear(c);
        return c;
    }

    private void up(int i) {
        Connection c = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Connection p = heap[parent];
            if (c.deadlineAt - p.deadlineAt >= 0) {
                break;
            }
            place(p, i);
            i = parent;
        }
        place(c, i);
    }

    private void down(int i) {
        Connection c = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && heap[right].deadlineAt - heap[child].deadlineAt < 0) {
                child = right;
            }
            if (heap[child].deadlineAt - c.deadlineAt >= 0) {
                break;
            }
            place(heap[child], i);
            i = child;
        }
        place(c, i);
    }

    private void place(Connection c, int i) {
        heap[i] = c;
        c.deadlineIndex = i;
    }
}
