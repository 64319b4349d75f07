"""The property graph itself: a networkx MultiDiGraph with scalar properties only.

Nodes are entities keyed by their id (the local name of their IRI, ``person-clara_vance``), with
``label``, ``type``, ``aliases`` (the other names, ``|``-separated: GraphML and GEXF hold no lists),
``mentions`` and ``iri``. Edges are statements, one per sentence that says the relation, with
``predicate``, ``confidence``, ``negated``, ``modality`` (``""`` when asserted plainly), ``sentence``
and ``document``. Every format writes these fields, and its reader gives them back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx

from kgbuild.rdf.vocab import ENTITY

if TYPE_CHECKING:
    from kgbuild.view.model import GraphModel

#: (name, Python type) of every node and edge property, in column order.
NODE_FIELDS: tuple[tuple[str, type], ...] = (("label", str), ("type", str), ("aliases", str), ("mentions", int),
                                             ("iri", str))
EDGE_FIELDS: tuple[tuple[str, type], ...] = (("predicate", str), ("confidence", float), ("negated", bool),
                                             ("modality", str), ("sentence", str), ("document", str))
ALIAS_SEPARATOR = "|"


def node_id(iri: str) -> str:
    """An entity's key in the property graph: its IRI after our entity namespace (else its last segment).

    Example
    -------
    >>> node_id("https://w3id.org/kgbuild/entity/person-clara_vance"), node_id("http://example.org/x/y")
    ('person-clara_vance', 'y')
    """
    base = str(ENTITY)
    return iri[len(base):] if iri.startswith(base) and len(iri) > len(base) else iri.rstrip("/").rsplit("/", 1)[-1]


def property_graph(source) -> nx.MultiDiGraph:
    """The entity graph of a ``KnowledgeGraph``, an rdflib graph or a ``GraphModel`` as a property graph.

    Parameters
    ----------
    source : KnowledgeGraph, rdflib.Graph or GraphModel

    Returns
    -------
    networkx.MultiDiGraph
        Nodes with ``NODE_FIELDS``, one edge per statement with ``EDGE_FIELDS``.

    Example
    -------
    >>> from kgbuild import build_graph
    >>> g = property_graph(build_graph(["Hillary Clinton met Pakistani journalists in Islamabad."]))
    >>> [(g.nodes[s]["label"], d["predicate"], g.nodes[o]["label"], d["negated"]) for s, o, d in g.edges(data=True)]
    [('Hillary Clinton', 'meet', 'Pakistani journalists', False)]
    >>> g.nodes["person-hillary_clinton"]["mentions"], g.nodes["person-hillary_clinton"]["type"]
    (1, 'Person')
    """
    model = _model(source)
    graph = nx.MultiDiGraph()
    ids = [node_id(n.iri) for n in model.nodes]
    for key, node in zip(ids, model.nodes):
        graph.add_node(key, label=node.label, type=node.type, aliases=ALIAS_SEPARATOR.join(node.alt_labels),
                       mentions=int(node.mentions), iri=node.iri)
    for edge in model.edges:
        predicate = edge.predicate.rsplit("/", 1)[-1]
        for ev in edge.evidence:
            document = model.documents[ev.document].doc_id if ev.document is not None else ""
            graph.add_edge(ids[edge.source], ids[edge.target], predicate=predicate,
                           confidence=float(ev.confidence if ev.confidence is not None else 0.0),
                           negated=bool(ev.negated), modality=ev.modality or "", sentence=ev.sentence,
                           document=document)
    return graph


def _model(source) -> GraphModel:
    from kgbuild.view.model import GraphModel, read_model

    if isinstance(source, GraphModel):
        return source
    if hasattr(source, "documents") and hasattr(source, "graph"):  # a KnowledgeGraph
        from kgbuild.view.from_kg import model_from_kg

        return model_from_kg(source)
    return read_model(source)


def typed(value: str, kind: type):
    """A property read back from text (CSV, Neo4j files) as its type."""
    if kind is bool:
        return value.strip().lower() == "true"
    if kind is int:
        return int(value) if value else 0
    if kind is float:
        return float(value) if value else 0.0
    return value
