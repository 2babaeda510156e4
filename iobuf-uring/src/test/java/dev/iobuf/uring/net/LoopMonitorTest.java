package dev.iobuf.uring.net;

import static dev.iobuf.uring.net.NetTestSupport.anyPort;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each running loop is an MBean dev.iobuf:type=EventLoop,name=<thread> and sends periodic JFR summaries. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
abstract class LoopMonitorTest extends TransportSuite {
    private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();

    @Test
    void everyLoopIsAnMBeanWithItsCountersUntilItEnds() throws Exception {
        EchoHandler echo = new EchoHandler();
        EventLoopGroup group = group(b -> b.threadName("jmx-test-"));
        Listener listener = group.listen(anyPort(), echo);
        List<ObjectName> names = List.of(name("jmx-test-0"), name("jmx-test-1"));
        assertThat(names).allMatch(JMX::isRegistered);
        assertThat(JMX.getMBeanInfo(names.getFirst()).getAttributes())
                .hasSize(NetCounters.class.getRecordComponents().length);
        try (Socket s = NetTestSupport.jdkClient(listener.port())) {
            s.getOutputStream().write(new byte[100]);
            NetTestSupport.readExactly(s.getInputStream(), 100);
            long open = 0;
            long received = 0;
            for (ObjectName n : names) {
                open += (Long) JMX.getAttribute(n, "connectionsOpen");
                received += (Long) JMX.getAttribute(n, "bytesReceived");
            }
            assertThat(open).isEqualTo(1);
            assertThat(received).isEqualTo(100);
            assertThat(JMX.getAttributes(names.getFirst(), new String[] {"loops", "fdsOpened", "nope"}).asList())
                    .as("unknown attributes are left out").hasSize(2);
        }
        NetTestSupport.shutdownClean(group);
        assertThat(names).noneMatch(JMX::isRegistered);
    }

    @Test
    void aRecordingGetsPeriodicConnectionSummariesFromEveryLoop() throws Exception {
        Path file = Files.createTempFile("summary", ".jfr");
        EchoHandler echo = new EchoHandler();
        EventLoopGroup group = group(b -> b.threadName("jfr-test-"));
        try (Recording r = new Recording()) {
            r.enable("dev.iobuf.ConnectionSummary").withPeriod(Duration.ofMillis(100));
            r.start();
            Listener listener = group.listen(anyPort(), echo);
            for (int i = 0; i < 3; i++) {
                try (Socket s = NetTestSupport.jdkClient(listener.port())) {
                    s.getOutputStream().write(new byte[10]);
                    NetTestSupport.readExactly(s.getInputStream(), 10);
                }
            }
            assertThat(NetTestSupport.await(() -> echo.closed == 3, Duration.ofSeconds(5))).isTrue();
            // The summaries come from JFR's periodic thread through each loop: wait until they account for all
            // three connections (or 10 s pass), however late a loaded machine runs them; then check exact sums.
            NetTestSupport.await(() -> accountsForAll(summaries(r, file)), Duration.ofSeconds(10), Duration.ofMillis(100));
            r.stop();
        } finally {
            NetTestSupport.shutdownClean(group);
        }
        List<RecordedEvent> events = summaries(RecordingFile.readAllEvents(file));
        Files.delete(file);
        assertThat(events).extracting(e -> e.getString("loop")).contains("jfr-test-0", "jfr-test-1");
        assertThat(events.stream().mapToLong(e -> e.getLong("accepted")).sum()).as("deltas add up").isEqualTo(3);
        assertThat(events.stream().mapToLong(e -> e.getLong("closed")).sum()).isEqualTo(3);
        assertThat(events.stream().mapToLong(e -> e.getLong("bytesReceived")).sum()).isEqualTo(30);
    }

    /** The summaries of this test's loops that the running recording {@code r} holds so far (dumped to {@code file}). */
    private static List<RecordedEvent> summaries(Recording r, Path file) {
        try {
            r.dump(file);
            return summaries(RecordingFile.readAllEvents(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<RecordedEvent> summaries(List<RecordedEvent> all) {
        return all.stream()
                .filter(e -> e.getEventType().getName().equals("dev.iobuf.ConnectionSummary"))
                .filter(e -> e.getString("loop").startsWith("jfr-test-"))
                .toList();
    }

    private static boolean accountsForAll(List<RecordedEvent> events) {
        return events.stream().map(e -> e.getString("loop")).distinct().count() == 2
                && events.stream().mapToLong(e -> e.getLong("closed")).sum() >= 3
                && events.stream().mapToLong(e -> e.getLong("bytesReceived")).sum() >= 30;
    }

    @Test
    void twoGroupsWithOneThreadNamePrefixGetAnMBeanForEveryLoop() throws Exception {
        EventLoopGroup first = group(b -> b.threadName("jmx-twin-"));
        EventLoopGroup second = group(b -> b.threadName("jmx-twin-"));
        try {
            List<ObjectName> names = List.of(name("jmx-twin-0"), name("jmx-twin-1"), name("jmx-twin-0#2"),
                    name("jmx-twin-1#2"));
            assertThat(NetTestSupport.await(() -> names.stream().allMatch(JMX::isRegistered), Duration.ofSeconds(10)))
                    .as("every loop of both groups registered under a name of its own: " + names).isTrue();
        } finally {
            NetTestSupport.shutdownClean(first);
            NetTestSupport.shutdownClean(second);
        }
        assertThat(JMX.queryNames(new ObjectName("dev.iobuf:type=EventLoop,name=\"jmx-twin-*\""), null)).isEmpty();
    }

    private static ObjectName name(String loop) throws Exception {
        return new ObjectName("dev.iobuf:type=EventLoop,name=" + ObjectName.quote(loop));
    }
}
