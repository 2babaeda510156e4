package dev.iobuf.uring.file;

import static dev.iobuf.uring.file.FileIoTestSupport.assertNothingInUse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.BufferPool;
import dev.iobuf.BufferTier;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many virtual threads at once: no carrier is pinned, every read is right, the bounded queue makes them wait. */
class VirtualThreadTest {
    @TempDir
    Path dir;

    @Test
    void tenThousandVirtualThreadsReadWithoutPinning() throws Exception {
        int threads = 10_000;
        int block = 512;
        Path p = dir.resolve("data");
        byte[] data = UringFileTest.random(threads * block, 7);
        Files.write(p, data);
        Path jfr = dir.resolve("pinned.jfr");
        AtomicInteger wrong = new AtomicInteger();
        // Through the ring, not the page cache on the caller's thread: every caller parks and is woken.
        try (FileIo io = FileIoTestSupport.service(() -> FileIo.builder().cachedReads(false).build());
             Recording recording = new Recording()) {
            recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
            UringFile f = io.open(p);
            MemorySegment into = Arena.ofAuto().allocate((long) threads * block);   // used in place: no copies
            // First use initializes classes (FileEvents, the JDK's segment factories); a virtual thread waiting
            // for another's class initialization is pinned by the JVM whatever the library does: do it before
            // the recording, so that it counts the steady state only.
            f.read(into.asSlice(0, block), 0);
            into.asSlice(0, block).toArray(ValueLayout.JAVA_BYTE);
            recording.start();
            long t0 = System.nanoTime();
            List<Thread> all = new ArrayList<>(threads);
            for (int i = 0; i < threads; i++) {
                int k = i;
                all.add(Thread.ofVirtual().start(() -> {
                    try {
                        MemorySegment mine = into.asSlice((long) k * block, block);
                        int n = f.read(mine, (long) k * block);
                        byte[] got = mine.toArray(ValueLayout.JAVA_BYTE);
                        if (n != block || got[0] != data[k * block] || got[block - 1] != data[k * block + block - 1]) {
                            wrong.incrementAndGet();
                        }
                    } catch (Exception e) {
                        wrong.incrementAndGet();
                    }
                }));
            }
            for (Thread t : all) {
                t.join();
            }
            System.out.printf("10,000 virtual threads read in %.1f ms: %s%n", (System.nanoTime() - t0) / 1e6, io.stats());
            recording.stop();
            recording.dump(jfr);
            f.close();
            assertThat(wrong.get()).as("reads that failed or returned wrong bytes").isZero();
            assertThat(io.stats().queueFullWaits()).as("10,000 callers on 256 slots had to wait").isPositive();
            assertNothingInUse(io);
        }
        List<RecordedEvent> pinned = RecordingFile.readAllEvents(jfr).stream()
                .filter(e -> e.getEventType().getName().equals("jdk.VirtualThreadPinned")).toList();
        assertThat(pinned).as("jdk.VirtualThreadPinned events").isEmpty();
    }

    @Test
    void fullSubmitQueueMakesCallersWaitAndLosesNothing() throws Exception {
        Path p = dir.resolve("small");
        byte[] data = UringFileTest.random(64 * 4096, 8);
        Files.write(p, data);
        try (BufferPool pool = BufferPool.of(BufferTier.forSize(4096), 64);
             FileIo io = FileIoTestSupport.service(() -> FileIo.builder().queueDepth(2).registerPool(pool)
                     .cachedReads(false).build())) {
            UringFile f = io.open(p);
            AtomicInteger wrong = new AtomicInteger();
            List<Thread> all = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                int k = i;
                all.add(Thread.ofVirtual().start(() -> {
                    try {
                        for (int round = 0; round < 20; round++) {
                            int n = f.read(pool, k, 0, 4096, (long) k * 4096);
                            if (n != 4096 || pool.value(k).get(ValueLayout.JAVA_BYTE, 100) != data[k * 4096 + 100]) {
                                wrong.incrementAndGet();
                            }
                        }
                    } catch (Exception e) {
                        wrong.incrementAndGet();
                    }
                }));
            }
            for (Thread t : all) {
                t.join();
            }
            f.close();
            assertThat(wrong.get()).isZero();
            assertThat(io.stats().queueFullWaits()).as("64 callers on 2 slots").isPositive();
            assertNothingInUse(io);
        }
    }
}
