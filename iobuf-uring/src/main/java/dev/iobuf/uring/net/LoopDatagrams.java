package dev.iobuf.uring.net;

import java.util.Arrays;

/**
 * A loop's UDP endpoints, on any transport: their slots, the end-of-turn pass that sends what the turn queued
 * ({@link #flush}: only the endpoints marked {@link #dirty}), and the shutdown steps over all of them. The
 * io_uring transport's {@link Datagrams} adds the completion dispatch; the NIO transport uses this as it is.
 * Loop thread only.
 */
class LoopDatagrams {
    private final LoopCounters counters;
    LoopDatagramEndpoint[] endpoints = new LoopDatagramEndpoint[2];
    private boolean[] dirty = new boolean[2];
    private boolean anyDirty;
    private int open;

    LoopDatagrams(LoopCounters counters) {
        this.counters = counters;
    }

    /** Endpoints not yet closed. */
    final int open() {
        return open;
    }

    /** A free slot (the tables grow when full). */
    int freeSlot() {
        int slot = 0;
        while (slot < endpoints.length && endpoints[slot] != null) {
            slot++;
        }
        if (slot == endpoints.length) {
            endpoints = Arrays.copyOf(endpoints, slot * 2);
            dirty = Arrays.copyOf(dirty, slot * 2);
        }
        return slot;
    }

    /** {@code e} attached in {@code slot}. */
    final void added(int slot, LoopDatagramEndpoint e) {
        endpoints[slot] = e;
        open++;
    }

    /** Endpoint {@code slot} has work for the end of the turn. */
    final void dirty(int slot) {
        dirty[slot] = true;
        anyDirty = true;
    }

    /** End of the turn: each endpoint with work sends (before the loop waits for events again). */
    final void flush() {
        if (!anyDirty) {
            return;
        }
        anyDirty = false;
        for (int slot = 0; slot < endpoints.length; slot++) {
            if (dirty[slot]) {
                dirty[slot] = false;
                LoopDatagramEndpoint e = endpoints[slot];
                if (e != null && e.flush()) {
                    dirty(slot);
                }
            }
        }
    }

    final void fdClosed() {
        counters.fdsClosed++;
    }

    /** Endpoint {@code slot} finished. */
    void removed(int slot, LoopDatagramEndpoint e) {
        endpoints[slot] = null;
        dirty[slot] = false;
        open--;
    }

    /** Shutdown: every endpoint starts closing. */
    final void stopAll() {
        for (LoopDatagramEndpoint e : endpoints) {
            if (e != null) {
                e.beginClose();
            }
        }
    }

    /** The loop failed (or ends): every socket closed directly. */
    final void closeAbruptly() {
        for (LoopDatagramEndpoint e : endpoints.clone()) {
            if (e != null) {
                e.closeAbruptly();
            }
        }
    }
}
