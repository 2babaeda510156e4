package dev.iobuf.liburing;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout.OfInt;
import java.util.function.Consumer;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

/**
 * Header the kernel writes at the start of a multishot recvmsg buffer.
 * <p>Layout of {@code struct io_uring_recvmsg_out} from {@code <linux/io_uring.h>}: 16 bytes, aligned to 4.
 * Same shape as a jextract-generated struct class (see the module README); checked against the C
 * headers by {@code LayoutConformanceTest}.
 */
@SuppressWarnings({"unused", "restricted", "checkstyle:TypeName"}) // restricted: reinterpret of raw addresses
public class io_uring_recvmsg_out {

    io_uring_recvmsg_out() {
        // static accessors only
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        LibUring.C_INT.withName("namelen"),
        LibUring.C_INT.withName("controllen"),
        LibUring.C_INT.withName("payloadlen"),
        LibUring.C_INT.withName("flags")
    ).withName("io_uring_recvmsg_out");

    /** The layout of this struct. @return the layout */
    public static final GroupLayout layout() {
        return $LAYOUT;
    }

    private static final OfInt namelen$LAYOUT = (OfInt) $LAYOUT.select(groupElement("namelen"));

    /** Layout of {@code namelen}. @return the layout */
    public static final OfInt namelen$layout() {
        return namelen$LAYOUT;
    }

    private static final long namelen$OFFSET = 0;

    /** Byte offset of {@code namelen}. @return the offset */
    public static final long namelen$offset() {
        return namelen$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_recvmsg_out}:
     * {@snippet lang=c :
     * __u32 namelen
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int namelen(MemorySegment struct) {
        return struct.get(namelen$LAYOUT, namelen$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_recvmsg_out}:
     * {@snippet lang=c :
     * __u32 namelen
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void namelen(MemorySegment struct, int fieldValue) {
        struct.set(namelen$LAYOUT, namelen$OFFSET, fieldValue);
    }

    private static final OfInt controllen$LAYOUT = (OfInt) $LAYOUT.select(groupElement("controllen"));

    /** Layout of {@code controllen}. @return the layout */
    public static final OfInt controllen$layout() {
        return controllen$LAYOUT;
    }

    private static final long controllen$OFFSET = 4;

    /** Byte offset of {@code controllen}. @return the offset */
    public static final long controllen$offset() {
        return controllen$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_recvmsg_out}:
     * {@snippet lang=c :
     * __u32 controllen
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int controllen(MemorySegment struct) {
        return struct.get(controllen$LAYOUT, controllen$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_recvmsg_out}:
     * {@snippet lang=c :
     * __u32 controllen
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void controllen(MemorySegment struct, int fieldValue) {
        struct.set(controllen$LAYOUT, controllen$OFFSET, fieldValue);
    }

    private static final OfInt payloadlen$LAYOUT = (OfInt) $LAYOUT.select(groupElement("payloadlen"));

    /** Layout of {@code payloadlen}. @return the layout */
    public static final OfInt payloadlen$layout() {
        return payloadlen$LAYOUT;
    }

    private static final long payloadlen$OFFSET = 8;

    /** Byte offset of {@code payloadlen}. @return the offset */
    public static final long payloadlen$offset() {
        return payloadlen$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_recvmsg_out}:
     * {@snippet lang=c :
     * __u32 payloadlen
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int payloadlen(MemorySegment struct) {
        return struct.get(payloadlen$LAYOUT, payloadlen$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_recvmsg_out}:
     * {@snippet lang=c :
     * __u32 payloadlen
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void payloadlen(MemorySegment struct, int fieldValue) {
        struct.set(payloadlen$LAYOUT, payloadlen$OFFSET, fieldValue);
    }

    private static final OfInt flags$LAYOUT = (OfInt) $LAYOUT.select(groupElement("flags"));

    /** Layout of {@code flags}. @return the layout */
    public static final OfInt flags$layout() {
        return flags$LAYOUT;
    }

    private static final long flags$OFFSET = 12;

    /** Byte offset of {@code flags}. @return the offset */
    public static final long flags$offset() {
        return flags$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_recvmsg_out}:
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
     * Field of {@code struct io_uring_recvmsg_out}:
     * {@snippet lang=c :
     * __u32 flags
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void flags(MemorySegment struct, int fieldValue) {
        struct.set(flags$LAYOUT, flags$OFFSET, fieldValue);
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
