package dev.iobuf.liburing;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.SequenceLayout;
import java.lang.foreign.ValueLayout.OfByte;
import java.lang.foreign.ValueLayout.OfInt;
import java.lang.foreign.ValueLayout.OfLong;
import java.util.function.Consumer;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

/**
 * IORING_REGISTER_SYNC_CANCEL argument.
 * <p>Layout of {@code struct io_uring_sync_cancel_reg} from {@code <linux/io_uring.h>}: 64 bytes, aligned to 8.
 * Same shape as a jextract-generated struct class (see the module README); checked against the C
 * headers by {@code LayoutConformanceTest}.
 */
@SuppressWarnings({"unused", "restricted", "checkstyle:TypeName"}) // restricted: reinterpret of raw addresses
public class io_uring_sync_cancel_reg {

    io_uring_sync_cancel_reg() {
        // static accessors only
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        LibUring.C_LONG_LONG.withName("addr"),
        LibUring.C_INT.withName("fd"),
        LibUring.C_INT.withName("flags"),
        __kernel_timespec.layout().withName("timeout"),
        LibUring.C_CHAR.withName("opcode"),
        MemoryLayout.sequenceLayout(7, LibUring.C_CHAR).withName("pad"),
        MemoryLayout.sequenceLayout(3, LibUring.C_LONG_LONG).withName("pad2")
    ).withName("io_uring_sync_cancel_reg");

    /** The layout of this struct. @return the layout */
    public static final GroupLayout layout() {
        return $LAYOUT;
    }

    private static final OfLong addr$LAYOUT = (OfLong) $LAYOUT.select(groupElement("addr"));

    /** Layout of {@code addr}. @return the layout */
    public static final OfLong addr$layout() {
        return addr$LAYOUT;
    }

    private static final long addr$OFFSET = 0;

    /** Byte offset of {@code addr}. @return the offset */
    public static final long addr$offset() {
        return addr$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sync_cancel_reg}:
     * {@snippet lang=c :
     * __u64 addr
     * }
     * @param struct the struct
     * @return the field value
     */
    public static long addr(MemorySegment struct) {
        return struct.get(addr$LAYOUT, addr$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sync_cancel_reg}:
     * {@snippet lang=c :
     * __u64 addr
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void addr(MemorySegment struct, long fieldValue) {
        struct.set(addr$LAYOUT, addr$OFFSET, fieldValue);
    }

    private static final OfInt fd$LAYOUT = (OfInt) $LAYOUT.select(groupElement("fd"));

    /** Layout of {@code fd}. @return the layout */
    public static final OfInt fd$layout() {
        return fd$LAYOUT;
    }

    private static final long fd$OFFSET = 8;

    /** Byte offset of {@code fd}. @return the offset */
    public static final long fd$offset() {
        return fd$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sync_cancel_reg}:
     * {@snippet lang=c :
     * __s32 fd
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int fd(MemorySegment struct) {
        return struct.get(fd$LAYOUT, fd$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sync_cancel_reg}:
     * {@snippet lang=c :
     * __s32 fd
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void fd(MemorySegment struct, int fieldValue) {
        struct.set(fd$LAYOUT, fd$OFFSET, fieldValue);
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
     * Field of {@code struct io_uring_sync_cancel_reg}:
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
     * Field of {@code struct io_uring_sync_cancel_reg}:
     * {@snippet lang=c :
     * __u32 flags
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void flags(MemorySegment struct, int fieldValue) {
        struct.set(flags$LAYOUT, flags$OFFSET, fieldValue);
    }

    private static final GroupLayout timeout$LAYOUT = (GroupLayout) $LAYOUT.select(groupElement("timeout"));

    /** Layout of {@code timeout}. @return the layout */
    public static final GroupLayout timeout$layout() {
        return timeout$LAYOUT;
    }

    private static final long timeout$OFFSET = 16;

    /** Byte offset of {@code timeout}. @return the offset */
    public static final long timeout$offset() {
        return timeout$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sync_cancel_reg}:
     * {@snippet lang=c :
     * struct __kernel_timespec timeout
     * }
     * @param struct the struct
     * @return a slice of {@code struct} covering the field
     */
    public static MemorySegment timeout(MemorySegment struct) {
        return struct.asSlice(timeout$OFFSET, timeout$LAYOUT.byteSize());
    }

    /**
     * Field of {@code struct io_uring_sync_cancel_reg}:
     * {@snippet lang=c :
     * struct __kernel_timespec timeout
     * }
     * @param struct the struct
     * @param fieldValue the bytes to copy into the field
     */
    public static void timeout(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, timeout$OFFSET, timeout$LAYOUT.byteSize());
    }

    private static final OfByte opcode$LAYOUT = (OfByte) $LAYOUT.select(groupElement("opcode"));

    /** Layout of {@code opcode}. @return the layout */
    public static final OfByte opcode$layout() {
        return opcode$LAYOUT;
    }

    private static final long opcode$OFFSET = 32;

    /** Byte offset of {@code opcode}. @return the offset */
    public static final long opcode$offset() {
        return opcode$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sync_cancel_reg}:
     * {@snippet lang=c :
     * __u8 opcode
     * }
     * <p>Used with IORING_ASYNC_CANCEL_OP; before Linux 6.6 this byte was part of {@code pad[4]}.
     * <p>Since Linux 6.6 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @return the field value
     */
    public static byte opcode(MemorySegment struct) {
        return struct.get(opcode$LAYOUT, opcode$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sync_cancel_reg}:
     * {@snippet lang=c :
     * __u8 opcode
     * }
     * <p>Used with IORING_ASYNC_CANCEL_OP; before Linux 6.6 this byte was part of {@code pad[4]}.
     * <p>Since Linux 6.6 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void opcode(MemorySegment struct, byte fieldValue) {
        struct.set(opcode$LAYOUT, opcode$OFFSET, fieldValue);
    }

    private static final SequenceLayout pad$LAYOUT = (SequenceLayout) $LAYOUT.select(groupElement("pad"));

    /** Layout of {@code pad}. @return the layout */
    public static final SequenceLayout pad$layout() {
        return pad$LAYOUT;
    }

    private static final long pad$OFFSET = 33;

    /** Byte offset of {@code pad}. @return the offset */
    public static final long pad$offset() {
        return pad$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sync_cancel_reg}:
     * {@snippet lang=c :
     * __u8 pad[7]
     * }
     * <p>Since Linux 6.6 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @return a slice of {@code struct} covering the field
     */
    public static MemorySegment pad(MemorySegment struct) {
        return struct.asSlice(pad$OFFSET, pad$LAYOUT.byteSize());
    }

    /**
     * Field of {@code struct io_uring_sync_cancel_reg}:
     * {@snippet lang=c :
     * __u8 pad[7]
     * }
     * <p>Since Linux 6.6 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @param fieldValue the bytes to copy into the field
     */
    public static void pad(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, pad$OFFSET, pad$LAYOUT.byteSize());
    }

    private static final long[] pad$DIMS = { 7 };

    /** Dimensions of {@code pad}. @return the dimensions */
    public static long[] pad$dimensions() {
        return pad$DIMS.clone();
    }

    /**
     * Field of {@code struct io_uring_sync_cancel_reg}:
     * {@snippet lang=c :
     * __u8 pad[7]
     * }
     * <p>Since Linux 6.6 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @param index0 the element index
     * @return the element
     */
    public static byte pad(MemorySegment struct, long index0) {
        java.util.Objects.checkIndex(index0, 7);
        return struct.get(LibUring.C_CHAR, pad$OFFSET + index0 * 1);
    }

    /**
     * Field of {@code struct io_uring_sync_cancel_reg}:
     * {@snippet lang=c :
     * __u8 pad[7]
     * }
     * <p>Since Linux 6.6 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @param index0 the element index
     * @param fieldValue the new element value
     */
    public static void pad(MemorySegment struct, long index0, byte fieldValue) {
        java.util.Objects.checkIndex(index0, 7);
        struct.set(LibUring.C_CHAR, pad$OFFSET + index0 * 1, fieldValue);
    }

    private static final SequenceLayout pad2$LAYOUT = (SequenceLayout) $LAYOUT.select(groupElement("pad2"));

    /** Layout of {@code pad2}. @return the layout */
    public static final SequenceLayout pad2$layout() {
        return pad2$LAYOUT;
    }

    private static final long pad2$OFFSET = 40;

    /** Byte offset of {@code pad2}. @return the offset */
    public static final long pad2$offset() {
        return pad2$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sync_cancel_reg}:
     * {@snippet lang=c :
     * __u64 pad2[3]
     * }
     * <p>Since Linux 6.6 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @return a slice of {@code struct} covering the field
     */
    public static MemorySegment pad2(MemorySegment struct) {
        return struct.asSlice(pad2$OFFSET, pad2$LAYOUT.byteSize());
    }

    /**
     * Field of {@code struct io_uring_sync_cancel_reg}:
     * {@snippet lang=c :
     * __u64 pad2[3]
     * }
     * <p>Since Linux 6.6 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @param fieldValue the bytes to copy into the field
     */
    public static void pad2(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, pad2$OFFSET, pad2$LAYOUT.byteSize());
    }

    private static final long[] pad2$DIMS = { 3 };

    /** Dimensions of {@code pad2}. @return the dimensions */
    public static long[] pad2$dimensions() {
        return pad2$DIMS.clone();
    }

    /**
     * Field of {@code struct io_uring_sync_cancel_reg}:
     * {@snippet lang=c :
     * __u64 pad2[3]
     * }
     * <p>Since Linux 6.6 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @param index0 the element index
     * @return the element
     */
    public static long pad2(MemorySegment struct, long index0) {
        java.util.Objects.checkIndex(index0, 3);
        return struct.get(LibUring.C_LONG_LONG, pad2$OFFSET + index0 * 8);
    }

    /**
     * Field of {@code struct io_uring_sync_cancel_reg}:
     * {@snippet lang=c :
     * __u64 pad2[3]
     * }
     * <p>Since Linux 6.6 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @param index0 the element index
     * @param fieldValue the new element value
     */
    public static void pad2(MemorySegment struct, long index0, long fieldValue) {
        java.util.Objects.checkIndex(index0, 3);
        struct.set(LibUring.C_LONG_LONG, pad2$OFFSET + index0 * 8, fieldValue);
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
