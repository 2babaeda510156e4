package dev.iobuf.uring.file;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;

/**
 * The file API without io_uring ({@link dev.iobuf.uring.Transport#NIO}): the same op slots, leases and
 * results as a {@link FileRing}, but every op runs at once on the caller's thread through the JDK's
 * {@code FileChannel} ({@link ChannelOps}) instead of going to a ring thread. No thread, no ring, no
 * registered tables: {@code submit} is the call itself, {@code await} finds the op done.
 */
final class ChannelRing extends FileRing {
    ChannelRing(FileIo service, int id, FileIoBuilder config) {
        super(service, id, config);
    }

    @Override
    void start() {
        // no thread: ops run on their callers
    }

    @Override
    void submit(FileOp op) {
        queue(op);
    }

    @Override
    void queue(FileOp op) {
        retainLease(op);
        op.complete(ChannelOps.run(op));
    }

    @Override
    void wakeUp() {
        // nobody to wake
    }

    @Override
    void runOnRing(Runnable task) throws ClosedChannelException {
        if (isStopping()) {
            throw new ClosedChannelException();
        }
        task.run();
    }

    /** A close while calls are inside: closing the JDK channel ends blocked ones (AsynchronousCloseException). */
    @Override
    void cancelOpsOf(UringFile file) {
        try {
            file.nio.close();
        } catch (IOException e) {
            // the descriptor goes away either way; the file's close reports its own errors
        }
    }

    /**
     * Nothing to stop; frees the slots' memory unless a caller is still inside an op (a read of a pipe
     * that the files' close, which comes next, ends): that memory is then left to the process.
     */
    @Override
    boolean join(long timeoutMillis) {
        if (opsInUse() == 0) {
            arena.close();
        }
        return true;
    }

    @Override
    boolean supportsFtruncate() {
        return true;   // ChannelOps truncates and grows through the channel
    }
}
