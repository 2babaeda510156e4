package dev.iobuf.uring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/** Runs an action under a JFR recording of some event types (threshold 0) and returns their events in time order. */
final class JfrCapture {
    interface Action {
        void run() throws Exception;
    }

    private JfrCapture() {
    }

    static List<RecordedEvent> record(List<String> events, Action action) throws Exception {
        Path file = Files.createTempFile("iobuf-jfr-", ".jfr");
        try {
            try (Recording r = new Recording()) {
                events.forEach(e -> r.enable(e).withThreshold(Duration.ZERO));
                r.start();
                action.run();
                r.stop();
                r.dump(file);
            }
            return RecordingFile.readAllEvents(file).stream()
                    .filter(e -> events.contains(e.getEventType().getName()))
                    .sorted(Comparator.comparing(RecordedEvent::getStartTime))
                    .toList();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
