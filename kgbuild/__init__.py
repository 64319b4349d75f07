"""kgbuild: a knowledge graph from English news text, to query and to look at.

Example
-------
>>> from kgbuild import build_graph
>>> kg = build_graph(["Hillary Clinton met Pakistani journalists in Islamabad."])
>>> kg.summary()["documents"]
1
"""

from kgbuild.errors import KgbuildError
from kgbuild.records import Document

#: Loaded on first use: they import spaCy, which costs seconds that ``kgbuild query`` or ``serve`` never need.
_LAZY = {
    "build_graph": "kgbuild.pipeline", "make_pipeline": "kgbuild.pipeline", "resolve_documents": "kgbuild.pipeline",
    "KnowledgeGraph": "kgbuild.graph", "read_inputs": "kgbuild.read",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'kgbuild' has no attribute {name!r}")


__version__ = "0.1.0"
__all__ = ["Document", "KgbuildError", "KnowledgeGraph", "build_graph", "make_pipeline", "read_inputs", "resolve_documents"]
