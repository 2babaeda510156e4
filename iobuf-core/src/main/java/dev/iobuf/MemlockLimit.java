package dev.iobuf;

/**
 * The process's {@code RLIMIT_MEMLOCK} (locked memory), read one way for the whole library: the soft
 * limit in bytes, {@link #UNLIMITED} when there is none, {@link #UNKNOWN} when it cannot be read. The
 * values follow the kernel's own: {@code RLIM_INFINITY} is all ones in the unsigned {@code rlim_t}, which
 * reads as -1 in a Java {@code long}. Pools lock slabs against it ({@link SlabOptions}), io_uring charges
 * registered buffers and ring memory to it on many kernels.
 */
public final class MemlockLimit {
    /** {@link #soft()} when the limit is unlimited ({@code RLIM_INFINITY}). */
    public static final long UNLIMITED = Libc.RLIM_INFINITY;
    /** {@link #soft()} when the limit cannot be read (no libc, or getrlimit failed). */
    public static final long UNKNOWN = -2;

    private MemlockLimit() {
    }

    /** The soft RLIMIT_MEMLOCK in bytes, {@link #UNLIMITED} or {@link #UNKNOWN}. One getrlimit call. */
    public static long soft() {
        return Libc.memlockLimit();
    }

    /** Whether {@code limit} (a {@link #soft()} value) is a number of bytes: neither unlimited nor unknown. */
    public static boolean isFinite(long limit) {
        return limit >= 0;
    }

    /** {@code limit} for a message: "unlimited", "unknown" or "N bytes (ulimit -l K)". */
    public static String describe(long limit) {
        return limit == UNLIMITED ? "unlimited" : limit < 0 ? "unknown" : limit + " bytes (ulimit -l " + (limit >> 10) + ")";
    }
}
