"""Stage 7, asking the graph: SPARQL queries, their results, the endpoint and pushing to other stores."""

from kgbuild.sparql.query import execute, run_query
from kgbuild.sparql.results import QueryResult, serialize

__all__ = ["QueryResult", "execute", "run_query", "serialize"]
