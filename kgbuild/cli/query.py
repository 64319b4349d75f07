"""``kgbuild query GRAPH "SPARQL"``: ask a graph file or a store a SPARQL question."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kgbuild.errors import KgbuildError
from kgbuild.sparql.local import run_bounded


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "query",
        help="run a SPARQL query on a graph file or a store",
        description="Run a SPARQL 1.1 query on a graph (any RDF format kgbuild writes) or a store directory. "
        "The prefixes kg: rel: ent: doc: st: rdf: rdfs: owl: skos: prov: dcterms: xsd: schema: nif: itsrdf: are predeclared; "
        "the default graph is the union of all graphs.",
    )
    p.add_argument("graph", help="graph file (.ttl .nt .nq .trig .jsonld) or store directory")
    p.add_argument("sparql", nargs="?", help="the query text (or use -q FILE)")
    p.add_argument("-q", "--query-file", metavar="FILE", help="read the query from FILE (.rq)")
    p.add_argument("--format", choices=["table", "csv", "tsv", "json", "xml"], default="table",
                   help="output: a text table (default) or SPARQL 1.1 results (json, csv, tsv, xml); CONSTRUCT prints Turtle")
    p.add_argument("--max-results", "--limit", dest="max_results", type=int, default=None, metavar="N",
                   help="print at most N rows or triples (default: all)")
    p.add_argument("--timeout", type=float, default=60.0, metavar="S",
                   help="stop the query after S seconds, not counting loading the graph (default 60; 0: no limit)")
    p.add_argument("--allow-service", action="store_true",
                   help="let SERVICE clauses send requests to other servers (refused by default: this is an offline tool)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if (args.sparql is None) == (args.query_file is None):
        raise KgbuildError("give the query either as text or with -q FILE, not both or neither")
    if args.query_file:
        path = Path(args.query_file)
        try:
            sparql = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise KgbuildError(exc.strerror or "cannot read", path=path) from None
        except UnicodeDecodeError:
            raise KgbuildError("not UTF-8 text", path=path) from None
    else:
        sparql = args.sparql
    if args.max_results is not None and args.max_results < 1:
        raise KgbuildError(f"--max-results must be at least 1, not {args.max_results}")
    if args.timeout < 0:
        raise KgbuildError(f"--timeout must be 0 (no limit) or more, not {args.timeout:g}")
    if not Path(args.graph).exists():
        raise KgbuildError("no such file or store directory", path=args.graph)
    # in a child process: rows are printed as they come, and Ctrl-C or --timeout stop it at once
    run_bounded(args.graph, sparql, args.format, sys.stdout.buffer, timeout=args.timeout or None,
                max_results=args.max_results, allow_service=args.allow_service)
    return 0
