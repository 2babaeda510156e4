package dev.iobuf.uring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iobuf.BufferPool;
import dev.iobuf.liburing.Errno;
import dev.iobuf.liburing.LibUring;
import dev.iobuf.uring.RegisteredTestIo.Cqe;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@KernelTest
class RegisteredFilesTest {
    private static final int AT_FDCWD = -100;

    @TempDir
    Path dir;

    private byte[] readFixedFile(Ring ring, RegisteredBuffers rb, RegisteredFiles files, int slot, int len) {
        rb.prepReadFixed(ring.nextSqe(), files, slot, 0, 0, len, 0).userData(slot);
        Cqe c = RegisteredTestIo.awaitOne(ring, ResourceTags.of(ring));
        if (c.res() < 0) {
            return null;
        }
        return rb.buffer(0).asSlice(0, c.res()).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
    }

    @Test
    void fixedFilesWithFixedBuffersReadTheRightFileAndAReplacedFileIsReleasedByTag() throws Exception {
        byte[] one = RegisteredTestIo.pattern(5000, 1);
        byte[] two = RegisteredTestIo.pattern(7000, 2);
        Files.write(dir.resolve("one"), one);
        Files.write(dir.resolve("two"), two);
        try (BufferPool pool = BufferPool.registerBuffers(1);
             Ring ring = RegisteredTestIo.ring(8);
             RegisteredBuffers rb = RegisteredBuffers.register(ring, pool);
             RegisteredFiles files = RegisteredFiles.register(ring, 8)) {
            ResourceTags tags = ResourceTags.of(ring);
            List<Integer> released = new ArrayList<>();
            files.onRelease(released::add);
            int fd = RegisteredTestIo.open(dir.resolve("one"), RegisteredTestIo.O_RDONLY);
            files.set(3, fd);
            RegisteredTestIo.close(fd); // the kernel holds its own reference
            assertThat(files.isSet(3)).isTrue();
            assertThat(files.setSlots()).isEqualTo(1);
            assertThat(readFixedFile(ring, rb, files, 3, 8000)).isEqualTo(one);

            int fd2 = RegisteredTestIo.open(dir.resolve("two"), RegisteredTestIo.O_RDONLY);
            files.set(3, fd2);
            RegisteredTestIo.close(fd2);
            assertThat(files.pendingReleases()).isEqualTo(1);
            assertThat(RegisteredTestIo.reapUntil(ring, tags, () -> files.pendingReleases() == 0)).isTrue();
            assertThat(released).containsExactly(3);
            assertThat(readFixedFile(ring, rb, files, 3, 8000)).isEqualTo(two);

            files.remove(3);
            assertThat(files.isSet(3)).isFalse();
            assertThat(RegisteredTestIo.reapUntil(ring, tags, () -> files.pendingReleases() == 0)).isTrue();
            assertThat(released).containsExactly(3, 3);
            rb.prepReadFixed(ring.nextSqe(), files, 3, 0, 0, 100, 0).userData(1);
            assertThat(RegisteredTestIo.awaitOne(ring, tags).res()).isEqualTo(-Errno.EBADF.number());
            assertThatThrownBy(() -> files.checkedSlot(8)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void registeringWithFdsTagsEachAndClosePostsTheirTags() throws Exception {
        Files.write(dir.resolve("a"), new byte[] {1});
        try (Ring ring = RegisteredTestIo.ring(8)) {
            ResourceTags tags = ResourceTags.of(ring);
            int a = RegisteredTestIo.open(dir.resolve("a"), RegisteredTestIo.O_RDONLY);
            int b = RegisteredTestIo.open(dir.resolve("a"), RegisteredTestIo.O_RDONLY);
            RegisteredFiles files = RegisteredFiles.register(ring, 4, a, b);
            RegisteredTestIo.close(a, b);
            assertThat(files.isSet(0)).isTrue();
            assertThat(files.isSet(1)).isTrue();
            assertThat(files.isSet(2)).isFalse();
            assertThatThrownBy(() -> RegisteredFiles.register(ring, 2))
                    .isInstanceOf(UringException.class).hasMessageContaining("EBUSY").hasMessageContaining("one per ring");
            List<Integer> released = new ArrayList<>();
            files.onRelease(released::add);
            files.close();
            // from 6.13 the kernel posts the 2 tags later; before, close released the slots itself
            assertThat(files.pendingReleases()).isEqualTo(ResourceTags.unregisterPostsTags() ? 2 : 0);
            assertThat(RegisteredTestIo.reapUntil(ring, tags, () -> files.pendingReleases() == 0)).isTrue();
            assertThat(released).containsExactlyInAnyOrder(0, 1);
            assertThatThrownBy(() -> files.set(0, 0)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
            assertThatThrownBy(() -> files.checkedSlot(0)).isInstanceOf(IllegalStateException.class);

            RegisteredFiles attached = RegisteredFiles.register(ring, 2);
            ring.close();
            assertThat(attached.isClosed()).isTrue();
        }
    }

    @Test
    void directOpensLandInTheAllocationRange() throws Exception {
        byte[] data = RegisteredTestIo.pattern(300, 4);
        Path file = dir.resolve("direct");
        Files.write(file, data);
        try (BufferPool pool = BufferPool.registerBuffers(1);
             Ring ring = RegisteredTestIo.ring(8);
             RegisteredBuffers rb = RegisteredBuffers.register(ring, pool);
             RegisteredFiles files = RegisteredFiles.register(ring, 8);
             Arena arena = Arena.ofConfined()) {
            files.allocationRange(4, 4);
            MemorySegment path = arena.allocateFrom(file.toString());
            int[] slots = new int[2];
            for (int k = 0; k < 2; k++) {
                ring.nextSqe().openatDirectUnsafe(AT_FDCWD, path, 0, 0, LibUring.IORING_FILE_INDEX_ALLOC()).userData(k);
                Cqe c = RegisteredTestIo.awaitOne(ring, ResourceTags.of(ring));
                assertThat(c.res()).as(Errno.name(c.res())).isBetween(4, 7);
                slots[k] = c.res();
            }
            assertThat(slots[0]).isNotEqualTo(slots[1]);
            assertThat(readFixedFile(ring, rb, files, slots[1], 1000)).isEqualTo(data);
            assertThat(files.isSet(slots[0])).as("kernel-filled slots are not tracked").isFalse();
            assertThatThrownBy(() -> files.allocationRange(6, 4)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThat(Arrays.stream(slots).sum()).isPositive();
        }
    }
}
