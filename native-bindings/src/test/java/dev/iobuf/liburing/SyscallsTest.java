package dev.iobuf.liburing;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static org.assertj.core.api.Assertions.assertThat;

/** The libc bindings and their -errno wrappers, on this machine. */
@SuppressWarnings("restricted") // tests turn raw addresses from native code into sized segments
class SyscallsTest {

    @Test
    void getrlimitReadsMemlock() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment lim = rlimit.allocate(arena);
            assertThat(Syscalls.getrlimit(LibcAbi.RLIMIT_MEMLOCK(), lim)).isZero();
            long cur = rlimit.rlim_cur(lim);
            long max = rlimit.rlim_max(lim);
            assertThat(cur == LibcAbi.RLIM_INFINITY() || Long.compareUnsigned(cur, max) <= 0).isTrue();
            assertThat(Syscalls.getrlimit(-1, lim)).isEqualTo(-Errno.EINVAL.number());
        }
    }

    @Test
    void mmapMadviseMunmapAndErrors() {
        long addr = Syscalls.mmap(MemorySegment.NULL, 8192, LibcAbi.PROT_READ() | LibcAbi.PROT_WRITE(),
                LibcAbi.MAP_PRIVATE() | LibcAbi.MAP_ANONYMOUS(), -1, 0);
        assertThat(Syscalls.isError(addr)).as(Errno.name(addr)).isFalse();
        MemorySegment m = MemorySegment.ofAddress(addr).reinterpret(8192);
        m.set(LibUring.C_INT, 4096, 42);
        assertThat(Syscalls.madvise(m, 8192, LibcAbi.MADV_DONTFORK())).isZero();
        assertThat(Syscalls.madvise(m.asSlice(1), 10, LibcAbi.MADV_DONTFORK())).as("unaligned").isEqualTo(-Errno.EINVAL.number());
        assertThat(Syscalls.munmap(m, 8192)).isZero();
        assertThat(Syscalls.mmap(MemorySegment.NULL, 0, LibcAbi.PROT_READ(), LibcAbi.MAP_PRIVATE() | LibcAbi.MAP_ANONYMOUS(), -1, 0))
                .as("zero length").isEqualTo(-Errno.EINVAL.number());
    }

    @Test
    void eventfdAndClose() {
        int efd = Syscalls.eventfd(0, LibcAbi.EFD_CLOEXEC() | LibcAbi.EFD_NONBLOCK());
        assertThat(efd).isPositive();
        assertThat(Syscalls.close(efd)).isZero();
        assertThat(Syscalls.close(efd)).isEqualTo(-Errno.EBADF.number());
    }

    @Test
    void rawSyscallCapturesErrnoIntoCallerState() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Libc.allocateErrnoState(arena);
            long r = LibcProcess.syscall(state, LibcAbi.SYS_io_uring_enter(), -1, 0, 0, 0, 0, 0);
            assertThat(r).isEqualTo(-1);
            int errno = Libc.errno(state);
            // EBADF for the bad fd; EPERM/ENOSYS where seccomp or the kernel refuses io_uring altogether.
            assertThat(errno).isIn(Errno.EBADF.number(), Errno.EPERM.number(), Errno.ENOSYS.number());
            state.set(Libc.C_INT, 0, 0);
            assertThat(Syscalls.ioUringEnter(state, -1, 0, 0, 0, MemorySegment.NULL, 0)).isEqualTo(-errno);
        }
    }

    @Test
    void errnoNamesAndDescriptions() {
        assertThat(Errno.name(-11)).isEqualTo("EAGAIN");
        assertThat(Errno.of(105)).isEqualTo(Errno.ENOBUFS);
        assertThat(Errno.of(-125)).isEqualTo(Errno.ECANCELED);
        assertThat(Errno.of(9999)).isNull();
        assertThat(Errno.name(9999)).isEqualTo("errno 9999");
        assertThat(Errno.ETIME.is(-62)).isTrue();
        assertThat(Errno.describe(-Errno.ENOMEM.number())).startsWith("ENOMEM (").contains("memory");
        assertThat(Syscalls.isError(-4095)).isTrue();
        assertThat(Syscalls.isError(-4096)).isFalse();
        assertThat(Syscalls.isError(0)).isFalse();
    }

    @Test
    void socketBindListenAndNamesOnLoopback() {
        int fd = Syscalls.socket(2 /* AF_INET */, 1 /* SOCK_STREAM */, 0);
        assertThat(fd).as(Errno.name(fd)).isNotNegative();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment one = arena.allocateFrom(LibUring.C_INT, 1);
            assertThat(Syscalls.setsockopt(fd, 1 /* SOL_SOCKET */, 2 /* SO_REUSEADDR */, one, 4)).isZero();
            MemorySegment value = arena.allocate(LibUring.C_INT);
            MemorySegment len = arena.allocateFrom(LibUring.C_INT, 4);
            assertThat(Syscalls.getsockopt(fd, 1, 2, value, len)).isZero();
            assertThat(value.get(LibUring.C_INT, 0)).isEqualTo(1);
            MemorySegment sin = arena.allocate(16, 4);           // sockaddr_in 127.0.0.1:0
            sin.set(java.lang.foreign.ValueLayout.JAVA_SHORT, 0, (short) 2);
            sin.set(java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED.withOrder(java.nio.ByteOrder.BIG_ENDIAN), 4, 0x7f000001);
            assertThat(Syscalls.bind(fd, sin, 16)).isZero();
            assertThat(Syscalls.listen(fd, 4)).isZero();
            MemorySegment out = arena.allocate(16, 4);
            MemorySegment outLen = arena.allocateFrom(LibUring.C_INT, 16);
            assertThat(Syscalls.getsockname(fd, out, outLen)).isZero();
            int port = Short.toUnsignedInt(out.get(java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED
                    .withOrder(java.nio.ByteOrder.BIG_ENDIAN), 2));
            assertThat(port).as("the kernel picked a port").isPositive();
            assertThat(Syscalls.getpeername(fd, out, outLen)).as("a listener has no peer").isEqualTo(-Errno.ENOTCONN.number());
            assertThat(Syscalls.write(fd, one, 4)).as("write to a listener").isNegative();
        } finally {
            assertThat(Syscalls.close(fd)).isZero();
        }
        assertThat(Syscalls.listen(fd, 4)).as("closed fd").isEqualTo(-Errno.EBADF.number());
    }
}
