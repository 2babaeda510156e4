#!/usr/bin/env bash
# Kernel matrix: runs the library's kernel-tagged tests (@Tag("kernel")) and the UringCheck self-check
# on several Linux kernels under qemu, and on the host kernel directly.
#
#   scripts/kernel-matrix.sh [KERNEL...]      KERNEL: 5.10 | 6.1 | 6.12 | 7.3 | host (default: all five)
#
# Each kernel prints  RESULT kernel=X passed=N failed=M skipped=K  and the run ends with  N passed, M failed
# (exit 1 when a kernel failed or did not report). Skips are expected on old kernels (a test that needs a
# newer one says which); failures never are. docs/kernels.md is regenerated from the run (feature x kernel).
#
# How (docs/kernels.md "How the matrix runs"): the newest Debian generic amd64 image of each series is
# fetched with apt-get download under a private apt state (the host's sources are never touched, the
# kernel is never installed), unpacked with dpkg-deb -x, and booted with a ~3 MB initramfs (busybox-static
# plus the virtio/9p modules) that mounts the host's root read-only over 9p, so the guest runs the host's
# JDK and liburing. qemu's software emulator (TCG) is used unless the CPU offers vmx/svm.
#
# Environment:
#   IOBUF_KERNEL_CACHE  downloads and prepared kernels (default ~/.cache/iobuf-kernels; not under /tmp:
#                       the guest mounts a tmpfs there)
#   IOBUF_KERNEL_JOBS   guests booted at once (default 2: a 5.10 guest took 524 s beside another,
#                       742 s alone, on a machine loaded by other builds: the emulator is not the limit)
#   IOBUF_KERNEL_TIMEOUT seconds one guest may run before it is stopped and counted as failed (default 900)
#   IOBUF_KERNEL_SKIP_BUILD=1  reuse the last build's class path (scripts/test.sh builds first)
#   IOBUF_KERNEL_DOCS   where the feature x kernel table goes when every kernel ran (default docs/kernels.md)
#   IOBUF_KERNEL_TESTS  test classes to run instead of every @Tag("kernel") one (for chasing one failure)
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
. scripts/lib.sh

ALL_KERNELS=(5.10 6.1 6.12 7.3 host)
CACHE=${IOBUF_KERNEL_CACHE:-$HOME/.cache/iobuf-kernels}
JOBS=${IOBUF_KERNEL_JOBS:-2}
TIMEOUT=${IOBUF_KERNEL_TIMEOUT:-900}
DOCS=${IOBUF_KERNEL_DOCS:-docs/kernels.md}
case "$CACHE" in /tmp|/tmp/*|/run|/run/*) die "IOBUF_KERNEL_CACHE=$CACHE: the guest mounts a tmpfs on /tmp and /run, so the cache must live elsewhere";; esac

# The Debian suites (archive:suite on deb.debian.org) that serve the generic images of the series;
# the newest package of a series in any of them wins.
SUITES=(debian-security:bullseye-security debian:bookworm debian-security:bookworm-security
        debian:trixie-backports)
known_kernel() { case "$1" in 5.10|6.1|6.12|7.3|host) return 0 ;; esac; return 1; }

APT_DIR=$CACHE/apt
apt_opts() {
  echo "-o Dir::State=$APT_DIR/state -o Dir::Cache=$APT_DIR/cache -o Dir::Etc::sourcelist=$APT_DIR/sources.list"\
       "-o Dir::Etc::sourceparts=$APT_DIR/none -o Dir::Etc::preferencesparts=$APT_DIR/none -o APT::Get::List-Cleanup=0"\
       "-o Debug::NoLocking=1 -o APT::Sandbox::User=root"
}

# Private apt state listing SUITES, refreshed when older than a day.
apt_refresh() {
  mkdir -p "$APT_DIR/state/lists/partial" "$APT_DIR/cache/archives/partial"
  local s
  for s in "${SUITES[@]}"; do
    echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/${s%%:*} ${s#*:} main"
  done > "$APT_DIR/sources.list"
  if [ -z "$(find "$APT_DIR/state" -maxdepth 1 -name updated -mmin -1440 2>/dev/null)" ]; then
    # shellcheck disable=SC2046
    apt-get $(apt_opts) -qq update || die "apt-get update (private state $APT_DIR) failed"
    touch "$APT_DIR/state/updated"
  fi
}

# newest_image SERIES -> newest linux-image-SERIES.*-amd64 package name (the generic flavour, signed or not)
newest_image() {
  local re="^linux-image-${1//./\\.}\\.[0-9][^ ]*[0-9.]-amd64\$"
  # shellcheck disable=SC2046
  apt-cache $(apt_opts) search --names-only "$re" | awk '{print $1}' | grep -E "$re" | sort -V | tail -1
}

# prepare SERIES: $CACHE/SERIES/{vmlinuz, modules/ (the virtio/9p closure, decompressed, load order in
# modules/list), release} from the newest package of the series (once; the cache is kept).
prepare() {
  local k=$1 dir=$CACHE/$1
  if [ -s "$dir/vmlinuz" ] && [ -s "$dir/release" ]; then return 0; fi
  apt_refresh
  local pkg; pkg=$(newest_image "$k")
  [ -n "$pkg" ] || die "no linux-image-$k.*-amd64 package in ${SUITES[*]}"
  echo "kernel $k: fetching $pkg" >&2
  local work=$CACHE/work-$k
  rm -rf "$work" "$dir"; mkdir -p "$work/deb" "$work/root" "$dir/modules"
  # Newer images are a meta package over linux-binary-* (vmlinuz) and linux-modules-*: take those too.
  local pkgs=("$pkg") dep
  for dep in $(dpkg_deps_of "$pkg"); do pkgs+=("$dep"); done
  # shellcheck disable=SC2046
  (cd "$work/deb" && apt-get $(apt_opts) -qq download "${pkgs[@]}") || die "apt-get download ${pkgs[*]} failed"
  # Only the kernel, the module lists and the module folders the virtio/9p closure lives in.
  local f
  for f in "$work"/deb/*.deb; do
    dpkg-deb --fsys-tarfile "$f" | tar -x -C "$work/root" --wildcards \
      './boot/vmlinuz-*' '*/modules/*/vmlinuz' '*/modules/*/modules.*' '*/kernel/drivers/virtio/*' \
      '*/kernel/net/9p/*' '*/kernel/fs/9p/*' '*/kernel/fs/netfs/*' '*/kernel/fs/fscache/*' 2>/dev/null || true
  done
  local root=$work/root; [ -d "$root/usr/lib/modules" ] && root=$work/root/usr
  local rel; rel=$(ls "$root/lib/modules" | head -1)
  local vmlinuz="" c
  for c in "$work"/root/boot/vmlinuz-* "$root/lib/modules/$rel/vmlinuz"; do [ -s "$c" ] && vmlinuz=$c; done
  [ -n "$rel" ] && [ -n "$vmlinuz" ] || die "$pkg: no vmlinuz or modules after unpacking"
  depmod -b "$root" "$rel" 2>/dev/null
  # modprobe's load order for each module the initramfs needs (builtin ones print nothing)
  local m line base
  : > "$dir/modules/list"
  for m in virtio_pci 9pnet_virtio 9p; do
    while read -r line; do
      set -- $line
      [ "${1:-}" = insmod ] || continue
      base=$(basename "$2"); base=${base%.xz}
      [ -e "$dir/modules/$base" ] && continue
      case "$2" in *.xz) xz -dc "$2" > "$dir/modules/$base" ;; *) cp "$2" "$dir/modules/$base" ;; esac
      echo "$base" >> "$dir/modules/list"
    done < <(modprobe -d "$root" -S "$rel" --show-depends "$m" 2>/dev/null || true)
  done
  cp "$vmlinuz" "$dir/vmlinuz"
  echo "$rel $pkg" > "$dir/release"
  rm -rf "$work"
}

# Dependencies of PKG that are parts of the kernel itself (linux-binary-*, linux-modules-*).
dpkg_deps_of() {
  # shellcheck disable=SC2046
  apt-cache $(apt_opts) depends "$1" | awk '/Depends: linux-(binary|modules|image)-/ {print $2}' | sort -u
}

# initramfs K OUT: busybox, K's modules and scripts/kernel-matrix-init.sh as /init (built per run: small).
initramfs() {
  local ird; ird=$(mktemp -d "$CACHE/initramfs.XXXXXX")
  mkdir -p "$ird"/{bin,dev,proc,sys,mnt,lib}
  cp /bin/busybox "$ird/bin/busybox"
  cp -r "$CACHE/$1/modules" "$ird/lib/modules"
  cp "$REPO/scripts/kernel-matrix-init.sh" "$ird/init"
  chmod +x "$ird/init"
  (cd "$ird" && find . | cpio -o -H newc --quiet | gzip -1) > "$2"
  rm -rf "$ird"
}

ensure_tools() {
  ensure_apt qemu-system-x86 busybox-static kmod cpio xz-utils gzip liburing2 debian-archive-keyring
}

# build RUN: the project's jars and test classes, their class path, the console launcher, into RUN/lib
# (copied: the guest sees the host's root, but a clone under /tmp would be hidden by the guest's tmpfs).
build() {
  local run=$1 lib=$1/lib
  mkdir -p "$lib"
  if [ "${IOBUF_KERNEL_SKIP_BUILD:-0}" != 1 ]; then
    "${MVN[@]}" -q -DskipTests -pl iobuf-uring,examples -am package dependency:build-classpath \
      -Dmdep.includeScope=test -Dmdep.outputFile=target/kernel-matrix.classpath \
      || die "building the jars and test classes failed"
  fi
  # The launcher brings its own JUnit: drop the project's JUnit jars from the class path.
  local cp="" e n=0
  for e in $(tr ':' ' ' < iobuf-uring/target/kernel-matrix.classpath); do
    case "$e" in */org/junit/*|*/org/opentest4j/*|*/org/apiguardian/*) continue ;; esac
    n=$((n + 1)); cp "$e" "$lib/$n-$(basename "$e")"; cp+="${cp:+:}$lib/$n-$(basename "$e")"
  done
  cp "$(ls iobuf-uring/target/iobuf-uring-*.jar | grep -v -e sources -e javadoc -e tests | head -1)" "$lib/iobuf-uring.jar"
  cp "$(ls examples/target/examples-*.jar | grep -v -e sources -e javadoc -e tests | head -1)" "$lib/examples.jar"
  echo "$cp:$lib/iobuf-uring.jar" > "$lib/classpath"
  cp -r iobuf-uring/target/test-classes "$lib/test-classes"
  local v; v=$(sed -n 's:.*<version.junit.console>\(.*\)</version.junit.console>.*:\1:p' pom.xml)
  [ -n "$v" ] || die "pom.xml has no <version.junit.console> property"
  "${MVN[@]}" -q -N dependency:copy -Dartifact="org.junit.platform:junit-platform-console-standalone:$v" \
    -DoutputDirectory="$lib" -Dmdep.stripVersion=true || die "fetching junit-platform-console-standalone $v failed"
  {
    echo "JAVA_HOME='$JAVA_HOME'"
    # IOBUF_KERNEL_TESTS="dev.iobuf.uring.RingNopTest ..." runs those classes instead of every tagged one
    local c sel=""
    for c in ${IOBUF_KERNEL_TESTS:-}; do sel+=" --select-class $c"; done
    echo "IOBUF_GUEST_SELECT='${sel:---scan-class-path $lib/test-classes}'"
  } > "$run/env"
  cp scripts/kernel-matrix-guest.sh "$run/guest.sh"
  chmod +x "$run/guest.sh"
}

# qemu's accelerator: KVM only when the CPU offers hardware virtualization (a paravirtual /dev/kvm
# without vmx/svm makes stock kernels die with "KVM internal error"), else the emulator.
accel() {
  if [ -w /dev/kvm ] && grep -qwE 'vmx|svm' /proc/cpuinfo; then echo "-accel kvm -cpu host"
  else echo "-accel tcg,thread=multi -cpu max"; fi
}

# boot K RUN: the guest runs RUN/guest.sh K RUN and powers off; console in RUN/out/K/console.log.
boot() {
  local k=$1 run=$2 dir=$CACHE/$1
  mkdir -p "$run/out/$k"
  initramfs "$k" "$run/out/$k/initrd.img"
  # shellcheck disable=SC2046
  timeout --foreground "$TIMEOUT" qemu-system-x86_64 $(accel) -m 2G -smp 2 -nodefaults -display none -serial stdio \
    -no-reboot -kernel "$dir/vmlinuz" -initrd "$run/out/$k/initrd.img" \
    -append "console=ttyS0 panic=-1 quiet iobuf_kernel=$k iobuf_run=$run" \
    -virtfs "local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap" \
    -virtfs "local,path=$run,mount_tag=matrix,security_model=none,multidevs=remap" \
    < /dev/null > "$run/out/$k/console.log" 2>&1
  echo $? > "$run/out/$k/qemu.status"
}

# run_one K RUN: boots K (or runs the guest script on the host) and times it.
run_one() {
  local k=$1 run=$2 t0; t0=$(date +%s)
  if [ "$k" = host ]; then mkdir -p "$run/out/host"; sh "$run/guest.sh" host "$run"
  else boot "$k" "$run"; fi
  echo $(( $(date +%s) - t0 )) > "$run/out/$k/wall"
}

# summary FILE LABEL: the count the console launcher printed for LABEL ("tests successful"), or empty
summary() { sed -n "s/^\[ *\([0-9][0-9]*\) $2 *\]\$/\1/p" "$1" 2>/dev/null | tail -1; }

# result K RUN: prints K's RESULT line (and what failed), sets PASSED FAILED SKIPPED for it.
result() {
  local k=$1 o=$2/out/$1 why=()
  local ok fail cfail abort skip
  ok=$(summary "$o/junit.txt" "tests successful"); fail=$(summary "$o/junit.txt" "tests failed")
  cfail=$(summary "$o/junit.txt" "containers failed"); abort=$(summary "$o/junit.txt" "tests aborted")
  skip=$(summary "$o/junit.txt" "tests skipped")
  PASSED=${ok:-0}; FAILED=$(( ${fail:-0} + ${cfail:-0} )); SKIPPED=$(( ${abort:-0} + ${skip:-0} ))
  if [ -z "$ok" ]; then
    FAILED=$((FAILED + 1)); why+=("the test launcher did not finish (status $(cat "$o/junit.status" 2>/dev/null || echo none; true))")
  fi
  # UringCheck counts as one test; a step the kernel is too old for is a skip
  if [ "$(cat "$o/uringcheck.status" 2>/dev/null)" = 0 ]; then PASSED=$((PASSED + 1))
  else FAILED=$((FAILED + 1)); why+=("UringCheck: $(tail -1 "$o/uringcheck.txt" 2>/dev/null || echo 'no output')"); fi
  SKIPPED=$(( SKIPPED + $(grep -c '^skip ' "$o/uringcheck.txt" 2>/dev/null || true) ))
  if [ "$(cat "$o/report.status" 2>/dev/null)" != 0 ]; then
    FAILED=$((FAILED + 1)); why+=("KernelReport failed: $(tail -1 "$o/report.err" 2>/dev/null || true)")
  fi
  echo "RESULT kernel=$k passed=$PASSED failed=$FAILED skipped=$SKIPPED"
  if [ "$FAILED" -gt 0 ]; then
    local w t
    for w in "${why[@]}"; do echo "  $k: $w"; done
    grep ':: FAILED' "$o/junit.txt" 2>/dev/null | sed "s/^/  $k: /" || true
    [ -s "$o/junit.threads.txt" ] && echo "  $k: the tests were stopped; threads in $o/junit.threads.txt"
    echo "  $k: logs in $o/ (console.log, junit.txt, uringcheck.txt, report.txt)"
  fi
}

# docs OUT RUN K...: the feature x kernel table from each kernel's KernelReport, with the run's results.
docs() {
  local out=$1 run=$2; shift 2
  local k files=() heads="" rule="" rel
  for k in "$@"; do
    files+=("$run/out/$k/report.txt")
    heads+=" $k |"; rule+="---|"
  done
  {
    echo "# Kernels the library is tested on"
    echo
    echo "Generated by \`scripts/kernel-matrix.sh\` on $(date -u +%Y-%m-%d) (do not edit by hand: run the matrix)."
    echo "Each kernel is Debian's generic amd64 image booted under qemu; \`host\` is the machine the matrix ran on."
    echo "The rows are what \`KernelReport\` (iobuf-uring test sources) saw: setup flags io_uring_setup accepts"
    echo "on their own, what a default \`Ring\` got, \`IORING_FEAT_*\` bits, opcodes from IORING_REGISTER_PROBE,"
    echo "which registrations work and what the network runtime does. Versions in parentheses are upstream's;"
    echo "distribution kernels backport (Debian's 5.10 has tagged tables, 5.13, and SQPOLL_NONFIXED, 5.11), so \`Probe\` decides."
    echo
    echo "| kernel | package | tests passed | failed | skipped | wall time |"
    echo "|---|---|---|---|---|---|"
    for k in "$@"; do
      rel=$(cat "$run/out/$k/release" 2>/dev/null || echo "?")
      local pkg="(host)"; [ "$k" = host ] || pkg=$(awk '{print $2}' "$CACHE/$k/release")
      result "$k" "$run" > /dev/null
      echo "| $k ($rel) | $pkg | $PASSED | $FAILED | $SKIPPED | $(cat "$run/out/$k/wall" 2>/dev/null || echo '?') s |"
    done
    echo
    echo "| feature |$heads"
    echo "|---|$rule"
    awk -F'\t' -v n="$#" '
      FNR == 1 { col++ }
      NF != 3 { next }
      { key = $1 ": " $2; if (!(key in seen)) { seen[key] = 1; order[++rows] = key }
        v = $3; if (v ~ /^no: /) v = "no"; else if (v ~ /^yes /) v = "yes"; cell[key, col] = v }
      END { for (r = 1; r <= rows; r++) { line = "| " order[r] " |"
              for (c = 1; c <= n; c++) line = line " " ((order[r], c) in cell ? cell[order[r], c] : "?") " |"
              print line } }' "${files[@]}"
    echo
    echo "## Refusals, as the library reported them"
    echo
    for k in "$@"; do
      awk -F'\t' -v k="$k" 'NF == 3 && $1 ~ /registration|network runtime|default ring/ && $3 ~ /^no: / {
        sub(/^no: /, "", $3); print "- " k ", " $2 ": " $3 }' "$run/out/$k/report.txt"
    done
    echo
    echo "## Skipped tests (feature newer than the kernel)"
    echo
    for k in "$@"; do
      awk -v k="$k" '/:: ABORTED/ { name = $0; sub(/ :: ABORTED.*/, "", name); sub(/^JUnit Jupiter > /, "", name)
                      getline why; sub(/^[ \t]*[A-Za-z0-9.]*Exception: /, "", why); sub(/^Assumption failed: /, "", why)
                      sub(/, skipping.*/, "", why); if (length(why) > 160) why = substr(why, 1, 157) "..."
                      print "- " k ", " name ": " why }' \
        "$run/out/$k/junit.txt"
      grep '^skip ' "$run/out/$k/uringcheck.txt" 2>/dev/null | sed "s/^/- $k, UringCheck /" || true
    done
    echo
    cat <<'NOTES'
## What differs on older kernels (and what the library does about it)

- Setup flags a kernel lacks are dropped from the defaults, newest first, without a word; asked for
  explicitly (`RingBuilder`), they raise `UnsupportedFeatureException` naming the flags and the Linux
  version that has them. The same goes for a registered ring fd (5.18).
- Before 5.19 there is no IORING_RSRC_REGISTER_SPARSE: an empty file table, and a sparse buffer table,
  are registered with every slot spelled out as empty (-1 / a zero iovec).
- Before 6.13 unregistering a whole buffer or file table waits until no request uses it and posts no
  tag CQEs: `RegisteredBuffers.close()` and `RegisteredFiles.close()` release every slot themselves when
  the call returns (from 6.13 on the kernel posts one tag per slot, once its requests finished).
- Before 5.19 there is no IORING_ASYNC_CANCEL_ANY: `Ring.close()` cannot cancel what is in flight; it
  waits up to 5 s for completions that come on their own, then leaves the rest to the kernel's teardown
  of the ring, with a warning (keep the buffers of such operations alive).
- Provided-buffer rings (5.19), incremental ones (6.12) and FILE_ALLOC_RANGE (6.0) raise
  `UnsupportedFeatureException`; `UringCheck` prints `skip buffer-ring` where the kernel lacks them.

## The network runtime before Linux 5.19

The io_uring network runtime (`dev.iobuf.uring.net`) needs provided-buffer rings and multishot accept
(Linux 5.19). On an older kernel `EventLoopGroup.Builder.build()` throws `UnsupportedFeatureException`
naming IORING_REGISTER_PBUF_RING (5.19), and the network tests skip with that reason. The NIO
transport (issue 15) is to be the fallback for those kernels.

## How the matrix runs

`scripts/kernel-matrix.sh [KERNEL...]` downloads the newest Debian generic amd64 image of each series
(`apt-get download` under a private apt state in `~/.cache/iobuf-kernels`, never installed), boots it
under qemu (TCG: the CPU offers no vmx/svm here) with a busybox + virtio/9p initramfs that mounts the
host's root read-only, and runs, in the guest: `KernelReport` (this table), the JUnit console launcher
over the `@KernelTest` classes (tag `kernel`; a feature newer than the kernel makes a test skip with the
reason) and `UringCheck`. `scripts/test.sh` runs it after the Maven build (`IOBUF_SKIP_KERNELS=1`
switches it off).
NOTES
  } > "$out"
}

# ---- main ----
main() {
  local kernels=("$@")
  [ ${#kernels[@]} -gt 0 ] || kernels=("${ALL_KERNELS[@]}")
  local k
  for k in "${kernels[@]}"; do known_kernel "$k" || die "unknown kernel '$k': choose from ${ALL_KERNELS[*]}"; done
  pick_jdk
  ensure_maven
  ensure_tools
  for k in "${kernels[@]}"; do [ "$k" = host ] || prepare "$k"; done
  local run; run=$(mktemp -d "$CACHE/run.XXXXXX")
  build "$run"
  local active=0
  for k in "${kernels[@]}"; do
    echo "kernel $k: running (log: $run/out/$k/)" >&2
    run_one "$k" "$run" &
    active=$((active + 1))
    if [ "$active" -ge "$JOBS" ]; then wait -n || true; active=$((active - 1)); fi
  done
  wait || true
  local total_ok=0 total_fail=0 total_skip=0
  for k in "${kernels[@]}"; do
    result "$k" "$run"
    echo "kernel $k: $(cat "$run/out/$k/wall" 2>/dev/null || echo '?') s wall"
    total_ok=$((total_ok + PASSED)); total_fail=$((total_fail + FAILED)); total_skip=$((total_skip + SKIPPED))
  done
  if [ "$(printf '%s\n' "${kernels[@]}" | sort -u)" = "$(printf '%s\n' "${ALL_KERNELS[@]}" | sort -u)" ]; then
    mkdir -p "$(dirname "$DOCS")"
    docs "$DOCS" "$run" "${ALL_KERNELS[@]}"
    echo "$DOCS regenerated"
  else
    docs "$run/kernels.md" "$run" "${kernels[@]}"
    echo "not every kernel ran: the table is in $run/kernels.md ($DOCS is left alone)"
  fi
  echo "$total_skip skipped"
  echo "$total_ok passed, $total_fail failed"
  [ "$total_fail" -eq 0 ] || exit 1
  rm -rf "$run"
}
main "$@"
