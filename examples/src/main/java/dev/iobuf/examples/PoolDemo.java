package dev.iobuf.examples;

import dev.iobuf.BoundedPool;
import dev.iobuf.BufferTier;

/** The main job for now: a short tour of the core pools. */
public final class PoolDemo {
    private PoolDemo() {
    }

    public static void main(String[] args) throws InterruptedException {
        for (BufferTier t : BufferTier.values()) {
            System.out.printf("tier %-6s %,12d B%n", t, t.size());
        }
        BoundedPool<String> pool = new BoundedPool<>(5);
        pool.fill(i -> "value-" + i);
        int a = pool.acquire();
        int b = pool.tryAcquire();
        System.out.printf("pool capacity %d (5 rounded up), took %d=%s and %d=%s, %d free%n",
                pool.capacity(), a, pool.value(a), b, pool.value(b), pool.available());
        pool.release(a);
        pool.release(b);
        try {
            pool.release(b);
        } catch (IllegalStateException e) {
            System.out.println("double release rejected: " + e.getMessage());
        }
        System.out.printf("%d free after release%n", pool.available());
    }
}
