package dev.iobuf.uring;

import static dev.iobuf.liburing.LibUring.*;
import static dev.iobuf.liburing.NewerKernelConstants.*;
import static dev.iobuf.uring.RingTestSupport.ring;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Each setup option: the kernel got what we asked (read back from the params it accepted and the
 * features it reported), and where the effect is observable, the effect itself.
 */
@KernelTest
class RingSetupTest {

    @Test
    void defaultsAreTheFastestSafeSetThisKernelAccepts() {
        try (Ring r = ring(8)) {
            assertThat(r.sqEntries()).isEqualTo(8);
            assertThat(r.cqEntries()).isEqualTo(16);
            assertThat(r.has(SetupFlag.SQPOLL)).isFalse();
            assertThat(r.has(SetupFlag.DEFER_TASKRUN)).isFalse();
            assertThat(r.has(SetupFlag.CLAMP)).isTrue();
            for (SetupFlag f : new SetupFlag[] {SetupFlag.SUBMIT_ALL, SetupFlag.COOP_TASKRUN, SetupFlag.TASKRUN_FLAG,
                    SetupFlag.SINGLE_ISSUER, SetupFlag.NO_SQARRAY}) {
                assertThat(r.has(f)).as("default %s on %s", f, Kernel.describe()).isEqualTo(Kernel.atLeast(f.since()));
            }
            assertThat(r.isRingFdRegistered()).isEqualTo(Kernel.atLeast("5.18"));
            for (RingFeature f : RingFeature.values()) {
                // a kernel from f's version on has f; an older one may too, backported (Debian's 5.10 has
                // SQPOLL_NONFIXED from 5.11): Kernel.atLeast is only a lower bound
                if (Kernel.atLeast(f.since())) {
                    assertThat(r.has(f)).as("feature %s on %s", f, Kernel.describe()).isTrue();
                }
            }
            assertThat(r.features() & ~knownFeatureBits()).as("feature bits this library does not name").isZero();
            nops(r, 20);
        }
    }

    @Test
    void explicitFlagsReachTheKernelAndExplicitOffStaysOff() {
        try (Ring on = ring(() -> Ring.builder().entries(8).singleIssuer(true).coopTaskrun(true).submitAll(true)
                .noSqArray(true).registerRingFd(true).build());
             Ring off = ring(() -> Ring.builder().entries(8).singleIssuer(false).coopTaskrun(false).submitAll(false)
                .noSqArray(false).registerRingFd(false).build())) {
            int wanted = IORING_SETUP_SINGLE_ISSUER() | IORING_SETUP_COOP_TASKRUN() | IORING_SETUP_TASKRUN_FLAG()
                    | IORING_SETUP_SUBMIT_ALL() | IORING_SETUP_NO_SQARRAY();
            assertThat(on.setupFlags() & wanted).isEqualTo(wanted);
            assertThat(on.isRingFdRegistered()).isTrue();
            assertThat(off.setupFlags() & wanted).isZero();
            assertThat(off.isRingFdRegistered()).isFalse();
            nops(on, 20);
            nops(off, 20);
        }
    }

    @Test
    void cqSizeIsWhatTheKernelAllocated() {
        try (Ring r = ring(() -> Ring.builder().entries(16).cqSize(1000).build())) {
            assertThat(r.has(SetupFlag.CQSIZE)).isTrue();
            assertThat(r.sqEntries()).isEqualTo(16);
            assertThat(r.cqEntries()).isEqualTo(1024);
            nops(r, 100);
        }
    }

    @Test
    void noSqArrayRingWrapsAroundCorrectly() {
        for (boolean noArray : new boolean[] {true, false}) {
            try (Ring r = ring(() -> Ring.builder().entries(4).noSqArray(noArray).build())) {
                assertThat(r.has(SetupFlag.NO_SQARRAY)).isEqualTo(noArray);
                for (int round = 0; round < 10; round++) {   // 30 SQEs through 4 slots
                    nops(r, 3);
                }
            }
        }
    }

    @Test
    void registeredRingFdIsUsedByTheOwnerAndBypassedByOtherThreads() throws Exception {
        try (Ring r = ring(() -> Ring.builder().entries(8).singleIssuer(false).registerRingFd(true).build())) {
            assertThat(r.isRingFdRegistered()).isTrue();
            nops(r, 4);
            // The registered index is per task: another thread must enter through the plain fd.
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread t = new Thread(() -> {
                try {
                    nops(r, 4);
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            t.start();
            t.join();
            assertThat(failure.get()).isNull();
            nops(r, 4);
        }
    }

    @Test
    void singleIssuerRefusesAnotherThreadAndStaysUsableForTheOwner() throws Exception {
        try (Ring r = ring(() -> Ring.builder().entries(8).singleIssuer(true).build())) {
            assertThat(r.has(SetupFlag.SINGLE_ISSUER)).isTrue();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread t = new Thread(() -> {
                try {
                    r.nextSqe().nop().userData(99);
                    r.submit();
                } catch (Throwable e) {
                    failure.set(e);
                }
            }, "not-the-issuer");
            t.start();
            t.join();
            assertThat(failure.get()).isInstanceOf(UringException.class)
                    .hasMessageContaining("EEXIST")
                    .hasMessageContaining("io_uring_enter(submit")
                    .hasMessageContaining("to_submit=1")
                    .hasMessageContaining("SINGLE_ISSUER")
                    .hasMessageContaining("not-the-issuer");
            assertThat(((UringException) failure.get()).errnoName()).isEqualTo("EEXIST");
            // The refused SQE is still in the SQ: the owner's next submit carries it.
            r.nextSqe().nop().userData(100);
            assertThat(r.submitAndWait(2)).isEqualTo(2);
            List<Long> seen = new ArrayList<>();
            r.reap((u, res, f) -> seen.add(u));
            assertThat(seen).containsExactly(99L, 100L);
            assertThat(r.inFlight()).isZero();
        }
    }

    @Test
    void deferTaskrunProducesCompletionsOnlyWhenTheOwnerEnters() throws Exception {
        try (Ring deferred = ring(() -> Ring.builder().entries(8).deferTaskrun(true).build());
             Ring coop = ring(() -> Ring.builder().entries(8).coopTaskrun(true).build())) {
            assertThat(deferred.setupFlags() & (IORING_SETUP_DEFER_TASKRUN() | IORING_SETUP_SINGLE_ISSUER()
                    | IORING_SETUP_TASKRUN_FLAG())).isEqualTo(IORING_SETUP_DEFER_TASKRUN() | IORING_SETUP_SINGLE_ISSUER()
                    | IORING_SETUP_TASKRUN_FLAG());
            assertThat(coop.has(SetupFlag.DEFER_TASKRUN)).isFalse();
            deferred.nextSqe().timeout(java.time.Duration.ofMillis(5)).userData(1);
            deferred.submit();
            coop.nextSqe().timeout(java.time.Duration.ofMillis(5)).userData(2);
            coop.submit();
            Thread.sleep(100);   // both timers fired long ago; this thread made syscalls (futex) meanwhile
            // COOP: the task work ran when this thread returned from a syscall, so the CQE is in the CQ.
            assertThat(coop.cqReady()).isEqualTo(1);
            // DEFER: nothing until the owner enters with GETEVENTS; the kernel flags the pending work.
            assertThat(deferred.cqReady()).isZero();
            int[] res = {0};
            assertThat(deferred.reap((u, r, f) -> res[0] = r)).isEqualTo(1);
            assertThat(res[0]).isEqualTo(-RingTestSupport.ETIME);
            assertThat(coop.reap((u, r, f) -> { })).isEqualTo(1);
        }
    }

    @Test
    void sqPollSubmitsWithoutEnteringTheKernel() throws Exception {
        List<String> before = sqPollThreads();
        try (Ring r = ring(() -> Ring.builder().entries(16).sqPoll(2000).build())) {
            assertThat(r.has(SetupFlag.SQPOLL)).isTrue();
            assertThat(r.has(SetupFlag.COOP_TASKRUN)).isFalse();
            assertThat(r.sqThreadIdle()).isEqualTo(2000);
            List<String> after = newSqPollThreads(before);
            assertThat(after).as("a new iou-sqp-<pid> kernel thread in /proc/self/task").hasSize(1);
            nops(r, 4);   // may wake the poller
            long enters = r.enterCalls();
            for (int i = 0; i < 16; i++) {
                r.nextSqe().nop().userData(i);
            }
            assertThat(r.submit()).isEqualTo(16);
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (r.cqReady() < 16 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(r.cqReady()).isEqualTo(16);
            assertThat(r.reap((u, res, f) -> assertThat(res).isZero())).isEqualTo(16);
            assertThat(r.enterCalls()).as("io_uring_enter calls for 16 SQEs and their CQEs").isEqualTo(enters);
        }
    }

    @Test
    void sqPollCpuPinsThePoller() throws Exception {
        int cpu = Runtime.getRuntime().availableProcessors() - 1;
        List<String> before = sqPollThreads();
        try (Ring r = ring(() -> Ring.builder().entries(8).sqPoll(1000).sqPollCpu(cpu).build())) {
            assertThat(r.has(SetupFlag.SQ_AFF)).isTrue();
            assertThat(r.sqThreadCpu()).isEqualTo(cpu);
            List<String> after = newSqPollThreads(before);
            assertThat(after).hasSize(1);
            String tid = after.get(0).substring(after.get(0).indexOf('@') + 1);
            // The poller pins itself right after naming itself: allow it that moment.
            String pinned = "Cpus_allowed_list:\t" + cpu + "\n";
            long deadline = System.nanoTime() + 1_000_000_000L;
            String status = Files.readString(Path.of("/proc/self/task", tid, "status"));
            while (!status.contains(pinned) && System.nanoTime() < deadline) {
                Thread.sleep(1);
                status = Files.readString(Path.of("/proc/self/task", tid, "status"));
            }
            assertThat(status).contains(pinned);
            nops(r, 4);
        }
    }

    static void nops(Ring r, int n) {
        for (int i = 0; i < n; i++) {
            r.nextSqe().nop().userData(i);
        }
        r.submitAndWait(n);
        int[] seen = {0};
        r.reap((u, res, f) -> {
            assertThat(res).isZero();
            seen[0]++;
        });
        assertThat(seen[0]).isEqualTo(n);
        assertThat(r.inFlight()).isZero();
    }

    /** SQPOLL threads not in {@code before}; the poller names itself once it runs, so wait a little. */
    private static List<String> newSqPollThreads(List<String> before) throws Exception {
        long deadline = System.nanoTime() + 2_000_000_000L;
        for (;;) {
            List<String> now = sqPollThreads();
            now.removeAll(before);
            if (!now.isEmpty() || System.nanoTime() > deadline) {
                return now;
            }
            Thread.sleep(1);
        }
    }

    private static List<String> sqPollThreads() throws Exception {
        List<String> out = new ArrayList<>();
        for (String name : RingTestSupport.threadNames()) {
            if (name.startsWith("iou-sqp-")) {
                out.add(name);
            }
        }
        return out;
    }

    private static int knownFeatureBits() {
        int bits = 0;
        for (RingFeature f : RingFeature.values()) {
            bits |= f.bit();
        }
        return bits;
    }

    @Test
    void explicitOptionsThatExcludeEachOtherFailBeforeAnySystemCall() {
        assertThatThrownBy(() -> Ring.builder().sqPoll(10).deferTaskrun(true).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SQPOLL and DEFER_TASKRUN");
        assertThatThrownBy(() -> Ring.builder().sqPoll(10).coopTaskrun(true).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SQPOLL and COOP_TASKRUN");
        assertThatThrownBy(() -> Ring.builder().singleIssuer(false).deferTaskrun(true).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DEFER_TASKRUN needs SINGLE_ISSUER");
        assertThatThrownBy(() -> Ring.builder().entries(64).cqSize(32).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cqSize (32) must be >= entries (64)");
        assertThatThrownBy(() -> Ring.builder().sqPollCpu(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs sqPoll");
        assertThatThrownBy(() -> Ring.builder().entries(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ring.builder().entries(65536)).isInstanceOf(IllegalArgumentException.class);
    }
}
