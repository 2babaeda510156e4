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
 * IORING_(UN)REGISTER_PBUF_RING argument.
 * <p>Layout of {@code struct io_uring_buf_reg} from {@code <linux/io_uring.h>}: 40 bytes, aligned to 8.
 * Same shape as a jextract-generated struct class (see the module README); checked against the C
 * headers by {@code LayoutConformanceTest}.
 */
@SuppressWarnings({"unused", "restricted", "checkstyle:TypeName"}) // restricted: reinterpret of raw addresses
public class io_uring_buf_reg {

    io_uring_buf_reg() {
        // static accessors only
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        LibUring.C_LONG_LONG.withName("ring_addr"),
        LibUring.C_INT.withName("ring_entries"),
        LibUring.C_SHORT.withName("bgid"),
        LibUring.C_SHORT.withName("flags"),
        MemoryLayout.sequenceLayout(3, LibUring.C_LONG_LONG).withName("resv")
    ).withName("io_uring_buf_reg");

    /** The layout of this struct. @return the layout */
    public static final GroupLayout layout() {
        return $LAYOUT;
    }

    private static final OfLong ring_addr$LAYOUT = (OfLong) $LAYOUT.select(groupElement("ring_addr"));

    /** Layout of {@code ring_addr}. @return the layout */
    public static final OfLong ring_addr$layout() {
        return ring_addr$LAYOUT;
    }

    private static final long ring_addr$OFFSET = 0;

    /** Byte offset of {@code ring_addr}. @return the offset */
    public static final long ring_addr$offset() {
        return ring_addr$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_buf_reg}:
     * {@snippet lang=c :
     * __u64 ring_addr
     * }
     * @param struct the struct
     * @return the field value
     */
    public static long ring_addr(MemorySegment struct) {
        return struct.get(ring_addr$LAYOUT, ring_addr$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_buf_reg}:
     * {@snippet lang=c :
     * __u64 ring_addr
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void ring_addr(MemorySegment struct, long fieldValue) {
        struct.set(ring_addr$LAYOUT, ring_addr$OFFSET, fieldValue);
    }

    private static final OfInt ring_entries$LAYOUT = (OfInt) $LAYOUT.select(groupElement("ring_entries"));

    /** Layout of {@code ring_entries}. @return the layout */
    public static final OfInt ring_entries$layout() {
        return ring_entries$LAYOUT;
    }

    private static final long ring_entries$OFFSET = 8;

    /** Byte offset of {@code ring_entries}. @return the offset */
    public static final long ring_entries$offset() {
        return ring_entries$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_buf_reg}:
     * {@snippet lang=c :
     * __u32 ring_entries
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int ring_entries(MemorySegment struct) {
        return struct.get(ring_entries$LAYOUT, ring_entries$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_buf_reg}:
     * {@snippet lang=c :
     * __u32 ring_entries
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void ring_entries(MemorySegment struct, int fieldValue) {
        struct.set(ring_entries$LAYOUT, ring_entries$OFFSET, fieldValue);
    }

    private static final OfShort bgid$LAYOUT = (OfShort) $LAYOUT.select(groupElement("bgid"));

    /** Layout of {@code bgid}. @return the layout */
    public static final OfShort bgid$layout() {
        return bgid$LAYOUT;
    }

    private static final long bgid$OFFSET = 12;

    /** Byte offset of {@code bgid}. @return the offset */
    public static final long bgid$offset() {
        return bgid$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_buf_reg}:
     * {@snippet lang=c :
     * __u16 bgid
     * }
     * @param struct the struct
     * @return the field value
     */
    public static short bgid(MemorySegment struct) {
        return struct.get(bgid$LAYOUT, bgid$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_buf_reg}:
     * {@snippet lang=c :
     * __u16 bgid
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void bgid(MemorySegment struct, short fieldValue) {
        struct.set(bgid$LAYOUT, bgid$OFFSET, fieldValue);
    }

    private static final OfShort flags$LAYOUT = (OfShort) $LAYOUT.select(groupElement("flags"));

    /** Layout of {@code flags}. @return the layout */
    public static final OfShort flags$layout() {
        return flags$LAYOUT;
    }

    private static final long flags$OFFSET = 14;

    /** Byte offset of {@code flags}. @return the offset */
    public static final long flags$offset() {
        return flags$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_buf_reg}:
     * {@snippet lang=c :
     * __u16 flags
     * }
     * <p>Named {@code pad} before Linux 6.4; takes IOU_PBUF_RING_MMAP (6.4) and IOU_PBUF_RING_INC (6.12).
     * <p>Since Linux 6.4 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @return the field value
     */
    public static short flags(MemorySegment struct) {
        return struct.get(flags$LAYOUT, flags$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_buf_reg}:
     * {@snippet lang=c :
     * __u16 flags
     * }
     * <p>Named {@code pad} before Linux 6.4; takes IOU_PBUF_RING_MMAP (6.4) and IOU_PBUF_RING_INC (6.12).
     * <p>Since Linux 6.4 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void flags(MemorySegment struct, short fieldValue) {
        struct.set(flags$LAYOUT, flags$OFFSET, fieldValue);
    }

    private static final SequenceLayout resv$LAYOUT = (SequenceLayout) $LAYOUT.select(groupElement("resv"));

    /** Layout of {@code resv}. @return the layout */
    public static final SequenceLayout resv$layout() {
        return resv$LAYOUT;
    }

    private static final long resv$OFFSET = 16;

    /** Byte offset of {@code resv}. @return the offset */
    public static final long resv$offset() {
        return resv$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_buf_reg}:
     * {@snippet lang=c :
     * __u64 resv[3]
     * }
     * @param struct the struct
     * @return a slice of {@code struct} covering the field
     */
    public static MemorySegment resv(MemorySegment struct) {
        return struct.asSlice(resv$OFFSET, resv$LAYOUT.byteSize());
    }

    /**
     * Field of {@code struct io_uring_buf_reg}:
     * {@snippet lang=c :
     * __u64 resv[3]
     * }
     * @param struct the struct
     * @param fieldValue the bytes to copy into the field
     */
    public static void resv(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, resv$OFFSET, resv$LAYOUT.byteSize());
    }

    private static final long[] resv$DIMS = { 3 };

    /** Dimensions of {@code resv}. @return the dimensions */
    public static long[] resv$dimensions() {
        return resv$DIMS.clone();
    }

    /**
     * Field of {@code struct io_uring_buf_reg}:
     * {@snippet lang=c :
     * __u64 resv[3]
     * }
     * @param struct the struct
     * @param index0 the element index
     * @return the element
     */
    public static long resv(MemorySegment struct, long index0) {
        java.util.Objects.checkIndex(index0, 3);
        return struct.get(LibUring.C_LONG_LONG, resv$OFFSET + index0 * 8);
    }

    /**
     * Field of {@code struct io_uring_buf_reg}:
     * {@snippet lang=c :
     * __u64 resv[3]
     * }
     * @param struct the struct
     * @param index0 the element index
     * @param fieldValue the new element value
     */
    public static void resv(MemorySegment struct, long index0, long fieldValue) {
        java.util.Objects.checkIndex(index0, 3);
        struct.set(LibUring.C_LONG_LONG, resv$OFFSET + index0 * 8, fieldValue);
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
