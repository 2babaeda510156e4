package dev.iobuf.uring.net;

import dev.iobuf.uring.UserData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The loop's connections by slot, with a generation per slot: a completion names (slot, generation) in
 * its user_data and {@link #get} returns the connection only if the slot still holds the same one. A slot
 * is freed only after its connection's last operation completed (the close of its fd), so a lookup
 * miss means a bug or a foreign CQE, never a lost completion. Loop thread only; no allocation after
 * construction.
 */
final class ConnectionTable {
    private final Connection[] slots;
    private final int[] generation;
    private final int[] free;
    private int freeCount;
    /** One past the highest slot ever handed out: slots from there on were never used. */
    private int highWater;

    ConnectionTable(int capacity) {
        if (capacity < 1 || capacity > UserData.MAX_SLOT) {
            throw new IllegalArgumentException("maxConnections must be in 1 .. " + UserData.MAX_SLOT + ", got " + capacity);
        }
        slots = new Connection[capacity];
        generation = new int[capacity];
        Arrays.fill(generation, 1);
        free = new int[capacity];
        for (int i = 0; i < capacity; i++) {
            free[i] = capacity - 1 - i;       // hand out slot 0 first: scratch pages are touched in order
        }
        freeCount = capacity;
    }

    /** Puts {@code c} in a free slot and sets its slot and generation; false when the table is full. */
    boolean add(Connection c) {
        if (freeCount == 0) {
            return false;
        }
        int slot = free[--freeCount];
        slots[slot] = c;
        highWater = Math.max(highWater, slot + 1);
        c.slot = slot;
        c.generation = generation[slot];
        return true;
    }

    /** The connection a completion's user_data names, or {@code null} if that slot moved on. */
    Connection get(long userData) {
        int slot = UserData.slot(userData);
        if (slot >= slots.length || generation[slot] != UserData.generation(userData)) {
            return null;
        }
        return slots[slot];
    }

    /** The connection in {@code slot} (a live one: the caller took the slot from a list of live ones). */
    Connection at(int slot) {
        return slots[slot];
    }

    void remove(Connection c) {
        int slot = c.slot;
        if (slots[slot] != c) {
            throw new IllegalStateException("connection " + c + " is not in slot " + slot);
        }
        slots[slot] = null;
        generation[slot] = UserData.next(generation[slot]);
        free[freeCount++] = slot;
    }

    int size() {
        return slots.length - freeCount;
    }

    int capacity() {
        return slots.length;
    }

    /** One past the highest slot ever handed out (slots are handed out lowest first, freed ones again first). */
    int highWater() {
        return highWater;
    }

    /** A copy of the live connections (shutdown and diagnostics only: allocates). */
    List<Connection> snapshot() {
        List<Connection> list = new ArrayList<>(size());
        for (Connection c : slots) {
            if (c != null) {
                list.add(c);
            }
        }
        return list;
    }
}
