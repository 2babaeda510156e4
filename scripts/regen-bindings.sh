#!/usr/bin/env bash
# Regenerates native-bindings/src/generated/java with a real jextract. The output is jextract's, unmodified:
# never edit it by hand, change this script or native-bindings/src/jextract/liburing_abi.h and rerun.
#
# Usage: scripts/regen-bindings.sh            regenerate in place (then build: scripts/test.sh -pl native-bindings)
#        scripts/regen-bindings.sh --check    regenerate into a temporary folder; exit 1 and print the diff
#                                             when the committed sources differ (scripts/test.sh runs this)
#
# Which jextract:
#   1. $JEXTRACT when set: the launcher of jextract 25 (download it from the jextract project page,
#      https://jdk.java.net/jextract, and point JEXTRACT at jextract-25/bin/jextract);
#   2. else the one built from source by ../shared/tools/jextract/build.sh (the folder beside the clone: this
#      project's machines lay it there; about 30 s the first time, then cached under ~/.cache).
#   Neither: regenerating fails; --check SKIPS with a loud banner saying why (a clone placed where no
#   ../shared exists cannot build jextract, and the committed sources still build and are tested).
#
# Inputs: liburing 2.3's <liburing.h> (our floor) and Linux 6.1's <linux/io_uring.h> (Debian 12's
# liburing-dev and linux-libc-dev), through native-bindings/src/jextract/liburing_abi.h; glibc's headers
# (libc6-dev 2.36, x86-64) through native-bindings/src/jextract/libc_abi.h. The committed output matches those header
# versions; --check says which ones it found when it fails.
#
# Output, package dev.iobuf.liburing:
#   LibUring (+ LibUring$shared)              C layouts, every constant of <linux/io_uring.h> and liburing.h's; no library:
#                                             touching it never loads liburing
#   one class per struct                      every struct of <linux/io_uring.h>, liburing's io_uring /
#                                             io_uring_sq / io_uring_cq, __kernel_timespec, iovec
#   LibcAbi (+ $shared) and its structs       the libc constants (sockets, mmap, rlimit, eventfd, syscall numbers,
#                                             open/statx flags) and structs (sockaddr_*, msghdr, cmsghdr, statx...)
#                                             of glibc's headers that we hand to the kernel (lists below)
#   LibUringFunctions (+ $shared)             the liburing functions we call (list below); its static
#                                             initialiser loads liburing.so.2: ask LibUringLibrary.isAvailable()
#                                             first
# Constants newer than these headers live, by hand, in native-bindings/src/main/java/.../NewerKernelConstants.java.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

CHECK=false
case "${1:-}" in
  --check) CHECK=true ;;
  "") ;;
  *) die "usage: scripts/regen-bindings.sh [--check]" ;;
esac

ROOT=$(pwd)
COMMITTED=native-bindings/src/generated/java
HEADER=native-bindings/src/jextract/liburing_abi.h
LIBC_HEADER=native-bindings/src/jextract/libc_abi.h
PKG=dev.iobuf.liburing
SHARED_TOOLS="$(cd .. && pwd)/shared/tools/jextract"

# liburing functions bound (exported by liburing.so.2 2.3): io_uring_enter2 serves the ring's hot path
# (dev.iobuf.uring.Enter); the others are the tests' cross-checks of our layouts against liburing itself.
FUNCTIONS="io_uring_enter2 io_uring_queue_init io_uring_queue_exit io_uring_get_sqe io_uring_submit_and_wait
  io_uring_peek_batch_cqe io_uring_get_probe io_uring_get_probe_ring io_uring_free_probe io_uring_register
  io_uring_register_buffers_sparse io_uring_register_buffers_update_tag io_uring_unregister_buffers
  io_uring_register_files_sparse io_uring_register_files_update_tag io_uring_register_files_update
  io_uring_unregister_files io_uring_register_ring_fd io_uring_unregister_ring_fd io_uring_register_buf_ring
  io_uring_unregister_buf_ring"
# libc's ABI (LibcAbi), by header: what the runtime hands to the kernel. Generated on x86-64; the values that
# differ on aarch64 (O_DIRECT, O_NOFOLLOW, SYS_preadv2) are chosen by hand in ArchConstants.
# <sys/socket.h>, <netinet/in.h>, <netinet/tcp.h>, <netinet/udp.h>, <sys/un.h>: sockets (TCP, UDP, Unix)
LIBC_CONSTANTS="AF_INET AF_INET6 AF_UNIX AF_UNSPEC SOCK_STREAM SOCK_DGRAM SOCK_SEQPACKET SOCK_CLOEXEC SOCK_NONBLOCK
  SOL_SOCKET SO_REUSEADDR SO_REUSEPORT SO_SNDBUF SO_RCVBUF SO_KEEPALIVE SO_LINGER SO_ERROR SO_TYPE SO_BROADCAST
  SO_PASSCRED SO_PEERCRED SO_ZEROCOPY SCM_RIGHTS SCM_CREDENTIALS SOMAXCONN
  IPPROTO_IP IPPROTO_IPV6 IPPROTO_TCP IPPROTO_UDP SOL_UDP TCP_NODELAY TCP_KEEPIDLE TCP_KEEPINTVL TCP_KEEPCNT
  UDP_SEGMENT UDP_GRO IP_TOS IP_PKTINFO IP_RECVTOS IP_MTU_DISCOVER IP_PMTUDISC_DO IP_MULTICAST_TTL
  IP_MULTICAST_LOOP IPV6_V6ONLY IPV6_TCLASS IPV6_RECVTCLASS IPV6_PKTINFO IPV6_RECVPKTINFO IPV6_MULTICAST_HOPS
  IPV6_MULTICAST_LOOP MSG_NOSIGNAL MSG_TRUNC MSG_CTRUNC MSG_PEEK MSG_DONTWAIT MSG_WAITALL MSG_MORE MSG_ZEROCOPY
  SHUT_RD SHUT_WR SHUT_RDWR"
# <sys/mman.h>: mapping the rings and the slabs
LIBC_CONSTANTS="$LIBC_CONSTANTS PROT_NONE PROT_READ PROT_WRITE MAP_SHARED MAP_PRIVATE MAP_FIXED MAP_ANONYMOUS
  MAP_NORESERVE MAP_POPULATE MAP_HUGETLB MADV_NORMAL MADV_RANDOM MADV_SEQUENTIAL MADV_WILLNEED MADV_DONTNEED
  MADV_DONTFORK MADV_DOFORK MADV_HUGEPAGE MADV_NOHUGEPAGE"
# <sys/resource.h>, <sys/eventfd.h>, <sys/syscall.h>: limits, wake-ups, raw system calls
LIBC_CONSTANTS="$LIBC_CONSTANTS RLIMIT_NOFILE RLIMIT_MEMLOCK RLIM_INFINITY EFD_SEMAPHORE EFD_NONBLOCK EFD_CLOEXEC
  SYS_io_uring_setup SYS_io_uring_enter SYS_io_uring_register SYS_preadv2 SYS_close SYS_write SYS_mmap SYS_munmap
  SYS_madvise SYS_eventfd2 SYS_prlimit64 SYS_socket SYS_bind SYS_listen SYS_setsockopt SYS_getsockopt SYS_getsockname
  SYS_getpeername SYS_setpriority PRIO_PROCESS"
# <fcntl.h>, <sys/stat.h> (with <linux/stat.h>'s statx), <sys/uio.h>: the file API
LIBC_CONSTANTS="$LIBC_CONSTANTS AT_FDCWD AT_EMPTY_PATH O_RDONLY O_WRONLY O_RDWR O_CREAT O_EXCL O_TRUNC O_APPEND
  O_DSYNC O_SYNC O_NOFOLLOW O_DIRECT O_NOATIME O_CLOEXEC RWF_NOWAIT STATX_TYPE STATX_MODE STATX_INO STATX_SIZE
  STATX_BASIC_STATS STATX_DIOALIGN S_IFMT S_IFREG S_IFDIR"
LIBC_STRUCTS="sockaddr sockaddr_storage sockaddr_in in_addr sockaddr_in6 in6_addr sockaddr_un msghdr cmsghdr
  in_pktinfo in6_pktinfo linger ucred rlimit statx statx_timestamp"
# Structs outside <linux/io_uring.h> that we bind: liburing's ring (for the liburing cross-checks), and the
# types io_uring structs and calls are built from.
EXTRA_STRUCTS="io_uring io_uring_sq io_uring_cq __kernel_timespec iovec"

find_jextract() {
  if [ -n "${JEXTRACT:-}" ]; then
    [ -x "$JEXTRACT" ] || die "JEXTRACT=$JEXTRACT is not an executable jextract launcher"
    echo "$JEXTRACT"
  elif [ -f "$SHARED_TOOLS/build.sh" ]; then
    bash "$SHARED_TOOLS/build.sh" | tail -1
  fi
}

JX=$(find_jextract)
if [ -z "$JX" ]; then
  WHY="no jextract: JEXTRACT is unset and $SHARED_TOOLS does not exist. Download jextract 25 (https://jdk.java.net/jextract) and set JEXTRACT=/path/to/jextract/bin/jextract"
  if $CHECK; then
    echo "##########################################################################################" >&2
    echo "# SKIPPED: scripts/regen-bindings.sh --check did NOT check the generated bindings." >&2
    echo "# $WHY" >&2
    echo "##########################################################################################" >&2
    exit 0
  fi
  die "$WHY"
fi
ensure_apt liburing-dev linux-libc-dev libc6-dev

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
OUT="$WORK/java"

# ---- includes: taken from jextract's own dump, so names and kinds are spelled as it wants them ----
"$JX" --dump-includes "$WORK/all.args" -D LIBURING_INTERNAL "$HEADER" >/dev/null 2>"$WORK/dump.log" \
  || { cat "$WORK/dump.log" >&2; die "jextract --dump-includes failed"; }
# every constant (macros and enum io_uring_op) and struct of the kernel ABI header, and liburing.h's own
# public constants (LIBURING_UDATA_TIMEOUT; not its _XOPEN_SOURCE or __NR_* helpers)
{ grep -E -- '^--include-(constant|struct) .*# header: /usr/include/linux/io_uring.h$' "$WORK/all.args"
  grep -E -- '^--include-constant [A-Z].*# header: /usr/include/liburing.h$' "$WORK/all.args"
} | awk '{print $1, $2}' > "$WORK/abi.args"
for s in $EXTRA_STRUCTS; do echo "--include-struct $s"; done >> "$WORK/abi.args"
"$JX" --dump-includes "$WORK/libc-all.args" "$LIBC_HEADER" >/dev/null 2>>"$WORK/dump.log" \
  || { cat "$WORK/dump.log" >&2; die "jextract --dump-includes $LIBC_HEADER failed"; }
{ for c in $LIBC_CONSTANTS; do echo "--include-constant $c"; done
  for st in $LIBC_STRUCTS; do echo "--include-struct $st"; done
} > "$WORK/libc.args"
while read -r kind name; do
  grep -qE -- "^$kind $name " "$WORK/libc-all.args" || die "$LIBC_HEADER declares no ${kind#--include-} $name"
done < "$WORK/libc.args"
for f in $FUNCTIONS; do
  grep -qE -- "^--include-function $f " "$WORK/all.args" || die "liburing.h declares no function $f"
  echo "--include-function $f"
done > "$WORK/functions.args"

# ---- the two jextract runs ----
# LibUring: no --library, so its class initialiser loads nothing (constants and layouts work without liburing).
"$JX" --output "$OUT" --target-package "$PKG" --header-class-name LibUring \
  -D LIBURING_INTERNAL @"$WORK/abi.args" "$HEADER" 2> >(grep -v '^WARNING: ' >&2)
# LibUringFunctions: the functions alone, resolved in liburing.so.2 by soname (liburing-dev's unversioned
# liburing.so need not exist on the machine that runs them).
"$JX" --output "$OUT" --target-package "$PKG" --header-class-name LibUringFunctions --library :liburing.so.2 \
  -D LIBURING_INTERNAL @"$WORK/functions.args" "$HEADER" 2> >(grep -v '^WARNING: ' >&2)
# LibcAbi: constants and structs of libc's socket headers; no library either.
"$JX" --output "$OUT" --target-package "$PKG" --header-class-name LibcAbi \
  @"$WORK/libc.args" "$LIBC_HEADER" 2> >(grep -v '^WARNING: ' >&2)
[ -f "$OUT/${PKG//.//}/LibUring.java" ] || die "jextract wrote no LibUring.java"

headers() { dpkg-query -W -f='${Package} ${Version}; ' liburing-dev linux-libc-dev libc6-dev 2>/dev/null || true; }
if $CHECK; then
  if ! diff -ru "$COMMITTED" "$OUT" > "$WORK/diff"; then
    cat "$WORK/diff"
    echo "error: $COMMITTED differs from what jextract ($JX) generates from the headers here ($(headers)). Committed" \
      "sources come from liburing-dev 2.3 and linux-libc-dev 6.1 (Debian 12): if the headers are those, run" \
      "scripts/regen-bindings.sh and commit the result." >&2
    exit 1
  fi
  echo "generated bindings are up to date ($(find "$OUT" -name '*.java' | wc -l) files; $(headers))"
else
  rm -rf "$COMMITTED"
  mkdir -p "$(dirname "$COMMITTED")"
  cp -r "$OUT" "$COMMITTED"
  echo "regenerated $COMMITTED: $(find "$COMMITTED" -name '*.java' | wc -l) files from $(headers)"
fi
