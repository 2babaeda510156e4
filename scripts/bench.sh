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
#   nop    NOPs through our Ring (JMH, NopBench) vs a C liburing loop of our own
#          (benchmarks/native/nop_bench.c, built with gcc in the run), batches of 1 and 32, same
#          ring flags; bytes/op (-prof gc). About 2-3 min. Results: benchmarks/results/nop.json
#          (ours) and nop-c.txt (C)
#   file   4 KiB random reads of a 1 GiB file (made once, reused: BENCH_FILE=path to move it off
#          benchmarks/results/), QD 32, one thread: our Ring (JMH, FileRandomReadBench: READ_FIXED,
#          registered file) vs fio's io_uring engine (--fixedbufs --registerfiles), buffered (page
#          cache) and O_DIRECT, fio and ours in turns, BENCH_ROUNDS rounds (default 3), medians; and
#          FileChannel positional reads (1 and 32 threads). About 3.5 min on 2 cores (plus ~5 s to
#          make the file; waits while another JMH run holds its lock). Results:
#          benchmarks/results/file.tsv (+ file-r*.json)
#   fileapi  the file API (dev.iobuf.uring.file) from virtual threads: 4 KiB random reads of the
#          same 1 GiB file from 1, 16 and 256 virtual threads, ours (UringFile, registered pool buffers)
#          vs FileChannel on the same virtual threads, buffered and O_DIRECT, plus fio io_uring O_DIRECT
#          at the same depth; IOPS and process CPU per read (harness FileApiBench, one JVM per
#          measurement, BENCH_FILEAPI_SECONDS measured after 2 s of warm-up, default 5); and the bytes
#          the blocking path allocates per read. About 2 min. Results: benchmarks/results/fileapi.tsv
#   http   HTTP plaintext under wrk (-t1 -c64 -d10s, and 16-deep pipelined) and echo throughput
#          (64 connections x 4 KiB): our examples (HttpServer, EchoServer) vs Netty 4.2 io_uring,
#          Netty epoll and JDK NIO servers of benchmarks/ (dev.iobuf.bench.http), each pinned to
#          one core, in turns over 3 rounds; req/s, server CPU us/request, p50/p99, bytes
#          allocated/request. Runs scripts/bench-http.sh (its header tells the knobs; extra
#          arguments are not taken). About 6-7 min. Results: benchmarks/results/http.txt
#   https  HTTPS plaintext (keep-alive) under wrk: HttpServer --tls vs Netty 4.2 io_uring with an
#          SslHandler on the JDK provider (same key store), each pinned to one core, in turns over
#          3 rounds; RESULT https.plaintext cpu_ratio=R rps_ratio=Q. Runs scripts/bench-https.sh.
#          About 2 min. Results: benchmarks/results/https.txt
#
# Charts (no run):
#   scripts/bench.sh --charts [FILE]
#                      PNG bar charts, one per suite (ours vs each peer, the ratio ours/peer under each
#                      peer), from the RESULT lines in FILE (default benchmarks/charts/results.txt, the
#                      quiet-machine figures of benchmarks/README.md) into benchmarks/charts/; gnuplot
#                      (gnuplot-nox) from apt when missing
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
SUITES="pool nop file fileapi http https"

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

# ----------------------------------------------------------------------------------------------- nop

NOP_C_SRC=benchmarks/native/nop_bench.c
NOP_C_BIN=benchmarks/target/nop_bench

# Builds the C peer with gcc on every run (a second; never stale against its source).
build_nop_c() {
  command -v gcc >/dev/null || ensure_apt gcc libc6-dev
  [ -f /usr/include/liburing.h ] || ensure_apt liburing-dev
  mkdir -p "$(dirname "$NOP_C_BIN")"
  echo "+ gcc -O2 -Wall -Wextra -o $NOP_C_BIN $NOP_C_SRC -luring" >&2
  gcc -O2 -Wall -Wextra -o "$NOP_C_BIN" "$NOP_C_SRC" -luring
}

# run_nop_c OUT RUNS DURATION_MS WARMUP_MS : the C loop at batch 1 and 32, its lines appended to OUT
run_nop_c() {
  local out=$1 runs=$2 dur=$3 warm=$4 b
  for b in 1 32; do
    echo "+ $NOP_C_BIN $b $dur $warm $runs" >&2
    "$NOP_C_BIN" "$b" "$dur" "$warm" "$runs" | tee -a "$out" >&2
  done
}

suite_nop() {
  local name=nop run c_runs=5 c_ms=1000 c_warm=500
  [ "$QUICK" = 1 ] && name=nop-quick           # a smoke run never overwrites the real results
  if [ "$REPORT_ONLY" = 1 ]; then
    report_nop "$RESULTS/$name.json" "$RESULTS/$name-c.txt"
    return
  fi
  if [ -n "${BENCH_RUN:-}" ]; then
    read -r -a run <<<"$BENCH_RUN"
  elif [ "$QUICK" = 1 ]; then
    run=(-f 1 -wi 1 -w 200ms -i 1 -r 200ms)
    c_runs=1 c_ms=200 c_warm=100
  else
    run=(-f 2 -wi 3 -w 1s -i 5 -r 1s)
  fi
  build_nop_c
  mkdir -p "$RESULTS"
  : >"$RESULTS/$name-c.txt"
  # C runs before and after JMH, one median over both: load from other jobs that comes and goes
  # during the run then weighs on both sides alike.
  run_nop_c "$RESULTS/$name-c.txt" "$c_runs" "$c_ms" "$c_warm"
  run_jmh "$name" 'dev\.iobuf\.bench\.NopBench\.' "${run[@]}" -prof gc "${EXTRA[@]}"
  run_nop_c "$RESULTS/$name-c.txt" "$c_runs" "$c_ms" "$c_warm"
  report_nop "$RESULTS/$name.json" "$RESULTS/$name-c.txt"
}

# Table (ours per setup, C), targets, RESULT lines; from the JMH JSON and the C program's output.
report_nop() {
  [ -f "$1" ] && [ -f "$2" ] || die "no results at $1 and $2: run scripts/bench.sh nop first"
  python3 - "$1" "$2" <<'PY'
import json, math, re, statistics, sys

jpath, cpath = sys.argv[1], sys.argv[2]
def f(x):
    return None if x is None else float(x)   # JMH writes NaN as the string "NaN"

ours = {}
for r in json.load(open(jpath)):
    method = r["benchmark"].rsplit(".", 1)[-1]          # batch1, batch32
    setup = r.get("params", {}).get("setup", "?")
    prim = r["primaryMetric"]
    gc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
    raw = [f(x) for fork in prim.get("rawData", []) for x in fork]
    ours[(method, setup)] = {
        "mean": f(prim["score"]), "err": f(prim.get("scoreError")),
        "median": statistics.median(raw) if raw else None, "best": max(raw) if raw else None, "n": len(raw),
        "bytes": f(gc["score"]) if gc else None,
        "bytes_raw": [f(x) for fork in gc.get("rawData", []) for x in fork] if gc else [],
    }

c = {}
for line in open(cpath):
    m = re.match(r"nop_bench batch=(\d+) entries=\d+ run=\d+ ops_per_s=(\S+) user_ns_per_op=(\S+) sys_ns_per_op=(\S+)", line)
    if m:
        c.setdefault("batch" + m.group(1), []).append(tuple(float(x) for x in m.group(2, 3, 4)))

def cmed(method, i=0):
    runs = c.get(method, [])
    return statistics.median(r[i] for r in runs) if runs else None

def cbest(method):
    runs = c.get(method, [])
    return max(r[0] for r in runs) if runs else None

def get(method, setup, key):
    row = ours.get((method, setup))
    return None if row is None else row[key]

def num(x, fmt="{:.0f}"):
    return "n/a" if x is None or (isinstance(x, float) and math.isnan(x)) else fmt.format(x)

def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b

def mops(x):
    return None if x is None else x / 1e6

print()
print(f"nop suite: {jpath} (ours, JMH) and {cpath} (C liburing {len(c.get('batch1', []))} + "
      f"{len(c.get('batch32', []))} runs, before and after JMH)")
print("one op = one NOP (SQE in, CQE out); batch B = B NOPs per io_uring_enter(submit B, wait B)")
print("matched = our Ring with the C peer's flags (SINGLE_ISSUER, COOP_TASKRUN|TASKRUN_FLAG, SUBMIT_ALL,")
print("          CLAMP, registered ring fd); default = Ring.open(64), which adds NO_SQARRAY (liburing 2.3 cannot)")
print("Mops/s; ours: median of JMH iterations (and JMH mean ± 99.9% error); C: median of its runs")
print("best = best JMH iteration / best C run: what each side does when other jobs leave the machine alone")
print(f"{'batch':<8} {'ours matched':>13} {'JMH mean':>16} {'ours default':>13} {'C liburing':>11}"
      f" {'matched/C':>10} {'default/C':>10} {'best ours':>10} {'best C':>7} {'best/best':>10}"
      f" {'ours B/op':>10} {'C user ns/op':>13} {'C sys ns/op':>12}")
for m in ("batch1", "batch32"):
    om, od, cm = get(m, "matched", "median"), get(m, "default", "median"), cmed(m)
    mean, err = get(m, "matched", "mean"), get(m, "matched", "err")
    jmh = num(mops(mean), "{:.2f}") + ("" if err is None or math.isnan(err) else " ±" + num(mops(err), "{:.2f}"))
    print(f"{m:<8} {num(mops(om), '{:.2f}'):>13} {jmh:>16} {num(mops(od), '{:.2f}'):>13} {num(mops(cm), '{:.2f}'):>11}"
          f" {num(ratio(om, cm), '{:.2f}x'):>10} {num(ratio(od, cm), '{:.2f}x'):>10}"
          f" {num(mops(get(m, 'matched', 'best')), '{:.2f}'):>10} {num(mops(cbest(m)), '{:.2f}'):>7}"
          f" {num(ratio(get(m, 'matched', 'best'), cbest(m)), '{:.2f}x'):>10}"
          f" {num(get(m, 'matched', 'bytes'), '{:.3f}'):>10} {num(cmed(m, 1), '{:.1f}'):>13} {num(cmed(m, 2), '{:.1f}'):>12}")

allocs = [b for m in ("batch1", "batch32") for s in ("matched", "default")
          for b in [get(m, s, "bytes")] if b is not None]
alloc = max(allocs) if allocs else None
# JMH's bytes/op is the mean of the iterations; a single iteration that caught a one-off
# allocation elsewhere in the JVM lifts it, so the per-iteration median is shown as well.
alloc_iters = [x for m in ("batch1", "batch32") for s in ("matched", "default")
               for x in (get(m, s, "bytes_raw") or [])]
alloc_med = statistics.median(alloc_iters) if alloc_iters else None

def verdict(ok):
    return "n/a" if ok is None else ("met" if ok else "MISSED")

r1 = ratio(get("batch1", "matched", "median"), cmed("batch1"))
r32 = ratio(get("batch32", "matched", "median"), cmed("batch32"))
print()
print("targets:")
b1 = ratio(get("batch1", "matched", "best"), cbest("batch1"))
b32 = ratio(get("batch32", "matched", "best"), cbest("batch32"))
print(f"  batch 1  >= 0.95x C liburing (issue 18): {num(r1, '{:.2f}x')} {verdict(None if r1 is None else r1 >= 0.95)}"
      f" (best vs best: {num(b1, '{:.2f}x')})")
print(f"  batch 32 >= 0.95x C liburing (issue 18): {num(r32, '{:.2f}x')} {verdict(None if r32 is None else r32 >= 0.95)}"
      f" (best vs best: {num(b32, '{:.2f}x')})")
print(f"  0 bytes/op (ours, every benchmark; < 0.01 counts as 0): max of JMH means {num(alloc, '{:.3f}')}"
      f" (median iteration {num(alloc_med, '{:.4f}')}) {verdict(None if alloc is None else alloc < 0.01)}")
print()
for m in ("batch1", "batch32"):
    om, cm = get(m, "matched", "median"), cmed(m)
    print(f"RESULT nop.{m} ours_ops={num(om)} c_ops={num(cm)} ratio={num(ratio(om, cm), '{:.3f}')}")
print(f"RESULT nop.alloc ours_bytes_per_op={num(alloc, '{:.3f}')}")
for m in ("batch1", "batch32"):
    ob, cb = get(m, "matched", "best"), cbest(m)
    print(f"RESULT nop.{m}.best ours_ops={num(ob)} c_ops={num(cb)} ratio={num(ratio(ob, cb), '{:.3f}')}")
for m in ("batch1", "batch32"):
    od, cm = get(m, "default", "median"), cmed(m)
    print(f"RESULT nop.{m}.default ours_ops={num(od)} c_ops={num(cm)} ratio={num(ratio(od, cm), '{:.3f}')}")
PY
}

# ---------------------------------------------------------------------------------------------- file

# The data file: 1 GiB of random bytes, made once and reused (benchmarks/results/ is not in git).
FILE_DATA=${BENCH_FILE:-benchmarks/results/randread-1g.dat}
FILE_BYTES=1073741824

# Makes the data file if it is missing or of another size, on a file system that takes O_DIRECT,
# written back to disk (so that O_DIRECT reads go to the device, not to dirty pages).
ensure_file_data() {
  local dir fs
  dir=$(dirname "$FILE_DATA")
  mkdir -p "$dir"
  fs=$(stat -f -c %T "$dir")
  case "$fs" in
    tmpfs|ramfs) die "$dir is on $fs, which cannot measure O_DIRECT reads: set BENCH_FILE to a path on a disk file system" ;;
  esac
  if [ ! -f "$FILE_DATA" ] || [ "$(stat -c %s "$FILE_DATA")" != "$FILE_BYTES" ]; then
    echo "+ head -c $FILE_BYTES /dev/urandom > $FILE_DATA && sync $FILE_DATA   (once; reused by later runs)" >&2
    head -c "$FILE_BYTES" /dev/urandom >"$FILE_DATA.tmp"
    sync "$FILE_DATA.tmp"
    mv "$FILE_DATA.tmp" "$FILE_DATA"
  fi
  dd if="$FILE_DATA" of=/dev/null bs=4096 count=1 iflag=direct status=none 2>/dev/null \
    || die "O_DIRECT reads of $FILE_DATA fail ($fs): set BENCH_FILE to a path on a file system that supports O_DIRECT"
  echo "data file: $FILE_DATA, $FILE_BYTES bytes on $fs ($(df -P "$dir" | awk 'NR==2 {print $1}'))" >&2
}

# Waits (up to BENCH_WAIT seconds, default 600) until no other JMH run holds /tmp/jmh.lock, so that a
# turn neither fails on JMH's lock nor shares the two cores with another benchmark. Python's lockf
# takes the same fcntl lock as JMH's FileChannel.tryLock, and lets go at once.
wait_jmh_lock() {
  local waited=0 limit=${BENCH_WAIT:-600}
  while ! python3 -c 'import fcntl; fcntl.lockf(open("/tmp/jmh.lock", "a"), fcntl.LOCK_EX | fcntl.LOCK_NB)' 2>/dev/null; do
    [ "$waited" = 0 ] && echo "waiting for another JMH run to finish (/tmp/jmh.lock is held)" >&2
    [ "$waited" -ge "$limit" ] && die "another JMH run held /tmp/jmh.lock for ${limit}s; try again later (BENCH_WAIT=seconds)"
    sleep 2
    waited=$((waited + 2))
  done
}

# file_record TSV ROUND CONTENDER MODE IOPS : one measurement, one line
file_record() { printf '%s\t%s\t%s\t%s\n' "$2" "$3" "$4" "$5" >>"$1"; }

# run_fio DIRECT(0|1) RUNTIME RAMP [IODEPTH, default 32] -> prints fio's read IOPS
run_fio() {
  wait_jmh_lock
  local args=(--name=randread4k --filename="$FILE_DATA" --size=1g --ioengine=io_uring --fixedbufs --registerfiles
              --iodepth="${4:-32}" --rw=randread --bs=4k --direct="$1" --time_based --runtime="$2" --ramp_time="$3"
              --invalidate=0 --norandommap --randrepeat=0 --output-format=json)
  echo "+ fio ${args[*]}" >&2
  fio "${args[@]}" | python3 -c 'import json, sys; print(json.load(sys.stdin)["jobs"][0]["read"]["iops"])'
}

# jmh_scores JSON -> "method score" per benchmark in the JMH JSON
jmh_scores() {
  python3 - "$1" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1])):
    print(r["benchmark"].rsplit(".", 1)[-1], r["primaryMetric"]["score"])
PY
}

# Rounds of fio (A) and ours (B) in turn, buffered then O_DIRECT, then the FileChannel peer; each
# turn's IOPS go to a TSV, the report takes medians over rounds.
suite_file() {
  local name=file run rounds=${BENCH_ROUNDS:-3} fio_s=5 fio_ramp=1 r tsv m s
  [ "$QUICK" = 1 ] && name=file-quick
  tsv=$RESULTS/$name.tsv
  if [ "$REPORT_ONLY" = 1 ]; then
    report_file "$tsv"
    return
  fi
  if [ -n "${BENCH_RUN:-}" ]; then
    read -r -a run <<<"$BENCH_RUN"
  elif [ "$QUICK" = 1 ]; then
    run=(-f 1 -wi 1 -w 200ms -i 1 -r 200ms)
    rounds=1 fio_s=1 fio_ramp=0
  else
    run=(-f 2 -wi 2 -w 1s -i 3 -r 1s)
  fi
  command -v fio >/dev/null || ensure_apt fio
  ensure_file_data
  mkdir -p "$RESULTS"
  : >"$tsv"
  local p=(-p file="$FILE_DATA")
  for r in $(seq 1 "$rounds"); do
    echo "=== round $r of $rounds" >&2
    cat "$FILE_DATA" >/dev/null                 # page cache: every buffered read hits memory
    file_record "$tsv" "$r" fio buffered "$(run_fio 0 "$fio_s" "$fio_ramp")"
    wait_jmh_lock
    run_jmh "$name-r$r-ours-buffered" 'dev\.iobuf\.bench\.FileRandomReadBench\.read$' "${run[@]}" "${p[@]}" \
      -p direct=false "${EXTRA[@]}"
    file_record "$tsv" "$r" ours buffered "$(jmh_scores "$RESULTS/$name-r$r-ours-buffered.json" | awk '{print $2}')"
    wait_jmh_lock
    run_jmh "$name-r$r-fc" 'dev\.iobuf\.bench\.FileChannelRandomReadBench\.' "${run[@]}" "${p[@]}" "${EXTRA[@]}"
    while read -r m s; do
      file_record "$tsv" "$r" "fc-$m" buffered "$s"
    done < <(jmh_scores "$RESULTS/$name-r$r-fc.json")
    file_record "$tsv" "$r" fio direct "$(run_fio 1 "$fio_s" "$fio_ramp")"
    wait_jmh_lock
    run_jmh "$name-r$r-ours-direct" 'dev\.iobuf\.bench\.FileRandomReadBench\.read$' "${run[@]}" "${p[@]}" \
      -p direct=true "${EXTRA[@]}"
    file_record "$tsv" "$r" ours direct "$(jmh_scores "$RESULTS/$name-r$r-ours-direct.json" | awk '{print $2}')"
  done
  report_file "$tsv"
}

# Per-round table, medians, targets, RESULT lines; from the TSV of suite_file.
report_file() {
  [ -f "$1" ] || die "no results at $1: run scripts/bench.sh file first"
  python3 - "$1" <<'PY'
import collections, math, statistics, sys

path = sys.argv[1]
runs = collections.defaultdict(list)     # (contender, mode) -> [iops per round]
rounds = set()
for line in open(path):
    r, who, mode, iops = line.rstrip("\n").split("\t")
    rounds.add(int(r))
    runs[(who, mode)].append(float(iops))

def med(who, mode):
    v = runs.get((who, mode))
    return statistics.median(v) if v else None

def num(x, fmt="{:.0f}"):
    return "n/a" if x is None or (isinstance(x, float) and math.isnan(x)) else fmt.format(x)

def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b

rows = [("fio", "buffered", "fio io_uring, fixedbufs + registerfiles, QD 32"),
        ("ours", "buffered", "ours: Ring, READ_FIXED + fixed file, QD 32 (JMH)"),
        ("fc-oneThread", "buffered", "FileChannel.read(buf, pos), 1 thread"),
        ("fc-threads32", "buffered", "FileChannel.read(buf, pos), 32 threads"),
        ("fio", "direct", "fio io_uring, O_DIRECT, QD 32"),
        ("ours", "direct", "ours, O_DIRECT, QD 32 (JMH)")]
print()
print(f"file suite: {path} ({len(rounds)} round(s); fio and ours in turns, medians over rounds)")
print("4 KiB random reads of a 1 GiB file, one thread (unless said); IOPS per round, then the median")
print(f"{'contender':<52} {'mode':<9} {'rounds':<34} {'median':>9}")
for who, mode, label in rows:
    v = runs.get((who, mode), [])
    print(f"{label:<52} {mode:<9} {' '.join(num(x) for x in v):<34} {num(med(who, mode)):>9}")

ob, fb = med("ours", "buffered"), med("fio", "buffered")
od, fd = med("ours", "direct"), med("fio", "direct")
f1, f32 = med("fc-oneThread", "buffered"), med("fc-threads32", "buffered")
rb, rd = ratio(ob, fb), ratio(od, fd)

def verdict(x, target):
    return "n/a" if x is None else ("met" if x >= target else "MISSED")

print()
print("targets:")
print(f"  buffered >= 1.0x fio: {num(rb, '{:.2f}x')} {verdict(rb, 1.0)}")
print(f"  O_DIRECT >= 1.0x fio: {num(rd, '{:.2f}x')} {verdict(rd, 1.0)}")
print()
print(f"RESULT file.randread4k ours_iops={num(ob)} fio_iops={num(fb)} ratio={num(rb, '{:.3f}')}")
print(f"RESULT file.randread4k.direct ours_iops={num(od)} fio_iops={num(fd)} ratio={num(rd, '{:.3f}')}")
print(f"RESULT file.randread4k.filechannel ours_iops={num(ob)} fc_iops={num(f1)} ratio={num(ratio(ob, f1), '{:.3f}')}")
print(f"RESULT file.randread4k.filechannel32 ours_iops={num(ob)} fc_iops={num(f32)} ratio={num(ratio(ob, f32), '{:.3f}')}")
PY
}

# ------------------------------------------------------------------------------------------- fileapi

# One JVM per measurement (FileApiBench): ours and FileChannel on the same virtual threads, buffered
# then O_DIRECT, fio at the same depth for O_DIRECT; then the allocation run. TSV lines:
# contender direct threads iops cpu_ns_per_op (and "alloc - - bytes_per_op -").
suite_fileapi() {
  local name=fileapi warm=2 meas=${BENCH_FILEAPI_SECONDS:-5} fio_s=5 fio_ramp=1 reads=200000 tsv d t who line
  if [ "$QUICK" = 1 ]; then
    name=fileapi-quick warm=0.5 meas=1 fio_s=1 fio_ramp=0 reads=20000
  fi
  tsv=$RESULTS/$name.tsv
  if [ "$REPORT_ONLY" = 1 ]; then
    report_fileapi "$tsv"
    return
  fi
  command -v fio >/dev/null || ensure_apt fio
  ensure_file_data
  mkdir -p "$RESULTS"
  : >"$tsv"
  local java=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$JAR")
  for d in 0 1; do
    for t in 1 16 256; do
      [ "$d" = 0 ] && cat "$FILE_DATA" >/dev/null     # page cache: every buffered read hits memory
      for who in ours fc; do
        wait_jmh_lock
        echo "+ java FileApiBench read $FILE_DATA $who $t $d $warm $meas" >&2
        line=$("${java[@]}" dev.iobuf.bench.FileApiBench read "$FILE_DATA" "$who" "$t" "$d" "$warm" "$meas" | grep '^fileapi ')
        echo "  $line" >&2
        printf '%s\t%s\t%s\t%s\t%s\n' "$who" "$d" "$t" "$(kv iops "$line")" "$(kv cpu_ns_per_op "$line")" >>"$tsv"
      done
      if [ "$d" = 1 ]; then
        printf 'fio\t1\t%s\t%s\tnan\n' "$t" "$(run_fio 1 "$fio_s" "$fio_ramp" "$t")" >>"$tsv"
      fi
    done
  done
  line=$("${java[@]}" dev.iobuf.bench.FileApiBench alloc "$FILE_DATA" "$reads" | grep '^fileapi ')
  echo "  $line" >&2
  printf 'alloc\t-\t-\t%s\t-\n' "$(kv blocking_bytes_per_op "$line")" >>"$tsv"
  report_fileapi "$tsv"
}

# kv KEY LINE -> the value of KEY=value in LINE
kv() { tr ' ' '\n' <<<"$2" | sed -n "s/^$1=//p"; }

report_fileapi() {
  [ -f "$1" ] || die "no results at $1: run scripts/bench.sh fileapi first"
  python3 - "$1" <<'PY'
import math, sys
rows = {}
alloc = None
for line in open(sys.argv[1]):
    who, d, t, v, cpu = line.rstrip("\n").split("\t")
    if who == "alloc":
        alloc = float(v)
        continue
    rows[(who, int(d), int(t))] = (float(v), float(cpu))

def num(x, fmt="{:.0f}"):
    return "n/a" if x is None or (isinstance(x, float) and math.isnan(x)) else fmt.format(x)

def get(who, d, t, i=0):
    r = rows.get((who, d, t))
    return None if r is None or math.isnan(r[i]) else r[i]

def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b

print()
print(f"fileapi suite: {sys.argv[1]}: 4 KiB random reads of a 1 GiB file from N virtual threads")
print(f"{'mode':<9} {'threads':>7} {'ours IOPS':>10} {'FC IOPS':>10} {'fio IOPS':>10} {'ratio':>6} "
      f"{'ours ns/op':>10} {'FC ns/op':>9} {'cpu_ratio':>9}")
for d in (0, 1):
    for t in (1, 16, 256):
        o, f, fio = get("ours", d, t), get("fc", d, t), get("fio", d, t)
        oc, fc = get("ours", d, t, 1), get("fc", d, t, 1)
        print(f"{'O_DIRECT' if d else 'buffered':<9} {t:>7} {num(o):>10} {num(f):>10} {num(fio):>10} "
              f"{num(ratio(o, f), '{:.2f}'):>6} {num(oc):>10} {num(fc):>9} {num(ratio(oc, fc), '{:.2f}'):>9}")
print()
for d, prefix in ((0, "fileapi.randread4k"), (1, "fileapi.randread4k.direct")):
    for t in (1, 16, 256):
        o, f = get("ours", d, t), get("fc", d, t)
        line = (f"RESULT {prefix}.vt{t} ours_iops={num(o)} fc_iops={num(f)} ratio={num(ratio(o, f), '{:.3f}')} "
                f"cpu_ratio={num(ratio(get('ours', d, t, 1), get('fc', d, t, 1)), '{:.3f}')}")
        if d == 1:
            line += f" fio_ratio={num(ratio(o, get('fio', d, t)), '{:.3f}')}"
        print(line)
print(f"RESULT fileapi.alloc blocking_bytes_per_op={num(alloc, '{:.1f}')}")
PY
}

# ---------------------------------------------------------------------------------------------- http

# Servers, wrk and the echo client are driven by scripts/bench-http.sh (not JMH).
suite_http() {
  local a=()
  [ "$QUICK" = 1 ] && a+=(--quick)
  [ "$REPORT_ONLY" = 1 ] && a+=(--report)
  [ ${#EXTRA[@]} -eq 0 ] || die "suite http takes no extra arguments (got: ${EXTRA[*]}); see scripts/bench-http.sh --help"
  BENCH_HTTP_JAR_READY=1 scripts/bench-http.sh "${a[@]}"   # ensure_jar just built the jar
}

# --------------------------------------------------------------------------------------------- https

suite_https() {
  local a=()
  [ "$QUICK" = 1 ] && a+=(--quick)
  [ "$REPORT_ONLY" = 1 ] && a+=(--report)
  [ ${#EXTRA[@]} -eq 0 ] || die "suite https takes no extra arguments (got: ${EXTRA[*]}); see scripts/bench-https.sh --help"
  scripts/bench-https.sh "${a[@]}"
}

# ------------------------------------------------------------------------------------------ dispatch

# Bash reads a script while it runs: keeping the work in a function read whole before it starts
# means editing this file never derails a run in progress.
# charts [RESULTS_FILE] : PNG bar charts (gnuplot) of RESULT lines into benchmarks/charts/
charts() {
  local file=${1:-benchmarks/charts/results.txt}
  [ -f "$file" ] || die "$file does not exist (RESULT lines, e.g. from scripts/bench.sh SUITE --report)"
  command -v gnuplot >/dev/null || ensure_apt gnuplot-nox
  command -v python3 >/dev/null || die "python3 is needed to read the RESULT lines (apt-get install python3)"
  python3 scripts/bench-charts.py "$file" benchmarks/charts
}

main() {
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
    --charts) charts "$@"; return ;;
    pool) ;;
    nop) ;;
    file) ;;
    fileapi) ;;
    http) ;;
    https) ;;
    *) die "unknown suite '$SUITE' (suites: $SUITES; see scripts/bench.sh --help)" ;;
  esac

  command -v python3 >/dev/null || die "python3 is needed to read the JMH JSON (apt-get install python3)"
  if [ "$REPORT_ONLY" = 0 ]; then
    pick_jdk
    ensure_jar
  fi
  "suite_$SUITE"
}

main "$@"
