package dev.iobuf.uring.file;

import dev.iobuf.BufferPool;
import dev.iobuf.Lease;
import dev.iobuf.liburing.LibcAbi;
import dev.iobuf.liburing.Syscalls;
import dev.iobuf.liburing.iovec;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Buffered reads served on the caller's thread when the page cache holds the data: one
 * {@code preadv2(RWF_NOWAIT)}, which copies what is cached and fails with EAGAIN instead of waiting
 * for the device. A page-cache hit costs a copy of a few microseconds; sending it through the ring
 * would cost two thread hand-offs (park, wake the ring thread, unpark). Misses go through the ring.
 * The carrier of a virtual thread is held only for that copy: the call never blocks, never parks.
 */
final class CachedRead {
    /** Returned when the page cache could not serve the read (EAGAIN, or any error: the ring decides). */
    static final int MISS = Integer.MIN_VALUE;
    /** One {@code struct iovec} per thread (made on a thread's first cached read). */
    private static final ThreadLocal<MemorySegment> IOVEC = ThreadLocal.withInitial(
            () -> Arena.ofAuto().allocate(iovec.layout()));

    private CachedRead() {
    }

    /** Bytes read from the page cache (0 at the end of the file), or {@link #MISS}. */
    static int read(int fd, long address, int length, long position) {
        MemorySegment iov = IOVEC.get();
        iov.set(ValueLayout.JAVA_LONG, iovec.iov_base$offset(), address);
        iov.set(ValueLayout.JAVA_LONG, iovec.iov_len$offset(), length);
        long n = Syscalls.preadv2(fd, iov, 1, position, LibcAbi.RWF_NOWAIT());
        return n >= 0 ? (int) n : MISS;
    }

    /** A read into memory used in place: from the page cache on this thread when it has it all, else the ring. */
    static int readInPlace(UringFile f, int fd, boolean buffered, long addr, int len, long position, int bufIndex,
                           Object keepAlive) throws IOException {
        FileIo io = f.io;
        int n = 0;
        if (buffered && io.cachedReads()) {
            Lease lease = bufIndex >= 0 ? io.leaseOfSlot(bufIndex) : keepAlive instanceof BufferPool p ? io.lease(p) : null;
            if (lease != null) {
                lease.retain();
            }
            try {
                n = FileEvents.cachedRead(fd, addr, len, position, f.path());
            } finally {
                if (lease != null) {
                    lease.release();
                }
            }
            if (n == len || n == 0) {
                io.countCachedRead();
                return n == 0 ? -1 : n;
            }
            n = Math.max(n, 0);   // part of it was cached: the ring reads the rest
        }
        int rest = f.op(FileOp.READ, addr + n, len - n, position + n, bufIndex, keepAlive);
        return n + rest == 0 ? -1 : n + rest;
    }
}
