#!/usr/bin/env bash
# The HTTPS suite of scripts/bench.sh (`scripts/bench.sh https` runs this): HTTP plaintext over TLS,
# keep-alive, our HttpServer --tls against Netty 4.2 (io_uring transport) with its SslHandler on the
# JDK's SSLEngine (SslProvider.JDK: the same provider and JDK as ours), one key store for both
# (EC P-256, made by keytool in the run).
#
#   scripts/bench-https.sh [--quick | --report]
#
# Servers: each one JVM pinned to one core (taskset -c SERVER_CPU), one event loop:
#   ours         dev.iobuf.examples.HttpServer --tls --keystore K --keystore-password P --loops 1
#   netty_uring  dev.iobuf.bench.http.NettyHttpsServer --transport io_uring --keystore K --password P
# Both are warmed up (wrk, HTTPS_WARMUP s each), then HTTPS_ROUNDS rounds, each running both in turn:
# `wrk -t1 -c64 -dNs --latency https://127.0.0.1:PORT/plaintext` on the other core. wrk keeps its
# connections (keep-alive), so the handshakes happen once per connection and the records dominate.
# Per run: requests, req/s, p99, and the server's CPU time (utime+stime from /proc/PID/stat before and
# after wrk). Medians over the rounds. cpu_ratio = ours CPU us/request / Netty's (lower is better);
# rps_ratio = ours req/s / Netty's. wrk shares the machine, so CPU per request is the figure that ranks.
#
# Output: a table, then
#   RESULT https.plaintext cpu_ratio=R rps_ratio=Q ours_rps=.. netty_uring_rps=.. ours_cpu_us_per_req=..
#          netty_uring_cpu_us_per_req=.. ours_p99_ms=.. netty_uring_p99_ms=..
# Records: benchmarks/results/https.txt (--quick: https-quick.txt); logs under benchmarks/target/https-run/.
#
# Options and environment:
#   --quick            1 round, 3 s runs, 3 s warm-up: checks that it all runs (figures are noise)
#   --report           no run: the table and RESULT line again from the last records
#   HTTPS_ROUNDS=3 HTTPS_SECONDS=10 HTTPS_WARMUP=10 HTTP_CONNECTIONS=64 SERVER_CPU=0 LOAD_CPU=1
#   HTTPS_PORT_BASE=18440 (ours listens on BASE+1, Netty on BASE+2)
#   BENCH_NO_BUILD=1   do not build the jars
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

bench_args "$@"

JAR=benchmarks/target/benchmarks.jar
RESULTS=benchmarks/results
RUN_DIR=benchmarks/target/https-run
REC=$RESULTS/https.txt
[ "$QUICK" = 1 ] && REC=$RESULTS/https-quick.txt
if [ "$QUICK" = 1 ]; then
  ROUNDS=${HTTPS_ROUNDS:-1} SECS=${HTTPS_SECONDS:-3} WARMUP=${HTTPS_WARMUP:-3}
else
  ROUNDS=${HTTPS_ROUNDS:-3} SECS=${HTTPS_SECONDS:-10} WARMUP=${HTTPS_WARMUP:-10}
fi
CONNECTIONS=${HTTP_CONNECTIONS:-64}
SERVER_CPU=${SERVER_CPU:-0}
LOAD_CPU=${LOAD_CPU:-1}
PORT_BASE=${HTTPS_PORT_BASE:-18440}

report() {
  [ -f "$1" ] || die "no records at $1: run scripts/bench.sh https first"
  python3 - "$1" <<'PY'
import statistics, sys
meta, runs = {}, {}
for line in open(sys.argv[1]):
    parts = line.split()
    kv = dict(p.split("=", 1) for p in parts[1:] if "=" in p)
    if parts[0] == "meta":
        meta.update(kv)
    elif parts[0] == "https":
        n = float(kv["requests"])
        cpu = float(kv["cpu_ticks"]) / float(kv["clk_tck"]) * 1e6 / n if n else None
        p99 = float(kv["p99_ms"]) if kv.get("p99_ms", "NA") != "NA" else None
        runs.setdefault(kv["server"], []).append((float(kv["rps"]), cpu, p99))
def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None
def fmt(x, f="{:.0f}"):
    return "NA" if x is None else f.format(x)
print(f"\nhttps suite: {sys.argv[1]}\n  {meta.get('date', '?')}; {meta.get('cpus', '?')} cpus; load average at start "
      f"{meta.get('load_start', '?')}, at end {meta.get('load_end', '?')}; JDK {meta.get('jdk', '?')}; "
      f"{meta.get('rounds', '?')} rounds x wrk -t1 -c{meta.get('connections', '?')} -d{meta.get('seconds', '?')}s (https, keep-alive)")
t = {s: tuple(med([r[i] for r in rs]) for i in range(3)) for s, rs in runs.items()}
print(f"{'server':<14} {'req/s':>10} {'cpu us/req':>11} {'p99 ms':>8} {'runs':>5}")
for s in ("ours", "netty_uring"):
    rps, cpu, p99 = t.get(s, (None, None, None))
    print(f"{s:<14} {fmt(rps):>10} {fmt(cpu, '{:.2f}'):>11} {fmt(p99, '{:.2f}'):>8} {len(runs.get(s, [])):>5}")
o, n = t.get("ours", (None,) * 3), t.get("netty_uring", (None,) * 3)
ratio = lambda a, b: None if a is None or not b else a / b
print(f"\nRESULT https.plaintext cpu_ratio={fmt(ratio(o[1], n[1]), '{:.3f}')} rps_ratio={fmt(ratio(o[0], n[0]), '{:.3f}')}"
      f" ours_rps={fmt(o[0])} netty_uring_rps={fmt(n[0])} ours_cpu_us_per_req={fmt(o[1], '{:.3f}')}"
      f" netty_uring_cpu_us_per_req={fmt(n[1], '{:.3f}')} ours_p99_ms={fmt(o[2], '{:.2f}')} netty_uring_p99_ms={fmt(n[2], '{:.2f}')}")
PY
}

if [ "$REPORT_ONLY" = 1 ]; then
  report "$REC"
  exit 0
fi

# Servers: start_server / stop_servers / cpu_ticks (scripts/lib.sh); every server is stopped on any exit.
PORT_HINT="set HTTPS_PORT_BASE"
trap stop_servers EXIT
trap 'exit 130' INT TERM

# run_wrk NAME PORT SECONDS ROUND(0 = warm-up) : one wrk run, its record appended to REC
run_wrk() {
  local name=$1 port=$2 secs=$3 round=$4 pid=${SERVER_PID[$1]} out c0 c1
  out="$RUN_DIR/wrk-$name-$round.txt"
  c0=$(cpu_ticks "$pid")
  taskset -c "$LOAD_CPU" wrk -t1 "-c$CONNECTIONS" "-d${secs}s" --latency "https://127.0.0.1:$port/plaintext" >"$out" 2>&1 \
    || die "wrk failed against $name (see $out)"
  c1=$(cpu_ticks "$pid")
  [ "$round" = 0 ] && return
  python3 - "$out" "$name" "$round" "$((c1 - c0))" "$CLK_TCK" >>"$REC" <<'PY'
import re, sys
out, name, rnd, ticks, clk = sys.argv[1:]
text = open(out).read()
req = re.search(r"(\d+) requests in", text)
rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
p99 = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
errs = sum(int(x) for x in re.findall(r"(?:connect|read|write|timeout) (\d+)", text))
if not (req and rps):
    sys.exit(f"cannot read wrk output {out}")
ms = "NA" if not p99 else round(float(p99.group(1)) * {"us": 1e-3, "ms": 1.0, "s": 1e3}[p99.group(2)], 3)
print(f"https server={name} round={rnd} requests={req.group(1)} rps={float(rps.group(1)):.1f} p99_ms={ms}"
      f" cpu_ticks={ticks} clk_tck={clk} errors={errs}")
PY
  tail -1 "$REC" | sed 's/^/  /' >&2
}

main() {
  command -v wrk >/dev/null || ensure_apt wrk
  command -v taskset >/dev/null || ensure_apt util-linux
  command -v ss >/dev/null || ensure_apt iproute2
  pick_jdk
  mkdir -p "$RESULTS" "$RUN_DIR"
  if [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
    ensure_maven
    echo "building the benchmarks and examples jars" >&2
    "${MVN[@]}" -q -DskipTests -pl benchmarks,examples -am package
  fi
  CLK_TCK=$(getconf CLK_TCK)
  declare -gA SERVER_PID
  local ks="$RUN_DIR/server.p12" pw=benchpass mp
  rm -f "$ks"
  "$JAVA_HOME/bin/keytool" -genkeypair -alias server -keyalg EC -groupname secp256r1 -dname CN=localhost -validity 2 \
    -storetype PKCS12 -keystore "$ks" -storepass "$pw" -ext SAN=dns:localhost,ip:127.0.0.1 >/dev/null 2>&1
  mp=$(ours_module_path)
  local jvm=(-Xms512m -Xmx512m -XX:+UseParallelGC)
  echo "meta date=$(date -u +%Y-%m-%dT%H:%M:%SZ) cpus=$(nproc) load_start=$(cut -d' ' -f1 /proc/loadavg)" \
       "jdk=$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.runtime.version/ {print $2}')" \
       "rounds=$ROUNDS seconds=$SECS warmup=$WARMUP connections=$CONNECTIONS quick=$QUICK" >"$REC"
  start_server ours $((PORT_BASE + 1)) "$JAVA_HOME/bin/java" "${jvm[@]}" --module-path "$mp" \
    --enable-native-access=dev.iobuf.core,dev.iobuf.liburing,dev.iobuf.uring -m dev.iobuf.examples/dev.iobuf.examples.HttpServer \
    --tls --keystore "$ks" --keystore-password "$pw" --port $((PORT_BASE + 1)) --loops 1
  SERVER_PID[ours]=$SPID
  start_server netty_uring $((PORT_BASE + 2)) "$JAVA_HOME/bin/java" "${jvm[@]}" --enable-native-access=ALL-UNNAMED \
    --sun-misc-unsafe-memory-access=allow -Dio.netty.leakDetection.level=disabled -cp "$JAR" \
    dev.iobuf.bench.http.NettyHttpsServer --transport io_uring --keystore "$ks" --password "$pw" --port $((PORT_BASE + 2)) --loops 1
  SERVER_PID[netty_uring]=$SPID
  echo "https: warm-up, $WARMUP s of wrk per server" >&2
  run_wrk ours $((PORT_BASE + 1)) "$WARMUP" 0
  run_wrk netty_uring $((PORT_BASE + 2)) "$WARMUP" 0
  for r in $(seq "$ROUNDS"); do
    echo "https: round $r of $ROUNDS" >&2
    run_wrk ours $((PORT_BASE + 1)) "$SECS" "$r"
    run_wrk netty_uring $((PORT_BASE + 2)) "$SECS" "$r"
  done
  stop_servers
  echo "meta load_end=$(cut -d' ' -f1 /proc/loadavg)" >>"$REC"
  report "$REC"
}

main; exit
