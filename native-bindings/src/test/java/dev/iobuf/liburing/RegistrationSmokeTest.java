package dev.iobuf.liburing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exercises the registration bindings against the running kernel: the BUFFERS2 family through liburing
 * (sparse table, tagged update) and through raw io_uring_register with the struct layouts, sparse files
 * with tagged updates, ring fd registration, and a provided-buffer ring with its status.
 */
@SuppressWarnings("restricted") // tests turn raw addresses from native code into sized segments
class RegistrationSmokeTest {

    private Arena arena;
    private MemorySegment ring;
    private int fd;

    @BeforeEach
    void setUp() {
        IoUringAssumptions.assumeLibUring();
        arena = Arena.ofConfined();
        ring = io_uring.allocate(arena);
        IoUringAssumptions.assumeRingCreated(LibUringFunctions.io_uring_queue_init(8, ring, 0));
        fd = io_uring.ring_fd(ring);
    }

    @AfterEach
    void tearDown() {
        if (arena != null) {
            if (fd > 0) {
                LibUringFunctions.io_uring_queue_exit(ring);
            }
            arena.close();
        }
    }

    private MemorySegment iovecs(int count, long bufferSize) {
        MemorySegment iov = iovec.allocateArray(count, arena);
        for (int i = 0; i < count; i++) {
            MemorySegment one = iovec.asSlice(iov, i);
            iovec.iov_base(one, arena.allocate(bufferSize, 4096));
            iovec.iov_len(one, bufferSize);
        }
        return iov;
    }

    @Test
    void sparseBufferTableUpdatedWithTagsThroughLiburing() {
        assertThat(LibUringFunctions.io_uring_register_buffers_sparse(ring, 4)).isZero();
        MemorySegment tags = arena.allocateFrom(LibUring.C_LONG_LONG, 7L);
        int updated = LibUringFunctions.io_uring_register_buffers_update_tag(ring, 2, iovecs(1, 4096), tags, 1);
        assertThat(updated).as("update result %s", Errno.name(updated)).isEqualTo(1);
        assertThat(LibUringFunctions.io_uring_unregister_buffers(ring)).isZero();
    }

    @Test
    void buffers2AndBuffersUpdateThroughRawRegister() {
        MemorySegment reg = io_uring_rsrc_register.allocate(arena);
        io_uring_rsrc_register.nr(reg, 2);
        io_uring_rsrc_register.data(reg, iovecs(2, 8192).address());
        io_uring_rsrc_register.tags(reg, arena.allocateFrom(LibUring.C_LONG_LONG, 1L, 2L).address());
        int r = Syscalls.ioUringRegister(fd, LibUring.IORING_REGISTER_BUFFERS2(), reg, (int) io_uring_rsrc_register.sizeof());
        assertThat(r).as("BUFFERS2: %s", Errno.name(r)).isZero();

        MemorySegment upd = io_uring_rsrc_update2.allocate(arena);
        io_uring_rsrc_update2.offset(upd, 1);
        io_uring_rsrc_update2.data(upd, iovecs(1, 4096).address());
        io_uring_rsrc_update2.tags(upd, arena.allocateFrom(LibUring.C_LONG_LONG, 3L).address());
        io_uring_rsrc_update2.nr(upd, 1);
        r = Syscalls.ioUringRegister(fd, LibUring.IORING_REGISTER_BUFFERS_UPDATE(), upd, (int) io_uring_rsrc_update2.sizeof());
        assertThat(r).as("BUFFERS_UPDATE: %s", Errno.name(r)).isEqualTo(1);

        // A sparse table through the same struct, after dropping the first.
        assertThat(Syscalls.ioUringRegister(fd, LibUring.IORING_UNREGISTER_BUFFERS(), MemorySegment.NULL, 0)).isZero();
        MemorySegment sparse = io_uring_rsrc_register.allocate(arena);
        io_uring_rsrc_register.nr(sparse, 16);
        io_uring_rsrc_register.flags(sparse, LibUring.IORING_RSRC_REGISTER_SPARSE());
        r = Syscalls.ioUringRegister(fd, LibUring.IORING_REGISTER_BUFFERS2(), sparse, (int) io_uring_rsrc_register.sizeof());
        assertThat(r).as("sparse BUFFERS2: %s", Errno.name(r)).isZero();
        assertThat(LibUringFunctions.io_uring_unregister_buffers(ring)).isZero();
    }

    @Test
    void sparseFilesUpdatedWithTags() {
        int efd = Syscalls.eventfd(0, LibcAbi.EFD_CLOEXEC());
        assertThat(efd).as("eventfd: %s", Errno.name(efd)).isPositive();
        try {
            assertThat(LibUringFunctions.io_uring_register_files_sparse(ring, 4)).isZero();
            MemorySegment fds = arena.allocateFrom(LibUring.C_INT, efd);
            MemorySegment tags = arena.allocateFrom(LibUring.C_LONG_LONG, 9L);
            assertThat(LibUringFunctions.io_uring_register_files_update_tag(ring, 3, fds, tags, 1)).isEqualTo(1);
            MemorySegment skip = arena.allocateFrom(LibUring.C_INT, LibUring.IORING_REGISTER_FILES_SKIP());
            assertThat(LibUringFunctions.io_uring_register_files_update(ring, 3, skip, 1)).isEqualTo(1);
            assertThat(LibUringFunctions.io_uring_unregister_files(ring)).isZero();
        } finally {
            assertThat(Syscalls.close(efd)).isZero();
        }
    }

    @Test
    void ringFdRegistersAndUnregisters() {
        assertThat(LibUringFunctions.io_uring_register_ring_fd(ring)).isEqualTo(1);
        assertThat(io_uring.enter_ring_fd(ring)).as("registered index replaces the fd").isNotEqualTo(fd);
        assertThat(LibUringFunctions.io_uring_unregister_ring_fd(ring)).isEqualTo(1);
        assertThat(io_uring.enter_ring_fd(ring)).isEqualTo(fd);
    }

    @Test
    void providedBufferRingRegistersAndReportsItsHead() {
        long size = 8 * io_uring_buf.sizeof();
        long addr = Syscalls.mmap(MemorySegment.NULL, 4096, LibcAbi.PROT_READ() | LibcAbi.PROT_WRITE(),
                LibcAbi.MAP_PRIVATE() | LibcAbi.MAP_ANONYMOUS(), -1, 0);
        assertThat(Syscalls.isError(addr)).as("mmap: %s", Errno.name(addr)).isFalse();
        MemorySegment bufRing = MemorySegment.ofAddress(addr).reinterpret(4096);
        try {
            assertThat(io_uring_buf_ring.tail$offset()).isEqualTo(14);
            MemorySegment buf1 = io_uring_buf.asSlice(bufRing.asSlice(io_uring_buf_ring.bufs$offset()), 1);
            assertThat(buf1.address() - addr).isEqualTo(io_uring_buf.sizeof());
            MemorySegment reg = io_uring_buf_reg.allocate(arena);
            io_uring_buf_reg.ring_addr(reg, addr);
            io_uring_buf_reg.ring_entries(reg, 8);
            io_uring_buf_reg.bgid(reg, (short) 5);
            assertThat(LibUringFunctions.io_uring_register_buf_ring(ring, reg, 0)).isZero();

            // struct io_uring_buf_status (Linux 6.8, newer than the headers we bind): __u32 buf_group, head, resv[8]
            MemorySegment status = arena.allocate(40, 4);
            status.set(ValueLayout.JAVA_INT, 0, 5);
            int r = Syscalls.ioUringRegister(fd, NewerKernelConstants.IORING_REGISTER_PBUF_STATUS(), status, 1);
            if (r != -Errno.EINVAL.number()) { // PBUF_STATUS needs Linux 6.8
                assertThat(r).as("PBUF_STATUS: %s", Errno.name(r)).isZero();
                assertThat(status.get(ValueLayout.JAVA_INT, 4)).as("head").isZero();
            }
            assertThat(LibUringFunctions.io_uring_unregister_buf_ring(ring, 5)).isZero();
            assertThat(size).isLessThanOrEqualTo(4096);
        } finally {
            assertThat(Syscalls.munmap(bufRing, 4096)).isZero();
        }
    }

    @Test
    void rawRegisterProbeAgreesWithLiburingProbe() {
        int nr = 256;
        MemorySegment probe = arena.allocate(io_uring_probe.sizeof() + nr * io_uring_probe_op.sizeof(), 8);
        int r = Syscalls.ioUringRegister(fd, LibUring.IORING_REGISTER_PROBE(), probe, nr);
        assertThat(r).as("PROBE: %s", Errno.name(r)).isZero();
        MemorySegment viaLiburing = LibUringFunctions.io_uring_get_probe_ring(ring);
        try {
            MemorySegment lp = viaLiburing.reinterpret(probe.byteSize());
            assertThat(io_uring_probe.last_op(lp)).isEqualTo(io_uring_probe.last_op(probe));
            assertThat(io_uring_probe_op.flags(io_uring_probe_op.asSlice(
                    probe.asSlice(io_uring_probe.ops$offset()), LibUring.IORING_OP_READ_FIXED()))
                    & LibUring.IO_URING_OP_SUPPORTED()).isNotZero();
        } finally {
            LibUringFunctions.io_uring_free_probe(viaLiburing);
        }
    }

    @Test
    void registerOnABadFdReportsMinusEbadf() {
        // Not -1: since Linux 6.x fd -1 selects ring-less ("blind") registration and yields -EINVAL here.
        int badFd = 1_000_000;
        int r = Syscalls.ioUringRegister(badFd, LibUring.IORING_REGISTER_PROBE(), MemorySegment.NULL, 0);
        assertThat(r).as(Errno.name(r)).isEqualTo(-Errno.EBADF.number());
        assertThat(LibUringFunctions.io_uring_register(badFd, LibUring.IORING_REGISTER_PROBE(), MemorySegment.NULL, 0))
                .as("liburing's own io_uring_register also returns -errno").isEqualTo(-Errno.EBADF.number());
    }
}
