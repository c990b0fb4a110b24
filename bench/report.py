#!/usr/bin/env python3
"""The report of bench/run.sh: reads <out>/runs/*.json, prints the report with its targets, writes <out>/report.md,
<out>/report.json and (when matplotlib imports) <out>/report.png: p99 latency against throughput, one line per
intake target through its concurrencies.

  python3 bench/report.py target/bench [--elapsed SECONDS]

Run files: meta.json (what was run), intake-<label>-c<C>-p<pass>.json (bench/webhook_load.py), lost-<label>.json
(rows and queued messages after the load), memory-<label>.json (the hub's VmHWM), start-jar.json and start-cds.json, pipeline.json
(bench/invoice_throughput.py). Parts that were not run show as not measured. Stdlib only but the chart.
"""
import argparse, glob, json, os, statistics, sys

NAMES = {"floor": "floor (PG + Artemis)", "hub_h2": "hub H2 + embedded", "hub_pg": "hub PG + Artemis"}
TARGET_RATE, TARGET_P99, TARGET_PIPELINE, TARGET_START_S, TARGET_RSS_MIB = 0.9, 1.5, 95, 8, 500
MIB = 1024

a = argparse.ArgumentParser()
a.add_argument("out", nargs="?", default="target/bench")
a.add_argument("--elapsed", type=int, help="wall seconds of the whole run")
o = a.parse_args()


def read(name):
    path = os.path.join(o.out, "runs", name)
    return json.load(open(path)) if os.path.exists(path) else None


def fmt(v, digits=1, unit=""):
    return "—" if v is None else f"{v:,.{digits}f}{unit}"


meta = read("meta.json") or {}
runs = [json.load(open(f)) for f in sorted(glob.glob(os.path.join(o.out, "runs", "intake-*.json")))]
labels = [l for l in NAMES if any(r["label"] == l for r in runs)]
conc = sorted({r["concurrency"] for r in runs})
top_c = conc[-1] if conc else None
passes = {}
for r in runs:
    passes.setdefault((r["label"], r["concurrency"]), []).append(r)
best = {k: max(v, key=lambda r: r["req_per_s"]) for k, v in passes.items()}  # best pass by req/s
lost = {l: read(f"lost-{l}.json") for l in labels}
memory = {l: read(f"memory-{l}.json") for l in labels}
start, start_cds, pipeline = read("start-jar.json"), read("start-cds.json"), read("pipeline.json")


def non_2xx(r):
    return sum(n for st in (r["statuses"], r.get("warmup_statuses", {})) for k, n in st.items()
               if not (k.isdigit() and k.startswith("2")))


lines = ["# Benchmark report", ""]
lines.append(f"jar `{meta.get('jar', '?')}` (built {meta.get('jar_modified', '?')}); started {meta.get('started_at', '?')}"
             f", load average {meta.get('loadavg_at_start', '?')}"
             + (f"; whole run {o.elapsed // 60} min {o.elapsed % 60} s" if o.elapsed is not None else "") + ".")
lines.append("")

# -- intake table --------------------------------------------------------------------------------------------------
cpu_names = []
for r in runs:
    cpu_names += [k for k in r["cpu_s"] if k not in cpu_names]
if runs:
    body = sorted({r.get("body_bytes") for r in runs} - {None})
    lines += [f"## Webhook intake: distinct signed Stripe events of {'/'.join(map(str, body))} bytes",
              "", f"{meta.get('warmup_s', '?')} s untimed warm-up, then {meta.get('duration_s', '?')} s timed per point; "
              f"at c={top_c} the best of {meta.get('passes_top_c', '?')} passes (by req/s) for floor and hub PG.", "",
              "| target | c | req/s | p50 ms | p99 ms | p99.9 ms | statuses | CPU ms/req: "
              + " | ".join(cpu_names) + " | total |",
              "|---|---:|---:|---:|---:|---:|---|" + "---:|" * (len(cpu_names) + 1)]
    for l in labels:
        for c in conc:
            r = best.get((l, c))
            if not r:
                continue
            st = " ".join(f"{k}:{v}" for k, v in sorted(r["statuses"].items()))
            per = [fmt(r["cpu_s"][k] * 1000 / r["requests"], 2) if k in r["cpu_s"] and r["requests"] else ""
                   for k in cpu_names]
            lines.append(f"| {NAMES[l]} | {c} | {fmt(r['req_per_s'])} | {fmt(r['p50_ms'])} | {fmt(r['p99_ms'])} | "
                         f"{fmt(r['p999_ms'])} | {st} | " + " | ".join(per) + f" | {fmt(r['cpu_ms_per_req'], 2)} |")
    for (l, c), ps in sorted(passes.items()):
        if len(ps) > 1:
            lines.append(f"\n{NAMES[l]} c={c} passes: " + ", ".join(fmt(p["req_per_s"]) + " req/s" for p in ps))
    lines += ["", "CPU: utime+stime over the timed window. server = the floor's or hub's JVM; broker = the standalone "
              "Artemis JVM; postgres_backends = the PostgreSQL backends serving the server's own connections. "
              "Hub H2 has its broker and database inside its JVM. The python client shares the machine, uncounted.", ""]

ratios = []
for l in [l for l in labels if l != "floor"]:
    for c in conc:
        h, f = best.get((l, c)), best.get(("floor", c))
        if h and f:
            q = {k: (h[k] / f[k] if h[k] and f[k] else None) for k in ("req_per_s", "p50_ms", "p99_ms", "cpu_ms_per_req")}
            ratios.append({"label": l, "concurrency": c, **{f"ratio_{k}": v for k, v in q.items()}})
if ratios:
    lines += ["| hub / floor | c | req/s | p50 | p99 | CPU/req |", "|---|---:|---:|---:|---:|---:|"]
    lines += [f"| {NAMES[q['label']]} | {q['concurrency']} | {fmt(q['ratio_req_per_s'], 2)} | {fmt(q['ratio_p50_ms'], 2)} "
              f"| {fmt(q['ratio_p99_ms'], 2)} | {fmt(q['ratio_cpu_ms_per_req'], 2)} |" for q in ratios]
    lines.append("")

# -- nothing lost ----------------------------------------------------------------------------------------------------
checks = []
for l, x in lost.items():
    if not x:
        continue
    mine = [r for r in runs if r["label"] == l]
    accepted = sum(r["accepted_total"] for r in mine)
    checks.append({**x, "accepted": accepted, "non_2xx": sum(non_2xx(r) for r in mine),
                   "lost_rows": accepted - x["rows"], "lost_messages": accepted - x["messages_added"]})
if checks:
    lines += ["## Nothing lost", "", "accepted = 200 `accepted` answers over every pass, warm-ups included; rows = rows "
              "stored; messages = MESSAGES_ADDED on the queue; lost = accepted − rows and accepted − messages (a "
              "negative number: more stored or queued than acknowledged, e.g. relay re-sends, nothing lost); "
              "'received' left = rows processing had not taken from the queue when the wait ended.", "",
              "| target | accepted | rows | messages | lost (rows) | lost (messages) | 'received' left | non-2xx |",
              "|---|---:|---:|---:|---:|---:|---:|---:|"]
    lines += [f"| {NAMES[x['label']]} ({x['queue']}) | {x['accepted']} | {x['rows']} | {x['messages_added']} | "
              f"{x['lost_rows']} | {x['lost_messages']} | {x['received_left']} (waited {x['drain_s']} s) | "
              f"{x['non_2xx']} |" for x in checks]
    lines.append("")

# -- pipeline, start, memory -------------------------------------------------------------------------------------------
if pipeline:
    lat = pipeline.get("latency_ms", {})
    lines += ["## Invoice pipeline (PostgreSQL + standalone Artemis + sandbox vendors)", "",
              f"{pipeline.get('invoices')} invoices, {pipeline.get('concurrency')} clients: "
              f"**{fmt(pipeline.get('rate'))} invoices/s** from the first invoice's createdAt to the last side effect's "
              f"completedAt; commands accepted at {fmt(pipeline.get('post_rate'))}/s; per invoice latency p50 "
              f"{fmt(lat.get('p50'), 0)} ms, p95 {fmt(lat.get('p95'), 0)} ms, max {fmt(lat.get('max'), 0)} ms."
              + ("" if not pipeline.get("cpu_ms_per_invoice") else " CPU per invoice: " + ", ".join(
                  f"{name} {fmt(ms)} ms" for name, ms in pipeline["cpu_ms_per_invoice"].items())
                 + " (machine = every busy CPU, PostgreSQL and the client included)."), ""]
def median_up(measured):
    return statistics.median(measured["up_s"]) if measured and measured["up_s"] else None


def start_line(measured, form):
    spring = [s for s in measured.get("spring_started_s", []) if s is not None]
    return (f"Start on the embedded default (fresh HUB_DATA_DIR, {form}), exec to /actuator/health UP: median "
            f"**{fmt(median_up(measured), 2)} s** (runs: {', '.join(fmt(s, 2) for s in measured['up_s'])} s"
            + (f"; Spring's own 'Started in': {', '.join(fmt(s, 2) for s in spring)} s" if spring else "") + "). "
            f"RSS after {measured['idle_seconds']} s idle (first run): **{fmt(measured['rss_idle_kib'] / MIB, 0)} MiB**.")


start_median, cds_median = median_up(start), median_up(start_cds)
rss_idle = start["rss_idle_kib"] / MIB if start and start.get("rss_idle_kib") else None
if start or start_cds:
    lines += ["## Start and memory", ""]
    if start:
        lines += [start_line(start, "`java -jar`"), ""]
    if start_cds:
        lines += [start_line(start_cds, "the container's form: jar extracted, classes from a CDS archive"), ""]
mem_rows = []
for l in ("hub_h2", "hub_pg"):
    loaded = [r["rss_max_kib"] for r in runs if r["label"] == l and r["concurrency"] == top_c and r.get("rss_max_kib")]
    hwm = (memory.get(l) or {}).get("vm_hwm_kib")
    if loaded or hwm:
        mem_rows.append({"label": l, "rss_max_under_load_mib": max(loaded) / MIB if loaded else None,
                         "vm_hwm_mib": hwm / MIB if hwm else None})
if mem_rows:
    if not start and not start_cds:
        lines += ["## Start and memory", ""]
    lines += [f"| RSS under load | max VmRSS during c={top_c} (0.5 s samples) | VmHWM at the end |", "|---|---:|---:|"]
    lines += [f"| {NAMES[m['label']]} | {fmt(m['rss_max_under_load_mib'], 0)} MiB | {fmt(m['vm_hwm_mib'], 0)} MiB |"
              for m in mem_rows]
    lines.append("")

# -- targets -----------------------------------------------------------------------------------------------------------
targets = []


def target(name, value, op, threshold, unit=""):
    """value op threshold; the margin is how far inside (positive) or outside (negative) the threshold it is."""
    if value is None:
        targets.append({"target": name, "value": None, "threshold": f"{op} {threshold}", "result": "not measured"})
        return
    margin = value - threshold if op == "≥" else threshold - value
    targets.append({"target": name, "value": value, "threshold": f"{op} {threshold}{unit}", "margin": margin,
                    "margin_pct": 100 * margin / threshold if threshold else None,
                    "result": "pass" if margin >= 0 else "FAIL", "unit": unit})


hub, floor = best.get(("hub_pg", top_c)), best.get(("floor", top_c))
both = hub and floor
target(f"c={top_c} hub PG req/s ÷ floor req/s", hub["req_per_s"] / floor["req_per_s"] if both else None, "≥", TARGET_RATE)
target(f"c={top_c} hub PG p99 ÷ floor p99", hub["p99_ms"] / floor["p99_ms"] if both else None, "≤", TARGET_P99)
target("non-2xx answers, every intake pass", sum(non_2xx(r) for r in runs) if runs else None, "≤", 0)
worst = max((max(x["lost_rows"], x["lost_messages"], 0) + x["received_left"] for x in checks), default=None)
target("lost: accepted − rows / − messages, 'received' left", worst, "≤", 0)
target("invoice pipeline, invoices/s", pipeline.get("rate") if pipeline else None, "≥", TARGET_PIPELINE)
target("start (java -jar), median s to health UP", start_median, "≤", TARGET_START_S, " s")
target("start (extracted + CDS), median s to health UP", cds_median, "≤", TARGET_START_S, " s")
target("RSS idle, MiB", rss_idle, "≤", TARGET_RSS_MIB, " MiB")
lines += ["## Targets", "", "| target | value | threshold | margin | result |", "|---|---:|---:|---:|---|"]
for t in targets:
    if t["value"] is None:
        lines.append(f"| {t['target']} | — | {t['threshold']} | — | not measured |")
    else:
        pct = f" ({t['margin_pct']:+.0f}%)" if t.get("margin_pct") is not None else ""
        digits = 0 if isinstance(t["value"], int) else 2
        lines.append(f"| {t['target']} | {fmt(t['value'], digits)} | {t['threshold']} | {t['margin']:+,.{digits}f}{pct} | "
                     f"{t['result']} |")
failed = [t["target"] for t in targets if t["result"] == "FAIL"]
unmeasured = sum(t["result"] == "not measured" for t in targets)
lines += ["", f"{len(targets) - len(failed) - unmeasured} pass, {len(failed)} fail, {unmeasured} not measured"
          + (f"; failing: {'; '.join(failed)}" if failed else "") + ".", ""]

text = "\n".join(lines)
print(text)
with open(os.path.join(o.out, "report.md"), "w") as f:
    f.write(text)
with open(os.path.join(o.out, "report.json"), "w") as f:
    json.dump({"meta": {**meta, "elapsed_s": o.elapsed}, "intake": runs,
               "best": [best[k] for k in sorted(best)], "ratios": ratios, "lost": checks, "pipeline": pipeline,
               "start": start and {**start, "median_s": start_median},
               "start_cds": start_cds and {**start_cds, "median_s": cds_median}, "memory": mem_rows, "targets": targets},
              f, indent=1)

# -- chart ---------------------------------------------------------------------------------------------------------
if runs:
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib not importable: no chart drawn", file=sys.stderr)
    else:
        fig, ax = plt.subplots(figsize=(8, 5))
        for l in labels:
            points = [best[(l, c)] for c in conc if (l, c) in best]
            ax.plot([p["req_per_s"] for p in points], [p["p99_ms"] for p in points], marker="o", label=NAMES[l])
            for p in points:
                ax.annotate(f"c={p['concurrency']}", (p["req_per_s"], p["p99_ms"]), textcoords="offset points",
                            xytext=(5, 5), fontsize=8)
        ax.set(xlabel="throughput, req/s", ylabel="p99 latency, ms (log)", yscale="log",
               title="Webhook intake: p99 latency against throughput")
        ax.grid(True, which="both", alpha=0.3)
        ax.legend()
        fig.tight_layout()
        fig.savefig(os.path.join(o.out, "report.png"))
        print(f"chart: {os.path.join(o.out, 'report.png')}", file=sys.stderr)
