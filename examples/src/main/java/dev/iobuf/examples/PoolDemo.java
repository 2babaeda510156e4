package dev.iobuf.examples;

import dev.iobuf.AlignedMemory;
import dev.iobuf.BufferPool;
import dev.iobuf.BufferTier;
import dev.iobuf.IoVec;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The main job for now: a short tour of the core pools. */
public final class PoolDemo {
    private PoolDemo() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.printf("page size %d B, cache line %d B, huge page %d B%n",
                AlignedMemory.pageSize(), AlignedMemory.cacheLineSize(), AlignedMemory.hugePageSize());
        for (BufferTier t : BufferTier.values()) {
            System.out.printf("tier %-6s %,12d B%n", t, t.size());
        }
        System.out.printf("a 3000-byte message goes to %s%n", BufferTier.forSize(3000));

        try (BufferPool pool = BufferPool.of(BufferTier.SMALL, 5)) {
            System.out.printf("%s: slab of %,d B at 0x%x (5 rounded up to %d buffers)%n",
                    pool, pool.slab().byteSize(), pool.slab().address(), pool.capacity());

            int a = pool.acquire();
            int b = pool.tryAcquire();
            byte[] hello = "hello from a pooled buffer".getBytes(StandardCharsets.UTF_8);
            pool.copyIn(a, 0, hello);
            byte[] back = new byte[hello.length];
            pool.copyOut(a, 0, back);
            System.out.printf("took %d and %d; buffer %d at 0x%x holds \"%s\"%n",
                    a, b, a, pool.address(a), new String(back, StandardCharsets.UTF_8));

            pool.copyIn(b, 0, new long[] {1, 2, 3});
            ByteBuffer nio = pool.byteBuffer(b);
            System.out.printf("buffer %d as a ByteBuffer: direct=%b capacity=%d%n", b, nio.isDirect(), nio.capacity());

            try (Arena arena = Arena.ofConfined()) {
                IoVec iov = IoVec.of(arena, pool, a, b);
                iov.setLength(0, hello.length);
                System.out.printf("%s at 0x%x, ready for writev(fd, iov, %d)%n", iov, iov.address(), iov.count());
            }

            pool.release(a);
            pool.release(b);
            try {
                pool.release(b);
            } catch (IllegalStateException e) {
                System.out.println("double release rejected: " + e.getMessage());
            }
            System.out.printf("%d free after release%n", pool.available());
        }

        BufferPool closed = BufferPool.of(BufferTier.PICO, 1);
        MemorySegment kept = closed.value(0);
        closed.close();
        try {
            kept.get(ValueLayout.JAVA_BYTE, 0);
        } catch (IllegalStateException e) {
            System.out.println("a buffer used after close: exception, not a crash: " + e.getMessage());
        }
        try {
            closed.acquire();
        } catch (IllegalStateException e) {
            System.out.println("acquire after close: " + e.getMessage());
        }

        try (BufferPool huge = BufferPool.of(BufferTier.HUGE, 4)) {
            System.out.printf("%s: %,d B mapped lazily, nothing touched yet%n", huge, huge.slab().byteSize());
        }
    }
}
