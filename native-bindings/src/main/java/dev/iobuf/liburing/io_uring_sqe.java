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
import java.lang.foreign.ValueLayout.OfShort;
import java.util.function.Consumer;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

/**
 * Submission queue entry (64 bytes; 128 with IORING_SETUP_SQE128, where the 80 bytes from {@code cmd} on carry command data).
 * <p>Layout of {@code struct io_uring_sqe} from {@code <linux/io_uring.h>}: 64 bytes, aligned to 8.
 * Same shape as a jextract-generated struct class (see the module README); checked against the C
 * headers by {@code LayoutConformanceTest}.
 */
@SuppressWarnings({"unused", "restricted", "checkstyle:TypeName"}) // restricted: reinterpret of raw addresses
public class io_uring_sqe {

    io_uring_sqe() {
        // static accessors only
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        LibUring.C_CHAR.withName("opcode"),
        LibUring.C_CHAR.withName("flags"),
        LibUring.C_SHORT.withName("ioprio"),
        LibUring.C_INT.withName("fd"),
        MemoryLayout.unionLayout(
            LibUring.C_LONG_LONG.withName("off"),
            LibUring.C_LONG_LONG.withName("addr2"),
            MemoryLayout.structLayout(
                LibUring.C_INT.withName("cmd_op"),
                LibUring.C_INT.withName("__pad1")
            ).withName("$anon$2")
        ).withName("$anon$1"),
        MemoryLayout.unionLayout(
            LibUring.C_LONG_LONG.withName("addr"),
            LibUring.C_LONG_LONG.withName("splice_off_in"),
            MemoryLayout.structLayout(
                LibUring.C_INT.withName("level"),
                LibUring.C_INT.withName("optname")
            ).withName("$anon$4")
        ).withName("$anon$3"),
        LibUring.C_INT.withName("len"),
        MemoryLayout.unionLayout(
            LibUring.C_INT.withName("rw_flags"),
            LibUring.C_INT.withName("fsync_flags"),
            LibUring.C_SHORT.withName("poll_events"),
            LibUring.C_INT.withName("poll32_events"),
            LibUring.C_INT.withName("sync_range_flags"),
            LibUring.C_INT.withName("msg_flags"),
            LibUring.C_INT.withName("timeout_flags"),
            LibUring.C_INT.withName("accept_flags"),
            LibUring.C_INT.withName("cancel_flags"),
            LibUring.C_INT.withName("open_flags"),
            LibUring.C_INT.withName("statx_flags"),
            LibUring.C_INT.withName("fadvise_advice"),
            LibUring.C_INT.withName("splice_flags"),
            LibUring.C_INT.withName("rename_flags"),
            LibUring.C_INT.withName("unlink_flags"),
            LibUring.C_INT.withName("hardlink_flags"),
            LibUring.C_INT.withName("xattr_flags"),
            LibUring.C_INT.withName("msg_ring_flags"),
            LibUring.C_INT.withName("uring_cmd_flags"),
            LibUring.C_INT.withName("waitid_flags"),
            LibUring.C_INT.withName("futex_flags"),
            LibUring.C_INT.withName("install_fd_flags"),
            LibUring.C_INT.withName("pipe_flags")
        ).withName("$anon$5"),
        LibUring.C_LONG_LONG.withName("user_data"),
        MemoryLayout.unionLayout(
            LibUring.C_SHORT.withName("buf_index"),
            LibUring.C_SHORT.withName("buf_group")
        ).withName("$anon$6"),
        LibUring.C_SHORT.withName("personality"),
        MemoryLayout.unionLayout(
            LibUring.C_INT.withName("splice_fd_in"),
            LibUring.C_INT.withName("file_index"),
            LibUring.C_INT.withName("zcrx_ifq_idx"),
            LibUring.C_INT.withName("optlen"),
            MemoryLayout.structLayout(
                LibUring.C_SHORT.withName("addr_len"),
                MemoryLayout.sequenceLayout(1, LibUring.C_SHORT).withName("__pad3")
            ).withName("$anon$8"),
            MemoryLayout.structLayout(
                LibUring.C_CHAR.withName("write_stream"),
                MemoryLayout.sequenceLayout(3, LibUring.C_CHAR).withName("__pad4")
            ).withName("$anon$9")
        ).withName("$anon$7"),
        MemoryLayout.unionLayout(
            MemoryLayout.structLayout(
                LibUring.C_LONG_LONG.withName("addr3"),
                MemoryLayout.sequenceLayout(1, LibUring.C_LONG_LONG).withName("__pad2")
            ).withName("$anon$11"),
            MemoryLayout.structLayout(
                LibUring.C_LONG_LONG.withName("attr_ptr"),
                LibUring.C_LONG_LONG.withName("attr_type_mask")
            ).withName("$anon$12"),
            LibUring.C_LONG_LONG.withName("optval"),
            MemoryLayout.sequenceLayout(0, LibUring.C_CHAR).withName("cmd")
        ).withName("$anon$10")
    ).withName("io_uring_sqe");

    /** The layout of this struct. @return the layout */
    public static final GroupLayout layout() {
        return $LAYOUT;
    }

    private static final OfByte opcode$LAYOUT = (OfByte) $LAYOUT.select(groupElement("opcode"));

    /** Layout of {@code opcode}. @return the layout */
    public static final OfByte opcode$layout() {
        return opcode$LAYOUT;
    }

    private static final long opcode$OFFSET = 0;

    /** Byte offset of {@code opcode}. @return the offset */
    public static final long opcode$offset() {
        return opcode$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u8 opcode
     * }
     * @param struct the struct
     * @return the field value
     */
    public static byte opcode(MemorySegment struct) {
        return struct.get(opcode$LAYOUT, opcode$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u8 opcode
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void opcode(MemorySegment struct, byte fieldValue) {
        struct.set(opcode$LAYOUT, opcode$OFFSET, fieldValue);
    }

    private static final OfByte flags$LAYOUT = (OfByte) $LAYOUT.select(groupElement("flags"));

    /** Layout of {@code flags}. @return the layout */
    public static final OfByte flags$layout() {
        return flags$LAYOUT;
    }

    private static final long flags$OFFSET = 1;

    /** Byte offset of {@code flags}. @return the offset */
    public static final long flags$offset() {
        return flags$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u8 flags
     * }
     * @param struct the struct
     * @return the field value
     */
    public static byte flags(MemorySegment struct) {
        return struct.get(flags$LAYOUT, flags$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u8 flags
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void flags(MemorySegment struct, byte fieldValue) {
        struct.set(flags$LAYOUT, flags$OFFSET, fieldValue);
    }

    private static final OfShort ioprio$LAYOUT = (OfShort) $LAYOUT.select(groupElement("ioprio"));

    /** Layout of {@code ioprio}. @return the layout */
    public static final OfShort ioprio$layout() {
        return ioprio$LAYOUT;
    }

    private static final long ioprio$OFFSET = 2;

    /** Byte offset of {@code ioprio}. @return the offset */
    public static final long ioprio$offset() {
        return ioprio$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u16 ioprio
     * }
     * @param struct the struct
     * @return the field value
     */
    public static short ioprio(MemorySegment struct) {
        return struct.get(ioprio$LAYOUT, ioprio$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u16 ioprio
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void ioprio(MemorySegment struct, short fieldValue) {
        struct.set(ioprio$LAYOUT, ioprio$OFFSET, fieldValue);
    }

    private static final OfInt fd$LAYOUT = (OfInt) $LAYOUT.select(groupElement("fd"));

    /** Layout of {@code fd}. @return the layout */
    public static final OfInt fd$layout() {
        return fd$LAYOUT;
    }

    private static final long fd$OFFSET = 4;

    /** Byte offset of {@code fd}. @return the offset */
    public static final long fd$offset() {
        return fd$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
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
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __s32 fd
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void fd(MemorySegment struct, int fieldValue) {
        struct.set(fd$LAYOUT, fd$OFFSET, fieldValue);
    }

    private static final OfLong off$LAYOUT = (OfLong) $LAYOUT.select(groupElement("$anon$1"), groupElement("off"));

    /** Layout of {@code off}. @return the layout */
    public static final OfLong off$layout() {
        return off$LAYOUT;
    }

    private static final long off$OFFSET = 8;

    /** Byte offset of {@code off}. @return the offset */
    public static final long off$offset() {
        return off$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u64 off
     * }
     * @param struct the struct
     * @return the field value
     */
    public static long off(MemorySegment struct) {
        return struct.get(off$LAYOUT, off$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u64 off
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void off(MemorySegment struct, long fieldValue) {
        struct.set(off$LAYOUT, off$OFFSET, fieldValue);
    }

    private static final OfLong addr2$LAYOUT = (OfLong) $LAYOUT.select(groupElement("$anon$1"), groupElement("addr2"));

    /** Layout of {@code addr2}. @return the layout */
    public static final OfLong addr2$layout() {
        return addr2$LAYOUT;
    }

    private static final long addr2$OFFSET = 8;

    /** Byte offset of {@code addr2}. @return the offset */
    public static final long addr2$offset() {
        return addr2$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u64 addr2
     * }
     * @param struct the struct
     * @return the field value
     */
    public static long addr2(MemorySegment struct) {
        return struct.get(addr2$LAYOUT, addr2$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u64 addr2
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void addr2(MemorySegment struct, long fieldValue) {
        struct.set(addr2$LAYOUT, addr2$OFFSET, fieldValue);
    }

    private static final OfInt cmd_op$LAYOUT = (OfInt) $LAYOUT.select(groupElement("$anon$1"), groupElement("$anon$2"), groupElement("cmd_op"));

    /** Layout of {@code cmd_op}. @return the layout */
    public static final OfInt cmd_op$layout() {
        return cmd_op$LAYOUT;
    }

    private static final long cmd_op$OFFSET = 8;

    /** Byte offset of {@code cmd_op}. @return the offset */
    public static final long cmd_op$offset() {
        return cmd_op$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 cmd_op
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int cmd_op(MemorySegment struct) {
        return struct.get(cmd_op$LAYOUT, cmd_op$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 cmd_op
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void cmd_op(MemorySegment struct, int fieldValue) {
        struct.set(cmd_op$LAYOUT, cmd_op$OFFSET, fieldValue);
    }

    private static final OfInt __pad1$LAYOUT = (OfInt) $LAYOUT.select(groupElement("$anon$1"), groupElement("$anon$2"), groupElement("__pad1"));

    /** Layout of {@code __pad1}. @return the layout */
    public static final OfInt __pad1$layout() {
        return __pad1$LAYOUT;
    }

    private static final long __pad1$OFFSET = 12;

    /** Byte offset of {@code __pad1}. @return the offset */
    public static final long __pad1$offset() {
        return __pad1$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 __pad1
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int __pad1(MemorySegment struct) {
        return struct.get(__pad1$LAYOUT, __pad1$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 __pad1
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void __pad1(MemorySegment struct, int fieldValue) {
        struct.set(__pad1$LAYOUT, __pad1$OFFSET, fieldValue);
    }

    private static final OfLong addr$LAYOUT = (OfLong) $LAYOUT.select(groupElement("$anon$3"), groupElement("addr"));

    /** Layout of {@code addr}. @return the layout */
    public static final OfLong addr$layout() {
        return addr$LAYOUT;
    }

    private static final long addr$OFFSET = 16;

    /** Byte offset of {@code addr}. @return the offset */
    public static final long addr$offset() {
        return addr$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
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
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u64 addr
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void addr(MemorySegment struct, long fieldValue) {
        struct.set(addr$LAYOUT, addr$OFFSET, fieldValue);
    }

    private static final OfLong splice_off_in$LAYOUT = (OfLong) $LAYOUT.select(groupElement("$anon$3"), groupElement("splice_off_in"));

    /** Layout of {@code splice_off_in}. @return the layout */
    public static final OfLong splice_off_in$layout() {
        return splice_off_in$LAYOUT;
    }

    private static final long splice_off_in$OFFSET = 16;

    /** Byte offset of {@code splice_off_in}. @return the offset */
    public static final long splice_off_in$offset() {
        return splice_off_in$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u64 splice_off_in
     * }
     * @param struct the struct
     * @return the field value
     */
    public static long splice_off_in(MemorySegment struct) {
        return struct.get(splice_off_in$LAYOUT, splice_off_in$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u64 splice_off_in
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void splice_off_in(MemorySegment struct, long fieldValue) {
        struct.set(splice_off_in$LAYOUT, splice_off_in$OFFSET, fieldValue);
    }

    private static final OfInt level$LAYOUT = (OfInt) $LAYOUT.select(groupElement("$anon$3"), groupElement("$anon$4"), groupElement("level"));

    /** Layout of {@code level}. @return the layout */
    public static final OfInt level$layout() {
        return level$LAYOUT;
    }

    private static final long level$OFFSET = 16;

    /** Byte offset of {@code level}. @return the offset */
    public static final long level$offset() {
        return level$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 level
     * }
     * <p>Since Linux 6.7 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @return the field value
     */
    public static int level(MemorySegment struct) {
        return struct.get(level$LAYOUT, level$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 level
     * }
     * <p>Since Linux 6.7 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void level(MemorySegment struct, int fieldValue) {
        struct.set(level$LAYOUT, level$OFFSET, fieldValue);
    }

    private static final OfInt optname$LAYOUT = (OfInt) $LAYOUT.select(groupElement("$anon$3"), groupElement("$anon$4"), groupElement("optname"));

    /** Layout of {@code optname}. @return the layout */
    public static final OfInt optname$layout() {
        return optname$LAYOUT;
    }

    private static final long optname$OFFSET = 20;

    /** Byte offset of {@code optname}. @return the offset */
    public static final long optname$offset() {
        return optname$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 optname
     * }
     * <p>Since Linux 6.7 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @return the field value
     */
    public static int optname(MemorySegment struct) {
        return struct.get(optname$LAYOUT, optname$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 optname
     * }
     * <p>Since Linux 6.7 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void optname(MemorySegment struct, int fieldValue) {
        struct.set(optname$LAYOUT, optname$OFFSET, fieldValue);
    }

    private static final OfInt len$LAYOUT = (OfInt) $LAYOUT.select(groupElement("len"));

    /** Layout of {@code len}. @return the layout */
    public static final OfInt len$layout() {
        return len$LAYOUT;
    }

    private static final long len$OFFSET = 24;

    /** Byte offset of {@code len}. @return the offset */
    public static final long len$offset() {
        return len$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 len
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int len(MemorySegment struct) {
        return struct.get(len$LAYOUT, len$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 len
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void len(MemorySegment struct, int fieldValue) {
        struct.set(len$LAYOUT, len$OFFSET, fieldValue);
    }

    private static final OfInt rw_flags$LAYOUT = (OfInt) $LAYOUT.select(groupElement("$anon$5"), groupElement("rw_flags"));

    /** Layout of {@code rw_flags}. @return the layout */
    public static final OfInt rw_flags$layout() {
        return rw_flags$LAYOUT;
    }

    private static final long rw_flags$OFFSET = 28;

    /** Byte offset of {@code rw_flags}. @return the offset */
    public static final long rw_flags$offset() {
        return rw_flags$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __s32 rw_flags
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int rw_flags(MemorySegment struct) {
        return struct.get(rw_flags$LAYOUT, rw_flags$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __s32 rw_flags
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void rw_flags(MemorySegment struct, int fieldValue) {
        struct.set(rw_flags$LAYOUT, rw_flags$OFFSET, fieldValue);
    }

    private static final OfInt fsync_flags$LAYOUT = (OfInt) $LAYOUT.select(groupElement("$anon$5"), groupElement("fsync_flags"));

    /** Layout of {@code fsync_flags}. @return the layout */
    public static final OfInt fsync_flags$layout() {
        return fsync_flags$LAYOUT;
    }

    private static final long fsync_flags$OFFSET = 28;

    /** Byte offset of {@code fsync_flags}. @return the offset */
    public static final long fsync_flags$offset() {
        return fsync_flags$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 fsync_flags
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int fsync_flags(MemorySegment struct) {
        return struct.get(fsync_flags$LAYOUT, fsync_flags$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 fsync_flags
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void fsync_flags(MemorySegment struct, int fieldValue) {
        struct.set(fsync_flags$LAYOUT, fsync_flags$OFFSET, fieldValue);
    }

    private static final OfShort poll_events$LAYOUT = (OfShort) $LAYOUT.select(groupElement("$anon$5"), groupElement("poll_events"));

    /** Layout of {@code poll_events}. @return the layout */
    public static final OfShort poll_events$layout() {
        return poll_events$LAYOUT;
    }

    private static final long poll_events$OFFSET = 28;

    /** Byte offset of {@code poll_events}. @return the offset */
    public static final long poll_events$offset() {
        return poll_events$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u16 poll_events
     * }
     * @param struct the struct
     * @return the field value
     */
    public static short poll_events(MemorySegment struct) {
        return struct.get(poll_events$LAYOUT, poll_events$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u16 poll_events
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void poll_events(MemorySegment struct, short fieldValue) {
        struct.set(poll_events$LAYOUT, poll_events$OFFSET, fieldValue);
    }

    private static final OfInt poll32_events$LAYOUT = (OfInt) $LAYOUT.select(groupElement("$anon$5"), groupElement("poll32_events"));

    /** Layout of {@code poll32_events}. @return the layout */
    public static final OfInt poll32_events$layout() {
        return poll32_events$LAYOUT;
    }

    private static final long poll32_events$OFFSET = 28;

    /** Byte offset of {@code poll32_events}. @return the offset */
    public static final long poll32_events$offset() {
        return poll32_events$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 poll32_events
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int poll32_events(MemorySegment struct) {
        return struct.get(poll32_events$LAYOUT, poll32_events$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 poll32_events
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void poll32_events(MemorySegment struct, int fieldValue) {
        struct.set(poll32_events$LAYOUT, poll32_events$OFFSET, fieldValue);
    }

    private static final OfInt sync_range_flags$LAYOUT = (OfInt) $LAYOUT.select(groupElement("$anon$5"), groupElement("sync_range_flags"));

    /** Layout of {@code sync_range_flags}. @return the layout */
    public static final OfInt sync_range_flags$layout() {
        return sync_range_flags$LAYOUT;
    }

    private static final long sync_range_flags$OFFSET = 28;

    /** Byte offset of {@code sync_range_flags}. @return the offset */
    public static final long sync_range_flags$offset() {
        return sync_range_flags$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 sync_range_flags
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int sync_range_flags(MemorySegment struct) {
        return struct.get(sync_range_flags$LAYOUT, sync_range_flags$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 sync_range_flags
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void sync_range_flags(MemorySegment struct, int fieldValue) {
        struct.set(sync_range_flags$LAYOUT, sync_range_flags$OFFSET, fieldValue);
    }

    private static final OfInt msg_flags$LAYOUT = (OfInt) $LAYOUT.select(groupElement("$anon$5"), groupElement("msg_flags"));

    /** Layout of {@code msg_flags}. @return the layout */
    public static final OfInt msg_flags$layout() {
        return msg_flags$LAYOUT;
    }

    private static final long msg_flags$OFFSET = 28;

    /** Byte offset of {@code msg_flags}. @return the offset */
    public static final long msg_flags$offset() {
        return msg_flags$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 msg_flags
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int msg_flags(MemorySegment struct) {
        return struct.get(msg_flags$LAYOUT, msg_flags$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 msg_flags
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void msg_flags(MemorySegment struct, int fieldValue) {
        struct.set(msg_flags$LAYOUT, msg_flags$OFFSET, fieldValue);
    }

    private static final OfInt timeout_flags$LAYOUT = (OfInt) $LAYOUT.select(groupElement("$anon$5"), groupElement("timeout_flags"));

    /** Layout of {@code timeout_flags}. @return the layout */
    public static final OfInt timeout_flags$layout() {
        return timeout_flags$LAYOUT;
    }

    private static final long timeout_flags$OFFSET = 28;

    /** Byte offset of {@code timeout_flags}. @return the offset */
    public static final long timeout_flags$offset() {
        return timeout_flags$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 timeout_flags
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int timeout_flags(MemorySegment struct) {
        return struct.get(timeout_flags$LAYOUT, timeout_flags$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 timeout_flags
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void timeout_flags(MemorySegment struct, int fieldValue) {
        struct.set(timeout_flags$LAYOUT, timeout_flags$OFFSET, fieldValue);
    }

    private static final OfInt accept_flags$LAYOUT = (OfInt) $LAYOUT.select(groupElement("$anon$5"), groupElement("accept_flags"));

    /** Layout of {@code accept_flags}. @return the layout */
    public static final OfInt accept_flags$layout() {
        return accept_flags$LAYOUT;
    }

    private static final long accept_flags$OFFSET = 28;

    /** Byte offset of {@code accept_flags}. @return the offset */
    public static final long accept_flags$offset() {
        return accept_flags$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 accept_flags
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int accept_flags(MemorySegment struct) {
        return struct.get(accept_flags$LAYOUT, accept_flags$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 accept_flags
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void accept_flags(MemorySegment struct, int fieldValue) {
        struct.set(accept_flags$LAYOUT, accept_flags$OFFSET, fieldValue);
    }

    private static final OfInt cancel_flags$LAYOUT = (OfInt) $LAYOUT.select(groupElement("$anon$5"), groupElement("cancel_flags"));

    /** Layout of {@code cancel_flags}. @return the layout */
    public static final OfInt cancel_flags$layout() {
        return cancel_flags$LAYOUT;
    }

    private static final long cancel_flags$OFFSET = 28;

    /** Byte offset of {@code cancel_flags}. @return the offset */
    public static final long cancel_flags$offset() {
        return cancel_flags$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 cancel_flags
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int cancel_flags(MemorySegment struct) {
        return struct.get(cancel_flags$LAYOUT, cancel_flags$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 cancel_flags
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void cancel_flags(MemorySegment struct, int fieldValue) {
        struct.set(cancel_flags$LAYOUT, cancel_flags$OFFSET, fieldValue);
    }

    private static final OfInt open_flags$LAYOUT = (OfInt) $LAYOUT.select(groupElement("$anon$5"), groupElement("open_flags"));

    /** Layout of {@code open_flags}. @return the layout */
    public static final OfInt open_flags$layout() {
        return open_flags$LAYOUT;
    }

    private static final long open_flags$OFFSET = 28;

    /** Byte offset of {@code open_flags}. @return the offset */
    public static final long open_flags$offset() {
        return open_flags$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 open_flags
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int open_flags(MemorySegment struct) {
        return struct.get(open_flags$LAYOUT, open_flags$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 open_flags
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void open_flags(MemorySegment struct, int fieldValue) {
        struct.set(open_flags$LAYOUT, open_flags$OFFSET, fieldValue);
    }

    private static final OfInt statx_flags$LAYOUT = (OfInt) $LAYOUT.select(groupElement("$anon$5"), groupElement("statx_flags"));

    /** Layout of {@code statx_flags}. @return the layout */
    public static final OfInt statx_flags$layout() {
        return statx_flags$LAYOUT;
    }

    private static final long statx_flags$OFFSET = 28;

    /** Byte offset of {@code statx_flags}. @return the offset */
    public static final long statx_flags$offset() {
        return statx_flags$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 statx_flags
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int statx_flags(MemorySegment struct) {
        return struct.get(statx_flags$LAYOUT, statx_flags$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 statx_flags
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void statx_flags(MemorySegment struct, int fieldValue) {
        struct.set(statx_flags$LAYOUT, statx_flags$OFFSET, fieldValue);
    }

    private static final OfInt fadvise_advice$LAYOUT = (OfInt) $LAYOUT.select(groupElement("$anon$5"), groupElement("fadvise_advice"));

    /** Layout of {@code fadvise_advice}. @return the layout */
    public static final OfInt fadvise_advice$layout() {
        return fadvise_advice$LAYOUT;
    }

    private static final long fadvise_advice$OFFSET = 28;

    /** Byte offset of {@code fadvise_advice}. @return the offset */
    public static final long fadvise_advice$offset() {
        return fadvise_advice$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 fadvise_advice
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int fadvise_advice(MemorySegment struct) {
        return struct.get(fadvise_advice$LAYOUT, fadvise_advice$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 fadvise_advice
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void fadvise_advice(MemorySegment struct, int fieldValue) {
        struct.set(fadvise_advice$LAYOUT, fadvise_advice$OFFSET, fieldValue);
    }

    private static final OfInt splice_flags$LAYOUT = (OfInt) $LAYOUT.select(groupElement("$anon$5"), groupElement("splice_flags"));

    /** Layout of {@code splice_flags}. @return the layout */
    public static final OfInt splice_flags$layout() {
        return splice_flags$LAYOUT;
    }

    private static final long splice_flags$OFFSET = 28;

    /** Byte offset of {@code splice_flags}. @return the offset */
    public static final long splice_flags$offset() {
        return splice_flags$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 splice_flags
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int splice_flags(MemorySegment struct) {
        return struct.get(splice_flags$LAYOUT, splice_flags$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 splice_flags
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void splice_flags(MemorySegment struct, int fieldValue) {
        struct.set(splice_flags$LAYOUT, splice_flags$OFFSET, fieldValue);
    }

    private static final OfInt rename_flags$LAYOUT = (OfInt) $LAYOUT.select(groupElement("$anon$5"), groupElement("rename_flags"));

    /** Layout of {@code rename_flags}. @return the layout */
    public static final OfInt rename_flags$layout() {
        return rename_flags$LAYOUT;
    }

    private static final long rename_flags$OFFSET = 28;

    /** Byte offset of {@code rename_flags}. @return the offset */
    public static final long rename_flags$offset() {
        return rename_flags$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 rename_flags
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int rename_flags(MemorySegment struct) {
        return struct.get(rename_flags$LAYOUT, rename_flags$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 rename_flags
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void rename_flags(MemorySegment struct, int fieldValue) {
        struct.set(rename_flags$LAYOUT, rename_flags$OFFSET, fieldValue);
    }

    private static final OfInt unlink_flags$LAYOUT = (OfInt) $LAYOUT.select(groupElement("$anon$5"), groupElement("unlink_flags"));

    /** Layout of {@code unlink_flags}. @return the layout */
    public static final OfInt unlink_flags$layout() {
        return unlink_flags$LAYOUT;
    }

    private static final long unlink_flags$OFFSET = 28;

    /** Byte offset of {@code unlink_flags}. @return the offset */
    public static final long unlink_flags$offset() {
        return unlink_flags$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 unlink_flags
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int unlink_flags(MemorySegment struct) {
        return struct.get(unlink_flags$LAYOUT, unlink_flags$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 unlink_flags
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void unlink_flags(MemorySegment struct, int fieldValue) {
        struct.set(unlink_flags$LAYOUT, unlink_flags$OFFSET, fieldValue);
    }

    private static final OfInt hardlink_flags$LAYOUT = (OfInt) $LAYOUT.select(groupElement("$anon$5"), groupElement("hardlink_flags"));

    /** Layout of {@code hardlink_flags}. @return the layout */
    public static final OfInt hardlink_flags$layout() {
        return hardlink_flags$LAYOUT;
    }

    private static final long hardlink_flags$OFFSET = 28;

    /** Byte offset of {@code hardlink_flags}. @return the offset */
    public static final long hardlink_flags$offset() {
        return hardlink_flags$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 hardlink_flags
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int hardlink_flags(MemorySegment struct) {
        return struct.get(hardlink_flags$LAYOUT, hardlink_flags$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 hardlink_flags
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void hardlink_flags(MemorySegment struct, int fieldValue) {
        struct.set(hardlink_flags$LAYOUT, hardlink_flags$OFFSET, fieldValue);
    }

    private static final OfInt xattr_flags$LAYOUT = (OfInt) $LAYOUT.select(groupElement("$anon$5"), groupElement("xattr_flags"));

    /** Layout of {@code xattr_flags}. @return the layout */
    public static final OfInt xattr_flags$layout() {
        return xattr_flags$LAYOUT;
    }

    private static final long xattr_flags$OFFSET = 28;

    /** Byte offset of {@code xattr_flags}. @return the offset */
    public static final long xattr_flags$offset() {
        return xattr_flags$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 xattr_flags
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int xattr_flags(MemorySegment struct) {
        return struct.get(xattr_flags$LAYOUT, xattr_flags$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 xattr_flags
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void xattr_flags(MemorySegment struct, int fieldValue) {
        struct.set(xattr_flags$LAYOUT, xattr_flags$OFFSET, fieldValue);
    }

    private static final OfInt msg_ring_flags$LAYOUT = (OfInt) $LAYOUT.select(groupElement("$anon$5"), groupElement("msg_ring_flags"));

    /** Layout of {@code msg_ring_flags}. @return the layout */
    public static final OfInt msg_ring_flags$layout() {
        return msg_ring_flags$LAYOUT;
    }

    private static final long msg_ring_flags$OFFSET = 28;

    /** Byte offset of {@code msg_ring_flags}. @return the offset */
    public static final long msg_ring_flags$offset() {
        return msg_ring_flags$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 msg_ring_flags
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int msg_ring_flags(MemorySegment struct) {
        return struct.get(msg_ring_flags$LAYOUT, msg_ring_flags$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 msg_ring_flags
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void msg_ring_flags(MemorySegment struct, int fieldValue) {
        struct.set(msg_ring_flags$LAYOUT, msg_ring_flags$OFFSET, fieldValue);
    }

    private static final OfInt uring_cmd_flags$LAYOUT = (OfInt) $LAYOUT.select(groupElement("$anon$5"), groupElement("uring_cmd_flags"));

    /** Layout of {@code uring_cmd_flags}. @return the layout */
    public static final OfInt uring_cmd_flags$layout() {
        return uring_cmd_flags$LAYOUT;
    }

    private static final long uring_cmd_flags$OFFSET = 28;

    /** Byte offset of {@code uring_cmd_flags}. @return the offset */
    public static final long uring_cmd_flags$offset() {
        return uring_cmd_flags$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 uring_cmd_flags
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int uring_cmd_flags(MemorySegment struct) {
        return struct.get(uring_cmd_flags$LAYOUT, uring_cmd_flags$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 uring_cmd_flags
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void uring_cmd_flags(MemorySegment struct, int fieldValue) {
        struct.set(uring_cmd_flags$LAYOUT, uring_cmd_flags$OFFSET, fieldValue);
    }

    private static final OfInt waitid_flags$LAYOUT = (OfInt) $LAYOUT.select(groupElement("$anon$5"), groupElement("waitid_flags"));

    /** Layout of {@code waitid_flags}. @return the layout */
    public static final OfInt waitid_flags$layout() {
        return waitid_flags$LAYOUT;
    }

    private static final long waitid_flags$OFFSET = 28;

    /** Byte offset of {@code waitid_flags}. @return the offset */
    public static final long waitid_flags$offset() {
        return waitid_flags$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 waitid_flags
     * }
     * <p>Since Linux 6.7 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @return the field value
     */
    public static int waitid_flags(MemorySegment struct) {
        return struct.get(waitid_flags$LAYOUT, waitid_flags$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 waitid_flags
     * }
     * <p>Since Linux 6.7 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void waitid_flags(MemorySegment struct, int fieldValue) {
        struct.set(waitid_flags$LAYOUT, waitid_flags$OFFSET, fieldValue);
    }

    private static final OfInt futex_flags$LAYOUT = (OfInt) $LAYOUT.select(groupElement("$anon$5"), groupElement("futex_flags"));

    /** Layout of {@code futex_flags}. @return the layout */
    public static final OfInt futex_flags$layout() {
        return futex_flags$LAYOUT;
    }

    private static final long futex_flags$OFFSET = 28;

    /** Byte offset of {@code futex_flags}. @return the offset */
    public static final long futex_flags$offset() {
        return futex_flags$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 futex_flags
     * }
     * <p>Since Linux 6.7 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @return the field value
     */
    public static int futex_flags(MemorySegment struct) {
        return struct.get(futex_flags$LAYOUT, futex_flags$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 futex_flags
     * }
     * <p>Since Linux 6.7 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void futex_flags(MemorySegment struct, int fieldValue) {
        struct.set(futex_flags$LAYOUT, futex_flags$OFFSET, fieldValue);
    }

    private static final OfInt install_fd_flags$LAYOUT = (OfInt) $LAYOUT.select(groupElement("$anon$5"), groupElement("install_fd_flags"));

    /** Layout of {@code install_fd_flags}. @return the layout */
    public static final OfInt install_fd_flags$layout() {
        return install_fd_flags$LAYOUT;
    }

    private static final long install_fd_flags$OFFSET = 28;

    /** Byte offset of {@code install_fd_flags}. @return the offset */
    public static final long install_fd_flags$offset() {
        return install_fd_flags$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 install_fd_flags
     * }
     * <p>Since Linux 6.8 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @return the field value
     */
    public static int install_fd_flags(MemorySegment struct) {
        return struct.get(install_fd_flags$LAYOUT, install_fd_flags$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 install_fd_flags
     * }
     * <p>Since Linux 6.8 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void install_fd_flags(MemorySegment struct, int fieldValue) {
        struct.set(install_fd_flags$LAYOUT, install_fd_flags$OFFSET, fieldValue);
    }

    private static final OfInt pipe_flags$LAYOUT = (OfInt) $LAYOUT.select(groupElement("$anon$5"), groupElement("pipe_flags"));

    /** Layout of {@code pipe_flags}. @return the layout */
    public static final OfInt pipe_flags$layout() {
        return pipe_flags$LAYOUT;
    }

    private static final long pipe_flags$OFFSET = 28;

    /** Byte offset of {@code pipe_flags}. @return the offset */
    public static final long pipe_flags$offset() {
        return pipe_flags$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 pipe_flags
     * }
     * <p>Since Linux 6.16 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @return the field value
     */
    public static int pipe_flags(MemorySegment struct) {
        return struct.get(pipe_flags$LAYOUT, pipe_flags$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 pipe_flags
     * }
     * <p>Since Linux 6.16 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void pipe_flags(MemorySegment struct, int fieldValue) {
        struct.set(pipe_flags$LAYOUT, pipe_flags$OFFSET, fieldValue);
    }

    private static final OfLong user_data$LAYOUT = (OfLong) $LAYOUT.select(groupElement("user_data"));

    /** Layout of {@code user_data}. @return the layout */
    public static final OfLong user_data$layout() {
        return user_data$LAYOUT;
    }

    private static final long user_data$OFFSET = 32;

    /** Byte offset of {@code user_data}. @return the offset */
    public static final long user_data$offset() {
        return user_data$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u64 user_data
     * }
     * @param struct the struct
     * @return the field value
     */
    public static long user_data(MemorySegment struct) {
        return struct.get(user_data$LAYOUT, user_data$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u64 user_data
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void user_data(MemorySegment struct, long fieldValue) {
        struct.set(user_data$LAYOUT, user_data$OFFSET, fieldValue);
    }

    private static final OfShort buf_index$LAYOUT = (OfShort) $LAYOUT.select(groupElement("$anon$6"), groupElement("buf_index"));

    /** Layout of {@code buf_index}. @return the layout */
    public static final OfShort buf_index$layout() {
        return buf_index$LAYOUT;
    }

    private static final long buf_index$OFFSET = 40;

    /** Byte offset of {@code buf_index}. @return the offset */
    public static final long buf_index$offset() {
        return buf_index$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u16 buf_index
     * }
     * @param struct the struct
     * @return the field value
     */
    public static short buf_index(MemorySegment struct) {
        return struct.get(buf_index$LAYOUT, buf_index$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u16 buf_index
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void buf_index(MemorySegment struct, short fieldValue) {
        struct.set(buf_index$LAYOUT, buf_index$OFFSET, fieldValue);
    }

    private static final OfShort buf_group$LAYOUT = (OfShort) $LAYOUT.select(groupElement("$anon$6"), groupElement("buf_group"));

    /** Layout of {@code buf_group}. @return the layout */
    public static final OfShort buf_group$layout() {
        return buf_group$LAYOUT;
    }

    private static final long buf_group$OFFSET = 40;

    /** Byte offset of {@code buf_group}. @return the offset */
    public static final long buf_group$offset() {
        return buf_group$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u16 buf_group
     * }
     * @param struct the struct
     * @return the field value
     */
    public static short buf_group(MemorySegment struct) {
        return struct.get(buf_group$LAYOUT, buf_group$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u16 buf_group
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void buf_group(MemorySegment struct, short fieldValue) {
        struct.set(buf_group$LAYOUT, buf_group$OFFSET, fieldValue);
    }

    private static final OfShort personality$LAYOUT = (OfShort) $LAYOUT.select(groupElement("personality"));

    /** Layout of {@code personality}. @return the layout */
    public static final OfShort personality$layout() {
        return personality$LAYOUT;
    }

    private static final long personality$OFFSET = 42;

    /** Byte offset of {@code personality}. @return the offset */
    public static final long personality$offset() {
        return personality$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u16 personality
     * }
     * @param struct the struct
     * @return the field value
     */
    public static short personality(MemorySegment struct) {
        return struct.get(personality$LAYOUT, personality$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u16 personality
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void personality(MemorySegment struct, short fieldValue) {
        struct.set(personality$LAYOUT, personality$OFFSET, fieldValue);
    }

    private static final OfInt splice_fd_in$LAYOUT = (OfInt) $LAYOUT.select(groupElement("$anon$7"), groupElement("splice_fd_in"));

    /** Layout of {@code splice_fd_in}. @return the layout */
    public static final OfInt splice_fd_in$layout() {
        return splice_fd_in$LAYOUT;
    }

    private static final long splice_fd_in$OFFSET = 44;

    /** Byte offset of {@code splice_fd_in}. @return the offset */
    public static final long splice_fd_in$offset() {
        return splice_fd_in$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __s32 splice_fd_in
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int splice_fd_in(MemorySegment struct) {
        return struct.get(splice_fd_in$LAYOUT, splice_fd_in$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __s32 splice_fd_in
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void splice_fd_in(MemorySegment struct, int fieldValue) {
        struct.set(splice_fd_in$LAYOUT, splice_fd_in$OFFSET, fieldValue);
    }

    private static final OfInt file_index$LAYOUT = (OfInt) $LAYOUT.select(groupElement("$anon$7"), groupElement("file_index"));

    /** Layout of {@code file_index}. @return the layout */
    public static final OfInt file_index$layout() {
        return file_index$LAYOUT;
    }

    private static final long file_index$OFFSET = 44;

    /** Byte offset of {@code file_index}. @return the offset */
    public static final long file_index$offset() {
        return file_index$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 file_index
     * }
     * @param struct the struct
     * @return the field value
     */
    public static int file_index(MemorySegment struct) {
        return struct.get(file_index$LAYOUT, file_index$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 file_index
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void file_index(MemorySegment struct, int fieldValue) {
        struct.set(file_index$LAYOUT, file_index$OFFSET, fieldValue);
    }

    private static final OfInt zcrx_ifq_idx$LAYOUT = (OfInt) $LAYOUT.select(groupElement("$anon$7"), groupElement("zcrx_ifq_idx"));

    /** Layout of {@code zcrx_ifq_idx}. @return the layout */
    public static final OfInt zcrx_ifq_idx$layout() {
        return zcrx_ifq_idx$LAYOUT;
    }

    private static final long zcrx_ifq_idx$OFFSET = 44;

    /** Byte offset of {@code zcrx_ifq_idx}. @return the offset */
    public static final long zcrx_ifq_idx$offset() {
        return zcrx_ifq_idx$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 zcrx_ifq_idx
     * }
     * <p>Since Linux 6.15 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @return the field value
     */
    public static int zcrx_ifq_idx(MemorySegment struct) {
        return struct.get(zcrx_ifq_idx$LAYOUT, zcrx_ifq_idx$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 zcrx_ifq_idx
     * }
     * <p>Since Linux 6.15 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void zcrx_ifq_idx(MemorySegment struct, int fieldValue) {
        struct.set(zcrx_ifq_idx$LAYOUT, zcrx_ifq_idx$OFFSET, fieldValue);
    }

    private static final OfInt optlen$LAYOUT = (OfInt) $LAYOUT.select(groupElement("$anon$7"), groupElement("optlen"));

    /** Layout of {@code optlen}. @return the layout */
    public static final OfInt optlen$layout() {
        return optlen$LAYOUT;
    }

    private static final long optlen$OFFSET = 44;

    /** Byte offset of {@code optlen}. @return the offset */
    public static final long optlen$offset() {
        return optlen$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 optlen
     * }
     * <p>Since Linux 6.7 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @return the field value
     */
    public static int optlen(MemorySegment struct) {
        return struct.get(optlen$LAYOUT, optlen$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u32 optlen
     * }
     * <p>Since Linux 6.7 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void optlen(MemorySegment struct, int fieldValue) {
        struct.set(optlen$LAYOUT, optlen$OFFSET, fieldValue);
    }

    private static final OfShort addr_len$LAYOUT = (OfShort) $LAYOUT.select(groupElement("$anon$7"), groupElement("$anon$8"), groupElement("addr_len"));

    /** Layout of {@code addr_len}. @return the layout */
    public static final OfShort addr_len$layout() {
        return addr_len$LAYOUT;
    }

    private static final long addr_len$OFFSET = 44;

    /** Byte offset of {@code addr_len}. @return the offset */
    public static final long addr_len$offset() {
        return addr_len$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u16 addr_len
     * }
     * @param struct the struct
     * @return the field value
     */
    public static short addr_len(MemorySegment struct) {
        return struct.get(addr_len$LAYOUT, addr_len$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u16 addr_len
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void addr_len(MemorySegment struct, short fieldValue) {
        struct.set(addr_len$LAYOUT, addr_len$OFFSET, fieldValue);
    }

    private static final SequenceLayout __pad3$LAYOUT = (SequenceLayout) $LAYOUT.select(groupElement("$anon$7"), groupElement("$anon$8"), groupElement("__pad3"));

    /** Layout of {@code __pad3}. @return the layout */
    public static final SequenceLayout __pad3$layout() {
        return __pad3$LAYOUT;
    }

    private static final long __pad3$OFFSET = 46;

    /** Byte offset of {@code __pad3}. @return the offset */
    public static final long __pad3$offset() {
        return __pad3$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u16 __pad3[1]
     * }
     * @param struct the struct
     * @return a slice of {@code struct} covering the field
     */
    public static MemorySegment __pad3(MemorySegment struct) {
        return struct.asSlice(__pad3$OFFSET, __pad3$LAYOUT.byteSize());
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u16 __pad3[1]
     * }
     * @param struct the struct
     * @param fieldValue the bytes to copy into the field
     */
    public static void __pad3(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, __pad3$OFFSET, __pad3$LAYOUT.byteSize());
    }

    private static final long[] __pad3$DIMS = { 1 };

    /** Dimensions of {@code __pad3}. @return the dimensions */
    public static long[] __pad3$dimensions() {
        return __pad3$DIMS.clone();
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u16 __pad3[1]
     * }
     * @param struct the struct
     * @param index0 the element index
     * @return the element
     */
    public static short __pad3(MemorySegment struct, long index0) {
        java.util.Objects.checkIndex(index0, 1);
        return struct.get(LibUring.C_SHORT, __pad3$OFFSET + index0 * 2);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u16 __pad3[1]
     * }
     * @param struct the struct
     * @param index0 the element index
     * @param fieldValue the new element value
     */
    public static void __pad3(MemorySegment struct, long index0, short fieldValue) {
        java.util.Objects.checkIndex(index0, 1);
        struct.set(LibUring.C_SHORT, __pad3$OFFSET + index0 * 2, fieldValue);
    }

    private static final OfByte write_stream$LAYOUT = (OfByte) $LAYOUT.select(groupElement("$anon$7"), groupElement("$anon$9"), groupElement("write_stream"));

    /** Layout of {@code write_stream}. @return the layout */
    public static final OfByte write_stream$layout() {
        return write_stream$LAYOUT;
    }

    private static final long write_stream$OFFSET = 44;

    /** Byte offset of {@code write_stream}. @return the offset */
    public static final long write_stream$offset() {
        return write_stream$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u8 write_stream
     * }
     * <p>Since Linux 6.16 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @return the field value
     */
    public static byte write_stream(MemorySegment struct) {
        return struct.get(write_stream$LAYOUT, write_stream$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u8 write_stream
     * }
     * <p>Since Linux 6.16 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void write_stream(MemorySegment struct, byte fieldValue) {
        struct.set(write_stream$LAYOUT, write_stream$OFFSET, fieldValue);
    }

    private static final SequenceLayout __pad4$LAYOUT = (SequenceLayout) $LAYOUT.select(groupElement("$anon$7"), groupElement("$anon$9"), groupElement("__pad4"));

    /** Layout of {@code __pad4}. @return the layout */
    public static final SequenceLayout __pad4$layout() {
        return __pad4$LAYOUT;
    }

    private static final long __pad4$OFFSET = 45;

    /** Byte offset of {@code __pad4}. @return the offset */
    public static final long __pad4$offset() {
        return __pad4$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u8 __pad4[3]
     * }
     * <p>Since Linux 6.16 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @return a slice of {@code struct} covering the field
     */
    public static MemorySegment __pad4(MemorySegment struct) {
        return struct.asSlice(__pad4$OFFSET, __pad4$LAYOUT.byteSize());
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u8 __pad4[3]
     * }
     * <p>Since Linux 6.16 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @param fieldValue the bytes to copy into the field
     */
    public static void __pad4(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, __pad4$OFFSET, __pad4$LAYOUT.byteSize());
    }

    private static final long[] __pad4$DIMS = { 3 };

    /** Dimensions of {@code __pad4}. @return the dimensions */
    public static long[] __pad4$dimensions() {
        return __pad4$DIMS.clone();
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u8 __pad4[3]
     * }
     * <p>Since Linux 6.16 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @param index0 the element index
     * @return the element
     */
    public static byte __pad4(MemorySegment struct, long index0) {
        java.util.Objects.checkIndex(index0, 3);
        return struct.get(LibUring.C_CHAR, __pad4$OFFSET + index0 * 1);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u8 __pad4[3]
     * }
     * <p>Since Linux 6.16 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @param index0 the element index
     * @param fieldValue the new element value
     */
    public static void __pad4(MemorySegment struct, long index0, byte fieldValue) {
        java.util.Objects.checkIndex(index0, 3);
        struct.set(LibUring.C_CHAR, __pad4$OFFSET + index0 * 1, fieldValue);
    }

    private static final OfLong addr3$LAYOUT = (OfLong) $LAYOUT.select(groupElement("$anon$10"), groupElement("$anon$11"), groupElement("addr3"));

    /** Layout of {@code addr3}. @return the layout */
    public static final OfLong addr3$layout() {
        return addr3$LAYOUT;
    }

    private static final long addr3$OFFSET = 48;

    /** Byte offset of {@code addr3}. @return the offset */
    public static final long addr3$offset() {
        return addr3$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u64 addr3
     * }
     * @param struct the struct
     * @return the field value
     */
    public static long addr3(MemorySegment struct) {
        return struct.get(addr3$LAYOUT, addr3$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u64 addr3
     * }
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void addr3(MemorySegment struct, long fieldValue) {
        struct.set(addr3$LAYOUT, addr3$OFFSET, fieldValue);
    }

    private static final SequenceLayout __pad2$LAYOUT = (SequenceLayout) $LAYOUT.select(groupElement("$anon$10"), groupElement("$anon$11"), groupElement("__pad2"));

    /** Layout of {@code __pad2}. @return the layout */
    public static final SequenceLayout __pad2$layout() {
        return __pad2$LAYOUT;
    }

    private static final long __pad2$OFFSET = 56;

    /** Byte offset of {@code __pad2}. @return the offset */
    public static final long __pad2$offset() {
        return __pad2$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u64 __pad2[1]
     * }
     * @param struct the struct
     * @return a slice of {@code struct} covering the field
     */
    public static MemorySegment __pad2(MemorySegment struct) {
        return struct.asSlice(__pad2$OFFSET, __pad2$LAYOUT.byteSize());
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u64 __pad2[1]
     * }
     * @param struct the struct
     * @param fieldValue the bytes to copy into the field
     */
    public static void __pad2(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, __pad2$OFFSET, __pad2$LAYOUT.byteSize());
    }

    private static final long[] __pad2$DIMS = { 1 };

    /** Dimensions of {@code __pad2}. @return the dimensions */
    public static long[] __pad2$dimensions() {
        return __pad2$DIMS.clone();
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u64 __pad2[1]
     * }
     * @param struct the struct
     * @param index0 the element index
     * @return the element
     */
    public static long __pad2(MemorySegment struct, long index0) {
        java.util.Objects.checkIndex(index0, 1);
        return struct.get(LibUring.C_LONG_LONG, __pad2$OFFSET + index0 * 8);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u64 __pad2[1]
     * }
     * @param struct the struct
     * @param index0 the element index
     * @param fieldValue the new element value
     */
    public static void __pad2(MemorySegment struct, long index0, long fieldValue) {
        java.util.Objects.checkIndex(index0, 1);
        struct.set(LibUring.C_LONG_LONG, __pad2$OFFSET + index0 * 8, fieldValue);
    }

    private static final OfLong attr_ptr$LAYOUT = (OfLong) $LAYOUT.select(groupElement("$anon$10"), groupElement("$anon$12"), groupElement("attr_ptr"));

    /** Layout of {@code attr_ptr}. @return the layout */
    public static final OfLong attr_ptr$layout() {
        return attr_ptr$LAYOUT;
    }

    private static final long attr_ptr$OFFSET = 48;

    /** Byte offset of {@code attr_ptr}. @return the offset */
    public static final long attr_ptr$offset() {
        return attr_ptr$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u64 attr_ptr
     * }
     * <p>Since Linux 6.14 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @return the field value
     */
    public static long attr_ptr(MemorySegment struct) {
        return struct.get(attr_ptr$LAYOUT, attr_ptr$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u64 attr_ptr
     * }
     * <p>Since Linux 6.14 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void attr_ptr(MemorySegment struct, long fieldValue) {
        struct.set(attr_ptr$LAYOUT, attr_ptr$OFFSET, fieldValue);
    }

    private static final OfLong attr_type_mask$LAYOUT = (OfLong) $LAYOUT.select(groupElement("$anon$10"), groupElement("$anon$12"), groupElement("attr_type_mask"));

    /** Layout of {@code attr_type_mask}. @return the layout */
    public static final OfLong attr_type_mask$layout() {
        return attr_type_mask$LAYOUT;
    }

    private static final long attr_type_mask$OFFSET = 56;

    /** Byte offset of {@code attr_type_mask}. @return the offset */
    public static final long attr_type_mask$offset() {
        return attr_type_mask$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u64 attr_type_mask
     * }
     * <p>Since Linux 6.14 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @return the field value
     */
    public static long attr_type_mask(MemorySegment struct) {
        return struct.get(attr_type_mask$LAYOUT, attr_type_mask$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u64 attr_type_mask
     * }
     * <p>Since Linux 6.14 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void attr_type_mask(MemorySegment struct, long fieldValue) {
        struct.set(attr_type_mask$LAYOUT, attr_type_mask$OFFSET, fieldValue);
    }

    private static final OfLong optval$LAYOUT = (OfLong) $LAYOUT.select(groupElement("$anon$10"), groupElement("optval"));

    /** Layout of {@code optval}. @return the layout */
    public static final OfLong optval$layout() {
        return optval$LAYOUT;
    }

    private static final long optval$OFFSET = 48;

    /** Byte offset of {@code optval}. @return the offset */
    public static final long optval$offset() {
        return optval$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u64 optval
     * }
     * <p>Since Linux 6.7 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @return the field value
     */
    public static long optval(MemorySegment struct) {
        return struct.get(optval$LAYOUT, optval$OFFSET);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u64 optval
     * }
     * <p>Since Linux 6.7 (newer than the liburing 2.3 and Linux 6.1 headers).
     * @param struct the struct
     * @param fieldValue the new value
     */
    public static void optval(MemorySegment struct, long fieldValue) {
        struct.set(optval$LAYOUT, optval$OFFSET, fieldValue);
    }

    private static final SequenceLayout cmd$LAYOUT = (SequenceLayout) $LAYOUT.select(groupElement("$anon$10"), groupElement("cmd"));

    /** Layout of {@code cmd}. @return the layout */
    public static final SequenceLayout cmd$layout() {
        return cmd$LAYOUT;
    }

    private static final long cmd$OFFSET = 48;

    /** Byte offset of {@code cmd}. @return the offset */
    public static final long cmd$offset() {
        return cmd$OFFSET;
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u8 cmd[]
     * }
     * <p>Flexible array member: the returned slice is empty; use the indexed accessor on a segment that covers the elements.
     * @param struct the struct
     * @return a zero-length slice at the array start
     */
    public static MemorySegment cmd(MemorySegment struct) {
        return struct.asSlice(cmd$OFFSET, cmd$LAYOUT.byteSize());
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u8 cmd[]
     * }
     * @param struct the struct
     * @param fieldValue the bytes to copy into the field
     */
    public static void cmd(MemorySegment struct, MemorySegment fieldValue) {
        MemorySegment.copy(fieldValue, 0L, struct, cmd$OFFSET, cmd$LAYOUT.byteSize());
    }

    private static final long[] cmd$DIMS = { 0 };

    /** Dimensions of {@code cmd}. @return the dimensions */
    public static long[] cmd$dimensions() {
        return cmd$DIMS.clone();
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u8 cmd[]
     * }
     * @param struct the struct
     * @param index0 the element index
     * @return the element
     */
    public static byte cmd(MemorySegment struct, long index0) {
        return struct.get(LibUring.C_CHAR, cmd$OFFSET + index0 * 1);
    }

    /**
     * Field of {@code struct io_uring_sqe}:
     * {@snippet lang=c :
     * __u8 cmd[]
     * }
     * @param struct the struct
     * @param index0 the element index
     * @param fieldValue the new element value
     */
    public static void cmd(MemorySegment struct, long index0, byte fieldValue) {
        struct.set(LibUring.C_CHAR, cmd$OFFSET + index0 * 1, fieldValue);
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
