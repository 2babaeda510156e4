package dev.iobuf.liburing;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

/**
 * What every libc binding of this module shares: the C layouts, {@code errno} capture and the downcall lookup;
 * plus {@code close}, {@code write} and {@code strerror}. The other calls live by concern in
 * {@link LibcMemory} (mmap, munmap, madvise), {@link LibcProcess} (syscall, getrlimit, eventfd) and
 * {@link LibcSockets} (socket, bind, listen, socket options and names). Their constants are generated:
 * {@link LibcAbi} (scripts/regen-bindings.sh), with {@link ArchConstants} for the few that differ on aarch64.
 *
 * <p>Unlike liburing, these report failure as {@code -1} with {@code errno} set. Every function but
 * {@code strerror} therefore takes a first argument {@code errnoState}: a segment of
 * {@link #ERRNO_STATE_LAYOUT} (see {@link #allocateErrnoState}) into which the linker captures {@code errno}
 * right after the call ({@code Linker.Option.captureCallState("errno")}), before the JVM can clobber it.
 * {@link Syscalls} wraps these to return {@code -errno} like liburing does.
 *
 * <p>libc is always there: these handles come from the linker's default lookup. {@code getrlimit} and
 * {@code strerror} never wait and use {@code Linker.Option.critical}; the others can block (page faults,
 * {@code io_uring_enter} waits, {@code close} of a busy file) and do not.
 *
 * <p>Hand-written rather than generated: jextract cannot express errno capture, critical calls or a fixed
 * instantiation of the variadic {@code syscall}.
 */
@SuppressWarnings({"unused", "restricted", "checkstyle:MethodName", "checkstyle:TypeName"})
public final class Libc {

    private Libc() {
        // static accessors only
    }

    /** C {@code int}. */
    public static final ValueLayout.OfInt C_INT = ValueLayout.JAVA_INT;
    /** C {@code long} (LP64), also {@code size_t}, {@code off_t}, {@code rlim_t}. */
    public static final ValueLayout.OfLong C_LONG = ValueLayout.JAVA_LONG;
    /** C pointer. */
    public static final AddressLayout C_POINTER = LibUring.C_POINTER;

    /** Layout of the captured call state; its {@code errno} member holds the errno of the last call. */
    public static final StructLayout ERRNO_STATE_LAYOUT = Linker.Option.captureStateLayout();

    private static final VarHandle ERRNO = ERRNO_STATE_LAYOUT.varHandle(groupElement("errno"));

    static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

    /**
     * Allocates a segment to receive {@code errno} (reuse it: one per thread or per ring is enough).
     * @param allocator the allocator
     * @return the state segment
     */
    public static MemorySegment allocateErrnoState(SegmentAllocator allocator) {
        return allocator.allocate(ERRNO_STATE_LAYOUT);
    }

    /**
     * The {@code errno} captured by the last call that was given {@code errnoState}.
     * @param errnoState a segment of {@link #ERRNO_STATE_LAYOUT}
     * @return the errno value
     */
    public static int errno(MemorySegment errnoState) {
        return (int) ERRNO.get(errnoState, 0L);
    }

    // ---- functions ----

    private static MemorySegment findOrThrow(String symbol) {
        return Linker.nativeLinker().defaultLookup().find(symbol)
                .orElseThrow(() -> new UnsatisfiedLinkError("libc symbol not found: " + symbol));
    }

    static MethodHandle downcall(String symbol, FunctionDescriptor desc, Linker.Option... options) {
        return Linker.nativeLinker().downcallHandle(findOrThrow(symbol), desc, options);
    }

    private static final class close {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT);
        static final MethodHandle HANDLE = downcall("close", DESC, CAPTURE_ERRNO);
    }

    /**
     * Downcall handle of {@code close} (first parameter: the errno state).
     * @return the handle
     */
    public static MethodHandle close$handle() {
        return close.HANDLE;
    }

    /**
     * {@code close(2)}. Do not retry on EINTR: on Linux the fd is released either way.
     * @param errnoState receives errno
     * @param fd the descriptor
     * @return 0, or -1 with errno captured
     */
    public static int close(MemorySegment errnoState, int fd) {
        try {
            return (int) close.HANDLE.invokeExact(errnoState, fd);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static final class write {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_LONG);
        static final MethodHandle HANDLE = downcall("write", DESC, CAPTURE_ERRNO);
    }

    /**
     * Downcall handle of {@code write} (first parameter: the errno state).
     * @return the handle
     */
    public static MethodHandle write$handle() {
        return write.HANDLE;
    }

    /**
     * {@code write(2)}.
     * @param errnoState receives errno
     * @param fd the descriptor
     * @param buf the bytes
     * @param count how many
     * @return the count written, or -1 with errno captured
     */
    public static long write(MemorySegment errnoState, int fd, MemorySegment buf, long count) {
        try {
            return (long) write.HANDLE.invokeExact(errnoState, fd, buf, count);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static final class strerror {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_POINTER, C_INT);
        // Never waits: returns a pointer into glibc's static message table for known errnos.
        static final MethodHandle HANDLE = downcall("strerror", DESC, Linker.Option.critical(false));
    }

    /**
     * Downcall handle of {@code strerror}.
     * @return the handle
     */
    public static MethodHandle strerror$handle() {
        return strerror.HANDLE;
    }

    /**
     * {@code strerror(3)}. Prefer {@link Errno#describe(int)}, which copies the message into a String.
     * @param errnum an errno value (positive)
     * @return a zero-length segment pointing at the NUL-terminated message
     */
    public static MemorySegment strerror(int errnum) {
        try {
            return (MemorySegment) strerror.HANDLE.invokeExact(errnum);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }
}
