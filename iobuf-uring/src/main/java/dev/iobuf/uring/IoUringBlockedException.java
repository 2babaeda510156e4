package dev.iobuf.uring;

/** io_uring exists but this process may not use it (EPERM): a seccomp profile or a sysctl blocks it. */
public final class IoUringBlockedException extends UringException {
    private static final long serialVersionUID = 1L;

    static final String REMEDY = "io_uring is blocked for this process: a seccomp profile denies "
            + "io_uring_setup/enter/register (Docker >= 25 and containerd 2 default profiles do; run with a "
            + "profile that allows them, e.g. docker --security-opt seccomp=<profile allowing io_uring>), or "
            + "sysctl kernel.io_uring_disabled is 2 (or 1 and this user is not in kernel.io_uring_group); "
            + "set it to 0 or add the user to that group";

    IoUringBlockedException(String operation, int result) {
        super(operation, result, REMEDY);
        SetupRefusedEvent.record("BLOCKED", this, -1, -1);
    }
}
