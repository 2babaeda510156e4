package dev.iobuf.uring.net;

/**
 * The network runtime's ops: the {@code op} field of its {@link dev.iobuf.uring.UserData} (the slot
 * names a connection, listener or timer, the generation tells a reused slot from the one the SQE was
 * made for). Which table an op's slot indexes is fixed by the op: see {@link EventLoop}'s dispatch.
 */
final class Op {
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
    /** A cancel or a shutdown (half-close) made on a connection's behalf. */
    static final int CONN_CANCEL = 9;
    /** A timer (IORING_OP_TIMEOUT); slot = timer slot. */
    static final int TIMER = 10;
    /** A timer removal; result ignored. */
    static final int TIMER_REMOVE = 11;
    /** A cancel made on a listener's behalf (stop accepting). */
    static final int LISTENER_CANCEL = 12;
    /** The close of a listener's fd; slot = listener slot. */
    static final int LISTENER_CLOSE = 13;
    /** The multishot recvmsg of a UDP endpoint; slot = endpoint slot. */
    static final int DGRAM_RECV = 14;
    /** A sendmsg of a UDP endpoint; aux = its batch in the endpoint's send queue. */
    static final int DGRAM_SEND = 15;
    /** A cancel made on a UDP endpoint's behalf (closing). */
    static final int DGRAM_CANCEL = 16;
    /** The close of a UDP endpoint's fd. */
    static final int DGRAM_CLOSE = 17;

    private Op() {
    }
}
