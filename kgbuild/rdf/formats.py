"""The RDF formats kgbuild reads and writes: names, file extensions, media types and oxigraph formats."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kgbuild.errors import KgbuildError


@dataclass(frozen=True)
class RdfFormatInfo:
    """One RDF format: its name, file extension and how each library calls it."""

    name: str
    extension: str
    media_type: str
    oxigraph: ox.RdfFormat
    rdflib: str
    quads: bool  # keeps named graphs


#: The formats kgbuild reads and writes, by name; Turtle is the default.
FORMATS: dict[str, RdfFormatInfo] = {
    f.name: f
    for f in (
        RdfFormatInfo("turtle", ".ttl", "text/turtle", ox.RdfFormat.TURTLE, "turtle", False),
        RdfFormatInfo("ntriples", ".nt", "application/n-triples", ox.RdfFormat.N_TRIPLES, "nt", False),
        RdfFormatInfo("nquads", ".nq", "application/n-quads", ox.RdfFormat.N_QUADS, "nquads", True),
        RdfFormatInfo("trig", ".trig", "application/trig", ox.RdfFormat.TRIG, "trig", True),
        RdfFormatInfo("jsonld", ".jsonld", "application/ld+json", ox.RdfFormat.JSON_LD, "json-ld", False),
    )
}
DEFAULT_FORMAT = "turtle"
_ALIASES = {"ttl": "turtle", "nt": "ntriples", "nq": "nquads", "json-ld": "jsonld", ".json": "jsonld"}


def format_for(path: str | Path, format: str | None = None) -> RdfFormatInfo:
    """The format named ``format``, or else the one the file extension implies.

    Parameters
    ----------
    path : str or Path
        The file; its extension decides when ``format`` is None.
    format : str, optional
        A name from ``FORMATS`` (or ttl, nt, nq, json-ld).

    Returns
    -------
    RdfFormatInfo

    Example
    -------
    >>> format_for("graph.nq").name
    'nquads'
    """
    if format is not None:
        name = _ALIASES.get(format.lower(), format.lower())
        if name not in FORMATS:
            raise KgbuildError(f"unknown RDF format {format!r} (choose from {', '.join(FORMATS)})", path=path)
        return FORMATS[name]
    suffix = Path(path).suffix.lower()
    for info in FORMATS.values():
        if info.extension == suffix:
            return info
    if suffix == ".json":
        return FORMATS["jsonld"]
    known = ", ".join(f.extension for f in FORMATS.values())
    raise KgbuildError(f"cannot tell the RDF format from the extension {suffix or '(none)'!r} (use {known})", path=path)
