package dev.iobuf.liburing;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout.OfByte;
import java.lang.foreign.ValueLayout.OfInt;
import java.lang.foreign.ValueLayout.OfShort;
import java.util.function.Consumer;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

/**
 * One opcode entry of an IORING_REGISTER_PROBE result.
 * <p>Layout of {@code struct io_uring_probe_op} from {@code <linux/io_uring.h>}: 8 bytes, aligned to 4.
 * Same shape as a jextract-generated struct class (see the module README); checked against the C
 * headers by {@code LayoutConformanceTest}.
 */
@SuppressWarnings({"unused", "restricted", "checkstyle:TypeName"}) // restricted: reinterpret of raw addresses
public class io_uring_probe_op {

    io_uring_probe_op() {
        // static accessors only
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        LibUring.C_CHAR.withName("op"),
        LibUring.C_CHAR.withName("resv"),
        LibUring.C_SHORT.withName("flags"),
        LibUring.C_INT.withName("resv2")
    ).withName("io_uring_probe_op");

    /** The layout of this struct. @return the layout */
    public static final GroupLayout layout() {
        return $LAYOUT;
    }

    private static final OfByte op$LAYOUT = (OfByte) $LAYOUT.select(groupElement("op"));

    /** Layout of {@code op}. @return the layout */
    public static final OfByte op$layout() {
        return op$LAYOUT;
    }

    private static final long op$OFFSET = 0;

    /** Byte offset of {@code op}. @return the offset */
    public static final long op$offset() {
        return op$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_probe_op}:
     * {@snippet lang=c :
     * __u8 op
     * }
     * @param struct the struct
     * @return the field value
     */
    public static byte op(MemorySegment struct) {
        return struct.get(op$LAYOUT, op$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_probe_op}:
     * {@snippet lang=c :
     * __u8 op
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void op(MemorySegment struct, byte fieldValue) {
        struct.set(op$LAYOUT, op$OFFSET, fieldValue);
    }

    private static final OfByte resv$LAYOUT = (OfByte) $LAYOUT.select(groupElement("resv"));

    /** Layout of {@code resv}. @return the layout */
    public static final OfByte resv$layout() {
        return resv$LAYOUT;
    }

    private static final long resv$OFFSET = 1;

    /** Byte offset of {@code resv}. @return the offset */
    public static final long resv$offset() {
        return resv$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_probe_op}:
     * {@snippet lang=c :
     * __u8 resv
     * }
     * @param struct the struct
     * @return the field value
     */
    public static byte resv(MemorySegment struct) {
        return struct.get(resv$LAYOUT, resv$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_probe_op}:
     * {@snippet lang=c :
     * __u8 resv
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void resv(MemorySegment struct, byte fieldValue) {
        struct.set(resv$LAYOUT, resv$OFFSET, fieldValue);
    }

    private static final OfShort flags$LAYOUT = (OfShort) $LAYOUT.select(groupElement("flags"));

    /** Layout of {@code flags}. @return the layout */
    public static final OfShort flags$layout() {
        return flags$LAYOUT;
    }

    private static final long flags$OFFSET = 2;

    /** Byte offset of {@code flags}. @return the offset */
    public static final long flags$offset() {
        return flags$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_probe_op}:
     * {@snippet lang=c :
     * __u16 flags
     * }
     * @param struct the struct
     * @return the field value
     */
    public static short flags(MemorySegment struct) {
        return struct.get(flags$LAYOUT, flags$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_probe_op}:
     * {@snippet lang=c :
     * __u16 flags
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void flags(MemorySegment struct, short fieldValue) {
        struct.set(flags$LAYOUT, flags$OFFSET, fieldValue);
    }

    private static final OfInt resv2$LAYOUT = (OfInt) $LAYOUT.select(groupElement("resv2"));

    /** Layout of {@code resv2}. @return the layout */
    public static final OfInt resv2$layout() {
        return resv2$LAYOUT;
    }

    private static final long resv2$OFFSET = 4;

    /** Byte offset of {@code resv2}. @return the offset */
    public static final long resv2$offset() {
        return resv2$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_probe_op}:
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
     * Field of {@code struct io_uring_probe_op}:
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
