package dev.iobuf.liburing;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout.OfLong;
import java.util.function.Consumer;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

/**
 * A memory region: base address and length, as readv(2) and IORING_REGISTER_BUFFERS take it.
 * <p>Layout of {@code struct iovec} from {@code <sys/uio.h>}: 16 bytes, aligned to 8.
 * Same shape as a jextract-generated struct class (see the module README); checked against the C
 * headers by {@code LayoutConformanceTest}.
 */
@SuppressWarnings({"unused", "restricted", "checkstyle:TypeName"}) // restricted: reinterpret of raw addresses
public class iovec {

    iovec() {
        // static accessors only
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        LibUring.C_POINTER.withName("iov_base"),
        LibUring.C_LONG.withName("iov_len")
    ).withName("iovec");

    /** The layout of this struct. @return the layout */
    public static final GroupLayout layout() {
        return $LAYOUT;
    }

    private static final AddressLayout iov_base$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("iov_base"));

    /** Layout of {@code iov_base}. @return the layout */
    public static final AddressLayout iov_base$layout() {
        return iov_base$LAYOUT;
    }

    private static final long iov_base$OFFSET = 0;

    /** Byte offset of {@code iov_base}. @return the offset */
    public static final long iov_base$offset() {
        return iov_base$OFFSET;
    }

    /**
     * Field of {@code struct iovec}:
     * {@snippet lang=c :
     * void * iov_base
     * }
     * @param struct the struct
     * @return the field value
     */
    public static MemorySegment iov_base(MemorySegment struct) {
        return struct.get(iov_base$LAYOUT, iov_base$OFFSET);
    }

    /**
     * Field of {@code struct iovec}:
     * {@snippet lang=c :
     * void * iov_base
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void iov_base(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(iov_base$LAYOUT, iov_base$OFFSET, fieldValue);
    }

    private static final OfLong iov_len$LAYOUT = (OfLong) $LAYOUT.select(groupElement("iov_len"));

    /** Layout of {@code iov_len}. @return the layout */
    public static final OfLong iov_len$layout() {
        return iov_len$LAYOUT;
    }

    private static final long iov_len$OFFSET = 8;

    /** Byte offset of {@code iov_len}. @return the offset */
    public static final long iov_len$offset() {
        return iov_len$OFFSET;
    }

    /**
     * Field of {@code struct iovec}:
     * {@snippet lang=c :
     * size_t iov_len
     * }
     * @param struct the struct
     * @return the field value
     */
    public static long iov_len(MemorySegment struct) {
        return struct.get(iov_len$LAYOUT, iov_len$OFFSET);
    }

    /**
     * Field of {@code struct iovec}:
     * {@snippet lang=c :
     * size_t iov_len
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void iov_len(MemorySegment struct, long fieldValue) {
        struct.set(iov_len$LAYOUT, iov_len$OFFSET, fieldValue);
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
