package dev.iobuf.liburing;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.SequenceLayout;
import java.lang.foreign.ValueLayout.OfInt;
import java.util.function.Consumer;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

/**
 * IORING_REGISTER_PBUF_STATUS argument: the kernel's head of a buffer ring. Since Linux 6.8 (newer than liburing 2.3's header).
 * <p>Layout of {@code struct io_uring_buf_status} from {@code <linux/io_uring.h>}: 40 bytes, aligned to 4.
 * Same shape as a jextract-generated struct class (see the module README); checked against the C
 * headers by {@code LayoutConformanceTest}.
 */
@SuppressWarnings({"unused", "restricted", "checkstyle:TypeName"}) // restricted: reinterpret of raw addresses
public class io_uring_buf_status {

    io_uring_buf_status() {
        // static accessors only
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        LibUring.C_INT.withName("buf_group"),
        LibUring.C_INT.withName("head"),
        MemoryLayout.sequenceLayout(8, LibUring.C_INT).withName("resv")
    ).withName("io_uring_buf_status");

    /** The layout of this struct. @return the layout */
    public static final GroupLayout layout() {
        return $LAYOUT;
    }

    private static final OfInt buf_group$LAYOUT = (OfInt) $LAYOUT.select(groupElement("buf_group"));

    /** Layout of {@code buf_group}. @return the layout */
    public static final OfInt buf_group$layout() {
        return buf_group$LAYOUT;
    }

    private static final long buf_group$OFFSET = 0;

    /** Byte offset of {@code buf_group}. @return the offset */
    public static final long buf_group$offset() {
        return buf_group$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_buf_status}:
     * {@snippet lang=c :
     * __u32 buf_group
     * }
     * <p>Since Linux 6.8 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @return the field value
     */
    public static int buf_group(MemorySegment struct) {
        return struct.get(buf_group$LAYOUT, buf_group$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_buf_status}:
     * {@snippet lang=c :
     * __u32 buf_group
     * }
     * <p>Since Linux 6.8 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void buf_group(MemorySegment struct, int fieldValue) {
        struct.set(buf_group$LAYOUT, buf_group$OFFSET, fieldValue);
    }

    private static final OfInt head$LAYOUT = (OfInt) $LAYOUT.select(groupElement("head"));

    /** Layout of {@code head}. @return the layout */
    public static final OfInt head$layout() {
        return head$LAYOUT;
    }

    private static final long head$OFFSET = 4;

    /** Byte offset of {@code head}. @return the offset */
    public static final long head$offset() {
        return head$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_buf_status}:
     * {@snippet lang=c :
     * __u32 head
     * }
     * <p>Since Linux 6.8 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @return the field value
     */
    public static int head(MemorySegment struct) {
        return struct.get(head$LAYOUT, head$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_buf_status}:
     * {@snippet lang=c :
     * __u32 head
     * }
     * <p>Since Linux 6.8 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void head(MemorySegment struct, int fieldValue) {
        struct.set(head$LAYOUT, head$OFFSET, fieldValue);
    }

    private static final SequenceLayout resv$LAYOUT = (SequenceLayout) $LAYOUT.select(groupElement("resv"));

    /** Layout of {@code resv}. @return the layout */
    public static final SequenceLayout resv$layout() {
        return resv$LAYOUT;
    }

    private static final long resv$OFFSET = 8;

    /** Byte offset of {@code resv}. @return the offset */
    public static final long resv$offset() {
        return resv$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_buf_status}:
     * {@snippet lang=c :
     * __u32 resv[8]
     * }
     * <p>Since Linux 6.8 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @return a slice of {@code struct} covering the field
     */
    public static MemorySegment resv(MemorySegment struct) {
        return struct.asSlice(resv$OFFSET, resv$LAYOUT.byteSize());
    }

    /**
     * Field of {@code struct io_uring_buf_status}:
     * {@snippet lang=c :
     * __u32 resv[8]
     * }
     * <p>Since Linux 6.8 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @param fieldValue the bytes to copy into the field
     */
    public static void resv(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, resv$OFFSET, resv$LAYOUT.byteSize());
    }

    private static final long[] resv$DIMS = { 8 };

    /** Dimensions of {@code resv}. @return the dimensions */
    public static long[] resv$dimensions() {
        return resv$DIMS.clone();
    }

    /**
     * Field of {@code struct io_uring_buf_status}:
     * {@snippet lang=c :
     * __u32 resv[8]
     * }
     * <p>Since Linux 6.8 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @param index0 the element index
     * @return the element
     */
    public static int resv(MemorySegment struct, long index0) {
        java.util.Objects.checkIndex(index0, 8);
        return struct.get(LibUring.C_INT, resv$OFFSET + index0 * 4);
    }

    /**
     * Field of {@code struct io_uring_buf_status}:
     * {@snippet lang=c :
     * __u32 resv[8]
     * }
     * <p>Since Linux 6.8 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @param index0 the element index
     * @param fieldValue the new element value
     */
    public static void resv(MemorySegment struct, long index0, int fieldValue) {
        java.util.Objects.checkIndex(index0, 8);
        struct.set(LibUring.C_INT, resv$OFFSET + index0 * 4, fieldValue);
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
