package dev.iobuf.uring.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.uring.UnprivilegedChild;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Transport.AUTO for real: a child JVM whose io_uring is refused (RLIMIT_MEMLOCK 0 for an unprivileged
 * user: the loops' rings and buffer rings cannot be pinned) starts its group on NIO, serves through it,
 * logs why in one INFO line with the remedy, while Transport.IO_URING still fails as before.
 */
class TransportFallbackTest {

    @Test
    void autoFallsBackToNioWithOneLineWhereIoUringIsRefusedAndIoUringStillFails() throws Exception {
        List<String> lines = UnprivilegedChild.run(0, TransportFallbackChild.class);     // fails unless it exits 0
        String text = String.join("\n", lines);
        if (text.contains("TRANSPORT IO_URING")) {
            Assumptions.abort("io_uring started under RLIMIT_MEMLOCK=0 here (the kernel charges no locked memory "
                    + "for what the loops ask), so nothing refuses it and the fallback cannot be shown: " + text);
        }
        assertThat(lines).as(text).contains("TRANSPORT NIO", "ECHO ping");
        List<String> said = lines.stream().filter(l -> l.contains("io_uring refused, running on JDK NIO instead")).toList();
        assertThat(said).as("one INFO line, output:\n%s", text).hasSize(1);
        assertThat(said.get(0)).as("why, and the remedy the exception carries").contains("RLIMIT_MEMLOCK", "ulimit -l");
        assertThat(text).as("the INFO level").contains("INFO: EventLoopGroup: io_uring refused");
        assertThat(lines).as(text).anyMatch(l -> l.startsWith("IO_URING_REFUSED MemlockLimitException"));
    }
}
