"""kgbuild: a knowledge graph from English news text, to query and to look at.

Example
-------
>>> from kgbuild import build_graph
>>> kg = build_graph(["Hillary Clinton met Pakistani journalists in Islamabad."])
>>> kg.summary()["documents"]
1
"""

from kgbuild.errors import KgbuildError
from kgbuild.graph import KnowledgeGraph
from kgbuild.model import Document
from kgbuild.pipeline import build_graph, make_pipeline, resolve_documents
from kgbuild.read import read_inputs

__version__ = "0.1.0"
__all__ = ["Document", "KgbuildError", "KnowledgeGraph", "build_graph", "make_pipeline", "read_inputs", "resolve_documents"]
