package dev.iobuf.uring.net;

import dev.iobuf.uring.Ring;
import dev.iobuf.uring.UserData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A loop's UDP endpoints on io_uring ({@link LoopDatagrams}: slots, the end-of-turn flush, shutdown): the owner
 * of the DGRAM_* completions (one lookup by slot and generation, then
 * {@link UringDatagramEndpoint#complete}). Each endpoint has its own provided-buffer group, numbered from {@value #FIRST_GROUP} by slot
 * (group 0 is the loop's stream receive group). Loop thread only.
 */
final class Datagrams extends LoopDatagrams {
    /** Buffer group of the endpoint in slot 0; slot s uses {@code FIRST_GROUP + s}. */
    static final int FIRST_GROUP = 0x100;

    /** The user_data of a send batch ({@code aux}); made once per endpoint, so calling it allocates nothing. */
    interface UserDataOf {
        long of(int aux);
    }

    private final Ring ring;
    private final LoopCounters counters;
    private int[] generations = new int[2];
    private long stale;
    /** Closed endpoints whose receive pools wait for the ring's end (the kernel may hold a buffer until then). */
    private final List<UringDatagramEndpoint> retired = new ArrayList<>();

    Datagrams(Ring ring, LoopCounters counters) {
        super(counters);
        this.ring = ring;
        this.counters = counters;
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
        int slot = freeSlot();
        if (slot >= generations.length) {
            generations = Arrays.copyOf(generations, endpoints.length);
        }
        if (slot > UserData.MAX_SLOT || FIRST_GROUP + slot > 0xFFFF) {
            throw new IllegalStateException("too many UDP endpoints on one loop: close some first");
        }
        generations[slot] = UserData.next(generations[slot]);
        e.attach(this, ring, slot, generations[slot], FIRST_GROUP + slot, counters);
        added(slot, e);
    }

    /** A completion of an endpoint's op: one lookup, then the endpoint's part. */
    void complete(int op, long userData, int result, int flags) {
        int slot = UserData.slot(userData);
        UringDatagramEndpoint e = slot < endpoints.length ? (UringDatagramEndpoint) endpoints[slot] : null;
        if (e == null || generations[slot] != UserData.generation(userData)) {
            stale++;            // cannot carry a buffer: an endpoint's slot is freed only after its last completion
            return;
        }
        e.complete(op, UserData.aux(userData), result, flags);
    }

    /** Endpoint {@code slot} finished; its pool is closed with the loop. */
    @Override
    void removed(int slot, LoopDatagramEndpoint e) {
        super.removed(slot, e);
        retire((UringDatagramEndpoint) e);
    }

    /** {@code e}'s receive pool is closed with the loop. */
    void retire(UringDatagramEndpoint e) {
        retired.add(e);
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
