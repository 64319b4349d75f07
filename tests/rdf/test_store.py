"""kgbuild.rdf.store: re-adding never duplicates, counts merge, removal undoes, queries see a build graph."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal

import kgbuild.rdf as rdfio
import kgbuild.rdf.store as store
from kgbuild.errors import KgbuildError
from kgbuild.rdf.vocab import DOC, ENTITY, KG
from kgbuild.sparql.query import run_query
from tests.rdf.test_io import sample_quads

CLINTON = ENTITY["person-hillary_clinton"]


def doc_quads(doc_id: str, mentions: int = 2) -> list[tuple]:
    """What one document contributes: its graph plus descriptions with this document's mention counts."""
    out = []
    for s, p, o, g in sample_quads(doc_ids=(doc_id,)):
        if p == KG.mentionCount:
            o = Literal(mentions)
        out.append((s, p, o, g))
    return out


def mention_counts(path: Path) -> list[int]:
    r = run_query(path, f"SELECT ?n WHERE {{ <{CLINTON}> kg:mentionCount ?n }}")
    return [int(row[0].value) for row in r.rows]


def count(path: Path, pattern: str) -> int:
    return int(run_query(path, f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}").rows[0][0].value)


def test_readding_a_document_replaces_it(tmp_path: Path) -> None:
    s = store.DocumentStore(tmp_path / "st")
    first = s.add_document_quads(DOC.haqqani, doc_quads("haqqani"))
    size = len(s.store) + len(s.entities)
    again = s.add_document_quads(DOC.haqqani, doc_quads("haqqani"))
    assert first == again and len(s.store) + len(s.entities) == size
    # a changed document replaces its old version rather than adding to it
    changed = [q for q in doc_quads("haqqani", mentions=5) if q[1] != KG.pattern]
    s.add_document_quads(DOC.haqqani, changed)
    s.flush()
    del s
    assert mention_counts(tmp_path / "st") == [5]
    assert count(tmp_path / "st", "?st kg:pattern ?p") == 0


def test_mention_counts_sum_over_documents_and_removal_undoes(tmp_path: Path) -> None:
    s = store.DocumentStore(tmp_path / "st")
    s.add_document_quads(DOC.haqqani, doc_quads("haqqani", mentions=2))
    s.add_document_quads(DOC.briefing, doc_quads("briefing", mentions=3))
    s.add_document_quads(DOC.briefing, doc_quads("briefing", mentions=3))
    assert s.documents() == [str(DOC.briefing), str(DOC.haqqani)]
    s.flush()
    del s
    path = tmp_path / "st"
    assert mention_counts(path) == [5]
    # merged descriptions appear once, however many documents mention the entity
    assert count(path, f"<{CLINTON}> rdfs:label ?l") == 1
    assert count(path, f"<{CLINTON}> kg:mentionedIn ?d") == 2
    assert count(path, "?st a kg:Statement") == 4
    assert count(path, "GRAPH ?g { ?st a kg:Statement }") == 4
    assert store.remove_document(path, DOC.briefing) is True
    assert store.remove_document(path, DOC.briefing) is False
    assert mention_counts(path) == [2]
    assert count(path, f"<{CLINTON}> kg:mentionedIn ?d") == 1
    assert store.remove_document(path, DOC.haqqani) is True
    assert count(path, "?s ?p ?o") == 0


def test_store_matches_a_one_shot_build(tmp_path: Path) -> None:
    """Adding documents one by one gives the graph a build of both writes at once."""
    s = store.DocumentStore(tmp_path / "st")
    for d in ("haqqani", "briefing"):
        s.add_document_quads(DOC[d], doc_quads(d, mentions=2))
    got = set(s.quads())
    expected = set(rdfio.to_oxigraph(sample_quads()))
    assert got == expected


def test_has_document_by_content_hash(tmp_path: Path) -> None:
    quads = doc_quads("haqqani")
    digest = next(str(o) for s, p, o, g in quads if p == KG.contentHash)
    assert store.has_document(tmp_path / "none", digest) is False
    store.add_document_quads(tmp_path / "st", DOC.haqqani, quads)
    assert store.has_document(tmp_path / "st", digest) is True
    assert store.has_document(tmp_path / "st", "0" * 64) is False


def test_foreign_graph_and_bad_path_are_errors(tmp_path: Path) -> None:
    with pytest.raises(KgbuildError, match="given for document"):
        store.add_document_quads(tmp_path / "st", DOC.a, doc_quads("haqqani"))
    f = tmp_path / "file"
    f.write_text("x")
    with pytest.raises(KgbuildError, match="directory"):
        store.DocumentStore(f)
