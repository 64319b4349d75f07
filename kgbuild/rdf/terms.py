"""Conversions between the three kinds of RDF term kgbuild handles.

rdflib terms are the public API; N-Triples text (``kgbuild.rdf.ntriples``) is what the exporter makes
and oxigraph parses; pyoxigraph terms come out of stores and parsers. Each conversion checks what it
converts: a malformed IRI, literal or language tag is a ``KgbuildError``, never a broken file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import pyoxigraph as ox
from rdflib.term import BNode, Literal, Node, URIRef

import kgbuild.rdf.ntriples as nt
from kgbuild.errors import KgbuildError
from kgbuild.iterables import batched
from kgbuild.rdf.ntriples import NtQuad

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
#: (subject, predicate, object, graph) as rdflib terms; graph None = the default graph.
Quad = tuple[Node, Node, Node, "Node | None"]

_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_LANG = re.compile(r"^[a-zA-Z]+(-[a-zA-Z0-9]+)*$")

# One N-Triples term alone, nothing before or after it: an IRI (without escapes), a blank node,
# or a literal with its language or datatype. Whether its content is valid is oxigraph's to say.
_IRI = r'<[^\x00-\x20<>"{}|^`\\]*>'
_IRI_TERM = re.compile(_IRI)
_SUBJECT_TERM = re.compile(rf'{_IRI}|_:[^\x00-\x20<>"#]+')
_OBJECT_TERM = re.compile(rf'{_IRI}|_:[^\x00-\x20<>"#]+|"[^"\\\n\r]*(?:\\.[^"\\\n\r]*)*"(?:@[A-Za-z0-9-]+|\^\^{_IRI})?')


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
            lexical = nt.escape(str(term))
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
    """rdflib ``(s, p, o, g)`` quads as N-Triples text quads (``kgbuild.rdf.ntriples``), terms checked.

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
            hit = cache[t] = to_rdflib(t)
        return hit

    for chunk in batched(quads, 250_000):
        for q in parse_lines([nt.line(quad) for quad in chunk], quads=True):
            graph = None if isinstance(q.graph_name, ox.DefaultGraph) else term(q.graph_name)
            yield term(q.subject), term(q.predicate), term(q.object), graph
        if len(cache) > 1_000_000:
            cache.clear()


def parse_lines(lines: list[str], quads: bool) -> Iterator[ox.Quad]:
    """Parse N-Triples (or N-Quads) lines with oxigraph, lazily; a syntax error is a ``KgbuildError``.

    Example
    -------
    >>> [q.object.value for q in parse_lines(['<http://e/a> <http://e/p> "x" .\\n'], quads=False)]
    ['x']
    """
    try:
        yield from ox.parse("".join(lines), format=ox.RdfFormat.N_QUADS if quads else ox.RdfFormat.N_TRIPLES)
    except SyntaxError as exc:
        raise syntax_error(exc) from None


def syntax_error(exc: SyntaxError) -> KgbuildError:
    """Our one-line error for text oxigraph's parser rejected."""
    return KgbuildError(f"cannot write RDF: {' '.join(str(exc).split())}")


def to_rdflib(term) -> Node:
    """Convert one pyoxigraph term to rdflib.

    Example
    -------
    >>> to_rdflib(ox.NamedNode("http://e/a"))
    rdflib.term.URIRef('http://e/a')
    """
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
