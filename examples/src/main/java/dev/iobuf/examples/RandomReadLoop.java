package dev.iobuf.examples;

import dev.iobuf.uring.CompletionHandler;
import dev.iobuf.uring.RegisteredBuffers;
import dev.iobuf.uring.RegisteredFiles;
import dev.iobuf.uring.ResourceTags;
import dev.iobuf.uring.Ring;
import dev.iobuf.uring.UringException;
import java.nio.file.Path;

/**
 * The measuring loop of {@link RandomRead}: {@code depth} READ_FIXED operations of one block each,
 * at random block-aligned offsets of a registered file, always in flight; each completion starts the
 * next read on the same buffer. Runs until a deadline or a number of reads, then collects what is in
 * flight.
 *
 * <p>Latency: the loop reads the clock once per wake-up (after each {@code submitAndWait}, and after
 * each early submit), not per operation. A read's start is the wake-up at which it was prepared (it is submitted with the next
 * {@code submitAndWait}, a few hundred nanoseconds later), its end the wake-up at which its completion
 * is reaped. So a latency includes the time the completion waited in the CQ for the loop, which is
 * what a caller of this loop sees, and reads that completed inside one {@code io_uring_enter} all get
 * that call's duration.
 *
 * <p>Submission: new reads are submitted with the next wait, once the CQ is drained, or every
 * {@code submitEvery} prepared reads if that comes first. Buffered reads of cached pages complete
 * inside the submitting {@code io_uring_enter}, so one enter per drained CQ is cheapest; O_DIRECT
 * reads go to the device, which should get them as soon as possible: {@link RandomRead} submits
 * every 4 there (measured ~12% more IOPS than holding the whole batch, see benchmarks/README.md).
 */
final class RandomReadLoop implements CompletionHandler {
    private final Ring ring;
    private final RegisteredBuffers buffers;
    private final RegisteredFiles files;
    private final int fileSlot;
    private final Path path;
    private final int blockSize;
    private final long blocks;
    private final int[] bufferSlot;
    private final long[] started;
    private final long[] offset;
    private final LatencyHistogram latency = new LatencyHistogram();
    private final int submitEvery;

    private long random;
    private long now;
    private long deadline;
    private long remaining;
    private int inFlight;
    private int prepared;
    private long completed;
    private RuntimeException failure;

    /**
     * @param bufferSlots registered buffer slot of each lane; their number is the queue depth
     * @param blocks reads land on block {@code 0 .. blocks-1}
     * @param seed of the xorshift generator choosing the blocks (0 is replaced)
     * @param submitEvery submit after this many prepared reads ({@code Integer.MAX_VALUE}: only with the next wait)
     */
    RandomReadLoop(Ring ring, RegisteredBuffers buffers, RegisteredFiles files, int fileSlot, Path path,
                   int[] bufferSlots, int blockSize, long blocks, long seed, int submitEvery) {
        this.ring = ring;
        this.buffers = buffers;
        this.files = files;
        this.fileSlot = fileSlot;
        this.path = path;
        this.bufferSlot = bufferSlots.clone();
        this.blockSize = blockSize;
        this.blocks = blocks;
        this.started = new long[bufferSlots.length];
        this.offset = new long[bufferSlots.length];
        this.random = seed == 0 ? 0x9E37_79B9_7F4A_7C15L : seed;
        this.submitEvery = submitEvery;
    }

    /**
     * Reads until {@code durationNanos} passed or {@code count} reads were started, whichever comes
     * first, then waits for those in flight.
     *
     * @return the nanoseconds from the first submit to the last completion
     */
    long run(long durationNanos, long count) {
        long begin = System.nanoTime();
        now = begin;
        deadline = begin + durationNanos;
        remaining = count;
        for (int lane = 0; lane < bufferSlot.length && remaining > 0; lane++) {
            prepareRead(lane);
        }
        while (inFlight > 0) {
            ring.submitAndWait(1);
            prepared = 0;
            now = System.nanoTime();
            ring.reap(this);
        }
        if (failure != null) {
            throw failure;
        }
        return now - begin;
    }

    @Override
    public void complete(long userData, int result, int flags) {
        if (ResourceTags.isTagCompletion(userData)) {
            return;
        }
        int lane = (int) userData;
        inFlight--;
        if (result != blockSize) {
            if (failure == null) {
                failure = result < 0
                        ? new UringException("read(" + path + ", " + blockSize + " bytes at offset " + offset[lane] + ")",
                                result, null)
                        : new ToolException("read of " + path + " at offset " + offset[lane] + " returned " + result
                                + " of " + blockSize + " bytes: the file shrank while being read");
            }
            return;
        }
        completed++;
        latency.record(now - started[lane]);
        if (failure == null && remaining > 0 && now - deadline < 0) {
            prepareRead(lane);
            if (++prepared >= submitEvery) {
                ring.submit();   // the handler may submit: the CQE's fields were copied out
                prepared = 0;
                // Completions this enter let in are reaped in this same pass: time them from here.
                now = System.nanoTime();
            }
        }
    }

    private void prepareRead(int lane) {
        long block = Math.unsignedMultiplyHigh(nextRandom(), blocks);   // uniform in [0, blocks)
        offset[lane] = block * blockSize;
        started[lane] = now;
        buffers.prepReadFixed(ring.nextSqe(), files, fileSlot, bufferSlot[lane], 0, blockSize, offset[lane])
                .userData(lane);
        inFlight++;
        remaining--;
    }

    /** xorshift64* (Vigna): fast, allocation-free, plenty for spreading offsets. */
    private long nextRandom() {
        long x = random;
        x ^= x >>> 12;
        x ^= x << 25;
        x ^= x >>> 27;
        random = x;
        return x * 0x2545_F491_4F6C_DD1DL;
    }

    long completed() {
        return completed;
    }

    LatencyHistogram latency() {
        return latency;
    }
}
