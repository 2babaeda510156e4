package dev.iobuf.uring.file;

import dev.iobuf.uring.Transport;
import java.util.function.UnaryOperator;

/**
 * The file API's behavioural tests run on both transports (Netty's testsuite shape): each suite extends
 * this class, and {@link IoUringTransportFileTest} / {@link NioTransportFileTest} run every suite once
 * per transport through thin {@code @Nested} subclasses that only say which transport.
 */
abstract class FileTransportSuite {
    /** The transport this run of the suite tests. */
    abstract Transport transport();

    /** A service on this suite's transport, {@code config} applied; a loud skip where io_uring is unusable. */
    final FileIo service(UnaryOperator<FileIoBuilder> config) {
        return FileIoTestSupport.service(() -> config.apply(FileIo.builder().transport(transport())).build());
    }

    /** A default service on this suite's transport. */
    final FileIo service() {
        return service(b -> b);
    }

    /** Whether this run goes through io_uring (some facts exist only there: registered files, statx alignment). */
    final boolean uring() {
        return transport() == Transport.IO_URING;
    }
}
