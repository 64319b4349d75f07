"""Two CSV files, ``nodes.csv`` and ``edges.csv``: for spreadsheets, pandas, R and any graph tool.

Named ``csvfiles`` so it never shadows the standard library's ``csv``.

Example
-------
>>> import tempfile, pathlib
>>> from kgbuild import build_graph
>>> folder = pathlib.Path(tempfile.mkdtemp()) / "csv"
>>> write_csv(build_graph(["Hillary Clinton met Pakistani journalists."]), folder)
>>> sorted(p.name for p in folder.iterdir())
['edges.csv', 'nodes.csv']
>>> [(s, d["predicate"], o) for s, o, d in read_csv(folder).edges(data=True)]
[('person-hillary_clinton', 'meet', 'concept-doc1-pakistani_journalists')]
"""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx

from kgbuild.atomic import atomic_write
from kgbuild.errors import KgbuildError
from kgbuild.propgraph.model import EDGE_FIELDS, NODE_FIELDS, property_graph, typed


def write_csv(source, folder: str | Path) -> None:
    """Write ``nodes.csv`` (id and ``NODE_FIELDS``) and ``edges.csv`` (source, target and ``EDGE_FIELDS``)."""
    graph = source if isinstance(source, nx.MultiDiGraph) else property_graph(source)
    folder = Path(folder)
    with atomic_write(folder / "nodes.csv") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", *(name for name, _ in NODE_FIELDS)])
        for node, data in graph.nodes(data=True):
            writer.writerow([node, *(data[name] for name, _ in NODE_FIELDS)])
    with atomic_write(folder / "edges.csv") as handle:
        writer = csv.writer(handle)
        writer.writerow(["source", "target", *(name for name, _ in EDGE_FIELDS)])
        for s, o, data in graph.edges(data=True):
            writer.writerow([s, o, *(str(data[name]).lower() if kind is bool else data[name] for name, kind in EDGE_FIELDS)])


def read_csv(folder: str | Path) -> nx.MultiDiGraph:
    """The property graph from a folder written by ``write_csv``."""
    folder = Path(folder)
    graph = nx.MultiDiGraph()
    try:
        with open(folder / "nodes.csv", newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                graph.add_node(row["id"], **{name: typed(row[name], kind) for name, kind in NODE_FIELDS})
        with open(folder / "edges.csv", newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                graph.add_edge(row["source"], row["target"], **{name: typed(row[name], kind) for name, kind in EDGE_FIELDS})
    except (OSError, KeyError) as exc:
        raise KgbuildError(f"not a kgbuild CSV export: {exc}", path=folder) from None
    return graph
