package dev.iobuf.uring.file;

import static dev.iobuf.uring.file.FileIoTestSupport.assertNothingInUse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.BufferPool;
import dev.iobuf.BufferTier;
import dev.iobuf.IoVec;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random sequences of operations on a {@link UringFile} and the same ones on a JDK {@link FileChannel}
 * (the model): every read returns the same count and bytes, and the files end up identical.
 */
abstract class FileModelTest extends FileTransportSuite {
    private static final int MAX_LEN = 70_000;   // crosses copy-buffer (32 KiB) and pool-buffer boundaries
    @TempDir
    Path dir;

    @Test
    void randomOperationsMatchFileChannel() throws IOException {
        for (long seed = 1; seed <= 6; seed++) {
            run(seed, 300);
        }
    }

    private void run(long seed, int steps) throws IOException {
        Random rnd = new Random(seed);
        Path ours = dir.resolve("ours-" + seed);
        Path theirs = dir.resolve("model-" + seed);
        try (BufferPool pool = BufferPool.of(BufferTier.MEDIUM, 4);
             FileIo io = service(b -> b.registerPool(pool).queueDepth(8));
             Arena shared = Arena.ofShared();
             RandomAccessFile raf = new RandomAccessFile(theirs.toFile(), "rw");
             FileChannel model = raf.getChannel()) {
            UringFile f = io.open(ours, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            for (int step = 0; step < steps; step++) {
                String where = "seed " + seed + " step " + step;
                long size = model.size();
                long pos = rnd.nextInt(4) == 0 ? size + rnd.nextInt(5000) : (long) (rnd.nextDouble() * (size + 1));
                int len = rnd.nextInt(4) == 0 ? rnd.nextInt(16) : rnd.nextInt(MAX_LEN);
                int kind = rnd.nextInt(5);
                switch (rnd.nextInt(10)) {
                    case 0, 1, 2 -> {
                        byte[] data = new byte[len];
                        rnd.nextBytes(data);
                        MemorySegment src = memory(kind, len, pool, shared);
                        MemorySegment.copy(data, 0, src, ValueLayout.JAVA_BYTE, 0, len);
                        int n = rnd.nextBoolean() ? f.write(src, pos) : f.writeAndForce(src, pos, rnd.nextBoolean());
                        assertThat(n).as(where).isEqualTo(len);
                        model.write(ByteBuffer.wrap(data), pos);
                        releaseIfPool(kind, pool);
                    }
                    case 3, 4, 5 -> {
                        MemorySegment dst = memory(kind, len, pool, shared);
                        int n = f.read(dst, pos);
                        ByteBuffer expect = ByteBuffer.allocate(len);
                        int m = model.read(expect, pos);
                        assertThat(n).as(where + " read of " + len + " at " + pos + " (size " + size + ")")
                                .isEqualTo(len == 0 ? 0 : m);
                        if (n > 0) {
                            assertThat(dst.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE)).as(where)
                                    .isEqualTo(java.util.Arrays.copyOf(expect.array(), n));
                        }
                        releaseIfPool(kind, pool);
                    }
                    case 6 -> {
                        long newSize = (long) (rnd.nextDouble() * (size + 10_000));
                        f.truncate(newSize);
                        raf.setLength(newSize);
                    }
                    case 7 -> {
                        f.allocate(pos, len + 1);
                        if (pos + len + 1 > model.size()) {
                            raf.setLength(pos + len + 1);
                        }
                    }
                    case 8 -> vectored(f, model, rnd, pos, where);
                    default -> {
                        assertThat(f.size()).as(where).isEqualTo(model.size());
                        f.force(rnd.nextBoolean());
                    }
                }
            }
            assertThat(f.size()).isEqualTo(model.size());
            f.close();
            assertThat(Files.readAllBytes(ours)).isEqualTo(Files.readAllBytes(theirs));
            assertNothingInUse(io);
        }
    }

    private static void vectored(UringFile f, FileChannel model, Random rnd, long pos, String where) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            int n = 1 + rnd.nextInt(40);
            IoVec vec = IoVec.allocate(arena, n);
            ByteBuffer[] bufs = new ByteBuffer[n];
            for (int i = 0; i < n; i++) {
                int len = 1 + rnd.nextInt(3000);
                MemorySegment b = arena.allocate(len);
                byte[] data = new byte[len];
                rnd.nextBytes(data);
                MemorySegment.copy(data, 0, b, ValueLayout.JAVA_BYTE, 0, len);
                vec.add(b);
                bufs[i] = ByteBuffer.wrap(data);
            }
            if (rnd.nextBoolean()) {
                assertThat(f.write(vec, pos)).as(where).isEqualTo(vec.totalLength());
                long at = pos;
                for (ByteBuffer b : bufs) {
                    at += model.write(b, at);
                }
            } else {
                long got = f.read(vec, pos);
                ByteBuffer all = ByteBuffer.allocate((int) vec.totalLength());
                int m = model.read(all, pos);
                assertThat(got).as(where + " readv").isEqualTo(m);
                long off = 0;
                for (int i = 0; i < n && off < Math.max(got, 0); i++) {
                    int k = (int) Math.min(vec.length(i), got - off);
                    assertThat(vec.buffer(i).asSlice(0, k).toArray(ValueLayout.JAVA_BYTE)).as(where)
                            .isEqualTo(java.util.Arrays.copyOfRange(all.array(), (int) off, (int) off + k));
                    off += k;
                }
            }
        }
    }

    /** Memory of every kind the API takes: heap, shared (copied), automatic, global, confined, pool, direct buffer. */
    private static MemorySegment memory(int kind, int len, BufferPool pool, Arena shared) {
        return switch (kind) {
            case 0 -> MemorySegment.ofArray(new byte[len]);
            case 1 -> shared.allocate(Math.max(len, 1)).asSlice(0, len);
            case 2 -> Arena.ofAuto().allocate(Math.max(len, 1)).asSlice(0, len);
            case 3 -> len <= pool.bufferSize() ? pool.value(pool.tryAcquire()).asSlice(0, len)
                    : MemorySegment.ofBuffer(ByteBuffer.allocateDirect(len));
            default -> MemorySegment.ofBuffer(ByteBuffer.allocateDirect(len));
        };
    }

    private static void releaseIfPool(int kind, BufferPool pool) {
        if (kind == 3 && pool.acquiredCount() > 0) {
            for (int i = 0; i < pool.capacity(); i++) {
                if (pool.isAcquired(i)) {
                    pool.release(i);
                }
            }
        }
    }
}
