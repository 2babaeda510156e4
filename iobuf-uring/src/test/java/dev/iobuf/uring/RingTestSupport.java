package dev.iobuf.uring;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;

/** Helpers for the ring tests: libc calls the bindings do not offer, and a loud skip without io_uring. */
final class RingTestSupport {
    static final int AT_FDCWD = -100;
    static final int O_RDONLY = 0;
    static final int O_WRONLY = 1;
    static final int O_RDWR = 2;
    static final int O_CREAT = 0100;
    static final int O_TRUNC = 01000;
    static final int O_NONBLOCK = 04000;
    static final int O_CLOEXEC = 02000000;
    static final int AT_EMPTY_PATH = 0x1000;
    static final int STATX_SIZE = 0x200;
    static final long STATX_SIZE_OFFSET = 40;
    static final int ECANCELED = 125;
    static final int ETIME = 62;
    static final int ENOENT = 2;
    static final int EALREADY = 114;
    static final int EBADF = 9;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final MethodHandle OPEN = LINKER.downcallHandle(LIBC.find("open").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT),
            Linker.Option.firstVariadicArg(2));
    private static final MethodHandle PIPE2 = LINKER.downcallHandle(LIBC.find("pipe2").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
    private static final MethodHandle WRITE = LINKER.downcallHandle(LIBC.find("write").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
    private static final MethodHandle READ = LINKER.downcallHandle(LIBC.find("read").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
    private static final MethodHandle CLOSE = LINKER.downcallHandle(LIBC.find("close").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));

    private RingTestSupport() {
    }

    /** Builds a ring, or skips the test loudly when this machine cannot run io_uring. */
    static Ring ring(Supplier<Ring> build) {
        try {
            return build.get();
        } catch (IoUringBlockedException | IoUringUnavailableException e) {
            Assumptions.abort("io_uring is not usable here, skipping: " + e.getMessage());
            throw e;
        }
    }

    static Ring ring(int entries) {
        return ring(() -> Ring.open(entries));
    }

    static int open(Arena arena, Path path, int flags, int mode) {
        try {
            int fd = (int) OPEN.invokeExact(arena.allocateFrom(path.toString()), flags | O_CLOEXEC, mode);
            if (fd < 0) {
                throw new IllegalStateException("open(" + path + ") failed");
            }
            return fd;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {read end, write end}. */
    static int[] pipe(int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fds = arena.allocate(ValueLayout.JAVA_INT, 2);
            int rc = (int) PIPE2.invokeExact(fds, flags | O_CLOEXEC);
            if (rc != 0) {
                throw new IllegalStateException("pipe2 failed");
            }
            return new int[] {fds.get(ValueLayout.JAVA_INT, 0), fds.get(ValueLayout.JAVA_INT, 4)};
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static long write(int fd, MemorySegment buf, long n) {
        try {
            return (long) WRITE.invokeExact(fd, buf, n);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static long read(int fd, MemorySegment buf, long n) {
        try {
            return (long) READ.invokeExact(fd, buf, n);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static void close(int... fds) {
        for (int fd : fds) {
            try {
                int rc = (int) CLOSE.invokeExact(fd);
                if (rc != 0) {
                    throw new IllegalStateException("close(" + fd + ") failed");
                }
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    /** Names of this process's threads (/proc/self/task/N/comm). */
    static List<String> threadNames() throws Exception {
        List<String> names = new ArrayList<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    names.add(Files.readString(task.resolve("comm")).trim() + "@" + task.getFileName());
                } catch (java.io.IOException gone) {
                    // the thread exited meanwhile
                }
            }
        }
        return names;
    }

    /** {@code com.sun.management.ThreadMXBean.getCurrentThreadAllocatedBytes()}, reached reflectively. */
    static MethodHandle currentThreadAllocatedBytes() throws ReflectiveOperationException {
        Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
        Class<?> type = Class.forName("com.sun.management.ThreadMXBean");
        Method m = type.getMethod("getCurrentThreadAllocatedBytes");
        return MethodHandles.publicLookup().unreflect(m).bindTo(bean);
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
