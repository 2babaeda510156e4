/*
 * The input of scripts/regen-bindings.sh: what jextract binds into dev.iobuf.liburing.
 *
 * <linux/io_uring.h> first: Debian 12's kernel UAPI copy (Linux 6.1) is newer than the copy liburing 2.3
 * ships (<liburing/io_uring.h>: no IORING_SEND_ZC_REPORT_USAGE, IORING_ASYNC_CANCEL_USERDATA/OP, ...).
 * Both use the include guard LINUX_IO_URING_H, so the first one wins and liburing.h reuses it.
 * Build with -D LIBURING_INTERNAL: liburing 2.3's header then declares io_uring_get_sqe as the real
 * (exported) function instead of a static inline.
 */
#include <linux/io_uring.h>
#include <liburing.h>
