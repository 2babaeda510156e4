#!/usr/bin/env python3
"""Start-time A/B of HTTP servers (benchmarks/README.md, "Start time"); standard library only.

  start-ab.py ROUNDS CPU VARIANTS_FILE

VARIANTS_FILE: one variant a line, NAME<TAB>COMMAND, the command with %PORT% where the port goes (each variant
with its own AOT cache: make one per variant with http_aot_cache from scripts/lib.sh). Each round launches every
variant once, pinned to CPU with taskset, in alternating order; a launch is timed from its start to its first
whole answer to GET /plaintext (polled every 2 ms), and at that moment the server's CPU time (utime + stime) and
each thread's (schedstat, grouped by thread name) are read; then it gets SIGTERM. Prints per variant the median
wall and CPU milliseconds, their ratio to the first variant, every launch's figures and the threads' medians.
"""
import os, signal, socket, subprocess, sys, time, statistics, collections, re
REQ = b"GET /plaintext HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
def answer(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as s:
            s.sendall(REQ); d = b""
            while b"Hello, World!" not in d:
                c = s.recv(65536)
                if not c: return False
                d += c
            return True
    except OSError:
        return False
def threads(pid):
    out = collections.Counter()
    for t in os.listdir(f"/proc/{pid}/task"):
        try:
            comm = open(f"/proc/{pid}/task/{t}/comm").read().strip()
            ns = int(open(f"/proc/{pid}/task/{t}/schedstat").read().split()[0])
        except OSError:
            continue
        comm = re.sub(r"\d+$", "", comm)
        out[comm] += ns / 1e6
    return out
def run(cmd, port):
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while True:
        if p.poll() is not None: raise SystemExit(f"exited: {cmd}")
        if answer(port): break
        time.sleep(0.002)
    ms = (time.monotonic() - t0) * 1000
    st = open(f"/proc/{p.pid}/stat").read().rsplit(")", 1)[1].split()
    cpu = (int(st[11]) + int(st[12])) * 1000 / os.sysconf("SC_CLK_TCK")
    th = threads(p.pid)
    p.send_signal(signal.SIGTERM)
    try: p.wait(10)
    except subprocess.TimeoutExpired: p.kill(); p.wait()
    return ms, cpu, th
def main():
    rounds, cpu = int(sys.argv[1]), sys.argv[2]
    vs = [l.rstrip("\n").split("\t", 1) for l in open(sys.argv[3]) if l.strip() and not l.startswith("#")]
    port = 20000 + os.getpid() % 20000
    res = {n: [] for n, _ in vs}
    for r in range(rounds):
        order = vs if r % 2 == 0 else vs[::-1]
        for n, c in order:
            cmd = ["taskset", "-c", cpu] + c.replace("%PORT%", str(port)).split()
            res[n].append(run(cmd, port))
            for _ in range(100):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.1).close(); time.sleep(0.05)
                except OSError: break
    base = None
    for n, _ in vs:
        walls = [x[0] for x in res[n]]; cpus = [x[1] for x in res[n]]
        agg = collections.defaultdict(list)
        for x in res[n]:
            for k, v in x[2].items(): agg[k].append(v)
        mw, mc = statistics.median(walls), statistics.median(cpus)
        if base is None: base = (mw, mc)
        print(f"{n:24s} wall {mw:6.0f} ms ({mw/base[0]:.2f})  cpu {mc:6.0f} ms ({mc/base[1]:.2f})  walls={[round(w) for w in walls]} cpus={[round(c) for c in cpus]}")
        print("    " + "  ".join(f"{k}={statistics.median(v + [0]*(len(res[n])-len(v))):.0f}" for k, v in sorted(agg.items(), key=lambda kv: -statistics.median(kv[1]))[:9]))
main()
