"""``kgbuild query GRAPH "SPARQL"``: ask a graph file or a store a SPARQL question."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kgbuild.errors import KgbuildError
from kgbuild.sparql.query import run_query
from kgbuild.sparql.results import serialize


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
    p.add_argument("--limit", type=int, default=None, metavar="N", help="print at most N rows")
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
    result = run_query(args.graph, sparql, limit=args.limit)
    sys.stdout.buffer.write(serialize(result, args.format))
    sys.stdout.flush()
    return 0
