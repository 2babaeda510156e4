package dev.iobuf.uring.net;

import dev.iobuf.uring.testkit.LoopbackTestKit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;

/**
 * Child JVM of {@link LazyObservabilityTest}: serves one echo with no recording and without asking for JMX first,
 * prints whether its loop got its MBean once the platform MBean server is asked for, whether JFR came up and a
 * marker, then serves again under a recording of the ring-setup and connection-summary events and prints each
 * recorded event of ours as {@code EVENT <name>}.
 */
public final class LazyObservabilityChild {
    private LazyObservabilityChild() {
    }

    public static void main(String[] args) throws Exception {
        serveOneEcho(() -> true, true);
        System.out.println("JFR_UP " + FlightRecorder.isInitialized());
        System.out.println("MARK recording");
        System.out.flush();
        Path file = Files.createTempFile("lazy-jfr", ".jfr");
        try (Recording r = new Recording()) {
            r.enable("dev.iobuf.RingSetup");
            r.enable("dev.iobuf.ConnectionSummary").withPeriod(Duration.ofMillis(100));
            r.start();
            // JFR's periodic thread asks the loop for its summary: wait until one is recorded, however late it runs.
            serveOneEcho(() -> {
                try {
                    r.dump(file);
                    return RecordingFile.readAllEvents(file).stream()
                            .anyMatch(e -> e.getEventType().getName().equals("dev.iobuf.ConnectionSummary"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, false);
            r.stop();
            r.dump(file);
        }
        for (var e : RecordingFile.readAllEvents(file)) {
            if (e.getEventType().getName().startsWith("dev.iobuf.")) {
                System.out.println("EVENT " + e.getEventType().getName());
            }
        }
        Files.delete(file);
    }

    /** Asks for the platform MBean server (the loop did not) and waits for the loop's MBean to be registered. */
    private static boolean mbeanRegistered(String loop, Duration timeout) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("dev.iobuf:type=EventLoop,name=" + ObjectName.quote(loop));
        return LoopbackTestKit.await(() -> server.isRegistered(name), timeout, Duration.ofMillis(10))
                && (Long) server.getAttribute(name, "connectionsOpen") >= 0;
    }

    /** Serves one echo, then keeps the group until {@code linger} holds (20 s at most). */
    private static void serveOneEcho(BooleanSupplier linger, boolean awaitMBean) throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (EventLoopGroup group = EventLoopGroup.builder().threads(1).daemon(true).threadName("lazy-").build()) {
            System.out.println("TRANSPORT " + group.transport());
            Listener listener = group.listen(new InetSocketAddress(loopback, 0), new EchoHandler());
            try (Socket s = new Socket(loopback, listener.port())) {
                s.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
                System.out.println("ECHO " + new String(s.getInputStream().readNBytes(4), StandardCharsets.US_ASCII));
            }
            if (awaitMBean) {
                System.out.println("MBEAN " + mbeanRegistered("lazy-0", Duration.ofSeconds(60)));
            }
            LoopbackTestKit.await(linger, Duration.ofSeconds(20), Duration.ofMillis(100));
        }
    }
}
