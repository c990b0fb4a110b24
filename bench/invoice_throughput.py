#!/usr/bin/env python3
"""Invoices per second from command to side effects recorded, against a running hub (python3 stdlib only).

Posts N invoices with C concurrent clients to POST /api/invoices, then waits until every invoice's side effects are
recorded as done in GET /api/invoices/{id}. Rates and latencies come from the hub's own timestamps (invoice
`createdAt`, side-effect entry `completedAt`), so polling speed does not distort them:

  pipeline rate = N / (last side effect's completedAt - first invoice createdAt)
  latency       = invoice's last side effect's completedAt - invoice createdAt, per invoice

What counts as done, per timeline list (an entry's completedAt is when the hub stored the vendor call's result):
  payments        `{id}:create-payment-intent` status `succeeded`           (the PaymentIntent is created)
  accountingPosts `{id}:post-invoice` status `succeeded`                     (--all-side-effects: the entry is posted)
  smsMessages     `{id}:sms-invoice-issued` with the vendor's message SID and status queued, sent or delivered
                  (--all-side-effects with --phone: Twilio accepted the message; the later delivery callbacks
                  are the vendor's own pace and not waited for)
Without --all-side-effects only the payment intent is waited for (the first measure of issue 12).

--pid NAME=PID (repeatable) adds the CPU time (utime+stime from /proc/PID/stat) each process used from the first
POST until every invoice was seen done, per invoice; "machine" is the busy time of every CPU over the same window
(PostgreSQL, the broker and this client included), per invoice.

Usage: bench/invoice_throughput.py --base-url http://127.0.0.1:18082 --token bench-token -n 300 -c 16 \
           --phone --all-side-effects --json out.json [--pid hub=1234]
"""
import argparse
import concurrent.futures
import datetime
import http.client
import json
import os
import statistics
import sys
import threading
import time
import urllib.parse
import uuid

SMS_ACCEPTED = {"queued", "sent", "delivered"}
TICK = os.sysconf("SC_CLK_TCK")


def machine_busy_ticks():
    """Busy CPU ticks of the whole machine (every process, the load generator too), from /proc/stat."""
    with open("/proc/stat") as f:
        user, nice, system, idle, iowait, irq, softirq, steal = (int(x) for x in f.readline().split()[1:9])
    return user + nice + system + irq + softirq + steal


def parse_time(text):
    # Instant as Jackson writes it: 2026-01-15T10:11:12.123456Z
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def cpu_ticks(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    except (OSError, IndexError):
        return None


class Client(threading.local):
    """One keep-alive HTTP connection per thread."""

    def __init__(self, base_url, token):
        url = urllib.parse.urlparse(base_url)
        self.host, self.port = url.hostname, url.port or 80
        self.headers = {"Authorization": "Bearer " + token}
        self.conn = None

    def request(self, method, path, body=None):
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
            try:
                headers = dict(self.headers)
                if body is not None:
                    headers["Content-Type"] = "application/json"
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                return response.status, response.read().decode()
            except (http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = None
                if attempt == 2 or method == "POST":
                    raise


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(p / 100 * len(ordered) + 0.5)) - 1))]


def entry(entries, suffix):
    found = [e for e in entries if e["idempotencyKey"].endswith(suffix)]
    return found[0] if found else None


def done_at(timeline, all_side_effects, phone):
    """When the invoice's last awaited side effect was recorded (hub clock), or None while one is still open."""
    wanted = []
    payment = entry(timeline["payments"], ":create-payment-intent")
    wanted.append(payment if payment and payment["status"] == "succeeded" else None)
    if all_side_effects:
        post = entry(timeline["accountingPosts"], ":post-invoice")
        wanted.append(post if post and post["status"] == "succeeded" else None)
        if phone:
            sms = entry(timeline["smsMessages"], ":sms-invoice-issued")
            wanted.append(sms if sms and sms["reference"] and sms["status"] in SMS_ACCEPTED else None)
    if any(e is None or e["completedAt"] is None for e in wanted):
        return None
    return max(parse_time(e["completedAt"]) for e in wanted)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-url", default="http://127.0.0.1:18082")
    parser.add_argument("--token", default="bench-token")
    parser.add_argument("-n", "--invoices", type=int, default=1000)
    parser.add_argument("-c", "--concurrency", type=int, default=16)
    parser.add_argument("--phone", action="store_true", help="give every customer a phone (adds the SMS side effect)")
    parser.add_argument("--all-side-effects", action="store_true",
                        help="wait for the ledger posting and (with --phone) the SMS too, not only the payment intent")
    parser.add_argument("--json", metavar="FILE", help="also write the results as one JSON object to FILE")
    parser.add_argument("--pid", action="append", default=[], metavar="NAME=PID",
                        help="account this process's CPU time to the run (repeatable)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds to wait for all side effects")
    args = parser.parse_args()

    procs = {name: int(pid) for name, pid in (p.split("=", 1) for p in args.pid)}
    client = Client(args.base_url, args.token)
    run = uuid.uuid4().hex[:8]
    ids = ["BENCH-%s-%05d" % (run, i) for i in range(args.invoices)]

    def post(invoice_id):
        customer = {"id": "C-1", "name": "Bench Customer"}
        if args.phone:
            customer["phone"] = "+15551234567"
        body = json.dumps({"invoiceId": invoice_id, "customer": customer, "currency": "USD",
                           "amountMinor": 12500, "description": "benchmark"})
        started = time.monotonic()
        status, _ = client.request("POST", "/api/invoices", body)
        if status != 202:
            raise RuntimeError("POST %s answered %s" % (invoice_id, status))
        return time.monotonic() - started

    cpu_before = {name: cpu_ticks(pid) for name, pid in procs.items()}
    machine_before = machine_busy_ticks()
    wall_start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(args.concurrency) as pool:
        post_latencies = list(pool.map(post, ids))
    posted_after = time.monotonic() - wall_start

    def progress(invoice_id):
        status, body = client.request("GET", "/api/invoices/" + invoice_id)
        if status != 200:
            raise RuntimeError("GET %s answered %s" % (invoice_id, status))
        timeline = json.loads(body)
        finished = done_at(timeline, args.all_side_effects, args.phone)
        return None if finished is None else (parse_time(timeline["createdAt"]), finished)

    # wait cheaply: poll the last posted invoice until it is done, then collect every invoice's timestamps
    deadline = time.monotonic() + args.timeout
    while progress(ids[-1]) is None:
        if time.monotonic() > deadline:
            sys.exit("timed out waiting for " + ids[-1])
        time.sleep(0.1)
    results = {}
    pending = list(ids)
    with concurrent.futures.ThreadPoolExecutor(args.concurrency) as pool:
        while pending:
            for invoice_id, result in zip(pending, pool.map(progress, pending)):
                if result is not None:
                    results[invoice_id] = result
            pending = [i for i in pending if i not in results]
            if pending:
                if time.monotonic() > deadline:
                    sys.exit("timed out: %d invoices with side effects still open" % len(pending))
                time.sleep(0.25)
    cpu_after = {name: cpu_ticks(pid) for name, pid in procs.items()}
    machine_after = machine_busy_ticks()

    created = [r[0] for r in results.values()]
    completed = [r[1] for r in results.values()]
    span = max(completed) - min(created)
    latencies = [r[1] - r[0] for r in results.values()]
    awaited = "PaymentIntent" + (", ledger entry" + (" and SMS" if args.phone else "") if args.all_side_effects else "")
    cpu_ms = {name: 1000.0 * (cpu_after[name] - cpu_before[name]) / TICK / args.invoices
              for name in procs if cpu_before[name] is not None and cpu_after[name] is not None}
    cpu_ms["machine"] = 1000.0 * (machine_after - machine_before) / TICK / args.invoices
    report = {
        "invoices": args.invoices,
        "concurrency": args.concurrency,
        "phone": args.phone,
        "all_side_effects": args.all_side_effects,
        "awaited": awaited,
        "run": run,
        "rate": args.invoices / span,
        "span_s": span,
        "post_rate": args.invoices / posted_after,
        "post_latency_ms": {"p50": 1000 * statistics.median(post_latencies),
                            "p95": 1000 * percentile(post_latencies, 95), "max": 1000 * max(post_latencies)},
        "latency_ms": {"p50": 1000 * statistics.median(latencies), "p95": 1000 * percentile(latencies, 95),
                       "max": 1000 * max(latencies)},
        "cpu_ms_per_invoice": cpu_ms,
    }
    print("invoices: %d, HTTP clients: %d, run %s" % (args.invoices, args.concurrency, run))
    print("POST /api/invoices: %.1f s for all -> %.1f commands/s accepted; latency p50 %.1f ms, p95 %.1f ms"
          % (posted_after, report["post_rate"], report["post_latency_ms"]["p50"], report["post_latency_ms"]["p95"]))
    print("command -> %s recorded: %.2f s from first invoice to last -> %.1f invoices/s"
          % (awaited, span, report["rate"]))
    print("per invoice (createdAt -> last awaited completedAt): p50 %.0f ms, p95 %.0f ms, max %.0f ms"
          % (report["latency_ms"]["p50"], report["latency_ms"]["p95"], report["latency_ms"]["max"]))
    for name, ms in cpu_ms.items():
        print("CPU %s: %.1f ms per invoice" % (name, ms))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(report, f, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
