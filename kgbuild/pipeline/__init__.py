"""Running the stages: read → parse → extract → resolve → graph, serially, in processes or on Dask.

``stream`` holds the serial core (the pipeline, batching, one pass over documents); ``processes`` and
``cluster`` run that core in local worker processes or on a Dask cluster; ``run`` picks one of them.
"""

from kgbuild.pipeline.run import build_graph, resolve_documents
from kgbuild.pipeline.stream import make_pipeline

__all__ = ["build_graph", "make_pipeline", "resolve_documents"]
