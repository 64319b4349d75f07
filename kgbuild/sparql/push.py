"""Load a graph into any SPARQL 1.1 Graph Store Protocol server (Oxigraph, Fuseki, GraphDB...).

Each graph goes in its own request: the default graph to ``ENDPOINT?default``
and each document graph to ``ENDPOINT?graph=<document IRI>``, so this works
with any server that speaks the standard, not only those that accept N-Quads.
POST merges into what the server holds (RDF is a set: pushing the same graph
twice adds nothing); ``replace=True`` uses PUT, which replaces each graph.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

import kgbuild.rdf as rdfio
from kgbuild.errors import KgbuildError
from kgbuild.rdf.load import open_source


@dataclass
class PushedGraph:
    """One request: the target graph (None = default graph) and how many triples it carried."""

    graph: str | None
    triples: int
    status: int


def graph_url(endpoint: str, graph: str | None) -> str:
    """The Graph Store Protocol URL of ``graph`` (None: the default graph) at ``endpoint``.

    Example
    -------
    >>> graph_url("http://127.0.0.1:7878/store", "https://w3id.org/kgbuild/doc/a")
    'http://127.0.0.1:7878/store?graph=https%3A%2F%2Fw3id.org%2Fkgbuild%2Fdoc%2Fa'
    >>> graph_url("http://127.0.0.1:7878/store", None)
    'http://127.0.0.1:7878/store?default'
    """
    sep = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    if graph is None:
        return f"{endpoint}{sep}default"
    return f"{endpoint}{sep}graph={urllib.parse.quote(graph, safe='')}"


def _graphs(source: str | Path, into: str | None) -> dict:
    """Triples to send, by target graph (None = default graph)."""
    out: dict = {}
    for q in open_source(source):
        name = None if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
        out.setdefault(into if into is not None else name, {})[q.triple] = None
    return out


def push(source: str | Path, endpoint: str, graph: str | None = None, replace: bool = False,
         token: str | None = None, timeout: float = 60.0) -> list[PushedGraph]:
    """Send a graph file or store to a Graph Store Protocol endpoint.

    Parameters
    ----------
    source : str or Path
        A graph in any of ``rdfio.FORMATS`` or a kgbuild store directory.
    endpoint : str
        The server's graph store URL, e.g. ``http://127.0.0.1:7878/store`` for Oxigraph.
    graph : str, optional
        Put everything into this one named graph instead of keeping the source's graphs.
    replace : bool
        PUT (replace each target graph) instead of POST (merge).
    token : str, optional
        Sent as ``Authorization: Bearer TOKEN``.
    timeout : float
        Seconds to wait for each request.

    Returns
    -------
    list of PushedGraph

    Example
    -------
    >>> push("graph.ttl", "http://127.0.0.1:7878/store")  # doctest: +SKIP
    [PushedGraph(graph=None, triples=131, status=204)]
    """
    if urllib.parse.urlsplit(endpoint).scheme not in ("http", "https"):
        raise KgbuildError(f"the endpoint must be an http(s) URL, not {endpoint!r}")
    pushed = []
    for name, triples in sorted(_graphs(source, graph).items(), key=lambda kv: (kv[0] is not None, kv[0] or "")):
        body = ox.serialize(list(triples), format=ox.RdfFormat.TURTLE, prefixes=rdfio.ALL_PREFIXES)
        request = urllib.request.Request(graph_url(endpoint, name), data=body, method="PUT" if replace else "POST")
        request.add_header("Content-Type", "text/turtle; charset=utf-8")
        if token:
            request.add_header("Authorization", f"Bearer {token}")
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                status = response.status
        except urllib.error.HTTPError as exc:
            detail = " ".join(exc.read(300).decode("utf-8", "replace").split())
            raise KgbuildError(f"{endpoint} refused graph {name or '(default)'}: HTTP {exc.code} {exc.reason}: {detail}") from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise KgbuildError(f"cannot reach {endpoint}: {reason}") from None
        pushed.append(PushedGraph(name, len(triples), status))
    return pushed
