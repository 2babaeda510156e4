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
 * Offsets of the SQ ring fields inside the SQ ring mapping (IORING_OFF_SQ_RING), filled by io_uring_setup(2).
 * <p>Layout of {@code struct io_sqring_offsets} from {@code <linux/io_uring.h>}: 40 bytes, aligned to 8.
 * Same shape as a jextract-generated struct class (see the module README); checked against the C
 * headers by {@code LayoutConformanceTest}.
 */
@SuppressWarnings({"unused", "restricted", "checkstyle:TypeName"}) // restricted: reinterpret of raw addresses
public class io_sqring_offsets {

    io_sqring_offsets() {
        // static accessors only
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        LibUring.C_INT.withName("head"),
        LibUring.C_INT.withName("tail"),
        LibUring.C_INT.withName("ring_mask"),
        LibUring.C_INT.withName("ring_entries"),
        LibUring.C_INT.withName("flags"),
        LibUring.C_INT.withName("dropped"),
        LibUring.C_INT.withName("array"),
        LibUring.C_INT.withName("resv1"),
        LibUring.C_LONG_LONG.withName("user_addr")
    ).withName("io_sqring_offsets");

    /** The layout of this struct. @return the layout */
    public static final GroupLayout layout() {
        return $LAYOUT;
    }

    private static final OfInt head$LAYOUT = (OfInt) $LAYOUT.select(groupElement("head"));

    /** Layout of {@code head}. @return the layout */
    public static final OfInt head$layout() {
        return head$LAYOUT;
    }

    private static final long head$OFFSET = 0;

    /** Byte offset of {@code head}. @return the offset */
    public static final long head$offset() {
        return head$OFFSET;
    }

    /**
     * Field of {@code struct io_sqring_offsets}:
     * {@snippet lang=c :
     * __u32 head
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int head(MemorySegment struct) {
        return struct.get(head$LAYOUT, head$OFFSET);
    }

    /**
     * Field of {@code struct io_sqring_offsets}:
     * {@snippet lang=c :
     * __u32 head
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void head(MemorySegment struct, int fieldValue) {
        struct.set(head$LAYOUT, head$OFFSET, fieldValue);
    }

    private static final OfInt tail$LAYOUT = (OfInt) $LAYOUT.select(groupElement("tail"));

    /** Layout of {@code tail}. @return the layout */
    public static final OfInt tail$layout() {
        return tail$LAYOUT;
    }

    private static final long tail$OFFSET = 4;

    /** Byte offset of {@code tail}. @return the offset */
    public static final long tail$offset() {
        return tail$OFFSET;
    }

    /**
     * Field of {@code struct io_sqring_offsets}:
     * {@snippet lang=c :
     * __u32 tail
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int tail(MemorySegment struct) {
        return struct.get(tail$LAYOUT, tail$OFFSET);
    }

    /**
     * Field of {@code struct io_sqring_offsets}:
     * {@snippet lang=c :
     * __u32 tail
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void tail(MemorySegment struct, int fieldValue) {
        struct.set(tail$LAYOUT, tail$OFFSET, fieldValue);
    }

    private static final OfInt ring_mask$LAYOUT = (OfInt) $LAYOUT.select(groupElement("ring_mask"));

    /** Layout of {@code ring_mask}. @return the layout */
    public static final OfInt ring_mask$layout() {
        return ring_mask$LAYOUT;
    }

    private static final long ring_mask$OFFSET = 8;

    /** Byte offset of {@code ring_mask}. @return the offset */
    public static final long ring_mask$offset() {
        return ring_mask$OFFSET;
    }

    /**
     * Field of {@code struct io_sqring_offsets}:
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
     * Field of {@code struct io_sqring_offsets}:
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

    private static final long ring_entries$OFFSET = 12;

    /** Byte offset of {@code ring_entries}. @return the offset */
    public static final long ring_entries$offset() {
        return ring_entries$OFFSET;
    }

    /**
     * Field of {@code struct io_sqring_offsets}:
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
     * Field of {@code struct io_sqring_offsets}:
     * {@snippet lang=c :
     * __u32 ring_entries
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void ring_entries(MemorySegment struct, int fieldValue) {
        struct.set(ring_entries$LAYOUT, ring_entries$OFFSET, fieldValue);
    }

    private static final OfInt flags$LAYOUT = (OfInt) $LAYOUT.select(groupElement("flags"));

    /** Layout of {@code flags}. @return the layout */
    public static final OfInt flags$layout() {
        return flags$LAYOUT;
    }

    private static final long flags$OFFSET = 16;

    /** Byte offset of {@code flags}. @return the offset */
    public static final long flags$offset() {
        return flags$OFFSET;
    }

    /**
     * Field of {@code struct io_sqring_offsets}:
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
     * Field of {@code struct io_sqring_offsets}:
     * {@snippet lang=c :
     * __u32 flags
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void flags(MemorySegment struct, int fieldValue) {
        struct.set(flags$LAYOUT, flags$OFFSET, fieldValue);
    }

    private static final OfInt dropped$LAYOUT = (OfInt) $LAYOUT.select(groupElement("dropped"));

    /** Layout of {@code dropped}. @return the layout */
    public static final OfInt dropped$layout() {
        return dropped$LAYOUT;
    }

    private static final long dropped$OFFSET = 20;

    /** Byte offset of {@code dropped}. @return the offset */
    public static final long dropped$offset() {
        return dropped$OFFSET;
    }

    /**
     * Field of {@code struct io_sqring_offsets}:
     * {@snippet lang=c :
     * __u32 dropped
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int dropped(MemorySegment struct) {
        return struct.get(dropped$LAYOUT, dropped$OFFSET);
    }

    /**
     * Field of {@code struct io_sqring_offsets}:
     * {@snippet lang=c :
     * __u32 dropped
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void dropped(MemorySegment struct, int fieldValue) {
        struct.set(dropped$LAYOUT, dropped$OFFSET, fieldValue);
    }

    private static final OfInt array$LAYOUT = (OfInt) $LAYOUT.select(groupElement("array"));

    /** Layout of {@code array}. @return the layout */
    public static final OfInt array$layout() {
        return array$LAYOUT;
    }

    private static final long array$OFFSET = 24;

    /** Byte offset of {@code array}. @return the offset */
    public static final long array$offset() {
        return array$OFFSET;
    }

    /**
     * Field of {@code struct io_sqring_offsets}:
     * {@snippet lang=c :
     * __u32 array
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int array(MemorySegment struct) {
        return struct.get(array$LAYOUT, array$OFFSET);
    }

    /**
     * Field of {@code struct io_sqring_offsets}:
     * {@snippet lang=c :
     * __u32 array
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void array(MemorySegment struct, int fieldValue) {
        struct.set(array$LAYOUT, array$OFFSET, fieldValue);
    }

    private static final OfInt resv1$LAYOUT = (OfInt) $LAYOUT.select(groupElement("resv1"));

    /** Layout of {@code resv1}. @return the layout */
    public static final OfInt resv1$layout() {
        return resv1$LAYOUT;
    }

    private static final long resv1$OFFSET = 28;

    /** Byte offset of {@code resv1}. @return the offset */
    public static final long resv1$offset() {
        return resv1$OFFSET;
    }

    /**
     * Field of {@code struct io_sqring_offsets}:
     * {@snippet lang=c :
     * __u32 resv1
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int resv1(MemorySegment struct) {
        return struct.get(resv1$LAYOUT, resv1$OFFSET);
    }

    /**
     * Field of {@code struct io_sqring_offsets}:
     * {@snippet lang=c :
     * __u32 resv1
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void resv1(MemorySegment struct, int fieldValue) {
        struct.set(resv1$LAYOUT, resv1$OFFSET, fieldValue);
    }

    private static final OfLong user_addr$LAYOUT = (OfLong) $LAYOUT.select(groupElement("user_addr"));

    /** Layout of {@code user_addr}. @return the layout */
    public static final OfLong user_addr$layout() {
        return user_addr$LAYOUT;
    }

    private static final long user_addr$OFFSET = 32;

    /** Byte offset of {@code user_addr}. @return the offset */
    public static final long user_addr$offset() {
        return user_addr$OFFSET;
    }

    /**
     * Field of {@code struct io_sqring_offsets}:
     * {@snippet lang=c :
     * __u64 user_addr
     * }
     * <p>Named {@code resv2} before Linux 6.5; with IORING_SETUP_NO_MMAP it carries the SQE array address.
     * <p>Since Linux 6.5 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @return the field value
     */
    public static long user_addr(MemorySegment struct) {
        return struct.get(user_addr$LAYOUT, user_addr$OFFSET);
    }

    /**
     * Field of {@code struct io_sqring_offsets}:
     * {@snippet lang=c :
     * __u64 user_addr
     * }
     * <p>Named {@code resv2} before Linux 6.5; with IORING_SETUP_NO_MMAP it carries the SQE array address.
     * <p>Since Linux 6.5 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void user_addr(MemorySegment struct, long fieldValue) {
        struct.set(user_addr$LAYOUT, user_addr$OFFSET, fieldValue);
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
