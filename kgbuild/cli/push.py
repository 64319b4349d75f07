"""``kgbuild push GRAPH --endpoint URL``: load a graph into a SPARQL Graph Store Protocol server."""

from __future__ import annotations

import argparse
import os

from kgbuild.sparql.push import push


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "push",
        help="load a graph into a SPARQL 1.1 Graph Store Protocol server",
        description="Send a graph file (or store) to a triple store over the SPARQL 1.1 Graph Store Protocol: "
        "the default graph to URL?default, each document graph to URL?graph=IRI. "
        "Example: kgbuild push graph.nq --endpoint http://127.0.0.1:7878/store (Oxigraph).",
    )
    p.add_argument("source", metavar="GRAPH", help="graph file (.ttl .nt .nq .trig .jsonld) or store directory")
    p.add_argument("--endpoint", required=True, metavar="URL", help="the server's graph store URL (Oxigraph: http://HOST:PORT/store)")
    p.add_argument("--graph", metavar="IRI", help="put everything into this one named graph")
    p.add_argument("--replace", action="store_true", help="replace each target graph (HTTP PUT) instead of merging (POST)")
    p.add_argument("--token", default=os.environ.get("KGBUILD_PUSH_TOKEN"), help="bearer token (default: $KGBUILD_PUSH_TOKEN)")
    p.add_argument("--timeout", type=float, default=60.0, metavar="S", help="seconds per request (default 60)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    pushed = push(args.source, args.endpoint, graph=args.graph, replace=args.replace, token=args.token, timeout=args.timeout)
    total = sum(p.triples for p in pushed)
    graphs = f"{len(pushed)} graph{'s' if len(pushed) != 1 else ''}"
    if args.replace:
        print(f"replaced {graphs} with {total} triples at {args.endpoint}")
    else:
        print(f"merged {total} triples into {graphs} at {args.endpoint}")
    return 0
