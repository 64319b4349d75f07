"""N-Triples text quads printed as Turtle, term by term as oxigraph prints them, with our prefix header."""

from __future__ import annotations

import re
from collections.abc import Iterable
from operator import itemgetter

import pyoxigraph as ox

import kgbuild.rdf.ntriples as nt
from kgbuild.rdf.ntriples import NtQuad
from kgbuild.rdf.terms import _IRI_TERM, _OBJECT_TERM, _SUBJECT_TERM
from kgbuild.rdf.vocab import ALL_PREFIXES

# A plain literal oxigraph's Turtle writer prints as it is: it escapes control characters, U+FFFE and
# U+FFFF (tests/test_rdfio.py checks every code point); surrogates are left to oxigraph to reject.
_VERBATIM = re.compile(r'"[^"\\\x00-\x1f\x7f\ud800-\udfff\ufffe\uffff]*"')
# terms are checked and printed two to a triple of their own, one line each; the marks fill in
_PREDICATE, _MARKS = "<urn:kgbuild:p>", ("<urn:kgbuild:a>", "<urn:kgbuild:b>")


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

    Triples are grouped by subject in first-seen order, each once, as ``kgbuild.rdf.write`` hands
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
    # a triple's text makes a repeat a duplicate (as in kgbuild.rdf.write). Keys are strings, not
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
