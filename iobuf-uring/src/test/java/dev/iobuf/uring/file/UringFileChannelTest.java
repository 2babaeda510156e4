package dev.iobuf.uring.file;

import static dev.iobuf.uring.file.FileIoTestSupport.assertNothingInUse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Code written for FileChannel gives the same results on a UringFileChannel. */
abstract class UringFileChannelTest extends FileTransportSuite {
    @TempDir
    Path dir;

    @Test
    void relativeAndPositionalCallsMatchTheJdk() throws IOException {
        try (FileIo io = service()) {
            Path ours = dir.resolve("ours");
            Path jdk = dir.resolve("jdk");
            try (FileChannel a = UringFileChannel.open(io, ours, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
                 FileChannel b = FileChannel.open(jdk, StandardOpenOption.CREATE, StandardOpenOption.READ,
                         StandardOpenOption.WRITE)) {
                exercise(a, new Random(1));
                exercise(b, new Random(1));
                assertThat(a.size()).isEqualTo(b.size());
                assertThat(a.position()).isEqualTo(b.position());
                Random r = new Random(2);
                for (int i = 0; i < 50; i++) {
                    long pos = r.nextInt((int) b.size() + 100);
                    ByteBuffer x = r.nextBoolean() ? ByteBuffer.allocate(r.nextInt(5000)) : ByteBuffer.allocateDirect(
                            r.nextInt(5000));
                    ByteBuffer y = ByteBuffer.allocate(x.capacity());
                    assertThat(a.read(x, pos)).isEqualTo(b.read(y, pos));
                    assertThat(x.flip()).isEqualTo(y.flip());
                }
            }
            assertThat(Files.readAllBytes(ours)).isEqualTo(Files.readAllBytes(jdk));
            assertNothingInUse(io);
        }
    }

    private static void exercise(FileChannel c, Random r) throws IOException {
        for (int i = 0; i < 100; i++) {
            byte[] data = new byte[r.nextInt(3000)];
            r.nextBytes(data);
            switch (r.nextInt(6)) {
                case 0, 1 -> c.write(ByteBuffer.wrap(data));
                case 2 -> c.write(new ByteBuffer[] {ByteBuffer.wrap(data), ByteBuffer.allocateDirect(10)});
                case 3 -> c.read(new ByteBuffer[] {ByteBuffer.allocate(100), ByteBuffer.allocate(data.length)});
                case 4 -> c.position(r.nextInt((int) c.size() + 1));
                default -> {
                    c.truncate(r.nextInt((int) c.size() + 10));
                    c.force(r.nextBoolean());
                }
            }
        }
    }

    @Test
    void transfersMapLockAndAppend() throws IOException {
        try (FileIo io = service()) {
            Path src = dir.resolve("src");
            byte[] data = UringFileTest.random(200_000, 3);
            Files.write(src, data);
            Path dst = dir.resolve("dst");
            try (UringFileChannel in = UringFileChannel.open(io, src, StandardOpenOption.READ);
                 FileChannel out = FileChannel.open(dst, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                assertThat(in.transferTo(5, data.length, out)).isEqualTo(data.length - 5);
                MappedByteBuffer m = in.map(FileChannel.MapMode.READ_ONLY, 0, 100);
                assertThat(m.get(99)).isEqualTo(data[99]);
                try (FileLock lock = in.lock(0, 10, true)) {
                    assertThat(lock.isShared()).isTrue();
                }
            }
            assertThat(Files.readAllBytes(dst)).isEqualTo(java.util.Arrays.copyOfRange(data, 5, data.length));
            Path copy = dir.resolve("copy");
            try (UringFileChannel out = UringFileChannel.open(io, copy, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
                 FileChannel in = FileChannel.open(src)) {
                assertThat(out.transferFrom(in, 0, Long.MAX_VALUE)).isEqualTo(data.length);
                try (FileLock lock = out.tryLock()) {
                    assertThat(lock).isNotNull();
                }
            }
            assertThat(Files.readAllBytes(copy)).isEqualTo(data);
            try (UringFileChannel app = UringFileChannel.open(io, copy, StandardOpenOption.APPEND)) {
                assertThat(app.position()).isEqualTo(data.length);
                app.write(ByteBuffer.wrap(new byte[] {42}));
                assertThat(app.size()).isEqualTo(data.length + 1);
            }
            assertNothingInUse(io);
        }
    }

    @Test
    void interruptClosesTheChannel() throws Exception {
        try (FileIo io = service()) {
            Path p = dir.resolve("i");
            Files.write(p, new byte[100]);
            UringFileChannel c = UringFileChannel.open(io, p);
            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> c.read(ByteBuffer.allocate(10))).isInstanceOf(ClosedByInterruptException.class);
            assertThat(Thread.interrupted()).as("interrupt status kept").isTrue();
            assertThat(c.isOpen()).isFalse();
            assertThatThrownBy(() -> c.read(ByteBuffer.allocate(10))).isInstanceOf(ClosedChannelException.class);
            assertNothingInUse(io);
        }
    }
}
