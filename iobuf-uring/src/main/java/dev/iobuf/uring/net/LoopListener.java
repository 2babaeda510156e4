package dev.iobuf.uring.net;

import dev.iobuf.uring.UserData;

/**
 * One loop's share of a {@link Listener}: its own listening socket (SO_REUSEPORT) and the multishot
 * accept armed on it. Loop thread only.
 */
final class LoopListener {
    final Listener owner;
    final int fd;
    final int slot;
    final int generation;
    /** Whether an accept is armed (a multishot one stays armed across completions with F_MORE). */
    boolean armed;
    /** Whether a retry after an error (EMFILE, ...) is scheduled. */
    boolean retryScheduled;
    boolean stopping;
    boolean closeSubmitted;

    LoopListener(Listener owner, int fd, int slot, int generation) {
        this.owner = owner;
        this.fd = fd;
        this.slot = slot;
        this.generation = generation;
    }

    /** The user_data of this listener's {@code op}. */
    long userData(int op) {
        return UserData.of(op, 0, slot, generation);
    }
}
