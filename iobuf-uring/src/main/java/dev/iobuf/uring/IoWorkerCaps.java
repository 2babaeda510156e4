package dev.iobuf.uring;

import static dev.iobuf.liburing.LibUring.IORING_REGISTER_IOWQ_MAX_WORKERS;

import dev.iobuf.liburing.Syscalls;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Caps on a ring's io-wq worker threads ({@code iou-wrk-*}; IORING_REGISTER_IOWQ_MAX_WORKERS, Linux 5.15):
 * {@code bounded} workers serve regular file and block I/O, {@code unbounded} ones the rest (operations that
 * may wait for ever, like a socket op the kernel could not poll). Without caps a burst of blocking work can
 * start thousands of workers. The file API ({@code FileIoBuilder.maxWorkers}) and the network runtime
 * ({@code EventLoopGroup.Builder.maxWorkers}) both set them through {@link #apply}.
 *
 * <p>The kernel keeps the caps per ring and applies them to the io-wq of every thread that submits to it; the
 * values it returns are those of the calling thread's io-wq (zeros before that thread first submitted).
 *
 * @param bounded   the bounded workers' cap (0: the kernel's default, which follows the ring's SQ size and
 *                  the CPUs)
 * @param unbounded the unbounded workers' cap (0: the kernel's default, RLIMIT_NPROC)
 */
public record IoWorkerCaps(int bounded, int unbounded) {

    /**
     * Checks the caps.
     *
     * @throws IllegalArgumentException if a cap is negative
     */
    public IoWorkerCaps {
        if (bounded < 0 || unbounded < 0) {
            throw new IllegalArgumentException("io-wq worker caps must be >= 0 (0 = leave as is), got bounded="
                    + bounded + ", unbounded=" + unbounded);
        }
    }

    /**
     * Sets {@code caps} on {@code ring} (a 0 leaves that kind as it is) and returns the caps that were in force
     * for the calling thread's io-wq. {@code apply(ring, new IoWorkerCaps(0, 0))} changes nothing: it reads them.
     *
     * @throws UnsupportedFeatureException before Linux 5.15
     * @throws UringException if the kernel refuses otherwise
     */
    public static IoWorkerCaps apply(Ring ring, IoWorkerCaps caps) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment values = arena.allocate(ValueLayout.JAVA_INT, 2);
            values.setAtIndex(ValueLayout.JAVA_INT, 0, caps.bounded);
            values.setAtIndex(ValueLayout.JAVA_INT, 1, caps.unbounded);
            int rc = Syscalls.ioUringRegister(ring.fd(), IORING_REGISTER_IOWQ_MAX_WORKERS(), values, 2);
            String op = "io_uring_register(IOWQ_MAX_WORKERS, bounded=" + caps.bounded + ", unbounded="
                    + caps.unbounded + ")";
            if (rc < 0 && !Kernel.atLeast("5.15")) {
                throw UnsupportedFeatureException.refused("IORING_REGISTER_IOWQ_MAX_WORKERS", "5.15", op, rc);
            }
            if (rc < 0) {
                throw new UringException(op, rc, null);
            }
            return new IoWorkerCaps(values.getAtIndex(ValueLayout.JAVA_INT, 0), values.getAtIndex(ValueLayout.JAVA_INT, 1));
        }
    }
}
