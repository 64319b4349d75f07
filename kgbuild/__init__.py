"""kgbuild: a knowledge graph from English news text, to query and to look at.

The stages, one package each: ``read`` → ``parse`` → ``extract`` → ``resolve`` → ``graph`` →
``rdf`` / ``sparql`` / ``view``; ``pipeline`` runs them and ``cli`` is the command line over it.

Example
-------
>>> from kgbuild import build_graph
>>> kg = build_graph(["Hillary Clinton met Pakistani journalists in Islamabad."])
>>> kg.summary()["documents"]
1
"""

import importlib
import importlib.metadata

from kgbuild.config import BuildConfig
from kgbuild.errors import KgbuildError
from kgbuild.records import Document, ResolvedDocument

#: Loaded on first use: they import spaCy, which costs seconds that ``kgbuild query`` or ``serve`` never need.
_LAZY = {
    "read_inputs": "kgbuild.read",
    "make_pipeline": "kgbuild.pipeline", "resolve_documents": "kgbuild.pipeline", "build_graph": "kgbuild.pipeline",
    "build_files": "kgbuild.pipeline.build",
    "KnowledgeGraph": "kgbuild.graph", "load_graph": "kgbuild.rdf", "run_query": "kgbuild.sparql",
}


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'kgbuild' has no attribute {name!r}")


try:
    __version__ = importlib.metadata.version("kgbuild")
except importlib.metadata.PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    # records and errors
    "Document", "ResolvedDocument", "KgbuildError",
    # configuration
    "BuildConfig",
    # the pipeline
    "read_inputs", "make_pipeline", "resolve_documents", "build_graph", "build_files",
    # the graph and what you do with it
    "KnowledgeGraph", "load_graph", "run_query",
]
