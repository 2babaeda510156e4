package dev.iobuf.uring;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("restricted")
class MemlockBudgetTest {
    @TempDir
    Path dir;

    @Test
    void pinnedSpanRoundsToPagesAndCountsSharedPagesOnce() {
        MemorySegment[] s = {
            MemorySegment.ofAddress(0x10000).reinterpret(100),        // 1 page
            MemorySegment.ofAddress(0x10100).reinterpret(100),        // same page
            MemorySegment.ofAddress(0x20ff0).reinterpret(0x20),       // straddles 2 pages
            null,
            MemorySegment.ofAddress(0x40000).reinterpret(0x3000),     // 3 pages
        };
        assertThat(MemlockBudget.pinnedSpan(s, s.length, 4096)).isEqualTo((1 + 2 + 3) * 4096L);
        assertThat(MemlockBudget.pinnedSpan(s, s.length, 2L << 20)).as("all in one 2 MiB page").isEqualTo(2L << 20);
    }

    @Test
    void capIpcLockIsBit14OfCapEff() throws Exception {
        Path with = dir.resolve("with");
        Files.writeString(with, "Name:\tjava\nCapPrm:\t0000000000000000\nCapEff:\t0000000000004000\n");
        Path without = dir.resolve("without");
        Files.writeString(without, "CapEff:\t000001fffeffbfff\n");
        assertThat(MemlockBudget.readIpcLock(with)).isTrue();
        assertThat(MemlockBudget.readIpcLock(without)).isFalse();
        assertThat(MemlockBudget.readIpcLock(dir.resolve("missing"))).isFalse();
    }

    @Test
    void theMessageNamesTheLimitTheBytesAndEveryRemedy() {
        String m = new MemlockLimitException("io_uring_register(BUFFERS2)", -12,
                MemlockBudget.remedy(65536, 2105344, 2097152, 8192, 0, false), 65536, 2105344).getMessage();
        assertThat(m).contains("ENOMEM", "RLIMIT_MEMLOCK is 65536 bytes", "2105344 bytes must be locked",
                "2097152 for this registration", "8192 for the ring", "ulimit -l", "LimitMEMLOCK",
                "--ulimit memlock", "CAP_IPC_LOCK");
    }

    @Test
    void ringMemoryEstimateCoversRingsAndSqes() {
        try (Ring ring = RegisteredTestIo.ring(8)) {
            long page = MemlockBudget.page();
            assertThat(MemlockBudget.ringBytes(ring)).isEqualTo(2 * page);
        }
        try (Ring ring = RegisteredTestIo.ring(1024)) {
            // 4096 CQEs x 16 B + header, 1024 SQEs x 64 B
            assertThat(MemlockBudget.ringBytes(ring)).isGreaterThanOrEqualTo(64L * 1024 + 16L * ring.cqEntries());
        }
    }
}
