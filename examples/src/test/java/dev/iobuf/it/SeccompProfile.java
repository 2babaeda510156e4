package dev.iobuf.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** The seccomp profiles a container can run under. */
enum SeccompProfile {
    /** Docker's built-in default profile (20.10 allows io_uring; Docker 25+ and containerd 2 block it). */
    DOCKER_DEFAULT(null),
    /** Everything allowed except io_uring_setup/enter/register, which fail with EPERM (1). */
    IO_URING_EPERM("seccomp-iouring-eperm.json"),
    /** Everything allowed except io_uring_setup/enter/register, which fail with ENOSYS (38). */
    IO_URING_ENOSYS("seccomp-iouring-enosys.json"),
    /**
     * Everything allowed except {@code io_uring_register(fd, IORING_REGISTER_BUFFERS2 (15), ...)}, which fails
     * with EPERM: shows which opcode a buffer registration really uses.
     */
    IO_URING_REGISTER_BUFFERS2_EPERM("seccomp-iouring-buffers2-eperm.json"),
    /**
     * The profile shipped for users (docs/deploying.md): io_uring allowed, the syscalls Docker's default
     * profile blocks still blocked (namespaces, mount, ptrace, bpf, keyrings, kernel modules...).
     */
    IO_URING_ALLOWED("seccomp-iouring-allow.json");

    private final String file;

    SeccompProfile(String file) {
        this.file = file;
    }

    /**
     * The {@code --security-opt} value, or {@code null} for Docker's default. Through the Docker
     * API it must carry the JSON itself: a path is accepted at create and rejected at start.
     */
    String securityOpt() {
        if (file == null) {
            return null;
        }
        try {
            return "seccomp=" + Files.readString(ItSettings.dockerFile(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read seccomp profile docker/" + file, e);
        }
    }
}
