package dev.iobuf.uring.file;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * Whether a caller's segment provably stays alive while the kernel uses it, so that I/O may go
 * straight into it. Proven: the global arena (never freed); an automatic arena or a direct
 * {@code ByteBuffer} (freed only once unreachable, and the op holds the segment until completion);
 * a confined arena owned by the calling thread, in a blocking call (only that thread can close it,
 * and it is inside our call until the kernel is done). Everything else (shared arenas, which any
 * thread may close at any time; heap memory, which the GC moves) goes through a pooled buffer.
 *
 * <p>The kind of arena is told by its scope's class, sampled once from arenas of each kind: no
 * internal API is touched, and an unknown kind is simply copied (safe, slower).
 */
final class MemoryLifetime {
    private static final Class<?> GLOBAL = Arena.global().scope().getClass();
    private static final Class<?> AUTO = Arena.ofAuto().scope().getClass();
    private static final Class<?> BUFFER = MemorySegment.ofBuffer(ByteBuffer.allocateDirect(1)).scope().getClass();
    private static final Class<?> CONFINED;

    static {
        try (Arena a = Arena.ofConfined()) {
            CONFINED = a.scope().getClass();
        }
    }

    private MemoryLifetime() {
    }

    /** Whether the kernel may use {@code segment} directly during a blocking call on this thread. */
    static boolean heldAlive(MemorySegment segment) {
        if (!segment.isNative()) {
            return false;
        }
        Class<?> kind = segment.scope().getClass();
        return kind == GLOBAL || kind == AUTO || kind == BUFFER
                || (kind == CONFINED && segment.isAccessibleBy(Thread.currentThread()));
    }
}
