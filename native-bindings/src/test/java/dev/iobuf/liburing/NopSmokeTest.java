package dev.iobuf.liburing;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sets up a ring through the bindings, submits a NOP and reads its CQE: once the way the io_uring layer
 * will (raw io_uring_setup, mmap of the SQ/CQ/SQE regions, SQE and ring indices written from Java,
 * io_uring_enter), and once through liburing's own functions.
 */
@SuppressWarnings("restricted") // tests turn raw addresses from native code into sized segments
class NopSmokeTest {

    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final long USER_DATA = 0x1234_5678_9ABC_DEF0L;

    @Test
    void nopThroughRawSyscallsAndJavaMappedRings() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment p = io_uring_params.allocate(arena);
            int fd = Syscalls.ioUringSetup(8, p);
            IoUringAssumptions.assumeRingCreated(fd);
            try {
                int sqEntries = io_uring_params.sq_entries(p);
                int cqEntries = io_uring_params.cq_entries(p);
                assertThat(sqEntries).isEqualTo(8);
                assertThat(cqEntries).isEqualTo(16);
                assertThat(io_uring_params.features(p) & LibUring.IORING_FEAT_NODROP()).isNotZero();
                MemorySegment sqOff = io_uring_params.sq_off(p);
                MemorySegment cqOff = io_uring_params.cq_off(p);

                long sqSize = io_sqring_offsets.array(sqOff) + sqEntries * 4L;
                long cqSize = io_cqring_offsets.cqes(cqOff) + cqEntries * io_uring_cqe.sizeof();
                boolean single = (io_uring_params.features(p) & LibUring.IORING_FEAT_SINGLE_MMAP()) != 0;
                if (single) {
                    sqSize = cqSize = Math.max(sqSize, cqSize);
                }
                int prot = LibcAbi.PROT_READ() | LibcAbi.PROT_WRITE();
                int flags = LibcAbi.MAP_SHARED() | LibcAbi.MAP_POPULATE();
                MemorySegment sq = map(sqSize, prot, flags, fd, LibUring.IORING_OFF_SQ_RING());
                MemorySegment cq = single ? sq : map(cqSize, prot, flags, fd, LibUring.IORING_OFF_CQ_RING());
                long sqesSize = sqEntries * io_uring_sqe.sizeof();
                MemorySegment sqes = map(sqesSize, prot, flags, fd, LibUring.IORING_OFF_SQES());

                int mask = sq.get(ValueLayout.JAVA_INT, io_sqring_offsets.ring_mask(sqOff));
                assertThat(mask).isEqualTo(sqEntries - 1);
                long tailOff = io_sqring_offsets.tail(sqOff);
                int tail = (int) INT.getAcquire(sq, tailOff);
                int index = tail & mask;
                MemorySegment sqe = io_uring_sqe.asSlice(sqes, index);
                sqe.fill((byte) 0);
                io_uring_sqe.opcode(sqe, (byte) LibUring.IORING_OP_NOP());
                io_uring_sqe.user_data(sqe, USER_DATA);
                sq.set(ValueLayout.JAVA_INT, io_sqring_offsets.array(sqOff) + index * 4L, index);
                // Release: the SQE and array slot must be visible before the kernel sees the new tail.
                INT.setRelease(sq, tailOff, tail + 1);

                int submitted = Syscalls.ioUringEnter(fd, 1, 1, LibUring.IORING_ENTER_GETEVENTS(), MemorySegment.NULL, 0);
                assertThat(submitted).as("io_uring_enter result %s", Errno.name(submitted)).isEqualTo(1);

                long headOff = io_cqring_offsets.head(cqOff);
                int head = (int) INT.getAcquire(cq, headOff);
                // Acquire: CQE contents written by the kernel are visible once we see its tail.
                int cqTail = (int) INT.getAcquire(cq, io_cqring_offsets.tail(cqOff));
                assertThat(cqTail - head).isEqualTo(1);
                int cqMask = cq.get(ValueLayout.JAVA_INT, io_cqring_offsets.ring_mask(cqOff));
                MemorySegment cqe = cq.asSlice(io_cqring_offsets.cqes(cqOff) + (head & cqMask) * io_uring_cqe.sizeof(),
                        io_uring_cqe.sizeof());
                assertThat(io_uring_cqe.user_data(cqe)).isEqualTo(USER_DATA);
                assertThat(io_uring_cqe.res(cqe)).isZero();
                INT.setRelease(cq, headOff, head + 1);

                assertThat(Syscalls.munmap(sqes, sqesSize)).isZero();
                if (!single) {
                    assertThat(Syscalls.munmap(cq, cqSize)).isZero();
                }
                assertThat(Syscalls.munmap(sq, sqSize)).isZero();
            } finally {
                assertThat(Syscalls.close(fd)).isZero();
            }
        }
    }

    private static MemorySegment map(long size, int prot, int flags, int fd, long offset) {
        long addr = Syscalls.mmap(MemorySegment.NULL, size, prot, flags, fd, offset);
        assertThat(Syscalls.isError(addr)).as("mmap at offset %#x: %s", offset, Errno.name(addr)).isFalse();
        return MemorySegment.ofAddress(addr).reinterpret(size);
    }

    @Test
    void nopThroughLiburing() {
        IoUringAssumptions.assumeLibUring();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ring = io_uring.allocate(arena);
            int ret = LibUringFunctions.io_uring_queue_init(8, ring, 0);
            IoUringAssumptions.assumeRingCreated(ret);
            try {
                assertThat(io_uring.ring_fd(ring)).isPositive();
                MemorySegment sqe = LibUringFunctions.io_uring_get_sqe(ring).reinterpret(io_uring_sqe.sizeof());
                assertThat(sqe.address()).isNotZero();
                sqe.fill((byte) 0);
                io_uring_sqe.opcode(sqe, (byte) LibUring.IORING_OP_NOP());
                io_uring_sqe.user_data(sqe, USER_DATA);

                assertThat(LibUringFunctions.io_uring_submit_and_wait(ring, 1)).isEqualTo(1);

                MemorySegment cqes = arena.allocate(LibUring.C_POINTER);
                assertThat(LibUringFunctions.io_uring_peek_batch_cqe(ring, cqes, 1)).isEqualTo(1);
                MemorySegment cqe = cqes.get(LibUring.C_POINTER, 0).reinterpret(io_uring_cqe.sizeof());
                assertThat(io_uring_cqe.user_data(cqe)).isEqualTo(USER_DATA);
                assertThat(io_uring_cqe.res(cqe)).isZero();

                // io_uring_cqe_seen() is static inline in liburing: advance the CQ head ourselves.
                MemorySegment khead = io_uring_cq.khead(io_uring.cq(ring)).reinterpret(4);
                INT.setRelease(khead, 0L, (int) INT.getAcquire(khead, 0L) + 1);
                assertThat(LibUringFunctions.io_uring_peek_batch_cqe(ring, cqes, 1)).isZero();
            } finally {
                LibUringFunctions.io_uring_queue_exit(ring);
            }
        }
    }

    @Test
    void probeReportsNop() {
        IoUringAssumptions.assumeLibUring();
        MemorySegment raw = LibUringFunctions.io_uring_get_probe();
        if (raw.address() == 0) {
            org.junit.jupiter.api.Assumptions.abort("SKIPPED: io_uring_get_probe returned NULL (io_uring unavailable)");
        }
        try {
            MemorySegment probe = raw.reinterpret(io_uring_probe.sizeof() + 256 * io_uring_probe_op.sizeof());
            int lastOp = Byte.toUnsignedInt(io_uring_probe.last_op(probe));
            assertThat(lastOp).isGreaterThanOrEqualTo(LibUring.IORING_OP_SENDMSG_ZC());
            assertThat(lastOp).as("kernel's last opcode fits the bindings").isLessThan(LibUring.IORING_OP_LAST() + 64);
            MemorySegment nop = io_uring_probe_op.asSlice(probe.asSlice(io_uring_probe.ops$offset()), LibUring.IORING_OP_NOP());
            assertThat(io_uring_probe_op.flags(nop) & LibUring.IO_URING_OP_SUPPORTED()).isNotZero();
        } finally {
            LibUringFunctions.io_uring_free_probe(raw);
        }
    }
}
