package dev.iobuf.liburing;

import java.lang.foreign.AddressLayout;
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
 * liburing's view of the submission queue (inside struct io_uring).
 * <p>Layout of {@code struct io_uring_sq} from {@code <liburing.h>}: 104 bytes, aligned to 8.
 * Same shape as a jextract-generated struct class (see the module README); checked against the C
 * headers by {@code LayoutConformanceTest}.
 */
@SuppressWarnings({"unused", "restricted", "checkstyle:TypeName"}) // restricted: reinterpret of raw addresses
public class io_uring_sq {

    io_uring_sq() {
        // static accessors only
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        LibUring.C_POINTER.withName("khead"),
        LibUring.C_POINTER.withName("ktail"),
        LibUring.C_POINTER.withName("kring_mask"),
        LibUring.C_POINTER.withName("kring_entries"),
        LibUring.C_POINTER.withName("kflags"),
        LibUring.C_POINTER.withName("kdropped"),
        LibUring.C_POINTER.withName("array"),
        LibUring.C_POINTER.withName("sqes"),
        LibUring.C_INT.withName("sqe_head"),
        LibUring.C_INT.withName("sqe_tail"),
        LibUring.C_LONG.withName("ring_sz"),
        LibUring.C_POINTER.withName("ring_ptr"),
        LibUring.C_INT.withName("ring_mask"),
        LibUring.C_INT.withName("ring_entries"),
        MemoryLayout.sequenceLayout(2, LibUring.C_INT).withName("pad")
    ).withName("io_uring_sq");

    /** The layout of this struct. @return the layout */
    public static final GroupLayout layout() {
        return $LAYOUT;
    }

    private static final AddressLayout khead$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("khead"));

    /** Layout of {@code khead}. @return the layout */
    public static final AddressLayout khead$layout() {
        return khead$LAYOUT;
    }

    private static final long khead$OFFSET = 0;

    /** Byte offset of {@code khead}. @return the offset */
    public static final long khead$offset() {
        return khead$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sq}:
     * {@snippet lang=c :
     * void * khead
     * }
     * @param struct the struct
     * @return the field value
     */
    public static MemorySegment khead(MemorySegment struct) {
        return struct.get(khead$LAYOUT, khead$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sq}:
     * {@snippet lang=c :
     * void * khead
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void khead(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(khead$LAYOUT, khead$OFFSET, fieldValue);
    }

    private static final AddressLayout ktail$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("ktail"));

    /** Layout of {@code ktail}. @return the layout */
    public static final AddressLayout ktail$layout() {
        return ktail$LAYOUT;
    }

    private static final long ktail$OFFSET = 8;

    /** Byte offset of {@code ktail}. @return the offset */
    public static final long ktail$offset() {
        return ktail$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sq}:
     * {@snippet lang=c :
     * void * ktail
     * }
     * @param struct the struct
     * @return the field value
     */
    public static MemorySegment ktail(MemorySegment struct) {
        return struct.get(ktail$LAYOUT, ktail$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sq}:
     * {@snippet lang=c :
     * void * ktail
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void ktail(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(ktail$LAYOUT, ktail$OFFSET, fieldValue);
    }

    private static final AddressLayout kring_mask$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("kring_mask"));

    /** Layout of {@code kring_mask}. @return the layout */
    public static final AddressLayout kring_mask$layout() {
        return kring_mask$LAYOUT;
    }

    private static final long kring_mask$OFFSET = 16;

    /** Byte offset of {@code kring_mask}. @return the offset */
    public static final long kring_mask$offset() {
        return kring_mask$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sq}:
     * {@snippet lang=c :
     * void * kring_mask
     * }
     * @param struct the struct
     * @return the field value
     */
    public static MemorySegment kring_mask(MemorySegment struct) {
        return struct.get(kring_mask$LAYOUT, kring_mask$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sq}:
     * {@snippet lang=c :
     * void * kring_mask
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void kring_mask(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(kring_mask$LAYOUT, kring_mask$OFFSET, fieldValue);
    }

    private static final AddressLayout kring_entries$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("kring_entries"));

    /** Layout of {@code kring_entries}. @return the layout */
    public static final AddressLayout kring_entries$layout() {
        return kring_entries$LAYOUT;
    }

    private static final long kring_entries$OFFSET = 24;

    /** Byte offset of {@code kring_entries}. @return the offset */
    public static final long kring_entries$offset() {
        return kring_entries$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sq}:
     * {@snippet lang=c :
     * void * kring_entries
     * }
     * @param struct the struct
     * @return the field value
     */
    public static MemorySegment kring_entries(MemorySegment struct) {
        return struct.get(kring_entries$LAYOUT, kring_entries$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sq}:
     * {@snippet lang=c :
     * void * kring_entries
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void kring_entries(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(kring_entries$LAYOUT, kring_entries$OFFSET, fieldValue);
    }

    private static final AddressLayout kflags$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("kflags"));

    /** Layout of {@code kflags}. @return the layout */
    public static final AddressLayout kflags$layout() {
        return kflags$LAYOUT;
    }

    private static final long kflags$OFFSET = 32;

    /** Byte offset of {@code kflags}. @return the offset */
    public static final long kflags$offset() {
        return kflags$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sq}:
     * {@snippet lang=c :
     * void * kflags
     * }
     * @param struct the struct
     * @return the field value
     */
    public static MemorySegment kflags(MemorySegment struct) {
        return struct.get(kflags$LAYOUT, kflags$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sq}:
     * {@snippet lang=c :
     * void * kflags
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void kflags(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(kflags$LAYOUT, kflags$OFFSET, fieldValue);
    }

    private static final AddressLayout kdropped$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("kdropped"));

    /** Layout of {@code kdropped}. @return the layout */
    public static final AddressLayout kdropped$layout() {
        return kdropped$LAYOUT;
    }

    private static final long kdropped$OFFSET = 40;

    /** Byte offset of {@code kdropped}. @return the offset */
    public static final long kdropped$offset() {
        return kdropped$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sq}:
     * {@snippet lang=c :
     * void * kdropped
     * }
     * @param struct the struct
     * @return the field value
     */
    public static MemorySegment kdropped(MemorySegment struct) {
        return struct.get(kdropped$LAYOUT, kdropped$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sq}:
     * {@snippet lang=c :
     * void * kdropped
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void kdropped(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(kdropped$LAYOUT, kdropped$OFFSET, fieldValue);
    }

    private static final AddressLayout array$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("array"));

    /** Layout of {@code array}. @return the layout */
    public static final AddressLayout array$layout() {
        return array$LAYOUT;
    }

    private static final long array$OFFSET = 48;

    /** Byte offset of {@code array}. @return the offset */
    public static final long array$offset() {
        return array$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sq}:
     * {@snippet lang=c :
     * void * array
     * }
     * @param struct the struct
     * @return the field value
     */
    public static MemorySegment array(MemorySegment struct) {
        return struct.get(array$LAYOUT, array$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sq}:
     * {@snippet lang=c :
     * void * array
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void array(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(array$LAYOUT, array$OFFSET, fieldValue);
    }

    private static final AddressLayout sqes$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("sqes"));

    /** Layout of {@code sqes}. @return the layout */
    public static final AddressLayout sqes$layout() {
        return sqes$LAYOUT;
    }

    private static final long sqes$OFFSET = 56;

    /** Byte offset of {@code sqes}. @return the offset */
    public static final long sqes$offset() {
        return sqes$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sq}:
     * {@snippet lang=c :
     * void * sqes
     * }
     * @param struct the struct
     * @return the field value
     */
    public static MemorySegment sqes(MemorySegment struct) {
        return struct.get(sqes$LAYOUT, sqes$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sq}:
     * {@snippet lang=c :
     * void * sqes
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void sqes(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(sqes$LAYOUT, sqes$OFFSET, fieldValue);
    }

    private static final OfInt sqe_head$LAYOUT = (OfInt) $LAYOUT.select(groupElement("sqe_head"));

    /** Layout of {@code sqe_head}. @return the layout */
    public static final OfInt sqe_head$layout() {
        return sqe_head$LAYOUT;
    }

    private static final long sqe_head$OFFSET = 64;

    /** Byte offset of {@code sqe_head}. @return the offset */
    public static final long sqe_head$offset() {
        return sqe_head$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sq}:
     * {@snippet lang=c :
     * __u32 sqe_head
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int sqe_head(MemorySegment struct) {
        return struct.get(sqe_head$LAYOUT, sqe_head$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sq}:
     * {@snippet lang=c :
     * __u32 sqe_head
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void sqe_head(MemorySegment struct, int fieldValue) {
        struct.set(sqe_head$LAYOUT, sqe_head$OFFSET, fieldValue);
    }

    private static final OfInt sqe_tail$LAYOUT = (OfInt) $LAYOUT.select(groupElement("sqe_tail"));

    /** Layout of {@code sqe_tail}. @return the layout */
    public static final OfInt sqe_tail$layout() {
        return sqe_tail$LAYOUT;
    }

    private static final long sqe_tail$OFFSET = 68;

    /** Byte offset of {@code sqe_tail}. @return the offset */
    public static final long sqe_tail$offset() {
        return sqe_tail$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sq}:
     * {@snippet lang=c :
     * __u32 sqe_tail
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int sqe_tail(MemorySegment struct) {
        return struct.get(sqe_tail$LAYOUT, sqe_tail$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sq}:
     * {@snippet lang=c :
     * __u32 sqe_tail
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void sqe_tail(MemorySegment struct, int fieldValue) {
        struct.set(sqe_tail$LAYOUT, sqe_tail$OFFSET, fieldValue);
    }

    private static final OfLong ring_sz$LAYOUT = (OfLong) $LAYOUT.select(groupElement("ring_sz"));

    /** Layout of {@code ring_sz}. @return the layout */
    public static final OfLong ring_sz$layout() {
        return ring_sz$LAYOUT;
    }

    private static final long ring_sz$OFFSET = 72;

    /** Byte offset of {@code ring_sz}. @return the offset */
    public static final long ring_sz$offset() {
        return ring_sz$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sq}:
     * {@snippet lang=c :
     * size_t ring_sz
     * }
     * @param struct the struct
     * @return the field value
     */
    public static long ring_sz(MemorySegment struct) {
        return struct.get(ring_sz$LAYOUT, ring_sz$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sq}:
     * {@snippet lang=c :
     * size_t ring_sz
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void ring_sz(MemorySegment struct, long fieldValue) {
        struct.set(ring_sz$LAYOUT, ring_sz$OFFSET, fieldValue);
    }

    private static final AddressLayout ring_ptr$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("ring_ptr"));

    /** Layout of {@code ring_ptr}. @return the layout */
    public static final AddressLayout ring_ptr$layout() {
        return ring_ptr$LAYOUT;
    }

    private static final long ring_ptr$OFFSET = 80;

    /** Byte offset of {@code ring_ptr}. @return the offset */
    public static final long ring_ptr$offset() {
        return ring_ptr$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sq}:
     * {@snippet lang=c :
     * void * ring_ptr
     * }
     * @param struct the struct
     * @return the field value
     */
    public static MemorySegment ring_ptr(MemorySegment struct) {
        return struct.get(ring_ptr$LAYOUT, ring_ptr$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sq}:
     * {@snippet lang=c :
     * void * ring_ptr
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void ring_ptr(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(ring_ptr$LAYOUT, ring_ptr$OFFSET, fieldValue);
    }

    private static final OfInt ring_mask$LAYOUT = (OfInt) $LAYOUT.select(groupElement("ring_mask"));

    /** Layout of {@code ring_mask}. @return the layout */
    public static final OfInt ring_mask$layout() {
        return ring_mask$LAYOUT;
    }

    private static final long ring_mask$OFFSET = 88;

    /** Byte offset of {@code ring_mask}. @return the offset */
    public static final long ring_mask$offset() {
        return ring_mask$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sq}:
     * {@snippet lang=c :
     * __u32 ring_mask
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int ring_mask(MemorySegment struct) {
        return struct.get(ring_mask$LAYOUT, ring_mask$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sq}:
     * {@snippet lang=c :
     * __u32 ring_mask
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void ring_mask(MemorySegment struct, int fieldValue) {
        struct.set(ring_mask$LAYOUT, ring_mask$OFFSET, fieldValue);
    }

    private static final OfInt ring_entries$LAYOUT = (OfInt) $LAYOUT.select(groupElement("ring_entries"));

    /** Layout of {@code ring_entries}. @return the layout */
    public static final OfInt ring_entries$layout() {
        return ring_entries$LAYOUT;
    }

    private static final long ring_entries$OFFSET = 92;

    /** Byte offset of {@code ring_entries}. @return the offset */
    public static final long ring_entries$offset() {
        return ring_entries$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sq}:
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
     * Field of {@code struct io_uring_sq}:
     * {@snippet lang=c :
     * __u32 ring_entries
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void ring_entries(MemorySegment struct, int fieldValue) {
        struct.set(ring_entries$LAYOUT, ring_entries$OFFSET, fieldValue);
    }

    private static final SequenceLayout pad$LAYOUT = (SequenceLayout) $LAYOUT.select(groupElement("pad"));

    /** Layout of {@code pad}. @return the layout */
    public static final SequenceLayout pad$layout() {
        return pad$LAYOUT;
    }

    private static final long pad$OFFSET = 96;

    /** Byte offset of {@code pad}. @return the offset */
    public static final long pad$offset() {
        return pad$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sq}:
     * {@snippet lang=c :
     * __u32 pad[2]
     * }
     * @param struct the struct
     * @return a slice of {@code struct} covering the field
     */
    public static MemorySegment pad(MemorySegment struct) {
        return struct.asSlice(pad$OFFSET, pad$LAYOUT.byteSize());
    }

    /**
     * Field of {@code struct io_uring_sq}:
     * {@snippet lang=c :
     * __u32 pad[2]
     * }
     * @param struct the struct
     * @param fieldValue the bytes to copy into the field
     */
    public static void pad(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, pad$OFFSET, pad$LAYOUT.byteSize());
    }

    private static final long[] pad$DIMS = { 2 };

    /** Dimensions of {@code pad}. @return the dimensions */
    public static long[] pad$dimensions() {
        return pad$DIMS.clone();
    }

    /**
     * Field of {@code struct io_uring_sq}:
     * {@snippet lang=c :
     * __u32 pad[2]
     * }
     * @param struct the struct
     * @param index0 the element index
     * @return the element
     */
    public static int pad(MemorySegment struct, long index0) {
        java.util.Objects.checkIndex(index0, 2);
        return struct.get(LibUring.C_INT, pad$OFFSET + index0 * 4);
    }

    /**
     * Field of {@code struct io_uring_sq}:
     * {@snippet lang=c :
     * __u32 pad[2]
     * }
     * @param struct the struct
     * @param index0 the element index
     * @param fieldValue the new element value
     */
    public static void pad(MemorySegment struct, long index0, int fieldValue) {
        java.util.Objects.checkIndex(index0, 2);
        struct.set(LibUring.C_INT, pad$OFFSET + index0 * 4, fieldValue);
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
