#!/usr/bin/env python3
"""Invoices per second from command to PaymentIntent recorded, against a running hub (python3 stdlib only).

Posts N invoices with C concurrent clients to POST /api/invoices, then waits until every invoice's
`{id}:create-payment-intent` side effect is `succeeded` in GET /api/invoices/{id}. Rates and latencies come from
the hub's own timestamps (invoice `createdAt`, payment entry `completedAt`), so polling speed does not distort them:

  pipeline rate = N / (last payment completedAt - first invoice createdAt)
  latency       = payment completedAt - invoice createdAt, per invoice

Usage: bench/invoice_throughput.py --base-url http://127.0.0.1:18082 --token bench-token -n 1000 -c 16
"""
import argparse
import concurrent.futures
import datetime
import http.client
import json
import statistics
import sys
import threading
import time
import urllib.parse
import uuid


def parse_time(text):
    # Instant as Jackson writes it: 2026-01-15T10:11:12.123456Z
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


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


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-url", default="http://127.0.0.1:18082")
    parser.add_argument("--token", default="bench-token")
    parser.add_argument("-n", "--invoices", type=int, default=1000)
    parser.add_argument("-c", "--concurrency", type=int, default=16)
    parser.add_argument("--phone", action="store_true", help="give every customer a phone (adds the SMS side effect)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds to wait for all payment intents")
    args = parser.parse_args()

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

    wall_start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(args.concurrency) as pool:
        post_latencies = list(pool.map(post, ids))
    posted_after = time.monotonic() - wall_start

    def payment(invoice_id):
        status, body = client.request("GET", "/api/invoices/" + invoice_id)
        if status != 200:
            raise RuntimeError("GET %s answered %s" % (invoice_id, status))
        timeline = json.loads(body)
        done = [p for p in timeline["payments"] if p["idempotencyKey"].endswith(":create-payment-intent")
                and p["status"] == "succeeded"]
        return (parse_time(timeline["createdAt"]), parse_time(done[0]["completedAt"])) if done else None

    # wait cheaply: poll the last posted invoice until it is done, then collect every invoice's timestamps
    deadline = time.monotonic() + args.timeout
    while payment(ids[-1]) is None:
        if time.monotonic() > deadline:
            sys.exit("timed out waiting for " + ids[-1])
        time.sleep(0.25)
    results = {}
    pending = list(ids)
    with concurrent.futures.ThreadPoolExecutor(args.concurrency) as pool:
        while pending:
            for invoice_id, result in zip(pending, pool.map(payment, pending)):
                if result is not None:
                    results[invoice_id] = result
            pending = [i for i in pending if i not in results]
            if pending:
                if time.monotonic() > deadline:
                    sys.exit("timed out: %d invoices without a payment intent" % len(pending))
                time.sleep(0.5)

    created = [r[0] for r in results.values()]
    completed = [r[1] for r in results.values()]
    span = max(completed) - min(created)
    latencies = [r[1] - r[0] for r in results.values()]
    print("invoices: %d, HTTP clients: %d, run %s" % (args.invoices, args.concurrency, run))
    print("POST /api/invoices: %.1f s for all -> %.1f commands/s accepted; latency p50 %.1f ms, p95 %.1f ms"
          % (posted_after, args.invoices / posted_after, 1000 * statistics.median(post_latencies),
             1000 * percentile(post_latencies, 95)))
    print("command -> PaymentIntent recorded: %.2f s from first invoice to last intent -> %.1f invoices/s"
          % (span, args.invoices / span))
    print("per invoice (createdAt -> payment completedAt): p50 %.0f ms, p95 %.0f ms, max %.0f ms"
          % (1000 * statistics.median(latencies), 1000 * percentile(latencies, 95), 1000 * max(latencies)))


if __name__ == "__main__":
    main()
