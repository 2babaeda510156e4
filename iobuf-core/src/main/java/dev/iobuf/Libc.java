package dev.iobuf;

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
 *
 * <p><b>One downcall stub.</b> Every call goes through {@code syscall(2)}, bound with exactly the descriptor and
 * options of native-bindings' {@code LibcProcess.syscall} (seven {@code long}s, variadic from the second, errno
 * captured). The FFM linker makes one stub class per distinct descriptor and options, plus the LambdaForms around
 * it (~15 spun classes the AOT cache cannot hold), and caches it by descriptor and options: iobuf-core's calls
 * then cost a start no stub of their own (three distinct libc descriptors cost ~34 spun classes and 35-50 ms of CPU
 * to the first answer on a start pinned to one core; benchmarks/README.md, "Start time"). The system call numbers
 * are x86-64's and aarch64's ({@link #syscallNumbers}); elsewhere {@link #canMap()} is false and callers fall
 * back to {@link Arena} memory. {@code getpagesize} is no system call: libc's is bound with the same descriptor
 * (a function of no arguments ignores the registers the unused ones go in, and its {@code int} result is the
 * low half of the returned {@code long}, on both architectures).
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

    /** {@code long syscall(long number, ...)} as native-bindings binds it (class comment): one shared stub. */
    private static final FunctionDescriptor SYSCALL_SHAPE = FunctionDescriptor.of(JAVA_LONG,
            JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG);
    private static final MethodHandle SYSCALL = bind("syscall");
    private static final MethodHandle GETPAGESIZE = bind("getpagesize");

    /** This architecture's numbers, indexed by the {@code NR_} constants below; null where unknown. */
    private static final long[] NR = syscallNumbers(System.getProperty("os.arch", ""));
    private static final int NR_MMAP = 0;
    private static final int NR_MUNMAP = 1;
    private static final int NR_MLOCK = 2;
    private static final int NR_MADVISE = 3;
    private static final int NR_PRLIMIT64 = 4;

    private Libc() {
    }

    /** Whether {@link #mmapAnonymous} can work here: Linux, and libc reachable (native access granted). */
    static boolean canMap() {
        return LINUX && SYSCALL != null && NR != null;
    }

    /**
     * The numbers of mmap, munmap, mlock, madvise and prlimit64 on {@code arch} ({@code os.arch}), in the order of
     * the {@code NR_} constants; null for an architecture not listed (x86-64's from the kernel's
     * {@code syscall_64.tbl}, aarch64's from {@code asm-generic/unistd.h}; LibcTest expands both headers with gcc
     * and compares).
     */
    static long[] syscallNumbers(String arch) {
        return switch (arch) {
            case "amd64", "x86_64" -> new long[] {9, 11, 149, 28, 302};
            case "aarch64" -> new long[] {222, 215, 228, 233, 261};
            default -> null;
        };
    }

    /**
     * Binds libc's {@code name} with {@link #SYSCALL_SHAPE} and errno capture, or returns {@code null} when the
     * symbol or native access is missing.
     */
    private static MethodHandle bind(String name) {
        try {
            Optional<MemorySegment> symbol = LINKER.defaultLookup().find(name);
            if (symbol.isEmpty()) {
                return null;
            }
            return LINKER.downcallHandle(symbol.get(), SYSCALL_SHAPE, Linker.Option.firstVariadicArg(1), SAVE_ERRNO);
        } catch (IllegalCallerException | UnsupportedOperationException e) {
            return null; // native access denied to this module, or no native linker on this platform
        }
    }

    /**
     * {@code syscall(number, a1, ..., a5)} (the sixth argument 0): the result, or {@code -errno}.
     *
     * @throws UnsupportedOperationException when libc is not reachable or the architecture's numbers are unknown
     */
    private static long syscall(int nr, String name, long a1, long a2, long a3, long a4, long a5) {
        if (SYSCALL == null || NR == null) {
            throw new UnsupportedOperationException("libc " + name + " is not reachable: iobuf-core needs Linux on"
                    + " x86-64 or aarch64 and native access (--enable-native-access=dev.iobuf.core, or ALL-UNNAMED on"
                    + " the class path); this is " + System.getProperty("os.arch"));
        }
        try (Arena a = Arena.ofConfined()) {
            MemorySegment state = a.allocate(CAPTURE);
            long r = (long) SYSCALL.invokeExact(state, NR[nr], a1, a2, a3, a4, a5, 0L);
            return r == -1 ? -errno(state) : r;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** The OS page size from libc, or {@code -1} if libc cannot be called. */
    static int getpagesize() {
        if (GETPAGESIZE == null) {
            return -1;
        }
        try (Arena a = Arena.ofConfined()) {
            // no arguments: the registers of the seven passed are ignored (class comment)
            return (int) (long) GETPAGESIZE.invokeExact(a.allocate(CAPTURE), 0L, 0L, 0L, 0L, 0L, 0L, 0L);
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
        long r = syscall(NR_MMAP, "mmap", 0L, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1L);
        // mmap's addresses are below -4095 as unsigned numbers: a result in [-4095, -1] is -errno
        if (r < 0 && r >= -4095) {
            return (int) -r;
        }
        out[0] = r;
        return 0;
    }

    /** {@code munmap(address, length)}: 0 or errno. */
    static int munmap(long address, long length) {
        return (int) -syscall(NR_MUNMAP, "munmap", address, length, 0L, 0L, 0L);
    }

    /** {@code mlock(address, length)}: 0 or errno. */
    static int mlock(long address, long length) {
        return (int) -syscall(NR_MLOCK, "mlock", address, length, 0L, 0L, 0L);
    }

    /** {@code madvise(address, length, advice)}: 0 or errno. */
    static int madvise(long address, long length, int advice) {
        return (int) -syscall(NR_MADVISE, "madvise", address, length, advice, 0L, 0L);
    }

    /**
     * The soft {@code RLIMIT_MEMLOCK} in bytes, {@link #RLIM_INFINITY} if unlimited, or
     * {@code -2} if it cannot be read: the library's one reader, published as {@link MemlockLimit#soft()}.
     */
    static long memlockLimit() {
        if (!canMap()) {
            return -2;
        }
        try (Arena a = Arena.ofConfined()) {
            MemorySegment rlimit = a.allocate(JAVA_LONG, 2); // struct rlimit { rlim_cur; rlim_max; }
            // prlimit64(0: this process, resource, new: none, old)
            long r = syscall(NR_PRLIMIT64, "prlimit64", 0L, RLIMIT_MEMLOCK, 0L, rlimit.address(), 0L);
            return r == 0 ? rlimit.getAtIndex(JAVA_LONG, 0) : -2;
        }
    }

    private static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
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
