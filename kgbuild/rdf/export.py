"""Export: the knowledge graph as RDF quads, following docs/output-contract.md.

``iter_ntriples`` streams ``(subject, predicate, object, graph)`` with each
term as N-Triples text (``kgbuild.rdf.ntriples``): that is what the writers in
``kgbuild.rdf`` hand to oxigraph, and it is several times cheaper than
making rdflib terms. ``iter_quads`` gives the same quads as rdflib terms, for
code that wants rdflib. ``graph`` is the document's IRI for what that
document says, or None (the default graph) for entity descriptions and
predicate declarations.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import rdflib
from rdflib import URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD

import kgbuild.rdf.ntriples as nt
from kgbuild.dates import normalize_date, parse_reference
from kgbuild.extract.properties import predicate_label, property_of
from kgbuild.rdf.iris import _digest, _predicate_term, _statement_name, document_iri
from kgbuild.rdf.ntriples import NtQuad
from kgbuild.rdf.vocab import ENTITY, ITSRDF, KG, MERGE, NIF, PREFIXES, SCHEMA, STATEMENT, WDT
from kgbuild.records import content_hash

if TYPE_CHECKING:  # used by duck typing; the graph imports this module to write itself
    from kgbuild.graph import KnowledgeGraph

Quad = tuple[URIRef, URIRef, rdflib.term.Node, URIRef | None]

# the vocabulary as N-Triples terms, made once
_TYPE, _LABEL, _ALT_LABEL = nt.iri(RDF.type), nt.iri(RDFS.label), nt.iri(SKOS.altLabel)
_SUBJECT, _PREDICATE, _OBJECT = nt.iri(RDF.subject), nt.iri(RDF.predicate), nt.iri(RDF.object)
_SUB_PROPERTY_OF, _OBJECT_PROPERTY = nt.iri(RDFS.subPropertyOf), nt.iri(OWL.ObjectProperty)
_DERIVED_FROM, _USED = nt.iri(PROV.wasDerivedFrom), nt.iri(PROV.used)
_TITLE, _DATE = nt.iri(DCTERMS.title), nt.iri(DCTERMS.date)
_PUBLISHED, _AUTHOR, _URL = nt.iri(SDO.datePublished), nt.iri(SDO.author), nt.iri(SDO.url)
_BEGIN, _END = nt.iri(NIF.beginIndex), nt.iri(NIF.endIndex)
_EQUIVALENT = nt.iri(OWL.equivalentProperty)
_CONTEXT, _PHRASE, _ANCHOR = nt.iri(NIF.Context), nt.iri(NIF.Phrase), nt.iri(NIF.anchorOf)
_REFERENCE_CONTEXT, _IDENT_REF = nt.iri(NIF.referenceContext), nt.iri(ITSRDF.taIdentRef)
# the bases of minted IRIs: their terms are made as text, without an rdflib term each (a build makes ~10⁶)
_ENTITY, _STATEMENT, _MERGE = str(ENTITY), str(STATEMENT), str(MERGE)
_K = {name: nt.iri(KG[name]) for name in (
    "Document", "Statement", "MergeRecord", "RelationPredicate", "TypedProperty", "relatedTo",
    "mentionCount", "nerLabel", "mentionedIn", "normalizedDate", "documentId", "contentHash", "source", "siteName",
    "sentence", "relationText", "subjectText", "objectText", "confidence", "negated", "pattern", "modality",
    "attributedTo", "attribution", "time", "normalizedTime", "place", "mergedInto", "mergeRule", "mergedName",
)}


def iter_ntriples(kg: KnowledgeGraph, union: bool = False) -> Iterator[NtQuad]:
    """Every quad of the graph, each term as N-Triples text, no quad twice.

    Parameters
    ----------
    kg : KnowledgeGraph
    union : bool
        For a triple format (all graphs in one): a relation triple that several documents
        state is given once, so that no triple comes twice either.

    Returns
    -------
    Iterator of (subject, predicate, object, graph) strings; graph is None for the default graph.

    Example
    -------
    >>> from kgbuild import build_graph
    >>> kg = build_graph(["Hillary Clinton met Pakistani journalists."])
    >>> next(iter_ntriples(kg))[:3]
    ('<https://w3id.org/kgbuild/entity/person-hillary_clinton>', '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>', '<https://w3id.org/kgbuild/ontology#Person>')
    """
    yield from entity_ntriples(kg)
    stated: set[tuple[str, str, str]] | None = set() if union else None
    for doc_id in kg.documents:
        yield from document_ntriples(kg, doc_id, stated)


def entity_ntriples(kg: KnowledgeGraph) -> Iterator[NtQuad]:
    """The default graph: every entity's description and every relation predicate's declaration.

    Parameters
    ----------
    kg : KnowledgeGraph

    Returns
    -------
    Iterator of (subject, predicate, object, None) strings.

    Example
    -------
    >>> from kgbuild import build_graph
    >>> kg = build_graph(["Hillary Clinton met Pakistani journalists."])
    >>> sum(1 for q in entity_ntriples(kg) if q[1] == _LABEL)  # 3 entities, 1 predicate
    4
    """
    types: dict[str, str] = {}
    documents: dict[str, str] = {}  # document id → IRI term: each is named by many entities
    for node, data in kg.graph.nodes(data=True):
        s = f"<{_ENTITY}{node}>"
        type_ = types.get(data["type"]) or types.setdefault(data["type"], nt.iri(KG[data["type"]]))
        yield s, _TYPE, type_, None
        yield s, _LABEL, nt.literal(data["label"]), None
        for name in sorted(data["names"] - {data["label"]}):
            yield s, _ALT_LABEL, nt.literal(name), None
        yield s, _K["mentionCount"], nt.integer(data["mentions"]), None
        if data.get("ner_label"):
            yield s, _K["nerLabel"], nt.literal(data["ner_label"]), None
        for doc_id in sorted(data["documents"]):
            g = documents.get(doc_id) or documents.setdefault(doc_id, nt.iri(document_iri(doc_id)))
            yield s, _K["mentionedIn"], g, None
        if data.get("normalized_date"):
            yield s, _K["normalizedDate"], date_literal(data["normalized_date"]), None
    predicates = {statement.predicate for _, _, statement, _ in kg.statements()}
    for predicate in sorted(predicates):
        p = _predicate_term(predicate)
        yield p, _TYPE, _OBJECT_PROPERTY, None
        yield p, _TYPE, _K["RelationPredicate"], None
        yield p, _SUB_PROPERTY_OF, _K["relatedTo"], None
        yield p, _LABEL, nt.literal(predicate_label(predicate)), None
        typed = property_of(predicate)
        if typed is None:
            continue
        # a typed property: declared in the ontology too, repeated here so that the graph alone
        # joins with Wikidata and schema.org
        yield p, _TYPE, _K["TypedProperty"], None
        if typed.wikidata:
            yield p, _EQUIVALENT, nt.iri(WDT[typed.wikidata]), None
        if typed.schema:
            yield p, _EQUIVALENT, nt.iri(SCHEMA[typed.schema]), None


def document_ntriples(kg: KnowledgeGraph, doc_id: str, stated: set[tuple[str, str, str]] | None = None) -> Iterator[NtQuad]:
    """One document's named graph: the document, its statements with provenance, its merge records.

    A document's quads are final once it is added to the graph (node ids never change), so a
    build can write them while it goes on and keep only the entity descriptions for the end.

    Parameters
    ----------
    kg : KnowledgeGraph
    doc_id : str
        A document of ``kg``.
    stated : set, optional
        (subject node, predicate, object node) of relation triples already given by other
        documents, to leave out (and updated); for triple formats, where they would repeat.

    Returns
    -------
    Iterator of (subject, predicate, object, graph) strings, graph the document IRI.

    Example
    -------
    >>> from kgbuild import build_graph
    >>> kg = build_graph(["Hillary Clinton met Pakistani journalists."])
    >>> {q[3] for q in document_ntriples(kg, "doc1")}
    {'<https://w3id.org/kgbuild/doc/doc1>'}
    """
    merged = kg.documents[doc_id]
    doc = merged.document
    g = nt.iri(document_iri(doc_id))
    reference = parse_reference(doc.date)
    yield g, _TYPE, _K["Document"], g
    yield g, _K["documentId"], nt.literal(doc_id), g
    yield g, _K["contentHash"], nt.literal(content_hash(doc)), g
    if doc.title:
        yield g, _TITLE, nt.literal(doc.title), g
    if doc.source:
        yield g, _K["source"], nt.literal(doc.source), g
    if reference is not None:
        yield g, _DATE, nt.literal(reference.isoformat(), nt.DATE), g
        yield g, _PUBLISHED, nt.literal(reference.isoformat(), nt.DATE), g
    yield from _page_metadata(g, doc)
    entity, nodes = _ENTITY, merged.entity_nodes
    seen: set[str] = set()
    direct: set[tuple[str, str, str]] = set()
    for s, statement, o in merged.statements:
        st = f"<{_STATEMENT}{_statement_name(doc_id, s, statement, o)}>"
        if st in seen:  # the same statement twice in a sentence: once is enough
            continue
        seen.add(st)
        subject, obj, predicate = f"<{entity}{s}>", f"<{entity}{o}>", _predicate_term(statement.predicate)
        key = (s, statement.predicate, o)
        if key not in direct and (stated is None or key not in stated):
            direct.add(key)
            if stated is not None:
                stated.add(key)
            yield subject, predicate, obj, g
        yield st, _TYPE, _K["Statement"], g
        yield st, _SUBJECT, subject, g
        yield st, _PREDICATE, predicate, g
        yield st, _OBJECT, obj, g
        yield st, _DERIVED_FROM, g, g
        yield st, _K["sentence"], nt.literal(statement.sentence), g
        yield st, _BEGIN, nt.integer(statement.sentence_start), g
        yield st, _END, nt.integer(statement.sentence_end), g
        yield st, _K["relationText"], nt.literal(statement.relation_text), g
        yield st, _K["subjectText"], nt.literal(statement.subject_text), g
        yield st, _K["objectText"], nt.literal(statement.object_text), g
        yield st, _K["confidence"], nt.double(statement.confidence), g
        yield st, _K["negated"], nt.boolean(statement.negated), g
        yield st, _K["pattern"], nt.literal(statement.pattern), g
        if statement.modality:
            yield st, _K["modality"], nt.literal(statement.modality), g
        if statement.attributed_to and statement.attributed_to in nodes:
            yield st, _K["attributedTo"], f"<{entity}{nodes[statement.attributed_to]}>", g
        if statement.attribution:
            yield st, _K["attribution"], nt.literal(statement.attribution), g
        if statement.time:
            yield st, _K["time"], nt.literal(statement.time), g
            iso = normalize_date(statement.time, reference)
            if iso:
                yield st, _K["normalizedTime"], date_literal(iso), g
        if statement.place and statement.place in nodes:
            yield st, _K["place"], f"<{entity}{nodes[statement.place]}>", g
    yield from mention_ntriples(kg, doc_id)
    for i, (node, merge) in enumerate(merged.merges):
        record = f"<{_MERGE}{_digest(doc_id, str(i), node)}>"
        yield record, _TYPE, _K["MergeRecord"], g
        yield record, _K["mergedInto"], f"<{entity}{node}>", g
        yield record, _K["mergeRule"], nt.literal(merge.rule), g
        yield record, _USED, g, g
        for name in merge.names:
            yield record, _K["mergedName"], nt.literal(name), g


def mention_ntriples(kg: KnowledgeGraph, doc_id: str) -> Iterator[NtQuad]:
    """The NIF 2.0 mentions of one document: every mention of every entity it kept, as a ``nif:Phrase``.

    ``nif:beginIndex`` and ``nif:endIndex`` are character offsets into the text as given (for a part
    ``ID#part2`` of a long text, into the whole text), ``nif:anchorOf`` is the text between them,
    ``nif:referenceContext`` the ``nif:Context`` of the text (the document itself, or for a part the
    whole text's IRI, with its ``kg:documentId``), ``itsrdf:taIdentRef`` the entity. Phrases are named
    by the NIF URI scheme (RFC 5147): ``<context>#char=begin,end``. Nothing when the graph keeps no
    mentions (``KnowledgeGraph(mentions=False)``, ``kgbuild build --no-mentions``).

    Parameters
    ----------
    kg : KnowledgeGraph
    doc_id : str
        A document of ``kg``.

    Returns
    -------
    Iterator of (subject, predicate, object, graph) strings, graph the document IRI.

    Example
    -------
    >>> from kgbuild import build_graph
    >>> kg = build_graph(["Hillary Clinton met Imran Khan. Clinton said she was happy."])
    >>> sorted(o for s, p, o, g in mention_ntriples(kg, "doc1") if p == _ANCHOR)
    ['"Clinton"', '"Hillary Clinton"', '"Imran Khan"', '"she"']
    """
    merged = kg.documents[doc_id]
    if not merged.mentions:
        return
    doc = merged.document
    g = nt.iri(document_iri(doc_id))
    whole = document_iri(doc.whole_id)
    context = nt.iri(whole)
    yield context, _TYPE, _CONTEXT, g
    if doc.whole_id != doc_id:  # a part: the whole text is the context, named by its own id
        yield context, _K["documentId"], nt.literal(doc.whole_id), g
    entity = _ENTITY
    for begin, end, text, node in merged.mentions:
        phrase = f"<{whole}#char={begin},{end}>"
        yield phrase, _TYPE, _PHRASE, g
        yield phrase, _ANCHOR, nt.literal(text), g
        yield phrase, _BEGIN, nt.integer(begin), g
        yield phrase, _END, nt.integer(end), g
        yield phrase, _REFERENCE_CONTEXT, context, g
        yield phrase, _IDENT_REF, f"<{entity}{node}>", g


class GraphWriter:
    """Writes a knowledge graph to an RDF file while it is being built.

    A document's quads are final once it is in the graph (node ids never change), so they
    are written as each document is added; only the entity descriptions, which grow with
    every document, wait for the end. The file appears, complete, when the ``with`` block
    ends without an error (``kgbuild.rdf.RdfWriter``); JSON-LD, which cannot be streamed,
    is written whole at the end.

    Parameters
    ----------
    kg : KnowledgeGraph
        The graph documents are added to.
    path : str or Path
        The RDF file.
    format : str, optional
        One of ``kgbuild.rdf.FORMATS``; by default the extension decides.

    Example
    -------
    >>> import tempfile, pathlib
    >>> from kgbuild.pipeline.stream import make_pipeline
    >>> from kgbuild.pipeline.run import resolve_documents
    >>> from kgbuild.records import Document
    >>> from kgbuild.graph import KnowledgeGraph
    >>> kg, path = KnowledgeGraph(), pathlib.Path(tempfile.mkdtemp()) / "graph.ttl"
    >>> with GraphWriter(kg, path) as writer:
    ...     for resolved in resolve_documents([Document("a", "Hillary Clinton met Pakistani journalists.")], make_pipeline()):
    ...         kg.add_document(resolved)
    ...         writer.document_added("a")
    >>> writer.count > 20, path.exists()
    (True, True)
    """

    def __init__(self, kg: KnowledgeGraph, path, format: str | None = None) -> None:
        from kgbuild.rdf.formats import format_for
        from kgbuild.rdf.write import RdfWriter

        self.kg, self.path, self.info = kg, path, format_for(path, format)
        self.count = 0
        self._writer = None if self.info.name == "jsonld" else RdfWriter(path, self.info.name, distinct=True)
        self._stated: set[tuple[str, str, str]] | None = None if self.info.quads else set()

    def __enter__(self) -> GraphWriter:
        if self._writer is not None:
            self._writer.__enter__()
        return self

    def document_added(self, doc_id: str) -> None:
        """Write the quads of a document just added to the graph."""
        if self._writer is not None:
            self._writer.add(document_ntriples(self.kg, doc_id, self._stated))

    def __exit__(self, kind, error, traceback) -> bool | None:
        if self._writer is None:
            if kind is None:
                from kgbuild.rdf.write import write_ntriples

                self.count = write_ntriples(iter_ntriples(self.kg), self.path, self.info.name)
            return None
        if kind is None:
            try:
                self._writer.add(entity_ntriples(self.kg))
            except BaseException as exc:
                self._writer.__exit__(type(exc), exc, exc.__traceback__)  # removes the temporary file
                raise
        handled = self._writer.__exit__(kind, error, traceback)
        self.count = self._writer.count
        return handled


def _page_metadata(g: str, doc) -> Iterator[NtQuad]:
    """What a web page, feed entry or crawled page said about itself: authors, URL, site."""
    for author in dict.fromkeys(a.strip() for a in (doc.author or "").split(";") if a.strip()):
        yield g, _AUTHOR, nt.literal(author), g
    if doc.url:
        yield g, _URL, nt.literal(doc.url, _ANY_URI), g
    if doc.site:
        yield g, _K["siteName"], nt.literal(doc.site), g


_ANY_URI = nt.iri(XSD.anyURI)


def date_literal(iso: str) -> str:
    """An ISO date, year-month or year as a typed literal (xsd:date, xsd:gYearMonth, xsd:gYear).

    Example
    -------
    >>> date_literal("2011-10")
    '"2011-10"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>'
    """
    return nt.literal(iso, {10: nt.DATE, 7: nt.YEAR_MONTH, 4: nt.YEAR}.get(len(iso)))


def iter_quads(kg: KnowledgeGraph) -> Iterator[Quad]:
    """Every quad of the graph as rdflib terms (the same quads as ``iter_ntriples``).

    Parameters
    ----------
    kg : KnowledgeGraph

    Returns
    -------
    Iterator of (subject, predicate, object, graph) rdflib terms; graph is None for the default graph.

    Example
    -------
    >>> from kgbuild import build_graph
    >>> kg = build_graph(["Hillary Clinton met Pakistani journalists."])
    >>> any(p == RDFS.label and str(o) == "Hillary Clinton" for s, p, o, g in iter_quads(kg))
    True
    """
    from kgbuild.rdf.terms import ntriples_to_rdflib

    return ntriples_to_rdflib(iter_ntriples(kg))


def to_rdflib(kg: KnowledgeGraph) -> rdflib.Graph:
    """The union of all quads as an rdflib Graph, with our prefixes bound."""
    graph = rdflib.Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    for s, p, o, _ in iter_quads(kg):
        graph.add((s, p, o))
    return graph
