package dev.iobuf.examples;

import dev.iobuf.BufferPool;
import dev.iobuf.liburing.LibcAbi;
import dev.iobuf.uring.RegisteredBuffers;
import dev.iobuf.uring.Ring;
import dev.iobuf.uring.UringException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@link UringCheck}'s fixed-I/O step: writes a known pattern to a scratch file with WRITE_FIXED from
 * the registered buffers, reads it back with READ_FIXED into the same (cleared) buffers, and compares
 * every byte. The file is opened and closed through the ring (IORING_OP_OPENAT / CLOSE: no native call
 * of our own) and deleted afterwards. Up to one chunk per registered buffer is in flight, each on its
 * own slot, so that more than one slot of the table is used.
 */
final class FixedIoCheck {
    static final int AT_FDCWD = LibcAbi.AT_FDCWD();
    static final int OPEN_FLAGS = LibcAbi.O_RDWR() | LibcAbi.O_CREAT() | LibcAbi.O_TRUNC() | LibcAbi.O_CLOEXEC();
    /** user_data of the open and close calls, and the first of the chunks'. */
    private static final long OPEN = 1;
    private static final long CLOSE = 2;
    private static final long CHUNKS = 1000;

    private final Ring ring;
    private final RegisteredBuffers table;
    private final BufferPool pool;
    private final CheckCompletions completions;

    FixedIoCheck(Ring ring, RegisteredBuffers table) {
        this.ring = ring;
        this.table = table;
        this.pool = table.pool();
        this.completions = new CheckCompletions(ring, "fixed-io");
    }

    /** Runs the round trip of {@code bytes} bytes through a file in {@code dir}; returns the report. */
    String run(Path dir, long bytes) {
        Path file = dir.resolve("iobuf-uring-check-" + ProcessHandle.current().pid() + ".tmp");
        int chunk = pool.bufferSize();
        long chunks = (bytes + chunk - 1) / chunk;
        int lanes = (int) Math.min(chunks, pool.capacity());
        int[] slots = acquire(lanes);
        RuntimeException failure = null;
        int fd = -1;
        try {
            fd = open(file);
            for (long first = 0; first < chunks; first += lanes) {
                int n = (int) Math.min(lanes, chunks - first);
                writeBatch(fd, slots, first, n, bytes);
            }
            for (long first = 0; first < chunks; first += lanes) {
                int n = (int) Math.min(lanes, chunks - first);
                readAndVerifyBatch(fd, slots, first, n, bytes, file);
            }
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            cleanUp(fd, file, slots, failure);
        }
        return "fixed-io bytes=" + bytes + " chunks=" + chunks + " slots=" + lanes + " file=" + file;
    }

    private void writeBatch(int fd, int[] slots, long first, int n, long bytes) {
        for (int j = 0; j < n; j++) {
            long offset = (first + j) * pool.bufferSize();
            int len = length(offset, bytes);
            fillPattern(pool.value(slots[j]), offset, len);
            table.prepWriteFixed(ring.nextSqe(), fd, slots[j], len, offset).userData(CHUNKS + j);
        }
        CheckCompletions.Completion[] done = completions.awaitAll(CHUNKS, n);
        for (int j = 0; j < n; j++) {
            long offset = (first + j) * pool.bufferSize();
            expectWhole("WRITE_FIXED", fd, slots[j], offset, length(offset, bytes), done[j].result());
        }
    }

    private void readAndVerifyBatch(int fd, int[] slots, long first, int n, long bytes, Path file) {
        for (int j = 0; j < n; j++) {
            long offset = (first + j) * pool.bufferSize();
            pool.clear(slots[j]);
            table.prepReadFixed(ring.nextSqe(), fd, slots[j], length(offset, bytes), offset).userData(CHUNKS + j);
        }
        CheckCompletions.Completion[] done = completions.awaitAll(CHUNKS, n);
        for (int j = 0; j < n; j++) {
            long offset = (first + j) * pool.bufferSize();
            int len = length(offset, bytes);
            expectWhole("READ_FIXED", fd, slots[j], offset, len, done[j].result());
            long bad = firstMismatch(pool.value(slots[j]), offset, len);
            if (bad >= 0) {
                throw new IllegalStateException("fixed-io: READ_FIXED into registered buffer " + slots[j]
                        + " returned other bytes than WRITE_FIXED wrote, first at file offset " + bad + " of " + file);
            }
        }
    }

    private int length(long offset, long bytes) {
        return (int) Math.min(pool.bufferSize(), bytes - offset);
    }

    /** A failed or short fixed I/O on a regular file we just wrote is a failure of the check. */
    private static void expectWhole(String op, int fd, int slot, long offset, int len, int result) {
        String call = op + "(fd=" + fd + ", buffer " + slot + ", " + len + " bytes at " + offset + ")";
        if (result < 0) {
            throw new UringException(call, result, null);
        }
        if (result != len) {
            throw new IllegalStateException("fixed-io: " + call + " moved " + result + " bytes, not " + len);
        }
    }

    /** The byte at file offset {@code x}: a multiplicative hash, so that a misplaced chunk shows. */
    static byte patternAt(long x) {
        return (byte) (x * 0x9E37_79B9_7F4A_7C15L >>> 56);
    }

    static void fillPattern(MemorySegment buffer, long fileOffset, int len) {
        for (int i = 0; i < len; i++) {
            buffer.set(ValueLayout.JAVA_BYTE, i, patternAt(fileOffset + i));
        }
    }

    /** The file offset of the first byte of {@code buffer[0..len)} that differs from the pattern, or -1. */
    static long firstMismatch(MemorySegment buffer, long fileOffset, int len) {
        for (int i = 0; i < len; i++) {
            if (buffer.get(ValueLayout.JAVA_BYTE, i) != patternAt(fileOffset + i)) {
                return fileOffset + i;
            }
        }
        return -1;
    }

    private int[] acquire(int n) {
        int[] slots = new int[n];
        for (int i = 0; i < n; i++) {
            slots[i] = pool.tryAcquire();
            if (slots[i] < 0) {
                for (int k = 0; k < i; k++) {
                    pool.release(slots[k]);
                }
                throw new IllegalStateException("fixed-io: the registered pool " + pool + " has only " + i
                        + " free buffers, " + n + " needed");
            }
        }
        return slots;
    }

    private int open(Path file) {
        {
            // An automatic arena: the ring keeps the path reachable until the completion.
            MemorySegment path = Arena.ofAuto().allocateFrom(file.toAbsolutePath().toString());
            ring.nextSqe().openat(AT_FDCWD, path, OPEN_FLAGS, 0600).userData(OPEN);
            int fd = completions.await(OPEN).result();
            if (fd < 0) {
                throw new UringException("openat(" + file + ", O_RDWR|O_CREAT|O_TRUNC)", fd,
                        "choose a writable directory with --dir");
            }
            return fd;
        }
    }

    /** Closes the file, gives the buffers back and deletes the file; a failure here joins an earlier one. */
    private void cleanUp(int fd, Path file, int[] slots, RuntimeException earlier) {
        for (int slot : slots) {
            pool.release(slot);
        }
        try {
            if (fd >= 0) {
                close(fd, file);
            }
            delete(file);
        } catch (RuntimeException e) {
            if (earlier == null) {
                throw e;
            }
            earlier.addSuppressed(e);
        }
    }

    private void close(int fd, Path file) {
        ring.nextSqe().close(fd).userData(CLOSE);
        int rc = completions.await(CLOSE).result();
        if (rc < 0) {
            throw new UringException("close(" + fd + ", " + file + ")", rc, null);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("fixed-io: cannot delete the scratch file " + file, e);
        }
    }
}
