"""The view model straight from an in-memory ``KnowledgeGraph``, without going through RDF.

``kgbuild build`` draws the graph it has just built. Reading it back through rdflib
(``read_model``) costs minutes and gigabytes on a corpus-sized graph; the networkx graph
already holds the same facts. The result is the ``GraphModel`` that ``read_model`` makes
of the exported RDF, field for field and in the same order (``tests/test_view_from_kg.py``
checks it), so every renderer works on either.
"""

from __future__ import annotations

from kgbuild.extract.properties import predicate_label
from kgbuild.rdf.iris import document_iri, entity_iri, predicate_iri, statement_iri
from kgbuild.view.model import ENTITY_TYPES, DocumentInfo, Edge, Evidence, GraphModel, Node, assemble, sentence_marks


def model_from_kg(kg) -> GraphModel:  # a KnowledgeGraph, by duck typing: the graph shows itself through here
    """Entities, relation edges with their evidence, and documents of ``kg``, ready to draw.

    Parameters
    ----------
    kg : KnowledgeGraph

    Returns
    -------
    GraphModel
        What ``kgbuild.view.model.read_model`` reads from ``kg``'s RDF.

    Example
    -------
    >>> from kgbuild import build_graph
    >>> model = model_from_kg(build_graph(["Hillary Clinton met Pakistani journalists."]))
    >>> [(model.nodes[e.source].label, e.label, model.nodes[e.target].label) for e in model.edges]
    [('Hillary Clinton', 'meet', 'Pakistani journalists')]
    """
    doc_iris = sorted((str(document_iri(doc_id)), doc_id) for doc_id in kg.documents)
    documents = [DocumentInfo(iri, doc_id, kg.documents[doc_id].document.title or doc_id) for iri, doc_id in doc_iris]
    doc_index = {doc_id: i for i, (_, doc_id) in enumerate(doc_iris)}

    rank = {name: i for i, name in enumerate(ENTITY_TYPES)}
    typed = sorted((rank.get(data["type"], len(rank)), str(entity_iri(node)), node) for node, data in kg.entities())
    nodes: list[Node] = []
    node_index: dict[str, int] = {}
    for _, iri, node in typed:
        data = kg.graph.nodes[node]
        label = data["label"]
        node_index[node] = len(nodes)
        nodes.append(Node(iri, label, data["type"] if data["type"] in rank else "Entity",
                          sorted(data["names"] - {label}), data["mentions"],
                          sorted(doc_index[d] for d in data["documents"] if d in doc_index)))

    # mentions by document, offsets into the document's own text: a part's mentions count in the whole
    # text, its sentences in the part, so (as in the RDF reader) the parts of a long text get no marks
    mentions_in = {doc_id: [(b, e, node_index[node]) for b, e, _, node in merged.mentions if node in node_index]
                   for doc_id, merged in kg.documents.items() if merged.document.whole is None}
    # one Evidence per distinct statement IRI, in IRI order, as the RDF reader sees them
    statements = {}
    for doc_id, s, statement, o in kg.statements():
        statements.setdefault(str(statement_iri(doc_id, s, statement, o)), (doc_id, s, statement, o))
    edges: dict[tuple[str, str, str], Edge] = {}
    for _, (doc_id, s, statement, o) in sorted(statements.items()):
        key = (s, statement.predicate, o)
        edge = edges.get(key)
        if edge is None:
            edge = edges[key] = Edge(node_index[s], node_index[o], str(predicate_iri(statement.predicate)),
                                     predicate_label(statement.predicate))
        edge.evidence.append(Evidence(
            sentence=statement.sentence, relation_text=statement.relation_text,
            subject_text=statement.subject_text, object_text=statement.object_text,
            negated=bool(statement.negated), modality=statement.modality or "",
            confidence=float(statement.confidence), document=doc_index[doc_id],
            marks=sentence_marks(mentions_in.get(doc_id, ()), statement.sentence_start, statement.sentence_end),
        ))
    return assemble(nodes, list(edges.values()), documents, len(statements))
