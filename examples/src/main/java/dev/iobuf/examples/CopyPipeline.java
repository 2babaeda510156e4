package dev.iobuf.examples;

import dev.iobuf.uring.CompletionHandler;
import dev.iobuf.uring.RegisteredBuffers;
import dev.iobuf.uring.RegisteredFiles;
import dev.iobuf.uring.ResourceTags;
import dev.iobuf.uring.Ring;
import dev.iobuf.uring.UringException;
import java.nio.file.Path;

/**
 * The copy loop of {@link FixedCopy}: a number of lanes, each owning one registered buffer, run in
 * parallel. A lane reads a chunk at offset X with READ_FIXED, writes it at X with WRITE_FIXED when
 * the read completes, then takes the next chunk. Short reads and short writes resubmit the
 * remainder (from the same place in the buffer); the lane moves on only when its whole chunk is
 * written. Both files are slots of the ring's registered file table (IOSQE_FIXED_FILE).
 *
 * <p>Each lane has exactly one operation in flight, so the lane number is the SQE's user_data and
 * the lane's phase says whether its completion is a read or a write. After the first failure no new
 * work starts; the operations still in flight are collected, then the failure is thrown.
 *
 * <p>Steady state allocates nothing: state lives in arrays, SQEs come from the ring, and the ring
 * calls {@link #complete} for each completion.
 */
final class CopyPipeline implements CompletionHandler {
    private static final byte IDLE = 0;
    private static final byte READING = 1;
    private static final byte WRITING = 2;

    private final Ring ring;
    private final RegisteredBuffers buffers;
    private final RegisteredFiles files;
    private final Path srcPath;
    private final Path dstPath;
    private final int chunk;
    /** Registered buffer slot of each lane. */
    private final int[] bufferSlot;
    private final long[] offset;
    private final int[] length;
    /** Bytes of the lane's current phase done so far (read into the buffer, or written from it). */
    private final int[] done;
    private final byte[] phase;

    private int srcSlot;
    private int dstSlot;
    private long next;
    private long end;
    private int inFlight;
    private RuntimeException failure;
    private String alignmentNote = "";

    private long bytes;
    private long reads;
    private long writes;
    private long shortReads;
    private long shortWrites;

    /**
     * @param bufferSlots the registered buffer slot of each lane (at most this many operations in flight)
     * @param chunk bytes per chunk; every buffer holds at least this many
     */
    CopyPipeline(Ring ring, RegisteredBuffers buffers, RegisteredFiles files, int[] bufferSlots, int chunk,
                 Path srcPath, Path dstPath) {
        this.ring = ring;
        this.buffers = buffers;
        this.files = files;
        this.bufferSlot = bufferSlots.clone();
        this.chunk = chunk;
        this.srcPath = srcPath;
        this.dstPath = dstPath;
        int lanes = bufferSlots.length;
        this.offset = new long[lanes];
        this.length = new int[lanes];
        this.done = new int[lanes];
        this.phase = new byte[lanes];
    }

    /**
     * Copies bytes {@code from .. to-1} of the file in registered slot {@code src} to the same offsets of
     * the file in slot {@code dst}, with at most {@code lanes} chunks in flight.
     *
     * @param alignment for O_DIRECT files, how offsets, lengths and buffers are aligned (named in errors
     *     the kernel gives for misalignment), else empty
     * @throws UringException for a failed read or write (the errno, the file, the offset)
     * @throws ToolException if the source ended early or a write made no progress
     */
    void copy(int src, int dst, long from, long to, int lanes, String alignment) {
        if (lanes < 1 || lanes > bufferSlot.length) {
            throw new IllegalArgumentException("lanes must be in 1 .. " + bufferSlot.length + ", got " + lanes);
        }
        this.srcSlot = src;
        this.dstSlot = dst;
        this.next = from;
        this.end = to;
        this.failure = null;
        this.alignmentNote = alignment;
        for (int lane = 0; lane < lanes && next < end; lane++) {
            startChunk(lane);
        }
        while (inFlight > 0) {
            ring.submitAndWait(1);
            ring.reap(this);
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void complete(long userData, int result, int flags) {
        if (ResourceTags.isTagCompletion(userData)) {
            return;   // a registered buffer or file was released: nothing of ours
        }
        int lane = (int) userData;
        inFlight--;
        if (failure != null) {
            phase[lane] = IDLE;   // draining after a failure: start nothing new
            return;
        }
        if (result < 0) {
            failure = ioFailure(lane, result);
            phase[lane] = IDLE;
        } else if (phase[lane] == READING) {
            readDone(lane, result);
        } else {
            writeDone(lane, result);
        }
    }

    private void readDone(int lane, int n) {
        reads++;
        if (n == 0) {
            failure = new ToolException(srcPath + " ended at offset " + (offset[lane] + done[lane]) + " though it held "
                    + end + " bytes when the copy started: it shrank while being copied");
            phase[lane] = IDLE;
            return;
        }
        done[lane] += n;
        if (done[lane] < length[lane]) {
            shortReads++;
            submitRead(lane);
            return;
        }
        phase[lane] = WRITING;
        done[lane] = 0;
        submitWrite(lane);
    }

    private void writeDone(int lane, int n) {
        writes++;
        if (n == 0) {
            failure = new ToolException("writing " + dstPath + " at offset " + (offset[lane] + done[lane])
                    + " made no progress (0 bytes written): is its file system full?");
            phase[lane] = IDLE;
            return;
        }
        done[lane] += n;
        if (done[lane] < length[lane]) {
            shortWrites++;
            submitWrite(lane);
            return;
        }
        bytes += length[lane];
        phase[lane] = IDLE;
        if (next < end) {
            startChunk(lane);
        }
    }

    private void startChunk(int lane) {
        offset[lane] = next;
        length[lane] = (int) Math.min(chunk, end - next);
        next += length[lane];
        done[lane] = 0;
        phase[lane] = READING;
        submitRead(lane);
    }

    /** READ_FIXED of the rest of the lane's chunk, into the buffer where the previous read stopped. */
    private void submitRead(int lane) {
        int d = done[lane];
        buffers.prepReadFixed(ring.nextSqe(), files, srcSlot, bufferSlot[lane], d, length[lane] - d, offset[lane] + d)
                .userData(lane);
        inFlight++;
    }

    /** WRITE_FIXED of the rest of the lane's chunk, from the buffer where the previous write stopped. */
    private void submitWrite(int lane) {
        int d = done[lane];
        buffers.prepWriteFixed(ring.nextSqe(), files, dstSlot, bufferSlot[lane], d, length[lane] - d, offset[lane] + d)
                .userData(lane);
        inFlight++;
    }

    private UringException ioFailure(int lane, int result) {
        boolean read = phase[lane] == READING;
        long at = offset[lane] + done[lane];
        int len = length[lane] - done[lane];
        String op = (read ? "read(" + srcPath : "write(" + dstPath) + ", " + len + " bytes at offset " + at + ")";
        String remedy = null;
        if ("EINVAL".equals(UringException.errnoName(result)) && !alignmentNote.isEmpty()) {
            remedy = "O_DIRECT needs file offsets, lengths and buffer addresses aligned (" + alignmentNote
                    + "); a short transfer left the remainder unaligned. Run without --direct";
        } else if ("ENOSPC".equals(UringException.errnoName(result))) {
            remedy = "the file system holding " + dstPath + " is full";
        }
        return new UringException(op, result, remedy);
    }

    long bytes() {
        return bytes;
    }

    long reads() {
        return reads;
    }

    long writes() {
        return writes;
    }

    long shortReads() {
        return shortReads;
    }

    long shortWrites() {
        return shortWrites;
    }
}
