package dev.iobuf.uring.net;

/**
 * The loop's {@code user_data} layout, 64 bits:
 * {@code 0 | generation (23) | slot (24) | aux (8) | op (8)}.
 *
 * <p>{@code op} says what completed (one of the constants below), {@code slot} indexes the loop's
 * connection, listener or timer table, {@code generation} is the table entry's generation when the SQE
 * was made (a completion for an entry that was freed and reused is recognised as stale), {@code aux} is
 * per-op (for zero-copy sends: the write-queue position of the batch). The top bit stays 0 and the
 * generation has 23 bits, so the top 16 bits never read 0xFFFE/0xFFFF: no clash with resource-tag CQEs
 * or {@code Ring.CANCEL_ALL_USER_DATA}. Decoding is shifts and masks: no allocation.
 */
final class UserData {
    /** The eventfd read that wakes the loop. */
    static final int WAKE = 1;
    /** A (multishot) accept on a listener; slot = listener slot. */
    static final int ACCEPT = 2;
    /** A (multishot) recv of a connection. */
    static final int RECV = 3;
    /** A send or sendmsg of a connection. */
    static final int SEND = 4;
    /** A zero-copy send (SEND_ZC / SENDMSG_ZC) of a connection; aux = first write-queue position. */
    static final int SEND_ZC = 5;
    /** A client connect. */
    static final int CONNECT = 6;
    /** The link timeout bounding a connect. */
    static final int CONNECT_TIMEOUT = 7;
    /** The close of a connection's fd. */
    static final int CLOSE = 8;
    /** A cancel made on a connection's behalf. */
    static final int CONN_CANCEL = 9;
    /** A timer (IORING_OP_TIMEOUT); slot = timer slot. */
    static final int TIMER = 10;
    /** A timer removal; result ignored. */
    static final int TIMER_REMOVE = 11;
    /** A cancel made on a listener's behalf (stop accepting). */
    static final int LISTENER_CANCEL = 12;
    /** The close of a listener's fd; slot = listener slot. */
    static final int LISTENER_CLOSE = 13;

    static final int MAX_SLOT = (1 << 24) - 1;
    static final int GENERATION_MASK = (1 << 23) - 1;

    private UserData() {
    }

    static long of(int op, int aux, int slot, int generation) {
        return ((long) (generation & GENERATION_MASK) << 40) | ((long) slot << 16) | ((aux & 0xFF) << 8) | (op & 0xFF);
    }

    static int op(long userData) {
        return (int) userData & 0xFF;
    }

    static int aux(long userData) {
        return (int) (userData >>> 8) & 0xFF;
    }

    static int slot(long userData) {
        return (int) (userData >>> 16) & MAX_SLOT;
    }

    static int generation(long userData) {
        return (int) (userData >>> 40) & GENERATION_MASK;
    }

    /** The generation after {@code generation}, never 0 (so that user_data 0 is never live). */
    static int next(int generation) {
        int n = (generation + 1) & GENERATION_MASK;
        return n == 0 ? 1 : n;
    }
}
