package dev.iobuf.uring;

import static dev.iobuf.liburing.LibUring.IORING_FILE_INDEX_ALLOC;
import static dev.iobuf.liburing.LibUring.IORING_REGISTER_BUFFERS;
import static dev.iobuf.liburing.LibUring.IORING_REGISTER_FILES;
import static dev.iobuf.uring.RingTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.liburing.Syscalls;
import dev.iobuf.liburing.iovec;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File operations against real files in a temp dir, each checked against what the file system says. */
@KernelTest
class OpFileTest {
    @TempDir
    Path dir;
    private Ring ring;
    private Arena arena;

    @BeforeEach
    void open() {
        ring = ring(16);
        arena = Arena.ofConfined();
    }

    @AfterEach
    void close() {
        ring.close();
        arena.close();
    }

    /** Submits what is prepared, waits for {@code n} completions, and returns result by user_data. */
    private Map<Long, Integer> complete(int n) {
        ring.submitAndWait(n);
        Map<Long, Integer> results = new HashMap<>();
        ring.reap((u, res, f) -> results.put(u, res));
        assertThat(results).hasSize(n);
        return results;
    }

    private int one(long userData) {
        return complete(1).get(userData);
    }

    private MemorySegment bytes(String s) {
        MemorySegment seg = arena.allocate(s.length());
        seg.copyFrom(MemorySegment.ofArray(s.getBytes(StandardCharsets.US_ASCII)));
        return seg;
    }

    private static String text(MemorySegment seg, int n) {
        return new String(seg.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.US_ASCII);
    }

    @Test
    void writeThenReadRoundTripsAndReadPastEofIsShort() throws Exception {
        Path file = dir.resolve("data");
        int fd = RingTestSupport.open(arena, file, O_RDWR | O_CREAT | O_TRUNC, 0644);
        try {
            ring.nextSqe().writeUnsafe(fd, bytes("hello, io_uring"), 0).userData(1);
            assertThat(one(1)).isEqualTo(15);
            assertThat(Files.readString(file)).isEqualTo("hello, io_uring");

            MemorySegment buf = arena.allocate(4096);
            ring.nextSqe().readUnsafe(fd, buf, 0).userData(2);
            assertThat(one(2)).as("read of 4096 bytes from a 15-byte file").isEqualTo(15);
            assertThat(text(buf, 15)).isEqualTo("hello, io_uring");
            ring.nextSqe().readUnsafe(fd, buf.address(), 100, 7).userData(3);
            assertThat(one(3)).as("short read from the middle").isEqualTo(8);
            assertThat(text(buf, 8)).isEqualTo("io_uring");
            ring.nextSqe().readUnsafe(fd, buf, 15).userData(4);
            assertThat(one(4)).as("read at EOF").isZero();
            ring.nextSqe().readUnsafe(fd, buf, 1 << 20).userData(5);
            assertThat(one(5)).as("read past EOF").isZero();
        } finally {
            RingTestSupport.close(fd);
        }
    }

    @Test
    void vectoredWriteAndReadScatterAndGather() throws Exception {
        Path file = dir.resolve("vec");
        int fd = RingTestSupport.open(arena, file, O_RDWR | O_CREAT | O_TRUNC, 0644);
        try {
            MemorySegment iov = iovec.allocateArray(2, arena);
            MemorySegment a = bytes("abc");
            MemorySegment b = bytes("defgh");
            setIov(iov, 0, a);
            setIov(iov, 1, b);
            ring.nextSqe().writevUnsafe(fd, iov.address(), 2, 0).userData(1);
            assertThat(one(1)).isEqualTo(8);
            assertThat(Files.readString(file)).isEqualTo("abcdefgh");

            MemorySegment x = arena.allocate(5);
            MemorySegment y = arena.allocate(5);
            setIov(iov, 0, x);
            setIov(iov, 1, y);
            ring.nextSqe().readvUnsafe(fd, iov.address(), 2, 0).userData(2);
            assertThat(one(2)).as("8 bytes into 5 + 5").isEqualTo(8);
            assertThat(text(x, 5)).isEqualTo("abcde");
            assertThat(text(y, 3)).isEqualTo("fgh");
        } finally {
            RingTestSupport.close(fd);
        }
    }

    private static void setIov(MemorySegment iov, int i, MemorySegment buf) {
        MemorySegment one = iovec.asSlice(iov, i);
        iovec.iov_base(one, buf);
        iovec.iov_len(one, buf.byteSize());
    }

    @Test
    void fsyncFdatasyncFallocateAndStatx() throws Exception {
        Path file = dir.resolve("alloc");
        int fd = RingTestSupport.open(arena, file, O_RDWR | O_CREAT | O_TRUNC, 0644);
        try {
            ring.nextSqe().writeUnsafe(fd, bytes("x"), 0).userData(1);
            ring.nextSqe().fsync(fd).userData(2);
            ring.nextSqe().fdatasync(fd).userData(3);
            Map<Long, Integer> r = complete(3);
            assertThat(r).containsEntry(1L, 1).containsEntry(2L, 0).containsEntry(3L, 0);

            ring.nextSqe().fallocate(fd, 0, 0, 1 << 20).userData(4);
            assertThat(one(4)).isZero();
            assertThat(Files.size(file)).isEqualTo(1 << 20);

            MemorySegment statx = arena.allocate(256, 8);
            ring.nextSqe().statxUnsafe(fd, arena.allocateFrom(""), AT_EMPTY_PATH, STATX_SIZE, statx).userData(5);
            assertThat(one(5)).isZero();
            assertThat(statx.get(ValueLayout.JAVA_LONG, STATX_SIZE_OFFSET)).isEqualTo(1 << 20);

            MemorySegment byPath = arena.allocate(256, 8);
            ring.nextSqe().statxUnsafe(AT_FDCWD, arena.allocateFrom(file.toString()), 0, STATX_SIZE, byPath).userData(6);
            assertThat(one(6)).isZero();
            assertThat(byPath.get(ValueLayout.JAVA_LONG, STATX_SIZE_OFFSET)).isEqualTo(1 << 20);

            ring.nextSqe().statxUnsafe(AT_FDCWD, arena.allocateFrom(dir.resolve("nope").toString()), 0, STATX_SIZE, byPath)
                    .userData(7);
            assertThat(one(7)).isEqualTo(-ENOENT);
        } finally {
            RingTestSupport.close(fd);
        }
    }

    @Test
    void openatAndCloseRegularFds() throws Exception {
        Path file = dir.resolve("opened");
        Files.writeString(file, "content");
        MemorySegment path = arena.allocateFrom(file.toString());
        ring.nextSqe().openatUnsafe(AT_FDCWD, path, O_RDONLY | O_CLOEXEC, 0).userData(1);
        int fd = one(1);
        assertThat(fd).isGreaterThanOrEqualTo(0);
        MemorySegment buf = arena.allocate(64);
        ring.nextSqe().readUnsafe(fd, buf, 0).userData(2);
        assertThat(one(2)).isEqualTo(7);
        assertThat(text(buf, 7)).isEqualTo("content");
        ring.nextSqe().close(fd).userData(3);
        assertThat(one(3)).isZero();
        ring.nextSqe().readUnsafe(fd, buf, 0).userData(4);
        assertThat(one(4)).as("read from the closed fd").isEqualTo(-EBADF);
        ring.nextSqe().openatUnsafe(AT_FDCWD, arena.allocateFrom(dir.resolve("missing").toString()), O_RDONLY, 0).userData(5);
        assertThat(one(5)).isEqualTo(-ENOENT);
    }

    @Test
    void openatDirectAndCloseDirectUseTheRegisteredFileTable() throws Exception {
        KernelSkip.requireKernel("5.19", "IORING_FILE_INDEX_ALLOC (a kernel-chosen direct slot)");
        // A sparse table of 4 slots, registered raw (RegisteredFiles is the real API for this).
        MemorySegment fds = arena.allocate(ValueLayout.JAVA_INT, 4);
        fds.fill((byte) 0xff);
        assertThat(Syscalls.ioUringRegister(ring.fd(), IORING_REGISTER_FILES(), fds, 4)).isZero();
        Path file = dir.resolve("direct");
        Files.writeString(file, "direct!");
        MemorySegment path = arena.allocateFrom(file.toString());

        ring.nextSqe().openatDirectUnsafe(AT_FDCWD, path, O_RDONLY, 0, 2).userData(1);
        assertThat(one(1)).as("open into slot 2").isZero();
        MemorySegment buf = arena.allocate(16);
        ring.nextSqe().readUnsafe(2, buf, 0).fixedFile().userData(2);
        assertThat(one(2)).isEqualTo(7);
        assertThat(text(buf, 7)).isEqualTo("direct!");

        ring.nextSqe().openatDirectUnsafe(AT_FDCWD, path, O_RDONLY, 0, IORING_FILE_INDEX_ALLOC()).userData(3);
        int allocated = one(3);
        assertThat(allocated).as("kernel-chosen slot").isBetween(0, 3).isNotEqualTo(2);

        ring.nextSqe().closeDirect(2).userData(4);
        assertThat(one(4)).isZero();
        ring.nextSqe().readUnsafe(2, buf, 0).fixedFile().userData(5);
        assertThat(one(5)).as("read through the emptied slot").isEqualTo(-EBADF);
        ring.nextSqe().closeDirect(allocated).userData(6);
        assertThat(one(6)).isZero();
    }

    @Test
    void readFixedAndWriteFixedUseARegisteredBuffer() throws Exception {
        // One registered buffer, registered raw (RegisteredBuffers is the real API for this).
        MemorySegment buffer = arena.allocate(8192, 4096);
        MemorySegment iov = iovec.allocate(arena);
        iovec.iov_base(iov, buffer);
        iovec.iov_len(iov, buffer.byteSize());
        assertThat(Syscalls.ioUringRegister(ring.fd(), IORING_REGISTER_BUFFERS(), iov, 1)).isZero();
        Path file = dir.resolve("fixed");
        int fd = RingTestSupport.open(arena, file, O_RDWR | O_CREAT | O_TRUNC, 0644);
        try {
            buffer.asSlice(100, 5).copyFrom(MemorySegment.ofArray("fixed".getBytes(StandardCharsets.US_ASCII)));
            ring.nextSqe().writeFixed(fd, buffer.address() + 100, 5, 0, 0).userData(1);
            assertThat(one(1)).isEqualTo(5);
            assertThat(Files.readString(file)).isEqualTo("fixed");
            ring.nextSqe().readFixed(fd, buffer.address() + 4000, 4096, 0, 0).userData(2);
            assertThat(one(2)).as("short fixed read").isEqualTo(5);
            assertThat(text(buffer.asSlice(4000), 5)).isEqualTo("fixed");
            // Outside the registered range: the kernel refuses (EFAULT), nothing is touched.
            ring.nextSqe().readFixed(fd, buffer.address() + 8000, 4096, 0, 0).userData(3);
            assertThat(one(3)).isEqualTo(-14);
        } finally {
            RingTestSupport.close(fd);
        }
    }
}
