package dev.iobuf.uring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceTagsTest {

    @Test
    void tagsEncodeTableGenerationAndSlotInTheReservedRange() {
        long tag = ResourceTags.encode(255, (1 << 20) - 1, (1 << 20) - 1);
        assertThat(tag >>> 48).isEqualTo(0xFFFEL);
        assertThat(ResourceTags.isTagCompletion(tag)).isTrue();
        assertThat(ResourceTags.tableOf(tag)).isEqualTo(255);
        assertThat(ResourceTags.generationOf(tag)).isEqualTo((1 << 20) - 1);
        assertThat(ResourceTags.slotOf(tag)).isEqualTo((1 << 20) - 1);
        long small = ResourceTags.encode(1, 2, 3);
        assertThat(new int[] {ResourceTags.tableOf(small), ResourceTags.generationOf(small), ResourceTags.slotOf(small)})
                .containsExactly(1, 2, 3);
        assertThat(ResourceTags.isTagCompletion(0)).isFalse();
        assertThat(ResourceTags.isTagCompletion(42)).isFalse();
        assertThat(ResourceTags.isTagCompletion(-1)).isFalse();
        assertThat(ResourceTags.isTagCompletion(Ring.CANCEL_ALL_USER_DATA)).isFalse();
    }

    @Test
    void oneRegistryPerRingThatRoutesTagsAndPassesEverythingElseOn() {
        try (Ring ring = RegisteredTestIo.ring(8)) {
            ResourceTags tags = ResourceTags.of(ring);
            assertThat(ResourceTags.of(ring)).isSameAs(tags);
            List<Long> passed = new ArrayList<>();
            CompletionHandler h = tags.wrap((u, r, f) -> passed.add(u));
            h.complete(7, 0, 0);
            h.complete(ResourceTags.encode(9, 1, 1), 0, 0);
            assertThat(passed).containsExactly(7L);
            assertThat(tags.dispatchedTags()).isEqualTo(1);
            assertThat(tags.strayTags()).as("no table 9 here").isEqualTo(1);
            ring.close();
            assertThatThrownBy(() -> ResourceTags.of(ring)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void freshTagsDifferEvenForTheSameSlot() {
        try (Ring ring = RegisteredTestIo.ring(8)) {
            ResourceTags tags = ResourceTags.of(ring);
            long a = tags.newTag(3, 5);
            long b = tags.newTag(3, 5);
            assertThat(a).isNotEqualTo(b);
            assertThat(ResourceTags.slotOf(a)).isEqualTo(5);
            assertThat(ResourceTags.tableOf(b)).isEqualTo(3);
        }
    }
}
