"""The query page of ``kgbuild serve`` (``GET /``), and the graph view of an entity's neighbourhood (``GET /view``).

The page works offline: the editor (CodeMirror 5 with its SPARQL mode, MIT, vendored in
``assets/`` with its licence, see ``assets/VENDORED.md``) and our script are inlined, and the page
only talks to the endpoint it came from (``/query``). Chosen over YASGUI, which bundles some 2 MB
of script and looks prefixes up on prefix.cc from the browser. The page has our prefixes
(predeclared by the endpoint: a query needs no PREFIX line), the example queries one click away,
results as a table sorted by a click on a column, and, for every entity in the results, a link
to ``/view?entity=IRI``: the interactive graph view (``kgbuild.view``) of the entity, its
neighbours and the statements between them.
"""

from __future__ import annotations

import html
import json
import re
from importlib import resources
from urllib.parse import parse_qs

import kgbuild.rdf as rdfio
from kgbuild.rdf.vocab import ENTITY

_MARKER = re.compile(r"/\*@(\w+)@\*/")
#: The paths this module answers.
PATHS = ("/", "", "/view")

NEIGHBOURHOOD = """
CONSTRUCT {{
  ?x ?xp ?xo . ?st ?sp ?so . ?d ?dp ?do . ?s ?r ?o .
}} WHERE {{
  {{ VALUES ?x {{ <{iri}> }} ?x ?xp ?xo FILTER(!STRSTARTS(STR(?xp), STR(rel:))) }}
  UNION {{ {{ <{iri}> ?r0 ?x }} UNION {{ ?x ?r0 <{iri}> }} FILTER(STRSTARTS(STR(?r0), STR(rel:)))
           ?x ?xp ?xo FILTER(?xp IN (rdf:type, rdfs:label, skos:altLabel, kg:mentionCount, kg:mentionedIn)) }}
  UNION {{ {{ ?st rdf:subject <{iri}> }} UNION {{ ?st rdf:object <{iri}> }} ?st a kg:Statement ; ?sp ?so }}
  UNION {{ {{ ?st rdf:subject <{iri}> }} UNION {{ ?st rdf:object <{iri}> }} ?st prov:wasDerivedFrom ?d . ?d ?dp ?do
           FILTER(?dp IN (rdf:type, kg:documentId, dcterms:title)) }}
  UNION {{ {{ BIND(<{iri}> AS ?s) ?s ?r ?o }} UNION {{ BIND(<{iri}> AS ?o) ?s ?r ?o }} FILTER(STRSTARTS(STR(?r), STR(rel:))) }}
}}"""


def _asset(name: str) -> str:
    return resources.files("kgbuild.sparql").joinpath("assets").joinpath(name).read_text(encoding="utf-8")


def examples() -> list[dict[str, str]]:
    """The example queries the page offers: name and text of each ``assets/examples/*.rq``.

    Example
    -------
    >>> [e["name"] for e in examples()]
    ['about entity', 'employers', 'members', 'mentions of', 'places in country', 'relation counts', 'who met whom']
    """
    folder = resources.files("kgbuild.sparql").joinpath("assets").joinpath("examples")
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".rq")), key=lambda f: f.name)
    return [{"name": f.name.removesuffix(".rq").replace("_", " "), "query": f.read_text(encoding="utf-8")} for f in files]


def query_page(read_only: bool = True) -> str:
    """The query page, one self-contained HTML document.

    Example
    -------
    >>> page = query_page()
    >>> page.startswith("<!DOCTYPE html>") and "CodeMirror" in page and "who met whom" in page
    True
    """
    config = {"prefixes": rdfio.ALL_PREFIXES, "examples": examples(), "entity": str(ENTITY),
              "mode": "read-only" if read_only else "read-write"}
    parts = {
        "CM_CSS": _asset("codemirror.css"), "CM_JS": _asset("codemirror.js"),
        "CM_SPARQL": _asset("codemirror-sparql.js"), "APP": _asset("query.js"),
        "CONFIG": json.dumps(config).replace("<", "\\u003c"),
    }
    return _MARKER.sub(lambda m: parts[m.group(1)], _asset("query.html"))


def neighbourhood_query(iri: str) -> str:
    """The CONSTRUCT query of an entity, its neighbours, the statements that join them and their documents."""
    return NEIGHBOURHOOD.format(iri=iri)


def answer(handler, url) -> None:
    """Answer ``GET /`` (the query page) or ``GET /view?entity=IRI`` for the server's request handler."""
    if url.path in ("/", ""):
        page = query_page(read_only=not handler.config.allow_update)
        return handler._send(200, "text/html; charset=utf-8", page.encode("utf-8"))
    iri = (parse_qs(url.query).get("entity") or [""])[0]
    if not iri.startswith(str(ENTITY)) or re.search(r"[\s<>\"{}|\\^`]", iri):
        return handler._error(400, f"give ?entity= an entity IRI ({ENTITY}...)")
    status, _, body, _ = handler.pool.run(("query", neighbourhood_query(iri), ("json", "ntriples"),
                                           handler.config.max_results), handler.config.timeout, handler.config.queue_wait)
    if status != 200:
        return handler._error(status, body.decode("utf-8", "replace").strip())
    import rdflib

    from kgbuild.view.html import render_html

    graph = rdflib.Graph().parse(data=body.decode("utf-8"), format="nt")
    label = graph.value(rdflib.URIRef(iri), rdflib.RDFS.label)
    title = f"Neighbourhood of {label or iri.rsplit('/', 1)[-1]}"
    handler._send(200, "text/html; charset=utf-8", render_html(graph, title=html.unescape(title)).encode("utf-8"))
