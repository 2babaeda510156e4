package dev.iobuf;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@SuppressWarnings("restricted")
class LibcTest {

    @BeforeAll
    static void linuxOnly() {
        if (!Libc.LINUX) {
            org.junit.jupiter.api.Assumptions.abort("Libc binds Linux mmap/mlock; this is " + System.getProperty("os.name"));
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
        assertThat(Libc.syscallNumbers("amd64")).containsExactly(9, 11, 149, 28, 302);
        assertThat(Libc.syscallNumbers("aarch64")).containsExactly(222, 215, 228, 233, 261);
        assertThat(Libc.syscallNumbers("s390x")).as("unknown: no mmap'd slabs, Arena memory instead").isNull();
        assertThat(Libc.canMap()).as("this machine (%s)", System.getProperty("os.arch")).isTrue();
    }
}
