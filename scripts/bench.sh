#!/usr/bin/env bash
# Runs one benchmark suite side by side with its peers, writes JMH JSON under benchmarks/results/,
# prints a table and ends with machine-readable lines: RESULT <metric> key=value ...
#
#   scripts/bench.sh SUITE [--quick | --report] [extra JMH args...]
#
# Suites:
#   pool   BoundedPool vs JCTools MpmcArrayQueue, Agrona ManyToManyConcurrentArrayQueue,
#          ArrayBlockingQueue (as index pools) and Netty's pooled allocator: acquire+release on
#          1 and 2 threads, bytes/op (-prof gc), blocked-acquirer wake-up latency.
#          About 4-5 min on 2 cores. Results: benchmarks/results/pool.json
#
# Options and environment:
#   --report           no run: print the table and RESULT lines again from the suite's last JSON
#                      (with --quick: from the last quick run)
#   --quick            one short fork (seconds, not minutes): checks that it all runs; figures are
#                      noise. Writes SUITE-quick.json, never the suite's real results
#   BENCH_RUN="..."    replaces the suite's run length (forks, warm-up, iterations), e.g.
#                      BENCH_RUN="-f 3 -wi 5 -w 1s -i 10 -r 1s"; extra args must not repeat these options
#   BENCH_NO_BUILD=1   use benchmarks/target/benchmarks.jar as it is (default: rebuild when stale)
# Extra arguments go to JMH after the suite's own, e.g. -prof stack.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

JAR=benchmarks/target/benchmarks.jar
RESULTS=benchmarks/results
SUITES="pool"

usage() {  # usage EXIT_CODE
  sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2
  exit "$1"
}

# True when the jar is missing or older than a main source file or pom it is built from.
jar_is_stale() {
  [ -f "$JAR" ] || return 0
  [ -n "$(find pom.xml benchmarks iobuf-core native-bindings iobuf-uring \
            \( -name target -o -name results -o -path '*/src/test' \) -prune -o \
            \( -name '*.java' -o -name pom.xml \) -newer "$JAR" -print -quit)" ]
}

ensure_jar() {
  if [ "${BENCH_NO_BUILD:-0}" = 1 ]; then
    [ -f "$JAR" ] || die "$JAR is missing and BENCH_NO_BUILD=1: build it with mvn -pl benchmarks -am -DskipTests package"
    return
  fi
  if jar_is_stale; then
    echo "building $JAR (missing or older than its sources)" >&2
    ensure_maven
    "${MVN[@]}" -q -DskipTests -pl benchmarks -am package
  fi
}

# run_jmh NAME INCLUDE_REGEX JMH_ARGS... : runs the matching benchmarks, JSON to $RESULTS/NAME.json
run_jmh() {
  local name=$1 include=$2
  shift 2
  mkdir -p "$RESULTS"
  echo "+ java -jar $JAR '$include' $* -rf json -rff $RESULTS/$name.json" >&2
  # the flag only quiets JMH's own sun.misc.Unsafe warning in this harness JVM
  "$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -jar "$JAR" "$include" "$@" -rf json -rff "$RESULTS/$name.json"
}

# ---------------------------------------------------------------------------------------------- pool

suite_pool() {
  local name=pool run
  [ "$QUICK" = 1 ] && name=pool-quick          # a smoke run never overwrites the real results
  if [ "$REPORT_ONLY" = 1 ]; then
    report_pool "$RESULTS/$name.json"
    return
  fi
  if [ -n "${BENCH_RUN:-}" ]; then
    read -r -a run <<<"$BENCH_RUN"
  elif [ "$QUICK" = 1 ]; then
    run=(-f 1 -wi 1 -w 200ms -i 1 -r 200ms)
  else
    run=(-f 2 -wi 3 -w 1s -i 5 -r 1s)
  fi
  run_jmh "$name" 'dev\.iobuf\.bench\.(PoolPair1T|PoolPair2T|Wakeup)\.' "${run[@]}" -prof gc "${EXTRA[@]}"
  report_pool "$RESULTS/$name.json"
}

# Table of every contender, the targets, then the RESULT lines, all from the JMH JSON.
report_pool() {
  [ -f "$1" ] || die "no results at $1: run scripts/bench.sh pool first"
  python3 - "$1" <<'PY'
import json, math, sys

path = sys.argv[1]
def f(x):
    """JMH writes NaN as the string "NaN" (e.g. the error of a single iteration)."""
    return None if x is None else float(x)

rows = {}
for r in json.load(open(path)):
    cls, method = r["benchmark"].rsplit(".", 2)[-2:]
    prim = r["primaryMetric"]
    gc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
    rows[(cls, method)] = {
        "score": f(prim["score"]), "err": f(prim.get("scoreError")), "unit": prim["scoreUnit"],
        "pct": {k: f(v) for k, v in prim.get("scorePercentiles", {}).items()},
        "bytes": f(gc["score"]) if gc else None,
        "forks": r.get("forks"), "iters": r.get("measurementIterations"),
        "raw": [f(x) for fork in prim.get("rawData", []) for x in fork],
    }

def get(cls, method, key="score"):
    row = rows.get((cls, method))
    return None if row is None else row[key]

def num(x, fmt="{:.2f}"):
    return "n/a" if x is None or (isinstance(x, float) and math.isnan(x)) else fmt.format(x)

def pm(cls, method, fmt="{:.2f}"):
    s, e = get(cls, method), get(cls, method, "err")
    if s is None:
        return "n/a"
    return num(s, fmt) + ("" if e is None or math.isnan(e) else " ±" + num(e, fmt))

def best(cls, method):
    """Best measurement iteration (least time, most throughput): what the code does when the
    machine leaves it alone; on a shared machine the mean also counts time other jobs took."""
    row = rows.get((cls, method))
    if row is None or not row["raw"]:
        return None
    return (max if row["unit"].startswith("ops/") else min)(row["raw"])

def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b

peers = ["ours", "jctools", "agrona", "abq", "netty"]
print()
print(f"pool suite: {path}")
print("one op = acquire one element + release it; 2t = two threads on one shared pool (netty: per-thread caches)")
print("mean = JMH score (± 99.9% error); best = best measurement iteration, less hurt by other jobs")
print(f"{'contender':<10} {'1t ns/op mean':>16} {'vs jctools':>10} {'1t best':>8} {'vs jctools':>10}"
      f" {'2t ops/us mean':>16} {'vs jctools':>10} {'2t best':>8} {'vs jctools':>10} {'1t B/op':>8} {'2t B/op':>8}")
for p in peers:
    print(f"{p:<10} {pm('PoolPair1T', p):>16} {num(ratio(get('PoolPair1T', p), get('PoolPair1T', 'jctools')), '{:.2f}x'):>10}"
          f" {num(best('PoolPair1T', p)):>8} {num(ratio(best('PoolPair1T', p), best('PoolPair1T', 'jctools')), '{:.2f}x'):>10}"
          f" {pm('PoolPair2T', p):>16} {num(ratio(get('PoolPair2T', p), get('PoolPair2T', 'jctools')), '{:.2f}x'):>10}"
          f" {num(best('PoolPair2T', p)):>8} {num(ratio(best('PoolPair2T', p), best('PoolPair2T', 'jctools')), '{:.2f}x'):>10}"
          f" {num(get('PoolPair1T', p, 'bytes'), '{:.3f}'):>8} {num(get('PoolPair2T', p, 'bytes'), '{:.3f}'):>8}")

pk = rows.get(("Wakeup", "oursParked"), {}).get("pct", {})
print()
print("wake-up, one hand-off (us): release on one thread until the blocked acquirer on the other holds it")
print(f"  ours ping-pong (half a round trip, waiter spins/yields/parks):  {pm('Wakeup', 'oursPingPong')}   B/op {num(get('Wakeup', 'oursPingPong', 'bytes'), '{:.3f}')}")
print(f"  abq  ping-pong (half a round trip, waiter parks on a Condition): {pm('Wakeup', 'abqPingPong')}   B/op {num(get('Wakeup', 'abqPingPong', 'bytes'), '{:.3f}')}")
print(f"  ours parked (waiter certainly parked first): mean {num(get('Wakeup', 'oursParked'))}"
      f"  p50 {num(pk.get('50.0'))}  p90 {num(pk.get('90.0'))}  p99 {num(pk.get('99.0'))}"
      f"   B/op {num(get('Wakeup', 'oursParked', 'bytes'), '{:.3f}')}")

o1, j1 = get("PoolPair1T", "ours"), get("PoolPair1T", "jctools")
o2, j2 = get("PoolPair2T", "ours"), get("PoolPair2T", "jctools")
allocs = [b for b in (get("PoolPair1T", "ours", "bytes"), get("PoolPair2T", "ours", "bytes")) if b is not None]
alloc = max(allocs) if allocs else None
wake = get("Wakeup", "oursPingPong")
r1, r2 = ratio(o1, j1), ratio(o2, j2)

def verdict(ok):
    return "n/a" if ok is None else ("met" if ok else "MISSED")

print()
print("targets:")
b1 = ratio(best("PoolPair1T", "ours"), best("PoolPair1T", "jctools"))
b2 = ratio(best("PoolPair2T", "ours"), best("PoolPair2T", "jctools"))
print(f"  1t pair time <= 1.0x jctools: {num(r1, '{:.2f}x')} {verdict(None if r1 is None else r1 <= 1.0)}"
      f" (best iterations: {num(b1, '{:.2f}x')})")
print(f"  2t throughput >= 1.3x jctools: {num(r2, '{:.2f}x')} {verdict(None if r2 is None else r2 >= 1.3)}"
      f" (best iterations: {num(b2, '{:.2f}x')})")
print(f"  0 bytes/op (ours, 1t and 2t; < 0.01 counts as 0): {num(alloc, '{:.3f}')} {verdict(None if alloc is None else alloc < 0.01)}")
print(f"  wake-up < 50 us (ping-pong hand-off): {num(wake)} {verdict(None if wake is None else wake < 50)}")
print()
print(f"RESULT pool.pair.1t ours_ns={num(o1, '{:.3f}')} jctools_ns={num(j1, '{:.3f}')} ratio={num(r1, '{:.3f}')}")
print(f"RESULT pool.throughput.2t ours_ops={num(None if o2 is None else o2 * 1e6, '{:.0f}')} "
      f"jctools_ops={num(None if j2 is None else j2 * 1e6, '{:.0f}')} ratio={num(r2, '{:.3f}')}")
bo1, bj1 = best("PoolPair1T", "ours"), best("PoolPair1T", "jctools")
bo2, bj2 = best("PoolPair2T", "ours"), best("PoolPair2T", "jctools")
print(f"RESULT pool.alloc ours_bytes_per_op={num(alloc, '{:.3f}')}")
print(f"RESULT pool.wakeup ours_us={num(wake, '{:.3f}')}")
print(f"RESULT pool.wakeup.parked ours_us={num(get('Wakeup', 'oursParked'), '{:.3f}')} "
      f"p50_us={num(pk.get('50.0'), '{:.3f}')} p99_us={num(pk.get('99.0'), '{:.3f}')}")
print(f"RESULT pool.pair.1t.best ours_ns={num(bo1, '{:.3f}')} jctools_ns={num(bj1, '{:.3f}')} ratio={num(b1, '{:.3f}')}")
print(f"RESULT pool.throughput.2t.best ours_ops={num(None if bo2 is None else bo2 * 1e6, '{:.0f}')} "
      f"jctools_ops={num(None if bj2 is None else bj2 * 1e6, '{:.0f}')} ratio={num(b2, '{:.3f}')}")
PY
}

# ------------------------------------------------------------------------------------------ dispatch

[ $# -ge 1 ] || usage 2
SUITE=$1
shift
QUICK=0
REPORT_ONLY=0
EXTRA=()
for a in "$@"; do
  case "$a" in
    --quick) QUICK=1 ;;
    --report) REPORT_ONLY=1 ;;
    *) EXTRA+=("$a") ;;
  esac
done

case "$SUITE" in
  -h|--help|help) usage 0 ;;
  pool) ;;
  nop|file|http) die "suite '$SUITE' is planned but not written yet (suites so far: $SUITES)" ;;
  *) die "unknown suite '$SUITE' (suites: $SUITES; see scripts/bench.sh --help)" ;;
esac

command -v python3 >/dev/null || die "python3 is needed to read the JMH JSON (apt-get install python3)"
if [ "$REPORT_ONLY" = 0 ]; then
  pick_jdk
  ensure_jar
fi
"suite_$SUITE"
