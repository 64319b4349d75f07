"""SPARQL over a graph file or a store, with our prefixes predeclared.

Queries run on pyoxigraph with the default graph as the union of all graphs,
so the same query works on Turtle (one graph) and on N-Quads, TriG or a store
(one named graph per document). Results serialise as a text table or as the
standard SPARQL 1.1 results formats (JSON, CSV, TSV, XML).
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox

import kgbuild.rdf as rdfio
from kgbuild.errors import KgbuildError
from kgbuild.rdf.load import open_source
from kgbuild.sparql.results import QueryResult


def execute(store: ox.Store, sparql: str, limit: int | None = None, answer=None) -> QueryResult:
    """Run a SPARQL query on an open store (default graph = union of all graphs).

    Parameters
    ----------
    store : pyoxigraph.Store
    sparql : str
        A SPARQL 1.1 query; our prefixes (kg:, rel:, ent:, rdfs:, skos:...) need no PREFIX line.
    limit : int, optional
        Keep at most this many rows or triples; ``truncated`` tells if more existed.
    answer : optional
        What ``prepare`` gave for this query, to collect instead of running it again.

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
    if answer is None:
        answer = prepare(store, sparql)
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


def prepare(store: ox.Store, sparql: str):
    """Start a query (default graph = union of all graphs): pyoxigraph's lazy answer, or a one-line KgbuildError.

    Example
    -------
    >>> try:
    ...     prepare(ox.Store(), "SELECT ?s WHERE { ?s foo:p ?o }")
    ... except KgbuildError as exc:
    ...     print(str(exc).split(" (")[0])
    bad SPARQL at 1:27: unknown prefix foo:
    """
    try:
        return store.query(sparql, prefixes=rdfio.ALL_PREFIXES, use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise KgbuildError(explain_syntax_error(sparql, exc.msg or str(exc))) from None


#: Update operations' first keywords: a query that starts so was meant as an update.
_UPDATE_WORDS = {"insert", "delete", "load", "clear", "drop", "create", "add", "move", "copy", "with"}
_QUERY_WORDS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
_POSITION = re.compile(r"error at (\d+):(\d+): ")
_PREFIX_DECL = re.compile(r"\bprefix\s+([A-Za-z][\w.-]*)?:", re.IGNORECASE)
#: A prefixed name outside IRIs and strings: the prefix part (empty for ":name").
_PREFIXED = re.compile(r"""<[^<>"{}|^`\\\s]*>|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|#[^\n]*|[?$]\w+|(?<![\w.-])([A-Za-z][\w.-]*)?:(?=[\w%])""")


def explain_syntax_error(sparql: str, message: str) -> str:
    """One line for a SPARQL syntax error: what is wrong, where (line:column), and a hint.

    oxigraph's message lists every character class its grammar expected; this names an
    unknown prefix and the declared ones, an empty query, an update sent as a query, or the
    keywords that were expected there, and quotes the text where it went wrong.

    Example
    -------
    >>> explain_syntax_error("", "error at 1:1: expected [_]")
    'empty query: give a SELECT, ASK, CONSTRUCT or DESCRIBE query'
    >>> explain_syntax_error("DELETE WHERE { ?s ?p ?o }", "error at 1:10: expected CONSTRUCT")
    'this is a SPARQL update, not a query: kgbuild query only reads (updates go to /update of kgbuild serve --allow-update)'
    >>> explain_syntax_error("SELECT ?s WHERE { ?s ?p }", "error at 1:26: expected one of LATERAL, SERVICE, [_]")
    'bad SPARQL at 1:26: expected LATERAL or SERVICE, or more of the pattern, at the end of the query'
    """
    if not re.sub(r"#[^\n]*", "", sparql).strip():
        return "empty query: give a SELECT, ASK, CONSTRUCT or DESCRIBE query"
    words = re.findall(r"[A-Za-z]+", re.sub(r"(?im)^\s*(prefix|base)\b[^\n]*$|#[^\n]*", " ", sparql))
    if words and words[0].lower() in _UPDATE_WORDS:
        return ("this is a SPARQL update, not a query: kgbuild query only reads "
                "(updates go to /update of kgbuild serve --allow-update)")
    found = _POSITION.match(message)
    line, column = (int(found.group(1)), int(found.group(2))) if found else (0, 0)
    where = f" at {line}:{column}" if found else ""
    expected = message[found.end():] if found else message
    if "Prefix not found" in expected:
        declared = {m.group(1) or "" for m in _PREFIX_DECL.finditer(sparql)} | set(rdfio.ALL_PREFIXES)
        unknown = next((m.group(1) or "" for m in _PREFIXED.finditer(sparql)
                        if m.group(0).endswith(":") and (m.group(1) or "") not in declared), None)
        if unknown is not None:
            return (f"bad SPARQL{where}: unknown prefix {unknown}: (declare it with PREFIX {unknown}: <...>; "
                    f"predeclared: {', '.join(sorted(rdfio.ALL_PREFIXES))})")
    if words and words[0].upper() not in _QUERY_WORDS:
        return (f"bad SPARQL{where}: a query starts with SELECT, ASK, CONSTRUCT or DESCRIBE "
                f"(after any PREFIX lines), not {words[0]!r}")
    listed = re.findall(r'"((?:[^"\\]|\\.)+)"|\b([A-Z][A-Z_]+)\b', expected)
    keywords = [f'"{sym}"' if sym else word for sym, word in listed]
    if len(keywords) > 8:
        keywords = keywords[:8] + ["…"]
    more = "[_]" in expected
    lines = sparql.split("\n")
    rest = lines[line - 1][column - 1:column + 29].strip() if 0 < line <= len(lines) else ""
    near = f' near "{rest}"' if rest else ", at the end of the query"
    if keywords:
        if keywords[-1] == "…":
            wanted = ", ".join(keywords)
        else:
            wanted = ", ".join(keywords[:-1]) + (" or " if len(keywords) > 1 else "") + keywords[-1]
        return f"bad SPARQL{where}: expected {wanted}{', or more of the pattern' if more else ''}{near}"
    return f"bad SPARQL{where}: unexpected text{near}"


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
