package dev.iobuf.liburing;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.SequenceLayout;
import java.lang.foreign.ValueLayout.OfByte;
import java.lang.foreign.ValueLayout.OfShort;
import java.util.function.Consumer;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

/**
 * IORING_REGISTER_PROBE result header, followed by {@code ops_len} io_uring_probe_op entries.
 * <p>Layout of {@code struct io_uring_probe} from {@code <linux/io_uring.h>}: 16 bytes, aligned to 4.
 * Same shape as a jextract-generated struct class (see the module README); checked against the C
 * headers by {@code LayoutConformanceTest}.
 */
@SuppressWarnings({"unused", "restricted", "checkstyle:TypeName"}) // restricted: reinterpret of raw addresses
public class io_uring_probe {

    io_uring_probe() {
        // static accessors only
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        LibUring.C_CHAR.withName("last_op"),
        LibUring.C_CHAR.withName("ops_len"),
        LibUring.C_SHORT.withName("resv"),
        MemoryLayout.sequenceLayout(3, LibUring.C_INT).withName("resv2"),
        MemoryLayout.sequenceLayout(0, io_uring_probe_op.layout()).withName("ops")
    ).withName("io_uring_probe");

    /** The layout of this struct. @return the layout */
    public static final GroupLayout layout() {
        return $LAYOUT;
    }

    private static final OfByte last_op$LAYOUT = (OfByte) $LAYOUT.select(groupElement("last_op"));

    /** Layout of {@code last_op}. @return the layout */
    public static final OfByte last_op$layout() {
        return last_op$LAYOUT;
    }

    private static final long last_op$OFFSET = 0;

    /** Byte offset of {@code last_op}. @return the offset */
    public static final long last_op$offset() {
        return last_op$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_probe}:
     * {@snippet lang=c :
     * __u8 last_op
     * }
     * @param struct the struct
     * @return the field value
     */
    public static byte last_op(MemorySegment struct) {
        return struct.get(last_op$LAYOUT, last_op$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_probe}:
     * {@snippet lang=c :
     * __u8 last_op
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void last_op(MemorySegment struct, byte fieldValue) {
        struct.set(last_op$LAYOUT, last_op$OFFSET, fieldValue);
    }

    private static final OfByte ops_len$LAYOUT = (OfByte) $LAYOUT.select(groupElement("ops_len"));

    /** Layout of {@code ops_len}. @return the layout */
    public static final OfByte ops_len$layout() {
        return ops_len$LAYOUT;
    }

    private static final long ops_len$OFFSET = 1;

    /** Byte offset of {@code ops_len}. @return the offset */
    public static final long ops_len$offset() {
        return ops_len$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_probe}:
     * {@snippet lang=c :
     * __u8 ops_len
     * }
     * @param struct the struct
     * @return the field value
     */
    public static byte ops_len(MemorySegment struct) {
        return struct.get(ops_len$LAYOUT, ops_len$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_probe}:
     * {@snippet lang=c :
     * __u8 ops_len
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void ops_len(MemorySegment struct, byte fieldValue) {
        struct.set(ops_len$LAYOUT, ops_len$OFFSET, fieldValue);
    }

    private static final OfShort resv$LAYOUT = (OfShort) $LAYOUT.select(groupElement("resv"));

    /** Layout of {@code resv}. @return the layout */
    public static final OfShort resv$layout() {
        return resv$LAYOUT;
    }

    private static final long resv$OFFSET = 2;

    /** Byte offset of {@code resv}. @return the offset */
    public static final long resv$offset() {
        return resv$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_probe}:
     * {@snippet lang=c :
     * __u16 resv
     * }
     * @param struct the struct
     * @return the field value
     */
    public static short resv(MemorySegment struct) {
        return struct.get(resv$LAYOUT, resv$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_probe}:
     * {@snippet lang=c :
     * __u16 resv
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void resv(MemorySegment struct, short fieldValue) {
        struct.set(resv$LAYOUT, resv$OFFSET, fieldValue);
    }

    private static final SequenceLayout resv2$LAYOUT = (SequenceLayout) $LAYOUT.select(groupElement("resv2"));

    /** Layout of {@code resv2}. @return the layout */
    public static final SequenceLayout resv2$layout() {
        return resv2$LAYOUT;
    }

    private static final long resv2$OFFSET = 4;

    /** Byte offset of {@code resv2}. @return the offset */
    public static final long resv2$offset() {
        return resv2$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_probe}:
     * {@snippet lang=c :
     * __u32 resv2[3]
     * }
     * @param struct the struct
     * @return a slice of {@code struct} covering the field
     */
    public static MemorySegment resv2(MemorySegment struct) {
        return struct.asSlice(resv2$OFFSET, resv2$LAYOUT.byteSize());
    }

    /**
     * Field of {@code struct io_uring_probe}:
     * {@snippet lang=c :
     * __u32 resv2[3]
     * }
     * @param struct the struct
     * @param fieldValue the bytes to copy into the field
     */
    public static void resv2(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, resv2$OFFSET, resv2$LAYOUT.byteSize());
    }

    private static final long[] resv2$DIMS = { 3 };

    /** Dimensions of {@code resv2}. @return the dimensions */
    public static long[] resv2$dimensions() {
        return resv2$DIMS.clone();
    }

    /**
     * Field of {@code struct io_uring_probe}:
     * {@snippet lang=c :
     * __u32 resv2[3]
     * }
     * @param struct the struct
     * @param index0 the element index
     * @return the element
     */
    public static int resv2(MemorySegment struct, long index0) {
        java.util.Objects.checkIndex(index0, 3);
        return struct.get(LibUring.C_INT, resv2$OFFSET + index0 * 4);
    }

    /**
     * Field of {@code struct io_uring_probe}:
     * {@snippet lang=c :
     * __u32 resv2[3]
     * }
     * @param struct the struct
     * @param index0 the element index
     * @param fieldValue the new element value
     */
    public static void resv2(MemorySegment struct, long index0, int fieldValue) {
        java.util.Objects.checkIndex(index0, 3);
        struct.set(LibUring.C_INT, resv2$OFFSET + index0 * 4, fieldValue);
    }

    private static final SequenceLayout ops$LAYOUT = (SequenceLayout) $LAYOUT.select(groupElement("ops"));

    /** Layout of {@code ops}. @return the layout */
    public static final SequenceLayout ops$layout() {
        return ops$LAYOUT;
    }

    private static final long ops$OFFSET = 16;

    /** Byte offset of {@code ops}. @return the offset */
    public static final long ops$offset() {
        return ops$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_probe}:
     * {@snippet lang=c :
     * struct io_uring_probe_op ops[]
     * }
     * <p>Flexible array member: the returned slice is empty; use the indexed accessor on a segment that covers the elements.
     * @param struct the struct
     * @return a zero-length slice at the array start
     */
    public static MemorySegment ops(MemorySegment struct) {
        return struct.asSlice(ops$OFFSET, ops$LAYOUT.byteSize());
    }

    /**
     * Field of {@code struct io_uring_probe}:
     * {@snippet lang=c :
     * struct io_uring_probe_op ops[]
     * }
     * @param struct the struct
     * @param fieldValue the bytes to copy into the field
     */
    public static void ops(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, ops$OFFSET, ops$LAYOUT.byteSize());
    }

    /**
     * Field of {@code struct io_uring_probe}:
     * {@snippet lang=c :
     * struct io_uring_probe_op ops[]
     * }
     * @param struct the struct (must cover the element)
     * @param index0 the element index
     * @return a slice of {@code struct} covering element {@code index0}
     */
    public static MemorySegment ops(MemorySegment struct, long index0) {
        long size = io_uring_probe_op.layout().byteSize();
        return struct.asSlice(ops$OFFSET + index0 * size, size);
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
