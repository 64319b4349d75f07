"""GEXF (Gephi's own format): networkx's writer and reader.

Example
-------
>>> import tempfile, pathlib
>>> from kgbuild import build_graph
>>> path = pathlib.Path(tempfile.mkdtemp()) / "graph.gexf"
>>> write_gexf(build_graph(["Hillary Clinton met Pakistani journalists."]), path)
>>> sorted(d["label"] for _, d in read_gexf(path).nodes(data=True))
['Hillary Clinton', 'Pakistani', 'Pakistani journalists']
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from kgbuild.atomic import atomic_write
from kgbuild.propgraph.model import property_graph


def write_gexf(source, path: str | Path) -> None:
    """Write the property graph of ``source`` as GEXF 1.2 (node ``label`` is Gephi's label)."""
    graph = source if isinstance(source, nx.MultiDiGraph) else property_graph(source)
    with atomic_write(path, "wb") as handle:
        nx.write_gexf(graph, handle)


def read_gexf(path: str | Path) -> nx.MultiDiGraph:
    """A GEXF file written by ``write_gexf`` as the property graph."""
    graph = nx.read_gexf(path)
    out = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        out.add_node(node, **data)
    for s, o, data in graph.edges(data=True):
        data = {k: v for k, v in data.items() if k not in ("id",)}
        out.add_edge(s, o, **data)
    return out
