package dev.iobuf.uring.file;

import static dev.iobuf.uring.file.FileIoTestSupport.assertNothingInUse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iobuf.BufferPool;
import dev.iobuf.BufferTier;
import dev.iobuf.IoVec;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

abstract class UringFileTest extends FileTransportSuite {
    @TempDir
    Path dir;
    private BufferPool pool;
    private FileIo io;

    @BeforeEach
    void setUp() {
        pool = BufferPool.of(BufferTier.SMALL, 8);
        io = service(b -> b.registerPool(pool));
    }

    @AfterEach
    void tearDown() {
        if (io != null) {
            assertNothingInUse(io);
            io.close();
        }
        pool.close();
    }

    @Test
    void writesAndReadsBackEveryKindOfMemory() throws IOException {
        Path p = dir.resolve("a");
        byte[] data = random(100_000, 1);
        try (UringFile f = io.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            assertThat(f.isRegistered()).isEqualTo(uring());   // the NIO transport has no registered files
            assertThat(f.write(MemorySegment.ofArray(data), 0)).isEqualTo(data.length);     // heap: copied
            assertThat(f.size()).isEqualTo(data.length);
            byte[] back = new byte[data.length];
            assertThat(f.read(MemorySegment.ofArray(back), 0)).isEqualTo(data.length);
            assertThat(back).isEqualTo(data);
            try (Arena shared = Arena.ofShared(); Arena confined = Arena.ofConfined()) {
                for (MemorySegment s : new MemorySegment[] {shared.allocate(5000), confined.allocate(5000),
                        Arena.ofAuto().allocate(5000), Arena.global().allocate(5000)}) {
                    assertThat(f.read(s, 1000)).isEqualTo(5000);
                    assertThat(s.toArray(ValueLayout.JAVA_BYTE)).isEqualTo(Arrays.copyOfRange(data, 1000, 6000));
                }
            }
            ByteBuffer direct = ByteBuffer.allocateDirect(300);
            assertThat(f.read(direct, 50)).isEqualTo(300);
            assertThat(direct.position()).isEqualTo(300);
            assertThat(direct.flip().get(0)).isEqualTo(data[50]);
        }
        assertThat(Files.readAllBytes(p)).isEqualTo(data);
    }

    @Test
    void registeredPoolBuffersGoFixed() throws IOException {
        Path p = dir.resolve("b");
        byte[] data = random(pool.bufferSize(), 2);
        Files.write(p, data);
        try (UringFile f = io.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            int i = pool.tryAcquire();
            assertThat(f.read(pool, i, 0, pool.bufferSize(), 0)).isEqualTo(pool.bufferSize());
            assertThat(pool.value(i).toArray(ValueLayout.JAVA_BYTE)).isEqualTo(data);
            pool.value(i).fill((byte) 7);
            assertThat(f.write(pool, i, 10, 100, 5)).isEqualTo(100);
            assertThat(f.read(pool.value(i).asSlice(0, 10), 0)).isEqualTo(10);   // a slice of a registered buffer
            pool.release(i);
        }
        byte[] now = Files.readAllBytes(p);
        assertThat(now[4]).isEqualTo(data[4]);
        assertThat(now[5]).isEqualTo((byte) 7);
        assertThat(now[104]).isEqualTo((byte) 7);
        assertThat(now[105]).isEqualTo(data[105]);
    }

    @Test
    void eofAndShortReadsLikeFileChannel() throws IOException {
        Path p = dir.resolve("c");
        Files.write(p, random(1000, 3));
        try (UringFile f = io.open(p)) {
            MemorySegment s = Arena.ofAuto().allocate(4096);
            assertThat(f.read(s, 900)).isEqualTo(100);
            assertThat(f.read(s, 1000)).isEqualTo(-1);
            assertThat(f.read(s, 5000)).isEqualTo(-1);
            assertThat(f.read(MemorySegment.ofArray(new byte[4096]), 600)).isEqualTo(400);   // copied path too
            assertThat(f.read(MemorySegment.ofArray(new byte[10]), 1000)).isEqualTo(-1);
            assertThat(f.read(Arena.ofAuto().allocate(0), 0)).isZero();
            if (uring()) {
                assertThat(io.stats().cachedReads()).as("reads the page cache served on the caller's thread").isPositive();
            } else {
                assertThat(io.stats().cachedReads()).as("NIO: every read is a FileChannel read").isZero();
            }
            assertThatThrownBy(() -> f.write(s, 0)).isInstanceOf(NonWritableChannelException.class);
        }
        try (UringFile w = io.open(p, StandardOpenOption.WRITE)) {
            assertThatThrownBy(() -> w.read(Arena.ofAuto().allocate(1), 0)).isInstanceOf(NonReadableChannelException.class);
        }
    }

    @Test
    void metadataOperations() throws IOException {
        Path p = dir.resolve("d");
        try (UringFile f = io.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            f.allocate(0, 8192);
            assertThat(f.size()).isEqualTo(8192);
            f.truncate(100);
            assertThat(f.size()).isEqualTo(100);
            f.truncate(300);
            assertThat(f.stat().size()).isEqualTo(300);
            assertThat(f.stat().isRegularFile()).isTrue();
            f.force(true);
            f.force(false);
            MemorySegment hello = Arena.ofAuto().allocateFrom("hello", StandardCharsets.US_ASCII);
            assertThat(f.writeAndForce(hello.asSlice(0, 5), 300, false)).isEqualTo(5);
            assertThat(f.writeAndForce(MemorySegment.ofArray("heap!".getBytes(StandardCharsets.US_ASCII)), 305, true))
                    .isEqualTo(5);
            assertThat(f.size()).isEqualTo(310);
        }
        byte[] all = Files.readAllBytes(p);
        assertThat(new String(all, 300, 10, StandardCharsets.US_ASCII)).isEqualTo("helloheap!");
    }

    @Test
    void vectoredReadsAndWrites() throws IOException {
        Path p = dir.resolve("e");
        try (Arena arena = Arena.ofConfined();
             UringFile f = io.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            IoVec out = IoVec.allocate(arena, 20);
            for (int i = 0; i < 20; i++) {
                MemorySegment b = arena.allocate(10 + i);
                b.fill((byte) i);
                out.add(b);
            }
            long total = out.totalLength();
            assertThat(f.write(out, 7)).isEqualTo(total);
            IoVec in = IoVec.allocate(arena, 3);
            MemorySegment x = arena.allocate(7);
            MemorySegment y = arena.allocate(100);
            MemorySegment z = arena.allocate(1000);
            in.add(x).add(y).add(z);
            assertThat(f.read(in, 0)).isEqualTo(7 + total);
            assertThat(y.get(ValueLayout.JAVA_BYTE, 0)).isEqualTo((byte) 0);
            assertThat(y.get(ValueLayout.JAVA_BYTE, 10)).isEqualTo((byte) 1);
            try (Arena shared = Arena.ofShared()) {   // not usable in place: one by one through copies
                IoVec viaCopies = IoVec.allocate(shared, 2).add(shared.allocate(7)).add(shared.allocate(10));
                assertThat(f.read(viaCopies, 0)).isEqualTo(17);
                assertThat(viaCopies.buffer(1).get(ValueLayout.JAVA_BYTE, 0)).isZero();
            }
            assertThat(f.read(in, 7 + total)).isEqualTo(-1);
        }
    }

    @Test
    void openErrorsAreJavaNioExceptions() throws IOException {
        assertThatThrownBy(() -> io.open(dir.resolve("missing"))).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("missing").hasMessageContaining("ENOENT");
        Path p = dir.resolve("exists");
        Files.write(p, new byte[1]);
        assertThatThrownBy(() -> io.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThatThrownBy(() -> io.open(p, StandardOpenOption.READ, StandardOpenOption.APPEND))
                .isInstanceOf(IllegalArgumentException.class);
        UringFile f = io.open(p);
        f.close();
        f.close();
        assertThatThrownBy(() -> f.read(Arena.ofAuto().allocate(1), 0)).isInstanceOf(ClosedChannelException.class);
        assertThatThrownBy(() -> f.read(Arena.ofAuto().allocate(1), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void appendWritesAtTheEnd() throws IOException {
        Path p = dir.resolve("f");
        Files.write(p, new byte[] {1, 2, 3});
        try (UringFile f = io.open(p, StandardOpenOption.APPEND)) {
            f.write(MemorySegment.ofArray(new byte[] {4, 5}), 0);
        }
        assertThat(Files.readAllBytes(p)).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void closingTheServiceClosesFilesAndRefusesWork() throws IOException {
        Path p = dir.resolve("g");
        Files.write(p, new byte[10]);
        UringFile f = io.open(p);
        io.close();
        assertThat(f.isOpen()).isFalse();
        assertThatThrownBy(() -> f.read(Arena.ofAuto().allocate(1), 0)).isInstanceOf(ClosedChannelException.class);
        assertThatThrownBy(() -> io.open(p)).isInstanceOf(ClosedChannelException.class);
        assertNothingInUse(io);
    }

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }
}
