"""Read a kgbuild RDF graph (docs/output-contract.md) into plain Python objects for drawing.

The viewer, the static picture and ``kgbuild stats`` all need the same things: entities
with their names, type and documents; relation edges with the sentences they were read
from; documents with their titles. This module reads them once, so each renderer only
formats.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import unquote

import rdflib
from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kgbuild.rdf.vocab import ITSRDF, KG, NIF, REL

#: Entity classes of the ontology, in legend order (most common kinds first).
ENTITY_TYPES: tuple[str, ...] = (
    "Person", "Organization", "Place", "Group", "Event", "Date", "CreativeWork",
    "Product", "Law", "Quantity", "Language", "Concept", "Entity",
)
_TYPE_BY_IRI = {URIRef(KG._NS + name): name for name in ENTITY_TYPES}


@dataclass
class Evidence:
    """One kg:Statement behind an edge: the sentence and the words that carry the relation."""

    sentence: str
    relation_text: str = ""
    subject_text: str = ""
    object_text: str = ""
    negated: bool = False
    modality: str = ""
    confidence: float | None = None
    document: int | None = None  # index into GraphModel.documents
    #: (start, end, node) of every entity mention inside the sentence: character offsets into ``sentence``,
    #: node an index into GraphModel.nodes (from the graph's NIF mentions; none for the parts of a long text)
    marks: list[tuple[int, int, int]] = field(default_factory=list)


@dataclass
class Node:
    """An entity: its IRI, names, type, mention count and the documents that mention it."""

    iri: str
    label: str
    type: str = "Entity"
    alt_labels: list[str] = field(default_factory=list)
    mentions: int = 0
    documents: list[int] = field(default_factory=list)
    degree: int = 0


@dataclass
class Edge:
    """A direct relation triple (subject, rel: predicate, object) with its evidence."""

    source: int  # index into GraphModel.nodes
    target: int
    predicate: str
    label: str
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def negated(self) -> bool:
        """True when every sentence behind the edge denies it."""
        return bool(self.evidence) and all(ev.negated for ev in self.evidence)

    @property
    def modality(self) -> str:
        """The hedge ("may", "could"...) when no sentence asserts the edge plainly, else ''."""
        asserted = [ev for ev in self.evidence if not ev.negated]
        if asserted and all(ev.modality for ev in asserted):
            return asserted[0].modality
        return ""


@dataclass
class DocumentInfo:
    """A source document: IRI, short id and title."""

    iri: str
    doc_id: str
    title: str


@dataclass
class GraphModel:
    """Everything the renderers draw, with cross references as list indices."""

    nodes: list[Node]
    edges: list[Edge]
    documents: list[DocumentInfo]
    n_statements: int = 0


def _text(graph: rdflib.Graph, subject, predicate) -> str:
    value = graph.value(subject, predicate)
    return str(value) if value is not None else ""


def _tail(iri: str) -> str:
    """A readable name from an IRI when it has no label: last path segment, decoded."""
    tail = iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    tail = re.sub(r"^[a-z]+-", "", tail) if "/entity/" in iri else tail  # ent:{type}-{slug}
    return unquote(tail).replace("_", " ") or iri


def _entity_type(graph: rdflib.Graph, subject) -> str | None:
    found = [_TYPE_BY_IRI[t] for t in graph.objects(subject, RDF.type) if t in _TYPE_BY_IRI]
    # A node typed both kg:Entity and a subclass shows as the subclass.
    specific = [t for t in found if t != "Entity"]
    return (specific or found or [None])[0]


def read_model(graph: rdflib.Graph) -> GraphModel:
    """Collect entities, relation edges with evidence, and documents from a contract graph.

    Parameters
    ----------
    graph : rdflib.Graph
        A graph following docs/output-contract.md.

    Returns
    -------
    GraphModel
        Nodes (with degree), edges (one per distinct subject/predicate/object) and documents.

    Example
    -------
    >>> from kgbuild.view.synthetic import synthetic_graph
    >>> model = read_model(synthetic_graph(20, seed=1))
    >>> len(model.nodes)
    20
    """
    documents: list[DocumentInfo] = []
    doc_index: dict[URIRef, int] = {}
    for doc in sorted(set(graph.subjects(RDF.type, KG.Document))):
        doc_id = _text(graph, doc, KG.documentId) or _tail(str(doc))
        doc_index[doc] = len(documents)
        documents.append(DocumentInfo(str(doc), doc_id, _text(graph, doc, DCTERMS.title) or doc_id))

    nodes: list[Node] = []
    node_index: dict[URIRef, int] = {}

    def node_for(term) -> int:
        if term not in node_index:
            label = _text(graph, term, RDFS.label) or _tail(str(term))
            alts = sorted({str(a) for a in graph.objects(term, SKOS.altLabel)} - {label})
            count = graph.value(term, KG.mentionCount)
            docs = sorted(doc_index[d] for d in graph.objects(term, KG.mentionedIn) if d in doc_index)
            node_index[term] = len(nodes)
            nodes.append(Node(str(term), label, _entity_type(graph, term) or "Entity", alts,
                              int(count.toPython()) if isinstance(count, Literal) else 0, docs))
        return node_index[term]

    for type_iri in _TYPE_BY_IRI:
        for subject in sorted(set(graph.subjects(RDF.type, type_iri))):
            if isinstance(subject, URIRef):
                node_for(subject)

    rel_prefix = str(REL)
    pred_labels: dict[URIRef, str] = {}

    def pred_label(pred: URIRef) -> str:
        if pred not in pred_labels:
            pred_labels[pred] = _text(graph, pred, RDFS.label) or _tail(str(pred))
        return pred_labels[pred]

    edges: dict[tuple, Edge] = {}

    def edge_for(s, p, o) -> Edge:
        key = (s, p, o)
        if key not in edges:
            edges[key] = Edge(node_for(s), node_for(o), str(p), pred_label(p))
        return edges[key]

    for s, p, o in graph:
        if str(p).startswith(rel_prefix) and isinstance(s, URIRef) and isinstance(o, URIRef):
            edge_for(s, p, o)

    # NIF mentions by the document whose offsets they count in (a document that is its own context)
    mentions_in: dict[URIRef, list[tuple[int, int, int]]] = defaultdict(list)
    for phrase in graph.subjects(RDF.type, NIF.Phrase):
        context, entity = graph.value(phrase, NIF.referenceContext), graph.value(phrase, ITSRDF.taIdentRef)
        begin, end = graph.value(phrase, NIF.beginIndex), graph.value(phrase, NIF.endIndex)
        if context in doc_index and entity in node_index and begin is not None and end is not None:
            mentions_in[context].append((int(begin), int(end), node_index[entity]))

    statements = sorted(set(graph.subjects(RDF.type, KG.Statement)))
    for st in statements:
        s, p, o = (graph.value(st, RDF.subject), graph.value(st, RDF.predicate),
                   graph.value(st, RDF.object))
        if not (isinstance(s, URIRef) and isinstance(p, URIRef) and isinstance(o, URIRef)):
            continue
        confidence = graph.value(st, KG.confidence)
        doc = graph.value(st, PROV.wasDerivedFrom)
        negated = graph.value(st, KG.negated)
        edge_for(s, p, o).evidence.append(Evidence(
            sentence=_text(graph, st, KG.sentence),
            relation_text=_text(graph, st, KG.relationText),
            subject_text=_text(graph, st, KG.subjectText),
            object_text=_text(graph, st, KG.objectText),
            negated=bool(negated.toPython()) if isinstance(negated, Literal) else False,
            modality=_text(graph, st, KG.modality),
            confidence=float(confidence.toPython()) if isinstance(confidence, Literal) else None,
            document=doc_index.get(doc),
            marks=sentence_marks(mentions_in.get(doc, ()), graph.value(st, NIF.beginIndex), graph.value(st, NIF.endIndex)),
        ))

    return assemble(nodes, list(edges.values()), documents, len(statements))


def sentence_marks(mentions, begin, end) -> list[tuple[int, int, int]]:
    """The mentions (begin, end, node) inside a sentence at ``begin``-``end``, as offsets into the sentence.

    Example
    -------
    >>> sentence_marks([(0, 7, 1), (12, 15, 2), (40, 44, 1)], 10, 30)
    [(2, 5, 2)]
    """
    if begin is None or end is None:
        return []
    begin, end = int(begin), int(end)
    return sorted((b - begin, e - begin, node) for b, e, node in mentions if begin <= b and e <= end)


def assemble(nodes: list[Node], edges: list[Edge], documents: list[DocumentInfo], n_statements: int) -> GraphModel:
    """The model with edges in (source, target, predicate) order and each node's degree counted.

    Example
    -------
    >>> m = assemble([Node("a", "A"), Node("b", "B")], [Edge(0, 1, "p", "p")], [], 1)
    >>> [n.degree for n in m.nodes]
    [1, 1]
    """
    edge_list = sorted(edges, key=lambda e: (e.source, e.target, e.predicate))
    for edge in edge_list:
        nodes[edge.source].degree += 1
        if edge.target != edge.source:
            nodes[edge.target].degree += 1
    return GraphModel(nodes, edge_list, documents, n_statements=n_statements)


def ranked_nodes(model: GraphModel) -> list[int]:
    """Node indices, most connected first (ties: more mentions, then name)."""
    return sorted(range(len(model.nodes)),
                  key=lambda i: (-model.nodes[i].degree, -model.nodes[i].mentions,
                                 model.nodes[i].label.lower()))


def edge_documents(edge: Edge) -> list[int]:
    """Indices of the documents an edge was read in, without repeats."""
    return sorted({ev.document for ev in edge.evidence if ev.document is not None})


def count_by(items, key) -> dict:
    """A {key: count} dict, largest first (helper for legends and stats)."""
    counts: dict = defaultdict(int)
    for item in items:
        counts[key(item)] += 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0]))))
