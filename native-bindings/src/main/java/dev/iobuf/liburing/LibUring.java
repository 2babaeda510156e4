package dev.iobuf.liburing;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Header class for {@code <liburing.h>} and the io_uring kernel ABI ({@code <linux/io_uring.h>}), in the
 * shape jextract generates: C type layouts, one static accessor per constant, and per function a static
 * wrapper plus {@code $descriptor()}, {@code $handle()} and {@code $address()}.
 *
 * <p><b>Loading.</b> Touching constants or layouts never loads liburing. Each function has its own
 * holder class that resolves the symbol and creates its downcall handle once, on first use, through
 * {@link LibUringLibrary}. When {@code liburing.so.2} (or one of its symbols) is missing, the call
 * throws {@link LibUringNotFoundException} saying how to install it, every time, rather than an
 * {@code UnsatisfiedLinkError} or a failed class initialisation.
 *
 * <p><b>Conventions.</b> liburing returns {@code -errno} and does not set {@code errno}. Unsigned C
 * integers map to Java {@code int}/{@code long} with the same bits, as jextract maps them. Constants newer
 * than the liburing 2.3 / Linux 6.1 headers say the Linux version that introduced them; using one on an
 * older kernel fails there with {@code -EINVAL} (or is ignored, for feature bits).
 *
 * <p>None of these downcalls uses {@code Linker.Option.critical}: most can block or take kernel locks.
 */
@SuppressWarnings({"unused", "restricted", "checkstyle:MethodName", "checkstyle:ConstantName"})
public class LibUring {

    LibUring() {
        // static accessors only
    }

    static final boolean TRACE_DOWNCALLS = Boolean.getBoolean("jextract.trace.downcalls");

    static void traceDowncall(String name, Object... args) {
        String traceArgs = Arrays.stream(args)
                .map(Object::toString)
                .collect(Collectors.joining(", "));
        System.out.printf("%s(%s)\n", name, traceArgs);
    }

    /** Resolves a liburing symbol; {@link MemorySegment#NULL} when liburing or the symbol is missing. */
    static MemorySegment findOrThrow(String symbol) {
        return LibUringLibrary.find(symbol);
    }

    /**
     * The downcall handle for {@code addr}, or, when the symbol is missing ({@code NULL}), a handle of the
     * same type that throws {@link LibUringNotFoundException} naming the symbol and the fix.
     */
    static MethodHandle downcallHandle(String symbol, MemorySegment addr, FunctionDescriptor desc) {
        if (addr.equals(MemorySegment.NULL)) {
            return LibUringLibrary.missingSymbolHandle(symbol, desc.toMethodType());
        }
        return java.lang.foreign.Linker.nativeLinker().downcallHandle(addr, desc);
    }

    static MemoryLayout align(MemoryLayout layout, long align) {
        return switch (layout) {
            case java.lang.foreign.PaddingLayout p -> p;
            case ValueLayout v -> v.withByteAlignment(align);
            case java.lang.foreign.GroupLayout g -> {
                MemoryLayout[] alignedMembers = g.memberLayouts().stream()
                        .map(m -> align(m, align)).toArray(MemoryLayout[]::new);
                yield g instanceof java.lang.foreign.StructLayout
                        ? MemoryLayout.structLayout(alignedMembers) : MemoryLayout.unionLayout(alignedMembers);
            }
            case java.lang.foreign.SequenceLayout s -> MemoryLayout.sequenceLayout(s.elementCount(), align(s.elementLayout(), align));
        };
    }

    /** C {@code bool}. */
    public static final ValueLayout.OfBoolean C_BOOL = ValueLayout.JAVA_BOOLEAN;
    /** C {@code char} (and {@code __u8}). */
    public static final ValueLayout.OfByte C_CHAR = ValueLayout.JAVA_BYTE;
    /** C {@code short} (and {@code __u16}). */
    public static final ValueLayout.OfShort C_SHORT = ValueLayout.JAVA_SHORT;
    /** C {@code int} (and {@code __u32}, {@code __s32}). */
    public static final ValueLayout.OfInt C_INT = ValueLayout.JAVA_INT;
    /** C {@code long long} (and {@code __u64}). */
    public static final ValueLayout.OfLong C_LONG_LONG = ValueLayout.JAVA_LONG;
    /** C {@code float}. */
    public static final ValueLayout.OfFloat C_FLOAT = ValueLayout.JAVA_FLOAT;
    /** C {@code double}. */
    public static final ValueLayout.OfDouble C_DOUBLE = ValueLayout.JAVA_DOUBLE;
    /** C pointer. */
    public static final AddressLayout C_POINTER = ValueLayout.ADDRESS
            .withTargetLayout(MemoryLayout.sequenceLayout(java.lang.Long.MAX_VALUE, ValueLayout.JAVA_BYTE));
    /** C {@code long} (LP64: 64 bits; also {@code size_t}). */
    public static final ValueLayout.OfLong C_LONG = ValueLayout.JAVA_LONG;

    // ---- sqe->flags bits (enum) and flags ----

    private static final int IOSQE_FIXED_FILE_BIT = 0;

    /**
     * {@snippet lang=c :
     * enum io_uring_sqe_flags_bit.IOSQE_FIXED_FILE_BIT = 0
     * }
     * @return 0 (0x0)
     */
    public static int IOSQE_FIXED_FILE_BIT() {
        return IOSQE_FIXED_FILE_BIT;
    }

    private static final int IOSQE_IO_DRAIN_BIT = 1;

    /**
     * {@snippet lang=c :
     * enum io_uring_sqe_flags_bit.IOSQE_IO_DRAIN_BIT = 1
     * }
     * @return 1 (0x1)
     */
    public static int IOSQE_IO_DRAIN_BIT() {
        return IOSQE_IO_DRAIN_BIT;
    }

    private static final int IOSQE_IO_LINK_BIT = 2;

    /**
     * {@snippet lang=c :
     * enum io_uring_sqe_flags_bit.IOSQE_IO_LINK_BIT = 2
     * }
     * @return 2 (0x2)
     */
    public static int IOSQE_IO_LINK_BIT() {
        return IOSQE_IO_LINK_BIT;
    }

    private static final int IOSQE_IO_HARDLINK_BIT = 3;

    /**
     * {@snippet lang=c :
     * enum io_uring_sqe_flags_bit.IOSQE_IO_HARDLINK_BIT = 3
     * }
     * @return 3 (0x3)
     */
    public static int IOSQE_IO_HARDLINK_BIT() {
        return IOSQE_IO_HARDLINK_BIT;
    }

    private static final int IOSQE_ASYNC_BIT = 4;

    /**
     * {@snippet lang=c :
     * enum io_uring_sqe_flags_bit.IOSQE_ASYNC_BIT = 4
     * }
     * @return 4 (0x4)
     */
    public static int IOSQE_ASYNC_BIT() {
        return IOSQE_ASYNC_BIT;
    }

    private static final int IOSQE_BUFFER_SELECT_BIT = 5;

    /**
     * {@snippet lang=c :
     * enum io_uring_sqe_flags_bit.IOSQE_BUFFER_SELECT_BIT = 5
     * }
     * @return 5 (0x5)
     */
    public static int IOSQE_BUFFER_SELECT_BIT() {
        return IOSQE_BUFFER_SELECT_BIT;
    }

    private static final int IOSQE_CQE_SKIP_SUCCESS_BIT = 6;

    /**
     * {@snippet lang=c :
     * enum io_uring_sqe_flags_bit.IOSQE_CQE_SKIP_SUCCESS_BIT = 6
     * }
     * @return 6 (0x6)
     */
    public static int IOSQE_CQE_SKIP_SUCCESS_BIT() {
        return IOSQE_CQE_SKIP_SUCCESS_BIT;
    }

    private static final int IOSQE_FIXED_FILE = 1;

    /**
     * Use a registered (fixed) file: sqe->fd is an index.
     * {@snippet lang=c :
     * #define IOSQE_FIXED_FILE (1U << IOSQE_FIXED_FILE_BIT)
     * }
     * @return 1 (0x1)
     */
    public static int IOSQE_FIXED_FILE() {
        return IOSQE_FIXED_FILE;
    }

    private static final int IOSQE_IO_DRAIN = 2;

    /**
     * Issue after all in-flight requests.
     * {@snippet lang=c :
     * #define IOSQE_IO_DRAIN (1U << IOSQE_IO_DRAIN_BIT)
     * }
     * @return 2 (0x2)
     */
    public static int IOSQE_IO_DRAIN() {
        return IOSQE_IO_DRAIN;
    }

    private static final int IOSQE_IO_LINK = 4;

    /**
     * Link the next SQE: it starts when this one completes.
     * {@snippet lang=c :
     * #define IOSQE_IO_LINK (1U << IOSQE_IO_LINK_BIT)
     * }
     * @return 4 (0x4)
     */
    public static int IOSQE_IO_LINK() {
        return IOSQE_IO_LINK;
    }

    private static final int IOSQE_IO_HARDLINK = 8;

    /**
     * Like IO_LINK, but the chain survives a failure.
     * {@snippet lang=c :
     * #define IOSQE_IO_HARDLINK (1U << IOSQE_IO_HARDLINK_BIT)
     * }
     * @return 8 (0x8)
     */
    public static int IOSQE_IO_HARDLINK() {
        return IOSQE_IO_HARDLINK;
    }

    private static final int IOSQE_ASYNC = 16;

    /**
     * Always go async (io-wq).
     * {@snippet lang=c :
     * #define IOSQE_ASYNC (1U << IOSQE_ASYNC_BIT)
     * }
     * @return 16 (0x10)
     */
    public static int IOSQE_ASYNC() {
        return IOSQE_ASYNC;
    }

    private static final int IOSQE_BUFFER_SELECT = 32;

    /**
     * Pick a provided buffer from sqe->buf_group.
     * {@snippet lang=c :
     * #define IOSQE_BUFFER_SELECT (1U << IOSQE_BUFFER_SELECT_BIT)
     * }
     * @return 32 (0x20)
     */
    public static int IOSQE_BUFFER_SELECT() {
        return IOSQE_BUFFER_SELECT;
    }

    private static final int IOSQE_CQE_SKIP_SUCCESS = 64;

    /**
     * Post no CQE when the request succeeds.
     * {@snippet lang=c :
     * #define IOSQE_CQE_SKIP_SUCCESS (1U << IOSQE_CQE_SKIP_SUCCESS_BIT)
     * }
     * @return 64 (0x40)
     */
    public static int IOSQE_CQE_SKIP_SUCCESS() {
        return IOSQE_CQE_SKIP_SUCCESS;
    }

    // ---- sqe->file_index ----

    private static final int IORING_FILE_INDEX_ALLOC = -1;

    /**
     * In sqe->file_index: let the kernel allocate a free direct descriptor slot.
     * {@snippet lang=c :
     * #define IORING_FILE_INDEX_ALLOC (~0U)
     * }
     * @return 4294967295 (0xffffffff)
     */
    public static int IORING_FILE_INDEX_ALLOC() {
        return IORING_FILE_INDEX_ALLOC;
    }

    // ---- io_uring_setup(2) flags ----

    private static final int IORING_SETUP_IOPOLL = 1;

    /**
     * Busy-poll for completions (O_DIRECT storage).
     * {@snippet lang=c :
     * #define IORING_SETUP_IOPOLL (1U << 0)
     * }
     * @return 1 (0x1)
     */
    public static int IORING_SETUP_IOPOLL() {
        return IORING_SETUP_IOPOLL;
    }

    private static final int IORING_SETUP_SQPOLL = 2;

    /**
     * Kernel thread polls the SQ.
     * {@snippet lang=c :
     * #define IORING_SETUP_SQPOLL (1U << 1)
     * }
     * @return 2 (0x2)
     */
    public static int IORING_SETUP_SQPOLL() {
        return IORING_SETUP_SQPOLL;
    }

    private static final int IORING_SETUP_SQ_AFF = 4;

    /**
     * Sq_thread_cpu is valid.
     * {@snippet lang=c :
     * #define IORING_SETUP_SQ_AFF (1U << 2)
     * }
     * @return 4 (0x4)
     */
    public static int IORING_SETUP_SQ_AFF() {
        return IORING_SETUP_SQ_AFF;
    }

    private static final int IORING_SETUP_CQSIZE = 8;

    /**
     * Params.cq_entries sets the CQ size.
     * {@snippet lang=c :
     * #define IORING_SETUP_CQSIZE (1U << 3)
     * }
     * @return 8 (0x8)
     */
    public static int IORING_SETUP_CQSIZE() {
        return IORING_SETUP_CQSIZE;
    }

    private static final int IORING_SETUP_CLAMP = 16;

    /**
     * Clamp SQ/CQ sizes to the maximum.
     * {@snippet lang=c :
     * #define IORING_SETUP_CLAMP (1U << 4)
     * }
     * @return 16 (0x10)
     */
    public static int IORING_SETUP_CLAMP() {
        return IORING_SETUP_CLAMP;
    }

    private static final int IORING_SETUP_ATTACH_WQ = 32;

    /**
     * Share the io-wq of params.wq_fd.
     * {@snippet lang=c :
     * #define IORING_SETUP_ATTACH_WQ (1U << 5)
     * }
     * @return 32 (0x20)
     */
    public static int IORING_SETUP_ATTACH_WQ() {
        return IORING_SETUP_ATTACH_WQ;
    }

    private static final int IORING_SETUP_R_DISABLED = 64;

    /**
     * Start disabled (restrictions, then IORING_REGISTER_ENABLE_RINGS).
     * {@snippet lang=c :
     * #define IORING_SETUP_R_DISABLED (1U << 6)
     * }
     * @return 64 (0x40)
     */
    public static int IORING_SETUP_R_DISABLED() {
        return IORING_SETUP_R_DISABLED;
    }

    private static final int IORING_SETUP_SUBMIT_ALL = 128;

    /**
     * Keep submitting after an SQE fails.
     * {@snippet lang=c :
     * #define IORING_SETUP_SUBMIT_ALL (1U << 7)
     * }
     * @return 128 (0x80)
     */
    public static int IORING_SETUP_SUBMIT_ALL() {
        return IORING_SETUP_SUBMIT_ALL;
    }

    private static final int IORING_SETUP_COOP_TASKRUN = 256;

    /**
     * No IPI to run task work; it runs on the next kernel entry.
     * {@snippet lang=c :
     * #define IORING_SETUP_COOP_TASKRUN (1U << 8)
     * }
     * @return 256 (0x100)
     */
    public static int IORING_SETUP_COOP_TASKRUN() {
        return IORING_SETUP_COOP_TASKRUN;
    }

    private static final int IORING_SETUP_TASKRUN_FLAG = 512;

    /**
     * Set IORING_SQ_TASKRUN when task work is pending.
     * {@snippet lang=c :
     * #define IORING_SETUP_TASKRUN_FLAG (1U << 9)
     * }
     * @return 512 (0x200)
     */
    public static int IORING_SETUP_TASKRUN_FLAG() {
        return IORING_SETUP_TASKRUN_FLAG;
    }

    private static final int IORING_SETUP_SQE128 = 1024;

    /**
     * 128-byte SQEs.
     * {@snippet lang=c :
     * #define IORING_SETUP_SQE128 (1U << 10)
     * }
     * @return 1024 (0x400)
     */
    public static int IORING_SETUP_SQE128() {
        return IORING_SETUP_SQE128;
    }

    private static final int IORING_SETUP_CQE32 = 2048;

    /**
     * 32-byte CQEs.
     * {@snippet lang=c :
     * #define IORING_SETUP_CQE32 (1U << 11)
     * }
     * @return 2048 (0x800)
     */
    public static int IORING_SETUP_CQE32() {
        return IORING_SETUP_CQE32;
    }

    private static final int IORING_SETUP_SINGLE_ISSUER = 4096;

    /**
     * Only one task submits.
     * {@snippet lang=c :
     * #define IORING_SETUP_SINGLE_ISSUER (1U << 12)
     * }
     * @return 4096 (0x1000)
     */
    public static int IORING_SETUP_SINGLE_ISSUER() {
        return IORING_SETUP_SINGLE_ISSUER;
    }

    private static final int IORING_SETUP_DEFER_TASKRUN = 8192;

    /**
     * Run task work only on io_uring_enter(GETEVENTS); needs SINGLE_ISSUER.
     * {@snippet lang=c :
     * #define IORING_SETUP_DEFER_TASKRUN (1U << 13)
     * }
     * @return 8192 (0x2000)
     */
    public static int IORING_SETUP_DEFER_TASKRUN() {
        return IORING_SETUP_DEFER_TASKRUN;
    }

    private static final int IORING_SETUP_NO_MMAP = 16384;

    /**
     * The application provides the ring memory (sq_off/cq_off.user_addr).
     * {@snippet lang=c :
     * #define IORING_SETUP_NO_MMAP (1U << 14)
     * }
     * <p>Since Linux 6.5 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 16384 (0x4000)
     */
    public static int IORING_SETUP_NO_MMAP() {
        return IORING_SETUP_NO_MMAP;
    }

    private static final int IORING_SETUP_REGISTERED_FD_ONLY = 32768;

    /**
     * Return a registered ring index instead of an fd; needs NO_MMAP.
     * {@snippet lang=c :
     * #define IORING_SETUP_REGISTERED_FD_ONLY (1U << 15)
     * }
     * <p>Since Linux 6.5 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 32768 (0x8000)
     */
    public static int IORING_SETUP_REGISTERED_FD_ONLY() {
        return IORING_SETUP_REGISTERED_FD_ONLY;
    }

    private static final int IORING_SETUP_NO_SQARRAY = 65536;

    /**
     * No SQ index array: SQEs are consumed in ring order.
     * {@snippet lang=c :
     * #define IORING_SETUP_NO_SQARRAY (1U << 16)
     * }
     * <p>Since Linux 6.6 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 65536 (0x10000)
     */
    public static int IORING_SETUP_NO_SQARRAY() {
        return IORING_SETUP_NO_SQARRAY;
    }

    private static final int IORING_SETUP_HYBRID_IOPOLL = 131072;

    /**
     * Hybrid (sleep-then-poll) IOPOLL; needs IOPOLL.
     * {@snippet lang=c :
     * #define IORING_SETUP_HYBRID_IOPOLL (1U << 17)
     * }
     * <p>Since Linux 6.13 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 131072 (0x20000)
     */
    public static int IORING_SETUP_HYBRID_IOPOLL() {
        return IORING_SETUP_HYBRID_IOPOLL;
    }

    private static final int IORING_SETUP_CQE_MIXED = 262144;

    /**
     * 16- and 32-byte CQEs mixed in one CQ ring (IORING_CQE_F_32 marks the big ones).
     * {@snippet lang=c :
     * #define IORING_SETUP_CQE_MIXED (1U << 18)
     * }
     * <p>Since Linux 6.18 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 262144 (0x40000)
     */
    public static int IORING_SETUP_CQE_MIXED() {
        return IORING_SETUP_CQE_MIXED;
    }

    // ---- opcodes (enum io_uring_op) ----

    private static final int IORING_OP_NOP = 0;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_NOP = 0
     * }
     * @return 0 (0x0)
     */
    public static int IORING_OP_NOP() {
        return IORING_OP_NOP;
    }

    private static final int IORING_OP_READV = 1;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_READV = 1
     * }
     * @return 1 (0x1)
     */
    public static int IORING_OP_READV() {
        return IORING_OP_READV;
    }

    private static final int IORING_OP_WRITEV = 2;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_WRITEV = 2
     * }
     * @return 2 (0x2)
     */
    public static int IORING_OP_WRITEV() {
        return IORING_OP_WRITEV;
    }

    private static final int IORING_OP_FSYNC = 3;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_FSYNC = 3
     * }
     * @return 3 (0x3)
     */
    public static int IORING_OP_FSYNC() {
        return IORING_OP_FSYNC;
    }

    private static final int IORING_OP_READ_FIXED = 4;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_READ_FIXED = 4
     * }
     * @return 4 (0x4)
     */
    public static int IORING_OP_READ_FIXED() {
        return IORING_OP_READ_FIXED;
    }

    private static final int IORING_OP_WRITE_FIXED = 5;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_WRITE_FIXED = 5
     * }
     * @return 5 (0x5)
     */
    public static int IORING_OP_WRITE_FIXED() {
        return IORING_OP_WRITE_FIXED;
    }

    private static final int IORING_OP_POLL_ADD = 6;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_POLL_ADD = 6
     * }
     * @return 6 (0x6)
     */
    public static int IORING_OP_POLL_ADD() {
        return IORING_OP_POLL_ADD;
    }

    private static final int IORING_OP_POLL_REMOVE = 7;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_POLL_REMOVE = 7
     * }
     * @return 7 (0x7)
     */
    public static int IORING_OP_POLL_REMOVE() {
        return IORING_OP_POLL_REMOVE;
    }

    private static final int IORING_OP_SYNC_FILE_RANGE = 8;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_SYNC_FILE_RANGE = 8
     * }
     * @return 8 (0x8)
     */
    public static int IORING_OP_SYNC_FILE_RANGE() {
        return IORING_OP_SYNC_FILE_RANGE;
    }

    private static final int IORING_OP_SENDMSG = 9;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_SENDMSG = 9
     * }
     * @return 9 (0x9)
     */
    public static int IORING_OP_SENDMSG() {
        return IORING_OP_SENDMSG;
    }

    private static final int IORING_OP_RECVMSG = 10;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_RECVMSG = 10
     * }
     * @return 10 (0xa)
     */
    public static int IORING_OP_RECVMSG() {
        return IORING_OP_RECVMSG;
    }

    private static final int IORING_OP_TIMEOUT = 11;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_TIMEOUT = 11
     * }
     * @return 11 (0xb)
     */
    public static int IORING_OP_TIMEOUT() {
        return IORING_OP_TIMEOUT;
    }

    private static final int IORING_OP_TIMEOUT_REMOVE = 12;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_TIMEOUT_REMOVE = 12
     * }
     * @return 12 (0xc)
     */
    public static int IORING_OP_TIMEOUT_REMOVE() {
        return IORING_OP_TIMEOUT_REMOVE;
    }

    private static final int IORING_OP_ACCEPT = 13;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_ACCEPT = 13
     * }
     * @return 13 (0xd)
     */
    public static int IORING_OP_ACCEPT() {
        return IORING_OP_ACCEPT;
    }

    private static final int IORING_OP_ASYNC_CANCEL = 14;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_ASYNC_CANCEL = 14
     * }
     * @return 14 (0xe)
     */
    public static int IORING_OP_ASYNC_CANCEL() {
        return IORING_OP_ASYNC_CANCEL;
    }

    private static final int IORING_OP_LINK_TIMEOUT = 15;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_LINK_TIMEOUT = 15
     * }
     * @return 15 (0xf)
     */
    public static int IORING_OP_LINK_TIMEOUT() {
        return IORING_OP_LINK_TIMEOUT;
    }

    private static final int IORING_OP_CONNECT = 16;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_CONNECT = 16
     * }
     * @return 16 (0x10)
     */
    public static int IORING_OP_CONNECT() {
        return IORING_OP_CONNECT;
    }

    private static final int IORING_OP_FALLOCATE = 17;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_FALLOCATE = 17
     * }
     * @return 17 (0x11)
     */
    public static int IORING_OP_FALLOCATE() {
        return IORING_OP_FALLOCATE;
    }

    private static final int IORING_OP_OPENAT = 18;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_OPENAT = 18
     * }
     * @return 18 (0x12)
     */
    public static int IORING_OP_OPENAT() {
        return IORING_OP_OPENAT;
    }

    private static final int IORING_OP_CLOSE = 19;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_CLOSE = 19
     * }
     * @return 19 (0x13)
     */
    public static int IORING_OP_CLOSE() {
        return IORING_OP_CLOSE;
    }

    private static final int IORING_OP_FILES_UPDATE = 20;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_FILES_UPDATE = 20
     * }
     * @return 20 (0x14)
     */
    public static int IORING_OP_FILES_UPDATE() {
        return IORING_OP_FILES_UPDATE;
    }

    private static final int IORING_OP_STATX = 21;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_STATX = 21
     * }
     * @return 21 (0x15)
     */
    public static int IORING_OP_STATX() {
        return IORING_OP_STATX;
    }

    private static final int IORING_OP_READ = 22;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_READ = 22
     * }
     * @return 22 (0x16)
     */
    public static int IORING_OP_READ() {
        return IORING_OP_READ;
    }

    private static final int IORING_OP_WRITE = 23;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_WRITE = 23
     * }
     * @return 23 (0x17)
     */
    public static int IORING_OP_WRITE() {
        return IORING_OP_WRITE;
    }

    private static final int IORING_OP_FADVISE = 24;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_FADVISE = 24
     * }
     * @return 24 (0x18)
     */
    public static int IORING_OP_FADVISE() {
        return IORING_OP_FADVISE;
    }

    private static final int IORING_OP_MADVISE = 25;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_MADVISE = 25
     * }
     * @return 25 (0x19)
     */
    public static int IORING_OP_MADVISE() {
        return IORING_OP_MADVISE;
    }

    private static final int IORING_OP_SEND = 26;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_SEND = 26
     * }
     * @return 26 (0x1a)
     */
    public static int IORING_OP_SEND() {
        return IORING_OP_SEND;
    }

    private static final int IORING_OP_RECV = 27;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_RECV = 27
     * }
     * @return 27 (0x1b)
     */
    public static int IORING_OP_RECV() {
        return IORING_OP_RECV;
    }

    private static final int IORING_OP_OPENAT2 = 28;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_OPENAT2 = 28
     * }
     * @return 28 (0x1c)
     */
    public static int IORING_OP_OPENAT2() {
        return IORING_OP_OPENAT2;
    }

    private static final int IORING_OP_EPOLL_CTL = 29;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_EPOLL_CTL = 29
     * }
     * @return 29 (0x1d)
     */
    public static int IORING_OP_EPOLL_CTL() {
        return IORING_OP_EPOLL_CTL;
    }

    private static final int IORING_OP_SPLICE = 30;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_SPLICE = 30
     * }
     * @return 30 (0x1e)
     */
    public static int IORING_OP_SPLICE() {
        return IORING_OP_SPLICE;
    }

    private static final int IORING_OP_PROVIDE_BUFFERS = 31;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_PROVIDE_BUFFERS = 31
     * }
     * @return 31 (0x1f)
     */
    public static int IORING_OP_PROVIDE_BUFFERS() {
        return IORING_OP_PROVIDE_BUFFERS;
    }

    private static final int IORING_OP_REMOVE_BUFFERS = 32;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_REMOVE_BUFFERS = 32
     * }
     * @return 32 (0x20)
     */
    public static int IORING_OP_REMOVE_BUFFERS() {
        return IORING_OP_REMOVE_BUFFERS;
    }

    private static final int IORING_OP_TEE = 33;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_TEE = 33
     * }
     * @return 33 (0x21)
     */
    public static int IORING_OP_TEE() {
        return IORING_OP_TEE;
    }

    private static final int IORING_OP_SHUTDOWN = 34;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_SHUTDOWN = 34
     * }
     * @return 34 (0x22)
     */
    public static int IORING_OP_SHUTDOWN() {
        return IORING_OP_SHUTDOWN;
    }

    private static final int IORING_OP_RENAMEAT = 35;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_RENAMEAT = 35
     * }
     * @return 35 (0x23)
     */
    public static int IORING_OP_RENAMEAT() {
        return IORING_OP_RENAMEAT;
    }

    private static final int IORING_OP_UNLINKAT = 36;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_UNLINKAT = 36
     * }
     * @return 36 (0x24)
     */
    public static int IORING_OP_UNLINKAT() {
        return IORING_OP_UNLINKAT;
    }

    private static final int IORING_OP_MKDIRAT = 37;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_MKDIRAT = 37
     * }
     * @return 37 (0x25)
     */
    public static int IORING_OP_MKDIRAT() {
        return IORING_OP_MKDIRAT;
    }

    private static final int IORING_OP_SYMLINKAT = 38;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_SYMLINKAT = 38
     * }
     * @return 38 (0x26)
     */
    public static int IORING_OP_SYMLINKAT() {
        return IORING_OP_SYMLINKAT;
    }

    private static final int IORING_OP_LINKAT = 39;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_LINKAT = 39
     * }
     * @return 39 (0x27)
     */
    public static int IORING_OP_LINKAT() {
        return IORING_OP_LINKAT;
    }

    private static final int IORING_OP_MSG_RING = 40;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_MSG_RING = 40
     * }
     * @return 40 (0x28)
     */
    public static int IORING_OP_MSG_RING() {
        return IORING_OP_MSG_RING;
    }

    private static final int IORING_OP_FSETXATTR = 41;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_FSETXATTR = 41
     * }
     * @return 41 (0x29)
     */
    public static int IORING_OP_FSETXATTR() {
        return IORING_OP_FSETXATTR;
    }

    private static final int IORING_OP_SETXATTR = 42;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_SETXATTR = 42
     * }
     * @return 42 (0x2a)
     */
    public static int IORING_OP_SETXATTR() {
        return IORING_OP_SETXATTR;
    }

    private static final int IORING_OP_FGETXATTR = 43;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_FGETXATTR = 43
     * }
     * @return 43 (0x2b)
     */
    public static int IORING_OP_FGETXATTR() {
        return IORING_OP_FGETXATTR;
    }

    private static final int IORING_OP_GETXATTR = 44;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_GETXATTR = 44
     * }
     * @return 44 (0x2c)
     */
    public static int IORING_OP_GETXATTR() {
        return IORING_OP_GETXATTR;
    }

    private static final int IORING_OP_SOCKET = 45;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_SOCKET = 45
     * }
     * @return 45 (0x2d)
     */
    public static int IORING_OP_SOCKET() {
        return IORING_OP_SOCKET;
    }

    private static final int IORING_OP_URING_CMD = 46;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_URING_CMD = 46
     * }
     * @return 46 (0x2e)
     */
    public static int IORING_OP_URING_CMD() {
        return IORING_OP_URING_CMD;
    }

    private static final int IORING_OP_SEND_ZC = 47;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_SEND_ZC = 47
     * }
     * @return 47 (0x2f)
     */
    public static int IORING_OP_SEND_ZC() {
        return IORING_OP_SEND_ZC;
    }

    private static final int IORING_OP_SENDMSG_ZC = 48;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_SENDMSG_ZC = 48
     * }
     * @return 48 (0x30)
     */
    public static int IORING_OP_SENDMSG_ZC() {
        return IORING_OP_SENDMSG_ZC;
    }

    private static final int IORING_OP_READ_MULTISHOT = 49;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_READ_MULTISHOT = 49
     * }
     * <p>Since Linux 6.7 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 49 (0x31)
     */
    public static int IORING_OP_READ_MULTISHOT() {
        return IORING_OP_READ_MULTISHOT;
    }

    private static final int IORING_OP_WAITID = 50;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_WAITID = 50
     * }
     * <p>Since Linux 6.7 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 50 (0x32)
     */
    public static int IORING_OP_WAITID() {
        return IORING_OP_WAITID;
    }

    private static final int IORING_OP_FUTEX_WAIT = 51;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_FUTEX_WAIT = 51
     * }
     * <p>Since Linux 6.7 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 51 (0x33)
     */
    public static int IORING_OP_FUTEX_WAIT() {
        return IORING_OP_FUTEX_WAIT;
    }

    private static final int IORING_OP_FUTEX_WAKE = 52;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_FUTEX_WAKE = 52
     * }
     * <p>Since Linux 6.7 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 52 (0x34)
     */
    public static int IORING_OP_FUTEX_WAKE() {
        return IORING_OP_FUTEX_WAKE;
    }

    private static final int IORING_OP_FUTEX_WAITV = 53;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_FUTEX_WAITV = 53
     * }
     * <p>Since Linux 6.7 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 53 (0x35)
     */
    public static int IORING_OP_FUTEX_WAITV() {
        return IORING_OP_FUTEX_WAITV;
    }

    private static final int IORING_OP_FIXED_FD_INSTALL = 54;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_FIXED_FD_INSTALL = 54
     * }
     * <p>Since Linux 6.8 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 54 (0x36)
     */
    public static int IORING_OP_FIXED_FD_INSTALL() {
        return IORING_OP_FIXED_FD_INSTALL;
    }

    private static final int IORING_OP_FTRUNCATE = 55;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_FTRUNCATE = 55
     * }
     * <p>Since Linux 6.9 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 55 (0x37)
     */
    public static int IORING_OP_FTRUNCATE() {
        return IORING_OP_FTRUNCATE;
    }

    private static final int IORING_OP_BIND = 56;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_BIND = 56
     * }
     * <p>Since Linux 6.11 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 56 (0x38)
     */
    public static int IORING_OP_BIND() {
        return IORING_OP_BIND;
    }

    private static final int IORING_OP_LISTEN = 57;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_LISTEN = 57
     * }
     * <p>Since Linux 6.11 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 57 (0x39)
     */
    public static int IORING_OP_LISTEN() {
        return IORING_OP_LISTEN;
    }

    private static final int IORING_OP_RECV_ZC = 58;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_RECV_ZC = 58
     * }
     * <p>Since Linux 6.15 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 58 (0x3a)
     */
    public static int IORING_OP_RECV_ZC() {
        return IORING_OP_RECV_ZC;
    }

    private static final int IORING_OP_EPOLL_WAIT = 59;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_EPOLL_WAIT = 59
     * }
     * <p>Since Linux 6.15 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 59 (0x3b)
     */
    public static int IORING_OP_EPOLL_WAIT() {
        return IORING_OP_EPOLL_WAIT;
    }

    private static final int IORING_OP_READV_FIXED = 60;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_READV_FIXED = 60
     * }
     * <p>Since Linux 6.15 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 60 (0x3c)
     */
    public static int IORING_OP_READV_FIXED() {
        return IORING_OP_READV_FIXED;
    }

    private static final int IORING_OP_WRITEV_FIXED = 61;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_WRITEV_FIXED = 61
     * }
     * <p>Since Linux 6.15 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 61 (0x3d)
     */
    public static int IORING_OP_WRITEV_FIXED() {
        return IORING_OP_WRITEV_FIXED;
    }

    private static final int IORING_OP_PIPE = 62;

    /**
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_PIPE = 62
     * }
     * <p>Since Linux 6.16 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 62 (0x3e)
     */
    public static int IORING_OP_PIPE() {
        return IORING_OP_PIPE;
    }

    private static final int IORING_OP_LAST = 63;

    /**
     * One past the last opcode this binding knows (Linux 6.18); older headers have a smaller value, so the layout test only requires header value &lt;= this one.
     * {@snippet lang=c :
     * enum io_uring_op.IORING_OP_LAST = 63
     * }
     * @return 63 (0x3f)
     */
    public static int IORING_OP_LAST() {
        return IORING_OP_LAST;
    }

    // ---- sqe->uring_cmd_flags, fsync_flags, timeout_flags, splice_flags ----

    private static final int IORING_URING_CMD_FIXED = 1;

    /**
     * Uring_cmd: use a registered buffer (sqe->buf_index).
     * {@snippet lang=c :
     * #define IORING_URING_CMD_FIXED (1U << 0)
     * }
     * @return 1 (0x1)
     */
    public static int IORING_URING_CMD_FIXED() {
        return IORING_URING_CMD_FIXED;
    }

    private static final int IORING_FSYNC_DATASYNC = 1;

    /**
     * Fsync: fdatasync semantics.
     * {@snippet lang=c :
     * #define IORING_FSYNC_DATASYNC (1U << 0)
     * }
     * @return 1 (0x1)
     */
    public static int IORING_FSYNC_DATASYNC() {
        return IORING_FSYNC_DATASYNC;
    }

    private static final int IORING_TIMEOUT_ABS = 1;

    /**
     * Absolute timeout.
     * {@snippet lang=c :
     * #define IORING_TIMEOUT_ABS (1U << 0)
     * }
     * @return 1 (0x1)
     */
    public static int IORING_TIMEOUT_ABS() {
        return IORING_TIMEOUT_ABS;
    }

    private static final int IORING_TIMEOUT_UPDATE = 2;

    /**
     * Update an existing timeout.
     * {@snippet lang=c :
     * #define IORING_TIMEOUT_UPDATE (1U << 1)
     * }
     * @return 2 (0x2)
     */
    public static int IORING_TIMEOUT_UPDATE() {
        return IORING_TIMEOUT_UPDATE;
    }

    private static final int IORING_TIMEOUT_BOOTTIME = 4;

    /**
     * CLOCK_BOOTTIME.
     * {@snippet lang=c :
     * #define IORING_TIMEOUT_BOOTTIME (1U << 2)
     * }
     * @return 4 (0x4)
     */
    public static int IORING_TIMEOUT_BOOTTIME() {
        return IORING_TIMEOUT_BOOTTIME;
    }

    private static final int IORING_TIMEOUT_REALTIME = 8;

    /**
     * CLOCK_REALTIME.
     * {@snippet lang=c :
     * #define IORING_TIMEOUT_REALTIME (1U << 3)
     * }
     * @return 8 (0x8)
     */
    public static int IORING_TIMEOUT_REALTIME() {
        return IORING_TIMEOUT_REALTIME;
    }

    private static final int IORING_LINK_TIMEOUT_UPDATE = 16;

    /**
     * Update an existing linked timeout.
     * {@snippet lang=c :
     * #define IORING_LINK_TIMEOUT_UPDATE (1U << 4)
     * }
     * @return 16 (0x10)
     */
    public static int IORING_LINK_TIMEOUT_UPDATE() {
        return IORING_LINK_TIMEOUT_UPDATE;
    }

    private static final int IORING_TIMEOUT_ETIME_SUCCESS = 32;

    /**
     * Treat -ETIME as success (no link break).
     * {@snippet lang=c :
     * #define IORING_TIMEOUT_ETIME_SUCCESS (1U << 5)
     * }
     * @return 32 (0x20)
     */
    public static int IORING_TIMEOUT_ETIME_SUCCESS() {
        return IORING_TIMEOUT_ETIME_SUCCESS;
    }

    private static final int IORING_TIMEOUT_MULTISHOT = 64;

    /**
     * Repeating timeout.
     * {@snippet lang=c :
     * #define IORING_TIMEOUT_MULTISHOT (1U << 6)
     * }
     * <p>Since Linux 6.4 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 64 (0x40)
     */
    public static int IORING_TIMEOUT_MULTISHOT() {
        return IORING_TIMEOUT_MULTISHOT;
    }

    private static final int IORING_TIMEOUT_CLOCK_MASK = 12;

    /**
     * Clock selection bits.
     * {@snippet lang=c :
     * #define IORING_TIMEOUT_CLOCK_MASK (IORING_TIMEOUT_BOOTTIME | IORING_TIMEOUT_REALTIME)
     * }
     * @return 12 (0xc)
     */
    public static int IORING_TIMEOUT_CLOCK_MASK() {
        return IORING_TIMEOUT_CLOCK_MASK;
    }

    private static final int IORING_TIMEOUT_UPDATE_MASK = 18;

    /**
     * Update selection bits.
     * {@snippet lang=c :
     * #define IORING_TIMEOUT_UPDATE_MASK (IORING_TIMEOUT_UPDATE | IORING_LINK_TIMEOUT_UPDATE)
     * }
     * @return 18 (0x12)
     */
    public static int IORING_TIMEOUT_UPDATE_MASK() {
        return IORING_TIMEOUT_UPDATE_MASK;
    }

    private static final int SPLICE_F_FD_IN_FIXED = -2147483648;

    /**
     * Splice/tee: splice_fd_in is a registered file index.
     * {@snippet lang=c :
     * #define SPLICE_F_FD_IN_FIXED (1U << 31)
     * }
     * @return 2147483648 (0x80000000)
     */
    public static int SPLICE_F_FD_IN_FIXED() {
        return SPLICE_F_FD_IN_FIXED;
    }

    // ---- POLL_ADD flags (in sqe->len) ----

    private static final int IORING_POLL_ADD_MULTI = 1;

    /**
     * Multishot poll.
     * {@snippet lang=c :
     * #define IORING_POLL_ADD_MULTI (1U << 0)
     * }
     * @return 1 (0x1)
     */
    public static int IORING_POLL_ADD_MULTI() {
        return IORING_POLL_ADD_MULTI;
    }

    private static final int IORING_POLL_UPDATE_EVENTS = 2;

    /**
     * Update the events of an existing poll.
     * {@snippet lang=c :
     * #define IORING_POLL_UPDATE_EVENTS (1U << 1)
     * }
     * @return 2 (0x2)
     */
    public static int IORING_POLL_UPDATE_EVENTS() {
        return IORING_POLL_UPDATE_EVENTS;
    }

    private static final int IORING_POLL_UPDATE_USER_DATA = 4;

    /**
     * Update the user_data of an existing poll.
     * {@snippet lang=c :
     * #define IORING_POLL_UPDATE_USER_DATA (1U << 2)
     * }
     * @return 4 (0x4)
     */
    public static int IORING_POLL_UPDATE_USER_DATA() {
        return IORING_POLL_UPDATE_USER_DATA;
    }

    private static final int IORING_POLL_ADD_LEVEL = 8;

    /**
     * Level-triggered poll.
     * {@snippet lang=c :
     * #define IORING_POLL_ADD_LEVEL (1U << 3)
     * }
     * @return 8 (0x8)
     */
    public static int IORING_POLL_ADD_LEVEL() {
        return IORING_POLL_ADD_LEVEL;
    }

    // ---- ASYNC_CANCEL flags (sqe->cancel_flags, io_uring_sync_cancel_reg.flags) ----

    private static final int IORING_ASYNC_CANCEL_ALL = 1;

    /**
     * Cancel every match, not just the first.
     * {@snippet lang=c :
     * #define IORING_ASYNC_CANCEL_ALL (1U << 0)
     * }
     * @return 1 (0x1)
     */
    public static int IORING_ASYNC_CANCEL_ALL() {
        return IORING_ASYNC_CANCEL_ALL;
    }

    private static final int IORING_ASYNC_CANCEL_FD = 2;

    /**
     * Match on fd rather than user_data.
     * {@snippet lang=c :
     * #define IORING_ASYNC_CANCEL_FD (1U << 1)
     * }
     * @return 2 (0x2)
     */
    public static int IORING_ASYNC_CANCEL_FD() {
        return IORING_ASYNC_CANCEL_FD;
    }

    private static final int IORING_ASYNC_CANCEL_ANY = 4;

    /**
     * Match any request.
     * {@snippet lang=c :
     * #define IORING_ASYNC_CANCEL_ANY (1U << 2)
     * }
     * @return 4 (0x4)
     */
    public static int IORING_ASYNC_CANCEL_ANY() {
        return IORING_ASYNC_CANCEL_ANY;
    }

    private static final int IORING_ASYNC_CANCEL_FD_FIXED = 8;

    /**
     * The fd is a registered file index.
     * {@snippet lang=c :
     * #define IORING_ASYNC_CANCEL_FD_FIXED (1U << 3)
     * }
     * @return 8 (0x8)
     */
    public static int IORING_ASYNC_CANCEL_FD_FIXED() {
        return IORING_ASYNC_CANCEL_FD_FIXED;
    }

    private static final int IORING_ASYNC_CANCEL_USERDATA = 16;

    /**
     * Match on user_data (the default when no other key is given).
     * {@snippet lang=c :
     * #define IORING_ASYNC_CANCEL_USERDATA (1U << 4)
     * }
     * <p>Since Linux 6.6 (not in liburing 2.3's header; backported into later 6.1 stable kernel headers).
     * @return 16 (0x10)
     */
    public static int IORING_ASYNC_CANCEL_USERDATA() {
        return IORING_ASYNC_CANCEL_USERDATA;
    }

    private static final int IORING_ASYNC_CANCEL_OP = 32;

    /**
     * Match on opcode.
     * {@snippet lang=c :
     * #define IORING_ASYNC_CANCEL_OP (1U << 5)
     * }
     * <p>Since Linux 6.6 (not in liburing 2.3's header; backported into later 6.1 stable kernel headers).
     * @return 32 (0x20)
     */
    public static int IORING_ASYNC_CANCEL_OP() {
        return IORING_ASYNC_CANCEL_OP;
    }

    // ---- send/recv flags (sqe->ioprio) ----

    private static final int IORING_RECVSEND_POLL_FIRST = 1;

    /**
     * Arm poll first instead of trying the transfer.
     * {@snippet lang=c :
     * #define IORING_RECVSEND_POLL_FIRST (1U << 0)
     * }
     * @return 1 (0x1)
     */
    public static int IORING_RECVSEND_POLL_FIRST() {
        return IORING_RECVSEND_POLL_FIRST;
    }

    private static final int IORING_RECV_MULTISHOT = 2;

    /**
     * Multishot recv (needs provided buffers); IORING_CQE_F_MORE while armed.
     * {@snippet lang=c :
     * #define IORING_RECV_MULTISHOT (1U << 1)
     * }
     * @return 2 (0x2)
     */
    public static int IORING_RECV_MULTISHOT() {
        return IORING_RECV_MULTISHOT;
    }

    private static final int IORING_RECVSEND_FIXED_BUF = 4;

    /**
     * Use a registered buffer (sqe->buf_index).
     * {@snippet lang=c :
     * #define IORING_RECVSEND_FIXED_BUF (1U << 2)
     * }
     * @return 4 (0x4)
     */
    public static int IORING_RECVSEND_FIXED_BUF() {
        return IORING_RECVSEND_FIXED_BUF;
    }

    private static final int IORING_SEND_ZC_REPORT_USAGE = 8;

    /**
     * Zero-copy send: report in the notification CQE whether data was copied.
     * {@snippet lang=c :
     * #define IORING_SEND_ZC_REPORT_USAGE (1U << 3)
     * }
     * <p>Since Linux 6.1 (not in liburing 2.3's header).
     * @return 8 (0x8)
     */
    public static int IORING_SEND_ZC_REPORT_USAGE() {
        return IORING_SEND_ZC_REPORT_USAGE;
    }

    private static final int IORING_RECVSEND_BUNDLE = 16;

    /**
     * Send/recv a bundle of provided buffers in one go.
     * {@snippet lang=c :
     * #define IORING_RECVSEND_BUNDLE (1U << 4)
     * }
     * <p>Since Linux 6.10 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 16 (0x10)
     */
    public static int IORING_RECVSEND_BUNDLE() {
        return IORING_RECVSEND_BUNDLE;
    }

    private static final int IORING_NOTIF_USAGE_ZC_COPIED = -2147483648;

    /**
     * In the res of an IORING_CQE_F_NOTIF CQE: the data was (partly) copied.
     * {@snippet lang=c :
     * #define IORING_NOTIF_USAGE_ZC_COPIED (1U << 31)
     * }
     * <p>Since Linux 6.1 (not in liburing 2.3's header).
     * @return 2147483648 (0x80000000)
     */
    public static int IORING_NOTIF_USAGE_ZC_COPIED() {
        return IORING_NOTIF_USAGE_ZC_COPIED;
    }

    // ---- accept flags (sqe->ioprio) ----

    private static final int IORING_ACCEPT_MULTISHOT = 1;

    /**
     * Multishot accept.
     * {@snippet lang=c :
     * #define IORING_ACCEPT_MULTISHOT (1U << 0)
     * }
     * @return 1 (0x1)
     */
    public static int IORING_ACCEPT_MULTISHOT() {
        return IORING_ACCEPT_MULTISHOT;
    }

    private static final int IORING_ACCEPT_DONTWAIT = 2;

    /**
     * Fail with -EAGAIN instead of arming poll.
     * {@snippet lang=c :
     * #define IORING_ACCEPT_DONTWAIT (1U << 1)
     * }
     * <p>Since Linux 6.10 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 2 (0x2)
     */
    public static int IORING_ACCEPT_DONTWAIT() {
        return IORING_ACCEPT_DONTWAIT;
    }

    private static final int IORING_ACCEPT_POLL_FIRST = 4;

    /**
     * Arm poll before trying to accept.
     * {@snippet lang=c :
     * #define IORING_ACCEPT_POLL_FIRST (1U << 2)
     * }
     * <p>Since Linux 6.10 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 4 (0x4)
     */
    public static int IORING_ACCEPT_POLL_FIRST() {
        return IORING_ACCEPT_POLL_FIRST;
    }

    // ---- MSG_RING ----

    private static final int IORING_MSG_DATA = 0;

    /**
     * MSG_RING command: post sqe->len as res and sqe->off as user_data on the target ring.
     * {@snippet lang=c :
     * enum.IORING_MSG_DATA = 0
     * }
     * @return 0 (0x0)
     */
    public static int IORING_MSG_DATA() {
        return IORING_MSG_DATA;
    }

    private static final int IORING_MSG_SEND_FD = 1;

    /**
     * MSG_RING command: send a registered file to the target ring.
     * {@snippet lang=c :
     * enum.IORING_MSG_SEND_FD = 1
     * }
     * @return 1 (0x1)
     */
    public static int IORING_MSG_SEND_FD() {
        return IORING_MSG_SEND_FD;
    }

    private static final int IORING_MSG_RING_CQE_SKIP = 1;

    /**
     * Post no CQE on the target ring.
     * {@snippet lang=c :
     * #define IORING_MSG_RING_CQE_SKIP (1U << 0)
     * }
     * @return 1 (0x1)
     */
    public static int IORING_MSG_RING_CQE_SKIP() {
        return IORING_MSG_RING_CQE_SKIP;
    }

    private static final int IORING_MSG_RING_FLAGS_PASS = 2;

    /**
     * Pass sqe->file_index as the target CQE flags.
     * {@snippet lang=c :
     * #define IORING_MSG_RING_FLAGS_PASS (1U << 1)
     * }
     * <p>Since Linux 6.3 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 2 (0x2)
     */
    public static int IORING_MSG_RING_FLAGS_PASS() {
        return IORING_MSG_RING_FLAGS_PASS;
    }

    private static final int IORING_FIXED_FD_NO_CLOEXEC = 1;

    /**
     * FIXED_FD_INSTALL: do not set O_CLOEXEC.
     * {@snippet lang=c :
     * #define IORING_FIXED_FD_NO_CLOEXEC (1U << 0)
     * }
     * <p>Since Linux 6.8 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 1 (0x1)
     */
    public static int IORING_FIXED_FD_NO_CLOEXEC() {
        return IORING_FIXED_FD_NO_CLOEXEC;
    }

    // ---- cqe->flags ----

    private static final int IORING_CQE_F_BUFFER = 1;

    /**
     * The upper 16 bits of flags hold the provided buffer id.
     * {@snippet lang=c :
     * #define IORING_CQE_F_BUFFER (1U << 0)
     * }
     * @return 1 (0x1)
     */
    public static int IORING_CQE_F_BUFFER() {
        return IORING_CQE_F_BUFFER;
    }

    private static final int IORING_CQE_F_MORE = 2;

    /**
     * The (multishot) request will post more CQEs.
     * {@snippet lang=c :
     * #define IORING_CQE_F_MORE (1U << 1)
     * }
     * @return 2 (0x2)
     */
    public static int IORING_CQE_F_MORE() {
        return IORING_CQE_F_MORE;
    }

    private static final int IORING_CQE_F_SOCK_NONEMPTY = 4;

    /**
     * More data is ready to read on the socket.
     * {@snippet lang=c :
     * #define IORING_CQE_F_SOCK_NONEMPTY (1U << 2)
     * }
     * @return 4 (0x4)
     */
    public static int IORING_CQE_F_SOCK_NONEMPTY() {
        return IORING_CQE_F_SOCK_NONEMPTY;
    }

    private static final int IORING_CQE_F_NOTIF = 8;

    /**
     * Zero-copy send notification CQE.
     * {@snippet lang=c :
     * #define IORING_CQE_F_NOTIF (1U << 3)
     * }
     * @return 8 (0x8)
     */
    public static int IORING_CQE_F_NOTIF() {
        return IORING_CQE_F_NOTIF;
    }

    private static final int IORING_CQE_F_BUF_MORE = 16;

    /**
     * Incrementally consumed buffer (IOU_PBUF_RING_INC): the buffer stays with the kernel for more data.
     * {@snippet lang=c :
     * #define IORING_CQE_F_BUF_MORE (1U << 4)
     * }
     * <p>Since Linux 6.12 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 16 (0x10)
     */
    public static int IORING_CQE_F_BUF_MORE() {
        return IORING_CQE_F_BUF_MORE;
    }

    private static final int IORING_CQE_F_SKIP = 32;

    /**
     * Padding CQE in a CQE_MIXED ring: skip it.
     * {@snippet lang=c :
     * #define IORING_CQE_F_SKIP (1U << 5)
     * }
     * <p>Since Linux 6.18 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 32 (0x20)
     */
    public static int IORING_CQE_F_SKIP() {
        return IORING_CQE_F_SKIP;
    }

    private static final int IORING_CQE_F_32 = 32768;

    /**
     * 32-byte CQE in a CQE_MIXED ring.
     * {@snippet lang=c :
     * #define IORING_CQE_F_32 (1U << 15)
     * }
     * <p>Since Linux 6.18 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 32768 (0x8000)
     */
    public static int IORING_CQE_F_32() {
        return IORING_CQE_F_32;
    }

    private static final int IORING_CQE_BUFFER_SHIFT = 16;

    /**
     * Shift of the buffer id in cqe->flags (a #define since Linux 6.12, an enum before).
     * {@snippet lang=c :
     * enum.IORING_CQE_BUFFER_SHIFT = 16
     * }
     * @return 16 (0x10)
     */
    public static int IORING_CQE_BUFFER_SHIFT() {
        return IORING_CQE_BUFFER_SHIFT;
    }

    // ---- mmap offsets ----

    private static final long IORING_OFF_SQ_RING = 0L;

    /**
     * Mmap offset of the SQ ring.
     * {@snippet lang=c :
     * #define IORING_OFF_SQ_RING 0ULL
     * }
     * @return 0 (0x0)
     */
    public static long IORING_OFF_SQ_RING() {
        return IORING_OFF_SQ_RING;
    }

    private static final long IORING_OFF_CQ_RING = 134217728L;

    /**
     * Mmap offset of the CQ ring (unless IORING_FEAT_SINGLE_MMAP).
     * {@snippet lang=c :
     * #define IORING_OFF_CQ_RING 0x8000000ULL
     * }
     * @return 134217728 (0x8000000)
     */
    public static long IORING_OFF_CQ_RING() {
        return IORING_OFF_CQ_RING;
    }

    private static final long IORING_OFF_SQES = 268435456L;

    /**
     * Mmap offset of the SQE array.
     * {@snippet lang=c :
     * #define IORING_OFF_SQES 0x10000000ULL
     * }
     * @return 268435456 (0x10000000)
     */
    public static long IORING_OFF_SQES() {
        return IORING_OFF_SQES;
    }

    private static final long IORING_OFF_PBUF_RING = 2147483648L;

    /**
     * Mmap offset of a kernel-allocated buffer ring (IOU_PBUF_RING_MMAP), ORed with bgid &lt;&lt; IORING_OFF_PBUF_SHIFT.
     * {@snippet lang=c :
     * #define IORING_OFF_PBUF_RING 0x80000000ULL
     * }
     * <p>Since Linux 6.4 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 2147483648 (0x80000000)
     */
    public static long IORING_OFF_PBUF_RING() {
        return IORING_OFF_PBUF_RING;
    }

    private static final int IORING_OFF_PBUF_SHIFT = 16;

    /**
     * Shift of the buffer group id in IORING_OFF_PBUF_RING offsets.
     * {@snippet lang=c :
     * #define IORING_OFF_PBUF_SHIFT 16
     * }
     * <p>Since Linux 6.4 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 16 (0x10)
     */
    public static int IORING_OFF_PBUF_SHIFT() {
        return IORING_OFF_PBUF_SHIFT;
    }

    private static final long IORING_OFF_MMAP_MASK = 4160749568L;

    /**
     * Mask of the region selector in mmap offsets.
     * {@snippet lang=c :
     * #define IORING_OFF_MMAP_MASK 0xf8000000ULL
     * }
     * <p>Since Linux 6.4 (not in liburing 2.3's header; backported into later 6.1 stable kernel headers).
     * @return 4160749568 (0xf8000000)
     */
    public static long IORING_OFF_MMAP_MASK() {
        return IORING_OFF_MMAP_MASK;
    }

    // ---- SQ/CQ ring flags ----

    private static final int IORING_SQ_NEED_WAKEUP = 1;

    /**
     * SQPOLL thread sleeps: io_uring_enter(IORING_ENTER_SQ_WAKEUP) needed.
     * {@snippet lang=c :
     * #define IORING_SQ_NEED_WAKEUP (1U << 0)
     * }
     * @return 1 (0x1)
     */
    public static int IORING_SQ_NEED_WAKEUP() {
        return IORING_SQ_NEED_WAKEUP;
    }

    private static final int IORING_SQ_CQ_OVERFLOW = 2;

    /**
     * CQ ring overflowed: completions wait in the kernel.
     * {@snippet lang=c :
     * #define IORING_SQ_CQ_OVERFLOW (1U << 1)
     * }
     * @return 2 (0x2)
     */
    public static int IORING_SQ_CQ_OVERFLOW() {
        return IORING_SQ_CQ_OVERFLOW;
    }

    private static final int IORING_SQ_TASKRUN = 4;

    /**
     * Task work pending: enter the kernel to run it.
     * {@snippet lang=c :
     * #define IORING_SQ_TASKRUN (1U << 2)
     * }
     * @return 4 (0x4)
     */
    public static int IORING_SQ_TASKRUN() {
        return IORING_SQ_TASKRUN;
    }

    private static final int IORING_CQ_EVENTFD_DISABLED = 1;

    /**
     * No eventfd notifications for now.
     * {@snippet lang=c :
     * #define IORING_CQ_EVENTFD_DISABLED (1U << 0)
     * }
     * @return 1 (0x1)
     */
    public static int IORING_CQ_EVENTFD_DISABLED() {
        return IORING_CQ_EVENTFD_DISABLED;
    }

    // ---- io_uring_enter(2) flags ----

    private static final int IORING_ENTER_GETEVENTS = 1;

    /**
     * Wait for min_complete completions.
     * {@snippet lang=c :
     * #define IORING_ENTER_GETEVENTS (1U << 0)
     * }
     * @return 1 (0x1)
     */
    public static int IORING_ENTER_GETEVENTS() {
        return IORING_ENTER_GETEVENTS;
    }

    private static final int IORING_ENTER_SQ_WAKEUP = 2;

    /**
     * Wake the SQPOLL thread.
     * {@snippet lang=c :
     * #define IORING_ENTER_SQ_WAKEUP (1U << 1)
     * }
     * @return 2 (0x2)
     */
    public static int IORING_ENTER_SQ_WAKEUP() {
        return IORING_ENTER_SQ_WAKEUP;
    }

    private static final int IORING_ENTER_SQ_WAIT = 4;

    /**
     * Wait for SQ space (SQPOLL).
     * {@snippet lang=c :
     * #define IORING_ENTER_SQ_WAIT (1U << 2)
     * }
     * @return 4 (0x4)
     */
    public static int IORING_ENTER_SQ_WAIT() {
        return IORING_ENTER_SQ_WAIT;
    }

    private static final int IORING_ENTER_EXT_ARG = 8;

    /**
     * Arg is a struct io_uring_getevents_arg.
     * {@snippet lang=c :
     * #define IORING_ENTER_EXT_ARG (1U << 3)
     * }
     * @return 8 (0x8)
     */
    public static int IORING_ENTER_EXT_ARG() {
        return IORING_ENTER_EXT_ARG;
    }

    private static final int IORING_ENTER_REGISTERED_RING = 16;

    /**
     * Fd is a registered ring index.
     * {@snippet lang=c :
     * #define IORING_ENTER_REGISTERED_RING (1U << 4)
     * }
     * @return 16 (0x10)
     */
    public static int IORING_ENTER_REGISTERED_RING() {
        return IORING_ENTER_REGISTERED_RING;
    }

    private static final int IORING_ENTER_ABS_TIMER = 32;

    /**
     * The timeout is absolute.
     * {@snippet lang=c :
     * #define IORING_ENTER_ABS_TIMER (1U << 5)
     * }
     * <p>Since Linux 6.12 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 32 (0x20)
     */
    public static int IORING_ENTER_ABS_TIMER() {
        return IORING_ENTER_ABS_TIMER;
    }

    private static final int IORING_ENTER_EXT_ARG_REG = 64;

    /**
     * Arg is an offset into a registered wait region.
     * {@snippet lang=c :
     * #define IORING_ENTER_EXT_ARG_REG (1U << 6)
     * }
     * <p>Since Linux 6.13 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 64 (0x40)
     */
    public static int IORING_ENTER_EXT_ARG_REG() {
        return IORING_ENTER_EXT_ARG_REG;
    }

    private static final int IORING_ENTER_NO_IOWAIT = 128;

    /**
     * Do not account the wait as iowait.
     * {@snippet lang=c :
     * #define IORING_ENTER_NO_IOWAIT (1U << 7)
     * }
     * <p>Since Linux 6.15 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 128 (0x80)
     */
    public static int IORING_ENTER_NO_IOWAIT() {
        return IORING_ENTER_NO_IOWAIT;
    }

    // ---- io_uring_params.features ----

    private static final int IORING_FEAT_SINGLE_MMAP = 1;

    /**
     * SQ and CQ rings share one mmap.
     * {@snippet lang=c :
     * #define IORING_FEAT_SINGLE_MMAP (1U << 0)
     * }
     * @return 1 (0x1)
     */
    public static int IORING_FEAT_SINGLE_MMAP() {
        return IORING_FEAT_SINGLE_MMAP;
    }

    private static final int IORING_FEAT_NODROP = 2;

    /**
     * CQEs are (almost) never dropped.
     * {@snippet lang=c :
     * #define IORING_FEAT_NODROP (1U << 1)
     * }
     * @return 2 (0x2)
     */
    public static int IORING_FEAT_NODROP() {
        return IORING_FEAT_NODROP;
    }

    private static final int IORING_FEAT_SUBMIT_STABLE = 4;

    /**
     * SQE data is consumed at submit.
     * {@snippet lang=c :
     * #define IORING_FEAT_SUBMIT_STABLE (1U << 2)
     * }
     * @return 4 (0x4)
     */
    public static int IORING_FEAT_SUBMIT_STABLE() {
        return IORING_FEAT_SUBMIT_STABLE;
    }

    private static final int IORING_FEAT_RW_CUR_POS = 8;

    /**
     * Offset -1 means the current file position.
     * {@snippet lang=c :
     * #define IORING_FEAT_RW_CUR_POS (1U << 3)
     * }
     * @return 8 (0x8)
     */
    public static int IORING_FEAT_RW_CUR_POS() {
        return IORING_FEAT_RW_CUR_POS;
    }

    private static final int IORING_FEAT_CUR_PERSONALITY = 16;

    /**
     * Requests run with the submitter credentials.
     * {@snippet lang=c :
     * #define IORING_FEAT_CUR_PERSONALITY (1U << 4)
     * }
     * @return 16 (0x10)
     */
    public static int IORING_FEAT_CUR_PERSONALITY() {
        return IORING_FEAT_CUR_PERSONALITY;
    }

    private static final int IORING_FEAT_FAST_POLL = 32;

    /**
     * Internal poll drives readiness.
     * {@snippet lang=c :
     * #define IORING_FEAT_FAST_POLL (1U << 5)
     * }
     * @return 32 (0x20)
     */
    public static int IORING_FEAT_FAST_POLL() {
        return IORING_FEAT_FAST_POLL;
    }

    private static final int IORING_FEAT_POLL_32BITS = 64;

    /**
     * 32-bit poll event masks.
     * {@snippet lang=c :
     * #define IORING_FEAT_POLL_32BITS (1U << 6)
     * }
     * @return 64 (0x40)
     */
    public static int IORING_FEAT_POLL_32BITS() {
        return IORING_FEAT_POLL_32BITS;
    }

    private static final int IORING_FEAT_SQPOLL_NONFIXED = 128;

    /**
     * SQPOLL works with unregistered files.
     * {@snippet lang=c :
     * #define IORING_FEAT_SQPOLL_NONFIXED (1U << 7)
     * }
     * @return 128 (0x80)
     */
    public static int IORING_FEAT_SQPOLL_NONFIXED() {
        return IORING_FEAT_SQPOLL_NONFIXED;
    }

    private static final int IORING_FEAT_EXT_ARG = 256;

    /**
     * Io_uring_enter accepts IORING_ENTER_EXT_ARG.
     * {@snippet lang=c :
     * #define IORING_FEAT_EXT_ARG (1U << 8)
     * }
     * @return 256 (0x100)
     */
    public static int IORING_FEAT_EXT_ARG() {
        return IORING_FEAT_EXT_ARG;
    }

    private static final int IORING_FEAT_NATIVE_WORKERS = 512;

    /**
     * Io-wq workers are native threads.
     * {@snippet lang=c :
     * #define IORING_FEAT_NATIVE_WORKERS (1U << 9)
     * }
     * @return 512 (0x200)
     */
    public static int IORING_FEAT_NATIVE_WORKERS() {
        return IORING_FEAT_NATIVE_WORKERS;
    }

    private static final int IORING_FEAT_RSRC_TAGS = 1024;

    /**
     * Tagged resources, buffer/file table updates.
     * {@snippet lang=c :
     * #define IORING_FEAT_RSRC_TAGS (1U << 10)
     * }
     * @return 1024 (0x400)
     */
    public static int IORING_FEAT_RSRC_TAGS() {
        return IORING_FEAT_RSRC_TAGS;
    }

    private static final int IORING_FEAT_CQE_SKIP = 2048;

    /**
     * IOSQE_CQE_SKIP_SUCCESS works.
     * {@snippet lang=c :
     * #define IORING_FEAT_CQE_SKIP (1U << 11)
     * }
     * @return 2048 (0x800)
     */
    public static int IORING_FEAT_CQE_SKIP() {
        return IORING_FEAT_CQE_SKIP;
    }

    private static final int IORING_FEAT_LINKED_FILE = 4096;

    /**
     * Files of linked requests are assigned at execution.
     * {@snippet lang=c :
     * #define IORING_FEAT_LINKED_FILE (1U << 12)
     * }
     * @return 4096 (0x1000)
     */
    public static int IORING_FEAT_LINKED_FILE() {
        return IORING_FEAT_LINKED_FILE;
    }

    private static final int IORING_FEAT_REG_REG_RING = 8192;

    /**
     * Io_uring_register accepts IORING_REGISTER_USE_REGISTERED_RING.
     * {@snippet lang=c :
     * #define IORING_FEAT_REG_REG_RING (1U << 13)
     * }
     * <p>Since Linux 6.3 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 8192 (0x2000)
     */
    public static int IORING_FEAT_REG_REG_RING() {
        return IORING_FEAT_REG_REG_RING;
    }

    private static final int IORING_FEAT_RECVSEND_BUNDLE = 16384;

    /**
     * Bundled send/recv (IORING_RECVSEND_BUNDLE).
     * {@snippet lang=c :
     * #define IORING_FEAT_RECVSEND_BUNDLE (1U << 14)
     * }
     * <p>Since Linux 6.10 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 16384 (0x4000)
     */
    public static int IORING_FEAT_RECVSEND_BUNDLE() {
        return IORING_FEAT_RECVSEND_BUNDLE;
    }

    private static final int IORING_FEAT_MIN_TIMEOUT = 32768;

    /**
     * Minimum batch wait timeout (getevents_arg.min_wait_usec).
     * {@snippet lang=c :
     * #define IORING_FEAT_MIN_TIMEOUT (1U << 15)
     * }
     * <p>Since Linux 6.12 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 32768 (0x8000)
     */
    public static int IORING_FEAT_MIN_TIMEOUT() {
        return IORING_FEAT_MIN_TIMEOUT;
    }

    private static final int IORING_FEAT_RW_ATTR = 65536;

    /**
     * Read/write attributes (sqe->attr_ptr).
     * {@snippet lang=c :
     * #define IORING_FEAT_RW_ATTR (1U << 16)
     * }
     * <p>Since Linux 6.14 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 65536 (0x10000)
     */
    public static int IORING_FEAT_RW_ATTR() {
        return IORING_FEAT_RW_ATTR;
    }

    private static final int IORING_FEAT_NO_IOWAIT = 131072;

    /**
     * IORING_ENTER_NO_IOWAIT works.
     * {@snippet lang=c :
     * #define IORING_FEAT_NO_IOWAIT (1U << 17)
     * }
     * <p>Since Linux 6.15 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 131072 (0x20000)
     */
    public static int IORING_FEAT_NO_IOWAIT() {
        return IORING_FEAT_NO_IOWAIT;
    }

    // ---- io_uring_register(2) opcodes (enum io_uring_register_op) ----

    private static final int IORING_REGISTER_BUFFERS = 0;

    /**
     * {@snippet lang=c :
     * enum io_uring_register_op.IORING_REGISTER_BUFFERS = 0
     * }
     * @return 0 (0x0)
     */
    public static int IORING_REGISTER_BUFFERS() {
        return IORING_REGISTER_BUFFERS;
    }

    private static final int IORING_UNREGISTER_BUFFERS = 1;

    /**
     * {@snippet lang=c :
     * enum io_uring_register_op.IORING_UNREGISTER_BUFFERS = 1
     * }
     * @return 1 (0x1)
     */
    public static int IORING_UNREGISTER_BUFFERS() {
        return IORING_UNREGISTER_BUFFERS;
    }

    private static final int IORING_REGISTER_FILES = 2;

    /**
     * {@snippet lang=c :
     * enum io_uring_register_op.IORING_REGISTER_FILES = 2
     * }
     * @return 2 (0x2)
     */
    public static int IORING_REGISTER_FILES() {
        return IORING_REGISTER_FILES;
    }

    private static final int IORING_UNREGISTER_FILES = 3;

    /**
     * {@snippet lang=c :
     * enum io_uring_register_op.IORING_UNREGISTER_FILES = 3
     * }
     * @return 3 (0x3)
     */
    public static int IORING_UNREGISTER_FILES() {
        return IORING_UNREGISTER_FILES;
    }

    private static final int IORING_REGISTER_EVENTFD = 4;

    /**
     * {@snippet lang=c :
     * enum io_uring_register_op.IORING_REGISTER_EVENTFD = 4
     * }
     * @return 4 (0x4)
     */
    public static int IORING_REGISTER_EVENTFD() {
        return IORING_REGISTER_EVENTFD;
    }

    private static final int IORING_UNREGISTER_EVENTFD = 5;

    /**
     * {@snippet lang=c :
     * enum io_uring_register_op.IORING_UNREGISTER_EVENTFD = 5
     * }
     * @return 5 (0x5)
     */
    public static int IORING_UNREGISTER_EVENTFD() {
        return IORING_UNREGISTER_EVENTFD;
    }

    private static final int IORING_REGISTER_FILES_UPDATE = 6;

    /**
     * {@snippet lang=c :
     * enum io_uring_register_op.IORING_REGISTER_FILES_UPDATE = 6
     * }
     * @return 6 (0x6)
     */
    public static int IORING_REGISTER_FILES_UPDATE() {
        return IORING_REGISTER_FILES_UPDATE;
    }

    private static final int IORING_REGISTER_EVENTFD_ASYNC = 7;

    /**
     * {@snippet lang=c :
     * enum io_uring_register_op.IORING_REGISTER_EVENTFD_ASYNC = 7
     * }
     * @return 7 (0x7)
     */
    public static int IORING_REGISTER_EVENTFD_ASYNC() {
        return IORING_REGISTER_EVENTFD_ASYNC;
    }

    private static final int IORING_REGISTER_PROBE = 8;

    /**
     * {@snippet lang=c :
     * enum io_uring_register_op.IORING_REGISTER_PROBE = 8
     * }
     * @return 8 (0x8)
     */
    public static int IORING_REGISTER_PROBE() {
        return IORING_REGISTER_PROBE;
    }

    private static final int IORING_REGISTER_PERSONALITY = 9;

    /**
     * {@snippet lang=c :
     * enum io_uring_register_op.IORING_REGISTER_PERSONALITY = 9
     * }
     * @return 9 (0x9)
     */
    public static int IORING_REGISTER_PERSONALITY() {
        return IORING_REGISTER_PERSONALITY;
    }

    private static final int IORING_UNREGISTER_PERSONALITY = 10;

    /**
     * {@snippet lang=c :
     * enum io_uring_register_op.IORING_UNREGISTER_PERSONALITY = 10
     * }
     * @return 10 (0xa)
     */
    public static int IORING_UNREGISTER_PERSONALITY() {
        return IORING_UNREGISTER_PERSONALITY;
    }

    private static final int IORING_REGISTER_RESTRICTIONS = 11;

    /**
     * {@snippet lang=c :
     * enum io_uring_register_op.IORING_REGISTER_RESTRICTIONS = 11
     * }
     * @return 11 (0xb)
     */
    public static int IORING_REGISTER_RESTRICTIONS() {
        return IORING_REGISTER_RESTRICTIONS;
    }

    private static final int IORING_REGISTER_ENABLE_RINGS = 12;

    /**
     * {@snippet lang=c :
     * enum io_uring_register_op.IORING_REGISTER_ENABLE_RINGS = 12
     * }
     * @return 12 (0xc)
     */
    public static int IORING_REGISTER_ENABLE_RINGS() {
        return IORING_REGISTER_ENABLE_RINGS;
    }

    private static final int IORING_REGISTER_FILES2 = 13;

    /**
     * {@snippet lang=c :
     * enum io_uring_register_op.IORING_REGISTER_FILES2 = 13
     * }
     * @return 13 (0xd)
     */
    public static int IORING_REGISTER_FILES2() {
        return IORING_REGISTER_FILES2;
    }

    private static final int IORING_REGISTER_FILES_UPDATE2 = 14;

    /**
     * {@snippet lang=c :
     * enum io_uring_register_op.IORING_REGISTER_FILES_UPDATE2 = 14
     * }
     * @return 14 (0xe)
     */
    public static int IORING_REGISTER_FILES_UPDATE2() {
        return IORING_REGISTER_FILES_UPDATE2;
    }

    private static final int IORING_REGISTER_BUFFERS2 = 15;

    /**
     * {@snippet lang=c :
     * enum io_uring_register_op.IORING_REGISTER_BUFFERS2 = 15
     * }
     * @return 15 (0xf)
     */
    public static int IORING_REGISTER_BUFFERS2() {
        return IORING_REGISTER_BUFFERS2;
    }

    private static final int IORING_REGISTER_BUFFERS_UPDATE = 16;

    /**
     * {@snippet lang=c :
     * enum io_uring_register_op.IORING_REGISTER_BUFFERS_UPDATE = 16
     * }
     * @return 16 (0x10)
     */
    public static int IORING_REGISTER_BUFFERS_UPDATE() {
        return IORING_REGISTER_BUFFERS_UPDATE;
    }

    private static final int IORING_REGISTER_IOWQ_AFF = 17;

    /**
     * {@snippet lang=c :
     * enum io_uring_register_op.IORING_REGISTER_IOWQ_AFF = 17
     * }
     * @return 17 (0x11)
     */
    public static int IORING_REGISTER_IOWQ_AFF() {
        return IORING_REGISTER_IOWQ_AFF;
    }

    private static final int IORING_UNREGISTER_IOWQ_AFF = 18;

    /**
     * {@snippet lang=c :
     * enum io_uring_register_op.IORING_UNREGISTER_IOWQ_AFF = 18
     * }
     * @return 18 (0x12)
     */
    public static int IORING_UNREGISTER_IOWQ_AFF() {
        return IORING_UNREGISTER_IOWQ_AFF;
    }

    private static final int IORING_REGISTER_IOWQ_MAX_WORKERS = 19;

    /**
     * {@snippet lang=c :
     * enum io_uring_register_op.IORING_REGISTER_IOWQ_MAX_WORKERS = 19
     * }
     * @return 19 (0x13)
     */
    public static int IORING_REGISTER_IOWQ_MAX_WORKERS() {
        return IORING_REGISTER_IOWQ_MAX_WORKERS;
    }

    private static final int IORING_REGISTER_RING_FDS = 20;

    /**
     * {@snippet lang=c :
     * enum io_uring_register_op.IORING_REGISTER_RING_FDS = 20
     * }
     * @return 20 (0x14)
     */
    public static int IORING_REGISTER_RING_FDS() {
        return IORING_REGISTER_RING_FDS;
    }

    private static final int IORING_UNREGISTER_RING_FDS = 21;

    /**
     * {@snippet lang=c :
     * enum io_uring_register_op.IORING_UNREGISTER_RING_FDS = 21
     * }
     * @return 21 (0x15)
     */
    public static int IORING_UNREGISTER_RING_FDS() {
        return IORING_UNREGISTER_RING_FDS;
    }

    private static final int IORING_REGISTER_PBUF_RING = 22;

    /**
     * {@snippet lang=c :
     * enum io_uring_register_op.IORING_REGISTER_PBUF_RING = 22
     * }
     * @return 22 (0x16)
     */
    public static int IORING_REGISTER_PBUF_RING() {
        return IORING_REGISTER_PBUF_RING;
    }

    private static final int IORING_UNREGISTER_PBUF_RING = 23;

    /**
     * {@snippet lang=c :
     * enum io_uring_register_op.IORING_UNREGISTER_PBUF_RING = 23
     * }
     * @return 23 (0x17)
     */
    public static int IORING_UNREGISTER_PBUF_RING() {
        return IORING_UNREGISTER_PBUF_RING;
    }

    private static final int IORING_REGISTER_SYNC_CANCEL = 24;

    /**
     * {@snippet lang=c :
     * enum io_uring_register_op.IORING_REGISTER_SYNC_CANCEL = 24
     * }
     * @return 24 (0x18)
     */
    public static int IORING_REGISTER_SYNC_CANCEL() {
        return IORING_REGISTER_SYNC_CANCEL;
    }

    private static final int IORING_REGISTER_FILE_ALLOC_RANGE = 25;

    /**
     * {@snippet lang=c :
     * enum io_uring_register_op.IORING_REGISTER_FILE_ALLOC_RANGE = 25
     * }
     * @return 25 (0x19)
     */
    public static int IORING_REGISTER_FILE_ALLOC_RANGE() {
        return IORING_REGISTER_FILE_ALLOC_RANGE;
    }

    private static final int IORING_REGISTER_PBUF_STATUS = 26;

    /**
     * Head of a buffer ring (struct io_uring_buf_status).
     * {@snippet lang=c :
     * enum io_uring_register_op.IORING_REGISTER_PBUF_STATUS = 26
     * }
     * <p>Since Linux 6.8 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 26 (0x1a)
     */
    public static int IORING_REGISTER_PBUF_STATUS() {
        return IORING_REGISTER_PBUF_STATUS;
    }

    private static final int IORING_REGISTER_NAPI = 27;

    /**
     * Set busy-poll (NAPI) settings.
     * {@snippet lang=c :
     * enum io_uring_register_op.IORING_REGISTER_NAPI = 27
     * }
     * <p>Since Linux 6.9 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 27 (0x1b)
     */
    public static int IORING_REGISTER_NAPI() {
        return IORING_REGISTER_NAPI;
    }

    private static final int IORING_UNREGISTER_NAPI = 28;

    /**
     * Clear busy-poll settings.
     * {@snippet lang=c :
     * enum io_uring_register_op.IORING_UNREGISTER_NAPI = 28
     * }
     * <p>Since Linux 6.9 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 28 (0x1c)
     */
    public static int IORING_UNREGISTER_NAPI() {
        return IORING_UNREGISTER_NAPI;
    }

    private static final int IORING_REGISTER_CLOCK = 29;

    /**
     * Clock for waits.
     * {@snippet lang=c :
     * enum io_uring_register_op.IORING_REGISTER_CLOCK = 29
     * }
     * <p>Since Linux 6.12 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 29 (0x1d)
     */
    public static int IORING_REGISTER_CLOCK() {
        return IORING_REGISTER_CLOCK;
    }

    private static final int IORING_REGISTER_CLONE_BUFFERS = 30;

    /**
     * Clone registered buffers from another ring.
     * {@snippet lang=c :
     * enum io_uring_register_op.IORING_REGISTER_CLONE_BUFFERS = 30
     * }
     * <p>Since Linux 6.12 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 30 (0x1e)
     */
    public static int IORING_REGISTER_CLONE_BUFFERS() {
        return IORING_REGISTER_CLONE_BUFFERS;
    }

    private static final int IORING_REGISTER_SEND_MSG_RING = 31;

    /**
     * MSG_RING without a source ring.
     * {@snippet lang=c :
     * enum io_uring_register_op.IORING_REGISTER_SEND_MSG_RING = 31
     * }
     * <p>Since Linux 6.13 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 31 (0x1f)
     */
    public static int IORING_REGISTER_SEND_MSG_RING() {
        return IORING_REGISTER_SEND_MSG_RING;
    }

    private static final int IORING_REGISTER_ZCRX_IFQ = 32;

    /**
     * Zero-copy receive queue.
     * {@snippet lang=c :
     * enum io_uring_register_op.IORING_REGISTER_ZCRX_IFQ = 32
     * }
     * <p>Since Linux 6.15 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 32 (0x20)
     */
    public static int IORING_REGISTER_ZCRX_IFQ() {
        return IORING_REGISTER_ZCRX_IFQ;
    }

    private static final int IORING_REGISTER_RESIZE_RINGS = 33;

    /**
     * Resize the SQ/CQ rings.
     * {@snippet lang=c :
     * enum io_uring_register_op.IORING_REGISTER_RESIZE_RINGS = 33
     * }
     * <p>Since Linux 6.13 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 33 (0x21)
     */
    public static int IORING_REGISTER_RESIZE_RINGS() {
        return IORING_REGISTER_RESIZE_RINGS;
    }

    private static final int IORING_REGISTER_MEM_REGION = 34;

    /**
     * Register a memory region (wait arguments).
     * {@snippet lang=c :
     * enum io_uring_register_op.IORING_REGISTER_MEM_REGION = 34
     * }
     * <p>Since Linux 6.13 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 34 (0x22)
     */
    public static int IORING_REGISTER_MEM_REGION() {
        return IORING_REGISTER_MEM_REGION;
    }

    private static final int IORING_REGISTER_QUERY = 35;

    /**
     * Query io_uring capabilities without a ring.
     * {@snippet lang=c :
     * enum io_uring_register_op.IORING_REGISTER_QUERY = 35
     * }
     * <p>Since Linux 6.18 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 35 (0x23)
     */
    public static int IORING_REGISTER_QUERY() {
        return IORING_REGISTER_QUERY;
    }

    private static final int IORING_REGISTER_LAST = 36;

    /**
     * One past the last register opcode this binding knows (Linux 6.18); older headers have a smaller value, so the layout test only requires header value &lt;= this one.
     * {@snippet lang=c :
     * enum io_uring_register_op.IORING_REGISTER_LAST = 36
     * }
     * @return 36 (0x24)
     */
    public static int IORING_REGISTER_LAST() {
        return IORING_REGISTER_LAST;
    }

    private static final int IORING_REGISTER_USE_REGISTERED_RING = -2147483648;

    /**
     * ORed into the opcode: fd is a registered ring index.
     * {@snippet lang=c :
     * enum io_uring_register_op.IORING_REGISTER_USE_REGISTERED_RING = 2147483648
     * }
     * <p>Since Linux 6.3 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 2147483648 (0x80000000)
     */
    public static int IORING_REGISTER_USE_REGISTERED_RING() {
        return IORING_REGISTER_USE_REGISTERED_RING;
    }

    // ---- io-wq worker categories ----

    private static final int IO_WQ_BOUND = 0;

    /**
     * {@snippet lang=c :
     * enum io_wq_type.IO_WQ_BOUND = 0
     * }
     * @return 0 (0x0)
     */
    public static int IO_WQ_BOUND() {
        return IO_WQ_BOUND;
    }

    private static final int IO_WQ_UNBOUND = 1;

    /**
     * {@snippet lang=c :
     * enum io_wq_type.IO_WQ_UNBOUND = 1
     * }
     * @return 1 (0x1)
     */
    public static int IO_WQ_UNBOUND() {
        return IO_WQ_UNBOUND;
    }

    // ---- resource registration ----

    private static final int IORING_RSRC_REGISTER_SPARSE = 1;

    /**
     * Io_uring_rsrc_register.flags: register an all-empty (sparse) table of nr slots.
     * {@snippet lang=c :
     * #define IORING_RSRC_REGISTER_SPARSE (1U << 0)
     * }
     * @return 1 (0x1)
     */
    public static int IORING_RSRC_REGISTER_SPARSE() {
        return IORING_RSRC_REGISTER_SPARSE;
    }

    private static final int IORING_REGISTER_FILES_SKIP = -2;

    /**
     * In a file update: leave this slot as it is.
     * {@snippet lang=c :
     * #define IORING_REGISTER_FILES_SKIP (-2)
     * }
     * @return -2 (0xfffffffe)
     */
    public static int IORING_REGISTER_FILES_SKIP() {
        return IORING_REGISTER_FILES_SKIP;
    }

    private static final int IO_URING_OP_SUPPORTED = 1;

    /**
     * Io_uring_probe_op.flags: the opcode is supported.
     * {@snippet lang=c :
     * #define IO_URING_OP_SUPPORTED (1U << 0)
     * }
     * @return 1 (0x1)
     */
    public static int IO_URING_OP_SUPPORTED() {
        return IO_URING_OP_SUPPORTED;
    }

    // ---- restrictions ----

    private static final int IORING_RESTRICTION_REGISTER_OP = 0;

    /**
     * {@snippet lang=c :
     * enum io_uring_register_restriction_op.IORING_RESTRICTION_REGISTER_OP = 0
     * }
     * @return 0 (0x0)
     */
    public static int IORING_RESTRICTION_REGISTER_OP() {
        return IORING_RESTRICTION_REGISTER_OP;
    }

    private static final int IORING_RESTRICTION_SQE_OP = 1;

    /**
     * {@snippet lang=c :
     * enum io_uring_register_restriction_op.IORING_RESTRICTION_SQE_OP = 1
     * }
     * @return 1 (0x1)
     */
    public static int IORING_RESTRICTION_SQE_OP() {
        return IORING_RESTRICTION_SQE_OP;
    }

    private static final int IORING_RESTRICTION_SQE_FLAGS_ALLOWED = 2;

    /**
     * {@snippet lang=c :
     * enum io_uring_register_restriction_op.IORING_RESTRICTION_SQE_FLAGS_ALLOWED = 2
     * }
     * @return 2 (0x2)
     */
    public static int IORING_RESTRICTION_SQE_FLAGS_ALLOWED() {
        return IORING_RESTRICTION_SQE_FLAGS_ALLOWED;
    }

    private static final int IORING_RESTRICTION_SQE_FLAGS_REQUIRED = 3;

    /**
     * {@snippet lang=c :
     * enum io_uring_register_restriction_op.IORING_RESTRICTION_SQE_FLAGS_REQUIRED = 3
     * }
     * @return 3 (0x3)
     */
    public static int IORING_RESTRICTION_SQE_FLAGS_REQUIRED() {
        return IORING_RESTRICTION_SQE_FLAGS_REQUIRED;
    }

    private static final int IORING_RESTRICTION_LAST = 4;

    /**
     * {@snippet lang=c :
     * enum io_uring_register_restriction_op.IORING_RESTRICTION_LAST = 4
     * }
     * @return 4 (0x4)
     */
    public static int IORING_RESTRICTION_LAST() {
        return IORING_RESTRICTION_LAST;
    }

    // ---- provided buffer rings ----

    private static final int IOU_PBUF_RING_MMAP = 1;

    /**
     * The kernel allocates the ring; map it at IORING_OFF_PBUF_RING.
     * {@snippet lang=c :
     * enum io_uring_register_pbuf_ring_flags.IOU_PBUF_RING_MMAP = 1
     * }
     * <p>Since Linux 6.4 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 1 (0x1)
     */
    public static int IOU_PBUF_RING_MMAP() {
        return IOU_PBUF_RING_MMAP;
    }

    private static final int IOU_PBUF_RING_INC = 2;

    /**
     * Incremental buffer consumption: a buffer serves several completions (IORING_CQE_F_BUF_MORE).
     * {@snippet lang=c :
     * enum io_uring_register_pbuf_ring_flags.IOU_PBUF_RING_INC = 2
     * }
     * <p>Since Linux 6.12 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @return 2 (0x2)
     */
    public static int IOU_PBUF_RING_INC() {
        return IOU_PBUF_RING_INC;
    }

    // ---- liburing ----

    private static final long LIBURING_UDATA_TIMEOUT = -1L;

    /**
     * User_data liburing reserves for its internal timeouts.
     * {@snippet lang=c :
     * #define LIBURING_UDATA_TIMEOUT ((__u64) -1)
     * }
     * @return -1 (0xffffffffffffffff)
     */
    public static long LIBURING_UDATA_TIMEOUT() {
        return LIBURING_UDATA_TIMEOUT;
    }

    // ---- liburing functions (exported by liburing.so.2 since 2.3) ----

    private static final class io_uring_queue_init_params {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_INT, LibUring.C_POINTER, LibUring.C_POINTER);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_queue_init_params");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_queue_init_params", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_queue_init_params}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_queue_init_params$descriptor() {
        return io_uring_queue_init_params.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_queue_init_params} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_queue_init_params$handle() {
        return io_uring_queue_init_params.HANDLE;
    }

    /**
     * Address of {@code io_uring_queue_init_params}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_queue_init_params$address() {
        return io_uring_queue_init_params.ADDR;
    }

    /**
     * Sets up a ring with the given params (flags in, offsets and features out) and maps it. Returns 0 or -errno.
     * @param entries C argument {@code entries}
     * @param ring C argument {@code ring}
     * @param p C argument {@code p}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_queue_init_params(int entries, MemorySegment ring, MemorySegment p) {
        var mh$ = io_uring_queue_init_params.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_queue_init_params", entries, ring, p);
            }
            return (int) mh$.invokeExact(entries, ring, p);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_queue_init {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_INT, LibUring.C_POINTER, LibUring.C_INT);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_queue_init");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_queue_init", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_queue_init}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_queue_init$descriptor() {
        return io_uring_queue_init.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_queue_init} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_queue_init$handle() {
        return io_uring_queue_init.HANDLE;
    }

    /**
     * Address of {@code io_uring_queue_init}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_queue_init$address() {
        return io_uring_queue_init.ADDR;
    }

    /**
     * Sets up and maps a ring with setup flags. Returns 0 or -errno.
     * @param entries C argument {@code entries}
     * @param ring C argument {@code ring}
     * @param flags C argument {@code flags}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_queue_init(int entries, MemorySegment ring, int flags) {
        var mh$ = io_uring_queue_init.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_queue_init", entries, ring, flags);
            }
            return (int) mh$.invokeExact(entries, ring, flags);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_queue_mmap {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_INT, LibUring.C_POINTER, LibUring.C_POINTER);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_queue_mmap");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_queue_mmap", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_queue_mmap}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_queue_mmap$descriptor() {
        return io_uring_queue_mmap.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_queue_mmap} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_queue_mmap$handle() {
        return io_uring_queue_mmap.HANDLE;
    }

    /**
     * Address of {@code io_uring_queue_mmap}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_queue_mmap$address() {
        return io_uring_queue_mmap.ADDR;
    }

    /**
     * Maps the rings of an io_uring fd set up elsewhere. Returns 0 or -errno.
     * @param fd C argument {@code fd}
     * @param p C argument {@code p}
     * @param ring C argument {@code ring}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_queue_mmap(int fd, MemorySegment p, MemorySegment ring) {
        var mh$ = io_uring_queue_mmap.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_queue_mmap", fd, p, ring);
            }
            return (int) mh$.invokeExact(fd, p, ring);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_ring_dontfork {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_POINTER);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_ring_dontfork");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_ring_dontfork", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_ring_dontfork}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_ring_dontfork$descriptor() {
        return io_uring_ring_dontfork.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_ring_dontfork} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_ring_dontfork$handle() {
        return io_uring_ring_dontfork.HANDLE;
    }

    /**
     * Address of {@code io_uring_ring_dontfork}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_ring_dontfork$address() {
        return io_uring_ring_dontfork.ADDR;
    }

    /**
     * Marks the ring memory MADV_DONTFORK. Returns 0 or -errno.
     * @param ring C argument {@code ring}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_ring_dontfork(MemorySegment ring) {
        var mh$ = io_uring_ring_dontfork.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_ring_dontfork", ring);
            }
            return (int) mh$.invokeExact(ring);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_queue_exit {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(LibUring.C_POINTER);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_queue_exit");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_queue_exit", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_queue_exit}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_queue_exit$descriptor() {
        return io_uring_queue_exit.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_queue_exit} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_queue_exit$handle() {
        return io_uring_queue_exit.HANDLE;
    }

    /**
     * Address of {@code io_uring_queue_exit}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_queue_exit$address() {
        return io_uring_queue_exit.ADDR;
    }

    /**
     * Unmaps the rings and closes the ring fd.
     * @param ring C argument {@code ring}
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static void io_uring_queue_exit(MemorySegment ring) {
        var mh$ = io_uring_queue_exit.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_queue_exit", ring);
            }
            mh$.invokeExact(ring);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_get_probe_ring {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_POINTER, LibUring.C_POINTER);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_get_probe_ring");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_get_probe_ring", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_get_probe_ring}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_get_probe_ring$descriptor() {
        return io_uring_get_probe_ring.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_get_probe_ring} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_get_probe_ring$handle() {
        return io_uring_get_probe_ring.HANDLE;
    }

    /**
     * Address of {@code io_uring_get_probe_ring}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_get_probe_ring$address() {
        return io_uring_get_probe_ring.ADDR;
    }

    /**
     * Probes the opcodes of a ring; returns a malloc'd io_uring_probe (free with io_uring_free_probe) or NULL.
     * @param ring C argument {@code ring}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static MemorySegment io_uring_get_probe_ring(MemorySegment ring) {
        var mh$ = io_uring_get_probe_ring.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_get_probe_ring", ring);
            }
            return (MemorySegment) mh$.invokeExact(ring);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_get_probe {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_POINTER);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_get_probe");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_get_probe", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_get_probe}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_get_probe$descriptor() {
        return io_uring_get_probe.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_get_probe} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_get_probe$handle() {
        return io_uring_get_probe.HANDLE;
    }

    /**
     * Address of {@code io_uring_get_probe}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_get_probe$address() {
        return io_uring_get_probe.ADDR;
    }

    /**
     * Probes opcodes on a temporary ring; returns a malloc'd io_uring_probe or NULL.
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static MemorySegment io_uring_get_probe() {
        var mh$ = io_uring_get_probe.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_get_probe");
            }
            return (MemorySegment) mh$.invokeExact();
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_free_probe {
        public static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(LibUring.C_POINTER);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_free_probe");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_free_probe", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_free_probe}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_free_probe$descriptor() {
        return io_uring_free_probe.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_free_probe} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_free_probe$handle() {
        return io_uring_free_probe.HANDLE;
    }

    /**
     * Address of {@code io_uring_free_probe}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_free_probe$address() {
        return io_uring_free_probe.ADDR;
    }

    /**
     * Frees a probe from io_uring_get_probe*().
     * @param probe C argument {@code probe}
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static void io_uring_free_probe(MemorySegment probe) {
        var mh$ = io_uring_free_probe.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_free_probe", probe);
            }
            mh$.invokeExact(probe);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_peek_batch_cqe {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_POINTER, LibUring.C_POINTER, LibUring.C_INT);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_peek_batch_cqe");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_peek_batch_cqe", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_peek_batch_cqe}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_peek_batch_cqe$descriptor() {
        return io_uring_peek_batch_cqe.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_peek_batch_cqe} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_peek_batch_cqe$handle() {
        return io_uring_peek_batch_cqe.HANDLE;
    }

    /**
     * Address of {@code io_uring_peek_batch_cqe}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_peek_batch_cqe$address() {
        return io_uring_peek_batch_cqe.ADDR;
    }

    /**
     * Fills up to count CQE pointers without waiting; returns how many (unsigned).
     * @param ring C argument {@code ring}
     * @param cqes C argument {@code cqes}
     * @param count C argument {@code count}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_peek_batch_cqe(MemorySegment ring, MemorySegment cqes, int count) {
        var mh$ = io_uring_peek_batch_cqe.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_peek_batch_cqe", ring, cqes, count);
            }
            return (int) mh$.invokeExact(ring, cqes, count);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_wait_cqes {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_POINTER, LibUring.C_POINTER, LibUring.C_INT, LibUring.C_POINTER, LibUring.C_POINTER);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_wait_cqes");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_wait_cqes", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_wait_cqes}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_wait_cqes$descriptor() {
        return io_uring_wait_cqes.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_wait_cqes} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_wait_cqes$handle() {
        return io_uring_wait_cqes.HANDLE;
    }

    /**
     * Address of {@code io_uring_wait_cqes}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_wait_cqes$address() {
        return io_uring_wait_cqes.ADDR;
    }

    /**
     * Waits for wait_nr CQEs or the timeout. Returns 0 or -errno. Blocks.
     * @param ring C argument {@code ring}
     * @param cqe_ptr C argument {@code cqe_ptr}
     * @param wait_nr C argument {@code wait_nr}
     * @param ts C argument {@code ts}
     * @param sigmask C argument {@code sigmask}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_wait_cqes(MemorySegment ring, MemorySegment cqe_ptr, int wait_nr, MemorySegment ts, MemorySegment sigmask) {
        var mh$ = io_uring_wait_cqes.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_wait_cqes", ring, cqe_ptr, wait_nr, ts, sigmask);
            }
            return (int) mh$.invokeExact(ring, cqe_ptr, wait_nr, ts, sigmask);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_wait_cqe_timeout {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_POINTER, LibUring.C_POINTER, LibUring.C_POINTER);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_wait_cqe_timeout");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_wait_cqe_timeout", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_wait_cqe_timeout}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_wait_cqe_timeout$descriptor() {
        return io_uring_wait_cqe_timeout.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_wait_cqe_timeout} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_wait_cqe_timeout$handle() {
        return io_uring_wait_cqe_timeout.HANDLE;
    }

    /**
     * Address of {@code io_uring_wait_cqe_timeout}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_wait_cqe_timeout$address() {
        return io_uring_wait_cqe_timeout.ADDR;
    }

    /**
     * Waits for one CQE or the timeout. Returns 0 or -errno. Blocks.
     * @param ring C argument {@code ring}
     * @param cqe_ptr C argument {@code cqe_ptr}
     * @param ts C argument {@code ts}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_wait_cqe_timeout(MemorySegment ring, MemorySegment cqe_ptr, MemorySegment ts) {
        var mh$ = io_uring_wait_cqe_timeout.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_wait_cqe_timeout", ring, cqe_ptr, ts);
            }
            return (int) mh$.invokeExact(ring, cqe_ptr, ts);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_submit {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_POINTER);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_submit");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_submit", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_submit}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_submit$descriptor() {
        return io_uring_submit.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_submit} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_submit$handle() {
        return io_uring_submit.HANDLE;
    }

    /**
     * Address of {@code io_uring_submit}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_submit$address() {
        return io_uring_submit.ADDR;
    }

    /**
     * Submits the queued SQEs. Returns the number submitted or -errno.
     * @param ring C argument {@code ring}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_submit(MemorySegment ring) {
        var mh$ = io_uring_submit.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_submit", ring);
            }
            return (int) mh$.invokeExact(ring);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_submit_and_wait {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_POINTER, LibUring.C_INT);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_submit_and_wait");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_submit_and_wait", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_submit_and_wait}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_submit_and_wait$descriptor() {
        return io_uring_submit_and_wait.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_submit_and_wait} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_submit_and_wait$handle() {
        return io_uring_submit_and_wait.HANDLE;
    }

    /**
     * Address of {@code io_uring_submit_and_wait}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_submit_and_wait$address() {
        return io_uring_submit_and_wait.ADDR;
    }

    /**
     * Submits and waits for wait_nr completions. Returns the number submitted or -errno. Blocks.
     * @param ring C argument {@code ring}
     * @param wait_nr C argument {@code wait_nr}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_submit_and_wait(MemorySegment ring, int wait_nr) {
        var mh$ = io_uring_submit_and_wait.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_submit_and_wait", ring, wait_nr);
            }
            return (int) mh$.invokeExact(ring, wait_nr);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_submit_and_wait_timeout {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_POINTER, LibUring.C_POINTER, LibUring.C_INT, LibUring.C_POINTER, LibUring.C_POINTER);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_submit_and_wait_timeout");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_submit_and_wait_timeout", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_submit_and_wait_timeout}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_submit_and_wait_timeout$descriptor() {
        return io_uring_submit_and_wait_timeout.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_submit_and_wait_timeout} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_submit_and_wait_timeout$handle() {
        return io_uring_submit_and_wait_timeout.HANDLE;
    }

    /**
     * Address of {@code io_uring_submit_and_wait_timeout}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_submit_and_wait_timeout$address() {
        return io_uring_submit_and_wait_timeout.ADDR;
    }

    /**
     * Submits and waits with a timeout. Returns the number submitted or -errno. Blocks.
     * @param ring C argument {@code ring}
     * @param cqe_ptr C argument {@code cqe_ptr}
     * @param wait_nr C argument {@code wait_nr}
     * @param ts C argument {@code ts}
     * @param sigmask C argument {@code sigmask}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_submit_and_wait_timeout(MemorySegment ring, MemorySegment cqe_ptr, int wait_nr, MemorySegment ts, MemorySegment sigmask) {
        var mh$ = io_uring_submit_and_wait_timeout.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_submit_and_wait_timeout", ring, cqe_ptr, wait_nr, ts, sigmask);
            }
            return (int) mh$.invokeExact(ring, cqe_ptr, wait_nr, ts, sigmask);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_register_buffers {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_POINTER, LibUring.C_POINTER, LibUring.C_INT);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_register_buffers");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_register_buffers", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_register_buffers}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_register_buffers$descriptor() {
        return io_uring_register_buffers.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_register_buffers} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_register_buffers$handle() {
        return io_uring_register_buffers.HANDLE;
    }

    /**
     * Address of {@code io_uring_register_buffers}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_register_buffers$address() {
        return io_uring_register_buffers.ADDR;
    }

    /**
     * Registers fixed buffers (IORING_REGISTER_BUFFERS). Returns 0 or -errno.
     * @param ring C argument {@code ring}
     * @param iovecs C argument {@code iovecs}
     * @param nr_iovecs C argument {@code nr_iovecs}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_register_buffers(MemorySegment ring, MemorySegment iovecs, int nr_iovecs) {
        var mh$ = io_uring_register_buffers.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_register_buffers", ring, iovecs, nr_iovecs);
            }
            return (int) mh$.invokeExact(ring, iovecs, nr_iovecs);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_register_buffers_tags {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_POINTER, LibUring.C_POINTER, LibUring.C_POINTER, LibUring.C_INT);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_register_buffers_tags");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_register_buffers_tags", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_register_buffers_tags}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_register_buffers_tags$descriptor() {
        return io_uring_register_buffers_tags.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_register_buffers_tags} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_register_buffers_tags$handle() {
        return io_uring_register_buffers_tags.HANDLE;
    }

    /**
     * Address of {@code io_uring_register_buffers_tags}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_register_buffers_tags$address() {
        return io_uring_register_buffers_tags.ADDR;
    }

    /**
     * Registers tagged fixed buffers (IORING_REGISTER_BUFFERS2). Returns 0 or -errno.
     * @param ring C argument {@code ring}
     * @param iovecs C argument {@code iovecs}
     * @param tags C argument {@code tags}
     * @param nr C argument {@code nr}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_register_buffers_tags(MemorySegment ring, MemorySegment iovecs, MemorySegment tags, int nr) {
        var mh$ = io_uring_register_buffers_tags.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_register_buffers_tags", ring, iovecs, tags, nr);
            }
            return (int) mh$.invokeExact(ring, iovecs, tags, nr);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_register_buffers_sparse {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_POINTER, LibUring.C_INT);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_register_buffers_sparse");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_register_buffers_sparse", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_register_buffers_sparse}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_register_buffers_sparse$descriptor() {
        return io_uring_register_buffers_sparse.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_register_buffers_sparse} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_register_buffers_sparse$handle() {
        return io_uring_register_buffers_sparse.HANDLE;
    }

    /**
     * Address of {@code io_uring_register_buffers_sparse}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_register_buffers_sparse$address() {
        return io_uring_register_buffers_sparse.ADDR;
    }

    /**
     * Registers a sparse buffer table of nr slots (IORING_REGISTER_BUFFERS2 + IORING_RSRC_REGISTER_SPARSE). Returns 0 or -errno.
     * @param ring C argument {@code ring}
     * @param nr C argument {@code nr}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_register_buffers_sparse(MemorySegment ring, int nr) {
        var mh$ = io_uring_register_buffers_sparse.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_register_buffers_sparse", ring, nr);
            }
            return (int) mh$.invokeExact(ring, nr);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_register_buffers_update_tag {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_POINTER, LibUring.C_INT, LibUring.C_POINTER, LibUring.C_POINTER, LibUring.C_INT);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_register_buffers_update_tag");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_register_buffers_update_tag", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_register_buffers_update_tag}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_register_buffers_update_tag$descriptor() {
        return io_uring_register_buffers_update_tag.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_register_buffers_update_tag} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_register_buffers_update_tag$handle() {
        return io_uring_register_buffers_update_tag.HANDLE;
    }

    /**
     * Address of {@code io_uring_register_buffers_update_tag}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_register_buffers_update_tag$address() {
        return io_uring_register_buffers_update_tag.ADDR;
    }

    /**
     * Replaces nr buffer slots from off, with tags (IORING_REGISTER_BUFFERS_UPDATE). Returns the number updated or -errno.
     * @param ring C argument {@code ring}
     * @param off C argument {@code off}
     * @param iovecs C argument {@code iovecs}
     * @param tags C argument {@code tags}
     * @param nr C argument {@code nr}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_register_buffers_update_tag(MemorySegment ring, int off, MemorySegment iovecs, MemorySegment tags, int nr) {
        var mh$ = io_uring_register_buffers_update_tag.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_register_buffers_update_tag", ring, off, iovecs, tags, nr);
            }
            return (int) mh$.invokeExact(ring, off, iovecs, tags, nr);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_unregister_buffers {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_POINTER);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_unregister_buffers");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_unregister_buffers", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_unregister_buffers}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_unregister_buffers$descriptor() {
        return io_uring_unregister_buffers.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_unregister_buffers} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_unregister_buffers$handle() {
        return io_uring_unregister_buffers.HANDLE;
    }

    /**
     * Address of {@code io_uring_unregister_buffers}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_unregister_buffers$address() {
        return io_uring_unregister_buffers.ADDR;
    }

    /**
     * Unregisters all fixed buffers. Returns 0 or -errno.
     * @param ring C argument {@code ring}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_unregister_buffers(MemorySegment ring) {
        var mh$ = io_uring_unregister_buffers.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_unregister_buffers", ring);
            }
            return (int) mh$.invokeExact(ring);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_register_files {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_POINTER, LibUring.C_POINTER, LibUring.C_INT);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_register_files");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_register_files", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_register_files}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_register_files$descriptor() {
        return io_uring_register_files.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_register_files} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_register_files$handle() {
        return io_uring_register_files.HANDLE;
    }

    /**
     * Address of {@code io_uring_register_files}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_register_files$address() {
        return io_uring_register_files.ADDR;
    }

    /**
     * Registers a file table. Returns 0 or -errno.
     * @param ring C argument {@code ring}
     * @param files C argument {@code files}
     * @param nr_files C argument {@code nr_files}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_register_files(MemorySegment ring, MemorySegment files, int nr_files) {
        var mh$ = io_uring_register_files.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_register_files", ring, files, nr_files);
            }
            return (int) mh$.invokeExact(ring, files, nr_files);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_register_files_tags {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_POINTER, LibUring.C_POINTER, LibUring.C_POINTER, LibUring.C_INT);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_register_files_tags");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_register_files_tags", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_register_files_tags}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_register_files_tags$descriptor() {
        return io_uring_register_files_tags.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_register_files_tags} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_register_files_tags$handle() {
        return io_uring_register_files_tags.HANDLE;
    }

    /**
     * Address of {@code io_uring_register_files_tags}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_register_files_tags$address() {
        return io_uring_register_files_tags.ADDR;
    }

    /**
     * Registers a tagged file table (IORING_REGISTER_FILES2). Returns 0 or -errno.
     * @param ring C argument {@code ring}
     * @param files C argument {@code files}
     * @param tags C argument {@code tags}
     * @param nr C argument {@code nr}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_register_files_tags(MemorySegment ring, MemorySegment files, MemorySegment tags, int nr) {
        var mh$ = io_uring_register_files_tags.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_register_files_tags", ring, files, tags, nr);
            }
            return (int) mh$.invokeExact(ring, files, tags, nr);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_register_files_sparse {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_POINTER, LibUring.C_INT);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_register_files_sparse");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_register_files_sparse", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_register_files_sparse}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_register_files_sparse$descriptor() {
        return io_uring_register_files_sparse.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_register_files_sparse} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_register_files_sparse$handle() {
        return io_uring_register_files_sparse.HANDLE;
    }

    /**
     * Address of {@code io_uring_register_files_sparse}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_register_files_sparse$address() {
        return io_uring_register_files_sparse.ADDR;
    }

    /**
     * Registers a sparse file table of nr slots. Returns 0 or -errno.
     * @param ring C argument {@code ring}
     * @param nr C argument {@code nr}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_register_files_sparse(MemorySegment ring, int nr) {
        var mh$ = io_uring_register_files_sparse.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_register_files_sparse", ring, nr);
            }
            return (int) mh$.invokeExact(ring, nr);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_register_files_update_tag {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_POINTER, LibUring.C_INT, LibUring.C_POINTER, LibUring.C_POINTER, LibUring.C_INT);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_register_files_update_tag");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_register_files_update_tag", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_register_files_update_tag}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_register_files_update_tag$descriptor() {
        return io_uring_register_files_update_tag.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_register_files_update_tag} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_register_files_update_tag$handle() {
        return io_uring_register_files_update_tag.HANDLE;
    }

    /**
     * Address of {@code io_uring_register_files_update_tag}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_register_files_update_tag$address() {
        return io_uring_register_files_update_tag.ADDR;
    }

    /**
     * Replaces file slots with tags (IORING_REGISTER_FILES_UPDATE2). Returns the number updated or -errno.
     * @param ring C argument {@code ring}
     * @param off C argument {@code off}
     * @param files C argument {@code files}
     * @param tags C argument {@code tags}
     * @param nr_files C argument {@code nr_files}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_register_files_update_tag(MemorySegment ring, int off, MemorySegment files, MemorySegment tags, int nr_files) {
        var mh$ = io_uring_register_files_update_tag.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_register_files_update_tag", ring, off, files, tags, nr_files);
            }
            return (int) mh$.invokeExact(ring, off, files, tags, nr_files);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_unregister_files {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_POINTER);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_unregister_files");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_unregister_files", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_unregister_files}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_unregister_files$descriptor() {
        return io_uring_unregister_files.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_unregister_files} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_unregister_files$handle() {
        return io_uring_unregister_files.HANDLE;
    }

    /**
     * Address of {@code io_uring_unregister_files}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_unregister_files$address() {
        return io_uring_unregister_files.ADDR;
    }

    /**
     * Unregisters the file table. Returns 0 or -errno.
     * @param ring C argument {@code ring}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_unregister_files(MemorySegment ring) {
        var mh$ = io_uring_unregister_files.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_unregister_files", ring);
            }
            return (int) mh$.invokeExact(ring);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_register_files_update {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_POINTER, LibUring.C_INT, LibUring.C_POINTER, LibUring.C_INT);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_register_files_update");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_register_files_update", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_register_files_update}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_register_files_update$descriptor() {
        return io_uring_register_files_update.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_register_files_update} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_register_files_update$handle() {
        return io_uring_register_files_update.HANDLE;
    }

    /**
     * Address of {@code io_uring_register_files_update}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_register_files_update$address() {
        return io_uring_register_files_update.ADDR;
    }

    /**
     * Replaces file slots (IORING_REGISTER_FILES_UPDATE). Returns the number updated or -errno.
     * @param ring C argument {@code ring}
     * @param off C argument {@code off}
     * @param files C argument {@code files}
     * @param nr_files C argument {@code nr_files}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_register_files_update(MemorySegment ring, int off, MemorySegment files, int nr_files) {
        var mh$ = io_uring_register_files_update.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_register_files_update", ring, off, files, nr_files);
            }
            return (int) mh$.invokeExact(ring, off, files, nr_files);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_register_eventfd {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_POINTER, LibUring.C_INT);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_register_eventfd");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_register_eventfd", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_register_eventfd}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_register_eventfd$descriptor() {
        return io_uring_register_eventfd.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_register_eventfd} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_register_eventfd$handle() {
        return io_uring_register_eventfd.HANDLE;
    }

    /**
     * Address of {@code io_uring_register_eventfd}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_register_eventfd$address() {
        return io_uring_register_eventfd.ADDR;
    }

    /**
     * Registers an eventfd for completion notifications. Returns 0 or -errno.
     * @param ring C argument {@code ring}
     * @param fd C argument {@code fd}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_register_eventfd(MemorySegment ring, int fd) {
        var mh$ = io_uring_register_eventfd.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_register_eventfd", ring, fd);
            }
            return (int) mh$.invokeExact(ring, fd);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_register_eventfd_async {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_POINTER, LibUring.C_INT);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_register_eventfd_async");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_register_eventfd_async", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_register_eventfd_async}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_register_eventfd_async$descriptor() {
        return io_uring_register_eventfd_async.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_register_eventfd_async} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_register_eventfd_async$handle() {
        return io_uring_register_eventfd_async.HANDLE;
    }

    /**
     * Address of {@code io_uring_register_eventfd_async}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_register_eventfd_async$address() {
        return io_uring_register_eventfd_async.ADDR;
    }

    /**
     * Registers an eventfd notified only for async completions. Returns 0 or -errno.
     * @param ring C argument {@code ring}
     * @param fd C argument {@code fd}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_register_eventfd_async(MemorySegment ring, int fd) {
        var mh$ = io_uring_register_eventfd_async.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_register_eventfd_async", ring, fd);
            }
            return (int) mh$.invokeExact(ring, fd);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_unregister_eventfd {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_POINTER);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_unregister_eventfd");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_unregister_eventfd", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_unregister_eventfd}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_unregister_eventfd$descriptor() {
        return io_uring_unregister_eventfd.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_unregister_eventfd} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_unregister_eventfd$handle() {
        return io_uring_unregister_eventfd.HANDLE;
    }

    /**
     * Address of {@code io_uring_unregister_eventfd}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_unregister_eventfd$address() {
        return io_uring_unregister_eventfd.ADDR;
    }

    /**
     * Unregisters the eventfd. Returns 0 or -errno.
     * @param ring C argument {@code ring}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_unregister_eventfd(MemorySegment ring) {
        var mh$ = io_uring_unregister_eventfd.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_unregister_eventfd", ring);
            }
            return (int) mh$.invokeExact(ring);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_register_probe {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_POINTER, LibUring.C_POINTER, LibUring.C_INT);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_register_probe");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_register_probe", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_register_probe}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_register_probe$descriptor() {
        return io_uring_register_probe.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_register_probe} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_register_probe$handle() {
        return io_uring_register_probe.HANDLE;
    }

    /**
     * Address of {@code io_uring_register_probe}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_register_probe$address() {
        return io_uring_register_probe.ADDR;
    }

    /**
     * Fills a caller-allocated io_uring_probe with nr op entries. Returns 0 or -errno.
     * @param ring C argument {@code ring}
     * @param p C argument {@code p}
     * @param nr C argument {@code nr}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_register_probe(MemorySegment ring, MemorySegment p, int nr) {
        var mh$ = io_uring_register_probe.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_register_probe", ring, p, nr);
            }
            return (int) mh$.invokeExact(ring, p, nr);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_register_personality {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_POINTER);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_register_personality");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_register_personality", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_register_personality}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_register_personality$descriptor() {
        return io_uring_register_personality.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_register_personality} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_register_personality$handle() {
        return io_uring_register_personality.HANDLE;
    }

    /**
     * Address of {@code io_uring_register_personality}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_register_personality$address() {
        return io_uring_register_personality.ADDR;
    }

    /**
     * Registers the current credentials; returns the personality id or -errno.
     * @param ring C argument {@code ring}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_register_personality(MemorySegment ring) {
        var mh$ = io_uring_register_personality.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_register_personality", ring);
            }
            return (int) mh$.invokeExact(ring);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_unregister_personality {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_POINTER, LibUring.C_INT);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_unregister_personality");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_unregister_personality", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_unregister_personality}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_unregister_personality$descriptor() {
        return io_uring_unregister_personality.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_unregister_personality} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_unregister_personality$handle() {
        return io_uring_unregister_personality.HANDLE;
    }

    /**
     * Address of {@code io_uring_unregister_personality}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_unregister_personality$address() {
        return io_uring_unregister_personality.ADDR;
    }

    /**
     * Unregisters a personality. Returns 0 or -errno.
     * @param ring C argument {@code ring}
     * @param id C argument {@code id}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_unregister_personality(MemorySegment ring, int id) {
        var mh$ = io_uring_unregister_personality.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_unregister_personality", ring, id);
            }
            return (int) mh$.invokeExact(ring, id);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_register_iowq_aff {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_POINTER, LibUring.C_LONG, LibUring.C_POINTER);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_register_iowq_aff");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_register_iowq_aff", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_register_iowq_aff}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_register_iowq_aff$descriptor() {
        return io_uring_register_iowq_aff.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_register_iowq_aff} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_register_iowq_aff$handle() {
        return io_uring_register_iowq_aff.HANDLE;
    }

    /**
     * Address of {@code io_uring_register_iowq_aff}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_register_iowq_aff$address() {
        return io_uring_register_iowq_aff.ADDR;
    }

    /**
     * Sets the io-wq CPU affinity. Returns 0 or -errno.
     * @param ring C argument {@code ring}
     * @param cpusz C argument {@code cpusz}
     * @param mask C argument {@code mask}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_register_iowq_aff(MemorySegment ring, long cpusz, MemorySegment mask) {
        var mh$ = io_uring_register_iowq_aff.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_register_iowq_aff", ring, cpusz, mask);
            }
            return (int) mh$.invokeExact(ring, cpusz, mask);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_unregister_iowq_aff {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_POINTER);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_unregister_iowq_aff");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_unregister_iowq_aff", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_unregister_iowq_aff}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_unregister_iowq_aff$descriptor() {
        return io_uring_unregister_iowq_aff.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_unregister_iowq_aff} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_unregister_iowq_aff$handle() {
        return io_uring_unregister_iowq_aff.HANDLE;
    }

    /**
     * Address of {@code io_uring_unregister_iowq_aff}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_unregister_iowq_aff$address() {
        return io_uring_unregister_iowq_aff.ADDR;
    }

    /**
     * Clears the io-wq CPU affinity. Returns 0 or -errno.
     * @param ring C argument {@code ring}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_unregister_iowq_aff(MemorySegment ring) {
        var mh$ = io_uring_unregister_iowq_aff.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_unregister_iowq_aff", ring);
            }
            return (int) mh$.invokeExact(ring);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_register_iowq_max_workers {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_POINTER, LibUring.C_POINTER);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_register_iowq_max_workers");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_register_iowq_max_workers", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_register_iowq_max_workers}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_register_iowq_max_workers$descriptor() {
        return io_uring_register_iowq_max_workers.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_register_iowq_max_workers} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_register_iowq_max_workers$handle() {
        return io_uring_register_iowq_max_workers.HANDLE;
    }

    /**
     * Address of {@code io_uring_register_iowq_max_workers}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_register_iowq_max_workers$address() {
        return io_uring_register_iowq_max_workers.ADDR;
    }

    /**
     * Sets/gets the io-wq worker limits (unsigned[2]). Returns 0 or -errno.
     * @param ring C argument {@code ring}
     * @param values C argument {@code values}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_register_iowq_max_workers(MemorySegment ring, MemorySegment values) {
        var mh$ = io_uring_register_iowq_max_workers.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_register_iowq_max_workers", ring, values);
            }
            return (int) mh$.invokeExact(ring, values);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_register_ring_fd {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_POINTER);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_register_ring_fd");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_register_ring_fd", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_register_ring_fd}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_register_ring_fd$descriptor() {
        return io_uring_register_ring_fd.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_register_ring_fd} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_register_ring_fd$handle() {
        return io_uring_register_ring_fd.HANDLE;
    }

    /**
     * Address of {@code io_uring_register_ring_fd}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_register_ring_fd$address() {
        return io_uring_register_ring_fd.ADDR;
    }

    /**
     * Registers the ring fd with itself (IORING_REGISTER_RING_FDS); later enters use IORING_ENTER_REGISTERED_RING. Returns 1 or -errno.
     * @param ring C argument {@code ring}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_register_ring_fd(MemorySegment ring) {
        var mh$ = io_uring_register_ring_fd.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_register_ring_fd", ring);
            }
            return (int) mh$.invokeExact(ring);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_unregister_ring_fd {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_POINTER);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_unregister_ring_fd");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_unregister_ring_fd", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_unregister_ring_fd}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_unregister_ring_fd$descriptor() {
        return io_uring_unregister_ring_fd.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_unregister_ring_fd} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_unregister_ring_fd$handle() {
        return io_uring_unregister_ring_fd.HANDLE;
    }

    /**
     * Address of {@code io_uring_unregister_ring_fd}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_unregister_ring_fd$address() {
        return io_uring_unregister_ring_fd.ADDR;
    }

    /**
     * Unregisters the ring fd. Returns 1 or -errno.
     * @param ring C argument {@code ring}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_unregister_ring_fd(MemorySegment ring) {
        var mh$ = io_uring_unregister_ring_fd.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_unregister_ring_fd", ring);
            }
            return (int) mh$.invokeExact(ring);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_register_buf_ring {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_POINTER, LibUring.C_POINTER, LibUring.C_INT);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_register_buf_ring");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_register_buf_ring", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_register_buf_ring}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_register_buf_ring$descriptor() {
        return io_uring_register_buf_ring.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_register_buf_ring} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_register_buf_ring$handle() {
        return io_uring_register_buf_ring.HANDLE;
    }

    /**
     * Address of {@code io_uring_register_buf_ring}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_register_buf_ring$address() {
        return io_uring_register_buf_ring.ADDR;
    }

    /**
     * Registers a provided-buffer ring (IORING_REGISTER_PBUF_RING). Returns 0 or -errno.
     * @param ring C argument {@code ring}
     * @param reg C argument {@code reg}
     * @param flags C argument {@code flags}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_register_buf_ring(MemorySegment ring, MemorySegment reg, int flags) {
        var mh$ = io_uring_register_buf_ring.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_register_buf_ring", ring, reg, flags);
            }
            return (int) mh$.invokeExact(ring, reg, flags);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_unregister_buf_ring {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_POINTER, LibUring.C_INT);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_unregister_buf_ring");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_unregister_buf_ring", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_unregister_buf_ring}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_unregister_buf_ring$descriptor() {
        return io_uring_unregister_buf_ring.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_unregister_buf_ring} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_unregister_buf_ring$handle() {
        return io_uring_unregister_buf_ring.HANDLE;
    }

    /**
     * Address of {@code io_uring_unregister_buf_ring}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_unregister_buf_ring$address() {
        return io_uring_unregister_buf_ring.ADDR;
    }

    /**
     * Unregisters the buffer ring of group bgid. Returns 0 or -errno.
     * @param ring C argument {@code ring}
     * @param bgid C argument {@code bgid}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_unregister_buf_ring(MemorySegment ring, int bgid) {
        var mh$ = io_uring_unregister_buf_ring.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_unregister_buf_ring", ring, bgid);
            }
            return (int) mh$.invokeExact(ring, bgid);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_register_sync_cancel {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_POINTER, LibUring.C_POINTER);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_register_sync_cancel");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_register_sync_cancel", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_register_sync_cancel}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_register_sync_cancel$descriptor() {
        return io_uring_register_sync_cancel.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_register_sync_cancel} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_register_sync_cancel$handle() {
        return io_uring_register_sync_cancel.HANDLE;
    }

    /**
     * Address of {@code io_uring_register_sync_cancel}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_register_sync_cancel$address() {
        return io_uring_register_sync_cancel.ADDR;
    }

    /**
     * Cancels requests synchronously (IORING_REGISTER_SYNC_CANCEL). Returns 0 or -errno. Can wait up to reg.timeout.
     * @param ring C argument {@code ring}
     * @param reg C argument {@code reg}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_register_sync_cancel(MemorySegment ring, MemorySegment reg) {
        var mh$ = io_uring_register_sync_cancel.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_register_sync_cancel", ring, reg);
            }
            return (int) mh$.invokeExact(ring, reg);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_register_file_alloc_range {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_POINTER, LibUring.C_INT, LibUring.C_INT);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_register_file_alloc_range");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_register_file_alloc_range", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_register_file_alloc_range}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_register_file_alloc_range$descriptor() {
        return io_uring_register_file_alloc_range.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_register_file_alloc_range} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_register_file_alloc_range$handle() {
        return io_uring_register_file_alloc_range.HANDLE;
    }

    /**
     * Address of {@code io_uring_register_file_alloc_range}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_register_file_alloc_range$address() {
        return io_uring_register_file_alloc_range.ADDR;
    }

    /**
     * Sets the range of file slots the kernel allocates from. Returns 0 or -errno.
     * @param ring C argument {@code ring}
     * @param off C argument {@code off}
     * @param len C argument {@code len}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_register_file_alloc_range(MemorySegment ring, int off, int len) {
        var mh$ = io_uring_register_file_alloc_range.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_register_file_alloc_range", ring, off, len);
            }
            return (int) mh$.invokeExact(ring, off, len);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_get_events {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_POINTER);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_get_events");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_get_events", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_get_events}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_get_events$descriptor() {
        return io_uring_get_events.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_get_events} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_get_events$handle() {
        return io_uring_get_events.HANDLE;
    }

    /**
     * Address of {@code io_uring_get_events}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_get_events$address() {
        return io_uring_get_events.ADDR;
    }

    /**
     * Flushes overflowed CQEs and runs pending task work. Returns 0 or -errno.
     * @param ring C argument {@code ring}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_get_events(MemorySegment ring) {
        var mh$ = io_uring_get_events.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_get_events", ring);
            }
            return (int) mh$.invokeExact(ring);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_submit_and_get_events {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_POINTER);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_submit_and_get_events");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_submit_and_get_events", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_submit_and_get_events}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_submit_and_get_events$descriptor() {
        return io_uring_submit_and_get_events.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_submit_and_get_events} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_submit_and_get_events$handle() {
        return io_uring_submit_and_get_events.HANDLE;
    }

    /**
     * Address of {@code io_uring_submit_and_get_events}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_submit_and_get_events$address() {
        return io_uring_submit_and_get_events.ADDR;
    }

    /**
     * Submits and flushes completions in one enter. Returns the number submitted or -errno.
     * @param ring C argument {@code ring}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_submit_and_get_events(MemorySegment ring) {
        var mh$ = io_uring_submit_and_get_events.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_submit_and_get_events", ring);
            }
            return (int) mh$.invokeExact(ring);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_enter {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_INT, LibUring.C_INT, LibUring.C_INT, LibUring.C_INT, LibUring.C_POINTER);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_enter");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_enter", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_enter}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_enter$descriptor() {
        return io_uring_enter.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_enter} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_enter$handle() {
        return io_uring_enter.HANDLE;
    }

    /**
     * Address of {@code io_uring_enter}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_enter$address() {
        return io_uring_enter.ADDR;
    }

    /**
     * Raw io_uring_enter(2) as liburing 2.3 wraps it. Returns the result or -errno. Blocks with IORING_ENTER_GETEVENTS.
     * @param fd C argument {@code fd}
     * @param to_submit C argument {@code to_submit}
     * @param min_complete C argument {@code min_complete}
     * @param flags C argument {@code flags}
     * @param sig C argument {@code sig}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_enter(int fd, int to_submit, int min_complete, int flags, MemorySegment sig) {
        var mh$ = io_uring_enter.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_enter", fd, to_submit, min_complete, flags, sig);
            }
            return (int) mh$.invokeExact(fd, to_submit, min_complete, flags, sig);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_enter2 {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_INT, LibUring.C_INT, LibUring.C_INT, LibUring.C_INT, LibUring.C_POINTER, LibUring.C_LONG);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_enter2");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_enter2", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_enter2}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_enter2$descriptor() {
        return io_uring_enter2.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_enter2} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_enter2$handle() {
        return io_uring_enter2.HANDLE;
    }

    /**
     * Address of {@code io_uring_enter2}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_enter2$address() {
        return io_uring_enter2.ADDR;
    }

    /**
     * Raw io_uring_enter(2) with an argument size (IORING_ENTER_EXT_ARG). Returns the result or -errno. Blocks with IORING_ENTER_GETEVENTS.
     * @param fd C argument {@code fd}
     * @param to_submit C argument {@code to_submit}
     * @param min_complete C argument {@code min_complete}
     * @param flags C argument {@code flags}
     * @param sig C argument {@code sig}
     * @param sz C argument {@code sz}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_enter2(int fd, int to_submit, int min_complete, int flags, MemorySegment sig, long sz) {
        var mh$ = io_uring_enter2.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_enter2", fd, to_submit, min_complete, flags, sig, sz);
            }
            return (int) mh$.invokeExact(fd, to_submit, min_complete, flags, sig, sz);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_setup {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_INT, LibUring.C_POINTER);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_setup");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_setup", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_setup}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_setup$descriptor() {
        return io_uring_setup.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_setup} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_setup$handle() {
        return io_uring_setup.HANDLE;
    }

    /**
     * Address of {@code io_uring_setup}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_setup$address() {
        return io_uring_setup.ADDR;
    }

    /**
     * Raw io_uring_setup(2) as liburing 2.3 wraps it. Returns the ring fd or -errno.
     * @param entries C argument {@code entries}
     * @param p C argument {@code p}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_setup(int entries, MemorySegment p) {
        var mh$ = io_uring_setup.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_setup", entries, p);
            }
            return (int) mh$.invokeExact(entries, p);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_register {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_INT, LibUring.C_INT, LibUring.C_POINTER, LibUring.C_INT);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_register");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_register", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_register}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_register$descriptor() {
        return io_uring_register.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_register} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_register$handle() {
        return io_uring_register.HANDLE;
    }

    /**
     * Address of {@code io_uring_register}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_register$address() {
        return io_uring_register.ADDR;
    }

    /**
     * Raw io_uring_register(2) as liburing 2.3 wraps it. Returns the result or -errno.
     * @param fd C argument {@code fd}
     * @param opcode C argument {@code opcode}
     * @param arg C argument {@code arg}
     * @param nr_args C argument {@code nr_args}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int io_uring_register(int fd, int opcode, MemorySegment arg, int nr_args) {
        var mh$ = io_uring_register.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_register", fd, opcode, arg, nr_args);
            }
            return (int) mh$.invokeExact(fd, opcode, arg, nr_args);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_get_sqe {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_POINTER, LibUring.C_POINTER);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_get_sqe");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_get_sqe", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_get_sqe}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_get_sqe$descriptor() {
        return io_uring_get_sqe.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_get_sqe} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_get_sqe$handle() {
        return io_uring_get_sqe.HANDLE;
    }

    /**
     * Address of {@code io_uring_get_sqe}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_get_sqe$address() {
        return io_uring_get_sqe.ADDR;
    }

    /**
     * Next free SQE of a liburing ring, or NULL when the SQ is full.
     * @param ring C argument {@code ring}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static MemorySegment io_uring_get_sqe(MemorySegment ring) {
        var mh$ = io_uring_get_sqe.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_get_sqe", ring);
            }
            return (MemorySegment) mh$.invokeExact(ring);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_mlock_size {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_LONG, LibUring.C_INT, LibUring.C_INT);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_mlock_size");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_mlock_size", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_mlock_size}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_mlock_size$descriptor() {
        return io_uring_mlock_size.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_mlock_size} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_mlock_size$handle() {
        return io_uring_mlock_size.HANDLE;
    }

    /**
     * Address of {@code io_uring_mlock_size}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_mlock_size$address() {
        return io_uring_mlock_size.ADDR;
    }

    /**
     * Bytes of locked memory a ring of this size would need (0 on kernels that do not account it), or -errno.
     * @param entries C argument {@code entries}
     * @param flags C argument {@code flags}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static long io_uring_mlock_size(int entries, int flags) {
        var mh$ = io_uring_mlock_size.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_mlock_size", entries, flags);
            }
            return (long) mh$.invokeExact(entries, flags);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class io_uring_mlock_size_params {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_LONG, LibUring.C_INT, LibUring.C_POINTER);

        public static final MemorySegment ADDR = LibUring.findOrThrow("io_uring_mlock_size_params");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("io_uring_mlock_size_params", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code io_uring_mlock_size_params}.
     * @return the descriptor
     */
    public static FunctionDescriptor io_uring_mlock_size_params$descriptor() {
        return io_uring_mlock_size_params.DESC;
    }

    /**
     * Downcall handle of {@code io_uring_mlock_size_params} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle io_uring_mlock_size_params$handle() {
        return io_uring_mlock_size_params.HANDLE;
    }

    /**
     * Address of {@code io_uring_mlock_size_params}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment io_uring_mlock_size_params$address() {
        return io_uring_mlock_size_params.ADDR;
    }

    /**
     * Like io_uring_mlock_size, with params. Returns bytes or -errno.
     * @param entries C argument {@code entries}
     * @param p C argument {@code p}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static long io_uring_mlock_size_params(int entries, MemorySegment p) {
        var mh$ = io_uring_mlock_size_params.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("io_uring_mlock_size_params", entries, p);
            }
            return (long) mh$.invokeExact(entries, p);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class __io_uring_get_cqe {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_POINTER, LibUring.C_POINTER, LibUring.C_INT, LibUring.C_INT, LibUring.C_POINTER);

        public static final MemorySegment ADDR = LibUring.findOrThrow("__io_uring_get_cqe");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("__io_uring_get_cqe", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code __io_uring_get_cqe}.
     * @return the descriptor
     */
    public static FunctionDescriptor __io_uring_get_cqe$descriptor() {
        return __io_uring_get_cqe.DESC;
    }

    /**
     * Downcall handle of {@code __io_uring_get_cqe} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle __io_uring_get_cqe$handle() {
        return __io_uring_get_cqe.HANDLE;
    }

    /**
     * Address of {@code __io_uring_get_cqe}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment __io_uring_get_cqe$address() {
        return __io_uring_get_cqe.ADDR;
    }

    /**
     * liburing's internal get-CQE helper (exported). Returns 0 or -errno. Can block.
     * @param ring C argument {@code ring}
     * @param cqe_ptr C argument {@code cqe_ptr}
     * @param submit C argument {@code submit}
     * @param wait_nr C argument {@code wait_nr}
     * @param sigmask C argument {@code sigmask}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int __io_uring_get_cqe(MemorySegment ring, MemorySegment cqe_ptr, int submit, int wait_nr, MemorySegment sigmask) {
        var mh$ = __io_uring_get_cqe.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("__io_uring_get_cqe", ring, cqe_ptr, submit, wait_nr, sigmask);
            }
            return (int) mh$.invokeExact(ring, cqe_ptr, submit, wait_nr, sigmask);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

    private static final class __io_uring_sqring_wait {
        public static final FunctionDescriptor DESC = FunctionDescriptor.of(LibUring.C_INT, LibUring.C_POINTER);

        public static final MemorySegment ADDR = LibUring.findOrThrow("__io_uring_sqring_wait");

        public static final MethodHandle HANDLE = LibUring.downcallHandle("__io_uring_sqring_wait", ADDR, DESC);
    }

    /**
     * Function descriptor of {@code __io_uring_sqring_wait}.
     * @return the descriptor
     */
    public static FunctionDescriptor __io_uring_sqring_wait$descriptor() {
        return __io_uring_sqring_wait.DESC;
    }

    /**
     * Downcall handle of {@code __io_uring_sqring_wait} (created once, on first use).
     * @return the handle
     */
    public static MethodHandle __io_uring_sqring_wait$handle() {
        return __io_uring_sqring_wait.HANDLE;
    }

    /**
     * Address of {@code __io_uring_sqring_wait}, or {@link MemorySegment#NULL} when liburing lacks it.
     * @return the address
     */
    public static MemorySegment __io_uring_sqring_wait$address() {
        return __io_uring_sqring_wait.ADDR;
    }

    /**
     * liburing's internal wait-for-SQ-space helper (exported, SQPOLL). Returns 0 or -errno. Blocks.
     * @param ring C argument {@code ring}
     * @return the C result
     * @throws LibUringNotFoundException when liburing.so.2 or this symbol is missing
     */
    public static int __io_uring_sqring_wait(MemorySegment ring) {
        var mh$ = __io_uring_sqring_wait.HANDLE;
        try {
            if (TRACE_DOWNCALLS) {
                traceDowncall("__io_uring_sqring_wait", ring);
            }
            return (int) mh$.invokeExact(ring);
        } catch (Error | RuntimeException ex) {
            throw ex;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }

}
