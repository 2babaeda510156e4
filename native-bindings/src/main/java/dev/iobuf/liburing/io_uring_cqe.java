package dev.iobuf.liburing;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.SequenceLayout;
import java.lang.foreign.ValueLayout.OfInt;
import java.lang.foreign.ValueLayout.OfLong;
import java.util.function.Consumer;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

/**
 * Completion queue entry (16 bytes; 32 with IORING_SETUP_CQE32, the extra 16 in {@code big_cqe}).
 * <p>Layout of {@code struct io_uring_cqe} from {@code <linux/io_uring.h>}: 16 bytes, aligned to 8.
 * Same shape as a jextract-generated struct class (see the module README); checked against the C
 * headers by {@code LayoutConformanceTest}.
 */
@SuppressWarnings({"unused", "restricted", "checkstyle:TypeName"}) // restricted: reinterpret of raw addresses
public class io_uring_cqe {

    io_uring_cqe() {
        // static accessors only
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        LibUring.C_LONG_LONG.withName("user_data"),
        LibUring.C_INT.withName("res"),
        LibUring.C_INT.withName("flags"),
        MemoryLayout.sequenceLayout(0, LibUring.C_LONG_LONG).withName("big_cqe")
    ).withName("io_uring_cqe");

    /** The layout of this struct. @return the layout */
    public static final GroupLayout layout() {
        return $LAYOUT;
    }

    private static final OfLong user_data$LAYOUT = (OfLong) $LAYOUT.select(groupElement("user_data"));

    /** Layout of {@code user_data}. @return the layout */
    public static final OfLong user_data$layout() {
        return user_data$LAYOUT;
    }

    private static final long user_data$OFFSET = 0;

    /** Byte offset of {@code user_data}. @return the offset */
    public static final long user_data$offset() {
        return user_data$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_cqe}:
     * {@snippet lang=c :
     * __u64 user_data
     * }
     * @param struct the struct
     * @return the field value
     */
    public static long user_data(MemorySegment struct) {
        return struct.get(user_data$LAYOUT, user_data$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_cqe}:
     * {@snippet lang=c :
     * __u64 user_data
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void user_data(MemorySegment struct, long fieldValue) {
        struct.set(user_data$LAYOUT, user_data$OFFSET, fieldValue);
    }

    private static final OfInt res$LAYOUT = (OfInt) $LAYOUT.select(groupElement("res"));

    /** Layout of {@code res}. @return the layout */
    public static final OfInt res$layout() {
        return res$LAYOUT;
    }

    private static final long res$OFFSET = 8;

    /** Byte offset of {@code res}. @return the offset */
    public static final long res$offset() {
        return res$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_cqe}:
     * {@snippet lang=c :
     * __s32 res
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int res(MemorySegment struct) {
        return struct.get(res$LAYOUT, res$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_cqe}:
     * {@snippet lang=c :
     * __s32 res
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void res(MemorySegment struct, int fieldValue) {
        struct.set(res$LAYOUT, res$OFFSET, fieldValue);
    }

    private static final OfInt flags$LAYOUT = (OfInt) $LAYOUT.select(groupElement("flags"));

    /** Layout of {@code flags}. @return the layout */
    public static final OfInt flags$layout() {
        return flags$LAYOUT;
    }

    private static final long flags$OFFSET = 12;

    /** Byte offset of {@code flags}. @return the offset */
    public static final long flags$offset() {
        return flags$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_cqe}:
     * {@snippet lang=c :
     * __u32 flags
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int flags(MemorySegment struct) {
        return struct.get(flags$LAYOUT, flags$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_cqe}:
     * {@snippet lang=c :
     * __u32 flags
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void flags(MemorySegment struct, int fieldValue) {
        struct.set(flags$LAYOUT, flags$OFFSET, fieldValue);
    }

    private static final SequenceLayout big_cqe$LAYOUT = (SequenceLayout) $LAYOUT.select(groupElement("big_cqe"));

    /** Layout of {@code big_cqe}. @return the layout */
    public static final SequenceLayout big_cqe$layout() {
        return big_cqe$LAYOUT;
    }

    private static final long big_cqe$OFFSET = 16;

    /** Byte offset of {@code big_cqe}. @return the offset */
    public static final long big_cqe$offset() {
        return big_cqe$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_cqe}:
     * {@snippet lang=c :
     * __u64 big_cqe[]
     * }
     * <p>Flexible array member: the returned slice is empty; use the indexed accessor on a segment that covers the elements.
     * @param struct the struct
     * @return a zero-length slice at the array start
     */
    public static MemorySegment big_cqe(MemorySegment struct) {
        return struct.asSlice(big_cqe$OFFSET, big_cqe$LAYOUT.byteSize());
    }

    /**
     * Field of {@code struct io_uring_cqe}:
     * {@snippet lang=c :
     * __u64 big_cqe[]
     * }
     * @param struct the struct
     * @param fieldValue the bytes to copy into the field
     */
    public static void big_cqe(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, big_cqe$OFFSET, big_cqe$LAYOUT.byteSize());
    }

    private static final long[] big_cqe$DIMS = { 0 };

    /** Dimensions of {@code big_cqe}. @return the dimensions */
    public static long[] big_cqe$dimensions() {
        return big_cqe$DIMS.clone();
    }

    /**
     * Field of {@code struct io_uring_cqe}:
     * {@snippet lang=c :
     * __u64 big_cqe[]
     * }
     * @param struct the struct
     * @param index0 the element index
     * @return the element
     */
    public static long big_cqe(MemorySegment struct, long index0) {
        return struct.get(LibUring.C_LONG_LONG, big_cqe$OFFSET + index0 * 8);
    }

    /**
     * Field of {@code struct io_uring_cqe}:
     * {@snippet lang=c :
     * __u64 big_cqe[]
     * }
     * @param struct the struct
     * @param index0 the element index
     * @param fieldValue the new element value
     */
    public static void big_cqe(MemorySegment struct, long index0, long fieldValue) {
        struct.set(LibUring.C_LONG_LONG, big_cqe$OFFSET + index0 * 8, fieldValue);
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
