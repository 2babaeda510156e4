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
 * IORING_REGISTER_BUFFERS_UPDATE / FILES_UPDATE2 argument: replace {@code nr} slots from {@code offset}, with tags.
 * <p>Layout of {@code struct io_uring_rsrc_update2} from {@code <linux/io_uring.h>}: 32 bytes, aligned to 8.
 * Same shape as a jextract-generated struct class (see the module README); checked against the C
 * headers by {@code LayoutConformanceTest}.
 */
@SuppressWarnings({"unused", "restricted", "checkstyle:TypeName"}) // restricted: reinterpret of raw addresses
public class io_uring_rsrc_update2 {

    io_uring_rsrc_update2() {
        // static accessors only
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        LibUring.C_INT.withName("offset"),
        LibUring.C_INT.withName("resv"),
        LibUring.C_LONG_LONG.withName("data"),
        LibUring.C_LONG_LONG.withName("tags"),
        LibUring.C_INT.withName("nr"),
        LibUring.C_INT.withName("resv2")
    ).withName("io_uring_rsrc_update2");

    /** The layout of this struct. @return the layout */
    public static final GroupLayout layout() {
        return $LAYOUT;
    }

    private static final OfInt offset$LAYOUT = (OfInt) $LAYOUT.select(groupElement("offset"));

    /** Layout of {@code offset}. @return the layout */
    public static final OfInt offset$layout() {
        return offset$LAYOUT;
    }

    private static final long offset$OFFSET = 0;

    /** Byte offset of {@code offset}. @return the offset */
    public static final long offset$offset() {
        return offset$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_rsrc_update2}:
     * {@snippet lang=c :
     * __u32 offset
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int offset(MemorySegment struct) {
        return struct.get(offset$LAYOUT, offset$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_rsrc_update2}:
     * {@snippet lang=c :
     * __u32 offset
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void offset(MemorySegment struct, int fieldValue) {
        struct.set(offset$LAYOUT, offset$OFFSET, fieldValue);
    }

    private static final OfInt resv$LAYOUT = (OfInt) $LAYOUT.select(groupElement("resv"));

    /** Layout of {@code resv}. @return the layout */
    public static final OfInt resv$layout() {
        return resv$LAYOUT;
    }

    private static final long resv$OFFSET = 4;

    /** Byte offset of {@code resv}. @return the offset */
    public static final long resv$offset() {
        return resv$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_rsrc_update2}:
     * {@snippet lang=c :
     * __u32 resv
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int resv(MemorySegment struct) {
        return struct.get(resv$LAYOUT, resv$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_rsrc_update2}:
     * {@snippet lang=c :
     * __u32 resv
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void resv(MemorySegment struct, int fieldValue) {
        struct.set(resv$LAYOUT, resv$OFFSET, fieldValue);
    }

    private static final OfLong data$LAYOUT = (OfLong) $LAYOUT.select(groupElement("data"));

    /** Layout of {@code data}. @return the layout */
    public static final OfLong data$layout() {
        return data$LAYOUT;
    }

    private static final long data$OFFSET = 8;

    /** Byte offset of {@code data}. @return the offset */
    public static final long data$offset() {
        return data$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_rsrc_update2}:
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
     * Field of {@code struct io_uring_rsrc_update2}:
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

    private static final long tags$OFFSET = 16;

    /** Byte offset of {@code tags}. @return the offset */
    public static final long tags$offset() {
        return tags$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_rsrc_update2}:
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
     * Field of {@code struct io_uring_rsrc_update2}:
     * {@snippet lang=c :
     * __u64 tags
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void tags(MemorySegment struct, long fieldValue) {
        struct.set(tags$LAYOUT, tags$OFFSET, fieldValue);
    }

    private static final OfInt nr$LAYOUT = (OfInt) $LAYOUT.select(groupElement("nr"));

    /** Layout of {@code nr}. @return the layout */
    public static final OfInt nr$layout() {
        return nr$LAYOUT;
    }

    private static final long nr$OFFSET = 24;

    /** Byte offset of {@code nr}. @return the offset */
    public static final long nr$offset() {
        return nr$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_rsrc_update2}:
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
     * Field of {@code struct io_uring_rsrc_update2}:
     * {@snippet lang=c :
     * __u32 nr
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void nr(MemorySegment struct, int fieldValue) {
        struct.set(nr$LAYOUT, nr$OFFSET, fieldValue);
    }

    private static final OfInt resv2$LAYOUT = (OfInt) $LAYOUT.select(groupElement("resv2"));

    /** Layout of {@code resv2}. @return the layout */
    public static final OfInt resv2$layout() {
        return resv2$LAYOUT;
    }

    private static final long resv2$OFFSET = 28;

    /** Byte offset of {@code resv2}. @return the offset */
    public static final long resv2$offset() {
        return resv2$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_rsrc_update2}:
     * {@snippet lang=c :
     * __u32 resv2
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int resv2(MemorySegment struct) {
        return struct.get(resv2$LAYOUT, resv2$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_rsrc_update2}:
     * {@snippet lang=c :
     * __u32 resv2
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void resv2(MemorySegment struct, int fieldValue) {
        struct.set(resv2$LAYOUT, resv2$OFFSET, fieldValue);
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
