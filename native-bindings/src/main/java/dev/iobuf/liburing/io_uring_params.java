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
 * io_uring_setup(2) argument: setup flags in, ring geometry, features and mmap offsets out.
 * <p>Layout of {@code struct io_uring_params} from {@code <linux/io_uring.h>}: 120 bytes, aligned to 8.
 * Same shape as a jextract-generated struct class (see the module README); checked against the C
 * headers by {@code LayoutConformanceTest}.
 */
@SuppressWarnings({"unused", "restricted", "checkstyle:TypeName"}) // restricted: reinterpret of raw addresses
public class io_uring_params {

    io_uring_params() {
        // static accessors only
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        LibUring.C_INT.withName("sq_entries"),
        LibUring.C_INT.withName("cq_entries"),
        LibUring.C_INT.withName("flags"),
        LibUring.C_INT.withName("sq_thread_cpu"),
        LibUring.C_INT.withName("sq_thread_idle"),
        LibUring.C_INT.withName("features"),
        LibUring.C_INT.withName("wq_fd"),
        MemoryLayout.sequenceLayout(3, LibUring.C_INT).withName("resv"),
        io_sqring_offsets.layout().withName("sq_off"),
        io_cqring_offsets.layout().withName("cq_off")
    ).withName("io_uring_params");

    /** The layout of this struct. @return the layout */
    public static final GroupLayout layout() {
        return $LAYOUT;
    }

    private static final OfInt sq_entries$LAYOUT = (OfInt) $LAYOUT.select(groupElement("sq_entries"));

    /** Layout of {@code sq_entries}. @return the layout */
    public static final OfInt sq_entries$layout() {
        return sq_entries$LAYOUT;
    }

    private static final long sq_entries$OFFSET = 0;

    /** Byte offset of {@code sq_entries}. @return the offset */
    public static final long sq_entries$offset() {
        return sq_entries$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_params}:
     * {@snippet lang=c :
     * __u32 sq_entries
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int sq_entries(MemorySegment struct) {
        return struct.get(sq_entries$LAYOUT, sq_entries$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_params}:
     * {@snippet lang=c :
     * __u32 sq_entries
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void sq_entries(MemorySegment struct, int fieldValue) {
        struct.set(sq_entries$LAYOUT, sq_entries$OFFSET, fieldValue);
    }

    private static final OfInt cq_entries$LAYOUT = (OfInt) $LAYOUT.select(groupElement("cq_entries"));

    /** Layout of {@code cq_entries}. @return the layout */
    public static final OfInt cq_entries$layout() {
        return cq_entries$LAYOUT;
    }

    private static final long cq_entries$OFFSET = 4;

    /** Byte offset of {@code cq_entries}. @return the offset */
    public static final long cq_entries$offset() {
        return cq_entries$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_params}:
     * {@snippet lang=c :
     * __u32 cq_entries
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int cq_entries(MemorySegment struct) {
        return struct.get(cq_entries$LAYOUT, cq_entries$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_params}:
     * {@snippet lang=c :
     * __u32 cq_entries
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void cq_entries(MemorySegment struct, int fieldValue) {
        struct.set(cq_entries$LAYOUT, cq_entries$OFFSET, fieldValue);
    }

    private static final OfInt flags$LAYOUT = (OfInt) $LAYOUT.select(groupElement("flags"));

    /** Layout of {@code flags}. @return the layout */
    public static final OfInt flags$layout() {
        return flags$LAYOUT;
    }

    private static final long flags$OFFSET = 8;

    /** Byte offset of {@code flags}. @return the offset */
    public static final long flags$offset() {
        return flags$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_params}:
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
     * Field of {@code struct io_uring_params}:
     * {@snippet lang=c :
     * __u32 flags
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void flags(MemorySegment struct, int fieldValue) {
        struct.set(flags$LAYOUT, flags$OFFSET, fieldValue);
    }

    private static final OfInt sq_thread_cpu$LAYOUT = (OfInt) $LAYOUT.select(groupElement("sq_thread_cpu"));

    /** Layout of {@code sq_thread_cpu}. @return the layout */
    public static final OfInt sq_thread_cpu$layout() {
        return sq_thread_cpu$LAYOUT;
    }

    private static final long sq_thread_cpu$OFFSET = 12;

    /** Byte offset of {@code sq_thread_cpu}. @return the offset */
    public static final long sq_thread_cpu$offset() {
        return sq_thread_cpu$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_params}:
     * {@snippet lang=c :
     * __u32 sq_thread_cpu
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int sq_thread_cpu(MemorySegment struct) {
        return struct.get(sq_thread_cpu$LAYOUT, sq_thread_cpu$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_params}:
     * {@snippet lang=c :
     * __u32 sq_thread_cpu
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void sq_thread_cpu(MemorySegment struct, int fieldValue) {
        struct.set(sq_thread_cpu$LAYOUT, sq_thread_cpu$OFFSET, fieldValue);
    }

    private static final OfInt sq_thread_idle$LAYOUT = (OfInt) $LAYOUT.select(groupElement("sq_thread_idle"));

    /** Layout of {@code sq_thread_idle}. @return the layout */
    public static final OfInt sq_thread_idle$layout() {
        return sq_thread_idle$LAYOUT;
    }

    private static final long sq_thread_idle$OFFSET = 16;

    /** Byte offset of {@code sq_thread_idle}. @return the offset */
    public static final long sq_thread_idle$offset() {
        return sq_thread_idle$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_params}:
     * {@snippet lang=c :
     * __u32 sq_thread_idle
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int sq_thread_idle(MemorySegment struct) {
        return struct.get(sq_thread_idle$LAYOUT, sq_thread_idle$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_params}:
     * {@snippet lang=c :
     * __u32 sq_thread_idle
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void sq_thread_idle(MemorySegment struct, int fieldValue) {
        struct.set(sq_thread_idle$LAYOUT, sq_thread_idle$OFFSET, fieldValue);
    }

    private static final OfInt features$LAYOUT = (OfInt) $LAYOUT.select(groupElement("features"));

    /** Layout of {@code features}. @return the layout */
    public static final OfInt features$layout() {
        return features$LAYOUT;
    }

    private static final long features$OFFSET = 20;

    /** Byte offset of {@code features}. @return the offset */
    public static final long features$offset() {
        return features$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_params}:
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
     * Field of {@code struct io_uring_params}:
     * {@snippet lang=c :
     * __u32 features
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void features(MemorySegment struct, int fieldValue) {
        struct.set(features$LAYOUT, features$OFFSET, fieldValue);
    }

    private static final OfInt wq_fd$LAYOUT = (OfInt) $LAYOUT.select(groupElement("wq_fd"));

    /** Layout of {@code wq_fd}. @return the layout */
    public static final OfInt wq_fd$layout() {
        return wq_fd$LAYOUT;
    }

    private static final long wq_fd$OFFSET = 24;

    /** Byte offset of {@code wq_fd}. @return the offset */
    public static final long wq_fd$offset() {
        return wq_fd$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_params}:
     * {@snippet lang=c :
     * __u32 wq_fd
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int wq_fd(MemorySegment struct) {
        return struct.get(wq_fd$LAYOUT, wq_fd$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_params}:
     * {@snippet lang=c :
     * __u32 wq_fd
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void wq_fd(MemorySegment struct, int fieldValue) {
        struct.set(wq_fd$LAYOUT, wq_fd$OFFSET, fieldValue);
    }

    private static final SequenceLayout resv$LAYOUT = (SequenceLayout) $LAYOUT.select(groupElement("resv"));

    /** Layout of {@code resv}. @return the layout */
    public static final SequenceLayout resv$layout() {
        return resv$LAYOUT;
    }

    private static final long resv$OFFSET = 28;

    /** Byte offset of {@code resv}. @return the offset */
    public static final long resv$offset() {
        return resv$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_params}:
     * {@snippet lang=c :
     * __u32 resv[3]
     * }
     * @param struct the struct
     * @return a slice of {@code struct} covering the field
     */
    public static MemorySegment resv(MemorySegment struct) {
        return struct.asSlice(resv$OFFSET, resv$LAYOUT.byteSize());
    }

    /**
     * Field of {@code struct io_uring_params}:
     * {@snippet lang=c :
     * __u32 resv[3]
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
     * Field of {@code struct io_uring_params}:
     * {@snippet lang=c :
     * __u32 resv[3]
     * }
     * @param struct the struct
     * @param index0 the element index
     * @return the element
     */
    public static int resv(MemorySegment struct, long index0) {
        java.util.Objects.checkIndex(index0, 3);
        return struct.get(LibUring.C_INT, resv$OFFSET + index0 * 4);
    }

    /**
     * Field of {@code struct io_uring_params}:
     * {@snippet lang=c :
     * __u32 resv[3]
     * }
     * @param struct the struct
     * @param index0 the element index
     * @param fieldValue the new element value
     */
    public static void resv(MemorySegment struct, long index0, int fieldValue) {
        java.util.Objects.checkIndex(index0, 3);
        struct.set(LibUring.C_INT, resv$OFFSET + index0 * 4, fieldValue);
    }

    private static final GroupLayout sq_off$LAYOUT = (GroupLayout) $LAYOUT.select(groupElement("sq_off"));

    /** Layout of {@code sq_off}. @return the layout */
    public static final GroupLayout sq_off$layout() {
        return sq_off$LAYOUT;
    }

    private static final long sq_off$OFFSET = 40;

    /** Byte offset of {@code sq_off}. @return the offset */
    public static final long sq_off$offset() {
        return sq_off$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_params}:
     * {@snippet lang=c :
     * struct io_sqring_offsets sq_off
     * }
     * @param struct the struct
     * @return a slice of {@code struct} covering the field
     */
    public static MemorySegment sq_off(MemorySegment struct) {
        return struct.asSlice(sq_off$OFFSET, sq_off$LAYOUT.byteSize());
    }

    /**
     * Field of {@code struct io_uring_params}:
     * {@snippet lang=c :
     * struct io_sqring_offsets sq_off
     * }
     * @param struct the struct
     * @param fieldValue the bytes to copy into the field
     */
    public static void sq_off(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, sq_off$OFFSET, sq_off$LAYOUT.byteSize());
    }

    private static final GroupLayout cq_off$LAYOUT = (GroupLayout) $LAYOUT.select(groupElement("cq_off"));

    /** Layout of {@code cq_off}. @return the layout */
    public static final GroupLayout cq_off$layout() {
        return cq_off$LAYOUT;
    }

    private static final long cq_off$OFFSET = 80;

    /** Byte offset of {@code cq_off}. @return the offset */
    public static final long cq_off$offset() {
        return cq_off$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_params}:
     * {@snippet lang=c :
     * struct io_cqring_offsets cq_off
     * }
     * @param struct the struct
     * @return a slice of {@code struct} covering the field
     */
    public static MemorySegment cq_off(MemorySegment struct) {
        return struct.asSlice(cq_off$OFFSET, cq_off$LAYOUT.byteSize());
    }

    /**
     * Field of {@code struct io_uring_params}:
     * {@snippet lang=c :
     * struct io_cqring_offsets cq_off
     * }
     * @param struct the struct
     * @param fieldValue the bytes to copy into the field
     */
    public static void cq_off(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, cq_off$OFFSET, cq_off$LAYOUT.byteSize());
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
