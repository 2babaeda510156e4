package dev.iobuf.liburing;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.SequenceLayout;
import java.lang.foreign.ValueLayout.OfByte;
import java.lang.foreign.ValueLayout.OfInt;
import java.util.function.Consumer;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

/**
 * liburing's ring handle, filled by io_uring_queue_init*() and freed by io_uring_queue_exit().
 * <p>Layout of {@code struct io_uring} from {@code <liburing.h>}: 216 bytes, aligned to 8.
 * Same shape as a jextract-generated struct class (see the module README); checked against the C
 * headers by {@code LayoutConformanceTest}.
 */
@SuppressWarnings({"unused", "restricted", "checkstyle:TypeName"}) // restricted: reinterpret of raw addresses
public class io_uring {

    io_uring() {
        // static accessors only
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        io_uring_sq.layout().withName("sq"),
        io_uring_cq.layout().withName("cq"),
        LibUring.C_INT.withName("flags"),
        LibUring.C_INT.withName("ring_fd"),
        LibUring.C_INT.withName("features"),
        LibUring.C_INT.withName("enter_ring_fd"),
        LibUring.C_CHAR.withName("int_flags"),
        MemoryLayout.sequenceLayout(3, LibUring.C_CHAR).withName("pad"),
        LibUring.C_INT.withName("pad2")
    ).withName("io_uring");

    /** The layout of this struct. @return the layout */
    public static final GroupLayout layout() {
        return $LAYOUT;
    }

    private static final GroupLayout sq$LAYOUT = (GroupLayout) $LAYOUT.select(groupElement("sq"));

    /** Layout of {@code sq}. @return the layout */
    public static final GroupLayout sq$layout() {
        return sq$LAYOUT;
    }

    private static final long sq$OFFSET = 0;

    /** Byte offset of {@code sq}. @return the offset */
    public static final long sq$offset() {
        return sq$OFFSET;
    }

    /**
     * Field of {@code struct io_uring}:
     * {@snippet lang=c :
     * struct io_uring_sq sq
     * }
     * @param struct the struct
     * @return a slice of {@code struct} covering the field
     */
    public static MemorySegment sq(MemorySegment struct) {
        return struct.asSlice(sq$OFFSET, sq$LAYOUT.byteSize());
    }

    /**
     * Field of {@code struct io_uring}:
     * {@snippet lang=c :
     * struct io_uring_sq sq
     * }
     * @param struct the struct
     * @param fieldValue the bytes to copy into the field
     */
    public static void sq(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, sq$OFFSET, sq$LAYOUT.byteSize());
    }

    private static final GroupLayout cq$LAYOUT = (GroupLayout) $LAYOUT.select(groupElement("cq"));

    /** Layout of {@code cq}. @return the layout */
    public static final GroupLayout cq$layout() {
        return cq$LAYOUT;
    }

    private static final long cq$OFFSET = 104;

    /** Byte offset of {@code cq}. @return the offset */
    public static final long cq$offset() {
        return cq$OFFSET;
    }

    /**
     * Field of {@code struct io_uring}:
     * {@snippet lang=c :
     * struct io_uring_cq cq
     * }
     * @param struct the struct
     * @return a slice of {@code struct} covering the field
     */
    public static MemorySegment cq(MemorySegment struct) {
        return struct.asSlice(cq$OFFSET, cq$LAYOUT.byteSize());
    }

    /**
     * Field of {@code struct io_uring}:
     * {@snippet lang=c :
     * struct io_uring_cq cq
     * }
     * @param struct the struct
     * @param fieldValue the bytes to copy into the field
     */
    public static void cq(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, cq$OFFSET, cq$LAYOUT.byteSize());
    }

    private static final OfInt flags$LAYOUT = (OfInt) $LAYOUT.select(groupElement("flags"));

    /** Layout of {@code flags}. @return the layout */
    public static final OfInt flags$layout() {
        return flags$LAYOUT;
    }

    private static final long flags$OFFSET = 192;

    /** Byte offset of {@code flags}. @return the offset */
    public static final long flags$offset() {
        return flags$OFFSET;
    }

    /**
     * Field of {@code struct io_uring}:
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
     * Field of {@code struct io_uring}:
     * {@snippet lang=c :
     * __u32 flags
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void flags(MemorySegment struct, int fieldValue) {
        struct.set(flags$LAYOUT, flags$OFFSET, fieldValue);
    }

    private static final OfInt ring_fd$LAYOUT = (OfInt) $LAYOUT.select(groupElement("ring_fd"));

    /** Layout of {@code ring_fd}. @return the layout */
    public static final OfInt ring_fd$layout() {
        return ring_fd$LAYOUT;
    }

    private static final long ring_fd$OFFSET = 196;

    /** Byte offset of {@code ring_fd}. @return the offset */
    public static final long ring_fd$offset() {
        return ring_fd$OFFSET;
    }

    /**
     * Field of {@code struct io_uring}:
     * {@snippet lang=c :
     * __s32 ring_fd
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int ring_fd(MemorySegment struct) {
        return struct.get(ring_fd$LAYOUT, ring_fd$OFFSET);
    }

    /**
     * Field of {@code struct io_uring}:
     * {@snippet lang=c :
     * __s32 ring_fd
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void ring_fd(MemorySegment struct, int fieldValue) {
        struct.set(ring_fd$LAYOUT, ring_fd$OFFSET, fieldValue);
    }

    private static final OfInt features$LAYOUT = (OfInt) $LAYOUT.select(groupElement("features"));

    /** Layout of {@code features}. @return the layout */
    public static final OfInt features$layout() {
        return features$LAYOUT;
    }

    private static final long features$OFFSET = 200;

    /** Byte offset of {@code features}. @return the offset */
    public static final long features$offset() {
        return features$OFFSET;
    }

    /**
     * Field of {@code struct io_uring}:
     * {@snippet lang=c :
     * __u32 features
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int features(MemorySegment struct) {
        return struct.get(features$LAYOUT, features$OFFSET);
    }

    /**
     * Field of {@code struct io_uring}:
     * {@snippet lang=c :
     * __u32 features
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void features(MemorySegment struct, int fieldValue) {
        struct.set(features$LAYOUT, features$OFFSET, fieldValue);
    }

    private static final OfInt enter_ring_fd$LAYOUT = (OfInt) $LAYOUT.select(groupElement("enter_ring_fd"));

    /** Layout of {@code enter_ring_fd}. @return the layout */
    public static final OfInt enter_ring_fd$layout() {
        return enter_ring_fd$LAYOUT;
    }

    private static final long enter_ring_fd$OFFSET = 204;

    /** Byte offset of {@code enter_ring_fd}. @return the offset */
    public static final long enter_ring_fd$offset() {
        return enter_ring_fd$OFFSET;
    }

    /**
     * Field of {@code struct io_uring}:
     * {@snippet lang=c :
     * __s32 enter_ring_fd
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int enter_ring_fd(MemorySegment struct) {
        return struct.get(enter_ring_fd$LAYOUT, enter_ring_fd$OFFSET);
    }

    /**
     * Field of {@code struct io_uring}:
     * {@snippet lang=c :
     * __s32 enter_ring_fd
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void enter_ring_fd(MemorySegment struct, int fieldValue) {
        struct.set(enter_ring_fd$LAYOUT, enter_ring_fd$OFFSET, fieldValue);
    }

    private static final OfByte int_flags$LAYOUT = (OfByte) $LAYOUT.select(groupElement("int_flags"));

    /** Layout of {@code int_flags}. @return the layout */
    public static final OfByte int_flags$layout() {
        return int_flags$LAYOUT;
    }

    private static final long int_flags$OFFSET = 208;

    /** Byte offset of {@code int_flags}. @return the offset */
    public static final long int_flags$offset() {
        return int_flags$OFFSET;
    }

    /**
     * Field of {@code struct io_uring}:
     * {@snippet lang=c :
     * __u8 int_flags
     * }
     * @param struct the struct
     * @return the field value
     */
    public static byte int_flags(MemorySegment struct) {
        return struct.get(int_flags$LAYOUT, int_flags$OFFSET);
    }

    /**
     * Field of {@code struct io_uring}:
     * {@snippet lang=c :
     * __u8 int_flags
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void int_flags(MemorySegment struct, byte fieldValue) {
        struct.set(int_flags$LAYOUT, int_flags$OFFSET, fieldValue);
    }

    private static final SequenceLayout pad$LAYOUT = (SequenceLayout) $LAYOUT.select(groupElement("pad"));

    /** Layout of {@code pad}. @return the layout */
    public static final SequenceLayout pad$layout() {
        return pad$LAYOUT;
    }

    private static final long pad$OFFSET = 209;

    /** Byte offset of {@code pad}. @return the offset */
    public static final long pad$offset() {
        return pad$OFFSET;
    }

    /**
     * Field of {@code struct io_uring}:
     * {@snippet lang=c :
     * __u8 pad[3]
     * }
     * @param struct the struct
     * @return a slice of {@code struct} covering the field
     */
    public static MemorySegment pad(MemorySegment struct) {
        return struct.asSlice(pad$OFFSET, pad$LAYOUT.byteSize());
    }

    /**
     * Field of {@code struct io_uring}:
     * {@snippet lang=c :
     * __u8 pad[3]
     * }
     * @param struct the struct
     * @param fieldValue the bytes to copy into the field
     */
    public static void pad(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, pad$OFFSET, pad$LAYOUT.byteSize());
    }

    private static final long[] pad$DIMS = { 3 };

    /** Dimensions of {@code pad}. @return the dimensions */
    public static long[] pad$dimensions() {
        return pad$DIMS.clone();
    }

    /**
     * Field of {@code struct io_uring}:
     * {@snippet lang=c :
     * __u8 pad[3]
     * }
     * @param struct the struct
     * @param index0 the element index
     * @return the element
     */
    public static byte pad(MemorySegment struct, long index0) {
        java.util.Objects.checkIndex(index0, 3);
        return struct.get(LibUring.C_CHAR, pad$OFFSET + index0 * 1);
    }

    /**
     * Field of {@code struct io_uring}:
     * {@snippet lang=c :
     * __u8 pad[3]
     * }
     * @param struct the struct
     * @param index0 the element index
     * @param fieldValue the new element value
     */
    public static void pad(MemorySegment struct, long index0, byte fieldValue) {
        java.util.Objects.checkIndex(index0, 3);
        struct.set(LibUring.C_CHAR, pad$OFFSET + index0 * 1, fieldValue);
    }

    private static final OfInt pad2$LAYOUT = (OfInt) $LAYOUT.select(groupElement("pad2"));

    /** Layout of {@code pad2}. @return the layout */
    public static final OfInt pad2$layout() {
        return pad2$LAYOUT;
    }

    private static final long pad2$OFFSET = 212;

    /** Byte offset of {@code pad2}. @return the offset */
    public static final long pad2$offset() {
        return pad2$OFFSET;
    }

    /**
     * Field of {@code struct io_uring}:
     * {@snippet lang=c :
     * __u32 pad2
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int pad2(MemorySegment struct) {
        return struct.get(pad2$LAYOUT, pad2$OFFSET);
    }

    /**
     * Field of {@code struct io_uring}:
     * {@snippet lang=c :
     * __u32 pad2
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void pad2(MemorySegment struct, int fieldValue) {
        struct.set(pad2$LAYOUT, pad2$OFFSET, fieldValue);
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
