#!/usr/bin/env python3
"""Collects bench/run.sh's per-point results (<out>/runs/<label>-c<C>.json) into <out>/webhooks.json and
<out>/webhooks.md, prints the table with hub/floor ratios, and draws <out>/webhooks.png if matplotlib exists."""
import glob, json, os, sys

out = sys.argv[1] if len(sys.argv) > 1 else "target/bench"
runs = [json.load(open(f)) for f in sorted(glob.glob(os.path.join(out, "runs", "*.json")))]
labels = [l for l in ("floor", "hub_h2", "hub_pg") if any(r["label"] == l for r in runs)]
by = {(r["label"], r["concurrency"]): r for r in runs}
conc = sorted({r["concurrency"] for r in runs})
names = {"floor": "floor (PG + Artemis)", "hub_h2": "hub H2 + embedded", "hub_pg": "hub PG + Artemis"}


def fmt(v, digits=1):
    return "—" if v is None else f"{v:.{digits}f}"


rows = ["| run | c | req/s | p50 ms | p99 ms | p99.9 ms | statuses | CPU ms/req | CPU s by process |",
        "|---|---:|---:|---:|---:|---:|---|---:|---|"]
for l in labels:
    for c in conc:
        r = by.get((l, c))
        if r:
            st = " ".join(f"{k}:{v}" for k, v in sorted(r["statuses"].items()))
            cpu = " ".join(f"{k} {v}" for k, v in r["cpu_s"].items())
            rows.append(f"| {names[l]} | {c} | {fmt(r['req_per_s'])} | {fmt(r['p50_ms'])} | {fmt(r['p99_ms'])} | "
                        f"{fmt(r['p999_ms'])} | {st} | {fmt(r['cpu_ms_per_req'], 2)} | {cpu} |")
ratios = ["| hub / floor | c | req/s | p50 | p99 | CPU/req |", "|---|---:|---:|---:|---:|---:|"]
summary = []
for l in [l for l in labels if l != "floor"]:
    for c in conc:
        h, f = by.get((l, c)), by.get(("floor", c))
        if h and f:
            q = {k: (h[k] / f[k] if h[k] and f[k] else None) for k in ("req_per_s", "p50_ms", "p99_ms", "cpu_ms_per_req")}
            summary.append({"label": l, "concurrency": c, **{f"ratio_{k}": q[k] for k in q}})
            ratios.append(f"| {names[l]} | {c} | {fmt(q['req_per_s'], 2)} | {fmt(q['p50_ms'], 2)} | "
                          f"{fmt(q['p99_ms'], 2)} | {fmt(q['cpu_ms_per_req'], 2)} |")
note = ("CPU: utime+stime of the server JVM; for floor and hub PG also the standalone Artemis JVM and the "
        "PostgreSQL backends serving the server's own connections; hub H2 has its broker and database in its JVM. "
        "Client (python) on the same machine.")
text = "\n".join(["# Webhook intake benchmark", "", *rows, "", *ratios, "", note, ""])
print(text)
with open(os.path.join(out, "webhooks.md"), "w") as f:
    f.write(text)
with open(os.path.join(out, "webhooks.json"), "w") as f:
    json.dump({"runs": runs, "ratios": summary, "cpu_accounting": note}, f, indent=1)
try:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
except ImportError:
    print("matplotlib not importable: no chart", file=sys.stderr)
else:
    fig, (a, b) = plt.subplots(1, 2, figsize=(10, 4))
    for l in labels:
        cs = [c for c in conc if (l, c) in by]
        a.plot(cs, [by[(l, c)]["req_per_s"] for c in cs], marker="o", label=names[l])
        b.plot(cs, [by[(l, c)]["p99_ms"] for c in cs], marker="o", label=names[l])
    a.set(xlabel="concurrency", ylabel="req/s", xscale="log")
    b.set(xlabel="concurrency", ylabel="p99 ms", xscale="log")
    a.legend()
    fig.tight_layout()
    fig.savefig(os.path.join(out, "webhooks.png"))
