package dev.iobuf.uring.net;

import java.util.Arrays;

/**
 * An intrusive doubly linked list of slots {@code 0 .. capacity-1} kept in two int arrays: no node
 * objects, O(1) add, remove, membership and move-to-the-end, nothing allocated after construction. A
 * slot is in the list at most once. The loop keeps one per kind of pending work (connections to flush,
 * waiting to write, to resume, starved of buffers, in idle order), indexed by connection slot.
 * Loop thread only.
 */
final class SlotList {
    /** End of the list. */
    static final int NONE = -1;
    /** {@code prev} of a slot that is not in the list. */
    private static final int OUT = -2;

    private final int[] prev;
    private final int[] next;
    private int head = NONE;
    private int tail = NONE;
    private int size;

    SlotList(int capacity) {
        prev = new int[capacity];
        next = new int[capacity];
        Arrays.fill(prev, OUT);
    }

    boolean contains(int slot) {
        return prev[slot] != OUT;
    }

    /** Appends {@code slot} unless it is in the list already; returns whether it was added. */
    boolean addLast(int slot) {
        if (contains(slot)) {
            return false;
        }
        prev[slot] = tail;
        next[slot] = NONE;
        if (tail == NONE) {
            head = slot;
        } else {
            next[tail] = slot;
        }
        tail = slot;
        size++;
        return true;
    }

    /** Removes {@code slot} if it is in the list; returns whether it was. */
    boolean remove(int slot) {
        if (!contains(slot)) {
            return false;
        }
        int p = prev[slot];
        int n = next[slot];
        if (p == NONE) {
            head = n;
        } else {
            next[p] = n;
        }
        if (n == NONE) {
            tail = p;
        } else {
            prev[n] = p;
        }
        prev[slot] = OUT;
        size--;
        return true;
    }

    /** Moves {@code slot}, which must be in the list, to its end. */
    void moveToLast(int slot) {
        if (tail != slot) {
            remove(slot);
            addLast(slot);
        }
    }

    /** The first slot, or {@link #NONE}. */
    int first() {
        return head;
    }

    /** Removes and returns the first slot, or {@link #NONE} when empty. */
    int pollFirst() {
        int slot = head;
        if (slot != NONE) {
            remove(slot);
        }
        return slot;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }
}
