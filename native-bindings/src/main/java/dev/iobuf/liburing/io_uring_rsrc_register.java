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
 * IORING_REGISTER_BUFFERS2 / FILES2 argument: a table of {@code nr} resources with optional tags, or a sparse table (IORING_RSRC_REGISTER_SPARSE).
 * <p>Layout of {@code struct io_uring_rsrc_register} from {@code <linux/io_uring.h>}: 32 bytes, aligned to 8.
 * Same shape as a jextract-generated struct class (see the module README); checked against the C
 * headers by {@code LayoutConformanceTest}.
 */
@SuppressWarnings({"unused", "restricted", "checkstyle:TypeName"}) // restricted: reinterpret of raw addresses
public class io_uring_rsrc_register {

    io_uring_rsrc_register() {
        // static accessors only
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        LibUring.C_INT.withName("nr"),
        LibUring.C_INT.withName("flags"),
        LibUring.C_LONG_LONG.withName("resv2"),
        LibUring.C_LONG_LONG.withName("data"),
        LibUring.C_LONG_LONG.withName("tags")
    ).withName("io_uring_rsrc_register");

    /** The layout of this struct. @return the layout */
    public static final GroupLayout layout() {
        return $LAYOUT;
    }

    private static final OfInt nr$LAYOUT = (OfInt) $LAYOUT.select(groupElement("nr"));

    /** Layout of {@code nr}. @return the layout */
    public static final OfInt nr$layout() {
        return nr$LAYOUT;
    }

    private static final long nr$OFFSET = 0;

    /** Byte offset of {@code nr}. @return the offset */
    public static final long nr$offset() {
        return nr$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_rsrc_register}:
     * {@snippet lang=c :
     * __u32 nr
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int nr(MemorySegment struct) {
        return struct.get(nr$LAYOUT, nr$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_rsrc_register}:
     * {@snippet lang=c :
     * __u32 nr
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void nr(MemorySegment struct, int fieldValue) {
        struct.set(nr$LAYOUT, nr$OFFSET, fieldValue);
    }

    private static final OfInt flags$LAYOUT = (OfInt) $LAYOUT.select(groupElement("flags"));

    /** Layout of {@code flags}. @return the layout */
    public static final OfInt flags$layout() {
        return flags$LAYOUT;
    }

    private static final long flags$OFFSET = 4;

    /** Byte offset of {@code flags}. @return the offset */
    public static final long flags$offset() {
        return flags$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_rsrc_register}:
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
     * Field of {@code struct io_uring_rsrc_register}:
     * {@snippet lang=c :
     * __u32 flags
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void flags(MemorySegment struct, int fieldValue) {
        struct.set(flags$LAYOUT, flags$OFFSET, fieldValue);
    }

    private static final OfLong resv2$LAYOUT = (OfLong) $LAYOUT.select(groupElement("resv2"));

    /** Layout of {@code resv2}. @return the layout */
    public static final OfLong resv2$layout() {
        return resv2$LAYOUT;
    }

    private static final long resv2$OFFSET = 8;

    /** Byte offset of {@code resv2}. @return the offset */
    public static final long resv2$offset() {
        return resv2$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_rsrc_register}:
     * {@snippet lang=c :
     * __u64 resv2
     * }
     * @param struct the struct
     * @return the field value
     */
    public static long resv2(MemorySegment struct) {
        return struct.get(resv2$LAYOUT, resv2$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_rsrc_register}:
     * {@snippet lang=c :
     * __u64 resv2
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void resv2(MemorySegment struct, long fieldValue) {
        struct.set(resv2$LAYOUT, resv2$OFFSET, fieldValue);
    }

    private static final OfLong data$LAYOUT = (OfLong) $LAYOUT.select(groupElement("data"));

    /** Layout of {@code data}. @return the layout */
    public static final OfLong data$layout() {
        return data$LAYOUT;
    }

    private static final long data$OFFSET = 16;

    /** Byte offset of {@code data}. @return the offset */
    public static final long data$offset() {
        return data$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_rsrc_register}:
     * {@snippet lang=c :
     * __u64 data
     * }
     * @param struct the struct
     * @return the field value
     */
    public static long data(MemorySegment struct) {
        return struct.get(data$LAYOUT, data$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_rsrc_register}:
     * {@snippet lang=c :
     * __u64 data
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void data(MemorySegment struct, long fieldValue) {
        struct.set(data$LAYOUT, data$OFFSET, fieldValue);
    }

    private static final OfLong tags$LAYOUT = (OfLong) $LAYOUT.select(groupElement("tags"));

    /** Layout of {@code tags}. @return the layout */
    public static final OfLong tags$layout() {
        return tags$LAYOUT;
    }

    private static final long tags$OFFSET = 24;

    /** Byte offset of {@code tags}. @return the offset */
    public static final long tags$offset() {
        return tags$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_rsrc_register}:
     * {@snippet lang=c :
     * __u64 tags
     * }
     * @param struct the struct
     * @return the field value
     */
    public static long tags(MemorySegment struct) {
        return struct.get(tags$LAYOUT, tags$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_rsrc_register}:
     * {@snippet lang=c :
     * __u64 tags
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void tags(MemorySegment struct, long fieldValue) {
        struct.set(tags$LAYOUT, tags$OFFSET, fieldValue);
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
