"""``kgbuild stats GRAPH``: what a graph holds, at a glance."""

from __future__ import annotations

import argparse
import dataclasses
import json

from kgbuild.errors import KgbuildError


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "stats",
        help="print a graph's top entities, relation types and documents",
        description="Count a graph's entities, relations, statements and documents and list the most "
        "mentioned and most connected entities, the commonest relation types and the documents.",
    )
    p.add_argument("graph", help="graph file (.ttl .nt .nq .trig .jsonld) or store directory")
    p.add_argument("--top", type=int, default=10, metavar="N", help="length of each list (default 10)")
    p.add_argument("--json", action="store_true", help="print JSON instead of text tables")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.top < 1:
        raise KgbuildError(f"--top must be at least 1, not {args.top}")
    from kgbuild.rdf.load import load_graph
    from kgbuild.view.stats import format_stats, graph_stats

    stats = graph_stats(load_graph(args.graph), top=args.top)
    print(json.dumps(dataclasses.asdict(stats), indent=2, ensure_ascii=False) if args.json else format_stats(stats))
    return 0
