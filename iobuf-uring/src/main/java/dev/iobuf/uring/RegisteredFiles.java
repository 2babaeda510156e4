package dev.iobuf.uring;

import static dev.iobuf.liburing.LibUring.IORING_REGISTER_FILES2;
import static dev.iobuf.liburing.LibUring.IORING_REGISTER_FILES_UPDATE2;
import static dev.iobuf.liburing.LibUring.IORING_REGISTER_FILE_ALLOC_RANGE;
import static dev.iobuf.liburing.LibUring.IORING_UNREGISTER_FILES;

import dev.iobuf.liburing.Errno;
import dev.iobuf.liburing.io_uring_file_index_range;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The ring's registered (fixed) file table: SQEs with IOSQE_FIXED_FILE ({@link Sqe#fixedFile()})
 * name a slot instead of an fd, and the kernel skips the fd lookup and reference counting per I/O.
 *
 * <pre>{@code
 * try (RegisteredFiles files = RegisteredFiles.register(ring, 64)) {   // sparse: all slots empty
 *     files.set(0, fd);                                                  // the kernel takes its own reference
 *     ring.nextSqe().read(0, addr, len, 0).fixedFile();                  // fd field = slot 0
 * }
 * }</pre>
 *
 * <p><b>Slots.</b> {@link #set} installs or replaces, {@link #remove} empties
 * (IORING_REGISTER_FILES_UPDATE2); the kernel holds its own reference to each installed file, so the
 * caller may close its fd right after {@code set}. {@link #allocationRange} tells the kernel which
 * slots it may pick for direct descriptors ({@link Sqe#openatDirect} with IORING_FILE_INDEX_ALLOC,
 * accept direct); slots the kernel fills that way are not tracked here ({@link #isSet} knows only
 * {@code set} slots) and carry no tag.
 *
 * <p><b>Tags.</b> Every file installed by this class carries a resource tag; when it is replaced,
 * removed or unregistered and no request uses it any more, the kernel drops its reference and posts
 * the tag's CQE; route it with {@link ResourceTags#dispatch} to reach the {@link ReleaseListener}.
 *
 * <p>{@link #close()} unregisters (IORING_UNREGISTER_FILES); closing the ring closes this first. Any
 * use after close is an {@link IllegalStateException}. Used from the ring's thread.
 */
public final class RegisteredFiles implements AutoCloseable, ResourceTagTable {
    /** The kernel's table limit (IORING_MAX_FIXED_FILES); RLIMIT_NOFILE bounds it too. */
    public static final int MAX_TABLE_SIZE = 1 << 20;

    private static final String BUSY_REMEDY = "this ring already has a registered file table (one per ring): "
            + "close the other RegisteredFiles, or register one table large enough and fill it with set()";

    /** Who hears that the kernel dropped its reference to a file that left its slot. */
    @FunctionalInterface
    public interface ReleaseListener {
        /** The kernel no longer uses the file slot {@code slot} held before it was replaced, removed or unregistered. */
        void released(int slot);
    }

    private final Ring ring;
    private final ResourceTags tags;
    private final int tableId;
    private final int tableSize;
    private final long[] slotTags;
    /** Tag of a file that left its slot -> the slot, until the tag's CQE arrives. */
    private final Map<Long, Integer> retiring = new HashMap<>();
    private ReleaseListener listener = slot -> { };
    private int set;
    private long strayTags;
    private boolean kernelHasTable;
    private boolean closed;

    private RegisteredFiles(Ring ring, int tableSize) {
        this.ring = ring;
        this.tags = ResourceTags.of(ring);
        this.tableSize = tableSize;
        this.slotTags = new long[tableSize];
        this.tableId = tags.register(this);
    }

    /**
     * Registers an empty table of {@code tableSize} slots (FILES2 with IORING_RSRC_REGISTER_SPARSE).
     *
     * @throws IllegalArgumentException if {@code tableSize} is outside {@code 1 ..} {@link #MAX_TABLE_SIZE}
     * @throws UringException if the kernel refuses (EMFILE: above RLIMIT_NOFILE; EBUSY: a table exists)
     */
    public static RegisteredFiles register(Ring ring, int tableSize) {
        return register(ring, tableSize, new int[0]);
    }

    /**
     * Registers a table of {@code tableSize} slots with {@code fds[i]} in slot {@code i}, each tagged,
     * and the rest empty (FILES2).
     *
     * @throws IllegalArgumentException if {@code fds} is longer than the table or an fd is negative
     */
    public static RegisteredFiles register(Ring ring, int tableSize, int... fds) {
        Objects.requireNonNull(ring, "ring");
        Objects.requireNonNull(fds, "fds");
        if (tableSize < 1 || tableSize > MAX_TABLE_SIZE || fds.length > tableSize) {
            throw new IllegalArgumentException("tableSize must be in max(1, fds.length=" + fds.length + ") .. "
                    + MAX_TABLE_SIZE + ", got " + tableSize);
        }
        for (int i = 0; i < fds.length; i++) {
            if (fds[i] < 0) {
                throw new IllegalArgumentException("fds[" + i + "] is " + fds[i] + ": pass open file descriptors");
            }
        }
        RegisteredFiles rf = new RegisteredFiles(ring, tableSize);
        try {
            rf.registerTable(fds);
            ring.attach(rf);
            return rf;
        } catch (RuntimeException | Error e) {
            rf.abandon();
            throw e;
        }
    }

    private void registerTable(int[] fds) {
        String op = "io_uring_register(FILES2, " + tableSize + " slots, " + fds.length + " files)";
        int rc;
        long[] newTags = new long[fds.length];
        rc = fds.length == 0 ? ResourceTagUpdates.registerTable(ring, IORING_REGISTER_FILES2(), tableSize, 0, 0, true)
                : -Errno.EINVAL.number();
        // Kernels before 5.19 lack IORING_RSRC_REGISTER_SPARSE: spell the empty slots out as -1 (5.13+)
        if (Errno.EINVAL.is(rc)) {
            int[] all = new int[tableSize];
            Arrays.fill(all, -1);
            System.arraycopy(fds, 0, all, 0, fds.length);
            long[] allTags = new long[tableSize];
            for (int i = 0; i < fds.length; i++) {
                newTags[i] = tags.newTag(tableId, i);
                allTags[i] = newTags[i];
            }
            try (Arena arena = Arena.ofConfined()) {
                rc = ResourceTagUpdates.registerTable(ring, IORING_REGISTER_FILES2(), tableSize,
                        ResourceTagUpdates.ints(arena, all, 0, tableSize).address(),
                        ResourceTagUpdates.longs(arena, allTags, 0, tableSize).address(), false);
            }
        }
        if (rc < 0) {
            throw fail(op, rc);
        }
        kernelHasTable = true;
        for (int i = 0; i < fds.length; i++) {
            install(i, newTags[i]);
        }
    }

    private void abandon() {
        closed = true;
        if (kernelHasTable && !ring.isClosed()) {
            ring.register(IORING_UNREGISTER_FILES(), MemorySegment.NULL, 0);
        }
        retiring.clear();
        tags.retire(tableId, this);
    }

    // ---------------------------------------------------------------- slots

    /**
     * Installs {@code fd} in {@code slot}, replacing what it held. The kernel takes its own reference:
     * the caller may close {@code fd} afterwards.
     *
     * @throws IllegalArgumentException if {@code fd} is negative
     * @throws IndexOutOfBoundsException if {@code slot} is outside the table
     * @throws UringException if the kernel refuses (EBADF: not an open fd; ...); the slot is unchanged
     */
    public void set(int slot, int fd) {
        ensureOpen();
        Objects.checkIndex(slot, tableSize);
        if (fd < 0) {
            throw new IllegalArgumentException("fd " + fd + " is not a file descriptor; use remove(slot) to empty a slot");
        }
        long tag = tags.newTag(tableId, slot);
        updateOne(slot, fd, tag, "set slot " + slot + " to fd " + fd);
        install(slot, tag);
    }

    /** Empties {@code slot}; its file is released like a replaced one. Removing an empty slot does nothing. */
    public void remove(int slot) {
        ensureOpen();
        Objects.checkIndex(slot, tableSize);
        updateOne(slot, -1, 0, "remove slot " + slot);
        install(slot, 0);
    }

    private void updateOne(int slot, int fd, long tag, String what) {
        int rc;
        try (Arena arena = Arena.ofConfined()) {
            rc = ResourceTagUpdates.update(ring, IORING_REGISTER_FILES_UPDATE2(), slot, 1,
                    ResourceTagUpdates.ints(arena, new int[] {fd}, 0, 1).address(),
                    ResourceTagUpdates.longs(arena, new long[] {tag}, 0, 1).address());
        }
        if (rc != 1) {
            throw fail("io_uring_register(FILES_UPDATE2, " + what + ")", rc < 0 ? rc : -Errno.EINVAL.number());
        }
    }

    private void install(int slot, long tag) {
        if (slotTags[slot] != 0) {
            retiring.put(slotTags[slot], slot);
            set--;
        }
        slotTags[slot] = tag;
        set += tag != 0 ? 1 : 0;
    }

    /**
     * Lets the kernel pick direct-descriptor slots only in {@code first .. first+count-1}
     * (IORING_REGISTER_FILE_ALLOC_RANGE, Linux 6.0), e.g. to keep {@link #set} slots apart from
     * {@code openatDirect(..., IORING_FILE_INDEX_ALLOC)} ones.
     */
    public void allocationRange(int first, int count) {
        ensureOpen();
        Objects.checkFromIndexSize(first, count, tableSize);
        int rc;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment range = io_uring_file_index_range.allocate(arena);
            io_uring_file_index_range.off(range, first);
            io_uring_file_index_range.len(range, count);
            rc = ring.register(IORING_REGISTER_FILE_ALLOC_RANGE(), range, 0);
        }
        String op = "io_uring_register(FILE_ALLOC_RANGE, " + first + "+" + count + ")";
        if (Errno.EINVAL.is(rc) && !Kernel.atLeast("6.0")) {
            throw UnsupportedFeatureException.refused("IORING_REGISTER_FILE_ALLOC_RANGE", "6.0", op, rc);
        }
        if (rc < 0) {
            throw new UringException(op, rc,
                    Errno.EINVAL.is(rc) ? "the allocation range needs Linux 6.0 and must lie inside the table" : null);
        }
    }

    /** {@code slot} after checking it lies in the table and the table is open; for SQEs with IOSQE_FIXED_FILE. */
    public int checkedSlot(int slot) {
        ensureOpen();
        return Objects.checkIndex(slot, tableSize);
    }

    /** Whether {@code slot} holds a file installed by {@link #set} or at registration. */
    public boolean isSet(int slot) {
        return slotTags[Objects.checkIndex(slot, tableSize)] != 0;
    }

    /** Slots holding a file installed by this object (0 after close). */
    public int setSlots() {
        return set;
    }

    /** Slots in the kernel table. */
    public int tableSize() {
        return tableSize;
    }

    // ---------------------------------------------------------------- tags

    /** Sets who hears of released files (replaces the previous listener; called on the reaping thread). */
    public void onRelease(ReleaseListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public void tagReleased(long tag) {
        Integer slot = retiring.remove(tag);
        if (slot == null) {
            strayTags++;
            return;
        }
        try {
            listener.released(slot);
        } finally {
            if (closed && retiring.isEmpty()) {
                tags.drained(tableId, this);
            }
        }
    }

    /** Files the kernel may still reference though they left their slot; readable after close. */
    @Override
    public int pendingReleases() {
        return retiring.size();
    }

    /** Tag CQEs that matched no released file of this table (diagnostics). */
    public long strayTags() {
        return strayTags;
    }

    /** Whether {@link #close()} ran (or the ring closed it). */
    public boolean isClosed() {
        return closed;
    }

    // ---------------------------------------------------------------- close

    /**
     * Unregisters the table (IORING_UNREGISTER_FILES); idempotent. Each tagged file's CQE follows once
     * no request uses it.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean unregistered = !ring.isClosed();
        int rc = unregistered ? ring.register(IORING_UNREGISTER_FILES(), MemorySegment.NULL, 0) : 0;
        long[] live = slotTags.clone();
        for (int slot = 0; slot < tableSize; slot++) {
            install(slot, 0);
        }
        ring.detach(this);
        tags.retire(tableId, this);
        if (unregistered && rc == 0 && !ResourceTags.unregisterPostsTags()) {
            ResourceTagTable.releaseUntagged(live, this);
        }
        if (rc < 0) {
            throw new UringException("io_uring_register(UNREGISTER_FILES, ring fd " + ring.fd() + ")", rc, null);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("these RegisteredFiles are closed (unregistered): register again");
        }
    }

    private static UringException fail(String op, int rc) {
        if (Errno.EMFILE.is(rc)) {
            return new UringException(op, rc, "a registered file table may not exceed RLIMIT_NOFILE: raise it "
                    + "(ulimit -n, LimitNOFILE=, docker --ulimit nofile=) or register fewer slots");
        }
        return ResourceTagUpdates.failure(op, rc, BUSY_REMEDY);
    }

    @Override
    public String toString() {
        return "RegisteredFiles[" + set + "/" + tableSize + " slots set, pending releases " + retiring.size()
                + (closed ? ", closed" : "") + "]";
    }
}
