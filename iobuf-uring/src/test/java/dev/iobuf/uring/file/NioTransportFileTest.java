package dev.iobuf.uring.file;

import dev.iobuf.uring.Transport;
import org.junit.jupiter.api.Nested;

/** Every behavioural suite of the file API on Transport.NIO: thin subclasses that only name the transport. */
class NioTransportFileTest {
    @Nested
    class Files extends UringFileTest {
        @Override
        Transport transport() {
            return Transport.NIO;
        }
    }

    @Nested
    class Model extends FileModelTest {
        @Override
        Transport transport() {
            return Transport.NIO;
        }
    }

    @Nested
    class Channel extends UringFileChannelTest {
        @Override
        Transport transport() {
            return Transport.NIO;
        }
    }

    @Nested
    class CallStyles extends CallStylesTest {
        @Override
        Transport transport() {
            return Transport.NIO;
        }
    }

    @Nested
    class Direct extends DirectIoTest {
        @Override
        Transport transport() {
            return Transport.NIO;
        }
    }

    @Nested
    class Events extends FileEventsTest {
        @Override
        Transport transport() {
            return Transport.NIO;
        }
    }
}
