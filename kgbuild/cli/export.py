"""``kgbuild export GRAPH --to graphml|gexf|neo4j|csv -o PATH``: the entity graph as a property graph."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kgbuild.errors import KgbuildError

FORMATS = ("graphml", "gexf", "neo4j", "csv")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "export", help="write the entity graph as GraphML, GEXF (Gephi, Cytoscape, yEd), Neo4j import files or CSV",
        description="Write the entities and relations of a graph file as a property graph: nodes with id, label, "
        "type, aliases and mention count; one edge per statement with predicate, confidence, negated, modality, "
        "sentence and document. graphml and gexf write one file; neo4j (neo4j-admin import CSVs and a LOAD CSV "
        "script) and csv (nodes.csv, edges.csv) write a folder.",
    )
    p.add_argument("graph", help="graph file written by kgbuild build (.ttl .nt .nq .trig .jsonld)")
    p.add_argument("--to", required=True, choices=FORMATS, help="the format to write")
    p.add_argument("-o", "--output", metavar="PATH",
                   help="file (graphml, gexf) or folder (neo4j, csv) to write (default: GRAPH beside itself, "
                        "with .graphml, .gexf, -neo4j or -csv)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kgbuild.propgraph import WRITERS, property_graph
    from kgbuild.rdf.load import load_graph

    write, folder = WRITERS[args.to]
    graph_path = Path(args.graph)
    output = Path(args.output) if args.output else graph_path.with_name(
        f"{graph_path.stem}-{args.to}" if folder else f"{graph_path.stem}.{args.to}")
    if output.exists() and output.resolve() == graph_path.resolve():
        raise KgbuildError("output would overwrite the graph itself; choose another -o", path=output)
    if folder and output.exists() and not output.is_dir():
        raise KgbuildError(f"--to {args.to} writes a folder, and this is a file", path=output)
    if not folder and output.is_dir():
        raise KgbuildError(f"--to {args.to} writes a file, and this is a folder", path=output)
    graph = property_graph(load_graph(graph_path))
    write(graph, output)
    print(f"wrote {output} ({graph.number_of_nodes()} entities, {graph.number_of_edges()} statements)", file=sys.stderr)
    return 0
