package dev.iobuf.uring.file;

import static dev.iobuf.liburing.NewerKernelConstants.IORING_OP_FTRUNCATE;

import dev.iobuf.liburing.LibcAbi;
import dev.iobuf.uring.Ring;
import dev.iobuf.uring.Sqe;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** Turns a {@link FileOp} into its SQE(s) on a ring (the ring thread's; one switch over the op kinds). */
final class FileSqes {
    private static final MemorySegment EMPTY_PATH = Arena.global().allocateFrom("");

    private FileSqes() {
    }

    /** Writes {@code op}'s SQE(s) (two for a write linked to an fsync); returns how many will complete. */
    static int prep(Ring ring, FileOp op) {
        op.userData = op.userData(FileOp.MAIN_PART);
        Sqe sqe = ring.nextSqe();
        switch (op.kind) {
            case FileOp.READ -> {
                if (op.bufIndex >= 0) {
                    sqe.readFixed(op.fd, op.addr, op.len, op.position, op.bufIndex);
                } else {
                    sqe.readUnsafe(op.fd, op.addr, op.len, op.position);
                }
            }
            case FileOp.WRITE, FileOp.WRITE_FSYNC -> {
                if (op.bufIndex >= 0) {
                    sqe.writeFixed(op.fd, op.addr, op.len, op.position, op.bufIndex);
                } else {
                    sqe.writeUnsafe(op.fd, op.addr, op.len, op.position);
                }
            }
            case FileOp.READV -> sqe.readvUnsafe(op.fd, op.addr, op.len, op.position);
            case FileOp.WRITEV -> sqe.writevUnsafe(op.fd, op.addr, op.len, op.position);
            case FileOp.FSYNC -> sqe.fsync(op.fd).opFlags(op.flags);
            case FileOp.FALLOCATE -> sqe.fallocate(op.fd, op.flags, op.position, op.extra);
            case FileOp.FTRUNCATE -> sqe.prepUnsafe(IORING_OP_FTRUNCATE(), op.fd, 0, 0, op.position);
            case FileOp.STATX -> {
                if (op.keepAlive instanceof MemorySegment path) {
                    sqe.statxUnsafe(LibcAbi.AT_FDCWD(), path, 0, op.flags, op.scratch);
                } else {
                    sqe.statxUnsafe(op.fd, EMPTY_PATH, LibcAbi.AT_EMPTY_PATH(), op.flags, op.scratch);
                }
            }
            case FileOp.OPENAT -> sqe.openatUnsafe(LibcAbi.AT_FDCWD(), (MemorySegment) op.keepAlive, op.flags, (int) op.extra);
            case FileOp.CLOSE -> sqe.close(op.fd);
            default -> throw new IllegalStateException("unknown op kind " + op.kind);
        }
        if (op.fixedFile) {
            sqe.fixedFile();
        }
        sqe.userData(op.userData);
        op.inKernel = 1;
        if (op.kind == FileOp.WRITE_FSYNC) {
            sqe.link();
            Sqe sync = ring.nextSqe().fsync(op.fd).opFlags(op.flags).userData(op.userData(FileOp.FSYNC_PART));
            if (op.fixedFile) {
                sync.fixedFile();
            }
            op.inKernel = 2;
        }
        return op.inKernel;
    }
}
