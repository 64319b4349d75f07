"""RDF terms as N-Triples text: the cheap currency between our exporter and oxigraph.

A build writes millions of terms. Making an rdflib ``URIRef`` or ``Literal``
for each (and then turning it back into text for oxigraph's Rust parser)
cost more than all of our extraction; a term written straight as its
N-Triples text costs one f-string. Nothing here is trusted blindly: every
line is parsed by oxigraph before it is written, so a malformed IRI or
literal is an error, never a broken file.

A quad is ``(subject, predicate, object, graph)`` of such strings, ``graph``
None for the default graph.
"""

from __future__ import annotations

from rdflib.namespace import RDF, XSD

#: (subject, predicate, object, graph) in N-Triples syntax; graph None = the default graph.
NtQuad = tuple[str, str, str, "str | None"]


def iri(value: str) -> str:
    """An IRI term.

    Example
    -------
    >>> iri("http://example.org/a")
    '<http://example.org/a>'
    """
    return f"<{value}>"


def escape(text: str) -> str:
    """The characters N-Triples cannot have bare in a string literal, escaped.

    Example
    -------
    >>> print(escape('say "hi"\\n'))
    say \\"hi\\"\\n
    """
    if '"' in text or "\\" in text or "\n" in text or "\r" in text:  # seldom: four scans cost less than escaping
        # str.replace is several times faster than str.translate; backslashes first, so that
        # the ones the other escapes add are not doubled
        return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return text


def literal(text: str, datatype: str | None = None) -> str:
    """A literal: a plain string, or typed when ``datatype`` (an N-Triples IRI term) is given.

    Example
    -------
    >>> literal('say "hi"\\n')
    '"say \\\\"hi\\\\"\\\\n"'
    >>> literal("3", INTEGER)
    '"3"^^<http://www.w3.org/2001/XMLSchema#integer>'
    """
    if datatype is None:
        return f'"{escape(text)}"'
    return f'"{escape(text)}"^^{datatype}'


INTEGER = iri(XSD.integer)
DOUBLE = iri(XSD.double)
BOOLEAN = iri(XSD.boolean)
DATE = iri(XSD.date)
YEAR_MONTH = iri(XSD.gYearMonth)
YEAR = iri(XSD.gYear)
TYPE = iri(RDF.type)  # a predicate the Turtle writers print as 'a'
TRUE, FALSE = literal("true", BOOLEAN), literal("false", BOOLEAN)


def integer(value: int) -> str:
    """An ``xsd:integer`` literal.

    Example
    -------
    >>> integer(42)
    '"42"^^<http://www.w3.org/2001/XMLSchema#integer>'
    """
    return f'"{int(value)}"^^{INTEGER}'


def double(value: float) -> str:
    """An ``xsd:double`` literal (Python's shortest round-tripping repr).

    Example
    -------
    >>> double(0.5)
    '"0.5"^^<http://www.w3.org/2001/XMLSchema#double>'
    """
    return f'"{float(value)!r}"^^{DOUBLE}'


def boolean(value: bool) -> str:
    """An ``xsd:boolean`` literal."""
    return TRUE if value else FALSE


def line(quad: NtQuad, keep_graph: bool = True) -> str:
    """One N-Quads (or, without the graph, N-Triples) line.

    Example
    -------
    >>> line((iri("http://e/a"), iri("http://e/p"), literal("x"), None))
    '<http://e/a> <http://e/p> "x" .\\n'
    """
    s, p, o, g = quad
    if keep_graph and g is not None:
        return f"{s} {p} {o} {g} .\n"
    return f"{s} {p} {o} .\n"
