package dev.iobuf.uring;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * JFR event {@code dev.iobuf.SetupRefused}: io_uring was refused to this process: blocked (EPERM:
 * seccomp, {@code kernel.io_uring_disabled}), absent (ENOSYS) or over the locked-memory limit (ENOMEM,
 * or the library's pre-check). Recorded when the exception that reports it is created.
 */
@Name("dev.iobuf.SetupRefused")
@Label("io_uring Refused")
@Category({"iobuf", "io_uring"})
@Description("io_uring refused: seccomp or sysctl (EPERM), absent (ENOSYS), RLIMIT_MEMLOCK (ENOMEM)")
final class SetupRefusedEvent extends Event {
    private static final SetupRefusedEvent PROBE = new SetupRefusedEvent();

    @Label("Cause")
    @Description("BLOCKED (seccomp or sysctl), UNAVAILABLE (no io_uring) or MEMLOCK")
    String cause;

    @Label("Operation")
    String operation;

    @Label("Errno")
    String errno;

    @Label("Memlock Limit")
    @Description("RLIMIT_MEMLOCK when known, else -1")
    @DataAmount
    long limit;

    @Label("Bytes Needed")
    @Description("Bytes the operation had to lock when known, else -1")
    @DataAmount
    long needed;

    @Label("Message")
    String message;

    /** Records the refusal {@code e} reports when a recording wants it. */
    static void record(String cause, UringException e, long limit, long needed) {
        if (!PROBE.isEnabled()) {
            return;
        }
        SetupRefusedEvent event = new SetupRefusedEvent();
        if (event.shouldCommit()) {
            event.cause = cause;
            event.operation = e.operation();
            event.errno = e.errnoName();
            event.limit = limit;
            event.needed = needed;
            event.message = e.getMessage();
            event.commit();
        }
    }
}
