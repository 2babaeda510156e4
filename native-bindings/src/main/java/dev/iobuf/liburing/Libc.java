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
 * The few libc functions the io_uring layer needs, in the same header-class shape as {@link LibUring}:
 * the raw {@code syscall(2)} (for what liburing 2.3 has no helper for), {@code mmap}, {@code munmap},
 * {@code madvise}, {@code getrlimit}, {@code eventfd}, {@code close} and {@code strerror}, plus their
 * constants.
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
 * instantiation of the variadic {@code syscall}. Constant values are those of Linux on x86-64 and
 * aarch64 (asm-generic), checked against the machine's headers by {@code LayoutConformanceTest}.
 */
@SuppressWarnings({"unused", "restricted", "checkstyle:MethodName", "checkstyle:ConstantName"})
public class Libc {

    Libc() {
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

    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

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

    /**
     * {@code MAP_FAILED}, the address {@code mmap} returns on failure.
     * @return {@code (void *) -1}
     */
    public static MemorySegment MAP_FAILED() {
        return MemorySegment.ofAddress(-1L);
    }

    // ---- Memory protection (mmap prot) ----

    private static final int PROT_NONE = 0;

    /**
     * Pages cannot be accessed.
     * @return 0
     */
    public static int PROT_NONE() {
        return PROT_NONE;
    }

    private static final int PROT_READ = 1;

    /**
     * Pages can be read.
     * @return 1
     */
    public static int PROT_READ() {
        return PROT_READ;
    }

    private static final int PROT_WRITE = 2;

    /**
     * Pages can be written.
     * @return 2
     */
    public static int PROT_WRITE() {
        return PROT_WRITE;
    }

    // ---- mmap flags ----

    private static final int MAP_SHARED = 1;

    /**
     * Share the mapping (what the io_uring rings need).
     * @return 1
     */
    public static int MAP_SHARED() {
        return MAP_SHARED;
    }

    private static final int MAP_PRIVATE = 2;

    /**
     * Private copy-on-write mapping.
     * @return 2
     */
    public static int MAP_PRIVATE() {
        return MAP_PRIVATE;
    }

    private static final int MAP_FIXED = 16;

    /**
     * Map exactly at addr.
     * @return 16
     */
    public static int MAP_FIXED() {
        return MAP_FIXED;
    }

    private static final int MAP_ANONYMOUS = 32;

    /**
     * Not backed by a file.
     * @return 32
     */
    public static int MAP_ANONYMOUS() {
        return MAP_ANONYMOUS;
    }

    private static final int MAP_NORESERVE = 16384;

    /**
     * Do not reserve swap.
     * @return 16384
     */
    public static int MAP_NORESERVE() {
        return MAP_NORESERVE;
    }

    private static final int MAP_POPULATE = 32768;

    /**
     * Prefault the pages.
     * @return 32768
     */
    public static int MAP_POPULATE() {
        return MAP_POPULATE;
    }

    private static final int MAP_HUGETLB = 262144;

    /**
     * Use huge pages.
     * @return 262144
     */
    public static int MAP_HUGETLB() {
        return MAP_HUGETLB;
    }

    // ---- madvise advice ----

    private static final int MADV_NORMAL = 0;

    /**
     * No special treatment.
     * @return 0
     */
    public static int MADV_NORMAL() {
        return MADV_NORMAL;
    }

    private static final int MADV_RANDOM = 1;

    /**
     * Expect random access.
     * @return 1
     */
    public static int MADV_RANDOM() {
        return MADV_RANDOM;
    }

    private static final int MADV_SEQUENTIAL = 2;

    /**
     * Expect sequential access.
     * @return 2
     */
    public static int MADV_SEQUENTIAL() {
        return MADV_SEQUENTIAL;
    }

    private static final int MADV_WILLNEED = 3;

    /**
     * Will need these pages.
     * @return 3
     */
    public static int MADV_WILLNEED() {
        return MADV_WILLNEED;
    }

    private static final int MADV_DONTNEED = 4;

    /**
     * Drop these pages.
     * @return 4
     */
    public static int MADV_DONTNEED() {
        return MADV_DONTNEED;
    }

    private static final int MADV_DONTFORK = 10;

    /**
     * Do not map into a forked child (registered buffers, rings).
     * @return 10
     */
    public static int MADV_DONTFORK() {
        return MADV_DONTFORK;
    }

    private static final int MADV_DOFORK = 11;

    /**
     * Undo MADV_DONTFORK.
     * @return 11
     */
    public static int MADV_DOFORK() {
        return MADV_DOFORK;
    }

    private static final int MADV_HUGEPAGE = 14;

    /**
     * Prefer transparent huge pages.
     * @return 14
     */
    public static int MADV_HUGEPAGE() {
        return MADV_HUGEPAGE;
    }

    private static final int MADV_NOHUGEPAGE = 15;

    /**
     * Avoid transparent huge pages.
     * @return 15
     */
    public static int MADV_NOHUGEPAGE() {
        return MADV_NOHUGEPAGE;
    }

    // ---- Resource limits ----

    private static final int RLIMIT_NOFILE = 7;

    /**
     * Open file limit.
     * @return 7
     */
    public static int RLIMIT_NOFILE() {
        return RLIMIT_NOFILE;
    }

    private static final int RLIMIT_MEMLOCK = 8;

    /**
     * Locked-memory limit (registered buffers and rings on kernels before 5.12 count against it).
     * @return 8
     */
    public static int RLIMIT_MEMLOCK() {
        return RLIMIT_MEMLOCK;
    }

    private static final long RLIM_INFINITY = -1L;

    /**
     * No limit (all bits set).
     * @return -1
     */
    public static long RLIM_INFINITY() {
        return RLIM_INFINITY;
    }

    // ---- eventfd flags ----

    private static final int EFD_SEMAPHORE = 1;

    /**
     * Semaphore semantics.
     * @return 1
     */
    public static int EFD_SEMAPHORE() {
        return EFD_SEMAPHORE;
    }

    private static final int EFD_NONBLOCK = 2048;

    /**
     * Non-blocking.
     * @return 2048
     */
    public static int EFD_NONBLOCK() {
        return EFD_NONBLOCK;
    }

    private static final int EFD_CLOEXEC = 524288;

    /**
     * Close on exec.
     * @return 524288
     */
    public static int EFD_CLOEXEC() {
        return EFD_CLOEXEC;
    }

    // ---- open(2), statx(2) (<fcntl.h>, <linux/stat.h>): the file API opens and stats through io_uring ----

    /** {@code AT_FDCWD}: paths relative to the working directory. @return -100 */
    public static int AT_FDCWD() {
        return -100;
    }

    /** {@code AT_EMPTY_PATH}: with an empty path, operate on the dirfd itself. @return 0x1000 */
    public static int AT_EMPTY_PATH() {
        return 0x1000;
    }

    /** {@code O_RDONLY}. @return 0 */
    public static int O_RDONLY() {
        return 0;
    }

    /** {@code O_WRONLY}. @return 1 */
    public static int O_WRONLY() {
        return 1;
    }

    /** {@code O_RDWR}. @return 2 */
    public static int O_RDWR() {
        return 2;
    }

    /** {@code O_CREAT}. @return 0x40 */
    public static int O_CREAT() {
        return 0x40;
    }

    /** {@code O_EXCL}. @return 0x80 */
    public static int O_EXCL() {
        return 0x80;
    }

    /** {@code O_TRUNC}. @return 0x200 */
    public static int O_TRUNC() {
        return 0x200;
    }

    /** {@code O_APPEND}. @return 0x400 */
    public static int O_APPEND() {
        return 0x400;
    }

    /** {@code O_DSYNC}. @return 0x1000 */
    public static int O_DSYNC() {
        return 0x1000;
    }

    /** {@code O_SYNC} ({@code __O_SYNC | O_DSYNC}). @return 0x101000 */
    public static int O_SYNC() {
        return 0x101000;
    }

    /** {@code O_NOFOLLOW}: differs between architectures like O_DIRECT. @return the value for this architecture */
    public static int O_NOFOLLOW() {
        return AARCH64 ? 0x8000 : 0x20000;
    }

    /** {@code O_DIRECT}: 0x4000 on x86-64, 0x10000 on aarch64. @return the value for this architecture */
    public static int O_DIRECT() {
        return AARCH64 ? 0x10000 : 0x4000;
    }

    /** {@code O_NOATIME}. @return 0x40000 */
    public static int O_NOATIME() {
        return 0x40000;
    }

    /** {@code O_CLOEXEC}. @return 0x80000 */
    public static int O_CLOEXEC() {
        return 0x80000;
    }

    private static final boolean AARCH64 = "aarch64".equals(System.getProperty("os.arch"));

    /** {@code RWF_NOWAIT} (preadv2 flag, Linux 4.14): fail with EAGAIN rather than wait for I/O. @return 8 */
    public static int RWF_NOWAIT() {
        return 8;
    }

    /** {@code SYS_preadv2}: 327 on x86-64, 286 on aarch64 (asm-generic). @return the number for this architecture */
    public static long SYS_preadv2() {
        return AARCH64 ? 286L : 327L;
    }

    /** {@code STATX_TYPE | STATX_MODE | STATX_NLINK ... STATX_BLOCKS} ({@code STATX_BASIC_STATS}). @return 0x7ff */
    public static int STATX_BASIC_STATS() {
        return 0x7ff;
    }

    /** {@code STATX_SIZE}. @return 0x200 */
    public static int STATX_SIZE() {
        return 0x200;
    }

    /** {@code STATX_DIOALIGN} (Linux 6.1): {@code stx_dio_mem_align}, {@code stx_dio_offset_align}. @return 0x2000 */
    public static int STATX_DIOALIGN() {
        return 0x2000;
    }

    /** {@code sizeof(struct statx)}. @return 256 */
    public static int STATX_BYTES() {
        return 256;
    }

    /** Offset of {@code stx_mask} (u32). @return 0 */
    public static long STX_MASK_OFFSET() {
        return 0;
    }

    /** Offset of {@code stx_blksize} (u32). @return 4 */
    public static long STX_BLKSIZE_OFFSET() {
        return 4;
    }

    /** Offset of {@code stx_mode} (u16). @return 28 */
    public static long STX_MODE_OFFSET() {
        return 28;
    }

    /** Offset of {@code stx_ino} (u64). @return 32 */
    public static long STX_INO_OFFSET() {
        return 32;
    }

    /** Offset of {@code stx_size} (u64). @return 40 */
    public static long STX_SIZE_OFFSET() {
        return 40;
    }

    /** Offset of {@code stx_blocks} (u64). @return 48 */
    public static long STX_BLOCKS_OFFSET() {
        return 48;
    }

    /** Offset of {@code stx_mtime} ({@code struct statx_timestamp}: i64 seconds, u32 nanoseconds). @return 112 */
    public static long STX_MTIME_OFFSET() {
        return 112;
    }

    /** Offset of {@code stx_dev_major} (u32; {@code stx_dev_minor} follows). @return 136 */
    public static long STX_DEV_MAJOR_OFFSET() {
        return 136;
    }

    /** Offset of {@code stx_dio_mem_align} (u32; {@code stx_dio_offset_align} follows). @return 152 */
    public static long STX_DIO_MEM_ALIGN_OFFSET() {
        return 152;
    }

    /** Offset of {@code stx_dio_offset_align} (u32, Linux 6.1). @return 156 */
    public static long STX_DIO_OFFSET_ALIGN_OFFSET() {
        return 156;
    }

    /** Offset of {@code stx_dev_minor} (u32). @return 140 */
    public static long STX_DEV_MINOR_OFFSET() {
        return 140;
    }

    /** {@code STATX_TYPE}: {@code stx_mode & S_IFMT}. @return 0x1 */
    public static int STATX_TYPE() {
        return 0x1;
    }

    /** {@code STATX_MODE}: {@code stx_mode & ~S_IFMT}. @return 0x2 */
    public static int STATX_MODE() {
        return 0x2;
    }

    /** {@code STATX_INO}. @return 0x100 */
    public static int STATX_INO() {
        return 0x100;
    }

    /** {@code S_IFMT}: the file-type bits of a mode. @return 0xF000 */
    public static int S_IFMT() {
        return 0xF000;
    }

    /** {@code S_IFREG}: regular file. @return 0x8000 */
    public static int S_IFREG() {
        return 0x8000;
    }

    /** {@code S_IFDIR}: directory. @return 0x4000 */
    public static int S_IFDIR() {
        return 0x4000;
    }

    // ---- System call numbers (asm-generic numbering: x86-64, aarch64, riscv64 and most others) ----

    private static final long SYS_io_uring_setup = 425L;

    /**
     * Io_uring_setup(2).
     * @return 425
     */
    public static long SYS_io_uring_setup() {
        return SYS_io_uring_setup;
    }

    private static final long SYS_io_uring_enter = 426L;

    /**
     * Io_uring_enter(2).
     * @return 426
     */
    public static long SYS_io_uring_enter() {
        return SYS_io_uring_enter;
    }

    private static final long SYS_io_uring_register = 427L;

    /**
     * Io_uring_register(2).
     * @return 427
     */
    public static long SYS_io_uring_register() {
        return SYS_io_uring_register;
    }
    // ---- functions ----

    private static MemorySegment findOrThrow(String symbol) {
        return Linker.nativeLinker().defaultLookup().find(symbol)
                .orElseThrow(() -> new UnsatisfiedLinkError("libc symbol not found: " + symbol));
    }

    private static MethodHandle downcall(String symbol, FunctionDescriptor desc, Linker.Option... options) {
        return Linker.nativeLinker().downcallHandle(findOrThrow(symbol), desc, options);
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
     * @param number the system call number, e.g. {@link #SYS_io_uring_enter()}
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
     * @param resource {@code RLIMIT_*}, e.g. {@link #RLIMIT_MEMLOCK()}
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

    private static final class socket {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT);
        static final MethodHandle HANDLE = downcall("socket", DESC, CAPTURE_ERRNO);
    }

    /**
     * Downcall handle of {@code socket} (first parameter: the errno state).
     * @return the handle
     */
    public static MethodHandle socket$handle() {
        return socket.HANDLE;
    }

    /**
     * {@code socket(2)}.
     * @param errnoState receives errno
     * @param domain {@code AF_*}
     * @param type {@code SOCK_*} (with {@code SOCK_CLOEXEC} etc.)
     * @param protocol protocol, 0 for the default
     * @return the new fd, or -1 with errno captured
     */
    public static int socket(MemorySegment errnoState, int domain, int type, int protocol) {
        try {
            return (int) socket.HANDLE.invokeExact(errnoState, domain, type, protocol);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static final class bind {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_INT);
        static final MethodHandle HANDLE = downcall("bind", DESC, CAPTURE_ERRNO);
    }

    /**
     * Downcall handle of {@code bind} (first parameter: the errno state).
     * @return the handle
     */
    public static MethodHandle bind$handle() {
        return bind.HANDLE;
    }

    /**
     * {@code bind(2)}.
     * @param errnoState receives errno
     * @param fd the socket
     * @param addr a {@code struct sockaddr_*}
     * @param addrlen its length
     * @return 0, or -1 with errno captured
     */
    public static int bind(MemorySegment errnoState, int fd, MemorySegment addr, int addrlen) {
        try {
            return (int) bind.HANDLE.invokeExact(errnoState, fd, addr, addrlen);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static final class listen {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_INT);
        static final MethodHandle HANDLE = downcall("listen", DESC, CAPTURE_ERRNO);
    }

    /**
     * Downcall handle of {@code listen} (first parameter: the errno state).
     * @return the handle
     */
    public static MethodHandle listen$handle() {
        return listen.HANDLE;
    }

    /**
     * {@code listen(2)}.
     * @param errnoState receives errno
     * @param fd the socket
     * @param backlog the accept queue length
     * @return 0, or -1 with errno captured
     */
    public static int listen(MemorySegment errnoState, int fd, int backlog) {
        try {
            return (int) listen.HANDLE.invokeExact(errnoState, fd, backlog);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static final class setsockopt {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT, C_POINTER, C_INT);
        static final MethodHandle HANDLE = downcall("setsockopt", DESC, CAPTURE_ERRNO);
    }

    /**
     * Downcall handle of {@code setsockopt} (first parameter: the errno state).
     * @return the handle
     */
    public static MethodHandle setsockopt$handle() {
        return setsockopt.HANDLE;
    }

    /**
     * {@code setsockopt(2)}.
     * @param errnoState receives errno
     * @param fd the socket
     * @param level {@code SOL_*} / {@code IPPROTO_*}
     * @param optname the option
     * @param optval the value
     * @param optlen its length
     * @return 0, or -1 with errno captured
     */
    public static int setsockopt(MemorySegment errnoState, int fd, int level, int optname, MemorySegment optval, int optlen) {
        try {
            return (int) setsockopt.HANDLE.invokeExact(errnoState, fd, level, optname, optval, optlen);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static final class getsockopt {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT, C_POINTER, C_POINTER);
        static final MethodHandle HANDLE = downcall("getsockopt", DESC, CAPTURE_ERRNO);
    }

    /**
     * Downcall handle of {@code getsockopt} (first parameter: the errno state).
     * @return the handle
     */
    public static MethodHandle getsockopt$handle() {
        return getsockopt.HANDLE;
    }

    /**
     * {@code getsockopt(2)}.
     * @param errnoState receives errno
     * @param fd the socket
     * @param level {@code SOL_*} / {@code IPPROTO_*}
     * @param optname the option
     * @param optval receives the value
     * @param optlen in: capacity, out: length ({@code socklen_t})
     * @return 0, or -1 with errno captured
     */
    public static int getsockopt(MemorySegment errnoState, int fd, int level, int optname, MemorySegment optval, MemorySegment optlen) {
        try {
            return (int) getsockopt.HANDLE.invokeExact(errnoState, fd, level, optname, optval, optlen);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static final class getsockname {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_POINTER);
        static final MethodHandle HANDLE = downcall("getsockname", DESC, CAPTURE_ERRNO);
    }

    /**
     * Downcall handle of {@code getsockname} (first parameter: the errno state).
     * @return the handle
     */
    public static MethodHandle getsockname$handle() {
        return getsockname.HANDLE;
    }

    /**
     * {@code getsockname(2)}.
     * @param errnoState receives errno
     * @param fd the socket
     * @param addr receives the address
     * @param addrlen in: capacity, out: length ({@code socklen_t})
     * @return 0, or -1 with errno captured
     */
    public static int getsockname(MemorySegment errnoState, int fd, MemorySegment addr, MemorySegment addrlen) {
        try {
            return (int) getsockname.HANDLE.invokeExact(errnoState, fd, addr, addrlen);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static final class getpeername {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_POINTER);
        static final MethodHandle HANDLE = downcall("getpeername", DESC, CAPTURE_ERRNO);
    }

    /**
     * Downcall handle of {@code getpeername} (first parameter: the errno state).
     * @return the handle
     */
    public static MethodHandle getpeername$handle() {
        return getpeername.HANDLE;
    }

    /**
     * {@code getpeername(2)}.
     * @param errnoState receives errno
     * @param fd the socket
     * @param addr receives the address
     * @param addrlen in: capacity, out: length ({@code socklen_t})
     * @return 0, or -1 with errno captured
     */
    public static int getpeername(MemorySegment errnoState, int fd, MemorySegment addr, MemorySegment addrlen) {
        try {
            return (int) getpeername.HANDLE.invokeExact(errnoState, fd, addr, addrlen);
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
