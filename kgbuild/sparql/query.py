"""SPARQL over a graph file or a store, with our prefixes predeclared.

Queries run on pyoxigraph with the default graph as the union of all graphs,
so the same query works on Turtle (one graph) and on N-Quads, TriG or a store
(one named graph per document). Results serialise as a text table or as the
standard SPARQL 1.1 results formats (JSON, CSV, TSV, XML).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

import kgbuild.rdf as rdfio
from kgbuild.errors import KgbuildError
from kgbuild.rdf.load import open_source


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
        from kgbuild.sparql.results import compact

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
        A graph in any of ``rdfio.FORMATS``, or a directory made by ``kgbuild.rdf.store``.
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
