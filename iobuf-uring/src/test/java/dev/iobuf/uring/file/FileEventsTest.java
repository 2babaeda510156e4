package dev.iobuf.uring.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dev.iobuf.FileRead / FileWrite: one event per transfer that passes the threshold, with path and bytes. */
abstract class FileEventsTest extends FileTransportSuite {
    @TempDir
    Path dir;

    @Test
    void readsAndWritesAreRecordedWithPathAndBytes() throws Exception {
        Path p = dir.resolve("data");
        Path jfr = dir.resolve("file.jfr");
        try (FileIo io = service();
             Arena arena = Arena.ofConfined();
             Recording r = new Recording()) {
            MemorySegment buf = arena.allocate(4096, 4096);
            r.enable("dev.iobuf.FileRead").withThreshold(Duration.ZERO);
            r.enable("dev.iobuf.FileWrite").withThreshold(Duration.ZERO);
            r.start();
            try (UringFile f = io.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
                assertThat(f.write(buf, 0)).isEqualTo(4096);
                assertThat(f.read(buf, 0)).isEqualTo(4096);
                assertThat(f.read(buf, 4096)).isEqualTo(-1);
                f.force(true);
            }
            r.stop();
            r.dump(jfr);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(jfr).stream()
                .filter(e -> e.getEventType().getName().startsWith("dev.iobuf.File"))
                .sorted((a, b) -> a.getStartTime().compareTo(b.getStartTime()))
                .toList();
        assertThat(events).extracting(e -> e.getEventType().getName())
                .containsExactly("dev.iobuf.FileWrite", "dev.iobuf.FileRead", "dev.iobuf.FileRead");
        assertThat(events).allMatch(e -> e.getString("path").equals(p.toString()));
        assertThat(events.get(0).getLong("bytesWritten")).isEqualTo(4096);
        assertThat(events.get(1).getLong("bytesRead")).isEqualTo(4096);
        assertThat(events.get(1).getBoolean("endOfFile")).isFalse();
        assertThat(events.get(2).getLong("bytesRead")).isZero();
        assertThat(events.get(2).getBoolean("endOfFile")).isTrue();
        Files.deleteIfExists(jfr);
    }
}
