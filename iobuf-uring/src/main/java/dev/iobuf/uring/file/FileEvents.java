package dev.iobuf.uring.file;

import java.nio.file.Path;

/**
 * Waits for a file op's completion and records it as {@code dev.iobuf.FileRead} / {@code FileWrite}
 * when a recording wants that event: one static check otherwise, nothing allocated.
 */
final class FileEvents {
    private static final FileReadEvent READ = new FileReadEvent();
    private static final FileWriteEvent WRITE = new FileWriteEvent();

    private FileEvents() {
    }

    /** {@code r.await(op)}, recorded when {@code op} is a transfer and its event is enabled. */
    static int await(FileRing r, FileOp op, Path path) {
        byte kind = op.kind;
        boolean read = kind == FileOp.READ || kind == FileOp.READV;
        boolean write = kind == FileOp.WRITE || kind == FileOp.WRITEV || kind == FileOp.WRITE_FSYNC;
        if (read && READ.isEnabled()) {
            FileReadEvent e = new FileReadEvent();
            e.begin();
            int res = r.await(op);
            e.end();
            if (e.shouldCommit()) {
                e.path = path.toString();
                e.bytesRead = Math.max(res, 0);
                e.endOfFile = res == 0;
                e.commit();
            }
            return res;
        }
        if (write && WRITE.isEnabled()) {
            FileWriteEvent e = new FileWriteEvent();
            e.begin();
            int res = r.await(op);
            e.end();
            if (e.shouldCommit()) {
                e.path = path.toString();
                e.bytesWritten = Math.max(res, 0);
                e.commit();
            }
            return res;
        }
        return r.await(op);
    }

    /** A read the page cache served on the caller's thread ({@link CachedRead}), recorded like one through the ring. */
    static int cachedRead(int fd, long address, int length, long position, Path path) {
        if (!READ.isEnabled()) {
            return CachedRead.read(fd, address, length, position);
        }
        FileReadEvent e = new FileReadEvent();
        e.begin();
        int n = CachedRead.read(fd, address, length, position);
        e.end();
        if (n != CachedRead.MISS && e.shouldCommit()) {
            e.path = path.toString();
            e.bytesRead = n;
            e.endOfFile = n == 0;
            e.commit();
        }
        return n;
    }
}
