package dev.iobuf.uring;

/**
 * The library's one {@code user_data} codec, 64 bits: {@code op (16) | aux (8) | generation (20) | slot (20)}.
 *
 * <p>{@code op} says what completed; {@code slot} indexes its owner's table (a connection, a listener, a
 * timer, a registered-resource table's slot); {@code generation} is that table entry's generation when
 * the SQE was made, so a completion for an entry that was freed and reused is recognised as stale;
 * {@code aux} is per-op (a write-queue position, a resource table id).
 *
 * <p><b>Reserved ops.</b> {@link #RESOURCE_TAG} ({@code 0xFFFE}) marks the CQEs the kernel posts for
 * resource tags ({@link ResourceTags}); {@code 0xFFFF} is {@link Ring#CANCEL_ALL_USER_DATA}'s. Ops of
 * the library's own users (the network runtime, the file API) stay below {@link #MAX_OP}, so the top bit of their
 * user_data is 0. Code that encodes user_data some other way must keep its top 16 bits below
 * {@code 0xFFFE}.
 *
 * <p>Encoding and decoding are shifts and masks: no allocation. The model is Netty's io_uring
 * {@code UserData}: one lookup by slot, the owner does the rest.
 */
public final class UserData {
    /** The op of resource-tag CQEs: user_data {@code 0xFFFE_...}. */
    public static final int RESOURCE_TAG = 0xFFFE;
    /** The largest op for ordinary completions (below the reserved ones, top bit 0). */
    public static final int MAX_OP = 0x7FFF;
    /** Bits of a slot. */
    public static final int SLOT_BITS = 20;
    /** Bits of a generation. */
    public static final int GENERATION_BITS = 20;
    /** The largest slot. */
    public static final int MAX_SLOT = (1 << SLOT_BITS) - 1;
    /** The largest generation (generations run 1 .. this, then wrap to 1). */
    public static final int GENERATION_MASK = (1 << GENERATION_BITS) - 1;

    private static final int GENERATION_SHIFT = SLOT_BITS;
    private static final int AUX_SHIFT = GENERATION_SHIFT + GENERATION_BITS;
    private static final int OP_SHIFT = AUX_SHIFT + 8;

    private UserData() {
    }

    /** The user_data for {@code op} of the owner in {@code slot} at {@code generation}, with {@code aux}. */
    public static long of(int op, int aux, int slot, int generation) {
        return ((long) (op & 0xFFFF) << OP_SHIFT) | ((long) (aux & 0xFF) << AUX_SHIFT)
                | ((long) (generation & GENERATION_MASK) << GENERATION_SHIFT) | (slot & MAX_SLOT);
    }

    /** What completed. */
    public static int op(long userData) {
        return (int) (userData >>> OP_SHIFT);
    }

    /** The per-op byte. */
    public static int aux(long userData) {
        return (int) (userData >>> AUX_SHIFT) & 0xFF;
    }

    /** The owner's slot. */
    public static int slot(long userData) {
        return (int) userData & MAX_SLOT;
    }

    /** The owner's generation when the SQE was made. */
    public static int generation(long userData) {
        return (int) (userData >>> GENERATION_SHIFT) & GENERATION_MASK;
    }

    /** The generation after {@code generation}, never 0 (so that user_data 0 never names a live owner). */
    public static int next(int generation) {
        int n = (generation + 1) & GENERATION_MASK;
        return n == 0 ? 1 : n;
    }
}
