package dev.iobuf.uring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.BufferPool;
import dev.iobuf.BufferTier;
import dev.iobuf.liburing.Errno;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.Test;

/** The io_uring JFR events: ring setup, refusals, empty buffer rings; none without a recording. */
class JfrEventsTest {
    @Test
    void ringSetupRecordsRequestedAndGrantedFlags() throws Exception {
        List<RecordedEvent> events = JfrCapture.record(List.of("dev.iobuf.RingSetup"), () -> {
            RingTestSupport.ring(() -> Ring.builder().entries(8).build()).close();
        });

        assertThat(events).hasSize(1);
        RecordedEvent e = events.getFirst();
        assertThat(e.getInt("sqEntries")).isEqualTo(8);
        assertThat(e.getInt("cqEntries")).isEqualTo(16);
        assertThat(e.getString("granted")).startsWith("[").endsWith("]");
        assertThat(e.getString("requested")).contains("SINGLE_ISSUER");
        assertThat(e.getString("features")).contains("NODROP");
    }

    @Test
    void refusalsAreRecordedWithTheirCause() throws Exception {
        List<RecordedEvent> events = JfrCapture.record(List.of("dev.iobuf.SetupRefused"), () -> {
            UringException.forSetup("io_uring_setup(entries=8)", -Errno.EPERM.number());
            UringException.forSetup("io_uring_setup(entries=8)", -Errno.ENOSYS.number());
            new MemlockLimitException("io_uring_register(BUFFERS2)", -Errno.ENOMEM.number(), "raise it", 65536, 1 << 20);
            UringException.forSetup("io_uring_setup(entries=8)", -Errno.EINVAL.number());
        });

        assertThat(events).extracting(e -> e.getString("cause")).containsExactly("BLOCKED", "UNAVAILABLE", "MEMLOCK");
        assertThat(events.getFirst().getString("errno")).isEqualTo("EPERM");
        assertThat(events.getFirst().getString("message")).contains("seccomp");
        assertThat(events.get(2).getLong("limit")).isEqualTo(65536);
        assertThat(events.get(2).getLong("needed")).isEqualTo(1 << 20);
        assertThat(events.get(2).getString("operation")).isEqualTo("io_uring_register(BUFFERS2)");
    }

    @Test
    void anEmptyBufferRingCompletionIsRecorded() throws Exception {
        try (Ring ring = RingTestSupport.ring(() -> Ring.open(8));
             BufferPool pool = BufferPool.of(BufferTier.SMALL, 4);
             BufferRing group = BufferRing.register(ring, 5, pool, 4)) {
            List<RecordedEvent> events = JfrCapture.record(List.of("dev.iobuf.BufferRingEmpty"), () -> {
                assertThat(group.select(-Errno.ENOBUFS.number(), 0)).isEqualTo(-1);
                assertThat(group.select(-Errno.ECANCELED.number(), 0)).as("not an empty ring").isEqualTo(-1);
                assertThat(group.select(-Errno.ENOBUFS.number(), 0)).isEqualTo(-1);
            });

            assertThat(events).hasSize(2);
            assertThat(events).allSatisfy(e -> {
                assertThat(e.getInt("groupId")).isEqualTo(5);
                assertThat(e.getInt("buffers")).isEqualTo(4);
                assertThat(e.getInt("bufferSize")).isEqualTo(BufferTier.SMALL.size());
            });
            assertThat(events).extracting(e -> e.getLong("total")).containsExactly(1L, 2L);
        }
    }

    @Test
    void nothingIsRecordedForEventsTheRecordingDoesNotEnable() throws Exception {
        List<RecordedEvent> events = JfrCapture.record(List.of("dev.iobuf.PoolWait"), () -> {
            RingTestSupport.ring(() -> Ring.open(4)).close();
            UringException.forSetup("io_uring_setup(entries=8)", -Errno.EPERM.number());
        });
        assertThat(events).isEmpty();
    }
}
