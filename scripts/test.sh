#!/usr/bin/env bash
# Runs every test: unit tests of all modules, native layout conformance (gcc), io_uring tests on the
# host kernel. Installs what it needs from apt. Extra arguments go to Maven (e.g. -pl iobuf-core).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
pick_jdk
ensure_maven
ensure_apt liburing2 liburing-dev gcc libc6-dev
echo "JAVA_HOME=$JAVA_HOME ($(java_major "$JAVA_HOME")), kernel $(uname -r)"
"${MVN[@]}" verify "$@"
