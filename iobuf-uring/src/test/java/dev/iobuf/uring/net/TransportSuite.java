package dev.iobuf.uring.net;

import dev.iobuf.uring.Transport;
import java.util.function.Consumer;

/**
 * The base of the behavioural network suites that run on every transport (as Netty's testsuite does:
 * one abstract suite, a thin subclass per transport): a suite makes its groups with {@link #group}, on
 * the transport its subclass names. The subclasses are the nested classes of {@link UringTransportTest}
 * and {@link NioTransportTest}. io_uring-only tests (provided-buffer rings, zero-copy, ring internals)
 * use {@link NetTestSupport#group} directly.
 */
abstract class TransportSuite {

    /** The transport this run of the suite tests. */
    abstract Transport transport();

    /** A small group ({@link NetTestSupport#group}) on {@link #transport()}, customised by {@code tweak}. */
    EventLoopGroup group(Consumer<EventLoopGroup.Builder> tweak) {
        return NetTestSupport.group(b -> {
            b.transport(transport());
            tweak.accept(b);
        });
    }

    EventLoopGroup group() {
        return group(b -> { });
    }
}
