package dev.iobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Leases: a held lease makes the owner's close refuse, naming the holder; nothing is freed under the kernel. */
class LeasesTest {

    @Test
    void aHeldLeaseMakesThePoolRefuseToCloseNamingTheHolder() {
        BufferPool pool = BufferPool.of(BufferTier.SMALL, 4);
        Lease lease = pool.lease("ring-42");
        lease.retain();
        assertThat(pool.heldLeases()).isEqualTo(1);
        assertThatThrownBy(pool::close).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ring-42").hasMessageContaining("1 lease");
        // refused: the pool is still open and its memory still usable
        assertThat(pool.isClosed()).isFalse();
        pool.copyIn(0, 0, new byte[] {7});
        assertThat(pool.value(0).get(java.lang.foreign.ValueLayout.JAVA_BYTE, 0)).isEqualTo((byte) 7);

        lease.release();
        assertThat(pool.heldLeases()).isZero();
        pool.close();
        assertThat(pool.isClosed()).isTrue();
        assertThatThrownBy(lease::retain).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> pool.lease("late")).isInstanceOf(IllegalStateException.class);
        assertThat(pool.leaseCount()).isZero();
    }

    @Test
    void countsAddUpAndAReleaseWithoutRetainThrowsAndChangesNothing() {
        Leases leases = new Leases("owner");
        Lease a = leases.open("a");
        Lease b = leases.open("b");
        a.retain();
        a.retain();
        b.retain();
        assertThat(leases.totalCount()).isEqualTo(3);
        assertThat(leases.heldCount()).isEqualTo(2);
        assertThatThrownBy(leases::close).hasMessageContaining("a (2 leases)").hasMessageContaining("b (1 lease)");
        b.release();
        assertThatThrownBy(b::release).isInstanceOf(IllegalStateException.class).hasMessageContaining("released more");
        assertThat(b.count()).isZero();
        assertThatThrownBy(a::close).hasMessageContaining("still held");
        b.close();
        assertThat(leases.openCount()).isEqualTo(1);
        a.release();
        a.release();
        leases.close();
        assertThat(leases.isClosed()).isTrue();
    }

    /** A retain racing with close: either the retain fails, or the close refuses; never both succeed. */
    @Test
    void retainAndCloseNeverBothSucceed() throws Exception {
        for (int round = 0; round < 2000; round++) {
            Leases leases = new Leases("owner-" + round);
            Lease lease = leases.open("holder");
            CountDownLatch go = new CountDownLatch(1);
            AtomicBoolean retained = new AtomicBoolean();
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    lease.retain();
                    retained.set(true);
                } catch (IllegalStateException | InterruptedException e) {
                    // refused: the owner closed first (or a refused close raced)
                }
            });
            t.start();
            go.countDown();
            boolean closedOk;
            try {
                leases.close();
                closedOk = true;
            } catch (IllegalStateException e) {
                closedOk = false;
            }
            t.join();
            assertThat(closedOk && retained.get()).as("round " + round + ": close and retain both succeeded").isFalse();
        }
    }

    /**
     * A retain on one thread while a close on another is deciding (and refuses: another lease is held) neither
     * fails nor returns without its count. The close is held inside its check by a holder whose name blocks.
     */
    @Test
    void aRetainRacingWithARefusedCloseKeepsItsCountAndDoesNotFail() throws Exception {
        CountDownLatch naming = new CountDownLatch(1);
        CountDownLatch named = new CountDownLatch(1);
        Object slowHolder = new Object() {
            @Override
            public String toString() {
                naming.countDown();
                try {
                    named.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "slow holder";
            }
        };
        Leases leases = new Leases("owner");
        leases.open(slowHolder).retain();
        Lease other = leases.open("other");
        AtomicReference<Throwable> closeOutcome = new AtomicReference<>();
        Thread closer = startRecordingThrown(leases::close, closeOutcome);
        naming.await();   // the close set closing and is naming the held lease
        AtomicReference<Throwable> retainOutcome = new AtomicReference<>();
        Thread retainer = startRecordingThrown(other::retain, retainOutcome);
        while (retainer.getState() != Thread.State.BLOCKED && retainer.isAlive()) {
            Thread.onSpinWait();
        }
        named.countDown();
        closer.join();
        retainer.join();

        assertThat(closeOutcome.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("slow holder");
        assertThat(retainOutcome.get()).as("a refused close fails no retain").isNull();
        assertThat(other.count()).as("the retain holds its count").isEqualTo(1);
        assertThat(leases.isClosed()).isFalse();
    }

    private static Thread startRecordingThrown(Runnable action, AtomicReference<Throwable> thrown) {
        return Thread.ofPlatform().start(() -> {
            try {
                action.run();
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
    }
}
