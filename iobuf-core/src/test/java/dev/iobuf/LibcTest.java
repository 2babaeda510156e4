package dev.iobuf;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@SuppressWarnings("restricted")
class LibcTest {

    @BeforeAll
    static void linuxOnly() {
        if (!Libc.LINUX) {
            Assumptions.abort("Libc binds Linux mmap/mlock; this is " + System.getProperty("os.name"));
        }
    }

    @Test
    void getpagesizeIsAPowerOfTwo() {
        int p = Libc.getpagesize();
        assertThat(p).isPositive();
        assertThat(Integer.bitCount(p)).isEqualTo(1);
    }

    @Test
    void mmapGivesZeroedWritablePagesAndMunmapRemovesThem() {
        long[] out = new long[1];
        assertThat(Libc.mmapAnonymous(8192, out)).isZero();
        long address = out[0];
        assertThat(address % Libc.getpagesize()).isZero();
        assertThat(ProcSelf.isMapped(address)).isTrue();
        MemorySegment s = MemorySegment.ofAddress(address).reinterpret(8192);
        assertThat(s.get(ValueLayout.JAVA_LONG, 8184)).isZero();
        s.set(ValueLayout.JAVA_LONG, 8184, 42L);
        assertThat(s.get(ValueLayout.JAVA_LONG, 8184)).isEqualTo(42L);
        assertThat(Libc.munmap(address, 8192)).isZero();
        assertThat(ProcSelf.isMapped(address)).isFalse();
    }

    @Test
    void errnoIsCapturedFromTheFailingCall() {
        long[] out = {-7};
        // 2^50 bytes is more than any user address space (47-bit, or 56-bit only on request)
        assertThat(Libc.mmapAnonymous(1L << 50, out)).isEqualTo(Libc.ENOMEM);
        assertThat(out[0]).as("address untouched on failure").isEqualTo(-7);
        // munmap and madvise insist on a page-aligned address
        assertThat(Libc.munmap(1, 4096)).isEqualTo(Libc.EINVAL);
        assertThat(Libc.madvise(1, 4096, Libc.MADV_HUGEPAGE)).isEqualTo(Libc.EINVAL);
        // mlock of a range that is not mapped
        assertThat(Libc.mlock(4096, 4096)).isEqualTo(Libc.ENOMEM);
    }

    @Test
    void memlockLimitMatchesUlimit() throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "ulimit -l").start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor();
        long limit = Libc.memlockLimit();
        if (out.equals("unlimited")) {
            assertThat(limit).isEqualTo(Libc.RLIM_INFINITY);
        } else {
            assertThat(limit).isEqualTo(Long.parseLong(out) * 1024);
        }
    }

    @Test
    void errnoNamesAreSymbolic() {
        assertThat(Libc.errnoName(12)).isEqualTo("ENOMEM");
        assertThat(Libc.errnoName(1)).isEqualTo("EPERM");
        assertThat(Libc.errnoName(11)).isEqualTo("EAGAIN");
        assertThat(Libc.errnoName(22)).isEqualTo("EINVAL");
        assertThat(Libc.errnoName(9999)).isEqualTo("errno 9999");
    }

    @Test
    void systemCallNumbersAreKnownForX8664AndAarch64Only() {
        assertThat(Libc.syscallNumbers("x86_64")).isEqualTo(Libc.syscallNumbers("amd64")).isNotNull();
        assertThat(Libc.syscallNumbers("s390x")).as("unknown: no mmap'd slabs, Arena memory instead").isNull();
        assertThat(Libc.canMap()).as("this machine (%s)", System.getProperty("os.arch")).isTrue();
    }

    /**
     * The hand-listed numbers against the kernel's own headers, expanded by gcc's preprocessor (core cannot use
     * the bindings' generated numbers: both are bottom modules): x86-64's {@code asm/unistd_64.h}, and
     * {@code asm-generic/unistd.h}, which aarch64's {@code asm/unistd.h} includes for these five. Both headers come
     * with linux-libc-dev on an x86-64 Debian host.
     */
    @ParameterizedTest
    @CsvSource({"amd64, asm/unistd_64.h", "aarch64, asm-generic/unistd.h"})
    void systemCallNumbersAreTheKernelHeaders(String arch, String header, @TempDir Path dir) throws Exception {
        Path c = Files.writeString(dir.resolve("nr.c"), "#include <" + header + ">\n"
                + "NR __NR_mmap __NR_munmap __NR_mlock __NR_madvise __NR_prlimit64\n");
        Gcc.Result expanded = Gcc.run("-E", "-P", c.toString());
        if (expanded.exitCode() != 0 && expanded.output().contains(header)) {
            Assumptions.abort("<" + header + "> is not on this host (linux-libc-dev for x86-64 has both): "
                    + expanded.output());
        }
        assertThat(expanded.exitCode()).as(expanded.output()).isZero();
        String line = expanded.output().lines().filter(l -> l.startsWith("NR ")).findFirst().orElseThrow();
        long[] fromHeader = Arrays.stream(line.substring(3).trim().split("\\s+")).mapToLong(Long::parseLong).toArray();
        assertThat(Libc.syscallNumbers(arch)).as("mmap, munmap, mlock, madvise, prlimit64 on %s", arch)
                .containsExactly(fromHeader);
    }
}
