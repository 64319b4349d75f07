"""GraphML (Gephi, Cytoscape, yEd, igraph): networkx's writer and reader, our fields typed.

Example
-------
>>> import tempfile, pathlib
>>> from kgbuild import build_graph
>>> path = pathlib.Path(tempfile.mkdtemp()) / "graph.graphml"
>>> write_graphml(build_graph(["Hillary Clinton met Pakistani journalists."]), path)
>>> g = read_graphml(path)
>>> [(d["predicate"], d["confidence"] > 0) for _, _, d in g.edges(data=True)]
[('meet', True)]
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from kgbuild.atomic import atomic_write
from kgbuild.propgraph.model import property_graph


def write_graphml(source, path: str | Path) -> None:
    """Write the property graph of ``source`` (a KnowledgeGraph, rdflib graph or GraphModel) as GraphML."""
    graph = source if isinstance(source, nx.MultiDiGraph) else property_graph(source)
    with atomic_write(path, "wb") as handle:
        nx.write_graphml(graph, handle, named_key_ids=True)


def read_graphml(path: str | Path) -> nx.MultiDiGraph:
    """A GraphML file written by ``write_graphml`` as the property graph (networkx keeps the types)."""
    return nx.MultiDiGraph(nx.read_graphml(path, force_multigraph=True))
