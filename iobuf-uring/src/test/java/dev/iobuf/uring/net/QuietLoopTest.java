package dev.iobuf.uring.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iobuf.uring.IoWorkerCaps;
import dev.iobuf.uring.KernelTest;
import dev.iobuf.uring.Ring;
import dev.iobuf.uring.RingFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Idle loops and the kernel's worker threads: NO_IOWAIT keeps an idle loop out of the iowait column of
 * /proc/stat (compared with the same loops waiting without it), and the group's io-wq caps reach every loop.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@KernelTest
class QuietLoopTest {
    private static final int WINDOWS = 4;
    private static final long WINDOW_MS = 400;

    /**
     * Two witnesses of iowait: the iowait column of /proc/stat (USER_HZ ticks; the kernel counts it only on an idle
     * CPU, so a busy machine shows none), and the io "some" total of /proc/pressure/io (microseconds with at least
     * one task in iowait; counted on busy CPUs too, but system-wide: other processes' I/O and idle io_uring loops
     * add to it). Each is read over {@value #WINDOWS} windows with no loop of ours (the baseline), with two idle
     * loops waiting without NO_IOWAIT (the control) and with two waiting with it; the quietest window of each
     * counts (others only ever add). A witness is asserted on only where the control stands out of the baseline
     * (else this machine cannot show the effect: reported); if neither can, the test is skipped, saying why.
     */
    @Test
    void idleLoopsWithNoIowaitDoNotShowAsIowait() throws Exception {
        try (Ring probe = NetTestSupport.ringOrSkip()) {
            Assumptions.assumeTrue(probe.has(RingFeature.NO_IOWAIT), "SKIPPED: this kernel (" + System.getProperty("os.version")
                    + ") has no IORING_FEAT_NO_IOWAIT (Linux 6.15): the loops wait as the kernel accounts them");
        }
        int fds = NetTestSupport.openFds();
        // Twice at most: the witnesses are system-wide, and another process's I/O in the quiet windows of one
        // attempt can hide the effect; with NO_IOWAIT broken, quiet stands out as the control does in both.
        String failed = measureAndCompare();
        if (failed != null) {
            System.out.println("[quiet loops] again after: " + failed);
            failed = measureAndCompare();
        }
        assertThat(NetTestSupport.openFds()).as("/proc/self/fd after the groups").isEqualTo(fds);
        assertThat(failed).as("idle loops with NO_IOWAIT show less than a third of the control's iowait").isNull();
    }

    /** One baseline, control and quiet measurement: null if quiet shows the effect, else what was seen. */
    private static String measureAndCompare() throws Exception {
        long[] baseline = idleIowait(null);
        long[] control = idleIowait(false);
        long[] quiet = idleIowait(true);
        String seen = "quietest of " + WINDOWS + " " + WINDOW_MS + " ms windows, no loops / 2 idle loops without "
                + "NO_IOWAIT / with: /proc/stat iowait ticks " + baseline[0] + " / " + control[0] + " / " + quiet[0]
                + "; /proc/pressure/io some us " + baseline[1] + " / " + control[1] + " / " + quiet[1];
        System.out.println("[quiet loops] " + seen);
        boolean statVisible = control[0] - baseline[0] >= WINDOW_MS / 100;             // a tenth of a CPU's ticks
        boolean psiVisible = control[1] - baseline[1] >= WINDOW_MS * 1000 / 5          // a fifth of the window
                && baseline[1] < control[1] / 2;
        Assumptions.assumeTrue(statVisible || psiVisible, "SKIPPED: this machine cannot show the effect: two idle loops "
                + "without NO_IOWAIT do not stand out of what others add (" + seen + ")");
        boolean statQuiet = !statVisible || quiet[0] - baseline[0] < (control[0] - baseline[0]) / 3;
        boolean psiQuiet = !psiVisible || quiet[1] - baseline[1] < (control[1] - baseline[1]) / 3;
        return statQuiet && psiQuiet ? null : seen;
    }

    /** {/proc/stat iowait ticks, /proc/pressure/io some us}: the least of each over windows (two idle loops unless null). */
    private static long[] idleIowait(Boolean noIowait) throws Exception {
        EventLoopGroup group = noIowait == null ? null : NetTestSupport.group(b -> b.noIowait(noIowait));
        try {
            if (group != null) {
                group.listen(NetTestSupport.anyPort(), (c, buffer, offset, length) -> c.write(buffer, offset, length));
            }
            Thread.sleep(200);              // the loops are in their wait, with the accepts in flight
            long[] least = {Long.MAX_VALUE, Long.MAX_VALUE};
            for (int i = 0; i < WINDOWS; i++) {
                long stat = statIowait();
                long psi = psiIoSome();
                Thread.sleep(WINDOW_MS);
                least[0] = Math.min(least[0], statIowait() - stat);
                least[1] = Math.min(least[1], psiIoSome() - psi);
            }
            return least;
        } finally {
            if (group != null) {
                NetTestSupport.shutdownClean(group);
            }
        }
    }

    /** The iowait column (the 5th number) of the aggregate "cpu" line of /proc/stat. */
    private static long statIowait() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst();
        return Long.parseLong(cpu.trim().split("\\s+")[5]);
    }

    /** The "some" total of /proc/pressure/io, or 0 where PSI is off (no file). */
    private static long psiIoSome() throws IOException {
        Path psi = Path.of("/proc/pressure/io");
        if (!Files.isReadable(psi)) {
            return 0;
        }
        String some = Files.readAllLines(psi).getFirst();
        return Long.parseLong(some.substring(some.indexOf("total=") + 6).trim());
    }

    @Test
    void everyLoopRunsWithTheGroupsWorkerCaps() throws Exception {
        int fds = NetTestSupport.openFds();
        EventLoopGroup capped = NetTestSupport.group(b -> b.maxWorkers(2, 3));
        EventLoopGroup plain = NetTestSupport.group(b -> { });
        try {
            assertThat(caps(capped)).containsOnly(new IoWorkerCaps(2, 3)).hasSize(2);
            assertThat(caps(plain)).as("the kernel's defaults (bounded: min(SQ entries, 4 x CPUs); unbounded: RLIMIT_NPROC)")
                    .doesNotContain(new IoWorkerCaps(2, 3)).hasSize(2);
        } finally {
            NetTestSupport.shutdownClean(capped);
            NetTestSupport.shutdownClean(plain);
        }
        assertThat(NetTestSupport.openFds()).isEqualTo(fds);
    }

    @Test
    void negativeCapsAreRefusedNamingThem() {
        assertThatThrownBy(() -> EventLoopGroup.builder().maxWorkers(-1, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bounded=-1");
    }

    /**
     * Each loop's io-wq caps, read on its thread through a ring of the test's own: io-wq belongs to the thread (its
     * io_uring task context), and the kernel answers with the calling thread's caps whichever of its rings asks.
     */
    private static List<IoWorkerCaps> caps(EventLoopGroup group) throws Exception {
        List<IoWorkerCaps> out = new ArrayList<>();
        for (EventLoop loop : group.loops()) {
            CompletableFuture<IoWorkerCaps> f = new CompletableFuture<>();
            loop.execute(() -> {
                try (Ring probe = Ring.open(8)) {
                    f.complete(IoWorkerCaps.apply(probe, new IoWorkerCaps(0, 0)));
                } catch (RuntimeException | Error e) {
                    f.completeExceptionally(e);
                }
            });
            out.add(f.get(10, TimeUnit.SECONDS));
        }
        return out;
    }
}
