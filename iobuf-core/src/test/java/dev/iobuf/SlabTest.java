package dev.iobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class SlabTest {
    private static final long MIB = 1 << 20;

    // ------------------------------------------------------------ arena slabs

    @Test
    void allocatedSlabIsPageAlignedZeroedAndNotMapped() {
        try (Slab slab = Slab.allocated(10_000)) {
            MemorySegment s = slab.segment();
            assertThat(s.byteSize()).isEqualTo(10_000);
            assertThat(s.address() % AlignedMemory.pageSize()).isZero();
            assertThat(s.toArray(ValueLayout.JAVA_BYTE)).containsOnly(0);
            assertThat(slab.isMapped()).isFalse();
            assertThat(slab.options()).isEqualTo(SlabOptions.DEFAULT);
            assertThat(slab.isAlive()).isTrue();
        }
    }

    @Test
    void allocatedSlabIsInaccessibleAfterCloseAndCloseIsIdempotent() {
        Slab slab = Slab.allocated(4096);
        MemorySegment s = slab.segment();
        MemorySegment slice = s.asSlice(96, 8);
        slab.close();
        assertThat(slab.isAlive()).isFalse();
        assertThatThrownBy(() -> s.get(ValueLayout.JAVA_BYTE, 0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> slice.set(ValueLayout.JAVA_LONG, 0, 1L)).isInstanceOf(IllegalStateException.class);
        slab.close();
        assertThat(slab.isAlive()).isFalse();
    }

    @Test
    void slabSizeMustBePositive() {
        assertThatThrownBy(() -> Slab.allocated(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("slab size must be >= 1, got 0");
        assertThatThrownBy(() -> Slab.allocated(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Slab.mapped(0, SlabOptions.DEFAULT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Slab.mapped(4096, null)).isInstanceOf(NullPointerException.class);
    }

    // ------------------------------------------------------------ mapped slabs

    @Test
    void mappedSlabIsAPrivateAnonymousMappingRemovedOnClose() {
        requireLinux();
        Slab slab = Slab.mapped(5000, SlabOptions.DEFAULT);
        MemorySegment s = slab.segment();
        long address = s.address();
        assertThat(slab.isMapped()).isTrue();
        assertThat(s.byteSize()).isEqualTo(5000);
        assertThat(address % AlignedMemory.pageSize()).isZero();
        assertThat(ProcSelf.isMapped(address)).isTrue();
        assertThat(ProcSelf.isMapped(address + 8191)).as("rounded up to whole pages").isTrue();
        assertThat(s.toArray(ValueLayout.JAVA_BYTE)).containsOnly(0);
        s.set(ValueLayout.JAVA_LONG, 4992, 0x1122334455667788L);
        assertThat(s.get(ValueLayout.JAVA_LONG, 4992)).isEqualTo(0x1122334455667788L);

        slab.close();
        assertThat(ProcSelf.isMapped(address)).as("munmap ran").isFalse();
        assertThatThrownBy(() -> s.get(ValueLayout.JAVA_LONG, 0)).isInstanceOf(IllegalStateException.class);
        slab.close(); // idempotent, and no second munmap of a range someone else may own now
    }

    @Test
    void concurrentReaderSeesIllegalStateExceptionNotACrashWhenTheMappedSlabCloses() throws Exception {
        requireLinux();
        Slab slab = Slab.mapped(2 * MIB, SlabOptions.DEFAULT);
        MemorySegment s = slab.segment();
        CountDownLatch reading = new CountDownLatch(1);
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread reader = Thread.ofPlatform().start(() -> {
            long sum = 0;
            try {
                for (long i = 0; ; i = (i + 8) % (2 * MIB)) {
                    sum += s.get(ValueLayout.JAVA_LONG, i);
                    if (i == 0) {
                        reading.countDown();
                    }
                }
            } catch (Throwable t) {
                ended.set(t);
            }
            if (sum != 0) {
                ended.set(new AssertionError("a fresh mapping read non-zero: " + sum));
            }
        });
        reading.await();
        slab.close();
        reader.join(10_000);
        assertThat(reader.isAlive()).isFalse();
        assertThat(ended.get()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void concurrentClosesFreeOnceAndNeitherFails() throws Exception {
        requireLinux();
        for (int round = 0; round < 20; round++) {
            Slab slab = Slab.mapped(64 * 1024, SlabOptions.DEFAULT);
            long address = slab.segment().address();
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> closers = new ArrayList<>();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            for (int t = 0; t < 2; t++) {
                closers.add(Thread.ofPlatform().start(() -> {
                    try {
                        go.await();
                        slab.close();
                    } catch (Throwable e) {
                        failure.set(e);
                    }
                }));
            }
            go.countDown();
            for (Thread t : closers) {
                t.join();
            }
            assertThat(failure.get()).isNull();
            assertThat(slab.isAlive()).isFalse();
            assertThat(ProcSelf.isMapped(address)).isFalse();
        }
    }

    @Test
    void hugePagesAlignTheSlabAndAdviseTheKernel() {
        requireLinux();
        long huge = AlignedMemory.hugePageSize();
        try (Slab slab = Slab.mapped(3 * MIB, SlabOptions.DEFAULT.withHugePages(true))) {
            MemorySegment s = slab.segment();
            assertThat(s.address() % huge).isZero();
            assertThat(s.byteSize()).isEqualTo(3 * MIB);
            assertThat(ProcSelf.isMapped(s.address() + AlignedMemory.alignUp(3 * MIB, huge) - 1))
                    .as("length rounded up to whole huge pages").isTrue();
            assertThat(ProcSelf.vmFlags(s.address())).get().asString().contains("hg");
            assertThat(slab.options().hugePages()).isTrue();
            s.set(ValueLayout.JAVA_BYTE, 0, (byte) 1);
        }
    }

    @Test
    void lockedSlabCountsInVmLckUntilClosed() {
        requireLinux();
        long before = ProcSelf.lockedBytes();
        Slab slab;
        try {
            slab = Slab.mapped(4 * MIB, SlabOptions.DEFAULT.withLocked(true));
        } catch (NativeMemoryException e) {
            Assumptions.abort("this process may not lock 4 MiB (no CAP_IPC_LOCK, low ulimit -l): " + e.getMessage());
            return;
        }
        assertThat(ProcSelf.lockedBytes() - before).isEqualTo(4 * MIB);
        assertThat(ProcSelf.vmFlags(slab.segment().address())).get().asString().contains("lo");
        slab.close();
        assertThat(ProcSelf.lockedBytes()).isEqualTo(before);
    }

    @Test
    void mmapFailureNamesTheCallTheSizeAndTheErrno() {
        requireLinux();
        assertThatThrownBy(() -> Slab.mapped(1L << 50, SlabOptions.DEFAULT))
                .isInstanceOfSatisfying(NativeMemoryException.class, e -> {
                    assertThat(e.call()).isEqualTo("mmap");
                    assertThat(e.errno()).isEqualTo(Libc.ENOMEM);
                })
                .hasMessageContaining("mmap of " + (1L << 50) + " bytes failed: ENOMEM (errno 12)")
                .hasMessageContaining("fewer or smaller buffers");
    }

    // ------------------------------------------------------------ messages for refused options

    @Test
    void mlockFailureMessageNamesTheLimitAndEveryFix() {
        NativeMemoryException e = Slab.mlockFailure(Libc.ENOMEM, 2 * MIB, 65536);
        assertThat(e.call()).isEqualTo("mlock");
        assertThat(e.errno()).isEqualTo(Libc.ENOMEM);
        assertThat(e.getMessage())
                .contains("mlock of 2097152 bytes failed: ENOMEM (errno 12)")
                .contains("RLIMIT_MEMLOCK is 65536 bytes (ulimit -l 64)")
                .contains("CAP_IPC_LOCK")
                .contains("ulimit -l 2048")
                .contains("LimitMEMLOCK=")
                .contains("--ulimit memlock=-1")
                .contains("SlabOptions.locked");
        assertThat(Slab.mlockFailure(Libc.EPERM, 4096, 0).getMessage()).contains("EPERM").contains("is 0 bytes");
        assertThat(Slab.mlockFailure(Libc.ENOMEM, 4096, Libc.RLIM_INFINITY).getMessage()).contains("is unlimited");
        assertThat(Slab.mlockFailure(Libc.ENOMEM, 4096, -2).getMessage()).contains("is unknown");
        assertThat(Slab.mlockFailure(Libc.EAGAIN, 4096, 0).getMessage()).contains("EAGAIN")
                .contains("could not be locked right now");
    }

    @Test
    void madviseFailureMessageNamesTheKernelFeature() {
        NativeMemoryException e = Slab.madviseFailure(Libc.EINVAL);
        assertThat(e.call()).isEqualTo("madvise");
        assertThat(e.getMessage()).contains("MADV_HUGEPAGE").contains("EINVAL")
                .contains("CONFIG_TRANSPARENT_HUGEPAGE").contains("without SlabOptions.hugePages");
        assertThat(Slab.madviseFailure(Libc.EPERM).getMessage()).contains("EPERM");
    }

    @Test
    void mlockBeyondTheLimitFailsWithTheFixInTheMessage() throws Exception {
        requireLinux();
        List<String> prefix = new ArrayList<>(List.of("prlimit", "--memlock=65536:65536"));
        if (isRoot()) {
            prefix.addAll(List.of("setpriv", "--bounding-set", "-ipc_lock", "--inh-caps", "-ipc_lock", "--"));
        }
        for (String tool : List.of("prlimit", "setpriv")) {
            if (!onPath(tool)) {
                Assumptions.abort(tool + " (util-linux) is not installed: cannot run a JVM without CAP_IPC_LOCK");
            }
        }
        ChildJvm.Result r = ChildJvm.run(prefix, List.of("-Xmx64m"), MlockProbe.class);
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output())
                .contains("call=mlock")
                .containsPattern("errno=(12|1)\\b")
                .contains("RLIMIT_MEMLOCK is 65536 bytes (ulimit -l 64)")
                .contains("CAP_IPC_LOCK")
                .contains("VmLck=0");
    }

    private static boolean isRoot() throws Exception {
        return Files.readString(Path.of("/proc/self/status")).lines()
                .anyMatch(l -> l.startsWith("Uid:") && l.split("\\s+")[1].equals("0"));
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    static void requireLinux() {
        if (!Libc.LINUX) {
            Assumptions.abort("mapped slabs need Linux; this is " + System.getProperty("os.name"));
        }
    }
}
