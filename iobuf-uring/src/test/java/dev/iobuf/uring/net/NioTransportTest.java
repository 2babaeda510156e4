package dev.iobuf.uring.net;

import dev.iobuf.uring.Transport;
import org.junit.jupiter.api.Nested;

/**
 * The behavioural network suites ({@link TransportSuite}) on JDK NIO (they run everywhere: no io_uring needed).
 */
class NioTransportTest {
    @Nested
    class Backpressure extends BackpressureTest {
        @Override
        Transport transport() {
            return Transport.NIO;
        }
    }

    @Nested
    class Client extends ClientTest {
        @Override
        Transport transport() {
            return Transport.NIO;
        }
    }

    @Nested
    class CrossThread extends CrossThreadTest {
        @Override
        Transport transport() {
            return Transport.NIO;
        }
    }

    @Nested
    class Deadline extends DeadlineTest {
        @Override
        Transport transport() {
            return Transport.NIO;
        }
    }

    @Nested
    class EchoJdkClient extends EchoJdkClientTest {
        @Override
        Transport transport() {
            return Transport.NIO;
        }
    }

    @Nested
    class Echo extends EchoTest {
        @Override
        Transport transport() {
            return Transport.NIO;
        }
    }

    @Nested
    class HalfClose extends HalfCloseTest {
        @Override
        Transport transport() {
            return Transport.NIO;
        }
    }

    @Nested
    class HandlerError extends HandlerErrorTest {
        @Override
        Transport transport() {
            return Transport.NIO;
        }
    }

    @Nested
    class PauseReading extends PauseReadingTest {
        @Override
        Transport transport() {
            return Transport.NIO;
        }
    }

    @Nested
    class Shutdown extends ShutdownTest {
        @Override
        Transport transport() {
            return Transport.NIO;
        }
    }

    @Nested
    class Timer extends TimerTest {
        @Override
        Transport transport() {
            return Transport.NIO;
        }
    }

    @Nested
    class Tls extends TlsTest {
        @Override
        Transport transport() {
            return Transport.NIO;
        }
    }

    @Nested
    class SteadyStateAllocation extends SteadyStateAllocationTest {
        @Override
        Transport transport() {
            return Transport.NIO;
        }
    }

    @Nested
    class TlsAllocation extends TlsAllocationTest {
        @Override
        Transport transport() {
            return Transport.NIO;
        }
    }

    @Nested
    class LoopFailure extends LoopFailureTest {
        @Override
        Transport transport() {
            return Transport.NIO;
        }
    }

    @Nested
    class LoopMonitor extends LoopMonitorTest {
        @Override
        Transport transport() {
            return Transport.NIO;
        }
    }

    @Nested
    class UnixSocket extends UnixSocketTest {
        @Override
        Transport transport() {
            return Transport.NIO;
        }
    }

    @Nested
    class DatagramEcho extends DatagramEchoTest {
        @Override
        Transport transport() {
            return Transport.NIO;
        }
    }

    @Nested
    class DatagramMisuse extends DatagramMisuseTest {
        @Override
        Transport transport() {
            return Transport.NIO;
        }
    }

    @Nested
    class DatagramAllocation extends DatagramAllocationTest {
        @Override
        Transport transport() {
            return Transport.NIO;
        }
    }
}
