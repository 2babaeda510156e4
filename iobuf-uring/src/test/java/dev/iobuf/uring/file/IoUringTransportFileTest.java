package dev.iobuf.uring.file;

import dev.iobuf.uring.Transport;
import org.junit.jupiter.api.Nested;

/** Every behavioural suite of the file API on Transport.IO_URING: thin subclasses that only name the transport. */
class IoUringTransportFileTest {
    @Nested
    class Files extends UringFileTest {
        @Override
        Transport transport() {
            return Transport.IO_URING;
        }
    }

    @Nested
    class Model extends FileModelTest {
        @Override
        Transport transport() {
            return Transport.IO_URING;
        }
    }

    @Nested
    class Channel extends UringFileChannelTest {
        @Override
        Transport transport() {
            return Transport.IO_URING;
        }
    }

    @Nested
    class CallStyles extends CallStylesTest {
        @Override
        Transport transport() {
            return Transport.IO_URING;
        }
    }

    @Nested
    class Direct extends DirectIoTest {
        @Override
        Transport transport() {
            return Transport.IO_URING;
        }
    }

    @Nested
    class Events extends FileEventsTest {
        @Override
        Transport transport() {
            return Transport.IO_URING;
        }
    }
}
