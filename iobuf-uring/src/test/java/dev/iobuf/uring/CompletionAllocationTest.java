package dev.iobuf.uring;

import static dev.iobuf.uring.RingTestSupport.ring;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.invoke.MethodHandle;
import org.junit.jupiter.api.Test;

/**
 * The hot path allocates nothing: 100,000 NOPs through nextSqe / prep / submitAndWait and back through
 * reap(handler) and the cursor, measured with the thread's allocation counter
 * (com.sun.management.ThreadMXBean, reached reflectively: the tests compile inside the dev.iobuf.uring
 * module, which does not read jdk.management).
 */
class CompletionAllocationTest {
    private static final int BATCH = 32;
    private static final int MEASURED = 100_000;
    private static final int WARMUP = 300_000;
    private static final int ATTEMPTS = 3;

    /** A handler with state, allocated once. */
    static final class Counter implements CompletionHandler {
        long count;
        long sum;

        @Override
        public void complete(long userData, int result, int flags) {
            count++;
            sum += userData + result;
        }
    }

    /**
     * Each path must run {@value #MEASURED} NOPs allocating 0 bytes. A late JIT event (a recompilation
     * whose deoptimization materialises a scalar-replaced object) can allocate a few bytes once, so a path
     * gets up to {@value #ATTEMPTS} attempts; an allocation per operation would show in every attempt (at
     * least 16 bytes x 100,000), and no attempt may come near that.
     */
    @Test
    void submitAndReapAllocateNothing() throws Throwable {
        MethodHandle allocated = RingTestSupport.currentThreadAllocatedBytes();
        try (Ring r = ring(() -> Ring.builder().entries(64).build())) {
            Counter counter = new Counter();
            CompletionCursor cursor = r.completions();
            for (int i = 0; i < 3; i++) {   // warm up every path until the JIT has compiled them
                runHandler(r, counter, WARMUP);
                runCursor(r, cursor, counter, WARMUP);
            }
            long overhead = -((long) allocated.invokeExact() - (long) allocated.invokeExact());
            String[] names = {"reap(handler)", "cursor"};
            for (int path = 0; path < names.length; path++) {
                StringBuilder attempts = new StringBuilder();
                boolean zero = false;
                for (int attempt = 0; attempt < ATTEMPTS && !zero; attempt++) {
                    counter.count = 0;
                    long before = (long) allocated.invokeExact();
                    switch (path) {
                        case 0 -> runHandler(r, counter, MEASURED);
                        default -> runCursor(r, cursor, counter, MEASURED);
                    }
                    long bytes = (long) allocated.invokeExact() - before - overhead;
                    assertThat(counter.count).isEqualTo(MEASURED);
                    assertThat(bytes).as("%s attempt %d: bytes for %d NOPs", names[path], attempt, MEASURED)
                            .isLessThan(MEASURED / 4);
                    attempts.append(bytes).append(' ');
                    zero = bytes == 0;
                }
                assertThat(zero).as("%s allocated 0 bytes in one of its attempts (bytes: %s)", names[path], attempts)
                        .isTrue();
            }
        }
    }

    private static void runHandler(Ring r, Counter counter, int ops) {
        for (int done = 0; done < ops; done += BATCH) {
            for (int i = 0; i < BATCH; i++) {
                r.nextSqe().nop().userData(i);
            }
            r.submitAndWait(BATCH);
            r.reap(counter);
        }
    }

    private static void runCursor(Ring r, CompletionCursor c, Counter counter, int ops) {
        for (int done = 0; done < ops; done += BATCH) {
            for (int i = 0; i < BATCH; i++) {
                r.nextSqe().nop().userData(i);
            }
            r.submitAndWait(BATCH);
            while (c.next()) {
                counter.complete(c.userData(), c.result(), c.flags());
            }
        }
    }
}
