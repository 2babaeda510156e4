#!/usr/bin/env bash
# The main job: builds the project and runs the HTTP/1.1 plaintext server of the examples module
# (dev.iobuf.examples.HttpServer, on the io_uring network runtime) with its embedded defaults:
# port 8080 on every interface, one event loop per core. Try it:
#   curl -i http://127.0.0.1:8080/plaintext        (or: wrk -t1 -c64 -d10s http://127.0.0.1:8080/plaintext)
# Ctrl-C (SIGINT) or SIGTERM stops it gracefully: it prints its counters and exits 0 when nothing leaked.
# Arguments go to the server, e.g. scripts/run.sh --port 9090 --loops 2 (--help lists them).
# Start-up: a JDK 25 AOT cache (JEP 483/514) under examples/target/aot/, made by a training run the
# first time (and again whenever the jars change), then reused: see http_aot_cache in scripts/lib.sh; and
# HTTP_START_OPTS (scripts/lib.sh): JIT thresholds that keep the start's one-off code interpreted.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
pick_jdk
ensure_maven
ensure_apt liburing2
# Every connection is an fd: lift the soft limit (Debian's default is 1024) to the hard one, as test.sh does.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
"${MVN[@]}" -q -DskipTests -pl examples -am package
jar() { ls "$1"/target/"$1"-*.jar | grep -v -e sources -e javadoc -e tests | head -1; }
MODULE_PATH=$(jar iobuf-core):$(jar native-bindings):$(jar iobuf-uring):$(jar examples)
# The first start after a build makes the AOT cache (a training run, a few seconds); later ones reuse it.
http_aot_cache examples/target/aot "$MODULE_PATH" "${HTTP_START_OPTS[@]}"
# exec: the server is this process, so Ctrl-C and kill reach it directly
exec "$JAVA_HOME/bin/java" "${AOT_OPTS[@]}" "${HTTP_START_OPTS[@]}" --module-path "$MODULE_PATH" "${HTTP_SERVER_MAIN[@]}" "$@"
