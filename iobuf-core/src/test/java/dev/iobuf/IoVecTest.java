package dev.iobuf;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("restricted")
class IoVecTest {
    @TempDir
    Path dir;

    @Test
    void layoutIsCsStructIovec() throws Exception {
        assertThat(IoVec.BYTES).isEqualTo(16);
        assertThat(IoVec.LAYOUT.byteOffset(PathElement.groupElement("iov_base"))).isZero();
        assertThat(IoVec.LAYOUT.byteOffset(PathElement.groupElement("iov_len"))).isEqualTo(8);

        Path c = dir.resolve("iovec.c");
        Files.writeString(c, """
                #include <stdio.h>
                #include <stddef.h>
                #include <sys/uio.h>
                int main(void) {
                    printf("%zu %zu %zu\\n", sizeof(struct iovec), offsetof(struct iovec, iov_base),
                           offsetof(struct iovec, iov_len));
                    return 0;
                }
                """);
        Path exe = dir.resolve("iovec");
        Gcc.Result built = Gcc.run("-o", exe.toString(), c.toString());
        assertThat(built.exitCode()).as(built.output()).isZero();
        Process run = new ProcessBuilder(exe.toString()).start();
        String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(out).isEqualTo(IoVec.BYTES + " 0 8");
    }

    // ------------------------------------------------------------ building

    @Test
    void ofPoolCoversEveryBufferInIndexOrder() {
        try (BufferPool pool = BufferPool.registerBuffers(4); Arena arena = Arena.ofConfined()) {
            IoVec v = IoVec.of(arena, pool);
            assertThat(v.count()).isEqualTo(4);
            assertThat(v.capacity()).isEqualTo(4);
            assertThat(v.address()).isEqualTo(v.segment().address());
            assertThat(v.segment().byteSize()).isEqualTo(4 * 16);
            for (int i = 0; i < 4; i++) {
                assertThat(v.base(i)).isEqualTo(pool.address(i));
                assertThat(v.length(i)).isEqualTo(128 * 1024);
                assertThat(v.buffer(i)).isSameAs(pool.value(i));
                // what the kernel reads
                MemorySegment raw = MemorySegment.ofAddress(v.address()).reinterpret(4 * 16);
                assertThat(raw.get(JAVA_LONG, i * 16L)).isEqualTo(pool.address(i));
                assertThat(raw.get(JAVA_LONG, i * 16L + 8)).isEqualTo(128 * 1024);
            }
            assertThat(v.totalLength()).isEqualTo(4L * 128 * 1024);
        }
    }

    @Test
    void ofIndicesKeepsTheirOrder() {
        try (BufferPool pool = BufferPool.of(BufferTier.SMALL, 8); Arena arena = Arena.ofConfined()) {
            IoVec v = IoVec.of(arena, pool, 5, 2, 7);
            assertThat(v.count()).isEqualTo(3);
            assertThat(v.base(0)).isEqualTo(pool.address(5));
            assertThat(v.base(1)).isEqualTo(pool.address(2));
            assertThat(v.base(2)).isEqualTo(pool.address(7));
        }
    }

    @Test
    void ofSegmentsTakesNativeSegmentsOfAnySize() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = arena.allocate(10);
            MemorySegment b = arena.allocate(0);
            MemorySegment c = arena.allocate(300);
            IoVec v = IoVec.of(arena, a, b, c);
            assertThat(v.count()).isEqualTo(3);
            assertThat(v.length(0)).isEqualTo(10);
            assertThat(v.length(1)).isZero();
            assertThat(v.base(2)).isEqualTo(c.address());
            assertThat(IoVec.of(arena, List.of(c, a)).base(1)).isEqualTo(a.address());
        }
    }

    @Test
    void badBuildInputIsRejected() {
        try (BufferPool pool = BufferPool.of(BufferTier.PICO, 4); Arena arena = Arena.ofConfined()) {
            MemorySegment heap = MemorySegment.ofArray(new byte[8]);
            assertThatThrownBy(() -> IoVec.of(arena)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at least one buffer");
            assertThatThrownBy(() -> IoVec.of(arena, List.of())).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> IoVec.of(arena, arena.allocate(8), heap))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("heap");
            assertThatThrownBy(() -> IoVec.of(arena, arena.allocate(8), null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> IoVec.of(null, pool)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> IoVec.of(arena, (BufferPool) null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> IoVec.of(arena, pool, new int[0])).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> IoVec.of(arena, pool, 1, 4)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> IoVec.of(arena, pool, -1)).isInstanceOf(IndexOutOfBoundsException.class);
            for (int bad : new int[] {0, -1, (1 << 30) + 1}) {
                assertThatThrownBy(() -> IoVec.allocate(arena, bad)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("capacity must be in 1 .. 2^30, got " + bad);
            }
            assertThatThrownBy(() -> IoVec.allocate(null, 1)).isInstanceOf(NullPointerException.class);
        }
        BufferPool closed = BufferPool.of(BufferTier.PICO, 1);
        closed.close();
        try (Arena arena = Arena.ofConfined()) {
            assertThatThrownBy(() -> IoVec.of(arena, closed)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> IoVec.of(arena, closed, 0)).isInstanceOf(IllegalStateException.class);
        }
    }

    // ------------------------------------------------------------ editing

    @Test
    void addFillsUpToCapacityThenRefusesWithoutChangingAnything() {
        try (BufferPool pool = BufferPool.of(BufferTier.NANO, 4); Arena arena = Arena.ofConfined()) {
            IoVec v = IoVec.allocate(arena, 2);
            assertThat(v.count()).isZero();
            assertThat(v.totalLength()).isZero();
            v.add(pool, 3).add(pool.value(1));
            assertThat(v.count()).isEqualTo(2);
            assertThatThrownBy(() -> v.add(pool, 0)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("iovec is full: all 2 entries are in use");
            assertThat(v.count()).isEqualTo(2);
            assertThat(v.base(1)).isEqualTo(pool.address(1));
            v.clear();
            assertThat(v.count()).isZero();
            assertThatThrownBy(() -> v.base(0)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> v.add(MemorySegment.ofArray(new long[2]))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> v.add(pool, 9)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> v.add((MemorySegment) null)).isInstanceOf(NullPointerException.class);
            assertThat(v.count()).isZero();
            v.add(pool, 0);
            assertThat(v.base(0)).isEqualTo(pool.address(0));
        }
    }

    @Test
    void setReplacesAnEntryAndSetLengthShortensIt() {
        try (BufferPool pool = BufferPool.of(BufferTier.NANO, 4); Arena arena = Arena.ofConfined()) {
            IoVec v = IoVec.of(arena, pool, 0, 1);
            v.setLength(1, 5);
            assertThat(v.length(1)).isEqualTo(5);
            assertThat(v.totalLength()).isEqualTo(128 + 5);
            v.setLength(1, 0);
            v.setLength(1, 128);
            assertThatThrownBy(() -> v.setLength(1, 129)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("0 .. 128");
            assertThatThrownBy(() -> v.setLength(1, -1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> v.setLength(2, 1)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThat(v.length(1)).isEqualTo(128);

            v.setLength(0, 7);
            v.set(0, pool, 3);
            assertThat(v.base(0)).isEqualTo(pool.address(3));
            assertThat(v.length(0)).as("set covers the whole buffer again").isEqualTo(128);
            MemorySegment small = arena.allocate(16);
            v.set(1, small);
            assertThat(v.length(1)).isEqualTo(16);
            assertThat(v.buffer(1)).isSameAs(small);
            assertThatThrownBy(() -> v.set(2, small)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> v.set(-1, pool, 0)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> v.set(0, MemorySegment.ofArray(new byte[4])))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(v.base(0)).isEqualTo(pool.address(3));
        }
    }

    @Test
    void addressRefusesToHandOutFreedMemory() {
        BufferPool pool = BufferPool.of(BufferTier.SMALL, 2);
        try (Arena arena = Arena.ofConfined()) {
            IoVec v = IoVec.allocate(arena, 2);
            v.add(arena.allocate(8)).add(pool, 1);
            pool.close();
            assertThatThrownBy(v::address).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("entry 1 points to freed memory");
            v.set(1, arena.allocate(8));
            assertThat(v.address()).isEqualTo(v.segment().address());
        }
        Arena gone = Arena.ofConfined();
        IoVec v = IoVec.allocate(gone, 1);
        gone.close();
        assertThatThrownBy(v::address).isInstanceOf(IllegalStateException.class).hasMessageContaining("arena is closed");
        assertThatThrownBy(() -> v.add(MemorySegment.ofAddress(4096).reinterpret(8)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(v.count()).isZero();
    }

    // ------------------------------------------------------------ I/O

    @Test
    void byteBuffersAreTheEntriesForNio() {
        try (BufferPool pool = BufferPool.of(BufferTier.PICO, 2); Arena arena = Arena.ofConfined()) {
            IoVec v = IoVec.of(arena, pool);
            v.setLength(1, 3);
            ByteBuffer[] gather = v.byteBuffers();
            assertThat(gather).hasSize(2);
            assertThat(gather[0].remaining()).isEqualTo(32);
            assertThat(gather[1].remaining()).isEqualTo(3);
            assertThat(gather[1].capacity()).isEqualTo(3);
            assertThat(gather[0].isDirect()).isTrue();
            gather[1].put(0, (byte) 77);
            assertThat(pool.value(1).get(JAVA_BYTE, 0)).isEqualTo((byte) 77);
            assertThat(v.byteBuffers()).isNotSameAs(gather);
        }
    }

    @Test
    void gatherWriteAndScatterReadThroughAFileChannel() throws IOException {
        Path file = dir.resolve("nio.bin");
        try (BufferPool out = BufferPool.of(BufferTier.MICRO, 4); BufferPool in = BufferPool.of(BufferTier.MICRO, 4);
                Arena arena = Arena.ofConfined()) {
            for (int i = 0; i < 4; i++) {
                out.value(i).fill((byte) ('a' + i));
            }
            IoVec gather = IoVec.of(arena, out, 3, 0, 2);
            gather.setLength(2, 100);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer[] buffers = gather.byteBuffers();
                long written = 0;
                while (written < gather.totalLength()) {
                    written += ch.write(buffers);
                }
                assertThat(written).isEqualTo(512 + 512 + 100);
            }
            byte[] onDisk = Files.readAllBytes(file);
            assertThat(onDisk).hasSize(1124);
            assertThat(onDisk[0]).isEqualTo((byte) 'd');
            assertThat(onDisk[512]).isEqualTo((byte) 'a');
            assertThat(onDisk[1123]).isEqualTo((byte) 'c');

            IoVec scatter = IoVec.of(arena, in, 1, 2, 3);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer[] buffers = scatter.byteBuffers();
                long read = 0;
                while (read < onDisk.length) {
                    read += ch.read(buffers);
                }
                assertThat(read).isEqualTo(1124);
            }
            assertThat(in.value(1).toArray(JAVA_BYTE)).containsOnly('d');
            assertThat(in.value(2).toArray(JAVA_BYTE)).containsOnly('a');
            byte[] third = in.value(3).toArray(JAVA_BYTE);
            assertThat(Arrays.copyOfRange(third, 0, 100)).containsOnly('c');
            assertThat(Arrays.copyOfRange(third, 100, 512)).containsOnly(0);
            assertThat(in.value(0).toArray(JAVA_BYTE)).containsOnly(0);
        }
    }

    @Test
    void writevAndReadvSyscallsUseTheNativeArray() throws Throwable {
        SlabTest.requireLinux();
        Path file = dir.resolve("uio.bin");
        try (BufferPool pool = BufferPool.of(BufferTier.NANO, 4); Arena arena = Arena.ofConfined()) {
            pool.copyIn(0, 0, "hello, ".getBytes(StandardCharsets.US_ASCII));
            pool.copyIn(1, 0, "iovec!".getBytes(StandardCharsets.US_ASCII));
            IoVec gather = IoVec.of(arena, pool, 0, 1);
            gather.setLength(0, 7);
            gather.setLength(1, 6);
            int fd = NativeIo.open(file, NativeIo.O_WRONLY | NativeIo.O_CREAT | NativeIo.O_TRUNC);
            try {
                assertThat(NativeIo.writev(fd, gather)).isEqualTo(13);
            } finally {
                NativeIo.close(fd);
            }
            assertThat(Files.readString(file, StandardCharsets.US_ASCII)).isEqualTo("hello, iovec!");

            IoVec scatter = IoVec.allocate(arena, 2).add(pool.value(2).asSlice(0, 4)).add(pool, 3);
            fd = NativeIo.open(file, NativeIo.O_RDONLY);
            try {
                assertThat(NativeIo.readv(fd, scatter)).isEqualTo(13);
            } finally {
                NativeIo.close(fd);
            }
            byte[] first = new byte[4];
            byte[] rest = new byte[9];
            pool.copyOut(2, 0, first);
            pool.copyOut(3, 0, rest);
            assertThat(new String(first, StandardCharsets.US_ASCII)).isEqualTo("hell");
            assertThat(new String(rest, StandardCharsets.US_ASCII)).isEqualTo("o, iovec!");
        }
    }

    @Test
    void toStringShowsCountsAndBytes() {
        try (Arena arena = Arena.ofConfined()) {
            IoVec v = IoVec.allocate(arena, 3).add(arena.allocate(10));
            assertThat(v).hasToString("IoVec[count=1, capacity=3, bytes=10]");
        }
    }
}
