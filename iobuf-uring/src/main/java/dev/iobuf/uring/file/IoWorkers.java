package dev.iobuf.uring.file;

import static dev.iobuf.liburing.LibUring.IORING_REGISTER_IOWQ_MAX_WORKERS;

import dev.iobuf.liburing.Syscalls;
import dev.iobuf.uring.Ring;
import dev.iobuf.uring.UringException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Caps the ring's io-wq worker threads (IORING_REGISTER_IOWQ_MAX_WORKERS, Linux 5.15). */
final class IoWorkers {
    private IoWorkers() {
    }

    /**
     * Sets the caps; a negative value leaves that kind as it is (0 to the kernel means "unchanged").
     *
     * @return the previous caps {bounded, unbounded}
     */
    static int[] limit(Ring ring, int bounded, int unbounded) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment values = arena.allocate(ValueLayout.JAVA_INT, 2);
            values.setAtIndex(ValueLayout.JAVA_INT, 0, Math.max(0, bounded));
            values.setAtIndex(ValueLayout.JAVA_INT, 1, Math.max(0, unbounded));
            int rc = Syscalls.ioUringRegister(ring.fd(), IORING_REGISTER_IOWQ_MAX_WORKERS(), values, 2);
            if (rc < 0) {
                throw new UringException("io_uring_register(IOWQ_MAX_WORKERS, bounded=" + bounded + ", unbounded="
                        + unbounded + ")", rc, "io-wq worker caps need Linux 5.15; build without maxWorkers(...)");
            }
            return new int[] {values.getAtIndex(ValueLayout.JAVA_INT, 0), values.getAtIndex(ValueLayout.JAVA_INT, 1)};
        }
    }
}
