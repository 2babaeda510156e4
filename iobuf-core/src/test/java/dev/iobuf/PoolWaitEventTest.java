package dev.iobuf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dev.iobuf.PoolWait}: one event per acquire that waited, with the wait as its duration. */
class PoolWaitEventTest {
    private static final String EVENT = "dev.iobuf.PoolWait";

    @TempDir
    Path dir;

    @Test
    void aBlockedAcquireIsOneEventLastingTheWait() throws Exception {
        BoundedPool<String> pool = new BoundedPool<>(2);
        pool.fill(() -> "v");
        int a = pool.acquire();
        int b = pool.acquire();
        List<RecordedEvent> events = record(() -> {
            CompletableFuture<Integer> waiter = blockedIn(pool::acquire);
            Thread.sleep(50);
            pool.release(a);
            assertThat(waiter.get(10, TimeUnit.SECONDS)).isEqualTo(a);
            assertThat(pool.tryAcquire(5, TimeUnit.MILLISECONDS)).as("empty again: times out").isEqualTo(-1);
        });

        assertThat(events).hasSize(2);
        RecordedEvent blocked = events.getFirst();
        assertThat(blocked.getString("pool")).isEqualTo("BoundedPool");
        assertThat(blocked.getInt("capacity")).isEqualTo(2);
        assertThat(blocked.getBoolean("acquired")).isTrue();
        assertThat(blocked.getDuration("timeout")).isZero();
        assertThat(blocked.getDuration()).isGreaterThanOrEqualTo(Duration.ofMillis(45));
        RecordedEvent timedOut = events.get(1);
        assertThat(timedOut.getBoolean("acquired")).isFalse();
        assertThat(timedOut.getDuration("timeout")).isEqualTo(Duration.ofMillis(5));
        pool.release(b);
    }

    @Test
    void aBufferPoolWaitLongerThanItsCloseSliceIsStillOneEvent() throws Exception {
        try (BufferPool pool = BufferPool.of(BufferTier.PICO, 1)) {
            int held = pool.acquire();
            List<RecordedEvent> events = record(() -> {
                CompletableFuture<Integer> waiter = blockedIn(pool::acquire);
                Thread.sleep(3 * BufferPool.CLOSE_POLL_MILLIS);
                pool.release(held);
                assertThat(waiter.get(10, TimeUnit.SECONDS)).isEqualTo(held);
            });

            assertThat(events).as("the 50 ms slices are not separate waits").hasSize(1);
            assertThat(events.getFirst().getString("pool")).isEqualTo("BufferPool PICO");
            assertThat(events.getFirst().getBoolean("acquired")).isTrue();
            assertThat(events.getFirst().getDuration()).isGreaterThanOrEqualTo(Duration.ofMillis(2 * BufferPool.CLOSE_POLL_MILLIS));
        }
    }

    @Test
    void anAcquireThatFindsAnIndexIsNoEvent() throws Exception {
        BoundedPool<String> pool = new BoundedPool<>(4);
        pool.fill(() -> "v");
        List<RecordedEvent> events = record(() -> {
            for (int n = 0; n < 1000; n++) {
                pool.release(pool.acquire());
                pool.release(pool.tryAcquire(1, TimeUnit.SECONDS));
            }
        });
        assertThat(events).isEmpty();
    }

    interface Action {
        void run() throws Exception;
    }

    interface Acquire {
        int get() throws InterruptedException;
    }

    /** Starts {@code acquire} on a new thread and returns once that thread is parked in it. */
    private static CompletableFuture<Integer> blockedIn(Acquire acquire) throws InterruptedException {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                result.complete(acquire.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (t.getState() != Thread.State.WAITING && t.getState() != Thread.State.TIMED_WAITING) {
            assertThat(System.nanoTime()).as("waiter parked within 10 s").isLessThan(deadline);
            Thread.sleep(1);
        }
        return result;
    }

    /** Runs {@code action} under a recording of {@value #EVENT} (threshold 0) and returns its events in time order. */
    private List<RecordedEvent> record(Action action) throws Exception {
        Path file = dir.resolve("pool.jfr");
        try (Recording r = new Recording()) {
            r.enable(EVENT).withThreshold(Duration.ZERO);
            r.start();
            action.run();
            r.stop();
            r.dump(file);
        }
        return RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().equals(EVENT))
                .sorted((x, y) -> x.getStartTime().compareTo(y.getStartTime()))
                .toList();
    }
}
