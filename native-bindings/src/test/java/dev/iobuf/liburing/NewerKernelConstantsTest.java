package dev.iobuf.liburing;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks every {@link NewerKernelConstants} value by what the running kernel does with it, when the kernel is
 * at least the Linux version that added it: an opcode is in the probe, a feature bit in the setup result,
 * a setup flag or a buffer-ring flag is accepted. On an older kernel the constant is reported as not checked.
 * Also checks that none of them is in the installed headers (it would then belong to the generated
 * {@link LibUring}).
 */
class NewerKernelConstantsTest {

    /** How each constant is checked, and the Linux version it needs. */
    private record Check(String linux, String how) {
    }

    private static final Map<String, Check> CHECKS = Map.ofEntries(
            entry("IORING_SETUP_NO_SQARRAY", new Check("6.6", "setup")),
            entry("IORING_FEAT_REG_REG_RING", new Check("6.3", "feature")),
            entry("IORING_FEAT_RECVSEND_BUNDLE", new Check("6.10", "feature")),
            entry("IORING_FEAT_MIN_TIMEOUT", new Check("6.12", "feature")),
            entry("IORING_FEAT_RW_ATTR", new Check("6.14", "feature")),
            entry("IORING_FEAT_NO_IOWAIT", new Check("6.15", "feature")),
            entry("IORING_ENTER_NO_IOWAIT", new Check("6.15", "enter")),
            entry("IOU_PBUF_RING_INC", new Check("6.12", "pbuf ring flag")),
            entry("IORING_REGISTER_PBUF_STATUS", new Check("6.8", "register")),
            // CQE and SQE flags: the kernel reports or rejects them only inside an operation; the io_uring layer's
            // tests do those operations (BufferRingTest: incremental buffers; RecvBundleTest: receive bundles).
            entry("IORING_CQE_F_BUF_MORE", new Check("6.12", "dev.iobuf.uring.BufferRingTest")),
            entry("IORING_RECVSEND_BUNDLE", new Check("6.10", "dev.iobuf.uring.net.RecvBundleTest")),
            entry("IORING_OP_READ_MULTISHOT", new Check("6.7", "probe")),
            entry("IORING_OP_WAITID", new Check("6.7", "probe")),
            entry("IORING_OP_FUTEX_WAIT", new Check("6.7", "probe")),
            entry("IORING_OP_FUTEX_WAKE", new Check("6.7", "probe")),
            entry("IORING_OP_FUTEX_WAITV", new Check("6.7", "probe")),
            entry("IORING_OP_FIXED_FD_INSTALL", new Check("6.8", "probe")),
            entry("IORING_OP_FTRUNCATE", new Check("6.9", "probe")),
            entry("IORING_OP_BIND", new Check("6.11", "probe")),
            entry("IORING_OP_LISTEN", new Check("6.11", "probe")),
            entry("IORING_OP_RECV_ZC", new Check("6.15", "probe")),
            entry("IORING_OP_EPOLL_WAIT", new Check("6.15", "probe")),
            entry("IORING_OP_READV_FIXED", new Check("6.15", "probe")),
            entry("IORING_OP_WRITEV_FIXED", new Check("6.15", "probe")),
            entry("IORING_OP_PIPE", new Check("6.16", "probe")));

    private static final int PROBE_OPS = 256;

    @Test
    void everyConstantHasACheckAndIsNewerThanTheHeaders() {
        Set<String> declared = constants().keySet();
        assertThat(declared).as("each constant of NewerKernelConstants has a row in CHECKS")
                .containsExactlyInAnyOrderElementsOf(CHECKS.keySet());
        Set<String> generated = Arrays.stream(LibUring.class.getMethods()).map(Method::getName)
                .collect(Collectors.toSet());
        assertThat(declared).as("constants the installed headers define come from jextract (LibUring)")
                .doesNotContainAnyElementsOf(generated);
    }

    @Test
    void theRunningKernelAgreesWithEachValue() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment params = io_uring_params.allocate(arena);
            int fd = Syscalls.ioUringSetup(8, params);
            IoUringAssumptions.assumeRingCreated(fd);
            try {
                int features = io_uring_params.features(params);
                MemorySegment probe = arena.allocate(io_uring_probe.sizeof() + PROBE_OPS * io_uring_probe_op.sizeof(), 8);
                int r = Syscalls.ioUringRegister(fd, LibUring.IORING_REGISTER_PROBE(), probe, PROBE_OPS);
                assertThat(r).as("REGISTER_PROBE: %s", Errno.name(r)).isZero();
                List<String> problems = new ArrayList<>();
                List<String> unchecked = new ArrayList<>();
                constants().forEach((name, value) -> {
                    Check check = CHECKS.get(name);
                    if (!kernelAtLeast(check.linux())) {
                        unchecked.add(name + " (Linux " + check.linux() + ")");
                        return;
                    }
                    boolean ok = switch (check.how()) {
                        case "probe" -> supported(probe, value);
                        case "feature" -> (features & value) == value;
                        case "setup" -> setupAccepts(value);
                        case "pbuf ring flag" -> pbufRingAccepts(arena, fd, value);
                        case "register" -> pbufStatusAnswers(arena, fd, value);
                        case "enter" -> enterAccepts(fd, value);
                        default -> true; // checked by the io_uring layer's test named in CHECKS
                    };
                    if (!ok) {
                        problems.add(name + " = " + value + " (" + check.how() + ", Linux " + check.linux() + ")");
                    }
                });
                assertThat(problems).as("constants the running kernel (%s) contradicts", System.getProperty("os.version"))
                        .isEmpty();
                System.out.println("[newer constants] checked on " + System.getProperty("os.version")
                        + "; older than needed for: " + unchecked);
            } finally {
                Syscalls.close(fd);
            }
        }
    }

    @Test
    void theChecksCanFail() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment params = io_uring_params.allocate(arena);
            int fd = Syscalls.ioUringSetup(8, params);
            IoUringAssumptions.assumeRingCreated(fd);
            try {
                assertThat(setupAccepts(1 << 30)).as("an undefined setup flag").isFalse();
                assertThat(pbufRingAccepts(arena, fd, 1 << 15)).as("an undefined buffer-ring flag").isFalse();
                assertThat(enterAccepts(fd, 1 << 30)).as("an undefined enter flag").isFalse();
                MemorySegment probe = arena.allocate(io_uring_probe.sizeof() + PROBE_OPS * io_uring_probe_op.sizeof(), 8);
                assertThat(Syscalls.ioUringRegister(fd, LibUring.IORING_REGISTER_PROBE(), probe, PROBE_OPS)).isZero();
                assertThat(supported(probe, 200)).as("opcode 200").isFalse();
            } finally {
                Syscalls.close(fd);
            }
        }
    }

    /** An io_uring_enter that submits and waits for nothing, with {@code flag}: unknown flags are EINVAL. */
    private static boolean enterAccepts(int fd, int flag) {
        return Syscalls.ioUringEnter(Syscalls.threadErrnoState(), fd, 0, 0, flag, MemorySegment.NULL, 0) >= 0;
    }

    private static Map<String, Integer> constants() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        for (Method m : NewerKernelConstants.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && m.getParameterCount() == 0 && m.getReturnType() == int.class) {
                try {
                    out.put(m.getName(), (Integer) m.invoke(null));
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(m.toString(), e);
                }
            }
        }
        return out;
    }

    private static boolean supported(MemorySegment probe, int op) {
        if (op > Byte.toUnsignedInt(io_uring_probe.last_op(probe))) {
            return false;
        }
        MemorySegment entry = io_uring_probe_op.asSlice(probe.asSlice(io_uring_probe.ops$offset()), op);
        return (io_uring_probe_op.flags(entry) & LibUring.IO_URING_OP_SUPPORTED()) != 0;
    }

    private static boolean setupAccepts(int flag) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment params = io_uring_params.allocate(arena);
            io_uring_params.flags(params, flag);
            int fd = Syscalls.ioUringSetup(4, params);
            if (fd >= 0) {
                Syscalls.close(fd);
            }
            return fd >= 0;
        }
    }

    /** Registers an 8-entry buffer ring (group 9) with {@code flags}; true when the kernel accepts it. */
    private static boolean pbufRingAccepts(Arena arena, int fd, int flags) {
        return withBufferRing(arena, fd, flags, registered -> registered == 0);
    }

    /** Asks PBUF_STATUS (opcode {@code op}) for a fresh buffer ring's head: 0 when the opcode is right. */
    private static boolean pbufStatusAnswers(Arena arena, int fd, int op) {
        return withBufferRing(arena, fd, 0, registered -> {
            // struct io_uring_buf_status (Linux 6.8): __u32 buf_group, head, resv[8]
            MemorySegment status = arena.allocate(40, 4);
            status.set(LibUring.C_INT, 0, 9);
            status.set(LibUring.C_INT, 4, -1);
            return registered == 0 && Syscalls.ioUringRegister(fd, op, status, 1) == 0
                    && status.get(LibUring.C_INT, 4) == 0;
        });
    }

    private static boolean withBufferRing(Arena arena, int fd, int flags, IntPredicate test) {
        long size = 8 * io_uring_buf.sizeof();
        long addr = Syscalls.mmap(MemorySegment.NULL, 4096, LibcAbi.PROT_READ() | LibcAbi.PROT_WRITE(),
                LibcAbi.MAP_PRIVATE() | LibcAbi.MAP_ANONYMOUS(), -1, 0);
        assertThat(Syscalls.isError(addr)).as("mmap: %s", Errno.name(addr)).isFalse();
        assertThat(size).isLessThanOrEqualTo(4096);
        try {
            MemorySegment reg = io_uring_buf_reg.allocate(arena);
            io_uring_buf_reg.ring_addr(reg, addr);
            io_uring_buf_reg.ring_entries(reg, 8);
            io_uring_buf_reg.bgid(reg, (short) 9);
            io_uring_buf_reg.pad(reg, (short) flags); // "flags" since Linux 6.7
            int registered = Syscalls.ioUringRegister(fd, LibUring.IORING_REGISTER_PBUF_RING(), reg, 1);
            boolean result = test.test(registered);
            if (registered == 0) {
                MemorySegment unreg = io_uring_buf_reg.allocate(arena);
                io_uring_buf_reg.bgid(unreg, (short) 9);
                assertThat(Syscalls.ioUringRegister(fd, LibUring.IORING_UNREGISTER_PBUF_RING(), unreg, 1)).isZero();
            }
            return result;
        } finally {
            Syscalls.munmap(MemorySegment.ofAddress(addr).reinterpret(4096), 4096);
        }
    }

    /** Whether the running kernel ({@code os.version}, e.g. 6.18.44-...) is at least {@code version}. */
    static boolean kernelAtLeast(String version) {
        int[] running = majorMinor(System.getProperty("os.version"));
        int[] wanted = majorMinor(version);
        return running[0] != wanted[0] ? running[0] > wanted[0] : running[1] >= wanted[1];
    }

    private static int[] majorMinor(String v) {
        String[] parts = v.split("[.-]");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }
}
