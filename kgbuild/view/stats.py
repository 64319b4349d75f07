"""What is in a graph, at a glance: top entities, relation types, documents."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import rdflib

from kgbuild.view.model import read_model
from kgbuild.view.style import type_label


@dataclass
class EntityRow:
    """One entity in a top list."""

    label: str
    type: str
    mentions: int
    degree: int
    iri: str


@dataclass
class GraphStats:
    """Counts and top lists of one kgbuild graph (see :func:`graph_stats`)."""

    entities: int
    relations: int  # distinct (subject, predicate, object) edges
    statements: int
    documents: int
    types: dict[str, int] = field(default_factory=dict)
    top_by_mentions: list[EntityRow] = field(default_factory=list)
    top_by_degree: list[EntityRow] = field(default_factory=list)
    relation_types: list[tuple[str, int]] = field(default_factory=list)  # (label, edges)
    document_rows: list[tuple[str, str, int, int]] = field(default_factory=list)  # (id, title, statements, entities)
    negated: int = 0  # edges every sentence of which denies them
    hedged: int = 0


def graph_stats(graph: rdflib.Graph, top: int = 10) -> GraphStats:
    """Count a graph's entities, relations and documents and list the top ones.

    Parameters
    ----------
    graph : rdflib.Graph
        A graph following docs/output-contract.md.
    top : int
        Length of each top list (entities; relation types and documents too).

    Returns
    -------
    GraphStats

    Example
    -------
    >>> from kgbuild.view.synthetic import synthetic_graph
    >>> s = graph_stats(synthetic_graph(50, n_documents=2, seed=4), top=3)
    >>> s.entities, s.documents, len(s.top_by_degree)
    (50, 2, 3)
    """
    model = read_model(graph)
    rows = [EntityRow(n.label, n.type, n.mentions, n.degree, n.iri) for n in model.nodes]
    by_mentions = sorted(rows, key=lambda r: (-r.mentions, -r.degree, r.label.lower()))
    by_degree = sorted(rows, key=lambda r: (-r.degree, -r.mentions, r.label.lower()))
    rel_counts = Counter(e.label for e in model.edges)
    doc_statements: Counter = Counter()
    for edge in model.edges:
        for ev in edge.evidence:
            if ev.document is not None:
                doc_statements[ev.document] += 1
    doc_entities: Counter = Counter(d for n in model.nodes for d in n.documents)
    docs = sorted(range(len(model.documents)), key=lambda d: (-doc_statements[d], model.documents[d].doc_id))
    return GraphStats(
        entities=len(model.nodes),
        relations=len(model.edges),
        statements=model.n_statements,
        documents=len(model.documents),
        types=dict(Counter(n.type for n in model.nodes).most_common()),
        top_by_mentions=by_mentions[:top],
        top_by_degree=by_degree[:top],
        relation_types=sorted(rel_counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top],
        document_rows=[(model.documents[d].doc_id, model.documents[d].title, doc_statements[d], doc_entities[d])
                       for d in docs[:top]],
        negated=sum(1 for e in model.edges if e.negated),
        hedged=sum(1 for e in model.edges if e.modality),
    )


def _table(headers: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    right = [h in {"mentions", "links", "edges", "statements", "entities"} for h in headers]

    def line(cells):
        return "  ".join(c.rjust(w) if r else c.ljust(w) for c, w, r in zip(cells, widths, right)).rstrip()

    return [line(headers)] + [line(r) for r in rows]


def _cut(text: str, n: int = 48) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def format_stats(stats: GraphStats) -> str:
    """Plain-text report of :func:`graph_stats` for a terminal.

    Parameters
    ----------
    stats : GraphStats

    Returns
    -------
    str

    Example
    -------
    >>> from kgbuild.view.synthetic import synthetic_graph
    >>> format_stats(graph_stats(synthetic_graph(20, seed=1), top=2)).startswith("20 entities")
    True
    """
    s = stats
    def n(count: int, word: str, words: str) -> str:
        return f"{count} {word if count == 1 else words}"

    out = [f"{n(s.entities, 'entity', 'entities')}, {n(s.relations, 'relation', 'relations')} "
           f"({n(s.statements, 'statement', 'statements')}) from {n(s.documents, 'document', 'documents')}"]
    if s.negated or s.hedged:
        out.append(f"{s.negated} relations denied in the text, {s.hedged} hedged")
    if s.types:
        out.append("types: " + ", ".join(f"{type_label(t)} {n}" for t, n in s.types.items()))

    def entity_rows(rows):
        return [[_cut(r.label), type_label(r.type), str(r.mentions), str(r.degree)] for r in rows]

    out += ["", "Most mentioned entities"] + _table(["entity", "type", "mentions", "links"], entity_rows(s.top_by_mentions))
    out += ["", "Most connected entities"] + _table(["entity", "type", "mentions", "links"], entity_rows(s.top_by_degree))
    out += ["", "Relation types"] + _table(["relation", "edges"], [[_cut(label), str(n)] for label, n in s.relation_types])
    out += ["", "Documents"] + _table(["id", "title", "statements", "entities"],
                                      [[_cut(i, 24), _cut(t), str(n), str(e)] for i, t, n, e in s.document_rows])
    return "\n".join(out)
