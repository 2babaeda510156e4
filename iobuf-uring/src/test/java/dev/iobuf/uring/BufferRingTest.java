package dev.iobuf.uring;

import static dev.iobuf.uring.BufferRing.State.IN_RING;
import static dev.iobuf.uring.BufferRing.State.RETURNED;
import static dev.iobuf.uring.BufferRing.State.SELECTED;
import static dev.iobuf.uring.BufferRing.State.WITH_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iobuf.BufferPool;
import dev.iobuf.BufferTier;
import dev.iobuf.liburing.Errno;
import dev.iobuf.liburing.LibUring;
import dev.iobuf.uring.RegisteredTestIo.Cqe;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@KernelTest
class BufferRingTest {
    private static final int SMALL = BufferTier.SMALL.size();

    @TempDir
    Path dir;

    /** The four counters always account for every buffer. */
    private static void assertCounts(BufferRing br, int inRing, int selected, int withUser, int returned) {
        assertThat(new int[] {br.count(IN_RING), br.count(SELECTED), br.count(WITH_USER), br.count(RETURNED)})
                .as("IN_RING, SELECTED, WITH_USER, RETURNED of %s", br)
                .containsExactly(inRing, selected, withUser, returned);
        assertThat(inRing + selected + withUser + returned).isEqualTo(br.count());
    }

    private static Cqe readOne(Ring ring, BufferRing br, int fd, long offset, long userData) {
        br.prepRead(ring.nextSqe(), fd, 0, offset).userData(userData);
        return RegisteredTestIo.awaitOne(ring, null);
    }

    private static byte[] bytes(MemorySegment buffer, int offset, int length) {
        return buffer.asSlice(offset, length).toArray(ValueLayout.JAVA_BYTE);
    }

    @Test
    void pipeReadsTakeBuffersUntilEnobufsAndRecoverWhenOneComesBack() {
        try (BufferPool pool = BufferPool.of(BufferTier.SMALL, 4);
             Ring ring = RegisteredTestIo.ring(16);
             BufferRing br = BufferRing.register(ring, 3, pool, 4)) {
            assertThat(br.entries()).isEqualTo(4);
            assertThat(pool.available()).as("the group holds the pool's buffers").isZero();
            assertCounts(br, 4, 0, 0, 0);
            int[] pipe = RegisteredTestIo.pipe();
            try {
                byte[] data = RegisteredTestIo.pattern(4 * SMALL + 1000, 1);
                RegisteredTestIo.writeFully(pipe[1], data);
                int[] bids = new int[4];
                for (int k = 0; k < 4; k++) {
                    Cqe c = readOne(ring, br, pipe[0], -1, k);
                    assertThat(c.res()).isEqualTo(SMALL);
                    bids[k] = br.select(c.res(), c.flags());
                    assertThat(bids[k]).isBetween(0, 3);
                    assertThat(br.state(bids[k])).isEqualTo(SELECTED);
                    MemorySegment b = br.take(bids[k]);
                    assertThat(b).isSameAs(pool.value(br.poolIndex(bids[k])));
                    assertThat(bytes(b, br.dataOffset(bids[k]), br.dataLength(bids[k])))
                            .isEqualTo(Arrays.copyOfRange(data, k * SMALL, (k + 1) * SMALL));
                    assertCounts(br, 3 - k, 0, k + 1, 0);
                }
                assertThat(bids).doesNotHaveDuplicates();

                Cqe empty = readOne(ring, br, pipe[0], -1, 9);
                assertThat(empty.res()).as(Errno.name(empty.res())).isEqualTo(-Errno.ENOBUFS.number());
                assertThat(BufferRing.isOutOfBuffers(empty.res())).isTrue();
                assertThat(br.select(empty.res(), empty.flags())).isEqualTo(-1);
                assertThat(br.noBufferCompletions()).isEqualTo(1);
                assertCounts(br, 0, 0, 4, 0);

                br.release(bids[2]);
                assertCounts(br, 1, 0, 3, 0);
                Cqe again = readOne(ring, br, pipe[0], -1, 10);
                assertThat(again.res()).isEqualTo(1000);
                int bid = br.select(again.res(), again.flags());
                assertThat(bid).isEqualTo(bids[2]);
                assertThat(bytes(br.take(bid), 0, 1000)).isEqualTo(Arrays.copyOfRange(data, 4 * SMALL, data.length));

                for (int b : bids) {
                    br.recycle(b);
                }
                assertCounts(br, 0, 0, 0, 4);
                assertThat(br.publish()).isEqualTo(4);
                assertCounts(br, 4, 0, 0, 0);
            } finally {
                RegisteredTestIo.close(pipe);
            }
        }
    }

    @Test
    void multishotRecvOnASocketEndsWithEnobufsWhenTheGroupRunsDryAndResumesAfterReturns() {
        try (BufferPool pool = BufferPool.of(BufferTier.SMALL, 4);
             Ring ring = RegisteredTestIo.ring(16);
             BufferRing br = BufferRing.register(ring, 8, pool, 4)) {
            int[] sockets = RegisteredTestIo.socketPair();
            try {
                byte[] data = RegisteredTestIo.pattern(5 * SMALL, 2);
                RegisteredTestIo.writeFully(sockets[1], data);
                ring.nextSqe().prepUnsafe(LibUring.IORING_OP_RECV(), sockets[0], 0, 0, 0).bufferSelect(br.groupId())
                        .ioprio(LibUring.IORING_RECV_MULTISHOT()).userData(1);
                java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
                java.util.List<Integer> bids = new java.util.ArrayList<>();
                Cqe last = null;
                while (last == null || (last.flags() & LibUring.IORING_CQE_F_MORE()) != 0) {
                    for (Cqe c : RegisteredTestIo.await(ring, null, 1)) {
                        assertThat(last == null || (last.flags() & LibUring.IORING_CQE_F_MORE()) != 0)
                                .as("no CQE after the final one: %s", c).isTrue();
                        last = c;
                        int bid = br.select(c.res(), c.flags());
                        if (bid >= 0) {
                            got.writeBytes(bytes(br.take(bid), br.dataOffset(bid), br.dataLength(bid)));
                            bids.add(bid);
                        }
                    }
                }
                assertThat(last.res()).as("the multishot recv ends with %s", Errno.name(last.res()))
                        .isEqualTo(-Errno.ENOBUFS.number());
                assertThat(br.noBufferCompletions()).isEqualTo(1);
                assertThat(got.toByteArray()).isEqualTo(Arrays.copyOf(data, 4 * SMALL));
                assertCounts(br, 0, 0, 4, 0);

                for (int bid : bids) {
                    br.recycle(bid);
                }
                br.publish();
                assertCounts(br, 4, 0, 0, 0);
                Cqe rest = readOne(ring, br, sockets[0], -1, 2);
                int bid = br.select(rest.res(), rest.flags());
                assertThat(bytes(br.take(bid), 0, rest.res())).isEqualTo(Arrays.copyOfRange(data, 4 * SMALL, data.length));
                br.release(bid);
                assertCounts(br, 4, 0, 0, 0);
            } finally {
                RegisteredTestIo.close(sockets);
            }
        }
    }

    @Test
    void aDoubleReturnOrAReturnOfABufferTheKernelHoldsIsRejectedWithStateUnchanged() {
        try (BufferPool pool = BufferPool.of(BufferTier.SMALL, 2);
             Ring ring = RegisteredTestIo.ring(8);
             BufferRing br = BufferRing.register(ring, 0, pool, 2)) {
            assertThatThrownBy(() -> br.release(0)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("IN_RING").hasMessageContaining("returned twice");
            assertThatThrownBy(() -> br.take(1)).isInstanceOf(IllegalStateException.class).hasMessageContaining("IN_RING");
            assertCounts(br, 2, 0, 0, 0);

            int[] pipe = RegisteredTestIo.pipe();
            try {
                RegisteredTestIo.writeFully(pipe[1], new byte[100]);
                Cqe c = readOne(ring, br, pipe[0], -1, 1);
                assertThat(br.canSelect(c.flags())).isTrue();
                int bid = br.select(c.res(), c.flags());
                assertThat(br.canSelect(c.flags())).as("the same CQE a second time").isFalse();
                assertThat(br.canSelect(0)).as("a CQE naming no buffer").isTrue();
                assertThat(br.canSelect((7 << 16) | LibUring.IORING_CQE_F_BUFFER())).as("an id outside the group").isFalse();
                assertThatThrownBy(() -> br.select(c.res(), c.flags()))
                        .as("the same CQE handled twice").isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("SELECTED");
                br.recycle(bid);
                assertThatThrownBy(() -> br.recycle(bid)).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("RETURNED");
                assertCounts(br, 1, 0, 0, 1);
                br.publish();
                assertThatThrownBy(() -> br.release(bid)).isInstanceOf(IllegalStateException.class);
                assertThatThrownBy(() -> br.release(2)).isInstanceOf(IndexOutOfBoundsException.class);
                assertCounts(br, 2, 0, 0, 0);
                assertThatThrownBy(() -> br.select(5, (7 << 16) | LibUring.IORING_CQE_F_BUFFER()))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not in this group");
                assertCounts(br, 2, 0, 0, 0);
            } finally {
                RegisteredTestIo.close(pipe);
            }
        }
    }

    @Test
    void fileReadsWithBufferSelectLandByteForByte() throws Exception {
        Path file = dir.resolve("select.bin");
        byte[] data = RegisteredTestIo.pattern(8 * SMALL, 3);
        Files.write(file, data);
        try (BufferPool pool = BufferPool.of(BufferTier.SMALL, 8);
             Ring ring = RegisteredTestIo.ring(16);
             BufferRing br = BufferRing.register(ring, 1, pool, 8)) {
            int fd = RegisteredTestIo.open(file, RegisteredTestIo.O_RDONLY);
            try {
                for (int k = 0; k < 8; k++) {
                    br.prepRead(ring.nextSqe(), fd, 0, (long) k * SMALL).userData(k);
                }
                for (Cqe c : RegisteredTestIo.await(ring, null, 8)) {
                    assertThat(c.res()).isEqualTo(SMALL);
                    int bid = br.select(c.res(), c.flags());
                    int k = (int) c.userData();
                    assertThat(bytes(br.take(bid), 0, SMALL)).as("chunk %d", k)
                            .isEqualTo(Arrays.copyOfRange(data, k * SMALL, (k + 1) * SMALL));
                }
                assertCounts(br, 0, 0, 8, 0);
                for (int b = 0; b < 8; b++) {
                    br.recycle(b);
                }
                br.publish();
                assertCounts(br, 8, 0, 0, 0);
                // A read at EOF consumes a buffer with 0 bytes: it must still come back.
                Cqe eof = readOne(ring, br, fd, data.length, 99);
                assertThat(eof.res()).isZero();
                int bid = br.select(eof.res(), eof.flags());
                if (bid >= 0) {
                    assertThat(br.dataLength(bid)).isZero();
                    br.release(bid);
                }
                assertCounts(br, 8, 0, 0, 0);
            } finally {
                RegisteredTestIo.close(fd);
            }
        }
    }

    @Test
    void incrementalConsumptionFillsOneBufferAcrossCompletions() {
        int size = BufferTier.MEDIUM.size();
        try (BufferPool pool = BufferPool.of(BufferTier.MEDIUM, 2);
             Ring ring = RegisteredTestIo.ring(16)) {
            BufferRing br;
            try {
                br = BufferRing.register(ring, 4, pool, 2, true);
            } catch (UringException e) {
                Assumptions.abort("incremental buffer rings (Linux 6.12) unavailable: " + e.getMessage());
                return;
            }
            try (br) {
                assertThat(br.isIncremental()).isTrue();
                int[] pipe = RegisteredTestIo.pipe();
                try {
                    byte[] all = RegisteredTestIo.pattern(size, 7);
                    int piece = 1024;
                    int bid = -1;
                    for (int k = 0; k < size / piece; k++) {
                        RegisteredTestIo.writeFully(pipe[1], Arrays.copyOfRange(all, k * piece, (k + 1) * piece));
                        Cqe c = readOne(ring, br, pipe[0], -1, k);
                        assertThat(c.res()).isEqualTo(piece);
                        int b = br.select(c.res(), c.flags());
                        if (bid < 0) {
                            bid = b;
                        }
                        assertThat(b).as("the same buffer keeps filling").isEqualTo(bid);
                        assertThat(br.dataOffset(b)).isEqualTo(k * piece);
                        assertThat(bytes(pool.value(br.poolIndex(b)), br.dataOffset(b), piece))
                                .isEqualTo(Arrays.copyOfRange(all, k * piece, (k + 1) * piece));
                        boolean last = k == size / piece - 1;
                        assertThat(BufferRing.hasMore(c.flags())).as("BUF_MORE on piece %d", k).isEqualTo(!last);
                        assertThat(br.state(b)).isEqualTo(last ? SELECTED : IN_RING);
                    }
                    assertThat(bytes(br.take(bid), 0, size)).isEqualTo(all);
                    assertCounts(br, 1, 0, 1, 0);
                    br.release(bid);
                    assertCounts(br, 2, 0, 0, 0);
                    // The returned buffer starts again at offset 0.
                    RegisteredTestIo.writeFully(pipe[1], new byte[] {1, 2, 3});
                    Cqe c = readOne(ring, br, pipe[0], -1, 100);
                    int b = br.select(c.res(), c.flags());
                    assertThat(c.res()).isEqualTo(3);
                    assertThat(br.dataOffset(b)).isZero();
                } finally {
                    RegisteredTestIo.close(pipe);
                }
            }
        }
    }

    @Test
    void severalGroupsLiveOnOneRingAndAGroupIdIsNotTakenTwice() {
        try (BufferPool small = BufferPool.of(BufferTier.SMALL, 4);
             BufferPool medium = BufferPool.of(BufferTier.MEDIUM, 4);
             Ring ring = RegisteredTestIo.ring(16);
             BufferRing a = BufferRing.register(ring, 1, small, 3);
             BufferRing b = BufferRing.register(ring, 2, medium, 4)) {
            assertThat(a.entries()).isEqualTo(4);
            assertThat(small.available()).isEqualTo(1);
            assertThatThrownBy(() -> BufferRing.register(ring, 2, small, 1))
                    .isInstanceOf(UringException.class).hasMessageContaining("EEXIST").hasMessageContaining("own id");
            assertThat(small.available()).as("a refused group gives its buffers back").isEqualTo(1);
            assertThatThrownBy(() -> BufferRing.register(ring, 9, small, 2))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("had only 1");
            assertThat(small.available()).isEqualTo(1);
            int[] pipe = RegisteredTestIo.pipe();
            try {
                RegisteredTestIo.writeFully(pipe[1], new byte[20_000]);
                Cqe cb = readOne(ring, b, pipe[0], -1, 2);
                assertThat(cb.res()).isEqualTo(BufferTier.MEDIUM.size());
                Cqe ca = readOne(ring, a, pipe[0], -1, 1);
                assertThat(ca.res()).isEqualTo(SMALL);
                b.release(b.select(cb.res(), cb.flags()));
                a.release(a.select(ca.res(), ca.flags()));
                assertCounts(a, 3, 0, 0, 0);
                assertCounts(b, 4, 0, 0, 0);
            } finally {
                RegisteredTestIo.close(pipe);
            }
        }
    }

    @Test
    void closeGivesTheBuffersBackAndUseAfterCloseIsIllegalState() {
        try (BufferPool pool = BufferPool.of(BufferTier.SMALL, 4)) {
            Ring ring = RegisteredTestIo.ring(8);
            BufferRing br = BufferRing.register(ring, 5, pool, 4);
            int[] pipe = RegisteredTestIo.pipe();
            int held;
            try {
                RegisteredTestIo.writeFully(pipe[1], new byte[10]);
                Cqe c = readOne(ring, br, pipe[0], -1, 1);
                held = br.select(c.res(), c.flags());
                br.take(held);
            } finally {
                RegisteredTestIo.close(pipe);
            }
            br.close();
            br.close();
            assertThat(br.leakedAtClose()).isEqualTo(1);
            assertThat(pool.available()).isEqualTo(3);
            assertThat(pool.isAcquired(br.poolIndex(held))).as("the buffer with the user stays acquired").isTrue();
            assertThatThrownBy(() -> br.release(held)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
            assertThatThrownBy(() -> br.select(0, 0)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> br.prepRead(ring.nextSqe(), 0, 0, 0)).isInstanceOf(IllegalStateException.class);
            pool.release(br.poolIndex(held));

            BufferRing attached = BufferRing.register(ring, 5, pool, 4);
            ring.close();
            assertThat(attached.isClosed()).as("ring.close() closes its groups").isTrue();
            assertThat(pool.available()).isEqualTo(4);
            assertThatThrownBy(() -> attached.publish()).isInstanceOf(IllegalStateException.class);
        }
    }

    /**
     * Issue 9: the pool of a registered group cannot be closed (before, close freed the slab under the
     * kernel, which kept writing into it through the group). The group's lease refuses it, naming the group;
     * the buffers stay usable; once the group is closed and the ring idle, the pool closes.
     */
    @Test
    void aPoolCannotBeClosedUnderItsGroup() {
        BufferPool pool = BufferPool.of(BufferTier.SMALL, 2);
        try (Ring ring = RegisteredTestIo.ring(8)) {
            BufferRing br = BufferRing.register(ring, 6, pool, 2);
            int[] pipe = RegisteredTestIo.pipe();
            try {
                RegisteredTestIo.writeFully(pipe[1], new byte[10]);
                Cqe c = readOne(ring, br, pipe[0], -1, 1);
                int bid = br.select(c.res(), c.flags());
                assertThatThrownBy(pool::close).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("BufferRing[group 6");
                assertThat(pool.isClosed()).isFalse();
                assertThat(br.take(bid).byteSize()).isEqualTo(BufferTier.SMALL.size());
                br.release(bid);
                br.close();
                assertThat(pool.heldLeases()).isZero();
                assertThat(pool.available()).isEqualTo(2);
                pool.close();
            } finally {
                RegisteredTestIo.close(pipe);
            }
        }
    }

    @Test
    void badArgumentsAreRejectedBeforeAnythingIsTaken() {
        try (BufferPool pool = BufferPool.of(BufferTier.SMALL, 2);
             Ring ring = RegisteredTestIo.ring(8)) {
            assertThatThrownBy(() -> BufferRing.register(ring, 70_000, pool, 1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> BufferRing.register(ring, 1, pool, 0)).isInstanceOf(IllegalArgumentException.class);
            assertThat(pool.available()).isEqualTo(2);
            assertThat(BufferRing.bufferId(0)).isEqualTo(-1);
        }
    }
}
