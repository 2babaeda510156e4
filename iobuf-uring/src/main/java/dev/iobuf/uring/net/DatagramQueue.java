package dev.iobuf.uring.net;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The transport-neutral part of a UDP endpoint's send queue: datagrams copied in order into one byte ring
 * ({@code data}, each datagram contiguous), a record per datagram (where, how long, where its bytes end), and the
 * backpressure rules every transport shares: {@link #offer} is all-or-nothing and refuses when the records or the
 * bytes are full; {@link #isWritable()} turns false at half of either (the high-water mark) or after a refusal, and
 * {@link #drainedAfterRefusal()} says once when there is room again. A drained queue starts over at byte 0, so that
 * any datagram up to the capacity fits.
 *
 * <p>Records run {@code rHead} (oldest not yet freed) .. {@code rSent} (next to send) .. {@code rTail} (next free);
 * a transport sends from {@code rSent} on and frees with {@link #freeThrough} once the kernel no longer reads the
 * bytes. How a destination is kept is the transport's ({@link #keepAddress}). Nothing allocates after construction.
 * Loop thread only.
 */
abstract class DatagramQueue implements AutoCloseable {
    private final int maxDatagram;
    final DatagramStats stats;
    private final Arena arena = Arena.ofShared();
    final MemorySegment data;
    private final long capacity;
    private long head;
    private long tail;
    // datagram records, indexed by absolute number & mask
    final int mask;
    final int[] offset;
    final int[] length;
    private final long[] end;
    int rHead;
    int rSent;
    int rTail;
    private boolean refused;

    DatagramQueue(DatagramOptions options, DatagramStats stats) {
        this.maxDatagram = options.maxDatagramSize();
        this.stats = stats;
        int records = options.sendQueueDatagrams();
        this.capacity = options.sendBufferBytes();
        this.data = arena.allocate(capacity, 64);
        this.mask = records - 1;
        this.offset = new int[records];
        this.length = new int[records];
        this.end = new long[records];
    }

    /** Native memory for the transport's per-record or per-send structures, freed with the queue. */
    final MemorySegment allocate(long bytes) {
        return arena.allocate(bytes, 8);
    }

    /**
     * Keeps {@code to} as the destination of record {@code r} (an index already masked).
     *
     * @return false if this socket cannot reach it (an IPv6 address from an IPv4 socket): nothing is queued then
     */
    abstract boolean keepAddress(int r, DatagramAddress to);

    /** Datagrams queued or in flight. */
    final int queued() {
        return rTail - rHead;
    }

    final boolean hasUnsent() {
        return rSent != rTail;
    }

    /** Below half of both the record and the byte capacity, and no refusal since the queue last drained that far. */
    final boolean isWritable() {
        return !refused && belowHalf();
    }

    private boolean belowHalf() {
        return queued() <= mask / 2 && tail - head <= capacity / 2;
    }

    /** Whether a refusal (or the high-water mark) is over: the endpoint then tells the handler once. */
    final boolean drainedAfterRefusal() {
        if (refused && belowHalf()) {
            refused = false;
            return true;
        }
        return false;
    }

    /**
     * Copies the datagram and its destination in; false (nothing queued, counted) when full.
     *
     * @throws IllegalArgumentException if it is too large or unreachable from this socket's family
     */
    final boolean offer(MemorySegment src, long srcOffset, int bytes, DatagramAddress to) {
        if (bytes < 0 || bytes > maxDatagram) {
            throw new IllegalArgumentException("datagram of " + bytes + " bytes: this endpoint sends 0 .. " + maxDatagram
                    + " (DatagramOptions.maxDatagramSize)");
        }
        if (!to.isSet()) {
            throw new IllegalArgumentException("the destination DatagramAddress holds no address: set it first");
        }
        if (queued() > mask) {
            return refuse();
        }
        int r = rTail & mask;
        if (!keepAddress(r, to)) {
            throw new IllegalArgumentException(to + " cannot be reached from an IPv4 socket: bind the endpoint to an "
                    + "IPv6 address (\"::\" serves both) to send to IPv6 addresses");
        }
        if (rHead == rTail) {
            head = 0;                       // empty: start at 0, so that any datagram up to the capacity fits
            tail = 0;
        }
        long at = tail % capacity;
        long skip = at + bytes > capacity ? capacity - at : 0;      // keep each datagram contiguous: wrap early
        if (skip + bytes > capacity - (tail - head)) {
            return refuse();
        }
        tail += skip;
        at = skip > 0 ? 0 : at;
        MemorySegment.copy(src, srcOffset, data, at, bytes);
        offset[r] = (int) at;
        length[r] = bytes;
        tail += bytes;
        end[r] = tail;
        rTail++;
        if (!belowHalf()) {
            refused = true;                 // the high-water mark: onWritable once it drained
        }
        return true;
    }

    private boolean refuse() {
        refused = true;
        stats.sendsRefused++;
        return false;
    }

    /** The bytes of records {@code r} .. {@code r + n - 1} (absolute numbers, contiguous in {@code data}). */
    final int bytesOf(int r, int n) {
        return (int) (end[(r + n - 1) & mask] - end[r & mask]) + length[r & mask];
    }

    /** Records before {@code r} (an absolute number) are done with: their bytes are free again. */
    final void freeThrough(int r) {
        rHead = r;
        head = end[(r - 1) & mask];
    }

    /** Drops datagrams not yet sent (the loop failed, or the socket is gone). */
    final void dropUnsent() {
        rTail = rSent;
    }

    @Override
    public void close() {
        if (arena.scope().isAlive()) {
            arena.close();
        }
    }
}
