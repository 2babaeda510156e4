package dev.iobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AlignedMemoryTest {

    // ------------------------------------------------------------ page size

    @Test
    void osPageSizeIsWhatGetconfSays() throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("getconf", "PAGESIZE").redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("getconf is not installed, cannot cross-check the page size: " + e);
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        assertThat(p.waitFor()).isZero();
        assertThat(AlignedMemory.osPageSize()).isEqualTo(Integer.parseInt(out));
    }

    @Test
    void pageSizeWithoutPropertyIsTheOsPageSize() {
        Assumptions.assumeTrue(System.getProperty(AlignedMemory.PAGE_SIZE_PROPERTY) == null,
                "iobuf.pageSize is set for this test JVM; the default cannot be checked");
        assertThat(AlignedMemory.pageSize()).isEqualTo(AlignedMemory.osPageSize());
        assertThat(Integer.bitCount(AlignedMemory.pageSize())).isEqualTo(1);
    }

    @Test
    void resolvePageSizeTakesAValidProperty() {
        assertThat(AlignedMemory.resolvePageSize(null, 4096)).isEqualTo(4096);
        assertThat(AlignedMemory.resolvePageSize("4096", 4096)).isEqualTo(4096);
        assertThat(AlignedMemory.resolvePageSize("16384", 4096)).isEqualTo(16384);
        assertThat(AlignedMemory.resolvePageSize(" 2097152 ", 4096)).isEqualTo(2097152);
        assertThat(AlignedMemory.resolvePageSize("1073741824", 4096)).isEqualTo(1 << 30);
        assertThat(AlignedMemory.resolvePageSize(null, 65536)).isEqualTo(65536);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc", "0", "-4096", "4095", "6144", "2048", "2147483648", "0x1000", "4096.0",
            "2147483647"})
    void resolvePageSizeRejectsABadPropertyNamingItAndTheFix(String bad) {
        assertThatThrownBy(() -> AlignedMemory.resolvePageSize(bad, 4096))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("iobuf.pageSize='" + bad + "'")
                .hasMessageContaining("power of two")
                .hasMessageContaining("4096");
    }

    @Test
    void resolvePageSizeRejectsValuesBelowTheOsPage() {
        assertThatThrownBy(() -> AlignedMemory.resolvePageSize("4096", 16384))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OS page size 16384");
    }

    @Test
    void pageSizeOverrideAppliesAndABadOneDoesNotStick() throws Exception {
        ChildJvm.Result bad = ChildJvm.run(List.of(),
                List.of("-Diobuf.pageSize=3000", "-Diobuf.cacheLine=48"), PropertyProbe.class, "16384", "256");
        assertThat(bad.exitCode()).as(bad.output()).isZero();
        assertThat(bad.output())
                .contains("page error: system property iobuf.pageSize='3000' is not a power of two")
                .contains("line error: system property iobuf.cacheLine='48' is not a power of two")
                .contains("page=16384 aligned=true")
                .contains("line=256");

        ChildJvm.Result good = ChildJvm.run(List.of(),
                List.of("-Diobuf.pageSize=65536", "-Diobuf.cacheLine=128"), PropertyProbe.class);
        assertThat(good.exitCode()).as(good.output()).isZero();
        assertThat(good.output()).contains("page=65536 aligned=true").contains("line=128").doesNotContain("error");
    }

    // ------------------------------------------------------------ cache line and huge page

    @Test
    void cacheLineIs64OnX86And128OnArm() {
        assertThat(AlignedMemory.resolveCacheLine(null, "amd64")).isEqualTo(64);
        assertThat(AlignedMemory.resolveCacheLine(null, "x86_64")).isEqualTo(64);
        assertThat(AlignedMemory.resolveCacheLine(null, "aarch64")).isEqualTo(128);
        assertThat(AlignedMemory.resolveCacheLine(null, "arm64")).isEqualTo(128);
        assertThat(AlignedMemory.resolveCacheLine(null, "riscv64")).isEqualTo(64);
        assertThat(AlignedMemory.resolveCacheLine("256", "amd64")).isEqualTo(256);
        assertThat(AlignedMemory.resolveCacheLine("16", "aarch64")).isEqualTo(16);
        assertThat(AlignedMemory.resolveCacheLine("4096", "amd64")).isEqualTo(4096);
    }

    @Test
    void cacheLineOnThisMachineFollowsItsArchitecture() {
        Assumptions.assumeTrue(System.getProperty(AlignedMemory.CACHE_LINE_PROPERTY) == null,
                "iobuf.cacheLine is set for this test JVM");
        String arch = System.getProperty("os.arch");
        assertThat(AlignedMemory.cacheLineSize()).isEqualTo(arch.equals("aarch64") ? 128 : 64);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "0", "8", "-64", "96", "8192", "64k"})
    void resolveCacheLineRejectsABadProperty(String bad) {
        assertThatThrownBy(() -> AlignedMemory.resolveCacheLine(bad, "amd64"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("iobuf.cacheLine='" + bad + "'")
                .hasMessageContaining("power of two from 16 to 4096");
    }

    @Test
    void hugePageSizeIsWhatTheKernelReports() throws IOException {
        Path p = Path.of("/sys/kernel/mm/transparent_hugepage/hpage_pmd_size");
        long expected = Files.exists(p) ? Long.parseLong(Files.readString(p).strip())
                : AlignedMemory.FALLBACK_HUGE_PAGE_SIZE;
        assertThat(AlignedMemory.hugePageSize()).isEqualTo(expected);
    }

    // ------------------------------------------------------------ arithmetic

    @Test
    void alignUpRoundsToTheNextMultiple() {
        assertThat(AlignedMemory.alignUp(0, 4096)).isZero();
        assertThat(AlignedMemory.alignUp(1, 4096)).isEqualTo(4096);
        assertThat(AlignedMemory.alignUp(4096, 4096)).isEqualTo(4096);
        assertThat(AlignedMemory.alignUp(4097, 4096)).isEqualTo(8192);
        assertThat(AlignedMemory.alignUp(7, 1)).isEqualTo(7);
        assertThat(AlignedMemory.alignUp(Long.MAX_VALUE, 1)).isEqualTo(Long.MAX_VALUE);
        assertThat(AlignedMemory.alignUp(Long.MAX_VALUE - 7, 8)).isEqualTo(Long.MAX_VALUE - 7);
    }

    @Test
    void alignUpRejectsBadInput() {
        assertThatThrownBy(() -> AlignedMemory.alignUp(-1, 8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> AlignedMemory.alignUp(1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("power of two");
        assertThatThrownBy(() -> AlignedMemory.alignUp(1, 12)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("12");
        assertThatThrownBy(() -> AlignedMemory.alignUp(1, Long.MIN_VALUE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlignedMemory.alignUp(Long.MAX_VALUE - 2, 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit");
    }

    @Test
    void isAlignedChecksTheLowBits() {
        assertThat(AlignedMemory.isAligned(8192, 4096)).isTrue();
        assertThat(AlignedMemory.isAligned(8193, 4096)).isFalse();
        assertThat(AlignedMemory.isAligned(3, 1)).isTrue();
        assertThatThrownBy(() -> AlignedMemory.isAligned(0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlignedMemory.isAligned(MemorySegment.ofArray(new byte[8]), 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("heap");
    }

    // ------------------------------------------------------------ single allocations

    @Test
    void allocateHonoursEveryPowerOfTwoAlignmentAndZeroFills() {
        try (Arena arena = Arena.ofConfined()) {
            for (long align = 1; align <= 1 << 16; align <<= 1) {
                MemorySegment s = AlignedMemory.allocate(arena, 100, align);
                assertThat(s.byteSize()).isEqualTo(100);
                assertThat(s.address() % align).as("alignment %d", align).isZero();
                assertThat(s.toArray(ValueLayout.JAVA_BYTE)).containsOnly(0);
            }
            assertThat(AlignedMemory.allocate(arena, 0, 64).byteSize()).isZero();
        }
    }

    @Test
    void allocatePagesAndCacheAlignedUseTheMachineSizes() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment page = AlignedMemory.allocatePages(arena, 10_000);
            assertThat(page.byteSize()).isEqualTo(10_000);
            assertThat(page.address() % AlignedMemory.pageSize()).isZero();
            MemorySegment line = AlignedMemory.allocateCacheAligned(arena, 3);
            assertThat(line.byteSize()).isEqualTo(3);
            assertThat(line.address() % AlignedMemory.cacheLineSize()).isZero();
            page.set(ValueLayout.JAVA_BYTE, 9_999, (byte) 7);
            assertThat(page.get(ValueLayout.JAVA_BYTE, 9_999)).isEqualTo((byte) 7);
        }
    }

    @Test
    void allocateRejectsBadInputAndTheArenaStaysUsable() {
        try (Arena arena = Arena.ofConfined()) {
            assertThatThrownBy(() -> AlignedMemory.allocate(null, 8, 8)).isInstanceOf(NullPointerException.class)
                    .hasMessageContaining("arena");
            assertThatThrownBy(() -> AlignedMemory.allocate(arena, -1, 8)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("byteSize must be >= 0, got -1");
            assertThatThrownBy(() -> AlignedMemory.allocate(arena, 8, 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("power of two");
            assertThatThrownBy(() -> AlignedMemory.allocate(arena, 8, 24)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("24");
            assertThatThrownBy(() -> AlignedMemory.allocate(arena, 8, -8)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> AlignedMemory.allocate(arena, Long.MAX_VALUE, 4096))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit");
            assertThatThrownBy(() -> AlignedMemory.allocatePages(arena, -5)).isInstanceOf(IllegalArgumentException.class);
            assertThat(arena.scope().isAlive()).isTrue();
            assertThat(AlignedMemory.allocatePages(arena, 1).byteSize()).isEqualTo(1);
        }
    }

    @Test
    void allocateFromAClosedArenaIsAnIllegalStateException() {
        Arena arena = Arena.ofConfined();
        arena.close();
        assertThatThrownBy(() -> AlignedMemory.allocatePages(arena, 16)).isInstanceOf(IllegalStateException.class);
    }

    // ------------------------------------------------------------ blocks

    @Test
    void blocksShareOneAllocationEachAlignedAndApart() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment[] blocks = AlignedMemory.allocateBlocks(arena, 5, 100, 256);
            assertThat(blocks).hasSize(5);
            for (int i = 0; i < blocks.length; i++) {
                assertThat(blocks[i].byteSize()).isEqualTo(100);
                assertThat(blocks[i].address() % 256).isZero();
                assertThat(blocks[i].address() - blocks[0].address()).as("block %d", i).isEqualTo(i * 256L);
                assertThat(blocks[i].toArray(ValueLayout.JAVA_BYTE)).containsOnly(0);
            }
            blocks[2].fill((byte) 0x5A);
            assertThat(blocks[1].toArray(ValueLayout.JAVA_BYTE)).containsOnly(0);
            assertThat(blocks[3].toArray(ValueLayout.JAVA_BYTE)).containsOnly(0);
            assertThat(blocks[2].toArray(ValueLayout.JAVA_BYTE)).containsOnly(0x5A);
        }
    }

    @Test
    void pageBlocksStartOnPagesOfTheirOwn() {
        int page = AlignedMemory.pageSize();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment[] blocks = AlignedMemory.allocatePageBlocks(arena, 3, page + 1);
            for (int i = 0; i < 3; i++) {
                assertThat(blocks[i].address() % page).isZero();
                assertThat(blocks[i].byteSize()).isEqualTo(page + 1);
                assertThat(blocks[i].address() - blocks[0].address()).isEqualTo(2L * page * i);
            }
            MemorySegment[] onePage = AlignedMemory.allocatePageBlocks(arena, 4, page);
            assertThat(onePage[3].address() - onePage[0].address()).isEqualTo(3L * page);
        }
    }

    @Test
    void cacheLineBlocksNeverShareALine() {
        int line = AlignedMemory.cacheLineSize();
        try (Arena arena = Arena.ofConfined()) {
            for (long size : new long[] {1, 8, line - 1L, line, line + 1L, 3L * line + 5}) {
                MemorySegment[] blocks = AlignedMemory.allocateCacheLineBlocks(arena, 8, size);
                for (int i = 0; i < blocks.length; i++) {
                    assertThat(blocks[i].address() % line).isZero();
                    assertThat(blocks[i].byteSize()).isEqualTo(size);
                    if (i > 0) {
                        long lastLineOfPrevious = (blocks[i - 1].address() + size - 1) / line;
                        assertThat(blocks[i].address() / line).isGreaterThan(lastLineOfPrevious);
                        assertThat(blocks[i].address() - blocks[i - 1].address())
                                .isEqualTo(AlignedMemory.alignUp(size, line));
                    }
                }
            }
        }
    }

    @Test
    void blocksDieWithTheirArena() {
        Arena arena = Arena.ofShared();
        MemorySegment[] blocks = AlignedMemory.allocatePageBlocks(arena, 2, 64);
        arena.close();
        assertThatThrownBy(() -> blocks[0].get(ValueLayout.JAVA_BYTE, 0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> blocks[1].set(ValueLayout.JAVA_BYTE, 0, (byte) 1))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void blocksRejectBadInput() {
        try (Arena arena = Arena.ofConfined()) {
            assertThatThrownBy(() -> AlignedMemory.allocateBlocks(arena, 0, 8, 8))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count must be >= 1, got 0");
            assertThatThrownBy(() -> AlignedMemory.allocateBlocks(arena, -3, 8, 8))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-3");
            assertThatThrownBy(() -> AlignedMemory.allocateBlocks(arena, 2, 0, 8))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blockSize must be >= 1, got 0");
            assertThatThrownBy(() -> AlignedMemory.allocateBlocks(arena, 2, 8, 5))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("power of two");
            assertThatThrownBy(() -> AlignedMemory.allocateBlocks(arena, Integer.MAX_VALUE, 1L << 40, 8))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not fit in a long");
            assertThatThrownBy(() -> AlignedMemory.allocateBlocks(null, 1, 8, 8)).isInstanceOf(NullPointerException.class);
            assertThat(AlignedMemory.allocateCacheLineBlocks(arena, 1, 1)).hasSize(1);
        }
    }

    // ------------------------------------------------------------ views

    @Test
    void slicesViewTierBuffersInsideASegment() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment memory = arena.allocate(1024, 64);
            MemorySegment[] nanos = AlignedMemory.slices(memory, 256, BufferTier.NANO, 6);
            assertThat(nanos).hasSize(6);
            for (int i = 0; i < 6; i++) {
                assertThat(nanos[i].byteSize()).isEqualTo(128);
                assertThat(nanos[i].address()).isEqualTo(memory.address() + 256 + 128L * i);
            }
            nanos[5].set(ValueLayout.JAVA_BYTE, 127, (byte) 9);
            assertThat(memory.get(ValueLayout.JAVA_BYTE, 1023)).isEqualTo((byte) 9);
            MemorySegment[] strided = AlignedMemory.slices(memory, 0, 10, 100, 10);
            assertThat(strided[9].address() - memory.address()).isEqualTo(900);
        }
    }

    @Test
    void slicesRejectBadInput() {
        MemorySegment memory = MemorySegment.ofArray(new byte[1024]);
        assertThatThrownBy(() -> AlignedMemory.slices(memory, 0, BufferTier.NANO, 9))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("1152").hasMessageContaining("1024");
        assertThatThrownBy(() -> AlignedMemory.slices(memory, 1, BufferTier.NANO, 8))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> AlignedMemory.slices(memory, -1, BufferTier.PICO, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offset");
        assertThatThrownBy(() -> AlignedMemory.slices(memory, 0, BufferTier.PICO, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count");
        assertThatThrownBy(() -> AlignedMemory.slices(memory, 0, 64, 32, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
        assertThatThrownBy(() -> AlignedMemory.slices(memory, 0, 8, Long.MAX_VALUE / 2, 4))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("2^63");
        assertThatThrownBy(() -> AlignedMemory.slices(memory, Long.MAX_VALUE, 8, 8, 1))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> AlignedMemory.slices(null, 0, BufferTier.PICO, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> AlignedMemory.slices(memory, 0, null, 1)).isInstanceOf(NullPointerException.class);
    }
}
