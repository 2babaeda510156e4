package dev.iobuf.uring.net;

import dev.iobuf.uring.KernelTest;
import dev.iobuf.uring.Transport;
import org.junit.jupiter.api.Nested;

/**
 * The behavioural network suites ({@link TransportSuite}) on io_uring (a host without io_uring skips them, saying why).
 */
class UringTransportTest {
    @Nested
    class Backpressure extends BackpressureTest {
        @Override
        Transport transport() {
            return Transport.IO_URING;
        }
    }

    @Nested
    @KernelTest
    class Client extends ClientTest {
        @Override
        Transport transport() {
            return Transport.IO_URING;
        }
    }

    @Nested
    class CrossThread extends CrossThreadTest {
        @Override
        Transport transport() {
            return Transport.IO_URING;
        }
    }

    @Nested
    class Deadline extends DeadlineTest {
        @Override
        Transport transport() {
            return Transport.IO_URING;
        }
    }

    @Nested
    @KernelTest
    class EchoJdkClient extends EchoJdkClientTest {
        @Override
        Transport transport() {
            return Transport.IO_URING;
        }
    }

    @Nested
    class Echo extends EchoTest {
        @Override
        Transport transport() {
            return Transport.IO_URING;
        }
    }

    @Nested
    class HalfClose extends HalfCloseTest {
        @Override
        Transport transport() {
            return Transport.IO_URING;
        }
    }

    @Nested
    class HandlerError extends HandlerErrorTest {
        @Override
        Transport transport() {
            return Transport.IO_URING;
        }
    }

    @Nested
    class PauseReading extends PauseReadingTest {
        @Override
        Transport transport() {
            return Transport.IO_URING;
        }
    }

    @Nested
    class Shutdown extends ShutdownTest {
        @Override
        Transport transport() {
            return Transport.IO_URING;
        }
    }

    @Nested
    class Timer extends TimerTest {
        @Override
        Transport transport() {
            return Transport.IO_URING;
        }
    }

    @Nested
    class Tls extends TlsTest {
        @Override
        Transport transport() {
            return Transport.IO_URING;
        }
    }

    @Nested
    class SteadyStateAllocation extends SteadyStateAllocationTest {
        @Override
        Transport transport() {
            return Transport.IO_URING;
        }
    }

    @Nested
    class TlsAllocation extends TlsAllocationTest {
        @Override
        Transport transport() {
            return Transport.IO_URING;
        }
    }

    @Nested
    class LoopFailure extends LoopFailureTest {
        @Override
        Transport transport() {
            return Transport.IO_URING;
        }
    }

    @Nested
    class LoopMonitor extends LoopMonitorTest {
        @Override
        Transport transport() {
            return Transport.IO_URING;
        }
    }

    @Nested
    class UnixSocket extends UnixSocketTest {
        @Override
        Transport transport() {
            return Transport.IO_URING;
        }
    }

    @Nested
    @KernelTest
    class DatagramEcho extends DatagramEchoTest {
        @Override
        Transport transport() {
            return Transport.IO_URING;
        }
    }

    @Nested
    @KernelTest
    class DatagramMisuse extends DatagramMisuseTest {
        @Override
        Transport transport() {
            return Transport.IO_URING;
        }
    }

    @Nested
    class DatagramAllocation extends DatagramAllocationTest {
        @Override
        Transport transport() {
            return Transport.IO_URING;
        }
    }
}
