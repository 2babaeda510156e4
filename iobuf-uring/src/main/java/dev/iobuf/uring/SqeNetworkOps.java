package dev.iobuf.uring;

import static dev.iobuf.liburing.LibUring.*;
import static dev.iobuf.liburing.NewerKernelConstants.*;

import dev.iobuf.liburing.__kernel_timespec;
import dev.iobuf.liburing.io_uring_sqe;

import dev.iobuf.BufferPool;
import dev.iobuf.Lease;
import java.lang.foreign.MemorySegment;
import java.time.Duration;

/**
 * The socket operations of {@link Sqe} (a package-private step of its hierarchy, so that no class grows past a
 * readable size; use them through {@code Sqe}). Field use per opcode follows liburing's {@code io_uring_prep_*}
 * helpers and the kernel's {@code io_uring/net.c}.
 */
abstract sealed class SqeNetworkOps extends SqeWriter permits Sqe {
    SqeNetworkOps(RingView sqes, boolean fast, MemorySegment timespecs, int sqeShift, SubmissionQueue sq, InFlightHolds holds,
                  Object leaseHolder, Module opener) {
        super(sqes, fast, timespecs, sqeShift, sq, holds, leaseHolder, opener);
    }

    // ---- network (sockets) ----
    //
    // Field use per opcode follows liburing's io_uring_prep_* helpers (liburing.h) and the kernel's
    // io_uring/net.c prep functions: msg_flags (MSG_*) sit in the op-flags word, the op's own
    // IORING_RECVSEND_* / IORING_ACCEPT_* / zero-copy flags in ioprio, address lengths in off (addr2).

    /**
     * IORING_OP_ACCEPT (Linux 5.5): the result is the new fd. {@code addr}/{@code addrLenAddr} point to a
     * {@code struct sockaddr} and its {@code socklen_t} (in: capacity, out: length), or are 0 when the peer
     * address is not wanted; {@code flags} are accept4's ({@code SOCK_CLOEXEC}, {@code SOCK_NONBLOCK}).
     */
    public Sqe acceptUnsafe(int fd, long addr, long addrLenAddr, int flags) {
        requireUnsafe("accept");
        rw(IORING_OP_ACCEPT(), fd, addr, 0, addrLenAddr);
        return u32(OP_FLAGS, flags);
    }

    /** IORING_OP_ACCEPT without the peer address; {@code flags} are accept4's. The result is the new fd. */
    public Sqe accept(int fd, int flags) {
        rw(IORING_OP_ACCEPT(), fd, 0, 0, 0);
        return u32(OP_FLAGS, flags);
    }

    /**
     * Multishot IORING_OP_ACCEPT (IORING_ACCEPT_MULTISHOT, Linux 5.19): one SQE accepts connection after
     * connection, each posting a CQE with the new fd and IORING_CQE_F_MORE. A CQE without F_MORE (an error,
     * a cancellation, or the kernel ending it) means it is no longer armed: submit it again. No peer address
     * (every accept would overwrite the same one).
     */
    public Sqe acceptMultishot(int fd, int flags) {
        accept(fd, flags);
        return orIoprio(IORING_ACCEPT_MULTISHOT());
    }

    /**
     * IORING_OP_CONNECT (Linux 5.5) to the {@code addrLen}-byte {@code struct sockaddr} at {@code sockaddr}.
     * The kernel copies the address when it prepares the SQE. Result 0, or {@code -errno}
     * ({@code -ECONNREFUSED}, ...).
     */
    public Sqe connectUnsafe(int fd, long sockaddr, int addrLen) {
        requireUnsafe("connect");
        return rw(IORING_OP_CONNECT(), fd, sockaddr, 0, Integer.toUnsignedLong(addrLen));
    }

    /** IORING_OP_CONNECT to {@code sockaddr} (its whole length), kept alive by the caller until the completion. */
    public Sqe connectUnsafe(int fd, MemorySegment sockaddr) {
        long addr = unsafeAddress(sockaddr, "connect");
        return rw(IORING_OP_CONNECT(), fd, addr, 0, Integer.toUnsignedLong(lengthOf(sockaddr)));
    }

    /** IORING_OP_CONNECT to the address in {@code sockaddr} (its whole length; global or automatic arena). */
    public Sqe connect(int fd, MemorySegment sockaddr) {
        long addr = keptAddress(sockaddr, "connect");
        rw(IORING_OP_CONNECT(), fd, addr, 0, Integer.toUnsignedLong(lengthOf(sockaddr)));
        return held(sockaddr);
    }

    /**
     * IORING_OP_RECV (Linux 5.6) of up to {@code len} bytes into {@code addr}; {@code msgFlags} are recv(2)'s.
     * Result: bytes received, 0 at end of stream, or {@code -errno}.
     */
    public Sqe recvUnsafe(int fd, long addr, int len, int msgFlags) {
        requireUnsafe("recv");
        rw(IORING_OP_RECV(), fd, addr, len, 0);
        return u32(OP_FLAGS, msgFlags);
    }

    /** IORING_OP_RECV of up to {@code length} bytes into buffer {@code index} of {@code pool} (leased until the completion). */
    public Sqe recv(int fd, BufferPool pool, int index, int length, int msgFlags) {
        long addr = leasedAddress(pool, index, length, "recv");
        rw(IORING_OP_RECV(), fd, addr, length, 0);
        held(pendingLease);
        return u32(OP_FLAGS, msgFlags);
    }

    /** IORING_OP_RECV into {@code buffer} (global or automatic arena; see {@link Sqe#read(int, MemorySegment, long)}). */
    public Sqe recv(int fd, MemorySegment buffer, int msgFlags) {
        long addr = keptAddress(buffer, "recv");
        rw(IORING_OP_RECV(), fd, addr, lengthOf(buffer), 0);
        held(buffer);
        return u32(OP_FLAGS, msgFlags);
    }

    /** IORING_OP_RECV into {@code buffer}, kept alive by the caller until the completion. Needs native access. */
    public Sqe recvUnsafe(int fd, MemorySegment buffer, int msgFlags) {
        rw(IORING_OP_RECV(), fd, unsafeAddress(buffer, "recv"), lengthOf(buffer), 0);
        return u32(OP_FLAGS, msgFlags);
    }

    /**
     * IORING_OP_RECV into a buffer the kernel picks from provided-buffer group {@code group}
     * (IOSQE_BUFFER_SELECT), at most {@code maxLen} bytes (0 = the whole buffer). The CQE names the
     * buffer ({@link BufferRing#select}); {@code -ENOBUFS} when the group is empty.
     */
    public Sqe recvSelect(int fd, int group, int maxLen, int msgFlags) {
        rw(IORING_OP_RECV(), fd, 0, maxLen, 0);
        return u32(OP_FLAGS, msgFlags).bufferSelect(group);
    }

    /**
     * Multishot IORING_OP_RECV (IORING_RECV_MULTISHOT, Linux 6.0) from provided-buffer group {@code group}:
     * one SQE posts a CQE with IORING_CQE_F_MORE and a buffer for each chunk of data that arrives. It ends
     * with a CQE without F_MORE: 0 at end of stream, {@code -ENOBUFS} when the group ran dry, another
     * error, a cancellation, or the kernel stopping it (a positive result without F_MORE): then submit it
     * again if still wanted. Kernels before 6.0 reject the flag ({@code -EINVAL}).
     */
    public Sqe recvMultishot(int fd, int group, int msgFlags) {
        recvSelect(fd, group, 0, msgFlags);
        return orIoprio(IORING_RECV_MULTISHOT());
    }

    /**
     * Adds IORING_RECVSEND_BUNDLE (Linux 6.10) to a buffer-select recv or send: one CQE may then cover
     * several consecutive buffers of the group, starting at the one it names.
     */
    public Sqe bundle() {
        return orIoprio(IORING_RECVSEND_BUNDLE());
    }

    /**
     * Adds IORING_RECVSEND_POLL_FIRST (Linux 5.19) to a recv or send: wait for readiness before the first
     * attempt, for sockets expected to be empty (recv) or full (send).
     */
    public Sqe pollFirst() {
        return orIoprio(IORING_RECVSEND_POLL_FIRST());
    }

    /**
     * IORING_OP_SEND (Linux 5.6) of {@code len} bytes at {@code addr}; {@code msgFlags} are send(2)'s (pass
     * {@code MSG_NOSIGNAL} on sockets that may be closed by the peer). Result: bytes sent, possibly fewer
     * than asked, or {@code -errno}.
     */
    public Sqe sendUnsafe(int fd, long addr, int len, int msgFlags) {
        requireUnsafe("send");
        rw(IORING_OP_SEND(), fd, addr, len, 0);
        return u32(OP_FLAGS, msgFlags);
    }

    /** IORING_OP_SEND of {@code length} bytes from the start of buffer {@code index} of {@code pool} (leased until the completion). */
    public Sqe send(int fd, BufferPool pool, int index, int length, int msgFlags) {
        long addr = leasedAddress(pool, index, length, "send");
        rw(IORING_OP_SEND(), fd, addr, length, 0);
        held(pendingLease);
        return u32(OP_FLAGS, msgFlags);
    }

    /** IORING_OP_SEND of all of {@code buffer} (global or automatic arena; see {@link Sqe#read(int, MemorySegment, long)}). */
    public Sqe send(int fd, MemorySegment buffer, int msgFlags) {
        long addr = keptAddress(buffer, "send");
        rw(IORING_OP_SEND(), fd, addr, lengthOf(buffer), 0);
        held(buffer);
        return u32(OP_FLAGS, msgFlags);
    }

    /** IORING_OP_SEND of all of {@code buffer}, kept alive by the caller until the completion. Needs native access. */
    public Sqe sendUnsafe(int fd, MemorySegment buffer, int msgFlags) {
        rw(IORING_OP_SEND(), fd, unsafeAddress(buffer, "send"), lengthOf(buffer), 0);
        return u32(OP_FLAGS, msgFlags);
    }

    /**
     * IORING_OP_SEND_ZC (Linux 6.0): a send whose pages the network stack references instead of copying.
     * Two CQEs: first the result (bytes or {@code -errno}) with IORING_CQE_F_MORE when a notification
     * follows; then the notification (IORING_CQE_F_NOTIF, same user_data, no F_MORE) once the kernel no
     * longer reads the buffer. The buffer must not change until the notification. {@code zcFlags}:
     * IORING_SEND_ZC_REPORT_USAGE makes the notification's result carry IORING_NOTIF_USAGE_ZC_COPIED when
     * the kernel copied after all (loopback always does).
     */
    public Sqe sendZcUnsafe(int fd, long addr, int len, int msgFlags, int zcFlags) {
        requireUnsafe("sendZc");
        rw(IORING_OP_SEND_ZC(), fd, addr, len, 0);
        u16(IOPRIO, zcFlags);
        return u32(OP_FLAGS, msgFlags);
    }

    /**
     * IORING_OP_SENDMSG (Linux 5.3) of the {@code struct msghdr} at {@code msghdr} (a gathered send: its
     * {@code msg_iov} array). The kernel copies the msghdr and the iovec array when it prepares the SQE;
     * the data buffers must stay until the completion.
     */
    public Sqe sendmsgUnsafe(int fd, long msghdr, int msgFlags) {
        requireUnsafe("sendmsg");
        rw(IORING_OP_SENDMSG(), fd, msghdr, 1, 0);
        return u32(OP_FLAGS, msgFlags);
    }

    /** IORING_OP_SENDMSG_ZC (Linux 6.1): {@link #sendmsgUnsafe} with {@link #sendZcUnsafe}'s two-CQE protocol. */
    public Sqe sendmsgZcUnsafe(int fd, long msghdr, int msgFlags, int zcFlags) {
        requireUnsafe("sendmsgZc");
        rw(IORING_OP_SENDMSG_ZC(), fd, msghdr, 1, 0);
        u16(IOPRIO, zcFlags);
        return u32(OP_FLAGS, msgFlags);
    }

    /** IORING_OP_RECVMSG (Linux 5.3) into the {@code struct msghdr} at {@code msghdr}. */
    public Sqe recvmsgUnsafe(int fd, long msghdr, int msgFlags) {
        requireUnsafe("recvmsg");
        rw(IORING_OP_RECVMSG(), fd, msghdr, 1, 0);
        return u32(OP_FLAGS, msgFlags);
    }

    /** IORING_OP_SHUTDOWN (Linux 5.11): shutdown(2) with {@code how} = SHUT_RD 0, SHUT_WR 1, SHUT_RDWR 2. */
    public Sqe shutdown(int fd, int how) {
        return rw(IORING_OP_SHUTDOWN(), fd, 0, how, 0);
    }

    /** IORING_OP_SOCKET (Linux 5.19): socket(2); the result is the new fd. {@code flags} must be 0 today. */
    public Sqe socket(int domain, int type, int protocol, int flags) {
        rw(IORING_OP_SOCKET(), domain, 0, protocol, Integer.toUnsignedLong(type));
        return u32(OP_FLAGS, flags);
    }

    /** IORING_OP_BIND (Linux 6.11) to the {@code addrLen}-byte {@code struct sockaddr} at {@code sockaddr}. */
    public Sqe bindUnsafe(int fd, long sockaddr, int addrLen) {
        requireUnsafe("bind");
        return rw(IORING_OP_BIND(), fd, sockaddr, 0, Integer.toUnsignedLong(addrLen));
    }

    /** IORING_OP_LISTEN (Linux 6.11) with {@code backlog}. */
    public Sqe listen(int fd, int backlog) {
        return rw(IORING_OP_LISTEN(), fd, 0, backlog, 0);
    }

    /**
     * IORING_OP_MSG_RING (Linux 5.18), IORING_MSG_DATA: posts a CQE with {@code result} and {@code userData}
     * on the ring whose fd is {@code ringFd}; this ring gets its own CQE (0 or {@code -errno}) unless
     * {@code flags} has IORING_MSG_RING_CQE_SKIP.
     */
    public Sqe msgRing(int ringFd, int result, long userData, int flags) {
        rw(IORING_OP_MSG_RING(), ringFd, IORING_MSG_DATA(), result, userData);
        return u32(OP_FLAGS, flags);
    }

    /** IORING_OP_POLL_ADD (Linux 5.1) of {@code events} (POLLIN 0x1, POLLOUT 0x4, ...); the result is the ready mask. */
    public Sqe pollAdd(int fd, int events) {
        rw(IORING_OP_POLL_ADD(), fd, 0, 0, 0);
        return u32(OP_FLAGS, events);
    }

    /** Multishot IORING_OP_POLL_ADD (IORING_POLL_ADD_MULTI, Linux 5.13): a CQE with F_MORE per readiness event. */
    public Sqe pollMultishot(int fd, int events) {
        rw(IORING_OP_POLL_ADD(), fd, 0, IORING_POLL_ADD_MULTI(), 0);
        return u32(OP_FLAGS, events);
    }
}
