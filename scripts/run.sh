#!/usr/bin/env bash
# The main job: builds the project and runs the demo of the core pools.
# Arguments go to the program.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
pick_jdk
ensure_maven
ensure_apt liburing2
"${MVN[@]}" -q -DskipTests -pl examples -am package
CP=$(ls iobuf-core/target/iobuf-core-*.jar | head -1):$(ls native-bindings/target/native-bindings-*.jar | head -1):$(ls iobuf-uring/target/iobuf-uring-*.jar | head -1):$(ls examples/target/examples-*.jar | head -1)
exec "$JAVA_HOME/bin/java" --module-path "$CP" \
  --enable-native-access=dev.iobuf.core,dev.iobuf.liburing,dev.iobuf.uring \
  -m dev.iobuf.examples/dev.iobuf.examples.PoolDemo "$@"
