package dev.iobuf.uring;

import dev.iobuf.liburing.Errno;

/**
 * Posts a wake-up completion ({@link Ring#WAKEUP_USER_DATA}) on any ring from any thread:
 * IORING_OP_MSG_RING (Linux 5.18) submitted on one small process-wide ring, opened on first use without
 * SINGLE_ISSUER (so that any thread may submit on it, one at a time under this class's lock) and without
 * a registered ring fd. A message to a ring whose fd was closed meanwhile completes with {@code -EBADF}
 * on the waker ring and is dropped: a wake-up is only a hint.
 */
final class RingWaker {
    private static Ring waker;
    private static boolean unavailable;

    private RingWaker() {
    }

    /** Wakes the ring whose fd is {@code targetFd}; returns false where MSG_RING cannot be used. */
    static synchronized boolean wake(int targetFd) {
        Ring r = ring();
        if (r == null) {
            return false;
        }
        r.reap((u, res, f) -> { });   // results of earlier messages: nothing to do with them
        r.nextSqe().msgRing(targetFd, 0, Ring.WAKEUP_USER_DATA, 0).userData(0);
        r.submit();
        return true;
    }

    private static Ring ring() {
        if (waker == null && !unavailable) {
            try {
                Ring r = Ring.builder().entries(4).singleIssuer(false).registerRingFd(false).build();
                if (!r.supports(Opcode.MSG_RING)) {
                    r.close();
                    unavailable = true;
                    return null;
                }
                waker = r;
            } catch (UringException e) {
                unavailable = true;
                System.getLogger(RingWaker.class.getName()).log(System.Logger.Level.WARNING, "no wake-up ring ("
                        + Errno.name(e.errno()) + "): closing a ring from another thread waits for its owner's wait "
                        + "slice (" + Ring.WAIT_SLICE_MILLIS + " ms) instead", e);
            }
        }
        return waker;
    }
}
