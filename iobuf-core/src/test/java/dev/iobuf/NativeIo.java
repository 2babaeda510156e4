package dev.iobuf;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/** Test-only libc file calls (open, writev, readv, close) to push an {@link IoVec} through real syscalls. */
@SuppressWarnings("restricted")
final class NativeIo {
    static final int O_RDONLY = 0;
    static final int O_WRONLY = 1;
    static final int O_CREAT = 0100;
    static final int O_TRUNC = 01000;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle OPEN = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("open"),
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(2));
    private static final MethodHandle WRITEV = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("writev"),
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle READV = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("readv"),
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle CLOSE = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("close"),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT));

    private NativeIo() {
    }

    static int open(Path path, int flags) throws Throwable {
        try (Arena a = Arena.ofConfined()) {
            int fd = (int) OPEN.invokeExact(a.allocateFrom(path.toString()), flags, 0644);
            if (fd < 0) {
                throw new IllegalStateException("open(" + path + ") failed");
            }
            return fd;
        }
    }

    static long writev(int fd, IoVec iov) throws Throwable {
        return (long) WRITEV.invokeExact(fd, MemorySegment.ofAddress(iov.address()), iov.count());
    }

    static long readv(int fd, IoVec iov) throws Throwable {
        return (long) READV.invokeExact(fd, MemorySegment.ofAddress(iov.address()), iov.count());
    }

    static void close(int fd) throws Throwable {
        int r = (int) CLOSE.invokeExact(fd);
        if (r != 0) {
            throw new IllegalStateException("close(" + fd + ") failed");
        }
    }
}
