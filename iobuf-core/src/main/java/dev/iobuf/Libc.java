package dev.iobuf;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Locale;
import java.util.Optional;

/**
 * The handful of libc memory calls iobuf-core needs, bound through FFM with errno captured.
 *
 * <p>iobuf-core must not depend on native-bindings (the arrows point from iobuf-uring to both), so
 * these few functions are bound here. Every call except {@link #getpagesize()} returns {@code 0}
 * or a positive errno (never {@code -1}): the caller turns the errno into a message, because only
 * the caller knows what was asked and what to fix.
 *
 * <p>The constants are Linux's generic ABI values (x86-64, aarch64, riscv64, ppc64le, s390x
 * share them); {@link #LINUX} is {@code false} on other systems, where callers fall back to
 * {@link Arena} memory.
 */
@SuppressWarnings("restricted") // binding libc is this class's job; callers need native access
final class Libc {
    static final int PROT_READ = 0x1;
    static final int PROT_WRITE = 0x2;
    static final int MAP_PRIVATE = 0x02;
    static final int MAP_ANONYMOUS = 0x20;
    static final int MADV_HUGEPAGE = 14;
    static final int RLIMIT_MEMLOCK = 8;
    /** {@code RLIM_INFINITY}: all ones in an unsigned 64-bit rlim_t. */
    static final long RLIM_INFINITY = -1L;
    /** {@code MAP_FAILED}, {@code (void *) -1}. */
    private static final long MAP_FAILED = -1L;

    static final int EPERM = 1;
    static final int EAGAIN = 11;
    static final int ENOMEM = 12;
    static final int EINVAL = 22;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option SAVE_ERRNO = Linker.Option.captureCallState("errno");

    /** Whether the constants above hold: anonymous mmap is only used on Linux. */
    static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");

    private static final MethodHandle GETPAGESIZE = bind("getpagesize", FunctionDescriptor.of(JAVA_INT), false);
    private static final MethodHandle MMAP_H = bind("mmap",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG), true);
    private static final MethodHandle MUNMAP = bind("munmap", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG), true);
    private static final MethodHandle MLOCK = bind("mlock", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG), true);

    // Bound on first use, not with the class: each distinct descriptor costs the linker a spun class (~10 ms on a
    // slow host) and most starts call neither. (munmap and mlock above share munmap's descriptor: no extra class;
    // munmap stays bound with the class because a teardown out of fds must not need to load a class.)
    private static final class Madvise {
        static final MethodHandle H = bind("madvise", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT), true);
    }

    private static final class Getrlimit {
        static final MethodHandle H = bind("getrlimit", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS), true);
    }

    private Libc() {
    }

    /** Whether {@link #mmapAnonymous} can work here: Linux, and libc reachable (native access granted). */
    static boolean canMap() {
        return LINUX && MMAP_H != null && MUNMAP != null;
    }

    /** Binds {@code name}, or returns {@code null} when the symbol or native access is missing. */
    private static MethodHandle bind(String name, FunctionDescriptor descriptor, boolean errno) {
        try {
            Optional<MemorySegment> symbol = LINKER.defaultLookup().find(name);
            if (symbol.isEmpty()) {
                return null;
            }
            return errno
                    ? LINKER.downcallHandle(symbol.get(), descriptor, SAVE_ERRNO)
                    : LINKER.downcallHandle(symbol.get(), descriptor);
        } catch (IllegalCallerException | UnsupportedOperationException e) {
            return null; // native access denied to this module, or no native linker on this platform
        }
    }

    /** The OS page size from libc, or {@code -1} if libc cannot be called. */
    static int getpagesize() {
        if (GETPAGESIZE == null) {
            return -1;
        }
        try {
            return (int) GETPAGESIZE.invokeExact();
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * Maps {@code length} bytes of private anonymous read-write memory.
     *
     * @param out {@code out[0]} receives the address on success
     * @return 0, or the errno of the failure
     */
    static int mmapAnonymous(long length, long[] out) {
        if (!LINUX) {
            throw new UnsupportedOperationException("mmap'd slabs need Linux; this is "
                    + System.getProperty("os.name") + ": use slabs without huge pages or locking");
        }
        MethodHandle h = require(MMAP_H, "mmap");
        try (Arena a = Arena.ofConfined()) {
            MemorySegment state = a.allocate(CAPTURE);
            MemorySegment p = (MemorySegment) h.invokeExact(state, MemorySegment.NULL, length,
                    PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0L);
            if (p.address() == MAP_FAILED) {
                return errno(state);
            }
            out[0] = p.address();
            return 0;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@code munmap(address, length)}: 0 or errno. */
    static int munmap(long address, long length) {
        return addressLengthCall(require(MUNMAP, "munmap"), address, length);
    }

    /** {@code mlock(address, length)}: 0 or errno. */
    static int mlock(long address, long length) {
        return addressLengthCall(require(MLOCK, "mlock"), address, length);
    }

    /** {@code madvise(address, length, advice)}: 0 or errno. */
    static int madvise(long address, long length, int advice) {
        MethodHandle h = require(Madvise.H, "madvise");
        try (Arena a = Arena.ofConfined()) {
            MemorySegment state = a.allocate(CAPTURE);
            int r = (int) h.invokeExact(state, MemorySegment.ofAddress(address), length, advice);
            return r == 0 ? 0 : errno(state);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * The soft {@code RLIMIT_MEMLOCK} in bytes, {@link #RLIM_INFINITY} if unlimited, or
     * {@code -2} if it cannot be read: the library's one reader, published as {@link MemlockLimit#soft()}.
     */
    static long memlockLimit() {
        MethodHandle getrlimit = Getrlimit.H;
        if (getrlimit == null) {
            return -2;
        }
        try (Arena a = Arena.ofConfined()) {
            MemorySegment state = a.allocate(CAPTURE);
            MemorySegment rlimit = a.allocate(JAVA_LONG, 2); // struct rlimit { rlim_cur; rlim_max; }
            int r = (int) getrlimit.invokeExact(state, RLIMIT_MEMLOCK, rlimit);
            return r == 0 ? rlimit.getAtIndex(JAVA_LONG, 0) : -2;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static int addressLengthCall(MethodHandle h, long address, long length) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment state = a.allocate(CAPTURE);
            int r = (int) h.invokeExact(state, MemorySegment.ofAddress(address), length);
            return r == 0 ? 0 : errno(state);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    private static MethodHandle require(MethodHandle h, String name) {
        if (h == null) {
            throw new UnsupportedOperationException("libc " + name + " is not reachable: iobuf-core needs Linux and "
                    + "native access (--enable-native-access=dev.iobuf.core, or ALL-UNNAMED on the class path)");
        }
        return h;
    }

    /** Symbolic name of the errnos these calls return, e.g. {@code "ENOMEM"}; {@code "errno N"} otherwise. */
    static String errnoName(int errno) {
        return switch (errno) {
            case EPERM -> "EPERM";
            case 9 -> "EBADF";
            case EAGAIN -> "EAGAIN";
            case ENOMEM -> "ENOMEM";
            case 13 -> "EACCES";
            case 14 -> "EFAULT";
            case 19 -> "ENODEV";
            case EINVAL -> "EINVAL";
            case 75 -> "EOVERFLOW";
            default -> "errno " + errno;
        };
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException("unexpected checked exception from a native call", t);
    }
}
