package dev.iobuf.uring.file;

import dev.iobuf.IoVec;
import java.io.IOException;
import java.lang.foreign.MemorySegment;

/**
 * READV / WRITEV of an {@link IoVec}: the iovec array is copied into the op's own native memory (16
 * entries per submission), so the caller's array may change or go away meanwhile. Buffers that cannot
 * be used in place make the whole vector go one buffer at a time through copies.
 */
final class VectoredIo {
    static final int IOVECS_PER_OP = 16;

    private VectoredIo() {
    }

    /** READV / WRITEV of {@code vec} at {@code position}, 16 buffers per submission. */
    static long transfer(UringFile f, IoVec vec, long position, boolean write) throws IOException {
        if (write) {
            f.requireWritable();
        } else {
            f.requireReadable();
        }
        UringFile.checkPosition(position);
        int count = vec.count();
        if (!inPlace(f, vec)) {
            return oneByOne(f, vec, position, write);
        }
        long total = 0;
        f.begin();
        try {
            for (int first = 0; first < count; first += IOVECS_PER_OP) {
                int n = Math.min(IOVECS_PER_OP, count - first);
                long want = 0;
                for (int i = first; i < first + n; i++) {
                    want += vec.length(i);
                    f.checkAlignment(position + total, vec.length(i), vec.base(i));
                }
                FileRing r = f.io.ring();
                FileOp op = f.newOp(r, write ? FileOp.WRITEV : FileOp.READV);
                MemorySegment.copy(vec.segment(), first * IoVec.BYTES, op.scratch, 0, n * IoVec.BYTES);
                f.fill(op, op.scratch.address(), n, position + total, -1, vec);
                long done = f.execute(r, op, write ? "writev" : "readv");
                total += done;
                if (done < want) {
                    if (!write) {
                        return total == 0 ? -1 : total;
                    }
                    total += finishShortWritev(f, vec, first, n, done, position + total);
                }
            }
            return total;
        } finally {
            f.end();
        }
    }

    /** A short WRITEV: writes the rest of entries {@code first .. first+n-1} one by one. */
    private static long finishShortWritev(UringFile f, IoVec vec, int first, int n, long done, long at) throws IOException {
        long more = 0;
        for (int i = first; i < first + n; i++) {
            long len = vec.length(i);
            if (done >= len) {
                done -= len;
                continue;
            }
            more += f.write(vec.buffer(i).asSlice(done, len - done), at + more);
            done = 0;
        }
        return more;
    }

    private static boolean inPlace(UringFile f, IoVec vec) {
        for (int i = 0; i < vec.count(); i++) {
            MemorySegment b = vec.buffer(i);
            if (b == null || !(MemoryLifetime.heldAlive(b) || f.io.registeredSlot(b.address(), b.byteSize()) >= 0)) {
                return false;
            }
        }
        return MemoryLifetime.heldAlive(vec.segment()) || vec.segment().isNative();
    }

    private static long oneByOne(UringFile f, IoVec vec, long position, boolean write) throws IOException {
        long total = 0;
        for (int i = 0; i < vec.count(); i++) {
            MemorySegment b = vec.buffer(i).asSlice(0, vec.length(i));
            if (write) {
                total += f.write(b, position + total);
            } else {
                int n = f.read(b, position + total);
                if (n < 0) {
                    return total == 0 ? -1 : total;
                }
                total += n;
                if (n < b.byteSize()) {
                    break;
                }
            }
        }
        return total;
    }
}
