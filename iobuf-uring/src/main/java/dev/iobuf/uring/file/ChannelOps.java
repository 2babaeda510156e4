package dev.iobuf.uring.file;

import static dev.iobuf.liburing.LibUring.IORING_FSYNC_DATASYNC;

import dev.iobuf.liburing.Errno;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;

/**
 * A {@link FileOp} carried out on the caller's thread through the JDK's {@link FileChannel}: the
 * {@link dev.iobuf.uring.Transport#NIO} transport of the file API ({@link ChannelRing}). Results follow
 * the ring's conventions (bytes, 0 at the end of the file, a negative errno), so everything above the
 * op is shared by both transports; an {@link IOException} the JDK throws is kept in {@link FileOp#failure}
 * (its result is -EIO) and rethrown as it is by the caller.
 */
final class ChannelOps {
    private static final int EIO = Errno.EIO.negated();

    private ChannelOps() {
    }

    /** Runs {@code op} on its file's channel; returns the op's result. */
    static int run(FileOp op) {
        FileChannel ch = op.file.nio;
        try {
            return switch (op.kind) {
                case FileOp.READ -> read(ch, buffer(op.addr, op.len), op.position);
                case FileOp.WRITE -> write(ch, buffer(op.addr, op.len), op.position);
                case FileOp.WRITE_FSYNC -> {
                    int n = write(ch, buffer(op.addr, op.len), op.position);
                    ch.force(op.flags != IORING_FSYNC_DATASYNC());
                    yield n;
                }
                case FileOp.READV, FileOp.WRITEV -> vectored(ch, op);
                case FileOp.FSYNC -> {
                    ch.force(op.flags != IORING_FSYNC_DATASYNC());
                    yield 0;
                }
                case FileOp.FALLOCATE -> grow(ch, op.position + op.extra);
                case FileOp.FTRUNCATE -> {
                    if (op.position < ch.size()) {
                        ch.truncate(op.position);
                    }
                    yield grow(ch, op.position);
                }
                default -> throw new IllegalStateException("op kind " + op.kind + " has no FileChannel form");
            };
        } catch (ClosedChannelException e) {
            return FileOp.FILE_CLOSED;   // closed under the call (or by its interrupt): the caller tells which
        } catch (IOException e) {
            op.failure = e;
            return EIO;
        }
    }

    /** {@code length} bytes of native memory at {@code address} as a direct buffer (the op keeps it alive). */
    private static ByteBuffer buffer(long address, long length) {
        return MemorySegment.ofAddress(address).reinterpret(length).asByteBuffer();
    }

    /** One positional read: bytes read, 0 at the end of the file (the ring's convention). */
    private static int read(FileChannel ch, ByteBuffer b, long position) throws IOException {
        int n = ch.read(b, position);
        return Math.max(n, 0);
    }

    /** Writes all of {@code b} at {@code position}, or at the end when the file is in APPEND mode (-1). */
    private static int write(FileChannel ch, ByteBuffer b, long position) throws IOException {
        int total = 0;
        while (b.hasRemaining()) {
            total += position < 0 ? ch.write(b) : ch.write(b, position + total);
        }
        return total;
    }

    /** readv/writev over the op's {@code struct iovec} array, one positional call per buffer. */
    private static int vectored(FileChannel ch, FileOp op) throws IOException {
        MemorySegment iov = MemorySegment.ofAddress(op.addr).reinterpret(16L * op.len);
        long done = 0;
        for (int i = 0; i < op.len; i++) {
            long len = iov.get(ValueLayout.JAVA_LONG, 16L * i + 8);
            ByteBuffer b = buffer(iov.get(ValueLayout.JAVA_LONG, 16L * i), len);
            long at = op.position < 0 ? -1 : op.position + done;
            if (op.kind == FileOp.WRITEV) {
                done += write(ch, b, at);
            } else {
                int n = read(ch, b, at);
                done += n;
                if (n < len) {
                    break;   // the end of the file: a short readv
                }
            }
        }
        return (int) done;
    }

    /**
     * Makes the file at least {@code size} bytes long (fallocate mode 0, ftruncate upwards): FileChannel
     * has neither, so one zero byte is written at {@code size - 1}. The new range reads as zeros as with
     * fallocate, but its blocks are not reserved.
     */
    private static int grow(FileChannel ch, long size) throws IOException {
        if (size > ch.size()) {
            ch.write(ByteBuffer.allocate(1), size - 1);
        }
        return 0;
    }
}
