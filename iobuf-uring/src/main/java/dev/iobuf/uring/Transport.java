package dev.iobuf.uring;

/**
 * Which kernel interface a service (the network runtime's {@code EventLoopGroup}, the file API's
 * {@code FileIo}) does its I/O through.
 *
 * <p>io_uring is refused in many places a library cannot choose: Docker 25+ and containerd 2 default
 * seccomp profiles, Kubernetes' RuntimeDefault, gVisor, {@code kernel.io_uring_disabled}, or a
 * RLIMIT_MEMLOCK too low for the rings asked for. {@link #AUTO} keeps a server serving there.
 */
public enum Transport {
    /**
     * io_uring when this process may use it, else {@link #NIO}; the fallback is logged once at INFO
     * with the reason and how to get io_uring back. The default.
     */
    AUTO,
    /** io_uring only: a refusal is an exception ({@link IoUringBlockedException}, {@link UringException}). */
    IO_URING,
    /** JDK NIO ({@code Selector}, {@code SocketChannel}, {@code FileChannel}): no native code. */
    NIO
}
