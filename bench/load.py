"""Load test of ``kgbuild serve``: N concurrent clients for T seconds on loopback.

Starts the endpoint on 127.0.0.1 (a free port) over a graph of our shape
(synthetic, see bench/rdf.py, or --graph FILE), then runs a query mix — an
entity looked up by label, its statements with sentences, relation counts —
and prints requests/s, p50/p95 latency and errors (which must be 0).

    .venv/bin/python bench/load.py                       # 8 clients, 10 s, 100k triples
    .venv/bin/python bench/load.py --clients 16 --seconds 20 --workers 2
    .venv/bin/python bench/load.py --burst 200           # 200 connections at once, one query each

``--burst N`` opens N connections at the same moment (a barrier), each sending one query,
and prints the p50/p95/max latency and the errors (503s with Retry-After counted apart):
what a listen backlog of 5 turned into TCP retries of 1, 3, 7, 15 and 31 s.
"""

from __future__ import annotations

import argparse
import http.client
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from rdf import synthetic_quads  # noqa: E402

import kgbuild.rdf as rdfio  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
QUERIES = [
    "SELECT ?e ?type WHERE {{ ?e rdfs:label 'Entity {n}' ; a ?type }}",
    "SELECT ?p ?other ?sentence WHERE {{ ?e rdfs:label 'Entity {n}' . ?st rdf:subject ?e ; rdf:predicate ?p ; "
    "rdf:object ?o ; kg:sentence ?sentence . ?o rdfs:label ?other }} LIMIT 50",
    "SELECT ?p (COUNT(*) AS ?n) WHERE {{ ?st rdf:predicate ?p }} GROUP BY ?p ORDER BY DESC(?n)",
]


def client(host: str, port: int, deadline: float, entities: int, seed: int, latencies: list, errors: list) -> None:
    rng = random.Random(seed)
    while time.monotonic() < deadline:
        query = rng.choice(QUERIES).format(n=rng.randrange(entities))
        path = "/query?" + urllib.parse.urlencode({"query": query})
        start = time.perf_counter()
        try:
            conn = http.client.HTTPConnection(host, port, timeout=60)
            conn.request("GET", path, headers={"Accept": "application/sparql-results+json"})
            resp = conn.getresponse()
            resp.read()
            conn.close()
            if resp.status != 200:
                errors.append(f"HTTP {resp.status}")
                continue
        except OSError as exc:
            errors.append(type(exc).__name__)
            continue
        latencies.append(time.perf_counter() - start)


def burst(host: str, port: int, n: int, entities: int) -> tuple[list[float], list[str], int]:
    """N connections opened at once, one query each: (latencies of the answered, errors, 503s)."""
    barrier = threading.Barrier(n)
    latencies: list[float] = []
    errors: list[str] = []
    busy = [0]

    def one(i: int) -> None:
        query = QUERIES[0].format(n=i % entities)
        path = "/query?" + urllib.parse.urlencode({"query": query})
        conn = http.client.HTTPConnection(host, port, timeout=120)  # bounded: a lost request ends in 2 min
        try:
            barrier.wait(timeout=60)
            start = time.perf_counter()
            conn.request("GET", path, headers={"Accept": "application/sparql-results+json"})
            resp = conn.getresponse()
            resp.read()
            if resp.status == 503 and resp.getheader("Retry-After"):
                busy[0] += 1
            elif resp.status != 200:
                errors.append(f"HTTP {resp.status}")
            else:
                latencies.append(time.perf_counter() - start)
        except (OSError, threading.BrokenBarrierError) as exc:
            errors.append(type(exc).__name__)
        finally:
            conn.close()

    threads = [threading.Thread(target=one, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, errors, busy[0]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--triples", type=int, default=100_000, help="size of the synthetic graph")
    ap.add_argument("--graph", type=Path, help="serve this graph instead of a synthetic one")
    ap.add_argument("--workers", type=int, default=2, help="kgbuild serve --workers")
    ap.add_argument("--burst", type=int, metavar="N", help="open N connections at once, one query each (at most 1000)")
    args = ap.parse_args()
    args.seconds = min(args.seconds, 300.0)  # bounded: this is a shared machine
    if args.burst is not None:
        args.burst = max(1, min(args.burst, 1000))

    entities = 1
    if args.graph is None:
        args.graph = Path(tempfile.mkdtemp(prefix="kgload-")) / "graph.nq"
        quads = synthetic_quads(args.triples)
        entities = sum(1 for _, p, _, _ in quads if str(p).endswith("#mentionCount"))
        rdfio.write_quads(quads, args.graph)
    proc = subprocess.Popen(
        [sys.executable, "-m", "kgbuild", "serve", str(args.graph), "--port", "0", "--workers", str(args.workers),
         "--timeout", "30"],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    try:
        line = proc.stdout.readline()
        url = urllib.parse.urlsplit(line.split("at ", 1)[1].split()[0])
        if args.burst:
            latencies, errors, busy = burst(url.hostname, url.port, args.burst, entities)
            q = statistics.quantiles(latencies, n=20) if len(latencies) >= 2 else [float("nan")] * 19
            print(f"kgbuild serve, {args.workers} workers, burst of {args.burst} connections, graph {args.graph.name}")
            print(f"p50 {q[9] * 1000:.1f} ms   p95 {q[18] * 1000:.1f} ms   max {max(latencies, default=float('nan')) * 1000:.1f} ms"
                  f"   ok {len(latencies)}   503 busy {busy}   errors {len(errors)}"
                  f"{' ' + str(sorted(set(errors))) if errors else ''}")
            return 1 if errors else 0
        latencies: list[float] = []
        errors: list[str] = []
        deadline = time.monotonic() + args.seconds
        threads = [threading.Thread(target=client, args=(url.hostname, url.port, deadline, entities, i, latencies, errors))
                   for i in range(args.clients)]
        start = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - start
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    q = statistics.quantiles(latencies, n=20) if len(latencies) >= 2 else [float("nan")] * 19
    print(f"kgbuild serve, {args.workers} workers, {args.clients} clients, {elapsed:.1f} s, graph {args.graph.name}")
    print(f"requests/s {len(latencies) / elapsed:.1f}   p50 {q[9] * 1000:.1f} ms   p95 {q[18] * 1000:.1f} ms   "
          f"ok {len(latencies)}   errors {len(errors)}{' ' + str(sorted(set(errors))) if errors else ''}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
