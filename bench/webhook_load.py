#!/usr/bin/env python3
"""Timed webhook intake load with pre-signed requests and server CPU accounting (python3 stdlib only).

  python3 bench/webhook_load.py --base http://127.0.0.1:8080 --secret whsec_x -c 8 --warmup 5 --duration 15 \
      --pid hub=1234 --pg-backends-of 1234 --json out.json

Every request (a new Stripe event id, signed with t=now) is built and signed before any clock starts, so the
client's HMAC work is not in the window; each body is padded (a metadata string in data.object) to --body-bytes,
about the size of a real Stripe event. C threads, each on its own keep-alive connection, first send for
--warmup seconds (untimed: JIT, pools), then for --duration seconds (timed). Around the timed window it reads
utime+stime from /proc/<pid>/stat of every --pid (and of the PostgreSQL backends serving the TCP connections
that --pg-backends-of <pid> holds to port 5432, found with ss and pg_stat_activity), and reports CPU seconds
per request. It counts the answers {"status":"accepted"} of both phases (what the server must have stored and
queued) and, with --rss-pid, samples that process's VmRSS every 0.5 s through both phases and reports the maximum.
The client shares the machine with the server, so the numbers are a floor.
"""
import argparse, hashlib, hmac, http.client, json, os, subprocess, sys, threading, time, urllib.parse, uuid

p = argparse.ArgumentParser()
p.add_argument("--base", default="http://127.0.0.1:8080")
p.add_argument("--secret", required=True, help="one of HUB_STRIPE_WEBHOOK_SECRETS")
p.add_argument("-c", type=int, default=8, help="concurrent connections")
p.add_argument("--warmup", type=float, default=5, help="untimed seconds first")
p.add_argument("--duration", type=float, default=15, help="timed seconds")
p.add_argument("--max-rate", type=int, default=4000, help="req/s the pre-signed pool is sized for")
p.add_argument("--type", default="customer.created", help="event type (an unhandled type is stored and ignored)")
p.add_argument("--body-bytes", type=int, default=1024, help="pad every event body to this size")
p.add_argument("--rss-pid", type=int, help="sample this process's VmRSS every 0.5 s, report the maximum")
p.add_argument("--pid", action="append", default=[], help="name=pid of a server process to account CPU to")
p.add_argument("--pg-backends-of", type=int, help="also account the PostgreSQL backends of this pid's connections")
p.add_argument("--pg", default="-h 127.0.0.1 -U postgres test", help="psql connection arguments")
p.add_argument("--label", default="")
p.add_argument("--json", help="write the result as JSON to this file")
o = p.parse_args()
url = urllib.parse.urlparse(o.base)
run = uuid.uuid4().hex[:8]
TICK = os.sysconf("SC_CLK_TCK")


def presign(count):
    """count distinct events of o.body_bytes each, signed with t=now. The body is a JSON template cut into bytes
    around the event id and the pad (json.dumps per event is ~6x slower: seconds of setup per point)."""
    ts = int(time.time())
    template = json.dumps({"id": "@ID@", "object": "event", "type": o.type, "created": ts,
                           "data": {"object": {"id": "cus_bench", "object": "customer", "metadata": {"pad": "@PAD@"}}}})
    head, rest = template.split("@ID@")
    middle, tail = rest.split("@PAD@")
    head, middle, tail = head.encode(), middle.encode(), tail.encode()
    signer = hmac.new(o.secret.encode(), f"{ts}.".encode(), hashlib.sha256)
    out = []
    for i in range(count):
        event_id = f"evt_load_{run}_{i}".encode()
        pad = b"x" * max(0, o.body_bytes - len(head) - len(event_id) - len(middle) - len(tail))
        body = b"".join((head, event_id, middle, pad, tail))
        sig = signer.copy()
        sig.update(body)
        out.append((body, {"Content-Type": "application/json", "Stripe-Signature": f"t={ts},v1={sig.hexdigest()}"}))
    return out


def cpu_ticks(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    except (OSError, IndexError):
        return None


def pg_backends(pid):
    """PIDs of the PostgreSQL backends serving pid's connections to :5432 (matched by client port)."""
    ss = subprocess.run(["ss", "-tnpH", "state", "established", "( dport = :5432 )"], capture_output=True, text=True).stdout
    ports = [line.split()[2].rsplit(":", 1)[1] for line in ss.splitlines() if f"pid={pid}," in line]
    if not ports:
        return []
    q = f"select pid from pg_stat_activity where client_port in ({','.join(ports)})"
    res = subprocess.run(["psql", *o.pg.split(), "-Atc", q], capture_output=True, text=True).stdout
    return [int(x) for x in res.split()]


pool = presign(int(o.max_rate * (o.warmup + o.duration)) + 1000)
cursor = [0]
pool_lock = threading.Lock()


def phase(seconds):
    latencies, statuses, accepted, lock = [], {}, [0], threading.Lock()
    deadline = time.perf_counter() + seconds

    def drive():
        conn = http.client.HTTPConnection(url.hostname, url.port or 80, timeout=30)
        mine_lat, mine_st, mine_acc = [], {}, 0
        while time.perf_counter() < deadline:
            with pool_lock:
                if cursor[0] >= len(pool):
                    break
                body, headers = pool[cursor[0]]
                cursor[0] += 1
            start = time.perf_counter()
            try:
                conn.request("POST", "/webhooks/stripe", body, headers)
                r = conn.getresponse()
                answer = r.read()
                status = str(r.status)
                # a byte search, not a JSON parse: the answer is {"status":"accepted"|"duplicate","eventId":...}
                if r.status == 200 and b'"accepted"' in answer:
                    mine_acc += 1
            except (OSError, http.client.HTTPException) as e:
                status = type(e).__name__
                conn.close()
                conn = http.client.HTTPConnection(url.hostname, url.port or 80, timeout=30)
            mine_lat.append(time.perf_counter() - start)
            mine_st[status] = mine_st.get(status, 0) + 1
        conn.close()
        with lock:
            latencies.extend(mine_lat)
            accepted[0] += mine_acc
            for k, v in mine_st.items():
                statuses[k] = statuses.get(k, 0) + v

    threads = [threading.Thread(target=drive) for _ in range(o.c)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start, sorted(latencies), statuses, accepted[0]


def vm_rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
    except (OSError, StopIteration):
        return None


def sample_rss(pid, stop, peak):
    while True:
        rss = vm_rss_kib(pid)
        if rss is not None:
            peak[0] = max(peak[0], rss)
        if stop.wait(0.5):
            return


def pct(values, q):
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))] * 1000 if values else None


rss_stop, rss_peak = threading.Event(), [0]
if o.rss_pid:
    threading.Thread(target=sample_rss, args=(o.rss_pid, rss_stop, rss_peak), daemon=True).start()
_, _, warmup_statuses, warmup_accepted = phase(o.warmup)
procs = {name: int(pid) for name, pid in (x.split("=", 1) for x in o.pid)}
backends = pg_backends(o.pg_backends_of) if o.pg_backends_of else []
before = {pid: cpu_ticks(pid) for pid in [*procs.values(), *backends]}
duration, lat, statuses, accepted = phase(o.duration)
after = {pid: cpu_ticks(pid) for pid in before}
rss_stop.set()
used = {pid: (after[pid] - before[pid]) / TICK for pid in before if before[pid] is not None and after[pid] is not None}
n = len(lat)
cpu = {name: used.get(pid, 0.0) for name, pid in procs.items()}
if o.pg_backends_of:
    cpu["postgres_backends"] = sum(used.get(b, 0.0) for b in backends)
total_cpu = sum(cpu.values())
result = {"label": o.label, "concurrency": o.c, "warmup_s": o.warmup, "duration_s": round(duration, 3),
          "body_bytes": len(pool[0][0]), "requests": n, "req_per_s": round(n / duration, 1) if duration else 0,
          "p50_ms": pct(lat, .50), "p99_ms": pct(lat, .99), "p999_ms": pct(lat, .999),
          "max_ms": lat[-1] * 1000 if lat else None, "statuses": statuses,
          "warmup_statuses": warmup_statuses, "accepted_total": warmup_accepted + accepted,
          "cpu_s": {k: round(v, 2) for k, v in cpu.items()}, "pg_backends": len(backends),
          "cpu_ms_per_req": round(total_cpu * 1000 / n, 3) if n else None,
          "rss_max_kib": rss_peak[0] or None,
          "pool_exhausted": cursor[0] >= len(pool)}
if o.json:
    with open(o.json, "w") as f:
        json.dump(result, f, indent=1)
r = result
print(f"{o.label} c={o.c}: {r['req_per_s']} req/s over {r['duration_s']} s, p50 {r['p50_ms']:.1f} p99 {r['p99_ms']:.1f} "
      f"p99.9 {r['p999_ms']:.1f} ms, statuses {statuses}, accepted (with warm-up) {r['accepted_total']}, "
      f"CPU {r['cpu_ms_per_req']} ms/req {r['cpu_s']}"
      + (f", max RSS {r['rss_max_kib'] // 1024} MiB" if r["rss_max_kib"] else "")
      + ("  (pre-signed pool exhausted: raise --max-rate)" if r["pool_exhausted"] else ""), file=sys.stderr)
