#!/usr/bin/env bash
# Runs every test: unit tests of all modules, native layout conformance (gcc), io_uring tests on the
# host kernel. Installs what it needs from apt. Extra arguments go to Maven (e.g. -pl iobuf-core).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
pick_jdk
ensure_maven
# procps: kill(1), which the server tests use to send SIGINT/SIGTERM to child JVMs.
# curl, openssl, socat, wrk: peers of the TLS tests (HttpsServerTest).
ensure_apt liburing2 liburing-dev gcc libc6-dev procps curl openssl socat wrk
# The 10,000-connection echo test needs ~10,500 fds in its JVM: lift the soft limit to the hard one.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
echo "JAVA_HOME=$JAVA_HOME ($(java_major "$JAVA_HOME")), kernel $(uname -r)"

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
