"""kgbuild.view.model: reading contract graphs from every format into nodes, edges and documents."""

from __future__ import annotations

import pytest
import rdflib
import rdflib.compare
from rdflib import RDF, Literal

from kgbuild.errors import KgbuildError
from kgbuild.rdf.load import load_graph
from kgbuild.rdf.vocab import DOC, ENTITY, KG, REL, STATEMENT
from kgbuild.view.model import Edge, Evidence, ranked_nodes, read_model
from kgbuild.view.synthetic import synthetic_graph
from tests.view.contract_graph import EDGES, ENTITIES, contract_graph, entity_iri


@pytest.mark.parametrize("suffix,fmt", [(".ttl", "turtle"), (".nt", "nt"), (".jsonld", "json-ld")])
def test_triple_formats_round_trip(tmp_path, suffix, fmt):
    graph = contract_graph()
    path = tmp_path / f"g{suffix}"
    graph.serialize(path, format=fmt, encoding="utf-8")
    assert rdflib.compare.isomorphic(load_graph(path), graph)


@pytest.mark.parametrize("suffix,fmt", [(".nq", "nquads"), (".trig", "trig")])
def test_named_graphs_are_merged(tmp_path, suffix, fmt):
    graph = contract_graph()
    ds = rdflib.Dataset()
    for n, triple in enumerate(graph):  # spread triples over two named graphs and the default one
        target = ds.graph(DOC[f"d{n % 2}"]) if n % 3 else ds.default_graph
        target.add(triple)
    path = tmp_path / f"g{suffix}"
    ds.serialize(path, format=fmt)
    assert rdflib.compare.isomorphic(load_graph(path), graph)


def test_bad_files_give_one_line_errors(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("<urn:a> <urn:b> .\n")
    for path in (bad, tmp_path / "missing.ttl", tmp_path, tmp_path / "notes.txt"):
        with pytest.raises(KgbuildError) as info:
            load_graph(path)
        assert str(path) in str(info.value) and "\n" not in str(info.value)


def test_model_reads_names_types_docs_and_evidence():
    model = read_model(contract_graph())
    by_label = {n.label: n for n in model.nodes}
    for _key, (kind, label, alts, mentions, docs) in ENTITIES.items():
        node = by_label[label]
        assert (node.type, sorted(node.alt_labels), node.mentions) == (kind, sorted(alts), mentions)
        assert sorted(model.documents[d].doc_id for d in node.documents) == sorted(docs)
    assert sum(len(e.evidence) for e in model.edges) == len(EDGES)
    assert sum(n.degree for n in model.nodes) == 2 * len(model.edges)  # no self loops here


def test_missing_labels_types_and_direct_triples_are_tolerated():
    g = contract_graph()
    stranger = ENTITY["concept-the_old_bridge"]  # no type, no label, only in a statement
    st = STATEMENT["extra"]
    for p, o in ((RDF.type, KG.Statement), (RDF.subject, entity_iri("ostrava")), (RDF.predicate, REL.own),
                 (RDF.object, stranger), (KG.sentence, Literal("Ostrava owns the old bridge."))):
        g.add((st, p, o))
    model = read_model(g)
    node = next(n for n in model.nodes if n.iri == str(stranger))
    assert (node.label, node.type) == ("the old bridge", "Entity")
    edge = next(e for e in model.edges if e.predicate == str(REL.own))
    assert edge.label == "own" and edge.evidence[0].sentence == "Ostrava owns the old bridge."


def test_negation_and_hedging_need_every_sentence():
    plain, denied, hedged = Evidence("a"), Evidence("b", negated=True), Evidence("c", modality="may")
    assert Edge(0, 1, "p", "p", [denied]).negated
    assert not Edge(0, 1, "p", "p", [denied, plain]).negated
    assert Edge(0, 1, "p", "p", [hedged, denied]).modality == "may"
    assert Edge(0, 1, "p", "p", [hedged, plain]).modality == ""
    assert not Edge(0, 1, "p", "p", []).negated


def test_ranking_and_synthetic_graphs():
    g1, g2 = synthetic_graph(200, seed=5), synthetic_graph(200, seed=5)
    assert set(g1) == set(g2)  # same seed, same graph
    model = read_model(g1)
    assert len(model.nodes) == 200 and len(model.documents) == 5
    degrees = [model.nodes[i].degree for i in ranked_nodes(model)]
    assert degrees == sorted(degrees, reverse=True)
    assert degrees[0] > 5 * (sum(degrees) / len(degrees))  # heavy-tailed, like a news graph
