"""SPARQL results out: JSON, XML, CSV, TSV and text tables, and the media type an Accept header asks for."""

from __future__ import annotations

import contextlib
import csv
import html
import io
import itertools
import json
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

import kgbuild.rdf as rdfio
from kgbuild.errors import KgbuildError


@dataclass
class QueryResult:
    """The answer to one SPARQL query.

    ``kind`` is "select", "ask" or "construct" (CONSTRUCT and DESCRIBE).
    SELECT fills ``variables`` and ``rows`` (tuples of pyoxigraph terms, None
    when unbound); ASK fills ``boolean``; CONSTRUCT fills ``triples``.
    ``truncated`` is True when a row limit cut the answer short.
    """

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)
    truncated: bool = False

    def __len__(self) -> int:
        return len(self.rows) if self.kind == "select" else len(self.triples) if self.kind == "construct" else 1

    def _repr_html_(self, max_rows: int = 1000) -> str:
        """The result as an HTML table, for Jupyter: terms compacted with our prefixes, all text escaped.

        Example
        -------
        >>> r = QueryResult("select", ["name"], [(ox.Literal("<b>Vance</b>"),), (None,)])
        >>> print(r._repr_html_())
        <table class="kgbuild-result"><thead><tr><th>name</th></tr></thead><tbody><tr><td>&lt;b&gt;Vance&lt;/b&gt;</td></tr><tr><td></td></tr></tbody></table><p>2 rows</p>
        """
        if self.kind == "ask":
            return f"<p><strong>{'true' if self.boolean else 'false'}</strong></p>"
        header, rows = (self.variables, self.rows) if self.kind == "select" else (
            ["subject", "predicate", "object"], [(t.subject, t.predicate, t.object) for t in self.triples])
        cells = "".join("<tr>" + "".join(f"<td>{html.escape(compact(term))}</td>" for term in row) + "</tr>"
                        for row in rows[:max_rows])
        shown = f"{len(rows)} {'row' if len(rows) == 1 else 'rows'}"
        if len(rows) > max_rows:
            shown += f", the first {max_rows} shown"
        if self.truncated:
            shown += " (cut at the limit)"
        head = "".join(f"<th>{html.escape(name)}</th>" for name in header)
        return f'<table class="kgbuild-result"><thead><tr>{head}</tr></thead><tbody>{cells}</tbody></table><p>{shown}</p>'


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


def acceptable(accept: str) -> tuple[str | None, str | None]:
    """Like ``negotiate``, but None for a kind of answer the Accept header takes in no type we have (a 406).

    Wildcards (``*/*``, ``text/*``, ``application/*``) take the default of each kind they cover;
    a type with ``q=0`` is refused.

    Example
    -------
    >>> acceptable("text/csv"), acceptable("text/*"), acceptable("image/png")
    (('csv', None), ('csv', 'turtle'), (None, None))
    """
    ranked = []
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                with contextlib.suppress(ValueError):
                    q = float(f[2:])
        if q > 0 and fields[0]:
            ranked.append((-q, i, fields[0].lower()))
    media = [m for _, _, m in sorted(ranked)]

    def pick(table):
        for m in media:
            for media_type, name in table:
                if m == media_type or m == "*/*" or (m.endswith("/*") and media_type.startswith(m[:-1])):
                    return name
        return None

    return pick(RESULT_TYPES), pick(GRAPH_TYPES)


def media_type(name: str, graph: bool) -> str:
    """The Content-Type for serializer ``name``: the first media type listed for it.

    Example
    -------
    >>> media_type("json", graph=False), media_type("ntriples", graph=True)
    ('application/sparql-results+json', 'application/n-triples')
    """
    return dict((v, k) for k, v in reversed(GRAPH_TYPES if graph else RESULT_TYPES))[name]


XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
#: Result formats by name, with their media types (SPARQL 1.1 Protocol).
RESULT_MEDIA_TYPES = {
    "json": "application/sparql-results+json",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "xml": "application/sparql-results+xml",
    "table": "text/plain",
}


# ----------------------------------------------------------------- output


def _json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {k: _json_term(getattr(term, k)) for k in ("subject", "predicate", "object")}}
    raise TypeError(f"unexpected term {term!r}")


def _xml_term(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    return f"<literal>{escape(str(term))}</literal>"


def compact(term, prefixes: dict[str, str] | None = None) -> str:
    """A short human form of a term: ``ent:person-hillary_clinton``, a literal's text.

    Example
    -------
    >>> compact(ox.NamedNode("https://w3id.org/kgbuild/rel/meet_with"))
    'rel:meet_with'
    """
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        prefixes = prefixes or rdfio.ALL_PREFIXES
        best = max((ns for ns in prefixes.values() if term.value.startswith(ns)), key=len, default=None)
        if best is None:
            return f"<{term.value}>"
        name = next(p for p, ns in prefixes.items() if ns == best)
        return f"{name}:{term.value[len(best):]}"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def serialize(result: QueryResult, format: str = "table") -> bytes:
    """Serialise a result: table, json (SPARQL 1.1 JSON), csv, tsv or xml; CONSTRUCT gives Turtle.

    Parameters
    ----------
    result : QueryResult
    format : str
        One of ``RESULT_MEDIA_TYPES``; for CONSTRUCT, "ntriples" is also accepted.

    Returns
    -------
    bytes

    Example
    -------
    >>> serialize(QueryResult("ask", boolean=True), "json")
    b'{"head": {}, "boolean": true}'
    """
    if result.kind == "construct":
        rdf = ox.RdfFormat.N_TRIPLES if format in ("ntriples", "nt", "tsv", "csv") else ox.RdfFormat.TURTLE
        return ox.serialize(result.triples, format=rdf, prefixes=rdfio.ALL_PREFIXES if rdf == ox.RdfFormat.TURTLE else None)
    if format == "json":
        if result.kind == "ask":
            return json.dumps({"head": {}, "boolean": result.boolean}).encode()
        bindings = [
            {v: _json_term(t) for v, t in zip(result.variables, row) if t is not None} for row in result.rows
        ]
        return json.dumps({"head": {"vars": result.variables}, "results": {"bindings": bindings}}, ensure_ascii=False).encode()
    if format == "xml":
        head = "".join(f"<variable name={quoteattr(v)}/>" for v in result.variables)
        out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">', f"<head>{head}</head>"]
        if result.kind == "ask":
            out.append(f"<boolean>{'true' if result.boolean else 'false'}</boolean>")
        else:
            out.append("<results>")
            for row in result.rows:
                cells = "".join(
                    f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>" for v, t in zip(result.variables, row) if t is not None
                )
                out.append(f"<result>{cells}</result>")
            out.append("</results>")
        out.append("</sparql>\n")
        return "\n".join(out).encode()
    if format in ("csv", "tsv"):
        if result.kind == "ask":  # no standard CSV for ASK; the common convention
            return (b"true" if result.boolean else b"false") + b"\r\n"
        buf = io.StringIO()
        if format == "csv":
            writer = csv.writer(buf, lineterminator="\r\n")
            writer.writerow(result.variables)
            for row in result.rows:
                writer.writerow([_csv_cell(t) for t in row])
        else:
            buf.write("\t".join("?" + v for v in result.variables) + "\n")
            for row in result.rows:
                buf.write("\t".join("" if t is None else str(t).replace("\t", "\\t") for t in row) + "\n")
        return buf.getvalue().encode()
    if format == "table":
        return _table(result).encode()
    raise KgbuildError(f"unknown result format {format!r} (choose from {', '.join(RESULT_MEDIA_TYPES)})")


def _csv_cell(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value if hasattr(term, "value") else str(term)


def _table(result: QueryResult, width: int = 60) -> str:
    if result.kind == "ask":
        return ("yes" if result.boolean else "no") + "\n"
    header = list(result.variables)
    cells = [[_clip(compact(t), width) for t in row] for row in result.rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]
    line = lambda parts: "  ".join(p.ljust(w) for p, w in zip(parts, widths)).rstrip()  # noqa: E731
    out = [line(header), line(["-" * w for w in widths])] + [line(r) for r in cells]
    n = len(result.rows)
    out.append(f"({n} row{'s' if n != 1 else ''}{', truncated' if result.truncated else ''})")
    return "\n".join(out) + "\n"


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def iter_select(variables: list[str], rows, format: str = "table", truncated=lambda: False, block: int = 64):
    """A SELECT result serialised as it comes: bytes chunks, one per ``block`` rows (and the head, and the end).

    The same text as ``serialize`` gives for the whole result, but for the table, whose
    column widths are set by its first block of rows.

    Parameters
    ----------
    variables : list of str
    rows : iterable of tuples of terms (None when unbound)
    format : str
        table, json, csv, tsv or xml.
    truncated : callable
        Called at the end: whether a row limit cut the rows short (the table says so).
    block : int
        Rows per chunk.

    Example
    -------
    >>> rows = [(ox.Literal("a"),), (ox.Literal("b"),)]
    >>> b"".join(iter_select(["x"], iter(rows), "csv", block=1)) == serialize(QueryResult("select", ["x"], rows), "csv")
    True
    """
    rows = iter(rows)
    if format not in RESULT_MEDIA_TYPES:
        raise KgbuildError(f"unknown result format {format!r} (choose from {', '.join(RESULT_MEDIA_TYPES)})")
    if format == "table":
        yield from _iter_table(variables, rows, truncated, block)
        return
    if format == "json":
        yield json.dumps({"head": {"vars": variables}}, ensure_ascii=False)[:-1].encode() + b', "results": {"bindings": ['
    elif format == "xml":
        head = "".join(f"<variable name={quoteattr(v)}/>" for v in variables)
        yield (f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>{head}</head>\n'
               "<results>\n").encode()
    elif format == "csv":
        yield serialize(QueryResult("select", variables=variables), "csv")
    else:
        yield serialize(QueryResult("select", variables=variables), "tsv")
    first = True
    while True:
        chunk = list(itertools.islice(rows, block))
        if not chunk:
            break
        if format == "json":
            text = ", ".join(json.dumps({v: _json_term(t) for v, t in zip(variables, row) if t is not None},
                                        ensure_ascii=False) for row in chunk)
            yield (text if first else ", " + text).encode()
        elif format == "xml":
            yield "".join("<result>" + "".join(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                                               for v, t in zip(variables, row) if t is not None) + "</result>\n"
                          for row in chunk).encode()
        else:
            whole = serialize(QueryResult("select", variables=variables, rows=chunk), format)
            yield whole.split(b"\n", 1)[1]  # without the header line
        first = False
    yield b"]}}" if format == "json" else b"</results>\n</sparql>\n" if format == "xml" else b""


def _iter_table(variables: list[str], rows, truncated, block: int, width: int = 60):
    first = list(itertools.islice(rows, block))
    cells = [[_clip(compact(t), width) for t in row] for row in first]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(variables)]
    line = lambda parts: "  ".join(p.ljust(w) for p, w in zip(parts, widths)).rstrip()  # noqa: E731
    yield ("\n".join([line(variables), line(["-" * w for w in widths])] + [line(r) for r in cells]) + "\n").encode()
    n = len(first)
    while True:
        chunk = list(itertools.islice(rows, block))
        if not chunk:
            break
        n += len(chunk)
        yield "".join(line([_clip(compact(t), width) for t in row]) + "\n" for row in chunk).encode()
    yield f"({n} row{'s' if n != 1 else ''}{', truncated' if truncated() else ''})\n".encode()
