/*
 * Prints sizeof, alignment and the offset and size of every field of each struct that
 * dev.iobuf.liburing binds, as the installed C headers define them. LayoutConformanceTest compiles it
 * twice: with -DUSE_LIBURING against <liburing.h> (plus struct io_uring / io_uring_sq / io_uring_cq), and
 * without, against the kernel's <linux/io_uring.h> alone.
 *
 * Output lines:
 *   struct <name> <sizeof> <alignof>
 *   field <struct> <java-name> <offsetof> <sizeof>
 *
 * Every field the installed headers (liburing 2.3, Linux 6.1 uapi) declare is listed, under its C name: the
 * generated bindings are jextract's output for these same headers (scripts/regen-bindings.sh).
 */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdio.h>
#include <sys/uio.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <sys/un.h>
#include <sys/stat.h>
#ifdef USE_LIBURING
/* as native-bindings/src/jextract/liburing_abi.h, jextract's input: the kernel's header wins over liburing's copy */
#include <linux/io_uring.h>
#include <liburing.h>
#else
#include <linux/io_uring.h>
#include <linux/time_types.h>
#endif

#define S(s) printf("struct %s %zu %zu\n", #s, sizeof(struct s), _Alignof(struct s))
#define F(s, f) printf("field %s %s %zu %zu\n", #s, #f, offsetof(struct s, f), sizeof(((struct s *)0)->f))
/* a flexible array member: sizeof cannot be applied, its size is 0 by definition */
#define FX(s, f) printf("field %s %s %zu 0\n", #s, #f, offsetof(struct s, f))

int main(void) {
    S(__kernel_timespec);
    F(__kernel_timespec, tv_sec); F(__kernel_timespec, tv_nsec);

    S(iovec);
    F(iovec, iov_base); F(iovec, iov_len);

    S(rlimit);
    F(rlimit, rlim_cur); F(rlimit, rlim_max);

    S(io_uring_sqe);
    F(io_uring_sqe, opcode); F(io_uring_sqe, flags); F(io_uring_sqe, ioprio); F(io_uring_sqe, fd);
    F(io_uring_sqe, off); F(io_uring_sqe, addr2); F(io_uring_sqe, cmd_op); F(io_uring_sqe, __pad1);
    F(io_uring_sqe, addr); F(io_uring_sqe, splice_off_in);
#ifdef IORING_FIXED_FD_NO_CLOEXEC /* 6.8 header or newer: the 6.7 setsockopt fields */
    F(io_uring_sqe, level); F(io_uring_sqe, optname); F(io_uring_sqe, optlen); F(io_uring_sqe, optval);
#endif
    F(io_uring_sqe, len);
    F(io_uring_sqe, rw_flags); F(io_uring_sqe, fsync_flags); F(io_uring_sqe, poll_events);
    F(io_uring_sqe, poll32_events); F(io_uring_sqe, sync_range_flags); F(io_uring_sqe, msg_flags);
    F(io_uring_sqe, timeout_flags); F(io_uring_sqe, accept_flags); F(io_uring_sqe, cancel_flags);
    F(io_uring_sqe, open_flags); F(io_uring_sqe, statx_flags); F(io_uring_sqe, fadvise_advice);
    F(io_uring_sqe, splice_flags); F(io_uring_sqe, rename_flags); F(io_uring_sqe, unlink_flags);
    F(io_uring_sqe, hardlink_flags); F(io_uring_sqe, xattr_flags); F(io_uring_sqe, msg_ring_flags);
    F(io_uring_sqe, uring_cmd_flags);
    F(io_uring_sqe, user_data); F(io_uring_sqe, buf_index); F(io_uring_sqe, buf_group);
    F(io_uring_sqe, personality); F(io_uring_sqe, splice_fd_in); F(io_uring_sqe, file_index);
    F(io_uring_sqe, addr_len); F(io_uring_sqe, __pad3);
    F(io_uring_sqe, addr3); F(io_uring_sqe, __pad2); FX(io_uring_sqe, cmd);

    S(io_uring_cqe);
    F(io_uring_cqe, user_data); F(io_uring_cqe, res); F(io_uring_cqe, flags); FX(io_uring_cqe, big_cqe);

    S(io_sqring_offsets);
    F(io_sqring_offsets, head); F(io_sqring_offsets, tail); F(io_sqring_offsets, ring_mask);
    F(io_sqring_offsets, ring_entries); F(io_sqring_offsets, flags); F(io_sqring_offsets, dropped);
    F(io_sqring_offsets, array); F(io_sqring_offsets, resv1);
    F(io_sqring_offsets, resv2);

    S(io_cqring_offsets);
    F(io_cqring_offsets, head); F(io_cqring_offsets, tail); F(io_cqring_offsets, ring_mask);
    F(io_cqring_offsets, ring_entries); F(io_cqring_offsets, overflow); F(io_cqring_offsets, cqes);
    F(io_cqring_offsets, flags); F(io_cqring_offsets, resv1);
    F(io_cqring_offsets, resv2);

    S(io_uring_params);
    F(io_uring_params, sq_entries); F(io_uring_params, cq_entries); F(io_uring_params, flags);
    F(io_uring_params, sq_thread_cpu); F(io_uring_params, sq_thread_idle); F(io_uring_params, features);
    F(io_uring_params, wq_fd); F(io_uring_params, resv); F(io_uring_params, sq_off); F(io_uring_params, cq_off);

    S(io_uring_rsrc_register);
    F(io_uring_rsrc_register, nr); F(io_uring_rsrc_register, flags); F(io_uring_rsrc_register, resv2);
    F(io_uring_rsrc_register, data); F(io_uring_rsrc_register, tags);

    S(io_uring_rsrc_update);
    F(io_uring_rsrc_update, offset); F(io_uring_rsrc_update, resv); F(io_uring_rsrc_update, data);

    S(io_uring_rsrc_update2);
    F(io_uring_rsrc_update2, offset); F(io_uring_rsrc_update2, resv); F(io_uring_rsrc_update2, data);
    F(io_uring_rsrc_update2, tags); F(io_uring_rsrc_update2, nr); F(io_uring_rsrc_update2, resv2);

    S(io_uring_probe_op);
    F(io_uring_probe_op, op); F(io_uring_probe_op, resv); F(io_uring_probe_op, flags); F(io_uring_probe_op, resv2);

    S(io_uring_probe);
    F(io_uring_probe, last_op); F(io_uring_probe, ops_len); F(io_uring_probe, resv); F(io_uring_probe, resv2);
    FX(io_uring_probe, ops);

    S(io_uring_restriction);
    F(io_uring_restriction, opcode); F(io_uring_restriction, register_op); F(io_uring_restriction, sqe_op);
    F(io_uring_restriction, sqe_flags); F(io_uring_restriction, resv); F(io_uring_restriction, resv2);

    S(io_uring_buf);
    F(io_uring_buf, addr); F(io_uring_buf, len); F(io_uring_buf, bid); F(io_uring_buf, resv);

    S(io_uring_buf_ring);
    F(io_uring_buf_ring, resv1); F(io_uring_buf_ring, resv2); F(io_uring_buf_ring, resv3);
    F(io_uring_buf_ring, tail); F(io_uring_buf_ring, __empty_bufs); FX(io_uring_buf_ring, bufs);

    S(io_uring_buf_reg);
    F(io_uring_buf_reg, ring_addr); F(io_uring_buf_reg, ring_entries); F(io_uring_buf_reg, bgid);
    F(io_uring_buf_reg, pad);
    F(io_uring_buf_reg, resv);

    S(io_uring_getevents_arg);
    F(io_uring_getevents_arg, sigmask); F(io_uring_getevents_arg, sigmask_sz);
    F(io_uring_getevents_arg, pad);
    F(io_uring_getevents_arg, ts);

    S(io_uring_sync_cancel_reg);
    F(io_uring_sync_cancel_reg, addr); F(io_uring_sync_cancel_reg, fd); F(io_uring_sync_cancel_reg, flags);
    F(io_uring_sync_cancel_reg, timeout);
    F(io_uring_sync_cancel_reg, pad);

    S(io_uring_file_index_range);
    F(io_uring_file_index_range, off); F(io_uring_file_index_range, len); F(io_uring_file_index_range, resv);

    S(io_uring_recvmsg_out);
    F(io_uring_recvmsg_out, namelen); F(io_uring_recvmsg_out, controllen);
    F(io_uring_recvmsg_out, payloadlen); F(io_uring_recvmsg_out, flags);

    S(io_uring_files_update);
    F(io_uring_files_update, offset); F(io_uring_files_update, resv); F(io_uring_files_update, fds);

    S(io_uring_notification_slot);
    F(io_uring_notification_slot, tag); F(io_uring_notification_slot, resv);

    S(io_uring_notification_register);
    F(io_uring_notification_register, nr_slots); F(io_uring_notification_register, resv);
    F(io_uring_notification_register, resv2); F(io_uring_notification_register, data);
    F(io_uring_notification_register, resv3);

    /* libc's socket ABI (LibcAbi) */
    S(sockaddr);
    F(sockaddr, sa_family); F(sockaddr, sa_data);
    S(sockaddr_storage);
    F(sockaddr_storage, ss_family); F(sockaddr_storage, __ss_padding); F(sockaddr_storage, __ss_align);
    S(in_addr);
    F(in_addr, s_addr);
    S(sockaddr_in);
    F(sockaddr_in, sin_family); F(sockaddr_in, sin_port); F(sockaddr_in, sin_addr); F(sockaddr_in, sin_zero);
    S(in6_addr);
    F(in6_addr, __in6_u);
    S(sockaddr_in6);
    F(sockaddr_in6, sin6_family); F(sockaddr_in6, sin6_port); F(sockaddr_in6, sin6_flowinfo);
    F(sockaddr_in6, sin6_addr); F(sockaddr_in6, sin6_scope_id);
    S(msghdr);
    F(msghdr, msg_name); F(msghdr, msg_namelen); F(msghdr, msg_iov); F(msghdr, msg_iovlen);
    F(msghdr, msg_control); F(msghdr, msg_controllen); F(msghdr, msg_flags);
    S(cmsghdr);
    F(cmsghdr, cmsg_len); F(cmsghdr, cmsg_level); F(cmsghdr, cmsg_type); FX(cmsghdr, __cmsg_data);
    S(sockaddr_un);
    F(sockaddr_un, sun_family); F(sockaddr_un, sun_path);
    S(in_pktinfo);
    F(in_pktinfo, ipi_ifindex); F(in_pktinfo, ipi_spec_dst); F(in_pktinfo, ipi_addr);
    S(in6_pktinfo);
    F(in6_pktinfo, ipi6_addr); F(in6_pktinfo, ipi6_ifindex);
    S(linger);
    F(linger, l_onoff); F(linger, l_linger);
    S(ucred);
    F(ucred, pid); F(ucred, uid); F(ucred, gid);

    /* the file API's statx (LibcAbi; <linux/stat.h> through glibc's <sys/stat.h>) */
    S(statx_timestamp);
    F(statx_timestamp, tv_sec); F(statx_timestamp, tv_nsec); F(statx_timestamp, __reserved);
    S(statx);
    F(statx, stx_mask); F(statx, stx_blksize); F(statx, stx_attributes); F(statx, stx_nlink); F(statx, stx_uid);
    F(statx, stx_gid); F(statx, stx_mode); F(statx, __spare0); F(statx, stx_ino); F(statx, stx_size);
    F(statx, stx_blocks); F(statx, stx_attributes_mask); F(statx, stx_atime); F(statx, stx_btime);
    F(statx, stx_ctime); F(statx, stx_mtime); F(statx, stx_rdev_major); F(statx, stx_rdev_minor);
    F(statx, stx_dev_major); F(statx, stx_dev_minor); F(statx, stx_mnt_id); F(statx, stx_dio_mem_align);
    F(statx, stx_dio_offset_align); F(statx, __spare3);

#ifdef USE_LIBURING
    S(io_uring_sq);
    F(io_uring_sq, khead); F(io_uring_sq, ktail); F(io_uring_sq, kring_mask); F(io_uring_sq, kring_entries);
    F(io_uring_sq, kflags); F(io_uring_sq, kdropped); F(io_uring_sq, array); F(io_uring_sq, sqes);
    F(io_uring_sq, sqe_head); F(io_uring_sq, sqe_tail); F(io_uring_sq, ring_sz); F(io_uring_sq, ring_ptr);
    F(io_uring_sq, ring_mask); F(io_uring_sq, ring_entries); F(io_uring_sq, pad);

    S(io_uring_cq);
    F(io_uring_cq, khead); F(io_uring_cq, ktail); F(io_uring_cq, kring_mask); F(io_uring_cq, kring_entries);
    F(io_uring_cq, kflags); F(io_uring_cq, koverflow); F(io_uring_cq, cqes); F(io_uring_cq, ring_sz);
    F(io_uring_cq, ring_ptr); F(io_uring_cq, ring_mask); F(io_uring_cq, ring_entries); F(io_uring_cq, pad);

    S(io_uring);
    F(io_uring, sq); F(io_uring, cq); F(io_uring, flags); F(io_uring, ring_fd); F(io_uring, features);
    F(io_uring, enter_ring_fd); F(io_uring, int_flags); F(io_uring, pad); F(io_uring, pad2);
#endif
    return 0;
}
