#!/usr/bin/env python3
"""Where a server's time went during one measured run of scripts/bench-http.sh (standard library only).
These are the figures that say what made a round's latency tail, and they hold on a shared machine too
(CPU time and scheduler counts, not wall time).

  http-tail.py snap PID FILE
      saves, for every thread of process PID: name, CPU ticks (utime, stime), voluntary and involuntary
      context switches, and /proc/PID/task/TID/schedstat (ns on the CPU, ns runnable but waiting for it),
      plus the process's start time and the system uptime at the reading.
  http-tail.py diff BEFORE AFTER [JVM_LOG]
      prints key=value fields for the run between the two readings:
        utime_ticks stime_ticks  the whole process (clock ticks)
        jit_ticks                its JIT compiler threads (C1/C2 CompilerThread*)
        gcvm_ticks               its GC threads and VM Thread (safepoint operations)
        loop_ticks               the busiest thread (the event loop of a one-loop server)
        loop_sleeps              that thread's voluntary context switches (it blocked: waited for work)
        loop_preempted           its involuntary context switches (something else took the core)
        loop_wait_us             microseconds it was runnable but waiting for the core (schedstat)
      and, when JVM_LOG (a -Xlog file with `uptime` decorations and the jit+compilation=debug,
      deoptimization=debug and safepoint tags) is given, what the JVM logged between the readings:
        since_start_s            the run's start and end in seconds since the process started (the JVM's
                                 -Xlog uptime stamps)
        compiles deopts          compilations done, deoptimisations (uncommon traps) taken
        safepoints safepoint_us  safepoints reached and their total time to safepoint + operation
"""
import json
import os
import re
import sys


def snap(pid):
    threads = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                stat = f.read()
            with open(f"/proc/{pid}/task/{tid}/status") as f:
                status = dict(line.split(":\t", 1) for line in f.read().splitlines() if ":\t" in line)
            with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                run_ns, wait_ns, _ = (int(x) for x in f.read().split())
        except OSError:   # the thread ended between the listing and the reading
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        threads[tid] = {
            "name": stat[stat.index("(") + 1:stat.rindex(")")],
            "utime": int(fields[11]), "stime": int(fields[12]),
            "vol": int(status["voluntary_ctxt_switches"]), "invol": int(status["nonvoluntary_ctxt_switches"]),
            "run_ns": run_ns, "wait_ns": wait_ns,
        }
    with open(f"/proc/{pid}/stat") as f:
        start_ticks = int(f.read().rsplit(")", 1)[1].split()[19])
    with open("/proc/uptime") as f:
        uptime = float(f.read().split()[0])
    return {"threads": threads, "start_s": start_ticks / os.sysconf("SC_CLK_TCK"), "uptime_s": uptime}


def jvm_log(path, t0, t1):
    """Counts in a -Xlog file (uptime decorations, seconds since JVM start) between t0 and t1."""
    compiles = deopts = safepoints = 0
    safepoint_ns = 0
    stamp = re.compile(r"^\[(\d+\.\d+)s\]")
    try:
        f = open(path, errors="replace")
    except OSError:
        return None
    with f:
        for line in f:
            m = stamp.match(line)
            if not m or not t0 <= float(m.group(1)) <= t1:
                continue
            if "trap_bci=" in line:
                deopts += 1
            elif "Safepoint \"" in line:
                safepoints += 1
                ns = re.search(r"Total: (\d+) ns", line)
                safepoint_ns += int(ns.group(1)) if ns else 0
            elif re.match(r"^\[[\d.]+s\]\s+\d+\s", line) and "made not entrant" not in line:
                compiles += 1
    return {"compiles": compiles, "deopts": deopts, "safepoints": safepoints, "safepoint_us": safepoint_ns // 1000}


def diff(before, after, log):
    a, b = before["threads"], after["threads"]
    out = {"utime_ticks": 0, "stime_ticks": 0, "jit_ticks": 0, "gcvm_ticks": 0}
    busiest = None
    for tid, t in b.items():
        p = a.get(tid, {k: 0 for k in t if k != "name"})
        d = {k: t[k] - p[k] for k in t if k != "name"}
        ticks = d["utime"] + d["stime"]
        out["utime_ticks"] += d["utime"]
        out["stime_ticks"] += d["stime"]
        if "CompilerThre" in t["name"]:
            out["jit_ticks"] += ticks
        elif t["name"].startswith("GC Thread") or t["name"] == "VM Thread":
            out["gcvm_ticks"] += ticks
        if busiest is None or d["run_ns"] > busiest["run_ns"]:
            busiest = d
    if busiest is not None:
        out.update(loop_ticks=busiest["utime"] + busiest["stime"], loop_sleeps=busiest["vol"],
                   loop_preempted=busiest["invol"], loop_wait_us=busiest["wait_ns"] // 1000)
    t0, t1 = before["uptime_s"] - after["start_s"], after["uptime_s"] - after["start_s"]
    out["since_start_s"] = f"{t0:.2f}-{t1:.2f}"   # the run in the process's life, to find it in its logs
    if log:
        counts = jvm_log(log, t0, t1)
        if counts:
            out.update(counts)
    return " ".join(f"{k}={v}" for k, v in out.items())


def main(argv):
    if len(argv) == 4 and argv[1] == "snap":
        with open(argv[3], "w") as f:
            json.dump(snap(argv[2]), f)
    elif len(argv) in (4, 5) and argv[1] == "diff":
        with open(argv[2]) as f:
            before = json.load(f)
        with open(argv[3]) as f:
            after = json.load(f)
        print(diff(before, after, argv[4] if len(argv) == 5 else None))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
