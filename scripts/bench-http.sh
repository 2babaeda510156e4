#!/usr/bin/env bash
# The network suite of scripts/bench.sh (`scripts/bench.sh http` runs this): HTTP plaintext under
# wrk and echo throughput, our example servers against Netty 4.2 and JDK NIO peers, in one go.
#
#   scripts/bench-http.sh [--quick | --report]
#
# HTTP plaintext (TechEmpower shape: HTTP/1.1 keep-alive, GET -> 200 "Hello, World!" with
# Server, Date, Content-Type, Content-Length), five servers, each one process pinned to one core
# (taskset -c 0), one event loop thread:
#   A ours         dev.iobuf.examples.HttpServer --port P --loops 1 (examples module)
#   B netty_uring  dev.iobuf.bench.http.NettyHttpServer --transport io_uring (HttpServerCodec)
#   C netty_epoll  dev.iobuf.bench.http.NettyHttpServer --transport epoll
#   D nio          dev.iobuf.bench.http.NioHttpServer (one Selector thread, hand-rolled parser)
#   E ours_nio     ours with --transport nio (the runtime's JDK NIO transport, for hosts that refuse io_uring)
#   E floor        benchmarks/src/main/c/http_floor.c, C on liburing 2.3 (built here with gcc): one
#                  thread, multishot accept and recv, one send per receive, our exact response bytes;
#                  the least user-space work possible, so ours/floor CPU per request is our overhead
# All five start first and are warmed up (wrk, 10 s each, then pipelined, then HTTP_WARMUP_ROUNDS
# unrecorded rounds: every contender goes through the same connect/close cycles before round 1, so a
# deoptimisation at connection close or a late compilation of set-up code lands there, not in round 1);
# then ROUNDS rounds, each running
# A B C D in turn: `wrk -t1 -c64 -d10s --latency` on the other core (taskset -c 1), then the
# same 16-deep pipelined (benchmarks/wrk/pipeline.lua, 5 s). Per run the script records wrk's
# requests, req/s and p50/p99 latency, the server's CPU time (utime+stime from /proc/PID/stat
# just before and after wrk, clock ticks -> us) and its heap allocation (sum of `allocated=`
# over the server's threads in `jcmd PID Thread.print -e`, before and after, the Attach
# Listener that answers jcmd left out), and where the server's time went while wrk ran
# (scripts/http-tail.py: CPU of its JIT, GC/VM and loop threads, the loop's sleeps, preemptions and
# run-queue wait; compilations, deoptimisations and safepoints from each JVM's -Xlog file,
# http-NAME-jvm.log), printed per round in the "Tail" table. Figures are medians over the rounds. wrk shares the
# machine with the server, so CPU per request is the figure that ranks servers.
#
# Echo (64 connections, 4 KiB messages, each connection sends one and waits for its echo):
#   ours dev.iobuf.examples.EchoServer --port P --loops 1, vs NettyEchoServer --transport io_uring;
# load from dev.iobuf.bench.http.EchoLoad (one NIO thread on core 1), MB/s = 10^6 B echoed/s.
#
# Ours is contender A; while the examples module has no HttpServer/EchoServer class yet, its
# figures print as NA (with a note) and the peers still run.
#
# Output: a table per test, then
#   RESULT http.plaintext ours_rps=.. netty_uring_rps=.. rps_ratio=.. ours_cpu_us_per_req=..
#          netty_uring_cpu_us_per_req=.. cpu_ratio=.. ours_p99_ms=.. netty_uring_p99_ms=..
#   RESULT http.pipelined ...   RESULT http.alloc ...   RESULT echo.throughput ...
#   RESULT http.plaintext.nio cpu_ratio_vs_jdk_nio=R (ours on --transport nio / the JDK NIO server, CPU per request)
#   RESULT http.plaintext.floor cpu_ratio_vs_c=R pipelined_cpu_ratio_vs_c=P (ours / floor, CPU per request)
#   RESULT http.start ours_ms=N netty_ms=N ours_no_aot_ms=N: launch to first answered request (medians of
#          START_TRIALS launches, each pinned to SERVER_CPU; scripts/http-probe.py first-answer polls the
#          port every 2 ms). Ours as scripts/run.sh starts it, with a JDK AOT cache (made once by a training
#          run, kept in benchmarks/target/http-run/aot); ours_no_aot without it; Netty io_uring as is.
# Records: benchmarks/results/http.txt (--quick: http-quick.txt); wrk output and server logs
# (GC logs included) under benchmarks/target/http-run/.
#
# Options and environment:
#   --quick            1 round, 3 s runs, 3 s warm-up: checks that it all runs (figures are noise)
#   --report           no run: tables and RESULT lines again from the last records
#   HTTP_ROUNDS=3 HTTP_SECONDS=10 HTTP_WARMUP=10 HTTP_PIPE_SECONDS=5 (0 = no pipelined runs)
#   HTTP_WARMUP_ROUNDS=1 (--quick: 0) unrecorded rounds after the warm-up
#   HTTP_PIPELINE=16 HTTP_CONNECTIONS=64 ECHO_SECONDS=10 ECHO_WARMUP=5 ECHO_SIZE=4096
#   START_TRIALS=5 (--quick: 2) launches per server for http.start (0 = skip)
#   HTTP_SERVERS="ours ours_nio netty_uring netty_epoll nio floor" (the http contenders, in turn order)
#   ECHO_SECONDS=0     skips the echo test
#   SERVER_CPU=0 LOAD_CPU=1  (the cores for the servers and for wrk / the echo client)
#   HTTP_PORT_BASE=18080 ECHO_PORT_BASE=19080 (contender A listens on BASE+1, B on BASE+2, ...)
#   BENCH_OURS_HTTP_CMD="java ... --port %PORT%" / BENCH_OURS_ECHO_CMD: another command for
#                      ours (%PORT% is replaced; it must exec the server itself, no wrapper,
#                      since its pid is measured)
#   BENCH_NO_BUILD=1   do not build the jars (default: build benchmarks/examples when stale)
# JVM of every server: the same JDK 25 (scripts/lib.sh pick_jdk), -Xms512m -Xmx512m
# -XX:+UseParallelGC (stated, since with one core the JVM would pick Serial GC), -Xlog:gc to a file.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

bench_args "$@"

JAR=benchmarks/target/benchmarks.jar
RESULTS=benchmarks/results
RUN_DIR=benchmarks/target/http-run
REC=$RESULTS/http.txt
[ "$QUICK" = 1 ] && REC=$RESULTS/http-quick.txt   # a smoke run never overwrites the real records

if [ "$QUICK" = 1 ]; then
  ROUNDS=${HTTP_ROUNDS:-1} SECONDS_RUN=${HTTP_SECONDS:-3} WARMUP=${HTTP_WARMUP:-3} WARMUP_ROUNDS=${HTTP_WARMUP_ROUNDS:-0}
  PIPE_SECONDS=${HTTP_PIPE_SECONDS:-2} ECHO_SECONDS=${ECHO_SECONDS:-3} ECHO_WARMUP=${ECHO_WARMUP:-2}
else
  ROUNDS=${HTTP_ROUNDS:-3} SECONDS_RUN=${HTTP_SECONDS:-10} WARMUP=${HTTP_WARMUP:-10} WARMUP_ROUNDS=${HTTP_WARMUP_ROUNDS:-1}
  PIPE_SECONDS=${HTTP_PIPE_SECONDS:-5} ECHO_SECONDS=${ECHO_SECONDS:-10} ECHO_WARMUP=${ECHO_WARMUP:-5}
fi
PIPELINE=${HTTP_PIPELINE:-16}
START_TRIALS=${START_TRIALS:-$([ "$QUICK" = 1 ] && echo 2 || echo 5)}
PROBE_SECONDS=${PROBE_SECONDS:-$([ "$QUICK" = 1 ] && echo 5 || echo 8)}
PROBE_SKIP=${PROBE_SKIP:-$([ "$QUICK" = 1 ] && echo 1 || echo 2)}
CONNECTIONS=${HTTP_CONNECTIONS:-64}
ECHO_SIZE=${ECHO_SIZE:-4096}
SERVER_CPU=${SERVER_CPU:-0}
LOAD_CPU=${LOAD_CPU:-1}
HTTP_PORT_BASE=${HTTP_PORT_BASE:-18080}
ECHO_PORT_BASE=${ECHO_PORT_BASE:-19080}

read -r -a HTTP_CONTENDERS <<<"${HTTP_SERVERS:-ours ours_nio netty_uring netty_epoll nio floor}"
ECHO_CONTENDERS=(ours netty_uring)

# ------------------------------------------------------------------------------------------- report

report() {
  [ -f "$1" ] || die "no records at $1: run scripts/bench.sh http${2:+ $2} first"
  python3 - "$1" <<'PY'
import math, statistics, sys

path = sys.argv[1]
meta, notes, runs, gcs, probes, starts = {}, [], [], {}, {}, {}
for line in open(path):
    parts = line.rstrip("\n").split(" ")
    kind, kv = parts[0], {}
    if kind == "note":
        notes.append(line[5:].rstrip("\n"))
        continue
    for p in parts[1:]:
        if "=" in p:
            k, v = p.split("=", 1)
            kv[k] = v
    if kind == "meta":
        meta.update(kv)
    elif kind in ("http", "echo"):
        kv["kind"] = kind
        runs.append(kv)
    elif kind == "gc":
        gcs[kv["server"]] = kv
    elif kind == "start":
        starts.setdefault(kv["server"], []).append(kv.get("ms"))
    elif kind == "probe":
        probes[(kv["kind"], kv["server"])] = kv

def fl(x):
    try:
        v = float(x)
        return None if math.isnan(v) else v
    except (TypeError, ValueError):
        return None

def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None

def num(x, fmt="{:.0f}"):
    return "NA" if x is None else fmt.format(x)

def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b

def per_run(r):
    """Derived figures of one run: CPU us per request (or per MB), allocated bytes per request/message."""
    clk = fl(r.get("clk_tck")) or 100.0
    ticks = fl(r.get("cpu_ticks", r.get("server_cpu_ticks")))
    alloc = fl(r.get("alloc_bytes"))
    if r["kind"] == "http":
        n = fl(r.get("requests"))
        return {
            "rps": fl(r.get("rps")), "p50": fl(r.get("p50_ms")), "p99": fl(r.get("p99_ms")),
            "cpu": None if ticks is None or not n else ticks / clk * 1e6 / n,
            "alloc": None if alloc is None or not n else alloc / n,
            "errors": fl(r.get("errors")) or 0,
        }
    b, total, msg = fl(r.get("bytes")), fl(r.get("total_bytes")), fl(r.get("size")) or 4096
    return {
        "mbps": fl(r.get("mbps")),
        "cpu": None if ticks is None or not b else ticks / clk * 1e6 / (b / 1e6),   # us of server CPU per MB
        "alloc": None if alloc is None or not total else alloc / (total / msg),     # bytes per echoed message
    }

def steady(kind, server):
    """Bytes the server allocated per request (http) or per message (echo) while the load ran on open connections."""
    p = probes.get((kind, server))
    if p is None:
        return None
    alloc, rx, unit = fl(p.get("alloc_bytes")), fl(p.get("rx_bytes")), fl(p.get("unit_bytes"))
    if None in (alloc, rx, unit) or rx <= 0 or unit <= 0:
        return None
    return alloc / (rx / unit)

def window(kind, server):
    """The probe's raw figures: bytes allocated in the window, units served in it, its length."""
    p = probes.get((kind, server))
    if p is None:
        return None
    rx, unit = fl(p.get("rx_bytes")), fl(p.get("unit_bytes"))
    return p.get("alloc_bytes"), None if rx is None or not unit else rx / unit, p.get("window_s")

def table(kind, mode):
    rows = {}
    for r in runs:
        if r["kind"] == kind and r.get("mode", "-") == mode:
            rows.setdefault(r["server"], []).append(per_run(r))
    return {s: {k: med([x[k] for x in xs]) for k in xs[0]} | {"n": len(xs),
                "errors": sum(x.get("errors", 0) for x in xs)} for s, xs in rows.items()}

order = ["ours", "ours_nio", "netty_uring", "netty_epoll", "nio", "floor"]
labels = {"ours": "ours (iobuf)", "ours_nio": "ours on nio", "netty_uring": "netty io_uring", "netty_epoll": "netty epoll", "nio": "jdk nio",
          "floor": "floor (C)"}

print()
print(f"http suite: {path}")
print(f"  {meta.get('date', '?')}; {meta.get('cpus', '?')} cpus; load average at start {meta.get('load_start', '?')},"
      f" at end {meta.get('load_end', '?')}; JDK {meta.get('jdk', '?')}; wrk {meta.get('wrk', '?')}")
print(f"  servers pinned to cpu {meta.get('server_cpu', '?')}, load on cpu {meta.get('load_cpu', '?')};"
      f" JVM {meta.get('jvm', '?').replace(',', ' ')}")
print("  allocation: 'run' = heap bytes the server's threads allocated during a measured run (jcmd Thread.print -e before and")
print("  after; the 64 connects and closes included) / requests; 'steady' = the same in a window of a separate"
      f" {meta.get('probe_seconds', '?')} s probe run")
print("  while all connections are open / requests served in that window (tcp_info bytes_received / request size)")
print(f"  {meta.get('rounds', '?')} rounds x (wrk -t1 -c{meta.get('connections', '?')} -d{meta.get('seconds', '?')}s"
      f" + pipelined {meta.get('pipeline', '?')} deep -d{meta.get('pipe_seconds', '?')}s), after {meta.get('warmup', '?')} s warm-up each"
      f" and {meta.get('warmup_rounds', '0')} unrecorded round(s); medians over rounds")
for n in notes:
    print(f"  note: {n}")

def http_table(mode, title):
    t = table("http", mode)
    if not t:
        return t
    base = t.get("netty_uring", {})
    print()
    print(title)
    print(f"{'server':<16} {'req/s':>10} {'vs uring':>9} {'cpu us/req':>11} {'vs uring':>9} {'p50 ms':>8} {'p99 ms':>8}"
          f" {'B/req run':>10} {'B/req steady':>13} {'runs':>5} {'errors':>7}")
    for s in order:
        row = t.get(s)
        st = num(steady("http", s), "{:.2f}") if mode == "plain" else "-"
        if row is None:
            print(f"{labels[s]:<16} {'NA':>10} {'':>9} {'NA':>11} {'':>9} {'NA':>8} {'NA':>8} {'NA':>10} {st:>13} {0:>5} {'':>7}")
            continue
        print(f"{labels[s]:<16} {num(row['rps']):>10} {num(ratio(row['rps'], base.get('rps')), '{:.2f}x'):>9}"
              f" {num(row['cpu'], '{:.2f}'):>11} {num(ratio(row['cpu'], base.get('cpu')), '{:.2f}x'):>9}"
              f" {num(row['p50'], '{:.2f}'):>8} {num(row['p99'], '{:.2f}'):>8} {num(row['alloc'], '{:.1f}'):>10}"
              f" {st:>13} {row['n']:>5} {num(row['errors']):>7}")
    return t

plain = http_table("plain", f"HTTP plaintext, no pipelining (the RESULT figure)")
pipe = http_table("pipe", f"HTTP plaintext, {meta.get('pipeline', '?')}-deep pipelining (wrk counts responses)")
def tail_table():
    """Per round, plain runs: the p99 next to where each server's time went (scripts/http-tail.py)."""
    rows = [r for r in runs if r["kind"] == "http" and r.get("mode") == "plain"]
    if not rows or "loop_ticks" not in rows[0]:
        return
    clk = fl(rows[0].get("clk_tck")) or 100.0
    print()
    print("Tail, per round (plain runs): what each server's process did while wrk measured it. us/req = CPU per request,")
    print("  user + system; jit / gc+vm = ms of CPU on JIT compiler / GC and VM threads; compiles, deopts, safepoints in")
    print("  the run (-Xlog); sleeps = times the busiest thread (the loop) blocked for work, per 1000 requests;")
    print("  preempted = times it was switched out involuntarily; waited = ms it was runnable but another task had the core")
    print(f"{'round':>5} {'server':<16} {'p99 ms':>7} {'p50 ms':>7} {'us/req':>7} {'user':>6} {'sys':>6} {'jit ms':>7} {'gc+vm':>6}"
          f" {'compiles':>8} {'deopts':>6} {'safepts':>7} {'sleeps/k':>8} {'preempted':>9} {'waited ms':>9}")
    for r in sorted(rows, key=lambda r: (int(r.get("round", 0)), order.index(r["server"]) if r["server"] in order else 99)):
        n = fl(r.get("requests")) or 0
        us = lambda k: None if fl(r.get(k)) is None or not n else fl(r.get(k)) / clk * 1e6 / n
        ms = lambda k: None if fl(r.get(k)) is None else fl(r.get(k)) / clk * 1e3
        sleeps = None if fl(r.get("loop_sleeps")) is None or not n else fl(r.get("loop_sleeps")) * 1000 / n
        wait = None if fl(r.get("loop_wait_us")) is None else fl(r.get("loop_wait_us")) / 1000
        print(f"{r.get('round', '?'):>5} {labels.get(r['server'], r['server']):<16} {num(fl(r.get('p99_ms')), '{:.2f}'):>7}"
              f" {num(fl(r.get('p50_ms')), '{:.3f}'):>7} {num(per_run(r)['cpu'], '{:.2f}'):>7} {num(us('utime_ticks'), '{:.2f}'):>6}"
              f" {num(us('stime_ticks'), '{:.2f}'):>6} {num(ms('jit_ticks')):>7} {num(ms('gcvm_ticks')):>6}"
              f" {r.get('compiles', 'NA'):>8} {r.get('deopts', 'NA'):>6} {r.get('safepoints', 'NA'):>7}"
              f" {num(sleeps, '{:.1f}'):>8} {r.get('loop_preempted', 'NA'):>9} {num(wait, '{:.1f}'):>9}")

tail_table()
echo = table("echo", "-")
if echo:
    print()
    print(f"echo: {meta.get('echo_connections', '?')} connections x {meta.get('echo_size', '?')} B messages, one in flight each;"
          f" {meta.get('echo_seconds', '?')} s runs; MB = 10^6 B echoed")
    print(f"{'server':<16} {'MB/s':>10} {'vs uring':>9} {'cpu us/MB':>11} {'vs uring':>9} {'B/msg run':>10} {'B/msg steady':>13} {'runs':>5}")
    eb = echo.get("netty_uring", {})
    for s in ("ours", "netty_uring"):
        row = echo.get(s)
        st = num(steady("echo", s), "{:.2f}")
        if row is None:
            print(f"{labels[s]:<16} {'NA':>10} {'':>9} {'NA':>11} {'':>9} {'NA':>10} {st:>13} {0:>5}")
            continue
        print(f"{labels[s]:<16} {num(row['mbps'], '{:.1f}'):>10} {num(ratio(row['mbps'], eb.get('mbps')), '{:.2f}x'):>9}"
              f" {num(row['cpu'], '{:.0f}'):>11} {num(ratio(row['cpu'], eb.get('cpu')), '{:.2f}x'):>9}"
              f" {num(row['alloc'], '{:.1f}'):>10} {st:>13} {row['n']:>5}")
if probes:
    print()
    print("steady-state probe windows: " + "; ".join(
        f"{k}/{s}: {w[0]} B in {num(w[1])} {'requests' if k == 'http' else 'messages'} ({w[2]} s)"
        for (k, s) in probes for w in [window(k, s)]))
if gcs:
    print()
    print("GC events in each server's whole life (warm-up included; -Xlog:gc): "
          + ", ".join(f"{s} {g.get('pauses', '?')}" for s, g in gcs.items()))

def g(t, s, k):
    return (t or {}).get(s, {}).get(k)

o, n = plain or {}, "netty_uring"
print()
print(f"RESULT http.plaintext ours_rps={num(g(o, 'ours', 'rps'))} netty_uring_rps={num(g(o, n, 'rps'))}"
      f" rps_ratio={num(ratio(g(o, 'ours', 'rps'), g(o, n, 'rps')), '{:.3f}')}"
      f" ours_cpu_us_per_req={num(g(o, 'ours', 'cpu'), '{:.3f}')} netty_uring_cpu_us_per_req={num(g(o, n, 'cpu'), '{:.3f}')}"
      f" cpu_ratio={num(ratio(g(o, 'ours', 'cpu'), g(o, n, 'cpu')), '{:.3f}')}"
      f" ours_p99_ms={num(g(o, 'ours', 'p99'), '{:.2f}')} netty_uring_p99_ms={num(g(o, n, 'p99'), '{:.2f}')}")
print(f"RESULT http.plaintext.peers netty_epoll_rps={num(g(o, 'netty_epoll', 'rps'))} nio_rps={num(g(o, 'nio', 'rps'))}"
      f" netty_epoll_cpu_us_per_req={num(g(o, 'netty_epoll', 'cpu'), '{:.3f}')} nio_cpu_us_per_req={num(g(o, 'nio', 'cpu'), '{:.3f}')}"
      f" netty_epoll_p99_ms={num(g(o, 'netty_epoll', 'p99'), '{:.2f}')} nio_p99_ms={num(g(o, 'nio', 'p99'), '{:.2f}')}")
print(f"RESULT http.plaintext.nio cpu_ratio_vs_jdk_nio={num(ratio(g(o, 'ours_nio', 'cpu'), g(o, 'nio', 'cpu')), '{:.3f}')}"
      f" rps_ratio_vs_jdk_nio={num(ratio(g(o, 'ours_nio', 'rps'), g(o, 'nio', 'rps')), '{:.3f}')}"
      f" ours_nio_cpu_us_per_req={num(g(o, 'ours_nio', 'cpu'), '{:.3f}')} ours_nio_p99_ms={num(g(o, 'ours_nio', 'p99'), '{:.2f}')}")
print(f"RESULT http.plaintext.floor cpu_ratio_vs_c={num(ratio(g(o, 'ours', 'cpu'), g(o, 'floor', 'cpu')), '{:.3f}')}"
      f" pipelined_cpu_ratio_vs_c={num(ratio(g(pipe, 'ours', 'cpu'), g(pipe, 'floor', 'cpu')), '{:.3f}')}"
      f" floor_cpu_us_per_req={num(g(o, 'floor', 'cpu'), '{:.3f}')} floor_pipelined_cpu_us_per_req={num(g(pipe, 'floor', 'cpu'), '{:.3f}')}"
      f" floor_rps={num(g(o, 'floor', 'rps'))} floor_p99_ms={num(g(o, 'floor', 'p99'), '{:.2f}')}")
rounds = sorted({int(r["round"]) for r in runs if r["kind"] == "http" and r.get("mode") == "plain"})
def p99s(server):
    by = {int(r["round"]): fl(r.get("p99_ms")) for r in runs if r["kind"] == "http" and r.get("mode") == "plain" and r["server"] == server}
    return [by.get(k) for k in rounds]
ours99, netty99 = p99s("ours"), p99s(n)
met = sum(1 for a, b in zip(ours99, netty99) if a is not None and b is not None and a <= b)
print(f"RESULT http.tail rounds={len(rounds)} ours_p99_le_netty_uring_rounds={met}"
      f" ours_p99_ms={','.join(num(x, '{:.2f}') for x in ours99)} netty_uring_p99_ms={','.join(num(x, '{:.2f}') for x in netty99)}"
      f" floor_p99_ms={','.join(num(x, '{:.2f}') for x in p99s('floor'))}")
if pipe:
    print(f"RESULT http.pipelined ours_rps={num(g(pipe, 'ours', 'rps'))} netty_uring_rps={num(g(pipe, n, 'rps'))}"
          f" rps_ratio={num(ratio(g(pipe, 'ours', 'rps'), g(pipe, n, 'rps')), '{:.3f}')}"
          f" ours_cpu_us_per_req={num(g(pipe, 'ours', 'cpu'), '{:.3f}')} netty_uring_cpu_us_per_req={num(g(pipe, n, 'cpu'), '{:.3f}')}"
          f" cpu_ratio={num(ratio(g(pipe, 'ours', 'cpu'), g(pipe, n, 'cpu')), '{:.3f}')}")
if starts:
    print(f"RESULT http.start ours_ms={num(med([fl(x) for x in starts.get('ours', [])]))} netty_ms={num(med([fl(x) for x in starts.get('netty_uring', [])]))}"
          f" ours_no_aot_ms={num(med([fl(x) for x in starts.get('ours_no_aot', [])]))} trials={max(len(v) for v in starts.values())}")
print("RESULT http.alloc.steady " + " ".join(f"{s}_bytes_per_req={num(steady('http', s), '{:.3f}')}" for s in order))
print("RESULT http.alloc.run " + " ".join(f"{s}_bytes_per_req={num(g(o, s, 'alloc'), '{:.2f}')}" for s in order))
print("RESULT echo.alloc.steady " + " ".join(f"{s}_bytes_per_msg={num(steady('echo', s), '{:.3f}')}" for s in ("ours", "netty_uring")))
print(f"RESULT echo.throughput ours_mbps={num(g(echo, 'ours', 'mbps'), '{:.1f}')} netty_uring_mbps={num(g(echo, n, 'mbps'), '{:.1f}')}"
      f" ratio={num(ratio(g(echo, 'ours', 'mbps'), g(echo, n, 'mbps')), '{:.3f}')}"
      f" ours_cpu_us_per_mb={num(g(echo, 'ours', 'cpu'), '{:.0f}')} netty_uring_cpu_us_per_mb={num(g(echo, n, 'cpu'), '{:.0f}')}")
PY
}

if [ "$REPORT_ONLY" = 1 ]; then
  report "$REC" "$([ "$QUICK" = 1 ] && echo --quick)"
  exit 0
fi

# ---------------------------------------------------------------------------------------- processes

# Servers: start_server / stop_servers / cpu_ticks (scripts/lib.sh); every server is stopped on any exit.
PORT_HINT="set HTTP_PORT_BASE/ECHO_PORT_BASE"
trap stop_servers EXIT
trap 'exit 130' INT TERM

# alloc_bytes PID : heap bytes allocated so far by the server's live threads (jcmd Thread.print -e;
# the Attach Listener that serves jcmd is left out). HotSpot prints B below 100 KiB, K below 100 MiB,
# M below 100 GiB, so the resolution is 1 KiB up to 100 MiB and 0.1-1 % above.
alloc_bytes() {
  # not a JVM (the C floor): nothing to read, and the attach handshake (SIGQUIT) would kill it
  case "$(readlink "/proc/$1/exe" 2>/dev/null)" in */java) ;; *) echo NA; return ;; esac
  # a jcmd that fails (it can time out on an overloaded machine) gives NA, not the end of the run
  { taskset -c "$LOAD_CPU" "$JAVA_HOME/bin/jcmd" "$1" Thread.print -e 2>/dev/null || true; } | awk '
    /^"Attach Listener"/ { next }
    /^"/ && match($0, / allocated=[0-9]+[BKMG]/) {
      v = substr($0, RSTART + 11, RLENGTH - 11); u = substr(v, length(v)); v = substr(v, 1, length(v) - 1)
      m = (u == "K") ? 1024 : (u == "M") ? 1048576 : (u == "G") ? 1073741824 : 1
      s += v * m; n++
    }
    END { if (n) printf "%.0f\n", s; else print "NA" }'
}

# --------------------------------------------------------------------------------------------- build

ensure_benchmarks_jar() {
  if [ "${BENCH_NO_BUILD:-0}" = 1 ] || [ "${BENCH_HTTP_JAR_READY:-0}" = 1 ]; then
    [ -f "$JAR" ] || die "$JAR is missing and BENCH_NO_BUILD=1: build it with mvn -pl benchmarks -am -DskipTests package"
    return
  fi
  if [ ! -f "$JAR" ] || [ -n "$(find benchmarks/src benchmarks/pom.xml -newer "$JAR" -print -quit)" ]; then
    echo "building $JAR" >&2
    ensure_maven
    "${MVN[@]}" -q -DskipTests -pl benchmarks -am package
  fi
}

FLOOR_BIN=benchmarks/target/http-floor
# Builds the C floor server (gcc, liburing) when its binary is missing or older than its source.
ensure_floor() {
  local src=benchmarks/src/main/c/http_floor.c
  [ -x "$FLOOR_BIN" ] && [ "$FLOOR_BIN" -nt "$src" ] && return
  command -v gcc >/dev/null || ensure_apt gcc
  ensure_apt liburing-dev
  mkdir -p "$(dirname "$FLOOR_BIN")"
  echo "building $FLOOR_BIN" >&2
  gcc -O2 -Wall -Wextra -o "$FLOOR_BIN" "$src" -luring || die "gcc failed on $src (liburing-dev 2.3+ needed)"
}

OURS_NOTE=""
OURS_MP=""
# Finds (and when stale builds) the examples jar; sets OURS_MP, or OURS_NOTE when ours cannot run.
prepare_ours() {
  local cls=$1 src="examples/src/main/java/dev/iobuf/examples/$1.java" jar
  jar=$(module_jar examples)
  if [ -f "$src" ] && [ "${BENCH_NO_BUILD:-0}" != 1 ] \
     && { [ -z "$jar" ] || [ -n "$(find examples/src/main iobuf-core/src/main native-bindings/src/main iobuf-uring/src/main -newer "$jar" -print -quit)" ]; }; then
    echo "building the examples jar (for dev.iobuf.examples.$cls)" >&2
    ensure_maven
    "${MVN[@]}" -q -DskipTests -pl examples -am package >"$RUN_DIR/examples-build.log" 2>&1 \
      || echo "  examples build failed (log: $RUN_DIR/examples-build.log)" >&2
    jar=$(module_jar examples)
  fi
  # grep -c reads the whole listing: with pipefail, grep -q could exit early, kill unzip with
  # SIGPIPE and make the pipeline (and so the check) fail at random.
  if [ -z "$jar" ] || [ "$(unzip -Z1 "$jar" 2>/dev/null | grep -c "^dev/iobuf/examples/$cls.class$" || true)" = 0 ]; then
    OURS_NOTE="ours is pending: dev.iobuf.examples.$cls is not in ${jar:-examples/target/examples-*.jar} yet"
    return 1
  fi
  OURS_MP=$(ours_module_path "$jar")
}

# ------------------------------------------------------------------------------------------- servers

JVM=(-Xms512m -Xmx512m -XX:+UseParallelGC)
NETTY=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Dio.netty.leakDetection.level=disabled)

# server_cmd KIND(http|echo) NAME PORT -> the command in array CMD; false when NAME cannot run
server_cmd() {
  local kind=$1 name=$2 port=$3
  # what the tail table needs (compilations, deoptimisations, safepoints, with JVM uptime stamps), for every JVM alike
  local gc=("-Xlog:gc:file=$RUN_DIR/$kind-$name-gc.log"
            "-Xlog:jit+compilation=debug,deoptimization=debug,safepoint=info:file=$RUN_DIR/$kind-$name-jvm.log:uptime")
  case "$kind/$name" in
    http/ours|echo/ours|http/ours_nio)
      local override cls transport=()
      [ "$name" = ours_nio ] && transport=(--transport nio)
      if [ "$kind" = http ]; then override=${BENCH_OURS_HTTP_CMD:-}; cls=HttpServer; else override=${BENCH_OURS_ECHO_CMD:-}; cls=EchoServer; fi
      if [ -n "$override" ]; then
        read -r -a CMD <<<"${override//%PORT%/$port}"
        CMD+=("${transport[@]}")
        return 0
      fi
      prepare_ours "$cls" || return 1
      CMD=("$JAVA_HOME/bin/java" "${JVM[@]}" "${gc[@]}" --module-path "$OURS_MP"
           --enable-native-access=dev.iobuf.core,dev.iobuf.liburing,dev.iobuf.uring
           -m "dev.iobuf.examples/dev.iobuf.examples.$cls" --port "$port" --loops 1 "${transport[@]}") ;;
    http/netty_uring|http/netty_epoll)
      CMD=("$JAVA_HOME/bin/java" "${JVM[@]}" "${gc[@]}" "${NETTY[@]}" -cp "$JAR" dev.iobuf.bench.http.NettyHttpServer
           --transport "$([ "$name" = netty_uring ] && echo io_uring || echo epoll)" --port "$port" --loops 1) ;;
    http/floor)
      ensure_floor
      CMD=("$FLOOR_BIN" --port "$port") ;;
    http/nio)
      CMD=("$JAVA_HOME/bin/java" "${JVM[@]}" "${gc[@]}" -cp "$JAR" dev.iobuf.bench.http.NioHttpServer --port "$port") ;;
    echo/netty_uring)
      CMD=("$JAVA_HOME/bin/java" "${JVM[@]}" "${gc[@]}" "${NETTY[@]}" -cp "$JAR" dev.iobuf.bench.http.NettyEchoServer
           --transport io_uring --port "$port" --loops 1) ;;
    *) die "no $kind server named $name" ;;
  esac
}

# ----------------------------------------------------------------------------------------------- http

WRK_URL_PATH=/plaintext

# run_wrk NAME PORT SECONDS MODE(plain|pipe|warm) ROUND : one wrk run, its record appended to REC
run_wrk() {
  local name=$1 port=$2 secs=$3 mode=$4 round=$5 pid=${SERVER_PID[$1]} out c0 c1 a0 a1 script=()
  out="$RUN_DIR/wrk-$name-$mode-$round.txt"
  [ "$mode" = pipe ] && script=(-s benchmarks/wrk/pipeline.lua)
  local cmd=(wrk -t1 "-c$CONNECTIONS" "-d${secs}s" --latency "${script[@]}" "http://127.0.0.1:$port$WRK_URL_PATH")
  [ "$mode" = pipe ] && cmd+=(-- "$PIPELINE")
  if [ "$mode" = warm ]; then
    taskset -c "$LOAD_CPU" "${cmd[@]}" >"$out" 2>&1 || die "wrk failed against $name (see $out)"
    return
  fi
  # the pipelined run follows the plain one at once: the reading after one is the reading before the other
  if [ "$mode" = pipe ] && [ -n "${LAST_ALLOC[$name]:-}" ]; then a0=${LAST_ALLOC[$name]}; else a0=$(alloc_bytes "$pid"); fi
  c0=$(cpu_ticks "$pid")
  taskset -c "$LOAD_CPU" python3 scripts/http-tail.py snap "$pid" "$RUN_DIR/tail-before.json"
  taskset -c "$LOAD_CPU" "${cmd[@]}" >"$out" 2>&1 || die "wrk failed against $name (see $out)"
  taskset -c "$LOAD_CPU" python3 scripts/http-tail.py snap "$pid" "$RUN_DIR/tail-after.json"
  c1=$(cpu_ticks "$pid")
  a1=$(alloc_bytes "$pid")
  LAST_ALLOC[$name]=$a1
  local jvm_log="$RUN_DIR/http-$name-jvm.log" tail
  [ -f "$jvm_log" ] || jvm_log=""
  tail=$(python3 scripts/http-tail.py diff "$RUN_DIR/tail-before.json" "$RUN_DIR/tail-after.json" $jvm_log)
  python3 - "$out" "$name" "$round" "$mode" "$((c1 - c0))" "$CLK_TCK" "$a0" "$a1" "$tail" >>"$REC" <<'PY'
import re, sys
out, name, rnd, mode, ticks, clk, a0, a1, tail = sys.argv[1:]
text = open(out).read()
def ms(v, unit):
    return round(float(v) * {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 6e4}[unit], 4)
# wrk 4.1.0 sometimes prints a percentile as 0.00us (seen at p99 with pipelining): no figure, not 0
lat = {p: ms(v, u) for p, v, u in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.M) if float(v) > 0}
req = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s|m)", text)
rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
errs = sum(int(x) for x in re.findall(r"(?:connect|read|write|timeout) (\d+)", text))
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
errs += int(non2xx.group(1)) if non2xx else 0
alloc = "NA" if "NA" in (a0, a1) else str(int(a1) - int(a0))
if not (req and rps):
    sys.exit(f"cannot read wrk output {out}")
print(f"http server={name} round={rnd} mode={mode} requests={req.group(1)} seconds={ms(req.group(2), req.group(3)) / 1e3:.3f}"
      f" rps={float(rps.group(1)):.1f} p50_ms={lat.get('50', 'NA')} p99_ms={lat.get('99', 'NA')}"
      f" cpu_ticks={ticks} clk_tck={clk} alloc_bytes={alloc} errors={errs} {tail}")
PY
  tail -1 "$REC" | sed 's/^/  /' >&2
}

# rx_bytes PORT : bytes the server's established connections on PORT have received (tcp_info
# bytes_received summed, from ss). The load sends fixed-size units (wrk: the same request each time;
# EchoLoad: SIZE-byte messages), so a difference of two readings / unit size = units served between them.
rx_bytes() {
  # no grep: with pipefail, a grep that finds nothing (no connection up yet on a loaded machine)
  # failed the assignment and so, under set -e, ended the whole run without a word
  { ss -tinH state established "sport = :$1" 2>/dev/null || true; } \
    | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^bytes_received:/) { split($i, f, ":"); s += f[2] } } END { printf "%.0f\n", s }'
}

# probe_alloc KIND NAME PORT UNIT_BYTES LOAD_CMD... : steady-state allocation of server NAME.
# LOAD_CMD (PROBE_SECONDS of wrk or EchoLoad) runs in the background; once every connection is
# open (PROBE_SKIP s in) the server's allocation and received bytes are read, and again about
# 1.5 s before the load ends, so connects and closes fall outside the window. Bytes allocated in
# the window / units served in it (received bytes / UNIT_BYTES) = bytes per request (message).
# The readings are a safepoint (jcmd) in the server while it is under load: this probe is a
# separate run, not one of the measured rounds.
probe_alloc() {
  local kind=$1 name=$2 port=$3 unit=$4 pid=${SERVER_PID[$2]} out lpid a0 a1 r0 r1 t0 t1 started
  shift 4
  out="$RUN_DIR/probe-$kind-$name.txt"
  started=$(date +%s.%N)
  taskset -c "$LOAD_CPU" "$@" >"$out" 2>&1 &
  lpid=$!
  sleep "$PROBE_SKIP"
  a0=$(alloc_bytes "$pid"); r0=$(rx_bytes "$port"); t0=$(date +%s.%N)
  sleep "$(python3 -c "import time; print(max(0.1, $started + $PROBE_SECONDS - 1.5 - 0.6 - time.time()))")"
  a1=$(alloc_bytes "$pid"); r1=$(rx_bytes "$port"); t1=$(date +%s.%N)
  wait "$lpid" || die "load of the allocation probe failed against $name (see $out)"
  echo "probe kind=$kind server=$name alloc_bytes=$( [ "$a0" = NA ] || [ "$a1" = NA ] && echo NA || echo $((a1 - a0)))" \
       "rx_bytes=$((r1 - r0)) unit_bytes=$unit window_s=$(python3 -c "print(f'{$t1 - $t0:.2f}')")" >>"$REC"
  tail -1 "$REC" | sed 's/^/  /' >&2
}

# measure_start : START_TRIALS launches of ours (with and without its AOT cache) and of Netty io_uring,
# each timed from launch to its first answered request; one `start` record per launch.
measure_start() {
  [ "$START_TRIALS" -gt 0 ] || return 0
  local port=$((HTTP_PORT_BASE + 9)) name t ms cmd
  port_in_use "$port" && die "port $port (start-time runs) is taken: set HTTP_PORT_BASE"
  local -A CMDS=()
  CMDS[netty_uring]="$JAVA_HOME/bin/java ${JVM[*]} ${NETTY[*]} -cp $JAR dev.iobuf.bench.http.NettyHttpServer --transport io_uring --port $port --loops 1"
  if [ -z "${BENCH_OURS_HTTP_CMD:-}" ] && prepare_ours HttpServer; then
    http_aot_cache "$RUN_DIR/aot" "$OURS_MP" "${JVM[@]}"
    cmd="$JAVA_HOME/bin/java ${JVM[*]} --module-path $OURS_MP ${HTTP_SERVER_MAIN[*]} --port $port --loops 1"
    CMDS[ours_no_aot]=$cmd
    [ ${#AOT_OPTS[@]} -gt 0 ] && CMDS[ours]="$JAVA_HOME/bin/java ${AOT_OPTS[*]} ${cmd#"$JAVA_HOME/bin/java "}"
  fi
  echo "http: start time, $START_TRIALS launches per server (launch to first answer)" >&2
  for t in $(seq "$START_TRIALS"); do
    for name in ours ours_no_aot netty_uring; do
      [ -n "${CMDS[$name]:-}" ] || continue
      read -r -a cmd <<<"${CMDS[$name]}"
      ms=$(python3 scripts/http-probe.py first-answer "$port" 60 -- taskset -c "$SERVER_CPU" "${cmd[@]}") \
        || die "no answer from $name while timing its start"
      echo "start server=$name trial=$t ms=$ms" >>"$REC"
      tail -1 "$REC" | sed 's/^/  /' >&2
      for i in $(seq 50); do port_in_use "$port" || break; sleep 0.1; done
    done
  done
}

# --------------------------------------------------------------------------------------------- main

# One function, called on the last line: bash reads a script as it runs it, so a script edited
# during a run would otherwise go on from a shifted offset; a function is parsed whole first.
main() {

  command -v wrk >/dev/null || ensure_apt wrk
  command -v taskset >/dev/null || ensure_apt util-linux
  command -v ss >/dev/null || ensure_apt iproute2
  command -v python3 >/dev/null || die "python3 is needed for the report (apt-get install python3)"
  pick_jdk
  mkdir -p "$RESULTS" "$RUN_DIR"
  ensure_benchmarks_jar
  CLK_TCK=$(getconf CLK_TCK)
  declare -gA SERVER_PID LAST_ALLOC

  {
    echo "meta date=$(date -u +%Y-%m-%dT%H:%M:%SZ) cpus=$(nproc) load_start=$(cut -d' ' -f1 /proc/loadavg)" \
         "jdk=$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.runtime.version/ {print $2}')" \
         "wrk=$(wrk --version 2>&1 | awk 'NR==1 {print $2}') jvm=$(IFS=,; echo "${JVM[*]}")" \
         "server_cpu=$SERVER_CPU load_cpu=$LOAD_CPU rounds=$ROUNDS seconds=$SECONDS_RUN warmup=$WARMUP warmup_rounds=$WARMUP_ROUNDS" \
         "pipe_seconds=$PIPE_SECONDS pipeline=$PIPELINE connections=$CONNECTIONS probe_seconds=$PROBE_SECONDS quick=$QUICK"
  } >"$REC"

  rm -f "$RUN_DIR"/http-*-jvm.log*   # the tail table reads these: none may be left from an earlier run
  echo "http: starting the servers (pinned to cpu $SERVER_CPU)" >&2
  RUNNING=()
  i=0
  for name in "${HTTP_CONTENDERS[@]}"; do
    i=$((i + 1))
    port=$((HTTP_PORT_BASE + i))
    if server_cmd http "$name" "$port"; then
      start_server "http-$name" "$port" "${CMD[@]}"
      SERVER_PID[$name]=$SPID
      RUNNING+=("$name:$port")
    else
      echo "  note: $OURS_NOTE (http.plaintext ours figures will be NA)" >&2
      echo "note http: $OURS_NOTE" >>"$REC"
    fi
  done

  echo "http: warm-up, ${WARMUP} s of wrk per server (+ pipelined)" >&2
  for np in "${RUNNING[@]}"; do
    run_wrk "${np%%:*}" "${np##*:}" "$WARMUP" warm 0
    [ "$PIPE_SECONDS" -gt 0 ] && run_wrk "${np%%:*}" "${np##*:}" "$(( (WARMUP + 2) / 3 ))" warm 1
  done

  # Unrecorded rounds first, the same runs and readings as a measured round: every server has then been through
  # the connection churn (64 connects and closes per run) a few more times before round 1 (see the header).
  local rec=$REC
  : >"$RUN_DIR/warm-rounds.txt"
  for r in $(seq $((1 - WARMUP_ROUNDS)) "$ROUNDS"); do
    if [ "$r" -le 0 ]; then
      echo "http: warm-up round $((r + WARMUP_ROUNDS)) of $WARMUP_ROUNDS (not recorded)" >&2
      REC=$RUN_DIR/warm-rounds.txt
    else
      echo "http: round $r of $ROUNDS" >&2
      REC=$rec
    fi
    for np in "${RUNNING[@]}"; do
      run_wrk "${np%%:*}" "${np##*:}" "$SECONDS_RUN" plain "$r"
      [ "$PIPE_SECONDS" -gt 0 ] && run_wrk "${np%%:*}" "${np##*:}" "$PIPE_SECONDS" pipe "$r"
    done
  done
  REC=$rec
  echo "http: steady-state allocation probe, ${PROBE_SECONDS} s of wrk per server" >&2
  for np in "${RUNNING[@]}"; do
    port=${np##*:}
    # what wrk sends for every request: request line and Host, nothing else
    req="GET $WRK_URL_PATH HTTP/1.1\r\nHost: 127.0.0.1:$port\r\n\r\n"
    probe_alloc http "${np%%:*}" "$port" "$(printf "$req" | wc -c)" \
      wrk -t1 "-c$CONNECTIONS" "-d${PROBE_SECONDS}s" "http://127.0.0.1:$port$WRK_URL_PATH"
  done
  stop_servers
  for np in "${RUNNING[@]}"; do
    n=${np%%:*}
    echo "gc server=$n pauses=$(cat "$RUN_DIR/http-$n-gc.log" 2>/dev/null | grep -c 'Pause' || true)" >>"$REC"
  done

  measure_start

  if [ "$ECHO_SECONDS" -le 0 ]; then
    echo "meta load_end=$(cut -d' ' -f1 /proc/loadavg)" >>"$REC"
    report "$REC"
    return
  fi
  # echo
  echo "meta echo_connections=$CONNECTIONS echo_size=$ECHO_SIZE echo_seconds=$ECHO_SECONDS echo_warmup=$ECHO_WARMUP" >>"$REC"
  echo "echo: starting the servers" >&2
  RUNNING=()
  SERVER_PID=()
  LAST_ALLOC=()
  i=0
  for name in "${ECHO_CONTENDERS[@]}"; do
    i=$((i + 1))
    port=$((ECHO_PORT_BASE + i))
    if server_cmd echo "$name" "$port"; then
      start_server "echo-$name" "$port" "${CMD[@]}"
      SERVER_PID[$name]=$SPID
      RUNNING+=("$name:$port")
    else
      echo "  note: $OURS_NOTE (echo.throughput ours figures will be NA)" >&2
      echo "note echo: $OURS_NOTE" >>"$REC"
    fi
  done

  LOAD=("$JAVA_HOME/bin/java" -Xms256m -Xmx256m -XX:+UseParallelGC -cp "$JAR" dev.iobuf.bench.http.EchoLoad
        --connections "$CONNECTIONS" --size "$ECHO_SIZE" --clk-tck "$CLK_TCK")

  # run_echo NAME PORT ROUND : one client run (1 s client warm-up + ECHO_SECONDS), its record appended to REC
  run_echo() {
    local name=$1 port=$2 round=$3 pid=${SERVER_PID[$1]} out a0 a1 line
    out="$RUN_DIR/echo-$name-$round.txt"
    a0=$(alloc_bytes "$pid")
    taskset -c "$LOAD_CPU" "${LOAD[@]}" --port "$port" --server-pid "$pid" --warmup 1 --seconds "$ECHO_SECONDS" \
      >"$out" 2>&1 || die "echo client failed against $name (see $out)"
    a1=$(alloc_bytes "$pid")
    line=$(grep -m1 '^ECHO_RESULT' "$out") || die "no ECHO_RESULT in $out"
    echo "echo server=$name round=$round size=$ECHO_SIZE ${line#ECHO_RESULT } alloc_bytes=$( [ "$a0" = NA ] || [ "$a1" = NA ] && echo NA || echo $((a1 - a0)))" >>"$REC"
    tail -1 "$REC" | sed 's/^/  /' >&2
  }

  echo "echo: warm-up, ${ECHO_WARMUP} s per server" >&2
  for np in "${RUNNING[@]}"; do
    taskset -c "$LOAD_CPU" "${LOAD[@]}" --port "${np##*:}" --warmup 0 --seconds "$ECHO_WARMUP" \
      >"$RUN_DIR/echo-${np%%:*}-warm.txt" 2>&1 || die "echo client failed against ${np%%:*} (see $RUN_DIR/echo-${np%%:*}-warm.txt)"
  done
  for r in $(seq "$ROUNDS"); do
    echo "echo: round $r of $ROUNDS" >&2
    for np in "${RUNNING[@]}"; do run_echo "${np%%:*}" "${np##*:}" "$r"; done
  done
  echo "echo: steady-state allocation probe, ${PROBE_SECONDS} s per server" >&2
  for np in "${RUNNING[@]}"; do
    probe_alloc echo "${np%%:*}" "${np##*:}" "$ECHO_SIZE" "${LOAD[@]}" --port "${np##*:}" --warmup 0 --seconds "$PROBE_SECONDS"
  done
  stop_servers
  echo "meta load_end=$(cut -d' ' -f1 /proc/loadavg)" >>"$REC"

  report "$REC"
}

main; exit
