package dev.iobuf.uring.net;

import dev.iobuf.uring.Ring;
import dev.iobuf.uring.UserData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A loop's UDP endpoints: the owner of the DGRAM_* completions (one lookup by slot and generation, then
 * {@link UringDatagramEndpoint#complete}), and the end-of-turn pass that sends what the turn queued
 * ({@link #flush}). Each endpoint has its own provided-buffer group, numbered from {@value #FIRST_GROUP} by slot
 * (group 0 is the loop's stream receive group). Loop thread only.
 */
final class Datagrams {
    /** Buffer group of the endpoint in slot 0; slot s uses {@code FIRST_GROUP + s}. */
    static final int FIRST_GROUP = 0x100;

    /** The user_data of a send batch ({@code aux}); made once per endpoint, so calling it allocates nothing. */
    interface UserDataOf {
        long of(int aux);
    }

    private final Ring ring;
    private final LoopCounters counters;
    private UringDatagramEndpoint[] endpoints = new UringDatagramEndpoint[2];
    private int[] generations = new int[2];
    private boolean[] dirty = new boolean[2];
    private boolean anyDirty;
    private int open;
    private long stale;
    /** Closed endpoints whose receive pools wait for the ring's end (the kernel may hold a buffer until then). */
    private final List<UringDatagramEndpoint> retired = new ArrayList<>();

    Datagrams(Ring ring, LoopCounters counters) {
        this.ring = ring;
        this.counters = counters;
    }

    /** Endpoints not yet closed. */
    int open() {
        return open;
    }

    /** Completions that named no live endpoint. */
    long stale() {
        return stale;
    }

    /**
     * Takes {@code e} on: a slot, a buffer group, its receive armed.
     *
     * @throws RuntimeException what attaching threw (the endpoint closed its fd then)
     */
    void add(UringDatagramEndpoint e) {
        int slot = 0;
        while (slot < endpoints.length && endpoints[slot] != null) {
            slot++;
        }
        if (slot == endpoints.length) {
            endpoints = Arrays.copyOf(endpoints, slot * 2);
            generations = Arrays.copyOf(generations, slot * 2);
            dirty = Arrays.copyOf(dirty, slot * 2);
        }
        if (slot > UserData.MAX_SLOT || FIRST_GROUP + slot > 0xFFFF) {
            throw new IllegalStateException("too many UDP endpoints on one loop: close some first");
        }
        generations[slot] = UserData.next(generations[slot]);
        e.attach(this, ring, slot, generations[slot], FIRST_GROUP + slot, counters);
        endpoints[slot] = e;
        open++;
    }

    /** A completion of an endpoint's op: one lookup, then the endpoint's part. */
    void complete(int op, long userData, int result, int flags) {
        int slot = UserData.slot(userData);
        UringDatagramEndpoint e = slot < endpoints.length ? endpoints[slot] : null;
        if (e == null || generations[slot] != UserData.generation(userData)) {
            stale++;            // cannot carry a buffer: an endpoint's slot is freed only after its last completion
            return;
        }
        e.complete(op, UserData.aux(userData), result, flags);
    }

    /** Endpoint {@code slot} has work for the end of the turn. */
    void dirty(int slot) {
        dirty[slot] = true;
        anyDirty = true;
    }

    /** End of the turn: each endpoint with work sends, re-arms and publishes (before the loop enters the kernel). */
    void flush() {
        if (!anyDirty) {
            return;
        }
        anyDirty = false;
        for (int slot = 0; slot < endpoints.length; slot++) {
            if (dirty[slot]) {
                dirty[slot] = false;
                UringDatagramEndpoint e = endpoints[slot];
                if (e != null && e.flush()) {
                    dirty(slot);
                }
            }
        }
    }

    void fdClosed() {
        counters.fdsClosed++;
    }

    /** Endpoint {@code slot} finished; its pool is closed with the loop. */
    void removed(int slot, UringDatagramEndpoint e) {
        endpoints[slot] = null;
        dirty[slot] = false;
        open--;
        retire(e);
    }

    /** {@code e}'s receive pool is closed with the loop. */
    void retire(UringDatagramEndpoint e) {
        retired.add(e);
    }

    /** Shutdown: every endpoint starts closing. */
    void stopAll() {
        for (UringDatagramEndpoint e : endpoints) {
            if (e != null) {
                e.beginClose();
            }
        }
    }

    /** The loop failed: every socket closed directly. */
    void closeAbruptly() {
        for (UringDatagramEndpoint e : endpoints.clone()) {
            if (e != null) {
                e.closeAbruptly();
            }
        }
    }

    /** After the ring closed (nothing can touch the buffers now): every endpoint's memory and pool freed. */
    void close() {
        closeAbruptly();
        for (UringDatagramEndpoint e : retired) {
            e.freeMemory();
            e.closeReceivePool();
        }
        retired.clear();
    }
}
