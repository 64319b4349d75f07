"""``kgbuild serve GRAPH_OR_STORE``: a SPARQL 1.1 endpoint, read-only and on loopback by default."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from pathlib import Path

from kgbuild.errors import KgbuildError
from kgbuild.sparql.server import Endpoint, ServeConfig


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "serve",
        help="serve a graph or store as a SPARQL 1.1 endpoint",
        description="Serve a graph file or a store directory at http://HOST:PORT/query (SPARQL 1.1 Protocol: "
        "GET ?query=, POST form or application/sparql-query; results by Accept: JSON, XML, CSV, TSV, Turtle). "
        "Read-only unless --allow-update; SERVICE and LOAD are always refused. It serves what the graph or store "
        "held when it started (restart it after a build --store); updates to a graph file go to a temporary copy, "
        "removed at stop (serve a store to keep them).",
    )
    p.add_argument("source", metavar="GRAPH_OR_STORE", help="graph file (.ttl .nt .nq .trig .jsonld) or store directory")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1, loopback only)")
    p.add_argument("--port", type=int, default=7878, help="port (default 7878; 0 picks a free one)")
    p.add_argument("--allow-update", action="store_true", help="accept SPARQL UPDATE at /update (needs --token)")
    p.add_argument("--token", default=os.environ.get("KGBUILD_SERVE_TOKEN"),
                   help="bearer token required for updates (default: $KGBUILD_SERVE_TOKEN)")
    p.add_argument("--timeout", type=float, default=30.0, metavar="S", help="seconds a query may run (default 30)")
    p.add_argument("--max-results", type=int, default=10_000, metavar="N", help="rows or triples per answer (default 10000)")
    p.add_argument("--workers", type=int, default=min(4, os.cpu_count() or 1), metavar="N",
                   help="query worker processes (default: CPUs, at most 4)")
    p.add_argument("--max-memory", type=int, default=1024, metavar="MB",
                   help="memory each query worker may add while answering, else it is restarted (default 1024; 0 = no limit)")
    p.add_argument("--max-body", type=int, default=1_000_000, metavar="BYTES", help="largest request accepted (default 1 MB)")
    p.add_argument("--queue", type=int, default=ServeConfig.max_connections, metavar="N",
                   help=f"requests answered or waiting for a worker at once; more get 503 and Retry-After at once "
                        f"(default {ServeConfig.max_connections})")
    p.add_argument("--read-timeout", type=float, default=ServeConfig.read_timeout, metavar="S",
                   help=f"seconds a client may take to send its request, else 408 (default {ServeConfig.read_timeout:g})")
    p.add_argument("--max-per-client", type=int, default=ServeConfig.max_per_client, metavar="N",
                   help=f"requests one client address may have still arriving, else 429 (default {ServeConfig.max_per_client})")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    config = ServeConfig(
        source=Path(args.source), host=args.host, port=args.port, allow_update=args.allow_update, token=args.token,
        timeout=args.timeout, max_results=args.max_results, workers=args.workers, max_body=args.max_body,
        max_memory_mb=args.max_memory, max_connections=args.queue, read_timeout=args.read_timeout,
        max_per_client=args.max_per_client,
    )
    for name in ("timeout", "workers", "max_results", "max_body", "queue", "read_timeout", "max_per_client"):
        if getattr(args, name) <= 0:
            raise KgbuildError(f"--{name.replace('_', '-')} must be more than 0, not {getattr(args, name):g}")
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"kgbuild: warning: listening on {args.host}, not loopback: other machines can query this graph",
              file=sys.stderr)
    endpoint = Endpoint(config)
    url = endpoint.start()
    mode = "read-write (updates at /update with the bearer token)" if args.allow_update else "read-only"
    print(f"SPARQL endpoint at {url} ({mode}; timeout {args.timeout:g} s, max {args.max_results} results)", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        stop.wait()
    except KeyboardInterrupt:
        pass
    finally:
        endpoint.close()
    print("stopped", file=sys.stderr)
    return 0
