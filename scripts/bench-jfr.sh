#!/usr/bin/env bash
# What a JFR recording costs the HTTP server: our examples' HttpServer under wrk with JFR off and with
# a recording running (the JDK's `default` settings, meant for production; the dev.iobuf events are on by default, summaries every second), in turns.
#
#   scripts/bench-jfr.sh [--quick]
#
# Per round: the server (one JVM pinned to SERVER_CPU, one event loop, -Xms512m -Xmx512m
# -XX:+UseParallelGC) starts, gets a warm-up wrk run, then `wrk -t1 -c64 -dS --latency` on LOAD_CPU;
# req/s, p99 and the server's CPU time per request (utime+stime from /proc/PID/stat around wrk) are
# recorded; off and on alternate, ROUNDS rounds, medians reported. The last "on" recording is kept
# (benchmarks/target/jfr-run/http-on.jfr) and `jfr summary` of it is printed for the dev.iobuf events.
# Ends with: RESULT http.jfr off_rps=.. on_rps=.. rps_ratio=.. off_cpu_us_per_req=.. on_cpu_us_per_req=.. cpu_ratio=..
#
#   --quick      1 round of 3 s (after 2 s warm-up): checks it runs; figures are noise
#   JFR_ROUNDS=3 JFR_SECONDS=10 JFR_WARMUP=5 SERVER_CPU=0 LOAD_CPU=1 JFR_PORT=18180
# On a machine shared with other work the figures are indicative only: say so next to them.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
pick_jdk
command -v wrk >/dev/null || ensure_apt wrk

QUICK=0
[ "${1:-}" = --quick ] && QUICK=1
if [ "$QUICK" = 1 ]; then ROUNDS=1 SECS=3 WARM=2; else ROUNDS=${JFR_ROUNDS:-3} SECS=${JFR_SECONDS:-10} WARM=${JFR_WARMUP:-5}; fi
SERVER_CPU=${SERVER_CPU:-0} LOAD_CPU=${LOAD_CPU:-1} PORT=${JFR_PORT:-18180}
RUN_DIR=benchmarks/target/jfr-run
mkdir -p "$RUN_DIR"
RESULTS="$RUN_DIR/results.tsv"
: >"$RESULTS"

echo "building the examples jar" >&2
"${MVN[@]}" -q -DskipTests -pl examples -am package >"$RUN_DIR/build.log" 2>&1 || die "build failed (log: $RUN_DIR/build.log)"
jar() { ls "$1"/target/"$1"-*.jar | grep -v -e sources -e javadoc -e tests | head -1; }
MP="$(jar iobuf-core):$(jar native-bindings):$(jar iobuf-uring):$(jar examples)"

SPID=""
cleanup() { [ -n "$SPID" ] && kill -TERM "$SPID" 2>/dev/null && wait "$SPID" 2>/dev/null; SPID=""; }
trap cleanup EXIT
cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }

# run MODE(off|on) ROUND
run() {
  local mode=$1 round=$2 jfr=() i t0 t1 out
  if [ "$mode" = on ]; then
    jfr=("-XX:StartFlightRecording=name=bench,settings=default,+dev.iobuf.ConnectionSummary#period=1s,filename=$RUN_DIR/http-on.jfr,dumponexit=true")
  fi
  taskset -c "$SERVER_CPU" "$JAVA_HOME/bin/java" -Xms512m -Xmx512m -XX:+UseParallelGC "${jfr[@]}" \
    --enable-native-access=dev.iobuf.core,dev.iobuf.liburing,dev.iobuf.uring --module-path "$MP" \
    -m dev.iobuf.examples/dev.iobuf.examples.HttpServer --port "$PORT" --loops 1 >"$RUN_DIR/server-$mode-$round.out" 2>&1 &
  SPID=$!
  for i in $(seq 300); do
    [ -n "$(ss -ltnH "sport = :$PORT" 2>/dev/null)" ] && break
    kill -0 "$SPID" 2>/dev/null || die "server exited (log: $RUN_DIR/server-$mode-$round.out)"
    sleep 0.1
  done
  taskset -c "$LOAD_CPU" wrk -t1 -c64 "-d${WARM}s" "http://127.0.0.1:$PORT/plaintext" >/dev/null
  t0=$(cpu_ticks "$SPID")
  out=$(taskset -c "$LOAD_CPU" wrk -t1 -c64 "-d${SECS}s" --latency "http://127.0.0.1:$PORT/plaintext")
  t1=$(cpu_ticks "$SPID")
  echo "$out" >"$RUN_DIR/wrk-$mode-$round.txt"
  local reqs p99
  reqs=$(awk '/requests in/ {print $1}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  printf '%s\t%s\t%s\t%s\t%s\n' "$mode" "$round" "$reqs" "$((t1 - t0))" "$p99" >>"$RESULTS"
  echo "  $mode round $round: $reqs requests in ${SECS}s, p99 $p99, server cpu ticks $((t1 - t0))" >&2
  cleanup
}

for r in $(seq "$ROUNDS"); do
  run off "$r"
  run on "$r"
done

echo "== dev.iobuf events in the last recording ($RUN_DIR/http-on.jfr)"
"$JAVA_HOME/bin/jfr" summary "$RUN_DIR/http-on.jfr" | grep -E 'Event Type|=====|dev\.iobuf' || echo "(none)"

python3 - "$RESULTS" "$SECS" "$(getconf CLK_TCK)" <<'PY'
import statistics, sys
rows = [l.split("\t") for l in open(sys.argv[1]).read().splitlines()]
secs, tck = float(sys.argv[2]), float(sys.argv[3])
def med(mode, f):
    return statistics.median(f(r) for r in rows if r[0] == mode)
rps = {m: med(m, lambda r: float(r[2]) / secs) for m in ("off", "on")}
cpu = {m: med(m, lambda r: float(r[3]) / tck * 1e6 / float(r[2])) for m in ("off", "on")}
print(f"{'':6} {'req/s':>10} {'cpu us/req':>11}")
for m in ("off", "on"):
    print(f"{m:6} {rps[m]:10.0f} {cpu[m]:11.3f}")
print(f"RESULT http.jfr off_rps={rps['off']:.0f} on_rps={rps['on']:.0f} rps_ratio={rps['on']/rps['off']:.3f}"
      f" off_cpu_us_per_req={cpu['off']:.3f} on_cpu_us_per_req={cpu['on']:.3f} cpu_ratio={cpu['on']/cpu['off']:.3f}")
PY
