package dev.iobuf.liburing;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout.OfInt;
import java.lang.foreign.ValueLayout.OfLong;
import java.lang.foreign.ValueLayout.OfShort;
import java.util.function.Consumer;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

/**
 * One provided buffer in a buffer ring (IORING_REGISTER_PBUF_RING).
 * <p>Layout of {@code struct io_uring_buf} from {@code <linux/io_uring.h>}: 16 bytes, aligned to 8.
 * Same shape as a jextract-generated struct class (see the module README); checked against the C
 * headers by {@code LayoutConformanceTest}.
 */
@SuppressWarnings({"unused", "restricted", "checkstyle:TypeName"}) // restricted: reinterpret of raw addresses
public class io_uring_buf {

    io_uring_buf() {
        // static accessors only
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        LibUring.C_LONG_LONG.withName("addr"),
        LibUring.C_INT.withName("len"),
        LibUring.C_SHORT.withName("bid"),
        LibUring.C_SHORT.withName("resv")
    ).withName("io_uring_buf");

    /** The layout of this struct. @return the layout */
    public static final GroupLayout layout() {
        return $LAYOUT;
    }

    private static final OfLong addr$LAYOUT = (OfLong) $LAYOUT.select(groupElement("addr"));

    /** Layout of {@code addr}. @return the layout */
    public static final OfLong addr$layout() {
        return addr$LAYOUT;
    }

    private static final long addr$OFFSET = 0;

    /** Byte offset of {@code addr}. @return the offset */
    public static final long addr$offset() {
        return addr$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_buf}:
     * {@snippet lang=c :
     * __u64 addr
     * }
     * @param struct the struct
     * @return the field value
     */
    public static long addr(MemorySegment struct) {
        return struct.get(addr$LAYOUT, addr$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_buf}:
     * {@snippet lang=c :
     * __u64 addr
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void addr(MemorySegment struct, long fieldValue) {
        struct.set(addr$LAYOUT, addr$OFFSET, fieldValue);
    }

    private static final OfInt len$LAYOUT = (OfInt) $LAYOUT.select(groupElement("len"));

    /** Layout of {@code len}. @return the layout */
    public static final OfInt len$layout() {
        return len$LAYOUT;
    }

    private static final long len$OFFSET = 8;

    /** Byte offset of {@code len}. @return the offset */
    public static final long len$offset() {
        return len$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_buf}:
     * {@snippet lang=c :
     * __u32 len
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int len(MemorySegment struct) {
        return struct.get(len$LAYOUT, len$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_buf}:
     * {@snippet lang=c :
     * __u32 len
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void len(MemorySegment struct, int fieldValue) {
        struct.set(len$LAYOUT, len$OFFSET, fieldValue);
    }

    private static final OfShort bid$LAYOUT = (OfShort) $LAYOUT.select(groupElement("bid"));

    /** Layout of {@code bid}. @return the layout */
    public static final OfShort bid$layout() {
        return bid$LAYOUT;
    }

    private static final long bid$OFFSET = 12;

    /** Byte offset of {@code bid}. @return the offset */
    public static final long bid$offset() {
        return bid$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_buf}:
     * {@snippet lang=c :
     * __u16 bid
     * }
     * @param struct the struct
     * @return the field value
     */
    public static short bid(MemorySegment struct) {
        return struct.get(bid$LAYOUT, bid$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_buf}:
     * {@snippet lang=c :
     * __u16 bid
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void bid(MemorySegment struct, short fieldValue) {
        struct.set(bid$LAYOUT, bid$OFFSET, fieldValue);
    }

    private static final OfShort resv$LAYOUT = (OfShort) $LAYOUT.select(groupElement("resv"));

    /** Layout of {@code resv}. @return the layout */
    public static final OfShort resv$layout() {
        return resv$LAYOUT;
    }

    private static final long resv$OFFSET = 14;

    /** Byte offset of {@code resv}. @return the offset */
    public static final long resv$offset() {
        return resv$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_buf}:
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
     * Field of {@code struct io_uring_buf}:
     * {@snippet lang=c :
     * __u16 resv
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void resv(MemorySegment struct, short fieldValue) {
        struct.set(resv$LAYOUT, resv$OFFSET, fieldValue);
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
