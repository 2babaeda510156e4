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
 * libc's memory calls: {@code mmap}, {@code munmap}, {@code madvise} (the rings, buffer rings and slabs). Like every {@link Libc} function: the first argument
 * is the errno state ({@link Libc#allocateErrnoState}), failure is {@code -1} with {@code errno} captured in it;
 * {@link Syscalls} wraps these to return {@code -errno}. Constants are the generated {@link LibcAbi}'s.
 */
@SuppressWarnings({"unused", "restricted", "checkstyle:MethodName", "checkstyle:TypeName"})
public final class LibcMemory {

    private LibcMemory() {
        // static accessors only
    }

    /**
     * {@code MAP_FAILED}, the address {@code mmap} returns on failure.
     * @return {@code (void *) -1}
     */
    public static MemorySegment MAP_FAILED() {
        return MemorySegment.ofAddress(-1L);
    }

    private static final class mmap {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_POINTER,
                C_POINTER, C_LONG, C_INT, C_INT, C_INT, C_LONG);
        static final MethodHandle HANDLE = downcall("mmap", DESC, CAPTURE_ERRNO);
    }

    /**
     * Downcall handle of {@code mmap} (first parameter: the errno state).
     * @return the handle
     */
    public static MethodHandle mmap$handle() {
        return mmap.HANDLE;
    }

    /**
     * {@code mmap(2)}.
     * @param errnoState receives errno
     * @param addr hint or fixed address ({@link MemorySegment#NULL} for none)
     * @param length bytes to map
     * @param prot {@code PROT_*}
     * @param flags {@code MAP_*}
     * @param fd file descriptor, or -1
     * @param offset file offset (for io_uring: {@code IORING_OFF_*})
     * @return the mapping as a zero-length segment, or {@link #MAP_FAILED()} with errno captured
     */
    public static MemorySegment mmap(MemorySegment errnoState, MemorySegment addr, long length, int prot, int flags,
                                     int fd, long offset) {
        try {
            return (MemorySegment) mmap.HANDLE.invokeExact(errnoState, addr, length, prot, flags, fd, offset);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static final class munmap {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_LONG);
        static final MethodHandle HANDLE = downcall("munmap", DESC, CAPTURE_ERRNO);
    }

    /**
     * Downcall handle of {@code munmap} (first parameter: the errno state).
     * @return the handle
     */
    public static MethodHandle munmap$handle() {
        return munmap.HANDLE;
    }

    /**
     * {@code munmap(2)}.
     * @param errnoState receives errno
     * @param addr start of the mapping
     * @param length bytes to unmap
     * @return 0, or -1 with errno captured
     */
    public static int munmap(MemorySegment errnoState, MemorySegment addr, long length) {
        try {
            return (int) munmap.HANDLE.invokeExact(errnoState, addr, length);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static final class madvise {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_LONG, C_INT);
        static final MethodHandle HANDLE = downcall("madvise", DESC, CAPTURE_ERRNO);
    }

    /**
     * Downcall handle of {@code madvise} (first parameter: the errno state).
     * @return the handle
     */
    public static MethodHandle madvise$handle() {
        return madvise.HANDLE;
    }

    /**
     * {@code madvise(2)}.
     * @param errnoState receives errno
     * @param addr page-aligned start
     * @param length bytes
     * @param advice {@code MADV_*}
     * @return 0, or -1 with errno captured
     */
    public static int madvise(MemorySegment errnoState, MemorySegment addr, long length, int advice) {
        try {
            return (int) madvise.HANDLE.invokeExact(errnoState, addr, length, advice);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }
}
