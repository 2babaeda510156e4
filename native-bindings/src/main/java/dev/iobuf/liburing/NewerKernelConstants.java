package dev.iobuf.liburing;

/**
 * The io_uring constants we use that are newer than the headers jextract reads (Debian 12: liburing 2.3 and
 * Linux 6.1 UAPI headers), so that {@link LibUring} cannot have them. Hand-written, one accessor per constant in
 * {@link LibUring}'s style, each with the Linux version that added it: on an older kernel an opcode or flag
 * fails there with {@code -EINVAL} (a feature bit is simply absent).
 *
 * <p>Values are the kernel's {@code include/uapi/linux/io_uring.h}. {@code NewerKernelConstantsTest} checks each
 * that the running kernel supports by behaviour (probe, setup, register, enter), and checks that none of them
 * is in the installed headers (then it belongs to the generated {@link LibUring}).
 */
public final class NewerKernelConstants {

    private NewerKernelConstants() {
    }

    /**
     * Setup flag: no SQ index array, SQEs are consumed in ring order. Linux 6.6.
     * @return {@code 1 << 16}
     */
    public static int IORING_SETUP_NO_SQARRAY() {
        return 1 << 16;
    }

    /**
     * Feature: io_uring_register accepts a registered ring fd. Linux 6.3.
     * @return {@code 1 << 13}
     */
    public static int IORING_FEAT_REG_REG_RING() {
        return 1 << 13;
    }

    /**
     * Feature: send/recv bundles ({@link #IORING_RECVSEND_BUNDLE()}). Linux 6.10.
     * @return {@code 1 << 14}
     */
    public static int IORING_FEAT_RECVSEND_BUNDLE() {
        return 1 << 14;
    }

    /**
     * Feature: min-wait timeouts in {@code io_uring_getevents_arg}. Linux 6.12.
     * @return {@code 1 << 15}
     */
    public static int IORING_FEAT_MIN_TIMEOUT() {
        return 1 << 15;
    }

    /**
     * Feature: read/write attributes ({@code attr_ptr}, {@code attr_type_mask}). Linux 6.14.
     * @return {@code 1 << 16}
     */
    public static int IORING_FEAT_RW_ATTR() {
        return 1 << 16;
    }

    /**
     * Feature: the enter flag IORING_ENTER_NO_IOWAIT (waits not accounted as iowait). Linux 6.15.
     * @return {@code 1 << 17}
     */
    public static int IORING_FEAT_NO_IOWAIT() {
        return 1 << 17;
    }


    /**
     * Enter flag: this wait is not accounted as iowait (an idle event loop is idle, not waiting for a disk).
     * Linux 6.15, announced by {@link #IORING_FEAT_NO_IOWAIT()}.
     * @return {@code 1 << 7}
     */
    public static int IORING_ENTER_NO_IOWAIT() {
        return 1 << 7;
    }

    /**
     * CQE flag: the incrementally consumed buffer has more room and stays with the kernel. Linux 6.12.
     * @return {@code 1 << 4}
     */
    public static int IORING_CQE_F_BUF_MORE() {
        return 1 << 4;
    }

    /**
     * Send/recv flag ({@code ioprio}): move as many buffers of the group as are ready. Linux 6.10.
     * @return {@code 1 << 4}
     */
    public static int IORING_RECVSEND_BUNDLE() {
        return 1 << 4;
    }

    /**
     * Buffer-ring registration flag: buffers are consumed incrementally. Linux 6.12.
     * @return {@code 2}
     */
    public static int IOU_PBUF_RING_INC() {
        return 2;
    }

    /**
     * Register opcode: read a buffer ring's head. Linux 6.8.
     * @return {@code 26}
     */
    public static int IORING_REGISTER_PBUF_STATUS() {
        return 26;
    }


    /**
     * Opcode {@code IORING_OP_READ_MULTISHOT}. Linux 6.7.
     * @return {@code 49}
     */
    public static int IORING_OP_READ_MULTISHOT() {
        return 49;
    }

    /**
     * Opcode {@code IORING_OP_WAITID}. Linux 6.7.
     * @return {@code 50}
     */
    public static int IORING_OP_WAITID() {
        return 50;
    }

    /**
     * Opcode {@code IORING_OP_FUTEX_WAIT}. Linux 6.7.
     * @return {@code 51}
     */
    public static int IORING_OP_FUTEX_WAIT() {
        return 51;
    }

    /**
     * Opcode {@code IORING_OP_FUTEX_WAKE}. Linux 6.7.
     * @return {@code 52}
     */
    public static int IORING_OP_FUTEX_WAKE() {
        return 52;
    }

    /**
     * Opcode {@code IORING_OP_FUTEX_WAITV}. Linux 6.7.
     * @return {@code 53}
     */
    public static int IORING_OP_FUTEX_WAITV() {
        return 53;
    }

    /**
     * Opcode {@code IORING_OP_FIXED_FD_INSTALL}. Linux 6.8.
     * @return {@code 54}
     */
    public static int IORING_OP_FIXED_FD_INSTALL() {
        return 54;
    }

    /**
     * Opcode {@code IORING_OP_FTRUNCATE}. Linux 6.9.
     * @return {@code 55}
     */
    public static int IORING_OP_FTRUNCATE() {
        return 55;
    }

    /**
     * Opcode {@code IORING_OP_BIND}. Linux 6.11.
     * @return {@code 56}
     */
    public static int IORING_OP_BIND() {
        return 56;
    }

    /**
     * Opcode {@code IORING_OP_LISTEN}. Linux 6.11.
     * @return {@code 57}
     */
    public static int IORING_OP_LISTEN() {
        return 57;
    }

    /**
     * Opcode {@code IORING_OP_RECV_ZC}. Linux 6.15.
     * @return {@code 58}
     */
    public static int IORING_OP_RECV_ZC() {
        return 58;
    }

    /**
     * Opcode {@code IORING_OP_EPOLL_WAIT}. Linux 6.15.
     * @return {@code 59}
     */
    public static int IORING_OP_EPOLL_WAIT() {
        return 59;
    }

    /**
     * Opcode {@code IORING_OP_READV_FIXED}. Linux 6.15.
     * @return {@code 60}
     */
    public static int IORING_OP_READV_FIXED() {
        return 60;
    }

    /**
     * Opcode {@code IORING_OP_WRITEV_FIXED}. Linux 6.15.
     * @return {@code 61}
     */
    public static int IORING_OP_WRITEV_FIXED() {
        return 61;
    }

    /**
     * Opcode {@code IORING_OP_PIPE}. Linux 6.16.
     * @return {@code 62}
     */
    public static int IORING_OP_PIPE() {
        return 62;
    }
}
