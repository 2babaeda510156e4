package dev.iobuf.uring.file;

import static dev.iobuf.uring.file.FileIoTestSupport.assertNothingInUse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iobuf.BufferPool;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** O_DIRECT: the alignment comes from statx, misaligned calls fail before any system call, aligned ones work. */
abstract class DirectIoTest extends FileTransportSuite {
    @TempDir
    Path dir;

    @Test
    void alignmentIsCheckedBeforeAnySystemCall() throws IOException {
        Path p = dir.resolve("direct");
        Files.write(p, UringFileTest.random(1 << 20, 5));
        try (FileIo io = service()) {
            UringFile f = open(io, p);
            DirectAlignment a = f.alignment();
            assertThat(a).isNotNull();
            assertThat(a.offset()).isPositive();
            try (BufferPool pool = a.alignedPool(4, 8192)) {
                int i = pool.tryAcquire();
                assertThat(f.read(pool, i, 0, 8192, 4096)).isEqualTo(8192);
                assertThat(pool.value(i).get(ValueLayout.JAVA_BYTE, 0)).isEqualTo(Files.readAllBytes(p)[4096]);
                long before = io.stats().enters();
                assertThatThrownBy(() -> f.read(pool, i, 0, 8192, a.offset() + 1L))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(a.offset() + " bytes");
                assertThatThrownBy(() -> f.read(pool, i, 0, a.offset() + 1, 0))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lengths");
                if (a.memory() > 1) {
                    assertThatThrownBy(() -> f.read(pool, i, 1, 4096, 0))
                            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("buffer addresses");
                }
                assertThat(io.stats().enters()).as("no system call for a misaligned request").isEqualTo(before);
                pool.release(i);
            }
            // Heap memory goes through the service's page-aligned copy buffers: only offset and length matter.
            byte[] heap = new byte[a.offset() * 3];
            assertThat(f.read(MemorySegment.ofArray(heap), a.offset())).isEqualTo(heap.length);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment aligned = arena.allocate(a.offset() * 2L, Math.max(a.memory(), 4096));
                assertThat(f.read(aligned, (1 << 20) - a.offset())).as("short read at EOF").isEqualTo(a.offset());
                assertThat(f.read(aligned, 1 << 20)).isEqualTo(-1);
            }
            f.close();
            assertNothingInUse(io);
        }
    }

    @Test
    void directWritesRoundTrip() throws IOException {
        Path p = dir.resolve("direct-w");
        try (FileIo io = service()) {
            UringFile f;
            try {
                f = io.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ,
                        UringOpenOption.DIRECT);
            } catch (IOException e) {
                Assumptions.abort("O_DIRECT unsupported on " + p + ": " + e.getMessage());
                return;
            }
            int size;
            try (BufferPool pool = f.alignment().alignedPool(2, 65536)) {
                size = pool.bufferSize();
                int i = pool.tryAcquire();
                pool.value(i).fill((byte) 9);
                assertThat(f.writeAndForce(pool.value(i), 0, true)).isEqualTo(pool.bufferSize());
                pool.release(i);
            }
            f.close();
            assertThat(Files.size(p)).isEqualTo(size);
            assertThat(Files.readAllBytes(p)[size - 1]).isEqualTo((byte) 9);
            assertNothingInUse(io);
        }
    }

    private static UringFile open(FileIo io, Path p) throws IOException {
        try {
            return io.open(p, StandardOpenOption.READ, UringOpenOption.DIRECT);
        } catch (IOException e) {
            Assumptions.abort("O_DIRECT unsupported on " + p + ": " + e.getMessage());
            throw e;
        }
    }
}
