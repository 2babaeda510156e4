package dev.iobuf.liburing;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout.OfLong;
import java.util.function.Consumer;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

/**
 * Kernel timespec (64-bit seconds on every ABI), used for io_uring timeouts.
 * <p>Layout of {@code struct __kernel_timespec} from {@code <linux/time_types.h>}: 16 bytes, aligned to 8.
 * Same shape as a jextract-generated struct class (see the module README); checked against the C
 * headers by {@code LayoutConformanceTest}.
 */
@SuppressWarnings({"unused", "restricted", "checkstyle:TypeName"}) // restricted: reinterpret of raw addresses
public class __kernel_timespec {

    __kernel_timespec() {
        // static accessors only
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        LibUring.C_LONG_LONG.withName("tv_sec"),
        LibUring.C_LONG_LONG.withName("tv_nsec")
    ).withName("__kernel_timespec");

    /** The layout of this struct. @return the layout */
    public static final GroupLayout layout() {
        return $LAYOUT;
    }

    private static final OfLong tv_sec$LAYOUT = (OfLong) $LAYOUT.select(groupElement("tv_sec"));

    /** Layout of {@code tv_sec}. @return the layout */
    public static final OfLong tv_sec$layout() {
        return tv_sec$LAYOUT;
    }

    private static final long tv_sec$OFFSET = 0;

    /** Byte offset of {@code tv_sec}. @return the offset */
    public static final long tv_sec$offset() {
        return tv_sec$OFFSET;
    }

    /**
     * Field of {@code struct __kernel_timespec}:
     * {@snippet lang=c :
     * long long tv_sec
     * }
     * @param struct the struct
     * @return the field value
     */
    public static long tv_sec(MemorySegment struct) {
        return struct.get(tv_sec$LAYOUT, tv_sec$OFFSET);
    }

    /**
     * Field of {@code struct __kernel_timespec}:
     * {@snippet lang=c :
     * long long tv_sec
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void tv_sec(MemorySegment struct, long fieldValue) {
        struct.set(tv_sec$LAYOUT, tv_sec$OFFSET, fieldValue);
    }

    private static final OfLong tv_nsec$LAYOUT = (OfLong) $LAYOUT.select(groupElement("tv_nsec"));

    /** Layout of {@code tv_nsec}. @return the layout */
    public static final OfLong tv_nsec$layout() {
        return tv_nsec$LAYOUT;
    }

    private static final long tv_nsec$OFFSET = 8;

    /** Byte offset of {@code tv_nsec}. @return the offset */
    public static final long tv_nsec$offset() {
        return tv_nsec$OFFSET;
    }

    /**
     * Field of {@code struct __kernel_timespec}:
     * {@snippet lang=c :
     * long long tv_nsec
     * }
     * @param struct the struct
     * @return the field value
     */
    public static long tv_nsec(MemorySegment struct) {
        return struct.get(tv_nsec$LAYOUT, tv_nsec$OFFSET);
    }

    /**
     * Field of {@code struct __kernel_timespec}:
     * {@snippet lang=c :
     * long long tv_nsec
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void tv_nsec(MemorySegment struct, long fieldValue) {
        struct.set(tv_nsec$LAYOUT, tv_nsec$OFFSET, fieldValue);
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
