package dev.iobuf.uring.file;

import dev.iobuf.BufferPool;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;

/**
 * I/O on memory the kernel may not use in place (heap memory, shared arenas): the bytes go through one
 * of the service's registered copy buffers (READ_FIXED / WRITE_FIXED), a chunk at a time. The copy
 * buffer is held from before the op is queued until its completion was seen.
 */
final class CopyingIo {
    private CopyingIo() {
    }

    /** Reads through the service's copy buffers, one chunk at a time until a short read. */
    static int read(UringFile f, MemorySegment dst, long len, long position) throws IOException {
        BufferPool bounce = f.io.bounce();
        int b = acquire(f);
        try {
            long total = 0;
            while (total < len) {
                int chunk = (int) Math.min(len - total, bounce.bufferSize());
                int n = f.op(FileOp.READ, bounce.address(b), chunk, position + total, f.io.bounceSlot(b), bounce);
                if (n <= 0) {
                    break;
                }
                MemorySegment.copy(bounce.value(b), 0, dst, total, n);
                total += n;
                if (n < chunk) {
                    break;
                }
            }
            return total == 0 ? -1 : (int) total;
        } finally {
            f.io.giveCopyBuffer(b);
        }
    }

    /** Writes all of it through the service's copy buffers; then fsyncs when {@code sync}. */
    static int write(UringFile f, MemorySegment src, long len, long position, boolean sync, boolean metaData)
            throws IOException {
        BufferPool bounce = f.io.bounce();
        int b = acquire(f);
        try {
            long total = 0;
            do {
                int chunk = (int) Math.min(len - total, bounce.bufferSize());
                MemorySegment.copy(src, total, bounce.value(b), 0, chunk);
                total += f.op(FileOp.WRITE, bounce.address(b), chunk, position + total, f.io.bounceSlot(b), bounce);
            } while (total < len);
        } finally {
            f.io.giveCopyBuffer(b);
        }
        if (sync) {
            f.syncOp(metaData);
        }
        return (int) len;
    }

    private static int acquire(UringFile f) throws IOException {
        try {
            return f.io.takeCopyBuffer();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.closeFromInside();
            throw new ClosedByInterruptException();
        } catch (IllegalStateException e) {
            throw new ClosedChannelException();   // the service closed its copy buffers
        }
    }
}
