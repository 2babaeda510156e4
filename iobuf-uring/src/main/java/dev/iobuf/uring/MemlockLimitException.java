package dev.iobuf.uring;

/**
 * The kernel refused to pin memory (ENOMEM against RLIMIT_MEMLOCK), or the library saw before the
 * call that it would. Ring memory counts too on recent kernels, and the limit is per user, shared by
 * all of that user's processes and containers.
 */
public final class MemlockLimitException extends UringException {
    private static final long serialVersionUID = 1L;

    /** RLIMIT_MEMLOCK in bytes, or -1. */
    private final long limit;
    /** Bytes the operation needed to lock, or -1. */
    private final long needed;

    MemlockLimitException(String operation, int result, String remedy) {
        this(operation, result, remedy, -1, -1);
    }

    MemlockLimitException(String operation, int result, String remedy, long limit, long needed) {
        super(operation, result, remedy);
        this.limit = limit;
        this.needed = needed;
        SetupRefusedEvent.record("MEMLOCK", this, limit, needed);
    }

    /**
     * RLIMIT_MEMLOCK in bytes, as {@link dev.iobuf.MemlockLimit#soft()} reads it ({@code UNLIMITED},
     * {@code UNKNOWN}), or -1 when the check did not read it.
     */
    public long limit() {
        return limit;
    }

    /** Bytes the operation needed to lock when known, else -1. */
    public long needed() {
        return needed;
    }

    static String remedy(long limit, long needed) {
        String what = limit >= 0 && needed >= 0
                ? "RLIMIT_MEMLOCK is " + limit + " bytes but " + needed + " bytes must be locked; "
                : "RLIMIT_MEMLOCK (locked memory, counted per user) is too small; ";
        return what + "raise it: ulimit -l <KiB> (or unlimited), LimitMEMLOCK= in the systemd unit, "
                + "docker run --ulimit memlock=<bytes>:<bytes>, or grant CAP_IPC_LOCK";
    }
}
