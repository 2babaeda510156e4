package dev.iobuf.uring;

/** io_uring is not available (ENOSYS): a kernel without it, or a filter that answers ENOSYS. */
public final class IoUringUnavailableException extends UringException {
    private static final long serialVersionUID = 1L;

    static final String REMEDY = "io_uring is not available: the kernel is older than 5.1 or built without "
            + "CONFIG_IO_URING, or a seccomp filter answers ENOSYS for io_uring_setup; use Linux 6.1+ with "
            + "io_uring enabled, or a seccomp profile that allows io_uring_setup/enter/register";

    IoUringUnavailableException(String operation, int result) {
        super(operation, result, REMEDY);
        SetupRefusedEvent.record("UNAVAILABLE", this, -1, -1);
    }
}
