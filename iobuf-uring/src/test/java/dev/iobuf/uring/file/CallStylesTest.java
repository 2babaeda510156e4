package dev.iobuf.uring.file;

import static dev.iobuf.uring.file.FileIoTestSupport.assertNothingInUse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iobuf.BufferPool;
import dev.iobuf.BufferTier;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch and CompletableFuture styles give what the blocking style gives. */
abstract class CallStylesTest extends FileTransportSuite {
    @TempDir
    Path dir;

    @Test
    void batchSubmitsTogetherAndReportsPerOperation() throws IOException {
        Path p = dir.resolve("batch");
        byte[] data = UringFileTest.random(32 * 4096, 11);
        Files.write(p, data);
        try (BufferPool pool = BufferPool.of(BufferTier.forSize(4096), 32);
             FileIo io = service(b -> b.registerPool(pool))) {
            UringFile f = io.open(p);
            FileBatch batch = io.batch();
            for (int i = 0; i < 32; i++) {
                assertThat(batch.read(f, pool, i, 0, 4096, (31 - i) * 4096L)).isEqualTo(i);
            }
            MemorySegment tail = Arena.ofAuto().allocate(100);
            int eof = batch.read(f, tail, data.length);
            int sync = batch.force(f, true);   // read-only fd: fsync is allowed on it
            long enters = io.stats().enters();
            batch.submitAndWait();
            assertThat(io.stats().enters() - enters).as("io_uring_enter calls for 34 operations").isLessThanOrEqualTo(4);
            for (int i = 0; i < 32; i++) {
                assertThat(batch.result(i)).isEqualTo(4096);
                assertThat(pool.value(i).get(ValueLayout.JAVA_BYTE, 7)).isEqualTo(data[(31 - i) * 4096 + 7]);
            }
            assertThat(batch.result(eof)).isEqualTo(-1);
            assertThat(batch.result(sync)).isZero();
            assertThatThrownBy(() -> batch.write(f, tail, 0)).isInstanceOf(NonWritableChannelException.class);
            try (Arena shared = Arena.ofShared()) {
                assertThatThrownBy(() -> batch.read(f, shared.allocate(8), 0)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("in place");
            }
            f.close();
            assertNothingInUse(io);
        }
    }

    @Test
    void batchReportsEachFailureOnItsOwn() throws IOException {
        Path p = dir.resolve("batch-err");
        Files.write(p, new byte[10]);
        try (FileIo io = service()) {
            UringFile f = io.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE);
            UringFile other = io.open(p);
            FileBatch batch = io.batch();
            MemorySegment s = Arena.ofAuto().allocate(4);
            int ok = batch.write(f, s, 0);
            int closedOne = batch.read(other, s, 0);
            other.close();
            batch.submitAndWait();
            assertThat(batch.result(ok)).isEqualTo(4);
            assertThatThrownBy(() -> batch.result(closedOne)).isInstanceOf(java.nio.channels.ClosedChannelException.class);
            f.close();
            assertNothingInUse(io);
        }
    }

    @Test
    void futuresCompleteWithTheResultOrTheException() throws Exception {
        Path p = dir.resolve("async");
        byte[] data = UringFileTest.random(10_000, 12);
        Files.write(p, data);
        try (FileIo io = service()) {
            UringFile f = io.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE);
            MemorySegment dst = Arena.ofAuto().allocate(1000);
            CompletableFuture<Integer> read = f.readAsync(dst, 9_500);
            assertThat(read.get()).isEqualTo(500);
            assertThat(dst.get(ValueLayout.JAVA_BYTE, 0)).isEqualTo(data[9_500]);
            assertThat(f.writeAsync(MemorySegment.ofArray(new byte[] {1, 2}), 0).get()).isEqualTo(2);
            f.forceAsync(false).get();
            assertThat(f.async(UringFile::size).get()).isEqualTo(10_000);
            CompletableFuture<Integer> bad = f.readAsync(dst, -1);
            assertThatThrownBy(bad::get).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(IllegalArgumentException.class);
            f.close();
            assertThatThrownBy(() -> f.readAsync(dst, 0).get()).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(java.nio.channels.ClosedChannelException.class);
            assertNothingInUse(io);
        }
    }
}
