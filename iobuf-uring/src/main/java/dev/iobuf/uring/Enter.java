package dev.iobuf.uring;

import static dev.iobuf.liburing.LibUring.IORING_ENTER_SQ_WAIT;

import dev.iobuf.liburing.LibUring;
import dev.iobuf.liburing.LibUringFunctions;
import dev.iobuf.liburing.LibUringLibrary;
import dev.iobuf.liburing.Syscalls;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

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
    /**
     * The same function bound with {@code Linker.Option.critical(false)}: no thread-state transition
     * (about 20 ns less per call: benchmarks/README.md, NOP, "Where the time goes"), but the JVM cannot reach a safepoint
     * while it runs. So it serves only enters that cannot wait: nothing to wait for
     * ({@code min_complete == 0}) and no SQ_WAIT. Submission itself never sleeps (io_uring punts
     * anything that would block to its workers).
     */
    private static final MethodHandle NO_WAIT = LIBURING ? noWaitHandle() : null;

    private Enter() {
    }

    static int enter(MemorySegment errnoState, int fd, int toSubmit, int minComplete, int flags, MemorySegment arg,
                     long argSize) {
        if (LIBURING) {
            if (minComplete == 0 && (flags & IORING_ENTER_SQ_WAIT()) == 0) {
                try {
                    return (int) NO_WAIT.invokeExact(fd, toSubmit, 0, flags, arg, argSize);
                } catch (Throwable t) {
                    throw new IllegalStateException("io_uring_enter2 downcall failed", t);
                }
            }
            return LibUringFunctions.io_uring_enter2(fd, toSubmit, minComplete, flags, arg, argSize);
        }
        return Syscalls.ioUringEnter(errnoState, fd, toSubmit, minComplete, flags, arg, argSize);
    }

    /** Which path is in use (for diagnostics and tests). */
    static String path() {
        return LIBURING ? "liburing io_uring_enter2" : "syscall(2)";
    }

    private static MethodHandle noWaitHandle() {
        return Linker.nativeLinker().downcallHandle(LibUringFunctions.io_uring_enter2$address(),
                LibUringFunctions.io_uring_enter2$descriptor(), Linker.Option.critical(false));
    }

    private static boolean liburingEnter() {
        if (Boolean.getBoolean("dev.iobuf.uring.rawEnter")) {
            return false;
        }
        try {
            return LibUringLibrary.isAvailable() && !LibUringFunctions.io_uring_enter2$address().equals(MemorySegment.NULL);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
