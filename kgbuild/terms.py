"""Conversions between the three kinds of RDF term kgbuild handles, and Turtle.

rdflib terms are the public API; N-Triples text (``kgbuild.ntriples``) is what
the exporter makes and oxigraph parses; pyoxigraph terms come out of stores and
parsers. Each conversion checks what it converts: a malformed IRI, literal or
language tag is a ``KgbuildError``, never a broken file. N-Triples text quads
become Turtle here too, term by term as oxigraph prints them (``ntriples_to_turtle``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from operator import itemgetter

import pyoxigraph as ox
from rdflib.term import BNode, Literal, Node, URIRef

from kgbuild import ntriples as nt
from kgbuild.errors import KgbuildError
from kgbuild.ntriples import NtQuad
from kgbuild.rdfformats import ALL_PREFIXES

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
# A plain literal oxigraph's Turtle writer prints as it is: it escapes control characters, U+FFFE and
# U+FFFF (tests/test_rdfio.py checks every code point); surrogates are left to oxigraph to reject.
_VERBATIM = re.compile(r'"[^"\\\x00-\x1f\x7f\ud800-\udfff\ufffe\uffff]*"')
# terms are checked and printed two to a triple of their own, one line each; the marks fill in
_PREDICATE, _MARKS = "<urn:kgbuild:p>", ("<urn:kgbuild:a>", "<urn:kgbuild:b>")


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
            hit = cache[t] = to_rdflib(t)
        return hit

    for chunk in chunks(quads, 250_000):
        for q in parse_lines([nt.line(quad) for quad in chunk], quads=True):
            graph = None if isinstance(q.graph_name, ox.DefaultGraph) else term(q.graph_name)
            yield term(q.subject), term(q.predicate), term(q.object), graph
        if len(cache) > 1_000_000:
            cache.clear()


def chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


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


def prefix_header(turtle: bytes) -> bytes:
    r"""The leading ``@prefix`` lines oxigraph's Turtle writer puts before the first triple.

    Example
    -------
    >>> prefix_header(b"@prefix ex: <http://e/> .\nex:a ex:p ex:b .\n")
    b'@prefix ex: <http://e/> .\n'
    """
    end = 0
    while turtle.startswith(b"@prefix ", end):
        end = turtle.index(b"\n", end) + 1
    return turtle[:end]


def turtle_terms(
    subjects: Iterable[str], predicates: Iterable[str], objects: Iterable[str]
) -> tuple[bytes, dict[str, str]] | None:
    """N-Triples terms as oxigraph's Turtle writer prints them with ``ALL_PREFIXES``, checked by its parser.

    Each distinct term goes through oxigraph once, however many triples use it: a Turtle writer that
    prints a graph's triples with these terms writes what oxigraph would, at a fraction of the cost
    of parsing and serialising every triple.

    Parameters
    ----------
    subjects, predicates, objects : iterable of str
        Terms in N-Triples syntax (repeats are fine), by the position they are used in.

    Returns
    -------
    (header, terms) or None
        The ``@prefix`` lines and each term's Turtle text (``a`` is the caller's to write for
        rdf:type as a predicate); None when a term is not one valid term of its position, or when
        two spellings are the same RDF term: the caller then leaves the whole graph to oxigraph,
        whose parser names what is wrong.

    Example
    -------
    >>> header, terms = turtle_terms({"<https://w3id.org/kgbuild/entity/x>"}, set(), {'"x"@en'})
    >>> terms["<https://w3id.org/kgbuild/entity/x>"], terms['"x"@en']
    ('ent:x', '"x"@en')
    >>> turtle_terms({'"x"'}, set(), set()) is None  # a literal cannot be a subject
    True
    """
    subjects, predicates, objects = set(subjects), set(predicates), set(objects)
    verbatim = set(filter(_VERBATIM.fullmatch, objects))
    objects -= verbatim
    if not (all(map(_SUBJECT_TERM.fullmatch, subjects)) and all(map(_IRI_TERM.fullmatch, predicates))
            and all(map(_OBJECT_TERM.fullmatch, objects))):
        return None
    # two terms a line: IRIs and blank nodes as subjects, the rest of the terms as objects
    nodes = list(subjects | predicates | {nt.TYPE} | {o for o in objects if o[0] != '"'})
    rest = [o for o in objects if o[0] == '"']
    half = min(len(nodes), (len(nodes) + len(rest)) // 2)
    rest += nodes[half:]
    firsts = nodes[:half] + [_MARKS[i & 1] for i in range(len(rest) - half)]  # no two lines' subjects alike
    text = "".join([f"{first} {_PREDICATE} {term} .\n" for first, term in zip(firsts, rest)])
    try:
        parsed = ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
        data = ox.serialize(parsed, None, ox.RdfFormat.TURTLE, prefixes=ALL_PREFIXES)
    except (SyntaxError, ValueError, UnicodeError):
        return None
    header = prefix_header(data)
    lines = data[len(header):].decode("utf-8").split("\n")
    if len(lines) != len(rest) + 1:
        return None
    middle = f" {_PREDICATE} "
    terms: dict[str, str] = {}  # the marks too: they print as they are
    for first, term, line in zip(firsts, rest, lines):
        split = line.index(middle)  # a Turtle IRI or blank node has no space
        terms[first] = line[:split]
        terms[term] = line[split + len(middle):-2]
    terms.update(zip(verbatim, verbatim))
    if len(set(terms.values())) != len(terms):  # one RDF term spelt two ways: oxigraph's writer would join them
        return None
    return header, terms


def ntriples_to_turtle(quads: list[NtQuad]) -> tuple[int, bytes, bytes] | None:
    """N-Triples text quads as the Turtle oxigraph's writer makes of them, graphs left out.

    Triples are grouped by subject in first-seen order, each once, as ``kgbuild.rdfwrite`` hands
    them to oxigraph. Every distinct term is checked and printed by oxigraph (``turtle_terms``);
    the triples are laid out here as its writer lays them out (a subject's predicates joined by
    ";", a predicate's objects by ","). That spares parsing every triple into pyoxigraph objects
    and serialising them back, which made writing Turtle some 1.6 times slower.

    Parameters
    ----------
    quads : list of (s, p, o, g) strings
        Terms in N-Triples syntax; ``g`` is ignored.

    Returns
    -------
    (triples, header, body) or None
        The number of distinct triples, the ``@prefix`` lines and the triples' Turtle; None when
        a term is malformed or spelt oddly: oxigraph must then parse the quads and name the error.

    Example
    -------
    >>> e = "<https://w3id.org/kgbuild/entity/{}>".format
    >>> count, header, body = ntriples_to_turtle([(e("a"), nt.TYPE, e("b"), None), (e("a"), nt.TYPE, e("c"), None)])
    >>> count, body
    (2, b'ent:a a ent:b , ent:c .\\n')
    """
    # a triple's text makes a repeat a duplicate (as in kgbuild.rdfwrite). Keys are strings, not
    # tuples: a tuple per triple, all kept to the end, sets off a full GC pass over the build's heap
    groups: dict[str, dict[str, str]] = {}  # subject → "predicate object" → object, in order
    get = groups.get
    for s, p, o, _ in quads:
        group = get(s)
        if group is None:
            group = groups[s] = {}
        group[f"{p} {o}"] = o
    found = turtle_terms(groups, map(itemgetter(1), quads), map(itemgetter(2), quads)) if groups else None
    if found is None:
        return None
    header, term = found
    predicate = dict(term)
    predicate[nt.TYPE] = "a"
    parts: list[str] = []
    add = parts.append
    count = 0
    for s, group in groups.items():
        count += len(group)
        previous = None
        for line, o in group.items():
            p = line[:-len(o) - 1]  # what comes before " object"
            if previous is None:
                add(f"{term[s]} {predicate[p]} {term[o]}")
            elif p == previous:
                add(f" , {term[o]}")
            else:
                add(f" ;\n\t{predicate[p]} {term[o]}")
            previous = p
        add(" .\n")
    return count, header, "".join(parts).encode("utf-8")
