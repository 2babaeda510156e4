package dev.iobuf.uring.net;

import static dev.iobuf.uring.net.NetTestSupport.anyPort;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Per-connection deadlines: the heap alone against a model, then on real sockets. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
abstract class DeadlineTest extends TransportSuite {

    @Test
    void theHeapExpiresExactlyTheDueSlotsInDeadlineOrderWhateverWasSetMovedOrCleared() {
        Random random = new Random(42);
        int slots = 200;
        Deadlines heap = new Deadlines(slots);
        Map<Integer, Long> model = new HashMap<>();
        long clock = Long.MAX_VALUE - 5_000;          // System.nanoTime() values may wrap: compared by difference
        for (int step = 0; step < 20_000; step++) {
            int slot = random.nextInt(slots);
            int what = random.nextInt(10);
            if (what < 5) {
                long at = clock + random.nextInt(1_000);
                heap.set(slot, at);
                model.put(slot, at);
            } else if (what < 8) {
                heap.clear(slot);
                model.remove(slot);
            } else {
                clock += random.nextInt(300);
                long now = clock;
                List<Long> expired = new ArrayList<>();
                for (int s; (s = heap.pollExpired(now)) >= 0; ) {
                    Long at = model.remove(s);
                    assertThat(at).as("expired a slot with a deadline").isNotNull();
                    assertThat(at - now).as("only due ones").isLessThanOrEqualTo(0);
                    expired.add(at);
                }
                assertThat(expired).as("in deadline order").isSortedAccordingTo((a, b) -> Long.compare(a - b, 0));
                assertThat(model.values()).as("none due left").allMatch(at -> at - now > 0);
            }
            assertThat(heap.size()).isEqualTo(model.size());
            if (!model.isEmpty()) {
                long min = model.values().stream().reduce((a, b) -> a - b < 0 ? a : b).orElseThrow();
                assertThat(heap.earliest()).isEqualTo(min);
            }
        }
        for (int slot = 0; slot < slots; slot++) {
            assertThat(heap.has(slot)).isEqualTo(model.containsKey(slot));
        }
    }

    /** Sets a deadline on open; a client byte "completes the request" and clears it. */
    static final class HeadDeadline implements ConnectionHandler {
        final Map<Integer, CloseReason> closed = new ConcurrentHashMap<>();
        final CompletableFuture<Throwable> misuse = new CompletableFuture<>();

        @Override
        public void onOpen(Connection c) {
            // Long enough that the talking client's first byte (sent right after connecting) beats it on a loaded
            // machine: a deadline that fired first would abort the connection the test expects to stay.
            c.deadline(1_000, TimeUnit.MILLISECONDS);
            try {
                c.deadline(-1, TimeUnit.MILLISECONDS);
            } catch (IllegalArgumentException e) {
                misuse.complete(e);
            }
        }

        @Override
        public void onData(Connection c, MemorySegment buffer, int offset, int length) {
            c.clearDeadline();
            c.write(buffer, offset, length);
        }

        @Override
        public void onClose(Connection c) {
            closed.put(System.identityHashCode(c), c.closeReason());
        }
    }

    @Test
    void aConnectionPastItsDeadlineIsAbortedAndCountedWhileOneThatClearedItStays() throws Exception {
        HeadDeadline handler = new HeadDeadline();
        EventLoopGroup group = group(b -> b.threads(1));
        Listener listener = group.listen(anyPort(), handler);
        try (Socket silent = NetTestSupport.jdkClient(listener.port());
             Socket talker = NetTestSupport.jdkClient(listener.port())) {
            talker.getOutputStream().write(7);
            assertThat(talker.getInputStream().read()).isEqualTo(7);
            long t0 = System.nanoTime();
            assertThat(silent.getInputStream().read()).as("closed by its deadline").isEqualTo(-1);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(5_000);
            Thread.sleep(1_200);             // past the deadline the talker cleared
            talker.getOutputStream().write(8);
            assertThat(talker.getInputStream().read()).as("its deadline was cleared: still served").isEqualTo(8);
            assertThat(handler.closed.values()).containsExactly(CloseReason.DEADLINE);
        }
        assertThat(handler.misuse.get(5, TimeUnit.SECONDS)).hasMessageContaining("timeout must be >= 0");
        NetCounters counters = NetTestSupport.shutdownClean(group);
        assertThat(counters.deadlineCloses()).isEqualTo(1);
    }
}
