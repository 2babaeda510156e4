package dev.iobuf.uring;

import static dev.iobuf.liburing.LibUring.*;
import static dev.iobuf.liburing.NewerKernelConstants.*;

/**
 * The io_uring operations ({@code IORING_OP_*}), each with its opcode and the Linux version that
 * introduced it. Ask a ring whether the running kernel has one with {@link Ring#supports(Opcode)}, or
 * insist with {@link Ring#require(Opcode)}.
 */
public enum Opcode {
    /** No operation. */
    NOP(IORING_OP_NOP(), "5.1"),
    /** Vectored read (readv). */
    READV(IORING_OP_READV(), "5.1"),
    /** Vectored write (writev). */
    WRITEV(IORING_OP_WRITEV(), "5.1"),
    /** fsync / fdatasync. */
    FSYNC(IORING_OP_FSYNC(), "5.1"),
    /** Read into a registered buffer. */
    READ_FIXED(IORING_OP_READ_FIXED(), "5.1"),
    /** Write from a registered buffer. */
    WRITE_FIXED(IORING_OP_WRITE_FIXED(), "5.1"),
    /** Poll an fd for events. */
    POLL_ADD(IORING_OP_POLL_ADD(), "5.1"),
    /** Remove a poll request. */
    POLL_REMOVE(IORING_OP_POLL_REMOVE(), "5.1"),
    /** sync_file_range. */
    SYNC_FILE_RANGE(IORING_OP_SYNC_FILE_RANGE(), "5.2"),
    /** sendmsg. */
    SENDMSG(IORING_OP_SENDMSG(), "5.3"),
    /** recvmsg. */
    RECVMSG(IORING_OP_RECVMSG(), "5.3"),
    /** Timer or completion-count timeout. */
    TIMEOUT(IORING_OP_TIMEOUT(), "5.4"),
    /** Remove or update a timeout. */
    TIMEOUT_REMOVE(IORING_OP_TIMEOUT_REMOVE(), "5.5"),
    /** accept. */
    ACCEPT(IORING_OP_ACCEPT(), "5.5"),
    /** Cancel a request in flight. */
    ASYNC_CANCEL(IORING_OP_ASYNC_CANCEL(), "5.5"),
    /** Timeout bounding the linked request before it. */
    LINK_TIMEOUT(IORING_OP_LINK_TIMEOUT(), "5.5"),
    /** connect. */
    CONNECT(IORING_OP_CONNECT(), "5.5"),
    /** fallocate. */
    FALLOCATE(IORING_OP_FALLOCATE(), "5.6"),
    /** openat. */
    OPENAT(IORING_OP_OPENAT(), "5.6"),
    /** close. */
    CLOSE(IORING_OP_CLOSE(), "5.6"),
    /** Update registered files from the SQ. */
    FILES_UPDATE(IORING_OP_FILES_UPDATE(), "5.6"),
    /** statx. */
    STATX(IORING_OP_STATX(), "5.6"),
    /** Non-vectored read. */
    READ(IORING_OP_READ(), "5.6"),
    /** Non-vectored write. */
    WRITE(IORING_OP_WRITE(), "5.6"),
    /** posix_fadvise. */
    FADVISE(IORING_OP_FADVISE(), "5.6"),
    /** madvise. */
    MADVISE(IORING_OP_MADVISE(), "5.6"),
    /** send. */
    SEND(IORING_OP_SEND(), "5.6"),
    /** recv. */
    RECV(IORING_OP_RECV(), "5.6"),
    /** openat2. */
    OPENAT2(IORING_OP_OPENAT2(), "5.6"),
    /** epoll_ctl. */
    EPOLL_CTL(IORING_OP_EPOLL_CTL(), "5.6"),
    /** splice. */
    SPLICE(IORING_OP_SPLICE(), "5.7"),
    /** Hand buffers to the kernel (legacy provided buffers). */
    PROVIDE_BUFFERS(IORING_OP_PROVIDE_BUFFERS(), "5.7"),
    /** Take legacy provided buffers back. */
    REMOVE_BUFFERS(IORING_OP_REMOVE_BUFFERS(), "5.7"),
    /** tee. */
    TEE(IORING_OP_TEE(), "5.8"),
    /** shutdown. */
    SHUTDOWN(IORING_OP_SHUTDOWN(), "5.11"),
    /** renameat2. */
    RENAMEAT(IORING_OP_RENAMEAT(), "5.11"),
    /** unlinkat. */
    UNLINKAT(IORING_OP_UNLINKAT(), "5.11"),
    /** mkdirat. */
    MKDIRAT(IORING_OP_MKDIRAT(), "5.15"),
    /** symlinkat. */
    SYMLINKAT(IORING_OP_SYMLINKAT(), "5.15"),
    /** linkat. */
    LINKAT(IORING_OP_LINKAT(), "5.15"),
    /** Post a CQE (or pass a file) to another ring. */
    MSG_RING(IORING_OP_MSG_RING(), "5.18"),
    /** fsetxattr. */
    FSETXATTR(IORING_OP_FSETXATTR(), "5.19"),
    /** setxattr. */
    SETXATTR(IORING_OP_SETXATTR(), "5.19"),
    /** fgetxattr. */
    FGETXATTR(IORING_OP_FGETXATTR(), "5.19"),
    /** getxattr. */
    GETXATTR(IORING_OP_GETXATTR(), "5.19"),
    /** socket. */
    SOCKET(IORING_OP_SOCKET(), "5.19"),
    /** Driver passthrough command. */
    URING_CMD(IORING_OP_URING_CMD(), "5.19"),
    /** Zero-copy send. */
    SEND_ZC(IORING_OP_SEND_ZC(), "6.0"),
    /** Zero-copy sendmsg. */
    SENDMSG_ZC(IORING_OP_SENDMSG_ZC(), "6.1"),
    /** Multishot read with provided buffers. */
    READ_MULTISHOT(IORING_OP_READ_MULTISHOT(), "6.7"),
    /** waitid. */
    WAITID(IORING_OP_WAITID(), "6.7"),
    /** futex wait. */
    FUTEX_WAIT(IORING_OP_FUTEX_WAIT(), "6.7"),
    /** futex wake. */
    FUTEX_WAKE(IORING_OP_FUTEX_WAKE(), "6.7"),
    /** Wait on a vector of futexes. */
    FUTEX_WAITV(IORING_OP_FUTEX_WAITV(), "6.7"),
    /** Turn a registered (direct) file into a regular fd. */
    FIXED_FD_INSTALL(IORING_OP_FIXED_FD_INSTALL(), "6.8"),
    /** ftruncate. */
    FTRUNCATE(IORING_OP_FTRUNCATE(), "6.9"),
    /** bind. */
    BIND(IORING_OP_BIND(), "6.11"),
    /** listen. */
    LISTEN(IORING_OP_LISTEN(), "6.11"),
    /** Zero-copy receive into a registered area. */
    RECV_ZC(IORING_OP_RECV_ZC(), "6.15"),
    /** epoll_wait. */
    EPOLL_WAIT(IORING_OP_EPOLL_WAIT(), "6.15"),
    /** Vectored read from registered buffers. */
    READV_FIXED(IORING_OP_READV_FIXED(), "6.15"),
    /** Vectored write from registered buffers. */
    WRITEV_FIXED(IORING_OP_WRITEV_FIXED(), "6.15"),
    /** pipe2, optionally straight into the registered file table. */
    PIPE(IORING_OP_PIPE(), "6.16");

    private static final Opcode[] BY_CODE = new Opcode[256];

    static {
        for (Opcode op : values()) {
            BY_CODE[op.code] = op;
        }
    }

    private final int code;
    private final String since;

    Opcode(int code, String since) {
        this.code = code;
        this.since = since;
    }

    /** The {@code IORING_OP_*} value written to {@code sqe->opcode}. */
    public int code() {
        return code;
    }

    /** The Linux version that introduced the operation, e.g. {@code "6.0"}. */
    public String since() {
        return since;
    }

    /** The constant's C name, e.g. {@code "IORING_OP_SEND_ZC"}. */
    public String kernelName() {
        return "IORING_OP_" + name();
    }

    /** The operation with opcode {@code code}, or {@code null} when this library does not know it. */
    public static Opcode of(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
