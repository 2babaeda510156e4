package dev.iobuf.liburing;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout.OfInt;
import java.lang.foreign.ValueLayout.OfLong;
import java.util.function.Consumer;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

/**
 * io_uring_enter(2) extended argument (IORING_ENTER_EXT_ARG): signal mask and timeout.
 * <p>Layout of {@code struct io_uring_getevents_arg} from {@code <linux/io_uring.h>}: 24 bytes, aligned to 8.
 * Same shape as a jextract-generated struct class (see the module README); checked against the C
 * headers by {@code LayoutConformanceTest}.
 */
@SuppressWarnings({"unused", "restricted", "checkstyle:TypeName"}) // restricted: reinterpret of raw addresses
public class io_uring_getevents_arg {

    io_uring_getevents_arg() {
        // static accessors only
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        LibUring.C_LONG_LONG.withName("sigmask"),
        LibUring.C_INT.withName("sigmask_sz"),
        LibUring.C_INT.withName("min_wait_usec"),
        LibUring.C_LONG_LONG.withName("ts")
    ).withName("io_uring_getevents_arg");

    /** The layout of this struct. @return the layout */
    public static final GroupLayout layout() {
        return $LAYOUT;
    }

    private static final OfLong sigmask$LAYOUT = (OfLong) $LAYOUT.select(groupElement("sigmask"));

    /** Layout of {@code sigmask}. @return the layout */
    public static final OfLong sigmask$layout() {
        return sigmask$LAYOUT;
    }

    private static final long sigmask$OFFSET = 0;

    /** Byte offset of {@code sigmask}. @return the offset */
    public static final long sigmask$offset() {
        return sigmask$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_getevents_arg}:
     * {@snippet lang=c :
     * __u64 sigmask
     * }
     * @param struct the struct
     * @return the field value
     */
    public static long sigmask(MemorySegment struct) {
        return struct.get(sigmask$LAYOUT, sigmask$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_getevents_arg}:
     * {@snippet lang=c :
     * __u64 sigmask
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void sigmask(MemorySegment struct, long fieldValue) {
        struct.set(sigmask$LAYOUT, sigmask$OFFSET, fieldValue);
    }

    private static final OfInt sigmask_sz$LAYOUT = (OfInt) $LAYOUT.select(groupElement("sigmask_sz"));

    /** Layout of {@code sigmask_sz}. @return the layout */
    public static final OfInt sigmask_sz$layout() {
        return sigmask_sz$LAYOUT;
    }

    private static final long sigmask_sz$OFFSET = 8;

    /** Byte offset of {@code sigmask_sz}. @return the offset */
    public static final long sigmask_sz$offset() {
        return sigmask_sz$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_getevents_arg}:
     * {@snippet lang=c :
     * __u32 sigmask_sz
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int sigmask_sz(MemorySegment struct) {
        return struct.get(sigmask_sz$LAYOUT, sigmask_sz$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_getevents_arg}:
     * {@snippet lang=c :
     * __u32 sigmask_sz
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void sigmask_sz(MemorySegment struct, int fieldValue) {
        struct.set(sigmask_sz$LAYOUT, sigmask_sz$OFFSET, fieldValue);
    }

    private static final OfInt min_wait_usec$LAYOUT = (OfInt) $LAYOUT.select(groupElement("min_wait_usec"));

    /** Layout of {@code min_wait_usec}. @return the layout */
    public static final OfInt min_wait_usec$layout() {
        return min_wait_usec$LAYOUT;
    }

    private static final long min_wait_usec$OFFSET = 12;

    /** Byte offset of {@code min_wait_usec}. @return the offset */
    public static final long min_wait_usec$offset() {
        return min_wait_usec$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_getevents_arg}:
     * {@snippet lang=c :
     * __u32 min_wait_usec
     * }
     * <p>Named {@code pad} before Linux 6.12 (must be 0 there).
     * <p>Since Linux 6.12 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @return the field value
     */
    public static int min_wait_usec(MemorySegment struct) {
        return struct.get(min_wait_usec$LAYOUT, min_wait_usec$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_getevents_arg}:
     * {@snippet lang=c :
     * __u32 min_wait_usec
     * }
     * <p>Named {@code pad} before Linux 6.12 (must be 0 there).
     * <p>Since Linux 6.12 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void min_wait_usec(MemorySegment struct, int fieldValue) {
        struct.set(min_wait_usec$LAYOUT, min_wait_usec$OFFSET, fieldValue);
    }

    private static final OfLong ts$LAYOUT = (OfLong) $LAYOUT.select(groupElement("ts"));

    /** Layout of {@code ts}. @return the layout */
    public static final OfLong ts$layout() {
        return ts$LAYOUT;
    }

    private static final long ts$OFFSET = 16;

    /** Byte offset of {@code ts}. @return the offset */
    public static final long ts$offset() {
        return ts$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_getevents_arg}:
     * {@snippet lang=c :
     * __u64 ts
     * }
     * @param struct the struct
     * @return the field value
     */
    public static long ts(MemorySegment struct) {
        return struct.get(ts$LAYOUT, ts$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_getevents_arg}:
     * {@snippet lang=c :
     * __u64 ts
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void ts(MemorySegment struct, long fieldValue) {
        struct.set(ts$LAYOUT, ts$OFFSET, fieldValue);
    }

    /**
     * Slice of element {@code index} of an array of this struct.
     * @param array the array
     * @param index the element index
     * @return the element slice
     */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice(layout().byteSize() * index, layout().byteSize());
    }

    /** Size of this struct in bytes. @return the size */
    public static long sizeof() {
        return layout().byteSize();
    }

    /**
     * Allocates one zeroed struct (the allocator decides; arenas zero memory).
     * @param allocator the allocator
     * @return the struct
     */
    public static MemorySegment allocate(SegmentAllocator allocator) {
        return allocator.allocate(layout());
    }

    /**
     * Allocates an array of this struct.
     * @param elementCount number of elements
     * @param allocator the allocator
     * @return the array
     */
    public static MemorySegment allocateArray(long elementCount, SegmentAllocator allocator) {
        return allocator.allocate(MemoryLayout.sequenceLayout(elementCount, layout()));
    }

    /**
     * Gives a raw address the size of one struct, in {@code arena}'s lifetime.
     * @param addr the address
     * @param arena the lifetime
     * @param cleanup run when the arena closes, or null
     * @return the sized segment
     */
    public static MemorySegment reinterpret(MemorySegment addr, Arena arena, Consumer<MemorySegment> cleanup) {
        return reinterpret(addr, 1, arena, cleanup);
    }

    /**
     * Gives a raw address the size of {@code elementCount} structs, in {@code arena}'s lifetime.
     * @param addr the address
     * @param elementCount number of elements
     * @param arena the lifetime
     * @param cleanup run when the arena closes, or null
     * @return the sized segment
     */
    public static MemorySegment reinterpret(MemorySegment addr, long elementCount, Arena arena, Consumer<MemorySegment> cleanup) {
        return addr.reinterpret(layout().byteSize() * elementCount, arena, cleanup);
    }
}
