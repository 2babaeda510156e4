package dev.iobuf.uring;

import dev.iobuf.BufferPool;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run by {@link MemlockLimitTest} in a child JVM under a low RLIMIT_MEMLOCK as an unprivileged user.
 * Prints one line per step ({@code STEP key=value ...}); the test asserts on them. Uses main code only
 * (the child's class path has no JUnit).
 *
 * <p>Steps: the limit seen; a 2 MiB registration refused by the pre-check; the same refused by the kernel
 * itself (pre-check off) and mapped to the same exception; then, on the same ring, a 256 KiB table that
 * fits and a fixed write + read round trip through it; then a buffer ring.
 */
public final class MemlockProbe {
    private MemlockProbe() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("LIMIT limit=" + MemlockBudget.limit() + " ipcLock=" + MemlockBudget.hasIpcLock()
                + " uid=" + Files.readAllLines(Path.of("/proc/self/status")).stream()
                        .filter(l -> l.startsWith("Uid:")).map(l -> l.split("\\s+")[1]).findFirst().orElse("?"));
        Ring ring;
        try {
            ring = Ring.open(8);
        } catch (UringException e) {
            System.out.println("NO_RING " + e.getClass().getSimpleName() + " " + e.getMessage());
            return;
        }
        System.out.println("RING ringBytes=" + MemlockBudget.ringBytes(ring));
        try (ring; BufferPool big = BufferPool.registerBuffers(16); BufferPool small = BufferPool.registerBuffers(2)) {
            try (RegisteredBuffers rb = RegisteredBuffers.register(ring, big)) {
                System.out.println("BIG_PRECHECK_OK unexpected pinned=" + rb.pinnedBytes());
            } catch (MemlockLimitException e) {
                System.out.println("BIG_PRECHECK_REFUSED limit=" + e.limit() + " needed=" + e.needed() + " message=" + e.getMessage());
            }
            System.setProperty(MemlockBudget.PRECHECK_PROPERTY, "false");
            try (RegisteredBuffers rb = RegisteredBuffers.register(ring, big)) {
                System.out.println("BIG_KERNEL_OK unexpected pinned=" + rb.pinnedBytes());
            } catch (MemlockLimitException e) {
                System.out.println("BIG_KERNEL_REFUSED errno=" + e.errnoName() + " limit=" + e.limit() + " message=" + e.getMessage());
            } finally {
                System.clearProperty(MemlockBudget.PRECHECK_PROPERTY);
            }
            try (RegisteredBuffers rb = RegisteredBuffers.register(ring, small)) {
                System.out.println("SMALL_OK pinned=" + rb.pinnedBytes());
                roundTrip(ring, rb, small);
            }
            try (BufferRing br = BufferRing.register(ring, 1, small, 2)) {
                System.out.println("BUFFER_RING_OK entries=" + br.entries());
            }
        } catch (RuntimeException e) {
            System.out.println("FAILED " + e);
            e.printStackTrace(System.out);
        }
        System.out.println("DONE");
    }

    private static void roundTrip(Ring ring, RegisteredBuffers rb, BufferPool pool) throws Exception {
        Path file = Files.createTempFile("memlock-probe", ".bin");
        try {
            byte[] data = new byte[4096];
            new java.util.Random(11).nextBytes(data);
            pool.copyIn(0, 0, data);
            int fd = RegisteredTestIo.open(file, RegisteredTestIo.O_RDWR);
            try {
                rb.prepWriteFixed(ring.nextSqe(), fd, 0, data.length, 0).userData(1);
                rb.prepReadFixed(ring.nextSqe(), fd, 1, data.length, 0).userData(2);
                ring.submitAndWait(2); // DRAIN is not needed: check the write first, then read again if it raced
                int[] res = new int[3];
                ring.reap((u, r, f) -> res[(int) u] = r);
                rb.prepReadFixed(ring.nextSqe(), fd, 1, data.length, 0).userData(2);
                ring.submitAndWait(1);
                ring.reap((u, r, f) -> res[(int) u] = r);
                byte[] back = new byte[data.length];
                pool.copyOut(1, 0, back);
                System.out.println("ROUNDTRIP write=" + res[1] + " read=" + res[2] + " equal=" + java.util.Arrays.equals(data, back));
            } finally {
                RegisteredTestIo.close(fd);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
