package dev.iobuf.uring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Transport.AUTO for real: {@link FileIoFallbackProbe} in a child JVM whose RLIMIT_MEMLOCK (0) refuses
 * the file service's registered buffers, as an unprivileged user ({@link UnprivilegedChild}). The AUTO
 * service falls back to FileChannel, logs one INFO line that says why and how to get io_uring back, and
 * works; Transport.IO_URING fails as before.
 */
class FileIoFallbackTest {

    @Test
    void autoFallsBackToFileChannelWithOneInfoLineAndIoUringStillRefuses() throws Exception {
        List<String> lines = UnprivilegedChild.run(0, FileIoFallbackProbe.class);
        String all = String.join("\n", lines);
        assertThat(lines).as(all).contains("AUTO transport=NIO second=NIO", "IO_URING refused=MemlockLimitException",
                "DONE");
        assertThat(lines).as(all).anyMatch(l -> l.startsWith("ROUNDTRIP write=8192 read=8192 equal=true size=8292"));
        assertThat(lines).as(all).anyMatch(l -> l.startsWith("COUNTERS") && l.contains("openFiles=0, opsInUse=0"));
        List<String> info = lines.stream().filter(l -> l.contains("FileIo: io_uring refused, running on JDK NIO instead")).toList();
        assertThat(info).as("one fallback line for two services, in:\n%s", all).hasSize(1);
        assertThat(info.get(0)).as(all).contains("RLIMIT_MEMLOCK", "ulimit -l");
        assertThat(lines).as("the INFO level of the line, in:\n%s", all).anyMatch(l -> l.startsWith("INFO:"));
    }
}
