#!/usr/bin/env python3
"""Renders PNG bar charts (gnuplot) from RESULT lines: ours vs each peer, one PNG per suite, one panel per
measure, the ratio ours/peer written on every peer's bar. Run through `scripts/bench.sh --charts`.

usage: bench-charts.py RESULTS_FILE OUT_DIR

A RESULT line `RESULT suite.measure ours_UNIT=x peer_UNIT=y ...` gives one panel per UNIT that ours has;
`suite.measure.peers` lines add peers to `suite.measure`. Variants (.best, .default, .run) and lines
without a peer are left out (they are in the tables of benchmarks/README.md)."""
import collections
import re
import subprocess
import sys

SKIP = re.compile(r"\.(best|default|run|tail)$")   # tail: per-round lists, drawn nowhere
UNIT_LABEL = {
    "ns": "ns per acquire+release", "ops": "operations/s", "rps": "requests/s",
    "cpu_us_per_req": "server CPU us/request", "p99_ms": "p99 latency ms",
    "bytes_per_req": "B allocated/request", "bytes_per_msg": "B allocated/message",
    "mbps": "MB/s echoed", "cpu_us_per_mb": "server CPU us/MB", "iops": "4 KiB reads/s",
}
PEER_LABEL = {"c": "C liburing", "jctools": "JCTools MPMC", "netty_uring": "Netty io_uring",
              "netty_epoll": "Netty epoll", "nio": "JDK NIO", "fio": "fio io_uring", "fc": "FileChannel"}
OURS, PEER = "0x1f6fb4", "0xa0a0a0"


def parse(path):
    """{measure: {unit: {contender: value}}} in file order."""
    measures = collections.OrderedDict()
    for line in open(path):
        parts = line.split()
        if not parts or parts[0] != "RESULT":
            continue
        name = parts[1]
        if SKIP.search(name):
            continue
        name = name.removesuffix(".peers")
        kv = dict(p.split("=", 1) for p in parts[2:] if "=" in p)
        units = measures.setdefault(name, collections.OrderedDict())
        ours_units = [k[len("ours_"):] for k in kv if k.startswith("ours_")] or list(units)
        for unit in ours_units:
            for key, value in kv.items():
                if key.endswith("_" + unit) and value != "NA":
                    who = key[: -len(unit) - 1]
                    if who == "ours" or who in PEER_LABEL:
                        units.setdefault(unit, collections.OrderedDict())[who] = float(value)
    return {m: {u: c for u, c in us.items() if "ours" in c and len(c) > 1} for m, us in measures.items()}


def fmt(v):
    if v >= 1e6:
        return f"{v / 1e6:.2f}M"
    if v >= 1e4:
        return f"{v / 1e3:.0f}k"
    return f"{v:.3g}"


def panel(measure, unit, contenders):
    lower = unit.startswith(("ns", "us", "cpu", "bytes", "p99"))
    ours = contenders["ours"]
    top = max(contenders.values()) or 1
    rows = []
    for who, v in contenders.items():
        label = "ours (iobuf)" if who == "ours" else PEER_LABEL.get(who, who)
        ratio = "" if who == "ours" or not v else f"ours/this {ours / v:.2f}"
        rows.append(f'"{label}" {v} "{fmt(v)}" {OURS if who == "ours" else PEER} "{ratio}"')
    title = f"{measure}: {UNIT_LABEL.get(unit, unit)} ({'lower' if lower else 'higher'} is better)"
    return (f"$d << EOD\n" + "\n".join(rows) + "\nEOD\n"
            f'set title "{title}"\nset yrange [0:{top * 1.2}]\n'
            f"set format y '{'%.1s%c' if top >= 1e4 else '%g'}'\n"
            # the ratio ours/peer goes under the peer's name, the value on top of its bar
            'plot $d using 0:2:4:xtic(strcol(1)."\\n".strcol(5)) with boxes lc rgb variable notitle, '
            "'' using 0:2:3 with labels offset 0,0.7 notitle\n")


def main(results, out_dir):
    suites = collections.OrderedDict()
    for measure, units in parse(results).items():
        for unit, contenders in units.items():
            suites.setdefault(measure.split(".")[0], []).append((measure, unit, contenders))
    written = []
    for suite, panels in suites.items():
        cols = min(len(panels), 3)
        rows = (len(panels) + cols - 1) // cols
        png = f"{out_dir}/{suite}.png"
        script = (f"set terminal pngcairo noenhanced size {460 * cols},{360 * rows} font 'sans,10'\n"
                  f"set output '{png}'\n"
                  "set style fill solid 0.85 border -1\nset boxwidth 0.6\nset grid ytics\n"
                  "set xtics nomirror font ',8'\nset ytics nomirror\nunset key\nset bmargin 4\n"
                  f"set multiplot layout {rows},{cols}\n"
                  + "".join(panel(*p) for p in panels) + "unset multiplot\n")
        subprocess.run(["gnuplot"], input=script, text=True, check=True)
        written.append(png)
        print(f"{png}: {', '.join(f'{m} {u}' for m, u, _ in panels)}")
    if not written:
        sys.exit(f"no RESULT line with ours and a peer in {results}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
