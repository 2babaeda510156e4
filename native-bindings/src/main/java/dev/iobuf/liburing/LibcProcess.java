package dev.iobuf.liburing;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static dev.iobuf.liburing.Libc.CAPTURE_ERRNO;
import static dev.iobuf.liburing.Libc.C_INT;
import static dev.iobuf.liburing.Libc.C_LONG;
import static dev.iobuf.liburing.Libc.C_POINTER;
import static dev.iobuf.liburing.Libc.downcall;

/**
 * libc's process calls: the raw {@code syscall(2)} (for what liburing 2.3 has no helper for), {@code getrlimit}
 * (memlock and fd budgets) and {@code eventfd} (wake-ups). Like every {@link Libc} function: the first argument
 * is the errno state ({@link Libc#allocateErrnoState}), failure is {@code -1} with {@code errno} captured in it;
 * {@link Syscalls} wraps these to return {@code -errno}. Constants are the generated {@link LibcAbi}'s.
 */
@SuppressWarnings({"unused", "restricted", "checkstyle:MethodName", "checkstyle:TypeName"})
public final class LibcProcess {

    private LibcProcess() {
        // static accessors only
    }

    private static final class syscall {
        // long syscall(long number, ...): one instantiation with six long arguments. glibc's syscall()
        // always loads six argument registers, so shorter system calls ignore the extra ones; passing
        // every argument as a 64-bit long avoids undefined upper halves in the registers.
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_LONG,
                C_LONG, C_LONG, C_LONG, C_LONG, C_LONG, C_LONG, C_LONG);
        static final MethodHandle HANDLE = downcall("syscall", DESC, Linker.Option.firstVariadicArg(1), CAPTURE_ERRNO);
    }

    /**
     * Downcall handle of {@code syscall} as bound here: {@code (MemorySegment errnoState, long number,
     * long a1, ..., long a6) -> long}.
     * @return the handle
     */
    public static MethodHandle syscall$handle() {
        return syscall.HANDLE;
    }

    /**
     * {@code syscall(2)}: a raw system call with up to six arguments (unused ones are ignored; pass 0).
     * Can block (for example {@code io_uring_enter} with {@code IORING_ENTER_GETEVENTS}).
     * @param errnoState receives errno
     * @param number the system call number, e.g. {@link LibcAbi#SYS_io_uring_enter()}
     * @param a1 argument 1
     * @param a2 argument 2
     * @param a3 argument 3
     * @param a4 argument 4
     * @param a5 argument 5
     * @param a6 argument 6
     * @return the result, or -1 with errno captured
     */
    public static long syscall(MemorySegment errnoState, long number, long a1, long a2, long a3, long a4, long a5, long a6) {
        try {
            return (long) syscall.HANDLE.invokeExact(errnoState, number, a1, a2, a3, a4, a5, a6);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static final class getrlimit {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_POINTER);
        // Never waits: a copy out of the task's rlimit array.
        static final MethodHandle HANDLE = downcall("getrlimit", DESC, CAPTURE_ERRNO, Linker.Option.critical(false));
    }

    /**
     * Downcall handle of {@code getrlimit} (first parameter: the errno state).
     * @return the handle
     */
    public static MethodHandle getrlimit$handle() {
        return getrlimit.HANDLE;
    }

    /**
     * {@code getrlimit(2)}.
     * @param errnoState receives errno
     * @param resource {@code RLIMIT_*}, e.g. {@link LibcAbi#RLIMIT_MEMLOCK()}
     * @param rlim a {@link rlimit} to fill
     * @return 0, or -1 with errno captured
     */
    public static int getrlimit(MemorySegment errnoState, int resource, MemorySegment rlim) {
        try {
            return (int) getrlimit.HANDLE.invokeExact(errnoState, resource, rlim);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static final class eventfd {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_INT);
        static final MethodHandle HANDLE = downcall("eventfd", DESC, CAPTURE_ERRNO);
    }

    /**
     * Downcall handle of {@code eventfd} (first parameter: the errno state).
     * @return the handle
     */
    public static MethodHandle eventfd$handle() {
        return eventfd.HANDLE;
    }

    /**
     * {@code eventfd(2)}.
     * @param errnoState receives errno
     * @param initval initial counter value (unsigned)
     * @param flags {@code EFD_*}
     * @return the new fd, or -1 with errno captured
     */
    public static int eventfd(MemorySegment errnoState, int initval, int flags) {
        try {
            return (int) eventfd.HANDLE.invokeExact(errnoState, initval, flags);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }
}
