#!/usr/bin/env bash
# Regenerates the jextract-shaped io_uring bindings of native-bindings from the C headers installed here.
#
# Usage: scripts/regen-bindings.sh [--apply] [OUTPUT_DIR]
#   Generates into OUTPUT_DIR (default native-bindings/target/jextract), applies the two edits that make the
#   output lazy-loading (see below), and prints a diff against native-bindings/src/main/java. With --apply it
#   then copies the regenerated LibUring.java and struct classes over the sources.
#
# Needs jextract for JDK 22+ (https://jdk.java.net/jextract; the machines of this project cannot download it:
# no registry we reach serves it). Put it on PATH or set JEXTRACT=/path/to/jextract/bin/jextract.
#
# What jextract produces and what stays hand-written:
#   generated  LibUring.java (constants of <liburing.h> + liburing/io_uring.h, liburing functions) and one class
#              per struct below. Same names and signatures as the committed classes: a drop-in at the API level.
#   hand-kept  Libc, Syscalls, Errno, LibUringLibrary, LibUringNotFoundException, rlimit: jextract cannot express
#              errno capture, Linker.Option.critical or a fixed instantiation of the variadic syscall().
#   post-edit  findOrThrow() resolves through LibUringLibrary (lazy, never throws), and each function's HANDLE
#              comes from LibUring.downcallHandle(name, ADDR, DESC), which substitutes a handle that throws
#              LibUringNotFoundException when liburing or the symbol is missing. Both edits are applied below.
#   not generated  kernel-version javadoc, and constants/fields newer than the headers on this machine: liburing.h
#              always includes its own copy of io_uring.h (liburing 2.3's on Debian 12), so headers from a newer
#              liburing (2.12+ for Linux 6.18) are needed to regenerate those; LayoutConformanceTest checks
#              whatever the installed headers define.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

APPLY=false
if [ "${1:-}" = "--apply" ]; then APPLY=true; shift; fi
OUT=${1:-native-bindings/target/jextract}
JEXTRACT=${JEXTRACT:-jextract}
command -v "$JEXTRACT" >/dev/null 2>&1 || die "jextract not found (set JEXTRACT=/path/to/jextract). Get a JDK 22+ build from https://jdk.java.net/jextract; no package registry this project reaches serves it."
ensure_apt liburing-dev libc6-dev

PKG=dev.iobuf.liburing
SRC=native-bindings/src/main/java/dev/iobuf/liburing
rm -rf "$OUT"
mkdir -p "$OUT"

# ---- the includes list ----
ARGS="$OUT/includes.args"
{
  # liburing 2.3 exported functions (nm -D liburing.so.2). io_uring_register_restrictions and io_uring_enable_rings
  # are declared by liburing.h 2.3 but not exported by Debian's liburing.so.2: reach them with Syscalls.ioUringRegister.
  for f in io_uring_queue_init_params io_uring_queue_init io_uring_queue_mmap io_uring_ring_dontfork io_uring_queue_exit \
           io_uring_get_probe_ring io_uring_get_probe io_uring_free_probe io_uring_peek_batch_cqe io_uring_wait_cqes \
           io_uring_wait_cqe_timeout io_uring_submit io_uring_submit_and_wait io_uring_submit_and_wait_timeout \
           io_uring_register_buffers io_uring_register_buffers_tags io_uring_register_buffers_sparse \
           io_uring_register_buffers_update_tag io_uring_unregister_buffers io_uring_register_files \
           io_uring_register_files_tags io_uring_register_files_sparse io_uring_register_files_update_tag \
           io_uring_unregister_files io_uring_register_files_update io_uring_register_eventfd \
           io_uring_register_eventfd_async io_uring_unregister_eventfd io_uring_register_probe \
           io_uring_register_personality io_uring_unregister_personality io_uring_register_iowq_aff \
           io_uring_unregister_iowq_aff io_uring_register_iowq_max_workers io_uring_register_ring_fd \
           io_uring_unregister_ring_fd io_uring_register_buf_ring io_uring_unregister_buf_ring \
           io_uring_register_sync_cancel io_uring_register_file_alloc_range io_uring_get_events \
           io_uring_submit_and_get_events io_uring_enter io_uring_enter2 io_uring_setup io_uring_register \
           io_uring_get_sqe io_uring_mlock_size io_uring_mlock_size_params __io_uring_get_cqe __io_uring_sqring_wait; do
    echo "--include-function $f"
  done
  for s in __kernel_timespec iovec io_uring_sqe io_uring_cqe io_sqring_offsets io_cqring_offsets io_uring_params \
           io_uring_rsrc_register io_uring_rsrc_update io_uring_rsrc_update2 io_uring_probe_op io_uring_probe \
           io_uring_restriction io_uring_buf io_uring_buf_ring io_uring_buf_reg io_uring_buf_status \
           io_uring_getevents_arg io_uring_sync_cancel_reg io_uring_file_index_range io_uring_recvmsg_out \
           io_uring_sq io_uring_cq io_uring; do
    echo "--include-struct $s"
  done
} > "$ARGS"
# Every macro and enum constant of the io_uring headers: taken from jextract's own dump, by prefix.
"$JEXTRACT" --dump-includes "$OUT/all.args" /usr/include/liburing.h >/dev/null
grep -E -- '^--include-(constant|macro) +(IORING_|IOSQE_|IOU_|IO_URING_OP_SUPPORTED|IO_WQ_|SPLICE_F_FD_IN_FIXED|LIBURING_UDATA_TIMEOUT)' \
  "$OUT/all.args" | awk '{print $1, $2}' >> "$ARGS"

# ---- the jextract command ----
"$JEXTRACT" \
  --output "$OUT/src" \
  --target-package "$PKG" \
  --header-class-name LibUring \
  --library :liburing.so.2 \
  @"$ARGS" \
  /usr/include/liburing.h

GEN="$OUT/src/dev/iobuf/liburing"
# ---- post-edits: lazy loading and the missing-library handle ----
perl -0pi -e '
  s/\n\s*static final SymbolLookup SYMBOL_LOOKUP\s*=.*?;\n/\n/s;
  s/return SYMBOL_LOOKUP\.find\(symbol\)\s*\.orElseThrow\([^;]*\);/return LibUringLibrary.find(symbol);/s;
  s/(findOrThrow\("(\w+)"\);\s*public static final MethodHandle HANDLE = )Linker\.nativeLinker\(\)\.downcallHandle\(ADDR, DESC\)/$1LibUring.downcallHandle("$2", ADDR, DESC)/g;
  s/(static MemorySegment findOrThrow\(String symbol\) \{.*?\n    \}\n)/$1\n    static MethodHandle downcallHandle(String symbol, MemorySegment addr, FunctionDescriptor desc) {\n        return addr.equals(MemorySegment.NULL)\n                ? LibUringLibrary.missingSymbolHandle(symbol, desc.toMethodType())\n                : Linker.nativeLinker().downcallHandle(addr, desc);\n    }\n/s;
' "$GEN/LibUring.java"
grep -q 'LibUringLibrary.find(symbol)' "$GEN/LibUring.java" || die "post-edit failed: this jextract version generates findOrThrow differently; adapt the perl edits above"
grep -q 'SYMBOL_LOOKUP' "$GEN/LibUring.java" && die "post-edit failed: SYMBOL_LOOKUP is still referenced in $GEN/LibUring.java"

echo "generated into $GEN; differences from $SRC (javadoc differs: ours carries kernel versions):"
for f in "$GEN"/*.java; do
  diff -u "$SRC/$(basename "$f")" "$f" || true
done | head -n 400

if $APPLY; then
  cp "$GEN"/*.java "$SRC"/
  echo "copied $(ls "$GEN"/*.java | wc -l) files into $SRC; now run: mvn -B -ntp -pl native-bindings verify"
fi
