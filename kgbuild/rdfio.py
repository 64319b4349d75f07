"""Reading and writing our RDF in every format we support, fast: the one module to import.

Reading gives a pyoxigraph ``Store`` (for SPARQL at scale) or, for small
graphs, an rdflib ``Dataset``; parsing always goes through oxigraph, whose
errors name the line. Writing lives in ``kgbuild.rdfwrite``, formats in
``kgbuild.rdfformats`` and term conversions in ``kgbuild.terms``; their public
names are available here too.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib.term import URIRef

from kgbuild.errors import KgbuildError
from kgbuild.rdfformats import ALL_PREFIXES, DEFAULT_FORMAT, FORMATS, RdfFormatInfo, format_for  # noqa: F401
from kgbuild.rdfwrite import RdfWriter, to_oxigraph, write_ntriples, write_quads  # noqa: F401
from kgbuild.terms import Quad, from_rdflib, ntriples_to_rdflib, to_rdflib  # noqa: F401

__all__ = [  # this module's own names and those it re-exports
    "ALL_PREFIXES", "DEFAULT_FORMAT", "FORMATS", "Quad", "RdfFormatInfo", "RdfWriter", "format_for", "from_rdflib",
    "load", "load_rdflib", "ntriples_to_rdflib", "parse_error", "to_oxigraph", "to_rdflib", "write_ntriples",
    "write_quads",
]


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
