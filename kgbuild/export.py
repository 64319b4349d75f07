"""Export: the knowledge graph as RDF quads, following docs/output-contract.md.

``iter_quads`` streams ``(subject, predicate, object, graph)`` with rdflib
terms; ``graph`` is the document's IRI for what that document says, or None
(the default graph) for entity descriptions and predicate declarations.
Writers (``kgbuild.rdfio``) turn the stream into Turtle, N-Quads, JSON-LD...
"""

from __future__ import annotations

import hashlib
import urllib.parse
from collections.abc import Iterator

import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from kgbuild.dates import normalize_date, parse_reference
from kgbuild.graph import KnowledgeGraph, slug
from kgbuild.model import Statement
from kgbuild.vocab import DOC, ENTITY, KG, MERGE, NIF, PREFIXES, REL, STATEMENT

Quad = tuple[URIRef, URIRef, rdflib.term.Node, URIRef | None]


def entity_iri(node: str) -> URIRef:
    return ENTITY[node]


def document_iri(doc_id: str) -> URIRef:
    return DOC[slug(doc_id)]


def predicate_iri(predicate: str) -> URIRef:
    return REL[urllib.parse.quote(predicate, safe="_-.~")]


def statement_iri(doc_id: str, s: str, statement: Statement, o: str) -> URIRef:
    key = "\x1f".join([doc_id, str(statement.sentence_start), s, statement.predicate, o, statement.relation_text])
    return STATEMENT[hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]]


def iter_quads(kg: KnowledgeGraph) -> Iterator[Quad]:
    """Every quad of the graph.

    Parameters
    ----------
    kg : KnowledgeGraph

    Returns
    -------
    Iterator of (subject, predicate, object, graph) rdflib terms.

    Example
    -------
    >>> from kgbuild import build_graph
    >>> kg = build_graph(["Hillary Clinton met Pakistani journalists."])
    >>> any(p == RDFS.label and str(o) == "Hillary Clinton" for s, p, o, g in iter_quads(kg))
    True
    """
    for node, data in kg.graph.nodes(data=True):
        iri = entity_iri(node)
        yield iri, RDF.type, KG[data["type"]], None
        yield iri, RDFS.label, Literal(data["label"]), None
        for name in sorted(data["names"] - {data["label"]}):
            yield iri, SKOS.altLabel, Literal(name), None
        yield iri, KG.mentionCount, Literal(data["mentions"], datatype=XSD.integer), None
        if data.get("ner_label"):
            yield iri, KG.nerLabel, Literal(data["ner_label"]), None
        for doc_id in sorted(data["documents"]):
            yield iri, KG.mentionedIn, document_iri(doc_id), None
        if data.get("normalized_date"):
            yield iri, KG.normalizedDate, date_literal(data["normalized_date"]), None
    predicates = {statement.predicate for _, _, statement, _ in kg.statements()}
    for predicate in sorted(predicates):
        iri = predicate_iri(predicate)
        yield iri, RDF.type, OWL.ObjectProperty, None
        yield iri, RDF.type, KG.RelationPredicate, None
        yield iri, RDFS.subPropertyOf, KG.relatedTo, None
        yield iri, RDFS.label, Literal(predicate.replace("_", " ")), None
    for doc_id, merged in kg.documents.items():
        yield from _document_quads(doc_id, merged)


def _document_quads(doc_id: str, merged) -> Iterator[Quad]:
    doc = merged.document
    g = document_iri(doc_id)
    reference = parse_reference(doc.date)
    yield g, RDF.type, KG.Document, g
    yield g, KG.documentId, Literal(doc_id), g
    yield g, KG.contentHash, Literal(hashlib.sha256(doc.text.encode("utf-8")).hexdigest()), g
    if doc.title:
        yield g, DCTERMS.title, Literal(doc.title), g
    if doc.source:
        yield g, KG.source, Literal(doc.source), g
    if reference is not None:
        yield g, DCTERMS.date, Literal(reference.isoformat(), datatype=XSD.date), g
    for s, statement, o in merged.statements:
        subject, obj, predicate = entity_iri(s), entity_iri(o), predicate_iri(statement.predicate)
        yield subject, predicate, obj, g
        st = statement_iri(doc_id, s, statement, o)
        yield st, RDF.type, KG.Statement, g
        yield st, RDF.subject, subject, g
        yield st, RDF.predicate, predicate, g
        yield st, RDF.object, obj, g
        yield st, PROV.wasDerivedFrom, g, g
        yield st, KG.sentence, Literal(statement.sentence), g
        yield st, NIF.beginIndex, Literal(statement.sentence_start, datatype=XSD.integer), g
        yield st, NIF.endIndex, Literal(statement.sentence_end, datatype=XSD.integer), g
        yield st, KG.relationText, Literal(statement.relation_text), g
        yield st, KG.subjectText, Literal(statement.subject_text), g
        yield st, KG.objectText, Literal(statement.object_text), g
        yield st, KG.confidence, Literal(float(statement.confidence), datatype=XSD.double), g
        yield st, KG.negated, Literal(bool(statement.negated)), g
        yield st, KG.pattern, Literal(statement.pattern), g
        if statement.modality:
            yield st, KG.modality, Literal(statement.modality), g
        if statement.attributed_to and statement.attributed_to in merged.entity_nodes:
            yield st, KG.attributedTo, entity_iri(merged.entity_nodes[statement.attributed_to]), g
        if statement.attribution:
            yield st, KG.attribution, Literal(statement.attribution), g
        if statement.time:
            yield st, KG.time, Literal(statement.time), g
            iso = normalize_date(statement.time, reference)
            if iso:
                yield st, KG.normalizedTime, date_literal(iso), g
        if statement.place and statement.place in merged.entity_nodes:
            yield st, KG.place, entity_iri(merged.entity_nodes[statement.place]), g
    for i, (node, merge) in enumerate(merged.merges):
        record = MERGE[hashlib.sha1(f"{doc_id}\x1f{i}\x1f{node}".encode()).hexdigest()[:20]]
        yield record, RDF.type, KG.MergeRecord, g
        yield record, KG.mergedInto, entity_iri(node), g
        yield record, KG.mergeRule, Literal(merge.rule), g
        yield record, PROV.used, g, g
        for name in merge.names:
            yield record, KG.mergedName, Literal(name), g


def date_literal(iso: str) -> Literal:
    """An ISO date, year-month or year as a typed literal (xsd:date, xsd:gYearMonth, xsd:gYear)."""
    datatype = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}.get(len(iso), XSD.string)
    return Literal(iso, datatype=datatype)


def to_rdflib(kg: KnowledgeGraph) -> rdflib.Graph:
    """The union of all quads as an rdflib Graph, with our prefixes bound."""
    graph = rdflib.Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    for s, p, o, _ in iter_quads(kg):
        graph.add((s, p, o))
    return graph
