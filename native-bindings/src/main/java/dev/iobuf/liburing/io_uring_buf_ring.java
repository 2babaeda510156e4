package dev.iobuf.liburing;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.SequenceLayout;
import java.lang.foreign.ValueLayout.OfInt;
import java.lang.foreign.ValueLayout.OfLong;
import java.lang.foreign.ValueLayout.OfShort;
import java.util.function.Consumer;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

/**
 * Buffer ring: an array of io_uring_buf whose first entry's {@code resv} field doubles as the ring tail.
 * <p>Layout of {@code struct io_uring_buf_ring} from {@code <linux/io_uring.h>}: 16 bytes, aligned to 8.
 * Same shape as a jextract-generated struct class (see the module README); checked against the C
 * headers by {@code LayoutConformanceTest}.
 */
@SuppressWarnings({"unused", "restricted", "checkstyle:TypeName"}) // restricted: reinterpret of raw addresses
public class io_uring_buf_ring {

    io_uring_buf_ring() {
        // static accessors only
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        MemoryLayout.unionLayout(
            MemoryLayout.structLayout(
                LibUring.C_LONG_LONG.withName("resv1"),
                LibUring.C_INT.withName("resv2"),
                LibUring.C_SHORT.withName("resv3"),
                LibUring.C_SHORT.withName("tail")
            ).withName("$anon$2"),
            MemoryLayout.sequenceLayout(0, io_uring_buf.layout()).withName("bufs")
        ).withName("$anon$1")
    ).withName("io_uring_buf_ring");

    /** The layout of this struct. @return the layout */
    public static final GroupLayout layout() {
        return $LAYOUT;
    }

    private static final OfLong resv1$LAYOUT = (OfLong) $LAYOUT.select(groupElement("$anon$1"), groupElement("$anon$2"), groupElement("resv1"));

    /** Layout of {@code resv1}. @return the layout */
    public static final OfLong resv1$layout() {
        return resv1$LAYOUT;
    }

    private static final long resv1$OFFSET = 0;

    /** Byte offset of {@code resv1}. @return the offset */
    public static final long resv1$offset() {
        return resv1$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_buf_ring}:
     * {@snippet lang=c :
     * __u64 resv1
     * }
     * @param struct the struct
     * @return the field value
     */
    public static long resv1(MemorySegment struct) {
        return struct.get(resv1$LAYOUT, resv1$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_buf_ring}:
     * {@snippet lang=c :
     * __u64 resv1
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void resv1(MemorySegment struct, long fieldValue) {
        struct.set(resv1$LAYOUT, resv1$OFFSET, fieldValue);
    }

    private static final OfInt resv2$LAYOUT = (OfInt) $LAYOUT.select(groupElement("$anon$1"), groupElement("$anon$2"), groupElement("resv2"));

    /** Layout of {@code resv2}. @return the layout */
    public static final OfInt resv2$layout() {
        return resv2$LAYOUT;
    }

    private static final long resv2$OFFSET = 8;

    /** Byte offset of {@code resv2}. @return the offset */
    public static final long resv2$offset() {
        return resv2$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_buf_ring}:
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
     * Field of {@code struct io_uring_buf_ring}:
     * {@snippet lang=c :
     * __u32 resv2
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void resv2(MemorySegment struct, int fieldValue) {
        struct.set(resv2$LAYOUT, resv2$OFFSET, fieldValue);
    }

    private static final OfShort resv3$LAYOUT = (OfShort) $LAYOUT.select(groupElement("$anon$1"), groupElement("$anon$2"), groupElement("resv3"));

    /** Layout of {@code resv3}. @return the layout */
    public static final OfShort resv3$layout() {
        return resv3$LAYOUT;
    }

    private static final long resv3$OFFSET = 12;

    /** Byte offset of {@code resv3}. @return the offset */
    public static final long resv3$offset() {
        return resv3$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_buf_ring}:
     * {@snippet lang=c :
     * __u16 resv3
     * }
     * @param struct the struct
     * @return the field value
     */
    public static short resv3(MemorySegment struct) {
        return struct.get(resv3$LAYOUT, resv3$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_buf_ring}:
     * {@snippet lang=c :
     * __u16 resv3
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void resv3(MemorySegment struct, short fieldValue) {
        struct.set(resv3$LAYOUT, resv3$OFFSET, fieldValue);
    }

    private static final OfShort tail$LAYOUT = (OfShort) $LAYOUT.select(groupElement("$anon$1"), groupElement("$anon$2"), groupElement("tail"));

    /** Layout of {@code tail}. @return the layout */
    public static final OfShort tail$layout() {
        return tail$LAYOUT;
    }

    private static final long tail$OFFSET = 14;

    /** Byte offset of {@code tail}. @return the offset */
    public static final long tail$offset() {
        return tail$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_buf_ring}:
     * {@snippet lang=c :
     * __u16 tail
     * }
     * @param struct the struct
     * @return the field value
     */
    public static short tail(MemorySegment struct) {
        return struct.get(tail$LAYOUT, tail$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_buf_ring}:
     * {@snippet lang=c :
     * __u16 tail
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void tail(MemorySegment struct, short fieldValue) {
        struct.set(tail$LAYOUT, tail$OFFSET, fieldValue);
    }

    private static final SequenceLayout bufs$LAYOUT = (SequenceLayout) $LAYOUT.select(groupElement("$anon$1"), groupElement("bufs"));

    /** Layout of {@code bufs}. @return the layout */
    public static final SequenceLayout bufs$layout() {
        return bufs$LAYOUT;
    }

    private static final long bufs$OFFSET = 0;

    /** Byte offset of {@code bufs}. @return the offset */
    public static final long bufs$offset() {
        return bufs$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_buf_ring}:
     * {@snippet lang=c :
     * struct io_uring_buf bufs[]
     * }
     * <p>Flexible array member: the returned slice is empty; use the indexed accessor on a segment that covers the elements.
     * @param struct the struct
     * @return a zero-length slice at the array start
     */
    public static MemorySegment bufs(MemorySegment struct) {
        return struct.asSlice(bufs$OFFSET, bufs$LAYOUT.byteSize());
    }

    /**
     * Field of {@code struct io_uring_buf_ring}:
     * {@snippet lang=c :
     * struct io_uring_buf bufs[]
     * }
     * @param struct the struct
     * @param fieldValue the bytes to copy into the field
     */
    public static void bufs(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, bufs$OFFSET, bufs$LAYOUT.byteSize());
    }

    /**
     * Field of {@code struct io_uring_buf_ring}:
     * {@snippet lang=c :
     * struct io_uring_buf bufs[]
     * }
     * @param struct the struct (must cover the element)
     * @param index0 the element index
     * @return a slice of {@code struct} covering element {@code index0}
     */
    public static MemorySegment bufs(MemorySegment struct, long index0) {
        long size = io_uring_buf.layout().byteSize();
        return struct.asSlice(bufs$OFFSET + index0 * size, size);
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
