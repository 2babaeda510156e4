package dev.iobuf.uring;

import dev.iobuf.liburing.LibUring;
import dev.iobuf.liburing.LibUringLibrary;
import dev.iobuf.liburing.Syscalls;
import java.lang.foreign.MemorySegment;

/**
 * The one native call per batch: {@code io_uring_enter}, returning the result or {@code -errno}.
 *
 * <p>Through liburing's exported {@code io_uring_enter2} when liburing is present, else through
 * {@code syscall(2)} ({@link Syscalls#ioUringEnter}). Why not always the latter: to learn errno,
 * {@code syscall(2)} is bound with {@code Linker.Option.captureCallState}, and the JDK's downcall then
 * slices the capture segment on every call (a 40-byte {@code MemorySegment}, measured with JFR) unless
 * C2 happens to inline the whole chain and scalar-replace it. liburing's wrapper returns {@code -errno}
 * itself, so its downcall needs no captured state and allocates nothing in any JIT state.
 */
final class Enter {
    private static final boolean LIBURING = liburingEnter();

    private Enter() {
    }

    static int enter(MemorySegment errnoState, int fd, int toSubmit, int minComplete, int flags, MemorySegment arg,
                     long argSize) {
        if (LIBURING) {
            return LibUring.io_uring_enter2(fd, toSubmit, minComplete, flags, arg, argSize);
        }
        return Syscalls.ioUringEnter(errnoState, fd, toSubmit, minComplete, flags, arg, argSize);
    }

    /** Which path is in use (for diagnostics and tests). */
    static String path() {
        return LIBURING ? "liburing io_uring_enter2" : "syscall(2)";
    }

    private static boolean liburingEnter() {
        if (Boolean.getBoolean("dev.iobuf.uring.rawEnter")) {
            return false;
        }
        try {
            return LibUringLibrary.isAvailable() && !LibUring.io_uring_enter2$address().equals(MemorySegment.NULL);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
