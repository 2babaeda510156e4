#!/usr/bin/env bash
# Shared by the scripts: find a JDK 25+, install what apt must provide. Sourced, not run.

die() { echo "error: $*" >&2; exit 1; }

# java_major HOME -> prints the feature version of the JDK at HOME, or nothing
java_major() {
  [ -x "$1/bin/java" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

# Sets and exports JAVA_HOME to a JDK 25+: JAVA_HOME if it already is one, else the newest under /usr/lib/jvm.
pick_jdk() {
  local v
  if [ -n "${JAVA_HOME:-}" ]; then
    v=$(java_major "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge 25 ]; then export JAVA_HOME; export PATH="$JAVA_HOME/bin:$PATH"; return; fi
    echo "note: JAVA_HOME=$JAVA_HOME is Java ${v:-?}, looking for a JDK 25+ under /usr/lib/jvm" >&2
  fi
  local best="" bestv=0 d
  for d in /usr/lib/jvm/*/; do
    d=${d%/}
    [ -L "$d" ] && continue
    v=$(java_major "$d")
    if [ -n "$v" ] && [ "$v" -ge 25 ] && [ "$v" -gt "$bestv" ]; then best=$d; bestv=$v; fi
  done
  [ -n "$best" ] || die "no JDK 25+ found (JAVA_HOME unset or older, nothing under /usr/lib/jvm). Install Temurin 25 (apt: temurin-25-jdk from packages.adoptium.net) or set JAVA_HOME to a JDK 25+."
  export JAVA_HOME=$best
  export PATH="$JAVA_HOME/bin:$PATH"
}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root to run: $*"; fi; }

# ensure_apt PKG... : installs the Debian packages that are not installed yet (once per call).
ensure_apt() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing from apt: ${missing[*]}" >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
    && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
}

ensure_maven() { command -v mvn >/dev/null || ensure_apt maven; }

# Maven on JDK 25 prints a sun.misc.Unsafe warning from its own guava; harmless, silenced.
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
MVN=(mvn -B -ntp)

# Docker (integration suite): true when a daemon answers the CLI.
docker_answers() { command -v docker >/dev/null && docker info >/dev/null 2>&1; }
docker_server_version() { docker version -f '{{.Server.Version}}' 2>/dev/null || echo "version ?"; }

# The examples' HTTP server: its module, its main class and the native access it needs.
HTTP_SERVER_MAIN=(--enable-native-access=dev.iobuf.core,dev.iobuf.liburing,dev.iobuf.uring
                  -m dev.iobuf.examples/dev.iobuf.examples.HttpServer)
# The JVM options scripts/run.sh starts that server with (and scripts/bench-http.sh's start measurement, which
# starts it the same way). -XX:CompileThresholdScaling=4: a method is JIT-compiled after 4x the default number of
# calls and loops. Pinned to one core, a start's compiler threads took ~40 % of the CPU to the first answer, mostly
# compiling the JDK's class spinning (FFM downcall stubs, LambdaForms) that runs a few hundred times at start and
# never again; with the factor they stay interpreted and C1/C2 use ~45 %/~75 % less CPU before the first answer.
# A request path reaches C2 after ~60,000 calls (half a second of the HTTP bench's load): the steady state runs
# the same compiled code (benchmarks/README.md, "Start time", has the measurements of both).
HTTP_START_OPTS=(-XX:CompileThresholdScaling=4)

# http_aot_cache DIR MODULE_PATH JVM_OPTION... : sets AOT_OPTS to (-XX:AOTCache=FILE), a JDK 25 AOT
# cache (JEP 483/514: classes loaded and linked, method profiles) for the examples' HttpServer,
# made once per JDK, set of JVM options and jars (path, size, mtime: the JVM refuses a cache made
# with other jars, so a rebuilt jar means a new cache) and kept in DIR. Made by a training run: the
# server on a free port with -XX:AOTCacheOutput, a few thousand requests (scripts/http-probe.py
# train), then SIGTERM; the JVM writes the cache as it exits. AOT_OPTS is empty when that failed
# (the server then starts without, a warning says why).
# The cache holds the classes (JEP 483), not the training run's method profiles (JEP 515,
# -XX:-AOTRecordTraining): replayed at start, those make C2 compile the steady-state methods before the
# first answer, ~100 ms of CPU on a start pinned to one core (benchmarks/README.md, "Start time").
AOT_TRAINING_OPTS=(-XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining)
http_aot_cache() {
  local dir=$1 mp=$2 key file port pid
  shift 2
  AOT_OPTS=()
  key=$( { "$JAVA_HOME/bin/java" -version 2>&1; printf '%s\n' "$@" "${AOT_TRAINING_OPTS[@]}"
           tr ':' '\n' <<<"$mp" | xargs stat -c '%n %s %Y'; } | sha256sum | cut -c1-16)
  file=$dir/HttpServer-$key.aot
  if [ ! -f "$file" ]; then
    mkdir -p "$dir"
    rm -f "$dir"/HttpServer-*.aot "$dir"/HttpServer-*.aot.config
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    echo "making the AOT cache $file (training run on port $port, log $dir/training.log)" >&2
    "$JAVA_HOME/bin/java" "$@" "${AOT_TRAINING_OPTS[@]}" -XX:AOTCacheOutput="$file" --module-path "$mp" "${HTTP_SERVER_MAIN[@]}" \
      --port "$port" --loops 1 >"$dir/training.log" 2>&1 &
    pid=$!
    python3 "$(dirname "${BASH_SOURCE[0]}")/http-probe.py" train "$port" 4000 120 "$pid" >>"$dir/training.log" 2>&1 \
      || echo "warning: the AOT training load failed (see $dir/training.log)" >&2
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" || true
  fi
  if [ -f "$file" ]; then
    AOT_OPTS=(-XX:AOTCache="$file")
  else
    echo "warning: no AOT cache was made (see $dir/training.log): starting without one" >&2
  fi
}

# ---- benchmark scripts (scripts/bench-http.sh, scripts/bench-https.sh) ----

# bench_args ARGS... : the arguments of a benchmark script: --quick (QUICK=1), --report (REPORT_ONLY=1),
# --help (prints the script's header comment and exits)
bench_args() {
  QUICK=0
  REPORT_ONLY=0
  local a
  for a in "$@"; do
    case "$a" in
      --quick) QUICK=1 ;;
      --report) REPORT_ONLY=1 ;;
      -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2; exit 0 ;;
      *) die "unknown argument '$a' ($0 [--quick | --report])" ;;
    esac
  done
}

# module_jar MODULE : the module's built jar (not its -sources, -javadoc or -tests jar); nothing if not built
module_jar() { ls "$1"/target/"$1"-*.jar 2>/dev/null | grep -v -e -sources -e -javadoc -e -tests | head -1 || true; }

# ours_module_path [EXAMPLES_JAR] : the module path of the examples' programs (our three jars and the examples')
ours_module_path() {
  echo "$(module_jar iobuf-core):$(module_jar native-bindings):$(module_jar iobuf-uring):${1:-$(module_jar examples)}"
}

# Each server runs pinned to SERVER_CPU, its output in RUN_DIR/NAME.out. The calling script stops them all
# on exit: `trap stop_servers EXIT`. PORT_HINT ends the message when a port is taken (which variable moves it).
SERVER_PIDS=()

# stop_servers : TERM to every server started here, then KILL after 5 s
stop_servers() {
  local pid i
  for pid in "${SERVER_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${SERVER_PIDS[@]}"; do
    for i in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  SERVER_PIDS=()
}

port_in_use() { [ -n "$(ss -ltnH "sport = :$1" 2>/dev/null)" ]; }

# start_server NAME PORT CMD... : starts CMD pinned to SERVER_CPU, waits until PORT listens; sets SPID
start_server() {
  local name=$1 port=$2 i
  shift 2
  port_in_use "$port" && die "port $port (for $name) is taken: stop what listens there or ${PORT_HINT:-use another port}"
  echo "+ taskset -c $SERVER_CPU $*" >"$RUN_DIR/$name.out"
  taskset -c "$SERVER_CPU" "$@" >>"$RUN_DIR/$name.out" 2>&1 &
  SPID=$!
  SERVER_PIDS+=("$SPID")
  for i in $(seq 600); do
    if ! kill -0 "$SPID" 2>/dev/null; then
      tail -20 "$RUN_DIR/$name.out" >&2
      die "$name exited before listening on port $port (log: $RUN_DIR/$name.out)"
    fi
    port_in_use "$port" && break
    sleep 0.1
  done
  port_in_use "$port" || die "$name did not listen on port $port within 60 s (log: $RUN_DIR/$name.out)"
  echo "  $name: pid $SPID, $(grep -m1 -i 'listen' "$RUN_DIR/$name.out" || echo "listening on $port")" >&2
}

# cpu_ticks PID : utime + stime of the whole process (all threads), in clock ticks
cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }
