package dev.iobuf.uring.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.uring.MemlockChild;
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
        MemlockChild.Result r = MemlockChild.run(0, TransportFallbackChild.class, EchoHandler.class);
        if (r.text().contains("TRANSPORT IO_URING")) {
            Assumptions.abort("io_uring started under RLIMIT_MEMLOCK=0 here (the kernel charges no locked memory "
                    + "for what the loops ask), so nothing refuses it and the fallback cannot be shown: " + r.text());
        }
        assertThat(r.exitCode()).as("child exit code, output:\n%s", r.text()).isZero();
        assertThat(r.lines()).as(r.text()).contains("TRANSPORT NIO", "ECHO ping");
        List<String> said = r.lines().stream().filter(l -> l.contains("io_uring refused, running on JDK NIO instead"))
                .toList();
        assertThat(said).as("one INFO line, output:\n%s", r.text()).hasSize(1);
        assertThat(said.get(0)).as("why, and the remedy the exception carries").contains("RLIMIT_MEMLOCK", "ulimit -l");
        assertThat(r.text()).as("the INFO level").contains("INFO: EventLoopGroup: io_uring refused");
        assertThat(r.lines()).as(r.text()).anyMatch(l -> l.startsWith("IO_URING_REFUSED MemlockLimitException"));
    }
}
