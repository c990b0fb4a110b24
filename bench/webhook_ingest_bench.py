#!/usr/bin/env python3
"""Webhook ingest throughput and latency against a running hub (python3 stdlib only).

  python3 bench/webhook_ingest_bench.py --base http://127.0.0.1:8080 --secret whsec_x -n 3000 -c 16

Sends N signed Stripe events (each a new event id, so each is verified, stored, committed and queued) from C
threads, each on its own keep-alive connection, and prints throughput, latency percentiles (time from sending
the request to reading the whole answer) and the answers' status codes. --duplicates sends one event N times
instead (the duplicate path: verify, conflict, count). The client runs on the same machine as the hub: on a
small machine it competes with it for CPU, so the numbers are a floor.
"""
import argparse, hashlib, hmac, http.client, json, threading, time, urllib.parse, uuid

p = argparse.ArgumentParser()
p.add_argument("--base", default="http://127.0.0.1:8080")
p.add_argument("--secret", required=True, help="one of HUB_STRIPE_WEBHOOK_SECRETS")
p.add_argument("-n", type=int, default=2000, help="requests to time")
p.add_argument("-c", type=int, default=16, help="concurrent connections")
p.add_argument("--warmup", type=int, default=200, help="untimed requests first (JIT, pools)")
p.add_argument("--type", default="customer.created", help="event type (an unhandled type is stored and ignored)")
p.add_argument("--duplicates", action="store_true", help="send one event id over and over")
o = p.parse_args()
url = urllib.parse.urlparse(o.base)
run = uuid.uuid4().hex[:8]
fixed_id = f"evt_bench_dup_{run}"


def signed(event_id):
    body = json.dumps({"id": event_id, "object": "event", "type": o.type, "created": int(time.time()),
                       "data": {"object": {"id": "cus_bench", "object": "customer"}}}).encode()
    ts = int(time.time())
    sig = hmac.new(o.secret.encode(), f"{ts}.".encode() + body, hashlib.sha256).hexdigest()
    return body, {"Content-Type": "application/json", "Stripe-Signature": f"t={ts},v1={sig}"}


def drive(count, latencies, statuses, lock, counter):
    conn = http.client.HTTPConnection(url.hostname, url.port or 80, timeout=30)
    while True:
        with lock:
            if counter[0] >= count:
                break
            i = counter[0]
            counter[0] += 1
        body, headers = signed(fixed_id if o.duplicates else f"evt_bench_{run}_{i}_{count}")
        start = time.perf_counter()
        try:
            conn.request("POST", "/webhooks/stripe", body, headers)
            r = conn.getresponse()
            r.read()
            status = r.status
        except (OSError, http.client.HTTPException) as e:
            status = type(e).__name__
            conn.close()
            conn = http.client.HTTPConnection(url.hostname, url.port or 80, timeout=30)
        elapsed = time.perf_counter() - start
        with lock:
            latencies.append(elapsed)
            statuses[status] = statuses.get(status, 0) + 1
    conn.close()


def phase(count):
    latencies, statuses, lock, counter = [], {}, threading.Lock(), [0]
    threads = [threading.Thread(target=drive, args=(count, latencies, statuses, lock, counter)) for _ in range(o.c)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start, sorted(latencies), statuses


def pct(sorted_values, q):
    return sorted_values[min(len(sorted_values) - 1, int(round(q * (len(sorted_values) - 1))))] * 1000


if o.warmup:
    phase(o.warmup)
duration, lat, statuses = phase(o.n)
print(f"requests {len(lat)}  concurrency {o.c}  mode {'duplicates' if o.duplicates else 'new events'}")
print(f"duration {duration:.2f} s  throughput {len(lat) / duration:.1f} req/s")
print(f"latency ms  p50 {pct(lat, .50):.1f}  p90 {pct(lat, .90):.1f}  p99 {pct(lat, .99):.1f}  max {lat[-1] * 1000:.1f}")
print("statuses", dict(sorted(statuses.items(), key=str)))
