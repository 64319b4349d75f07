"""Load test of ``kgbuild serve``: N concurrent clients for T seconds on loopback.

Starts the endpoint on 127.0.0.1 (a free port) over a graph of our shape
(synthetic, see bench/rdf.py, or --graph FILE), then runs a query mix — an
entity looked up by label, its statements with sentences, relation counts —
and prints requests/s, p50/p95 latency and errors (which must be 0).

    .venv/bin/python bench/load.py                       # 8 clients, 10 s, 100k triples
    .venv/bin/python bench/load.py --clients 16 --seconds 20 --workers 2
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--triples", type=int, default=100_000, help="size of the synthetic graph")
    ap.add_argument("--graph", type=Path, help="serve this graph instead of a synthetic one")
    ap.add_argument("--workers", type=int, default=2, help="kgbuild serve --workers")
    args = ap.parse_args()
    args.seconds = min(args.seconds, 300.0)  # bounded: this is a shared machine

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
