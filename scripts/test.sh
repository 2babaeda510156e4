#!/usr/bin/env bash
# Runs every test: unit tests of all modules, native layout conformance (gcc), io_uring tests on the
# host kernel, then the kernel matrix (scripts/kernel-matrix.sh: Linux 5.10, 6.1, 6.12, 7.3 under qemu
# and the host). Installs what it needs from apt. Extra arguments go to Maven (e.g. -pl iobuf-core).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
pick_jdk
ensure_maven
# procps: kill(1), which the server tests use to send SIGINT/SIGTERM to child JVMs.
# curl, openssl, socat, wrk: peers of the TLS tests (HttpsServerTest). util-linux: prlimit and setpriv, which run
# the unprivileged low-memlock children (fallback, memlock and FixedCopy tests); Essential in Debian, named to be sure.
ensure_apt liburing2 liburing-dev gcc libc6-dev procps util-linux curl openssl socat wrk
# The 10,000-connection echo test needs ~10,500 fds in its JVM: lift the soft limit to the hard one.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
echo "JAVA_HOME=$JAVA_HOME ($(java_major "$JAVA_HOME")), kernel $(uname -r)"
# The jextract output committed in native-bindings/src/generated/java must be what jextract generates now.
scripts/regen-bindings.sh --check

# Integration suite (examples/src/test/java/**/*IT.java, run by failsafe in `verify`): the programs
# run in containers of the offline-built test image (docker/README.md). So Docker and the image come
# first; both scripts do nothing when that is already done. Switch the suite off explicitly with
#   IOBUF_SKIP_IT=1 scripts/test.sh        (Maven gets -DskipITs; Docker is not touched)
# Otherwise an unreachable Docker fails here or in the ITs, with the reason: never a silent skip.
# IOBUF_TEST_IMAGE=name:tag selects another image (built by scripts/build-image.sh under that tag).
IT_ARGS=()
case "${IOBUF_SKIP_IT:-}" in
  ""|0|false|no)
    scripts/setup-docker.sh
    scripts/build-image.sh
    if [ -n "${IOBUF_TEST_IMAGE:-}" ]; then IT_ARGS=("-Diobuf.it.image=$IOBUF_TEST_IMAGE"); fi ;;
  *)
    echo "integration tests switched off (IOBUF_SKIP_IT=$IOBUF_SKIP_IT): -DskipITs"
    IT_ARGS=(-DskipITs) ;;
esac
"${MVN[@]}" verify "${IT_ARGS[@]}" "$@"

# Kernel matrix (docs/kernels.md): the kernel-tagged tests and UringCheck on Linux 5.10, 6.1, 6.12 and 7.3
# under qemu, and on this host's kernel. Switch it off explicitly with
#   IOBUF_SKIP_KERNELS=1 scripts/test.sh
case "${IOBUF_SKIP_KERNELS:-}" in
  # the table goes to target/: docs/kernels.md changes only when someone runs the matrix on purpose
  ""|0|false|no) IOBUF_KERNEL_DOCS=target/kernels.md scripts/kernel-matrix.sh ;;
  *) echo "kernel matrix switched off (IOBUF_SKIP_KERNELS=$IOBUF_SKIP_KERNELS): only the host kernel ($(uname -r)) was tested" ;;
esac

# Last: Javadoc of the three library modules with doclint on, and a doc comment on every public
# declaration (scripts/javadoc-check.sh; the javadoc tool over the sources, about 20 s).
scripts/javadoc-check.sh
