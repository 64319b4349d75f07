"""Writing RDF files: every format we support, streamed, checked and atomic.

Writing goes through pyoxigraph (Rust): at a million triples it serialises
Turtle some fifty times faster than rdflib. Terms arrive as N-Triples text
(``kgbuild.rdf.ntriples``, what the exporter makes) or as rdflib terms
(``write_quads``, converted and checked by ``kgbuild.rdf.terms``).
"""

from __future__ import annotations

import collections
import itertools
import json
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib.term import URIRef

import kgbuild.rdf.ntriples as nt
from kgbuild.atomic import atomic_write
from kgbuild.errors import KgbuildError
from kgbuild.rdf.formats import format_for
from kgbuild.rdf.ntriples import NtQuad
from kgbuild.rdf.terms import Quad, from_rdflib, parse_lines, syntax_error, to_rdflib
from kgbuild.rdf.turtle import ntriples_to_turtle, prefix_header
from kgbuild.rdf.vocab import ALL_PREFIXES


def _grouped_lines(quads: Iterable[NtQuad], keep_graphs: bool) -> list[str]:
    """Distinct N-Triples (or N-Quads) lines, grouped by graph then subject in first-seen order.

    The default graph comes first; named graphs' subjects follow in the order they were first seen.
    """
    # each line is made once, whole: its text is also what makes a repeated quad a duplicate
    default: dict[str, dict[str, None]] = {}
    named: dict[tuple[str, str], dict[str, None]] = {}
    get_default, get_named = default.get, named.get
    for s, p, o, g in quads:
        if not (keep_graphs and g):  # None (or empty): the default graph
            group = get_default(s)
            if group is None:
                group = default[s] = {}
            group[f"{s} {p} {o} .\n"] = None
        else:
            group = get_named((g, s))
            if group is None:
                group = named[g, s] = {}
            group[f"{s} {p} {o} {g} .\n"] = None
    return [line for groups in (default, named) for group in groups.values() for line in group]


def to_oxigraph(quads: Iterable[Quad]) -> list[ox.Quad]:
    """Convert rdflib ``(s, p, o, g)`` quads to distinct pyoxigraph ``Quad`` objects (g None = default graph).

    Example
    -------
    >>> from rdflib import URIRef, Literal
    >>> q = to_oxigraph([(URIRef("http://e/a"), URIRef("http://e/p"), Literal(1), None)])
    >>> q[0].object.value
    '1'
    """
    return list(parse_lines(_grouped_lines(from_rdflib(quads), keep_graphs=True), quads=True))


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
    """Write N-Triples text quads (``kgbuild.rdf.ntriples``) to ``path`` atomically, in any of our formats.

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
        ``kgbuild.rdf.export.iter_ntriples`` does; see ``RdfWriter``.

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
        _write_jsonld(parse_lines(lines, False), path)
        return len(lines)
    with RdfWriter(path, info.name, distinct=distinct) as writer:
        writer.add(quads)
    return writer.count


#: Quads grouped, checked and serialised at a time (about 60 MB of Python strings). Up to this many,
#: a graph is one chunk: one Turtle block per subject, duplicates removed. Beyond, memory comes
#: first (see ``RdfWriter``).
CHUNK = 250_000
#: Without the ``distinct`` promise a graph is grouped whole up to this many quads (duplicates then
#: need no store); beyond, it goes through an oxigraph store.
GROUPED_LIMIT = 1_000_000


class RdfWriter:
    """Streams N-Triples text quads into an RDF file, a chunk at a time, atomically.

    Each chunk is grouped by subject, checked by oxigraph's parser (a malformed term is a
    ``KgbuildError`` and leaves no file behind) and serialised by oxigraph (Turtle: each
    distinct term, see ``kgbuild.rdf.turtle.ntriples_to_turtle``), appended to a
    temporary file that replaces ``path`` on ``close``. When the caller promises ``distinct``
    quads, chunks are ``CHUNK`` quads; otherwise a graph of up to ``GROUPED_LIMIT`` quads is
    one chunk, and a bigger one goes through an in-memory oxigraph store, which removes
    duplicates across chunks, at about twice the time.

    Parameters
    ----------
    path : str or Path
        The output file.
    format : str
        turtle, ntriples, nquads or trig (JSON-LD cannot be streamed: use ``write_ntriples``).
    distinct : bool
        No quad comes twice in what is added (duplicates close together, within one chunk,
        are still removed).

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
                if self._output is not None:
                    self._output.__exit__(type(exc), exc, exc.__traceback__)  # removes the temporary file
                raise
        if self._output is None:  # nothing was written: no file, not even a folder
            return None
        return self._output.__exit__(kind, error, traceback)

    def _write(self, data: bytes) -> None:
        if self._output is None:  # opened at the first chunk, so a build that fails early leaves nothing
            self._output = atomic_write(self.path, "wb")
            self._handle = self._output.__enter__()
        self._handle.write(data)

    def add(self, quads: Iterable[NtQuad]) -> None:
        """Add quads; a full chunk is written out (after the subject it ends on, so blocks stay whole)."""
        limit = CHUNK if self.distinct else GROUPED_LIMIT
        iterator = iter(quads)
        while True:
            # fill the chunk in bulk (no test per quad), then go on quad by quad to the end of its subject
            room = limit - len(self._buffer)
            if room > 0:
                self._buffer.extend(itertools.islice(iterator, room))
                if len(self._buffer) < limit:
                    return  # the quads ran out first
            buffer = self._buffer
            last = buffer[-1][0]
            for quad in iterator:
                if quad[0] != last:
                    self._flush()
                    self._buffer.append(quad)
                    break
                buffer.append(quad)
            else:
                return

    def _flush(self, final: bool = False) -> None:
        chunk, self._buffer = self._buffer, []
        self._write(b"")  # the temporary file exists from the first chunk on, as in any atomic write
        if self._store is None and not self.distinct and not (final and self._flushes == 0):
            self._store = ox.Store()  # a later chunk may repeat an earlier one's quads: deduplicate in a store
        self._flushes += 1
        if self._store is not None:
            _bulk_load(self._store, [nt.line(quad, self.info.quads) for quad in chunk])
            if final:
                self.count = len(self._store)
                graph = {} if self.info.quads else {"from_graph": ox.DefaultGraph()}
                self._store.dump(self._handle, self.info.oxigraph, prefixes=ALL_PREFIXES, **graph)
            return
        if self.info.name == "turtle" and (turtle := ntriples_to_turtle(chunk)) is not None:
            count, header, body = turtle  # the terms checked and printed by oxigraph, the layout ours
            self.count += count
            self._write_serialised(header, body)
            return
        lines = _grouped_lines(chunk, keep_graphs=self.info.quads)
        del chunk
        self.count += len(lines)
        text = "".join(lines)
        del lines
        # oxigraph's parser checks every term before a byte is written
        parsed = ox.parse(text, format=ox.RdfFormat.N_QUADS if self.info.quads else ox.RdfFormat.N_TRIPLES)
        try:
            if self.info.name in ("ntriples", "nquads"):
                collections.deque(parsed, maxlen=0)  # checked only: the lines are the output
                self._write(text.encode("utf-8"))
                return
            data = ox.serialize(parsed, None, self.info.oxigraph, prefixes=ALL_PREFIXES)
        except SyntaxError as exc:
            raise syntax_error(exc) from None
        header = prefix_header(data)
        self._write_serialised(header, data[len(header):])

    def _write_serialised(self, header: bytes, body: bytes) -> None:
        if self._header is None:
            self._header = header
        elif header == self._header:
            header = b""  # the @prefix lines once, at the top
        self._write(header)
        self._write(body)


def _bulk_load(store: ox.Store, lines: list[str]) -> None:
    if not lines:
        return
    try:
        store.bulk_load("".join(lines).encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    except SyntaxError as exc:
        raise syntax_error(exc) from None


def _write_jsonld(triples: Iterable[ox.Quad], path: str | Path) -> None:
    """JSON-LD compacted with our prefixes as @context (rdflib: oxigraph writes expanded form only)."""
    graph = rdflib.Graph()
    for prefix, ns in ALL_PREFIXES.items():
        graph.bind(prefix, ns, override=True)
    for t in triples:
        graph.add((to_rdflib(t.subject), URIRef(t.predicate.value), to_rdflib(t.object)))
    context = dict(ALL_PREFIXES)
    text = graph.serialize(format="json-ld", context=context, auto_compact=True)
    json.loads(text)  # never write something we cannot read back
    with atomic_write(path) as handle:
        handle.write(text)
