"""The media types the SPARQL endpoint answers in, and the choice among them by Accept header.

SELECT/ASK results: JSON, XML, CSV, TSV; CONSTRUCT/DESCRIBE graphs: Turtle,
N-Triples. A module of its own because both sides use the same tables: the
HTTP handler (``kgbuild.serve``) turns the Accept header into format names,
and the query workers (``kgbuild.serve_workers``) turn the format they used
back into the Content-Type.
"""

from __future__ import annotations

import contextlib

#: SELECT/ASK result types as (media type, serializer name); the first is the default.
RESULT_TYPES = [
    ("application/sparql-results+json", "json"),
    ("application/json", "json"),
    ("application/sparql-results+xml", "xml"),
    ("application/xml", "xml"),
    ("text/csv", "csv"),
    ("text/tab-separated-values", "tsv"),
]
#: CONSTRUCT/DESCRIBE graph types as (media type, serializer name); the first is the default.
GRAPH_TYPES = [("text/turtle", "turtle"), ("application/n-triples", "ntriples"), ("text/plain", "ntriples")]


def negotiate(accept: str) -> tuple[str, str]:
    """(results format, graph format) the Accept header prefers; defaults JSON and Turtle.

    Parameters
    ----------
    accept : str
        The Accept header ("*/*" when the client sent none); ``q`` weights rank
        the types, ties keep the client's order.

    Returns
    -------
    tuple[str, str]
        Serializer names: one from ``RESULT_TYPES``, one from ``GRAPH_TYPES``.

    Example
    -------
    >>> negotiate("text/csv;q=0.5, application/n-triples")
    ('csv', 'ntriples')
    >>> negotiate("*/*")
    ('json', 'turtle')
    """
    ranked = []
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                with contextlib.suppress(ValueError):
                    q = float(f[2:])
        ranked.append((-q, i, fields[0].lower()))
    ranked.sort()
    media = [m for _, _, m in ranked]

    def pick(table):
        for m in media:
            for media_type, name in table:
                if m == media_type:
                    return name
        return table[0][1]

    return pick(RESULT_TYPES), pick(GRAPH_TYPES)


def media_type(name: str, graph: bool) -> str:
    """The Content-Type for serializer ``name``: the first media type listed for it.

    Example
    -------
    >>> media_type("json", graph=False), media_type("ntriples", graph=True)
    ('application/sparql-results+json', 'application/n-triples')
    """
    return dict((v, k) for k, v in reversed(GRAPH_TYPES if graph else RESULT_TYPES))[name]
