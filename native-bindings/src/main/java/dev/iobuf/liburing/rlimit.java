package dev.iobuf.liburing;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout.OfLong;
import java.util.function.Consumer;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

/**
 * A resource limit pair as getrlimit(2) fills it (RLIMIT_MEMLOCK caps registered buffers on older kernels).
 * <p>Layout of {@code struct rlimit} from {@code <sys/resource.h>}: 16 bytes, aligned to 8.
 * Same shape as a jextract-generated struct class (see the module README); checked against the C
 * headers by {@code LayoutConformanceTest}.
 */
@SuppressWarnings({"unused", "restricted", "checkstyle:TypeName"}) // restricted: reinterpret of raw addresses
public class rlimit {

    rlimit() {
        // static accessors only
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        Libc.C_LONG.withName("rlim_cur"),
        Libc.C_LONG.withName("rlim_max")
    ).withName("rlimit");

    /** The layout of this struct. @return the layout */
    public static final GroupLayout layout() {
        return $LAYOUT;
    }

    private static final OfLong rlim_cur$LAYOUT = (OfLong) $LAYOUT.select(groupElement("rlim_cur"));

    /** Layout of {@code rlim_cur}. @return the layout */
    public static final OfLong rlim_cur$layout() {
        return rlim_cur$LAYOUT;
    }

    private static final long rlim_cur$OFFSET = 0;

    /** Byte offset of {@code rlim_cur}. @return the offset */
    public static final long rlim_cur$offset() {
        return rlim_cur$OFFSET;
    }

    /**
     * Field of {@code struct rlimit}:
     * {@snippet lang=c :
     * unsigned long rlim_cur
     * }
     * @param struct the struct
     * @return the field value
     */
    public static long rlim_cur(MemorySegment struct) {
        return struct.get(rlim_cur$LAYOUT, rlim_cur$OFFSET);
    }

    /**
     * Field of {@code struct rlimit}:
     * {@snippet lang=c :
     * unsigned long rlim_cur
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void rlim_cur(MemorySegment struct, long fieldValue) {
        struct.set(rlim_cur$LAYOUT, rlim_cur$OFFSET, fieldValue);
    }

    private static final OfLong rlim_max$LAYOUT = (OfLong) $LAYOUT.select(groupElement("rlim_max"));

    /** Layout of {@code rlim_max}. @return the layout */
    public static final OfLong rlim_max$layout() {
        return rlim_max$LAYOUT;
    }

    private static final long rlim_max$OFFSET = 8;

    /** Byte offset of {@code rlim_max}. @return the offset */
    public static final long rlim_max$offset() {
        return rlim_max$OFFSET;
    }

    /**
     * Field of {@code struct rlimit}:
     * {@snippet lang=c :
     * unsigned long rlim_max
     * }
     * @param struct the struct
     * @return the field value
     */
    public static long rlim_max(MemorySegment struct) {
        return struct.get(rlim_max$LAYOUT, rlim_max$OFFSET);
    }

    /**
     * Field of {@code struct rlimit}:
     * {@snippet lang=c :
     * unsigned long rlim_max
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void rlim_max(MemorySegment struct, long fieldValue) {
        struct.set(rlim_max$LAYOUT, rlim_max$OFFSET, fieldValue);
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
