package dev.iobuf.uring.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;

/**
 * Child JVM of {@link LazyJfrTest}: serves one echo with no recording, prints whether JFR came up and a marker,
 * then serves again under a recording of the ring-setup and connection-summary events and prints each
 * recorded event of ours as {@code EVENT <name>}.
 */
public final class LazyJfrChild {
    private LazyJfrChild() {
    }

    public static void main(String[] args) throws Exception {
        serveOneEcho(Duration.ZERO);
        System.out.println("JFR_UP " + FlightRecorder.isInitialized());
        System.out.println("MARK recording");
        System.out.flush();
        Path file = Files.createTempFile("lazy-jfr", ".jfr");
        try (Recording r = new Recording()) {
            r.enable("dev.iobuf.RingSetup");
            r.enable("dev.iobuf.ConnectionSummary").withPeriod(Duration.ofMillis(100));
            r.start();
            serveOneEcho(Duration.ofMillis(500));  // long enough for a few periodic summaries
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

    private static void serveOneEcho(Duration linger) throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (EventLoopGroup group = EventLoopGroup.builder().threads(1).daemon(true).build()) {
            System.out.println("TRANSPORT " + group.transport());
            Listener listener = group.listen(new InetSocketAddress(loopback, 0), new EchoHandler());
            try (Socket s = new Socket(loopback, listener.port())) {
                s.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
                System.out.println("ECHO " + new String(s.getInputStream().readNBytes(4), StandardCharsets.US_ASCII));
            }
            Thread.sleep(linger.toMillis());
        }
    }
}
