"""Reading and writing our RDF in every format we support, fast.

Writing goes through pyoxigraph (Rust): at a million triples it serialises
Turtle some fifty times faster than rdflib. Reading gives a pyoxigraph
``Store`` (for SPARQL at scale) or, for small graphs, an rdflib ``Dataset``.

Triple formats (Turtle, N-Triples, JSON-LD) hold the union of all graphs;
quad formats (N-Quads, TriG) keep each document in its named graph.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib.term import BNode, Literal, Node, URIRef

from kgbuild import ntriples as nt
from kgbuild.atomic import atomic_write
from kgbuild.errors import KgbuildError
from kgbuild.ntriples import NtQuad
from kgbuild.vocab import PREFIXES


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

#: Every prefix we bind when writing or querying: ours plus the standard vocabularies.
ALL_PREFIXES: dict[str, str] = {
    **{k: str(v) for k, v in PREFIXES.items()},
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
}

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
Quad = tuple[Node, Node, Node, "Node | None"]


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


_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_LANG = re.compile(r"^[a-zA-Z]+(-[a-zA-Z0-9]+)*$")


class _NTriples:
    """rdflib terms to N-Triples syntax, checked: a plain string per term is the cheapest
    way to hand a million terms from Python to oxigraph's Rust parser and serialisers."""

    def __init__(self) -> None:
        self.checked: set[str] = set()
        # by object identity: exporters reuse term objects (predicates, the statement and
        # document IRIs across their quads), and id() hashes far faster than rdflib terms
        self.seen: dict[int, tuple[Node, str]] = {}

    def __call__(self, term: Node) -> str:
        hit = self.seen.get(id(term))
        if hit is not None and hit[0] is term:
            return hit[1]
        text = self.convert(term)
        if type(term) is not Literal:  # literals are seldom shared: caching them costs more than it saves
            if len(self.seen) >= 100_000:
                self.seen.clear()
            self.seen[id(term)] = (term, text)  # holding the term keeps its id from being reused
        return text

    def iri(self, value: str) -> str:
        text = f"<{value}>"
        if text not in self.checked:
            if _BAD_IRI.search(value) or ":" not in value:
                raise KgbuildError(f"cannot write {value!r}: not an absolute IRI")
            self.checked.add(text)
        return text

    def convert(self, term: Node) -> str:
        kind = type(term)
        if kind is URIRef:
            text = f"<{term}>"  # inlined fast path of iri(): most terms are IRIs seen before
            return text if text in self.checked else self.iri(term)
        if kind is Literal:
            lexical = str.translate(term, nt.ESCAPE)
            language = term.language
            if language:
                if not _LANG.match(language):
                    raise KgbuildError(f"cannot write language tag {language!r}")
                return f'"{lexical}"@{language}'
            datatype = term.datatype
            if datatype is None or str.__eq__(datatype, _XSD_STRING):  # str's ==: URIRef's is slow
                return f'"{lexical}"'
            text = f"<{datatype}>"
            return f'"{lexical}"^^{text if text in self.checked else self.iri(datatype)}'
        if isinstance(term, BNode):
            return f"_:{term}"
        if isinstance(term, (URIRef, Literal)):  # subclasses
            return self.convert(URIRef(term) if isinstance(term, URIRef) else Literal(term, lang=term.language, datatype=term.datatype))
        raise KgbuildError(f"cannot write RDF term {term!r} of type {type(term).__name__}")


def from_rdflib(quads: Iterable[Quad]) -> Iterator[NtQuad]:
    """rdflib ``(s, p, o, g)`` quads as N-Triples text quads (``kgbuild.ntriples``), terms checked.

    Example
    -------
    >>> from rdflib import URIRef, Literal
    >>> next(from_rdflib([(URIRef("http://e/a"), URIRef("http://e/p"), Literal(1), None)]))[2]
    '"1"^^<http://www.w3.org/2001/XMLSchema#integer>'
    """
    convert = _NTriples()
    hit = convert.seen.get  # the identity cache, inlined: this loop runs once per quad
    for s, p, o, g in quads:
        c = hit(id(s))
        subject = c[1] if c is not None and c[0] is s else convert(s)
        c = hit(id(p))
        predicate = c[1] if c is not None and c[0] is p else convert(p)
        c = hit(id(o))
        obj = c[1] if c is not None and c[0] is o else convert(o)
        if g is None:
            yield subject, predicate, obj, None
        else:
            c = hit(id(g))
            yield subject, predicate, obj, c[1] if c is not None and c[0] is g else convert(g)


def ntriples_to_rdflib(quads: Iterable[NtQuad]) -> Iterator[Quad]:
    """N-Triples text quads as rdflib terms, in order (parsed by oxigraph, a chunk at a time).

    Example
    -------
    >>> next(ntriples_to_rdflib([("<http://e/a>", "<http://e/p>", '"x"', None)]))
    (rdflib.term.URIRef('http://e/a'), rdflib.term.URIRef('http://e/p'), rdflib.term.Literal('x'), None)
    """
    cache: dict[object, Node] = {}

    def term(t) -> Node:
        hit = cache.get(t)
        if hit is None:
            hit = cache[t] = _to_rdflib(t)
        return hit

    for chunk in _chunks(quads, 250_000):
        for q in _parse_lines([nt.line(quad) for quad in chunk], quads=True):
            graph = None if isinstance(q.graph_name, ox.DefaultGraph) else term(q.graph_name)
            yield term(q.subject), term(q.predicate), term(q.object), graph
        if len(cache) > 1_000_000:
            cache.clear()


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _grouped_lines(quads: Iterable[NtQuad], keep_graphs: bool) -> list[str]:
    """Distinct N-Triples (or N-Quads) lines, grouped by graph then subject in first-seen order."""
    groups: dict[tuple[str, str], dict[str, None]] = {}
    for s, p, o, g in quads:
        key = (g if keep_graphs and g is not None else "", s)
        group = groups.get(key)
        if group is None:
            groups[key] = {f"{p} {o}": None}
        else:
            group[f"{p} {o}"] = None
    keys = sorted(groups, key=lambda k: k[0] != "") if keep_graphs else groups  # default graph first
    lines = []
    for key in keys:
        graph, subject = key
        head, tail = f"{subject} ", f" {graph} .\n" if graph else " .\n"
        lines.extend([head + rest + tail for rest in groups[key]])
    return lines


def _parse_lines(lines: list[str], quads: bool):
    try:
        return ox.parse("".join(lines), format=ox.RdfFormat.N_QUADS if quads else ox.RdfFormat.N_TRIPLES)
    except SyntaxError as exc:
        raise KgbuildError(f"cannot write RDF: {' '.join(str(exc).split())}") from None


def to_oxigraph(quads: Iterable[Quad]) -> list[ox.Quad]:
    """Convert rdflib ``(s, p, o, g)`` quads to distinct pyoxigraph ``Quad`` objects (g None = default graph).

    Example
    -------
    >>> from rdflib import URIRef, Literal
    >>> q = to_oxigraph([(URIRef("http://e/a"), URIRef("http://e/p"), Literal(1), None)])
    >>> q[0].object.value
    '1'
    """
    return list(_parse_lines(_grouped_lines(from_rdflib(quads), keep_graphs=True), quads=True))


def write_quads(quads: Iterable[Quad], path: str | Path, format: str | None = None) -> int:
    """Write rdflib quads to ``path`` atomically, in ``format`` or the one its extension implies.

    Parameters
    ----------
    quads : iterable of (s, p, o, g)
        rdflib terms; ``g`` is a document IRI or None for the default graph.
    path : str or Path
        The output file; replaced only once it is complete.
    format : str, optional
        One of ``FORMATS`` (turtle, ntriples, nquads, trig, jsonld).

    Returns
    -------
    int
        Number of distinct triples (triple formats) or quads (quad formats) written.

    Example
    -------
    >>> import tempfile, pathlib
    >>> from rdflib import URIRef, Literal
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.ttl"
    >>> write_quads([(URIRef("http://e/a"), URIRef("http://e/p"), Literal("x"), None)], p)
    1
    """
    return write_ntriples(from_rdflib(quads), path, format)


def write_ntriples(quads: Iterable[NtQuad], path: str | Path, format: str | None = None, distinct: bool = False) -> int:
    """Write N-Triples text quads (``kgbuild.ntriples``) to ``path`` atomically, in any of our formats.

    Parameters
    ----------
    quads : iterable of (s, p, o, g) strings
        Terms in N-Triples syntax; ``g`` is a document IRI or None for the default graph.
    path : str or Path
        The output file; replaced only once it is complete.
    format : str, optional
        One of ``FORMATS`` (turtle, ntriples, nquads, trig, jsonld).
    distinct : bool
        The caller promises no quad (no triple, in a triple format) comes twice, as
        ``kgbuild.export.iter_ntriples`` does; see ``RdfWriter``.

    Returns
    -------
    int
        Number of distinct triples (triple formats) or quads (quad formats) written.

    Example
    -------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.nt"
    >>> write_ntriples([("<http://e/a>", "<http://e/p>", '"x"', None)] * 2, p)
    1
    """
    info = format_for(path, format)
    if info.name == "jsonld":
        lines = _grouped_lines(quads, keep_graphs=False)
        _write_jsonld(_parse_lines(lines, False), path)
        return len(lines)
    with RdfWriter(path, info.name, distinct=distinct) as writer:
        writer.add(quads)
    return writer.count


#: Quads grouped, checked and serialised at a time. Up to this many, a graph is one chunk: one
#: Turtle block per subject, duplicates removed. Beyond, memory comes first (see ``RdfWriter``).
CHUNK = 1_000_000


class RdfWriter:
    """Streams N-Triples text quads into an RDF file, a chunk at a time, atomically.

    Each chunk is grouped by subject, checked by oxigraph's parser (a malformed term is a
    ``KgbuildError`` and leaves no file behind) and serialised by oxigraph, appended to a
    temporary file that replaces ``path`` on ``close``. A graph of up to ``CHUNK`` quads is
    one chunk. A bigger one is written chunk by chunk when the caller promises ``distinct``
    quads; otherwise it goes through an in-memory oxigraph store, which removes duplicates
    across chunks, at about twice the time.

    Parameters
    ----------
    path : str or Path
        The output file.
    format : str
        turtle, ntriples, nquads or trig (JSON-LD cannot be streamed: use ``write_ntriples``).
    distinct : bool
        No quad comes twice in what is added (within one ``add`` call duplicates are fine
        up to ``CHUNK`` quads).

    Example
    -------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.ttl"
    >>> with RdfWriter(p, "turtle") as w:
    ...     w.add([("<http://e/a>", "<http://e/p>", '"x"', None)])
    ...     w.add([("<http://e/b>", "<http://e/p>", '"y"', None)])
    >>> w.count, p.read_text().count("<http://e/p>")
    (2, 2)
    """

    def __init__(self, path: str | Path, format: str | None = None, distinct: bool = False) -> None:
        self.info = format_for(path, format)
        if self.info.name == "jsonld":
            raise KgbuildError("JSON-LD cannot be written as a stream", path=path)
        self.path, self.distinct, self.count = Path(path), distinct, 0
        self._buffer: list[NtQuad] = []
        self._header: bytes | None = None
        self._store: ox.Store | None = None
        self._flushes = 0
        self._output = None

    def __enter__(self) -> RdfWriter:
        return self

    def __exit__(self, kind, error, traceback) -> bool | None:
        if kind is None:
            try:
                self._flush(final=True)
            except BaseException as exc:
                if self._output is None:
                    raise
                return self._output.__exit__(type(exc), exc, exc.__traceback__)
        if self._output is None:  # nothing was written: no file, not even a folder
            return None
        return self._output.__exit__(kind, error, traceback)

    def _write(self, data: bytes) -> None:
        if self._output is None:  # opened at the first write, so a build that fails early leaves nothing
            self._output = atomic_write(self.path, "wb")
            self._handle = self._output.__enter__()
        self._handle.write(data)

    def add(self, quads: Iterable[NtQuad]) -> None:
        """Add quads; a full chunk is written out (after the subject it ends on, so blocks stay whole)."""
        buffer = self._buffer
        for quad in quads:
            if len(buffer) >= CHUNK and quad[0] != buffer[-1][0]:
                self._flush()
                buffer = self._buffer
            buffer.append(quad)

    def _flush(self, final: bool = False) -> None:
        chunk, self._buffer = self._buffer, []
        if self._store is None and not self.distinct and not (final and self._flushes == 0):
            self._store = ox.Store()  # a later chunk may repeat an earlier one's quads: deduplicate in a store
        self._flushes += 1
        if self._store is not None:
            _bulk_load(self._store, [nt.line(quad, self.info.quads) for quad in chunk])
            if final:
                self.count = len(self._store)
                graph = {} if self.info.quads else {"from_graph": ox.DefaultGraph()}
                self._write(b"")  # opens the file
                self._store.dump(self._handle, self.info.oxigraph, prefixes=ALL_PREFIXES, **graph)
            return
        lines = _grouped_lines(chunk, keep_graphs=self.info.quads)
        del chunk
        parsed = _parse_lines(lines, self.info.quads)  # checks every term before a byte is written
        self.count += len(lines)
        if self.info.name in ("ntriples", "nquads"):
            for _ in parsed:
                pass
            self._write("".join(lines).encode("utf-8"))
            return
        text = ox.serialize(parsed, None, self.info.oxigraph, prefixes=ALL_PREFIXES)
        header = _prefix_header(text)
        if self._header is None:
            self._header = header
        elif header == self._header:
            text = text[len(header):]  # the @prefix lines once, at the top
        self._write(text)


def _prefix_header(text: bytes) -> bytes:
    """The leading ``@prefix`` lines oxigraph writes before the first triple."""
    end = 0
    while text.startswith(b"@prefix ", end):
        end = text.index(b"\n", end) + 1
    return text[:end]


def _bulk_load(store: ox.Store, lines: list[str]) -> None:
    if not lines:
        return
    try:
        store.bulk_load("".join(lines).encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    except SyntaxError as exc:
        raise KgbuildError(f"cannot write RDF: {' '.join(str(exc).split())}") from None


def _write_jsonld(triples: Iterable[ox.Quad], path: str | Path) -> None:
    """JSON-LD compacted with our prefixes as @context (rdflib: oxigraph writes expanded form only)."""
    graph = rdflib.Graph()
    for prefix, ns in ALL_PREFIXES.items():
        graph.bind(prefix, ns, override=True)
    for t in triples:
        graph.add((_to_rdflib(t.subject), URIRef(t.predicate.value), _to_rdflib(t.object)))
    context = dict(ALL_PREFIXES)
    text = graph.serialize(format="json-ld", context=context, auto_compact=True)
    json.loads(text)  # never write something we cannot read back
    with atomic_write(path) as handle:
        handle.write(text)


def _to_rdflib(term) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:  # rdflib tells plain and xsd:string literals apart
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise KgbuildError(f"cannot convert RDF term {term!r}")


def to_rdflib(term) -> Node:
    """Convert one pyoxigraph term to rdflib.

    Example
    -------
    >>> to_rdflib(ox.NamedNode("http://e/a"))
    rdflib.term.URIRef('http://e/a')
    """
    return _to_rdflib(term)


def _parse_error(exc: Exception, path: Path, info: RdfFormatInfo) -> KgbuildError:
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
        raise _parse_error(exc, path, info) from None
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
        raise _parse_error(FileNotFoundError() if not path.exists() else IsADirectoryError(), path, info)
    # parse with oxigraph first: its errors name the line, rdflib's often do not
    store = load(path, info.name)
    ds = rdflib.Dataset()
    for prefix, ns in ALL_PREFIXES.items():
        ds.bind(prefix, ns, override=True)
    for q in store:
        s, p, o = _to_rdflib(q.subject), URIRef(q.predicate.value), _to_rdflib(q.object)
        if isinstance(q.graph_name, ox.DefaultGraph):
            ds.add((s, p, o))
        else:
            ds.add((s, p, o, URIRef(q.graph_name.value)))
    return ds
