package dev.iobuf.uring;

import java.util.Objects;

/**
 * The resource tags of one ring: the {@code user_data} range they live in, and the routing of their
 * CQEs to the table that set them.
 *
 * <p><b>What a tag is.</b> Each slot that {@link RegisteredBuffers} or {@link RegisteredFiles} fills
 * gets a 64-bit tag (IORING_REGISTER_BUFFERS2 / FILES2 / *_UPDATE with {@code tags}). When the
 * kernel lets go of what the slot held (the slot was replaced, cleared or unregistered, and every
 * request using it has finished), it posts a CQE with {@code user_data = tag}, {@code res = 0},
 * {@code flags = 0}. No SQE asked for that CQE: the ring routes it here itself, so it never reaches a
 * {@link CompletionHandler} or the {@link CompletionCursor}; the table's release listener
 * ({@link RegisteredBuffers#onRelease}) is how to ask for it.
 *
 * <p><b>The reserved range.</b> Tags are {@code 0xFFFE_TTGG_GGGS_SSSS}, encoded with the library's one
 * codec ({@link UserData}): op {@code 0xFFFE} ({@link UserData#RESOURCE_TAG}, {@link #TAG_PREFIX}), then
 * the table id (1..255) in the aux byte, a 20-bit generation (a
 * counter per ring, so that a late tag of a closed table is never mistaken for a fresh one) and a
 * 20-bit slot (registered file tables reach 2^20 slots). <b>Do not submit SQEs whose user_data has
 * {@code 0xFFFE} in its top 16 bits</b>; {@link Ring#CANCEL_ALL_USER_DATA} is outside the range.
 *
 * <p><b>Routing.</b> The ring dispatches every tag CQE it reads ({@link Ring#reap}, the cursor, close)
 * to the table that set the tag, which calls its release listener. {@link #dispatch} and {@link #wrap}
 * remain for completions obtained elsewhere; a handler never sees a tag CQE from the ring.
 *
 * <p>One registry per ring, a field of the ring ({@link #of(Ring)} returns it), closed with it. Like the
 * ring, it is used from the ring's thread.
 */
public final class ResourceTags implements AutoCloseable {
    /** The top 16 bits of every resource tag: {@code 0xFFFE}, the codec's {@link UserData#RESOURCE_TAG} op. */
    public static final long TAG_PREFIX = (long) UserData.RESOURCE_TAG << 48;
    /** Mask selecting the prefix bits of a user_data value. */
    public static final long PREFIX_MASK = 0xFFFF_0000_0000_0000L;

    static final int SLOT_BITS = UserData.SLOT_BITS;
    static final int MAX_SLOTS = 1 << SLOT_BITS;
    private static final int MAX_TABLES = 255;

    private final Ring ring;
    private final ResourceTagTable[] tables = new ResourceTagTable[MAX_TABLES + 1];
    private final boolean[] retired = new boolean[MAX_TABLES + 1];
    private int generation;
    private long strayTags;
    private long dispatched;
    private boolean closed;

    ResourceTags(Ring ring) {
        this.ring = ring;
    }

    /**
     * The registry of {@code ring} (a field of the ring: no lookup, no lock).
     *
     * @throws IllegalStateException if the ring is closed
     */
    public static ResourceTags of(Ring ring) {
        Objects.requireNonNull(ring, "ring");
        ring.ensureOpen();
        return ring.resourceTags();
    }

    // ---------------------------------------------------------------- the encoding

    /** Whether {@code userData} lies in the reserved tag range (top 16 bits {@code 0xFFFE}). */
    public static boolean isTagCompletion(long userData) {
        return UserData.op(userData) == UserData.RESOURCE_TAG;
    }

    /** The table id (1..255) of a tag: the codec's aux byte. */
    public static int tableOf(long tag) {
        return UserData.aux(tag);
    }

    /** The generation of a tag. */
    public static int generationOf(long tag) {
        return UserData.generation(tag);
    }

    /** The table slot of a tag. */
    public static int slotOf(long tag) {
        return UserData.slot(tag);
    }

    static long encode(int table, int generation, int slot) {
        return UserData.of(UserData.RESOURCE_TAG, table, slot, generation);
    }

    /** A fresh tag for {@code slot} of table {@code table}; the generation counter makes it unique for 2^20 tags. */
    long newTag(int table, int slot) {
        generation = (generation + 1) & UserData.GENERATION_MASK;
        return encode(table, generation, slot);
    }

    // ---------------------------------------------------------------- routing

    /**
     * Routes a completion: if it is a tag CQE, tells the table that set the tag (which calls its
     * release listener) and returns {@code true}; otherwise returns {@code false} and does nothing.
     * Testing and routing allocate nothing; the table's bookkeeping of a release boxes the tag once
     * (releases are rare: one per slot change).
     */
    public boolean dispatch(long userData, int result, int flags) {
        if (!isTagCompletion(userData)) {
            return false;
        }
        dispatched++;
        int id = tableOf(userData);
        ResourceTagTable table = id == 0 ? null : tables[id];
        if (table == null) {
            strayTags++;
        } else {
            table.tagReleased(userData);
        }
        return true;
    }

    /** A handler that {@link #dispatch dispatches} tag CQEs and passes every other completion to {@code next}. */
    public CompletionHandler wrap(CompletionHandler next) {
        Objects.requireNonNull(next, "next");
        return (userData, result, flags) -> {
            if (!dispatch(userData, result, flags)) {
                next.complete(userData, result, flags);
            }
        };
    }

    /** Tag CQEs dispatched so far. */
    public long dispatchedTags() {
        return dispatched;
    }

    /** Tag CQEs whose table was unknown (closed long ago, or never ours); diagnostics. */
    public long strayTags() {
        return strayTags;
    }

    // ---------------------------------------------------------------- table ids

    /**
     * Gives {@code table} an id. Prefers a free id; else takes over the id of a closed table still
     * waiting for tags (its late tags then count as stray, never as the new table's).
     *
     * @throws IllegalStateException if 255 tables are open on this ring, or the registry is closed
     */
    int register(ResourceTagTable table) {
        if (closed) {
            throw new IllegalStateException("the ring of this tag registry is closed");
        }
        for (int id = 1; id <= MAX_TABLES; id++) {
            if (tables[id] == null) {
                return claim(id, table);
            }
        }
        for (int id = 1; id <= MAX_TABLES; id++) {
            if (retired[id]) {
                return claim(id, table);
            }
        }
        throw new IllegalStateException("255 registered tables are open on " + ring + ": close some "
                + "(a ring has one buffer table and one file table in the kernel; more objects only add slots)");
    }

    private int claim(int id, ResourceTagTable table) {
        tables[id] = table;
        retired[id] = false;
        return id;
    }

    /** {@code table} closed: its id becomes free once its last tag is back, reusable before if needed. */
    void retire(int id, ResourceTagTable table) {
        if (tables[id] != table) {
            return;
        }
        if (table.pendingReleases() == 0) {
            tables[id] = null;
            retired[id] = false;
        } else {
            retired[id] = true;
        }
    }

    /**
     * Whether unregistering a whole table posts the tag of every slot it held (Linux 6.13, per-slot resource
     * nodes). Before, the unregister waits until no request uses the table and posts no tag for it, so the
     * table releases its slots itself once the call returned.
     */
    static boolean unregisterPostsTags() {
        return Kernel.atLeast("6.13");
    }

    /** Called by a retired table when its last pending tag came back. */
    void drained(int id, ResourceTagTable table) {
        if (tables[id] == table && retired[id]) {
            tables[id] = null;
            retired[id] = false;
        }
    }

    /** Tags handed to the kernel by this ring's tables whose CQE has not come yet (open and closed tables). */
    int pendingReleases() {
        int n = 0;
        for (int id = 1; id <= MAX_TABLES; id++) {
            if (tables[id] != null) {
                n += tables[id].pendingReleases();
            }
        }
        return n;
    }

    /** Closes this registry (the ring is closing): no table can register any more. */
    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        int open = 0;
        for (int id = 1; id <= MAX_TABLES; id++) {
            open += tables[id] != null && !retired[id] ? 1 : 0;
        }
        return "ResourceTags[" + ring + ", tables=" + open + ", dispatched=" + dispatched + ", stray=" + strayTags + "]";
    }
}
