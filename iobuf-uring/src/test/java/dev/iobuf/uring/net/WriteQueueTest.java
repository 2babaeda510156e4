package dev.iobuf.uring.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iobuf.BufferPool;
import dev.iobuf.BufferTier;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

/** The write queue's positions, coalescing, partial sends and zero-copy notification accounting. */
class WriteQueueTest {
    private static final int SIZE = BufferTier.SMALL.size();

    @Test
    void smallWritesShareATailBufferUntilItIsInFlight() {
        try (WriteBuffers buffers = new WriteBuffers(BufferTier.SMALL, 8)) {
            WriteQueue q = new WriteQueue(buffers, 4);
            MemorySegment src = MemorySegment.ofArray(new byte[100]);
            int idx = buffers.take();
            q.appendCopy(idx, src, 0, 100);
            assertThat(q.tailRoom(SIZE)).isEqualTo(SIZE - 100);
            q.appendToTail(src, 0, 100);
            assertThat(q.held()).isEqualTo(1);
            assertThat(q.unsentBytes()).isEqualTo(200);
            assertThat(q.batch(16)).isEqualTo(1);
            q.startSend(1);
            assertThat(q.tailRoom(SIZE)).as("the buffer in flight is frozen").isZero();
            q.sent(150);                                   // a short send
            assertThat(q.canSend()).isTrue();
            assertThat(q.length(q.sendPosition())).isEqualTo(50);
            assertThat(q.tailRoom(SIZE)).as("no longer in flight: appendable again").isEqualTo(SIZE - 200);
            q.startSend(1);
            q.sent(50);
            assertThat(q.allSent()).isTrue();
            assertThat(q.releaseSent()).isEqualTo(1);
            assertThat(q.held()).isZero();
            assertThat(buffers.inUse()).isZero();
        }
    }

    @Test
    void aSendResultBeyondWhatIsInFlightIsRefusedWithNothingChanged() {
        try (WriteBuffers buffers = new WriteBuffers(BufferTier.SMALL, 8)) {
            WriteQueue q = new WriteQueue(buffers, 4);
            MemorySegment src = MemorySegment.ofArray(new byte[100]);
            q.appendCopy(buffers.take(), src, 0, 100);
            assertThat(q.canHaveSent(0)).as("no send in flight").isFalse();
            assertThatThrownBy(() -> q.sent(100)).isInstanceOf(IllegalStateException.class);
            q.startSend(1);
            assertThat(q.canHaveSent(100)).isTrue();
            assertThat(q.canHaveSent(101)).isFalse();
            assertThatThrownBy(() -> q.sent(1 << 30)).as("used to spin forever").isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot have sent");
            assertThat(q.unsentBytes()).isEqualTo(100);
            assertThat(q.sendInFlight()).isTrue();
            q.sent(100);
            assertThat(q.allSent()).isTrue();
            assertThat(q.releaseSent()).isEqualTo(1);
        }
    }

    @Test
    void aBatchGathersCopiedEntriesAndStopsAtZeroCopy() {
        try (WriteBuffers buffers = new WriteBuffers(BufferTier.SMALL, 8);
             BufferPool user = BufferPool.of(BufferTier.SMALL, 2)) {
            WriteQueue q = new WriteQueue(buffers, 8);
            MemorySegment src = MemorySegment.ofArray(new byte[SIZE]);
            q.appendCopy(buffers.take(), src, 0, SIZE);
            q.appendCopy(buffers.take(), src, 0, SIZE);
            int u = user.tryAcquire();
            q.appendZeroCopy(user, u, 10, 20);
            q.appendCopy(buffers.take(), src, 0, 5);
            assertThat(q.batch(16)).isEqualTo(2);
            assertThat(q.batch(1)).isEqualTo(1);
            q.startSend(2);
            q.sent(2 * SIZE);
            assertThat(q.isZeroCopy(q.sendPosition())).isTrue();
            assertThat(q.batch(16)).as("a zero-copy entry goes alone").isEqualTo(1);
            assertThat(q.address(q.sendPosition())).isEqualTo(user.address(u) + 10);
            assertThat(q.length(q.sendPosition())).isEqualTo(20);
        }
    }

    @Test
    void zeroCopyBuffersAreReleasedOnlyAfterTheirNotificationAndInOrder() {
        try (WriteBuffers buffers = new WriteBuffers(BufferTier.SMALL, 8);
             BufferPool user = BufferPool.of(BufferTier.SMALL, 4)) {
            WriteQueue q = new WriteQueue(buffers, 8);
            int a = user.tryAcquire();
            int b = user.tryAcquire();
            q.appendZeroCopy(user, a, 0, 100);
            q.appendZeroCopy(user, b, 0, 100);
            int first = q.sendPosition();
            q.startSend(1);
            q.expectNotification(first, 1);
            q.sent(100);                                   // the result CQE: sent, notification pending
            assertThat(q.releaseSent()).isZero();
            assertThat(user.isAcquired(a)).as("not before the notification").isTrue();
            int second = q.sendPosition();
            q.startSend(1);
            q.expectNotification(second, 1);
            q.sent(100);
            q.notified(second);                            // notifications may come out of order
            q.releaseSent();
            assertThat(user.isAcquired(b)).as("released in order: waits for the first").isTrue();
            q.notified(first);
            q.releaseSent();
            assertThat(user.isAcquired(a)).isFalse();
            assertThat(user.isAcquired(b)).isFalse();
            assertThat(q.held()).isZero();
        }
    }

    @Test
    void releaseAllGivesBackSentAndUnsentBuffers() {
        try (WriteBuffers buffers = new WriteBuffers(BufferTier.SMALL, 8)) {
            WriteQueue q = new WriteQueue(buffers, 4);
            byte[] src = new byte[SIZE];
            q.appendCopy(buffers.take(), src, 0, SIZE);
            q.appendCopy(buffers.take(), src, 0, 7);
            assertThat(buffers.inUse()).isEqualTo(2);
            assertThat(q.releaseAll()).isEqualTo(2);
            assertThat(buffers.inUse()).isZero();
            assertThat(q.unsentBytes()).isZero();
        }
    }

    @Test
    void copiesLandInTheBuffer() {
        try (WriteBuffers buffers = new WriteBuffers(BufferTier.SMALL, 2)) {
            WriteQueue q = new WriteQueue(buffers, 2);
            int idx = buffers.take();
            q.appendCopy(idx, new byte[] {1, 2, 3}, 0, 3);
            q.appendToTail(new byte[] {9, 4, 5}, 1, 2);
            assertThat(buffers.segment(idx).asSlice(0, 5).toArray(ValueLayout.JAVA_BYTE)).containsExactly(1, 2, 3, 4, 5);
        }
    }

    @Test
    void writeBuffersRefuseADoubleGiveBack() {
        try (WriteBuffers buffers = new WriteBuffers(BufferTier.SMALL, 2)) {
            int i = buffers.take();
            buffers.give(i);
            assertThatThrownBy(() -> buffers.give(i)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("twice");
            assertThat(buffers.take()).isNotNegative();
            assertThat(buffers.take()).isNotNegative();
            assertThat(buffers.take()).isEqualTo(-1);
        }
    }
}
