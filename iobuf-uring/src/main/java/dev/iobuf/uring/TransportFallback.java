package dev.iobuf.uring;

/**
 * How {@link Transport#AUTO} decides and says that it falls back to NIO: one rule and one log line for
 * every service (the network runtime, the file API). The remedy is the refusal's own message (the
 * exceptions carry it: one source of truth), so the line says both why and how to get io_uring back.
 */
public final class TransportFallback {
    private static final System.Logger LOG = System.getLogger(Transport.class.getName());

    private TransportFallback() {
    }

    /**
     * Whether {@code e} means "io_uring cannot be used by this process" rather than a bug or a bad argument:
     * blocked (EPERM: seccomp, {@code kernel.io_uring_disabled}), absent (ENOSYS), RLIMIT_MEMLOCK too low for
     * the rings and tables asked for, or a kernel without a feature the service needs.
     */
    public static boolean isRefusal(Throwable e) {
        return e instanceof IoUringBlockedException || e instanceof IoUringUnavailableException
                || e instanceof MemlockLimitException || e instanceof UnsupportedFeatureException;
    }

    /** The one line {@code service} logs when it runs on NIO because of {@code refusal}. */
    public static String message(String service, UringException refusal) {
        return service + ": io_uring refused, running on JDK NIO instead (Transport.AUTO; Transport.IO_URING would "
                + "fail here). Why, and how to get io_uring back: " + refusal.getMessage();
    }

    /** Logs {@link #message} once at INFO (the caller calls it once per fallback). */
    public static void log(String service, UringException refusal) {
        LOG.log(System.Logger.Level.INFO, message(service, refusal));
    }
}
