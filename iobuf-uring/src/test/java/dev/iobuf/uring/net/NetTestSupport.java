package dev.iobuf.uring.net;

import dev.iobuf.BufferTier;
import dev.iobuf.uring.IoUringBlockedException;
import dev.iobuf.uring.IoUringUnavailableException;
import dev.iobuf.uring.Transport;
import dev.iobuf.uring.UserData;
import dev.iobuf.uring.testkit.LoopbackTestKit;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;

/**
 * Helpers for the network tests: small groups, leak checks after shutdown, injected completions; the
 * loopback peers, fd counts and waits shared with the examples' tests come from {@link LoopbackTestKit}.
 */
final class NetTestSupport extends LoopbackTestKit {
    private NetTestSupport() {
    }

    /**
     * A small daemon group (2 loops, modest buffers) on io_uring unless {@code tweak} picks another transport;
     * skips loudly when io_uring is asked for and missing.
     */
    static EventLoopGroup group(Consumer<EventLoopGroup.Builder> tweak) {
        EventLoopGroup.Builder b = EventLoopGroup.builder().transport(Transport.IO_URING).threads(2).daemon(true).ringEntries(256)
                .recvBufferTier(BufferTier.SMALL).recvBuffers(256).writeBuffers(2048).maxConnectionsPerLoop(4096);
        tweak.accept(b);
        try {
            return b.build();
        } catch (IoUringBlockedException | IoUringUnavailableException e) {
            Assumptions.abort("io_uring is not usable here, skipping: " + e.getMessage());
            throw e;
        }
    }

    /** A small ring for probing what the kernel supports; skips loudly without io_uring. */
    static dev.iobuf.uring.Ring ringOrSkip() {
        try {
            return dev.iobuf.uring.Ring.open(8);
        } catch (IoUringBlockedException | IoUringUnavailableException e) {
            Assumptions.abort("io_uring is not usable here, skipping: " + e.getMessage());
            throw e;
        }
    }

    /** The user_data of {@code c}'s receive (for injecting completions that name it). */
    static long recvUserData(Connection c) {
        return UserData.of(Op.RECV, 0, c.slot, c.generation);
    }

    static EventLoopGroup group() {
        return group(b -> { });
    }

    /** Shuts {@code group} down and insists that it ended and that every counter reads zero. */
    static NetCounters shutdownClean(EventLoopGroup group) {
        if (!group.shutdownGracefully(Duration.ofSeconds(10))) {
            throw new AssertionError("group did not terminate: " + group);
        }
        for (EventLoop loop : group.loops()) {
            if (loop.staleCompletions() != 0) {
                throw new AssertionError("loop " + loop.index() + " saw " + loop.staleCompletions()
                        + " completion(s) for nothing live");
            }
        }
        NetCounters c = group.counters();
        if (!c.isQuiescent()) {
            throw new AssertionError("counters not at zero after shutdown: " + c);
        }
        return c;
    }
}
