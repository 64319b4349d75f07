"""Reading our RDF files: a pyoxigraph ``Store`` for SPARQL at scale, an rdflib ``Dataset`` for small
graphs, or the ``Graph`` the view reads. Parsing always goes through oxigraph, whose errors name the line.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib import URIRef

from kgbuild.errors import KgbuildError
from kgbuild.rdf.formats import RdfFormatInfo, format_for
from kgbuild.rdf.store import location
from kgbuild.rdf.terms import to_rdflib
from kgbuild.rdf.vocab import ALL_PREFIXES


def load_graph(path: str | Path) -> rdflib.Graph:
    """Read an RDF file into one rdflib graph (named graphs of .nq/.trig are merged).

    Parsing goes through ``kgbuild.rdf.load.load`` (pyoxigraph): much faster than rdflib on
    corpus-sized graphs, and its errors name the line.

    Parameters
    ----------
    path : str or Path
        A ``.ttl``, ``.nt``, ``.nq``, ``.trig`` or ``.jsonld`` file, or a store directory.

    Returns
    -------
    rdflib.Graph
        The union of all triples in the file or store.

    Raises
    ------
    KgbuildError
        When the file is missing, has an unknown extension or does not parse.

    Example
    -------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.ttl"
    >>> _ = p.write_text("<urn:a> <urn:b> <urn:c> .")
    >>> len(load_graph(p))
    1
    """
    path = Path(path)
    if path.is_dir():
        return graph_from_store(open_source(path))  # a store (kgbuild's or a plain Oxigraph one)
    return graph_from_store(load(path))


def graph_from_store(store: ox.Store) -> rdflib.Graph:
    """Every triple of a pyoxigraph store (all graphs merged) as one rdflib graph.

    Example
    -------
    >>> s = ox.Store()
    >>> s.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.Literal("c"), ox.NamedNode("urn:g")))
    >>> len(graph_from_store(s))
    1
    """
    cache: dict = {}  # IRIs repeat a lot: convert each term once

    def term(t):
        hit = cache.get(t)
        if hit is None:
            hit = cache[t] = to_rdflib(t)
        return hit

    graph = rdflib.Graph()
    graph.addN((term(q.subject), term(q.predicate), term(q.object), graph) for q in store)
    return graph


def parse_error(exc: Exception, path: Path, info: RdfFormatInfo) -> KgbuildError:
    """The one-line error for a file that could not be read as ``info``'s format."""
    if isinstance(exc, FileNotFoundError):
        return KgbuildError("no such file", path=path)
    if isinstance(exc, IsADirectoryError):
        return KgbuildError("is a directory, not an RDF file", path=path)
    if isinstance(exc, PermissionError):
        return KgbuildError("permission denied", path=path)
    msg = exc.msg if isinstance(exc, SyntaxError) and exc.msg else str(exc)
    msg = " ".join(msg.split())  # one line
    return KgbuildError(f"not valid {info.name}: {msg}", path=path)


def load(path: str | Path, format: str | None = None) -> ox.Store:
    """Load an RDF file into an in-memory pyoxigraph store.

    Parameters
    ----------
    path : str or Path
        A file in one of ``FORMATS``.
    format : str, optional
        Overrides the format the extension implies.

    Returns
    -------
    pyoxigraph.Store
        Triple formats land in the default graph, quad formats keep their named graphs.

    Example
    -------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.nt"
    >>> _ = p.write_text('<http://e/a> <http://e/p> "x" .\\n')
    >>> len(load(p))
    1
    """
    path = Path(path)
    info = format_for(path, format)
    store = ox.Store()
    try:
        store.load(path=str(path), format=info.oxigraph)
    except (SyntaxError, OSError, ValueError) as exc:
        raise parse_error(exc, path, info) from None
    return store


def load_rdflib(path: str | Path, format: str | None = None) -> rdflib.Dataset:
    """Load a (small) RDF file with rdflib, named graphs kept.

    Parameters
    ----------
    path : str or Path
        A file in one of ``FORMATS``.
    format : str, optional
        Overrides the format the extension implies.

    Returns
    -------
    rdflib.Dataset
        For triple formats everything is in the default graph.

    Example
    -------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.nt"
    >>> _ = p.write_text('<http://e/a> <http://e/p> "x" .\\n')
    >>> len(load_rdflib(p))
    1
    """
    path = Path(path)
    info = format_for(path, format)
    if not path.is_file():
        raise parse_error(FileNotFoundError() if not path.exists() else IsADirectoryError(), path, info)
    # parse with oxigraph first: its errors name the line, rdflib's often do not
    store = load(path, info.name)
    ds = rdflib.Dataset()
    for prefix, ns in ALL_PREFIXES.items():
        ds.bind(prefix, ns, override=True)
    for q in store:
        s, p, o = to_rdflib(q.subject), URIRef(q.predicate.value), to_rdflib(q.object)
        if isinstance(q.graph_name, ox.DefaultGraph):
            ds.add((s, p, o))
        else:
            ds.add((s, p, o, URIRef(q.graph_name.value)))
    return ds


def open_source(source: str | Path) -> ox.Store:
    """A store for ``source``: an RDF file (loaded in memory) or a store directory (read-only).

    Example
    -------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.nt"
    >>> _ = p.write_text('<http://e/a> <http://e/p> "x" .\\n')
    >>> len(open_source(p))
    1
    """
    path = Path(source)
    if path.is_dir():
        try:
            return ox.Store.read_only(str(location(path)))
        except OSError as exc:
            raise KgbuildError(f"cannot open the store: {' '.join(str(exc).split())}", path=path) from None
    return load(path)
