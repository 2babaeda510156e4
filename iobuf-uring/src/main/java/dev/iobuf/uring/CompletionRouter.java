package dev.iobuf.uring;

/**
 * Maps {@code user_data} back to a handler with one array lookup, without allocation: register a
 * handler once, get a token, and put {@code userData(token, tag)} in each SQE; the router, used as the
 * ring's {@link CompletionHandler} (or fed from a {@link CompletionCursor}), calls the handler with the
 * completion.
 *
 * <p>user_data layout (64 bits): {@code 0 | generation (23) | slot (24) | tag (16)}. The slot indexes the
 * handler table; the generation changes each time a slot is unregistered, so a completion that arrives
 * for an unregistered handler, or for a handler registered later in the same slot, is recognised as
 * stale and goes to the stale handler instead of the wrong object. The tag is the caller's (an
 * operation kind, a buffer index...). Generation 0 is never issued, so user_data 0 (and any value
 * whose slot exceeds the capacity, such as {@link Ring#CANCEL_ALL_USER_DATA}) is always stale.
 *
 * <p>Not thread-safe: use it on the ring's thread, like the ring.
 */
public final class CompletionRouter implements CompletionHandler {
    /** Bits for the caller's tag. */
    public static final int TAG_BITS = 16;
    /** Largest tag. */
    public static final int MAX_TAG = (1 << TAG_BITS) - 1;
    /** Largest capacity (slots). */
    public static final int MAX_CAPACITY = 1 << 20;
    private static final int SLOT_BITS = 24;
    private static final int SLOT_MASK = (1 << SLOT_BITS) - 1;
    private static final int GENERATION_SHIFT = TAG_BITS + SLOT_BITS;
    /** 23 bits, not 24: the top 16 bits of user_data then never read 0xFFFE, the resource-tag range. */
    private static final int GENERATION_MASK = (1 << 23) - 1;

    private final CompletionHandler[] handlers;
    private final int[] generations;
    private final int[] freeSlots;
    private int freeCount;
    private final CompletionHandler onStale;
    private long staleCount;

    /** A router for up to {@code capacity} handlers; stale completions are counted and dropped. */
    public CompletionRouter(int capacity) {
        this(capacity, (userData, result, flags) -> { });
    }

    /**
     * A router for up to {@code capacity} handlers ({@code 1 .. 2^20}) that passes stale completions to
     * {@code onStale} (and counts them).
     */
    public CompletionRouter(int capacity, CompletionHandler onStale) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity must be in 1 .. " + MAX_CAPACITY + ", got " + capacity);
        }
        if (onStale == null) {
            throw new NullPointerException("onStale");
        }
        this.handlers = new CompletionHandler[capacity];
        this.generations = new int[capacity];
        this.freeSlots = new int[capacity];
        for (int i = 0; i < capacity; i++) {
            generations[i] = 1;
            freeSlots[i] = capacity - 1 - i;   // hand out slot 0 first
        }
        this.freeCount = capacity;
        this.onStale = onStale;
    }

    /**
     * Registers {@code handler}; the returned token stays valid until {@link #unregister}.
     *
     * @throws IllegalStateException when every slot is taken
     */
    public long register(CompletionHandler handler) {
        if (handler == null) {
            throw new NullPointerException("handler");
        }
        if (freeCount == 0) {
            throw new IllegalStateException("all " + handlers.length + " handler slots are registered: "
                    + "unregister some or build a larger CompletionRouter");
        }
        int slot = freeSlots[--freeCount];
        handlers[slot] = handler;
        return ((long) generations[slot] << GENERATION_SHIFT) | ((long) slot << TAG_BITS);
    }

    /**
     * Unregisters the handler of {@code token}; completions still carrying it become stale.
     *
     * @throws IllegalArgumentException if the token is not registered (already unregistered, or foreign)
     */
    public void unregister(long token) {
        int slot = liveSlot(token);
        if (slot < 0) {
            throw new IllegalArgumentException("token 0x" + Long.toHexString(token) + " is not registered "
                    + "(unregistered already, or not from this router)");
        }
        handlers[slot] = null;
        int next = (generations[slot] + 1) & GENERATION_MASK;
        generations[slot] = next == 0 ? 1 : next;
        freeSlots[freeCount++] = slot;
    }

    /** Whether {@code tokenOrUserData} refers to a registered handler (the tag bits are ignored). */
    public boolean isLive(long tokenOrUserData) {
        return liveSlot(tokenOrUserData) >= 0;
    }

    /** The registered handler for {@code userData}, or {@code null} when it is stale. */
    public CompletionHandler handlerFor(long userData) {
        int slot = liveSlot(userData);
        return slot < 0 ? null : handlers[slot];
    }

    /**
     * The user_data for an operation of {@code token}'s handler, carrying {@code tag}.
     *
     * @throws IllegalArgumentException if {@code tag} is outside {@code 0 .. 65535}
     */
    public static long userData(long token, int tag) {
        if ((tag & ~MAX_TAG) != 0) {
            throw new IllegalArgumentException("tag must be in 0 .. " + MAX_TAG + ", got " + tag);
        }
        return (token & ~(long) MAX_TAG) | tag;
    }

    /** The tag part of {@code userData}. */
    public static int tag(long userData) {
        return (int) userData & MAX_TAG;
    }

    /** Completions that arrived for no registered handler. */
    public long staleCount() {
        return staleCount;
    }

    /** Registered handlers. */
    public int size() {
        return handlers.length - freeCount;
    }

    /** Routes one completion to its handler (or to the stale handler). */
    @Override
    public void complete(long userData, int result, int flags) {
        int slot = liveSlot(userData);
        if (slot >= 0) {
            handlers[slot].complete(userData, result, flags);
        } else {
            staleCount++;
            onStale.complete(userData, result, flags);
        }
    }

    /** Routes the cursor's current completion. */
    public void dispatch(CompletionCursor cursor) {
        complete(cursor.userData(), cursor.result(), cursor.flags());
    }

    private int liveSlot(long userData) {
        int slot = (int) (userData >>> TAG_BITS) & SLOT_MASK;
        int generation = (int) (userData >>> GENERATION_SHIFT);
        if (slot >= handlers.length || generations[slot] != generation || handlers[slot] == null) {
            return -1;
        }
        return slot;
    }
}
