"""kgbuild.view.stats and ``kgbuild stats``: counts and top lists match the graph we built."""

from __future__ import annotations

import json
from collections import Counter

from kgbuild.cli import main
from kgbuild.view.stats import format_stats, graph_stats
from tests.view.contract_graph import DOCUMENTS, EDGES, ENTITIES, RELATION_LABELS, contract_graph


def _distinct():
    return {(s, p, o) for s, p, o, *_ in EDGES}


def test_counts_match_the_graph():
    stats = graph_stats(contract_graph())
    assert stats.entities == len(ENTITIES)
    assert stats.relations == len(_distinct())
    assert stats.statements == len(EDGES)
    assert stats.documents == len(DOCUMENTS)
    assert stats.types == dict(Counter(v[0] for v in ENTITIES.values()))
    assert stats.negated == sum(1 for e in EDGES if e[8])
    assert stats.hedged == sum(1 for e in EDGES if e[9])


def test_top_lists_are_ordered_and_right():
    stats = graph_stats(contract_graph(), top=3)
    most_mentioned = max(ENTITIES.values(), key=lambda v: v[3])
    assert stats.top_by_mentions[0].label == most_mentioned[1]
    assert [r.mentions for r in stats.top_by_mentions] == sorted((r.mentions for r in stats.top_by_mentions), reverse=True)
    degree = Counter(k for s, _, o in _distinct() for k in {s, o})
    assert stats.top_by_degree[0].label == ENTITIES[degree.most_common(1)[0][0]][1]
    assert stats.top_by_degree[0].degree == degree.most_common(1)[0][1]
    assert len(stats.top_by_degree) == 3
    rel_counts = Counter(RELATION_LABELS[p] for _, p, _ in _distinct())
    assert len(stats.relation_types) == min(3, len(rel_counts))
    assert all(rel_counts[label] == n for label, n in stats.relation_types)
    assert [n for _, n in stats.relation_types] == sorted(rel_counts.values(), reverse=True)[:3]
    per_doc = Counter(e[7] for e in EDGES)
    assert {row[0]: row[2] for row in stats.document_rows} == dict(per_doc)
    assert {row[0]: row[1] for row in stats.document_rows} == DOCUMENTS


def test_text_report_names_the_top_entities():
    stats = graph_stats(contract_graph(), top=2)
    text = format_stats(stats)
    assert text.splitlines()[0].startswith(f"{len(ENTITIES)} entities")
    for row in stats.top_by_degree + stats.top_by_mentions:
        assert row.label[:40] in text
    for title in DOCUMENTS.values():
        assert title in text


def test_cli_stats_text_json_and_errors(tmp_path, capsys):
    graph = tmp_path / "g.jsonld"
    contract_graph().serialize(graph, format="json-ld")
    assert main(["stats", str(graph), "--top", "2"]) == 0
    out = capsys.readouterr().out
    assert "Most connected entities" in out and "Relation types" in out
    assert main(["stats", str(graph), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["entities"] == len(ENTITIES) and data["statements"] == len(EDGES)
    assert main(["stats", str(tmp_path / "missing.ttl")]) == 2
    err = capsys.readouterr().err
    assert "missing.ttl" in err and len(err.strip().splitlines()) == 1
    assert main(["stats", str(graph), "--top", "0"]) == 2
