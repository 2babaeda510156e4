package dev.iobuf.uring;

import static dev.iobuf.uring.RingTestSupport.ring;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompletionRouterTest {

    /** Records what it receives. */
    static final class Recorder implements CompletionHandler {
        final List<String> got = new ArrayList<>();

        @Override
        public void complete(long userData, int result, int flags) {
            got.add(CompletionRouter.tag(userData) + ":" + result);
        }
    }

    @Test
    void routesByTokenAndCarriesTheTag() {
        CompletionRouter router = new CompletionRouter(4);
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        long ta = router.register(a);
        long tb = router.register(b);
        assertThat(ta).isNotEqualTo(tb);
        assertThat(router.size()).isEqualTo(2);
        router.complete(CompletionRouter.userData(ta, 7), 10, 0);
        router.complete(CompletionRouter.userData(tb, 65535), -5, 0);
        router.complete(CompletionRouter.userData(ta, 0), 11, 0);
        assertThat(a.got).containsExactly("7:10", "0:11");
        assertThat(b.got).containsExactly("65535:-5");
        assertThat(router.handlerFor(CompletionRouter.userData(tb, 3))).isSameAs(b);
        assertThat(router.staleCount()).isZero();
    }

    @Test
    void aStaleGenerationIsDetectedEvenWhenTheSlotIsReused() {
        List<Long> stale = new ArrayList<>();
        CompletionRouter router = new CompletionRouter(1, (u, r, f) -> stale.add(u));
        Recorder first = new Recorder();
        long t1 = router.register(first);
        long oldOp = CompletionRouter.userData(t1, 1);
        router.unregister(t1);
        Recorder second = new Recorder();
        long t2 = router.register(second);
        assertThat(t2).as("same slot, new generation").isNotEqualTo(t1);
        router.complete(oldOp, 0, 0);   // the old handler's operation completes late
        assertThat(first.got).isEmpty();
        assertThat(second.got).isEmpty();
        assertThat(stale).containsExactly(oldOp);
        assertThat(router.staleCount()).isEqualTo(1);
        assertThat(router.isLive(oldOp)).isFalse();
        assertThat(router.isLive(t2)).isTrue();
        router.complete(0L, 0, 0);                             // user_data 0 is never live
        router.complete(Ring.CANCEL_ALL_USER_DATA, 0, 0);      // nor the ring's own cancel
        assertThat(router.staleCount()).isEqualTo(3);
    }

    @Test
    void generationsWrapWithoutEverIssuingZero() {
        CompletionRouter router = new CompletionRouter(1);
        Recorder h = new Recorder();
        for (int i = 0; i < (1 << 24) + 5; i++) {
            long t = router.register(h);
            assertThat(t >>> 40).isNotZero();
            router.unregister(t);
        }
    }

    @Test
    void misuseIsRejectedAndLeavesTheRouterConsistent() {
        CompletionRouter router = new CompletionRouter(2);
        long t = router.register(new Recorder());
        router.register(new Recorder());
        assertThatThrownBy(() -> router.register(new Recorder())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("all 2 handler slots");
        router.unregister(t);
        assertThatThrownBy(() -> router.unregister(t)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not registered");
        assertThat(router.size()).isEqualTo(1);
        assertThatThrownBy(() -> CompletionRouter.userData(t, 65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CompletionRouter.userData(t, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CompletionRouter(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CompletionRouter(CompletionRouter.MAX_CAPACITY + 1))
                .isInstanceOf(IllegalArgumentException.class);
        router.register(new Recorder());
        assertThat(router.size()).isEqualTo(2);
    }

    @Test
    void routesRealCompletionsFromARing() {
        try (Ring r = ring(16)) {
            CompletionRouter router = new CompletionRouter(8);
            Recorder a = new Recorder();
            Recorder b = new Recorder();
            long ta = router.register(a);
            long tb = router.register(b);
            r.nextSqe().nop().userData(CompletionRouter.userData(ta, 1));
            r.nextSqe().nop().userData(CompletionRouter.userData(tb, 2));
            r.nextSqe().readUnsafe(-1, 0, 0, 0).userData(CompletionRouter.userData(ta, 3));
            r.submitAndWait(3);
            assertThat(r.reap(router)).isEqualTo(3);
            assertThat(a.got).containsExactlyInAnyOrder("1:0", "3:-9");
            assertThat(b.got).containsExactly("2:0");
            // Through the cursor as well.
            r.nextSqe().nop().userData(CompletionRouter.userData(tb, 4));
            r.submitAndWait(1);
            CompletionCursor c = r.completions();
            while (c.next()) {
                router.dispatch(c);
            }
            assertThat(b.got).containsExactly("2:0", "4:0");
        }
    }
}
