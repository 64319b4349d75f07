"""SPARQL over a graph file or a store, with our prefixes predeclared.

Queries run on pyoxigraph with the default graph as the union of all graphs,
so the same query works on Turtle (one graph) and on N-Quads, TriG or a store
(one named graph per document). Results serialise as a text table or as the
standard SPARQL 1.1 results formats (JSON, CSV, TSV, XML).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from kgbuild import rdfio
from kgbuild.errors import KgbuildError
from kgbuild.store import location

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


def open_source(source: str | Path) -> ox.Store:
    """A store for ``source``: an RDF file (loaded in memory) or a store directory (read-only).

    Example
    -------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.nt"
    >>> _ = p.write_text('<http://e/a> <http://e/p> "x" .\\n')
    >>> len(open_source(p))
    1
    """
    path = Path(source)
    if path.is_dir():
        try:
            return ox.Store.read_only(str(location(path)))
        except OSError as exc:
            raise KgbuildError(f"cannot open the store: {' '.join(str(exc).split())}", path=path) from None
    return rdfio.load(path)


def execute(store: ox.Store, sparql: str, limit: int | None = None) -> QueryResult:
    """Run a SPARQL query on an open store (default graph = union of all graphs).

    Parameters
    ----------
    store : pyoxigraph.Store
    sparql : str
        A SPARQL 1.1 query; our prefixes (kg:, rel:, ent:, rdfs:, skos:...) need no PREFIX line.
    limit : int, optional
        Keep at most this many rows or triples; ``truncated`` tells if more existed.

    Returns
    -------
    QueryResult

    Example
    -------
    >>> s = ox.Store()
    >>> s.add(ox.Quad(ox.NamedNode("http://e/a"), ox.NamedNode(rdfio.ALL_PREFIXES["rdfs"] + "label"), ox.Literal("A")))
    >>> execute(s, "SELECT ?l WHERE { ?x rdfs:label ?l }").rows[0][0].value
    'A'
    """
    try:
        answer = store.query(sparql, prefixes=rdfio.ALL_PREFIXES, use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise KgbuildError(f"bad SPARQL: {' '.join((exc.msg or str(exc)).split())}") from None
    try:
        if isinstance(answer, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(answer))
        if isinstance(answer, ox.QuerySolutions):
            names = [v.value for v in answer.variables]
            rows, truncated = [], False
            for solution in answer:
                if limit is not None and len(rows) >= limit:
                    truncated = True
                    break
                rows.append(tuple(solution[i] for i in range(len(names))))
            return QueryResult("select", variables=names, rows=rows, truncated=truncated)
        triples, truncated = [], False
        for triple in answer:
            if limit is not None and len(triples) >= limit:
                truncated = True
                break
            triples.append(triple)
        return QueryResult("construct", triples=triples, truncated=truncated)
    except OSError as exc:  # evaluation errors (e.g. SERVICE failures) surface while iterating
        raise KgbuildError(f"query failed: {' '.join(str(exc).split())}") from None


def run_query(source: str | Path, sparql: str, limit: int | None = None) -> QueryResult:
    """Run a SPARQL query on a graph file or a store directory.

    Parameters
    ----------
    source : str or Path
        A graph in any of ``rdfio.FORMATS``, or a directory made by ``kgbuild.store``.
    sparql : str
        The query; our prefixes are predeclared.
    limit : int, optional
        Keep at most this many rows or triples.

    Returns
    -------
    QueryResult

    Example
    -------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.nt"
    >>> _ = p.write_text('<http://e/a> <http://e/p> "x" .\\n')
    >>> run_query(p, "ASK { ?s ?p 'x' }").boolean
    True
    """
    return execute(open_source(source), sparql, limit=limit)


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
