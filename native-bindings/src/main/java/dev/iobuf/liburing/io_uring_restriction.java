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
 * One IORING_REGISTER_RESTRICTIONS entry.
 * <p>Layout of {@code struct io_uring_restriction} from {@code <linux/io_uring.h>}: 16 bytes, aligned to 4.
 * Same shape as a jextract-generated struct class (see the module README); checked against the C
 * headers by {@code LayoutConformanceTest}.
 */
@SuppressWarnings({"unused", "restricted", "checkstyle:TypeName"}) // restricted: reinterpret of raw addresses
public class io_uring_restriction {

    io_uring_restriction() {
        // static accessors only
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        LibUring.C_SHORT.withName("opcode"),
        MemoryLayout.unionLayout(
            LibUring.C_CHAR.withName("register_op"),
            LibUring.C_CHAR.withName("sqe_op"),
            LibUring.C_CHAR.withName("sqe_flags")
        ).withName("$anon$1"),
        LibUring.C_CHAR.withName("resv"),
        MemoryLayout.sequenceLayout(3, LibUring.C_INT).withName("resv2")
    ).withName("io_uring_restriction");

    /** The layout of this struct. @return the layout */
    public static final GroupLayout layout() {
        return $LAYOUT;
    }

    private static final OfShort opcode$LAYOUT = (OfShort) $LAYOUT.select(groupElement("opcode"));

    /** Layout of {@code opcode}. @return the layout */
    public static final OfShort opcode$layout() {
        return opcode$LAYOUT;
    }

    private static final long opcode$OFFSET = 0;

    /** Byte offset of {@code opcode}. @return the offset */
    public static final long opcode$offset() {
        return opcode$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_restriction}:
     * {@snippet lang=c :
     * __u16 opcode
     * }
     * @param struct the struct
     * @return the field value
     */
    public static short opcode(MemorySegment struct) {
        return struct.get(opcode$LAYOUT, opcode$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_restriction}:
     * {@snippet lang=c :
     * __u16 opcode
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void opcode(MemorySegment struct, short fieldValue) {
        struct.set(opcode$LAYOUT, opcode$OFFSET, fieldValue);
    }

    private static final OfByte register_op$LAYOUT = (OfByte) $LAYOUT.select(groupElement("$anon$1"), groupElement("register_op"));

    /** Layout of {@code register_op}. @return the layout */
    public static final OfByte register_op$layout() {
        return register_op$LAYOUT;
    }

    private static final long register_op$OFFSET = 2;

    /** Byte offset of {@code register_op}. @return the offset */
    public static final long register_op$offset() {
        return register_op$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_restriction}:
     * {@snippet lang=c :
     * __u8 register_op
     * }
     * @param struct the struct
     * @return the field value
     */
    public static byte register_op(MemorySegment struct) {
        return struct.get(register_op$LAYOUT, register_op$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_restriction}:
     * {@snippet lang=c :
     * __u8 register_op
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void register_op(MemorySegment struct, byte fieldValue) {
        struct.set(register_op$LAYOUT, register_op$OFFSET, fieldValue);
    }

    private static final OfByte sqe_op$LAYOUT = (OfByte) $LAYOUT.select(groupElement("$anon$1"), groupElement("sqe_op"));

    /** Layout of {@code sqe_op}. @return the layout */
    public static final OfByte sqe_op$layout() {
        return sqe_op$LAYOUT;
    }

    private static final long sqe_op$OFFSET = 2;

    /** Byte offset of {@code sqe_op}. @return the offset */
    public static final long sqe_op$offset() {
        return sqe_op$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_restriction}:
     * {@snippet lang=c :
     * __u8 sqe_op
     * }
     * @param struct the struct
     * @return the field value
     */
    public static byte sqe_op(MemorySegment struct) {
        return struct.get(sqe_op$LAYOUT, sqe_op$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_restriction}:
     * {@snippet lang=c :
     * __u8 sqe_op
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void sqe_op(MemorySegment struct, byte fieldValue) {
        struct.set(sqe_op$LAYOUT, sqe_op$OFFSET, fieldValue);
    }

    private static final OfByte sqe_flags$LAYOUT = (OfByte) $LAYOUT.select(groupElement("$anon$1"), groupElement("sqe_flags"));

    /** Layout of {@code sqe_flags}. @return the layout */
    public static final OfByte sqe_flags$layout() {
        return sqe_flags$LAYOUT;
    }

    private static final long sqe_flags$OFFSET = 2;

    /** Byte offset of {@code sqe_flags}. @return the offset */
    public static final long sqe_flags$offset() {
        return sqe_flags$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_restriction}:
     * {@snippet lang=c :
     * __u8 sqe_flags
     * }
     * @param struct the struct
     * @return the field value
     */
    public static byte sqe_flags(MemorySegment struct) {
        return struct.get(sqe_flags$LAYOUT, sqe_flags$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_restriction}:
     * {@snippet lang=c :
     * __u8 sqe_flags
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void sqe_flags(MemorySegment struct, byte fieldValue) {
        struct.set(sqe_flags$LAYOUT, sqe_flags$OFFSET, fieldValue);
    }

    private static final OfByte resv$LAYOUT = (OfByte) $LAYOUT.select(groupElement("resv"));

    /** Layout of {@code resv}. @return the layout */
    public static final OfByte resv$layout() {
        return resv$LAYOUT;
    }

    private static final long resv$OFFSET = 3;

    /** Byte offset of {@code resv}. @return the offset */
    public static final long resv$offset() {
        return resv$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_restriction}:
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
     * Field of {@code struct io_uring_restriction}:
     * {@snippet lang=c :
     * __u8 resv
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void resv(MemorySegment struct, byte fieldValue) {
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
     * Field of {@code struct io_uring_restriction}:
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
     * Field of {@code struct io_uring_restriction}:
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
     * Field of {@code struct io_uring_restriction}:
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
     * Field of {@code struct io_uring_restriction}:
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
