"""build_graph / resolve_documents: streaming input, input order, and the same graph with 1 or 2 processes."""

from __future__ import annotations

import pickle

import rdflib

from kgbuild.graph import KnowledgeGraph
from kgbuild.pipeline.run import build_graph, resolve_documents
from kgbuild.rdf.export import iter_quads
from kgbuild.records import Document

TEXTS = [
    "Angela Merkel met Emmanuel Macron in Berlin on Monday. Merkel said she was pleased with the talks.",
    "The European Central Bank raised interest rates. The bank said inflation remained too high.",
    "Microsoft bought a small software company in Seattle. Satya Nadella announced the deal.",
    "Police arrested two men in Manchester after a robbery. The men were taken to a station.",
    "Emmanuel Macron visited Rome. Macron met Pope Francis at the Vatican.",
    "Toyota opened a factory in Kentucky. The company hired 2,000 workers.",
    "NASA launched a satellite from Florida. The agency said the launch went well.",
    "Angela Merkel spoke to reporters in Brussels. She praised the European Union.",
]


def graph_parts(kg: KnowledgeGraph):
    """Everything that makes a graph: nodes with attributes, edges with their statements, in order, and its quads."""
    return list(kg.graph.nodes(data=True)), list(kg.graph.edges(data=True)), set(iter_quads(kg))


def test_build_graph_from_a_generator_gives_each_text_an_id_and_links_people(nlp):
    kg = build_graph((text for text in TEXTS[:2]), nlp=nlp)
    assert list(kg.documents) == ["doc1", "doc2"]
    labels = {data["label"] for _, data in kg.entities()}
    assert {"Angela Merkel", "Emmanuel Macron", "Berlin"} <= labels
    meets = [(kg.graph.nodes[s]["label"], kg.graph.nodes[o]["label"]) for s, o, d in kg.graph.edges(data=True) if d["predicate"] == "kg:metWith"]
    assert ("Angela Merkel", "Emmanuel Macron") in meets


def test_same_entity_across_documents_is_one_node(nlp):
    kg = build_graph(TEXTS, nlp=nlp)
    merkel = [n for n, data in kg.entities() if data["label"] == "Angela Merkel"]
    assert len(merkel) == 1
    assert kg.graph.nodes[merkel[0]]["documents"] == {"doc1", "doc8"}


def test_resolve_documents_streams_its_input(nlp):
    pulled = []

    def documents():
        for i, text in enumerate(TEXTS * 3):
            pulled.append(i)
            yield Document(id=f"d{i}", text=text)

    results = resolve_documents(documents(), nlp, batch_size=2)
    first = next(results)
    assert first.document.id == "d0"
    assert len(pulled) < len(TEXTS) * 3  # the first result came before the input was read to the end
    assert [r.document.id for r in results] == [f"d{i}" for i in range(1, len(TEXTS) * 3)]


def test_resolved_documents_are_plain_picklable_values(nlp):
    (resolved,) = resolve_documents([Document("a", TEXTS[0])], nlp)
    assert resolved.sentences == 2 and resolved.words > 10
    assert any(e.name == "Angela Merkel" for e in resolved.entities.values())
    assert pickle.loads(pickle.dumps(resolved)) == resolved  # what workers send back: no spaCy Doc inside


def test_two_processes_build_the_same_graph_as_one(nlp, tmp_path):
    documents = [Document(id=f"news-{i}", text=text, title=f"Story {i}") for i, text in enumerate(TEXTS)]
    one = KnowledgeGraph()
    for resolved in resolve_documents(iter(documents), nlp, batch_size=2, n_process=1):
        one.add_document(resolved)
    two = KnowledgeGraph()
    streamed = resolve_documents(iter(documents), nlp, batch_size=2, n_process=2)
    for resolved in streamed:
        two.add_document(resolved)
    assert list(two.documents) == [d.id for d in documents]
    assert graph_parts(two) == graph_parts(one)
    assert one.graph.number_of_edges() > 5
    one.write(tmp_path / "one.ttl")
    two.write(tmp_path / "two.ttl")
    parsed_one = set(rdflib.Graph().parse(tmp_path / "one.ttl"))
    parsed_two = set(rdflib.Graph().parse(tmp_path / "two.ttl"))
    assert parsed_one == parsed_two and len(parsed_one) > 100


def test_build_graph_with_two_processes_and_empty_input(nlp):
    assert graph_parts(build_graph(TEXTS[:3], nlp=nlp, n_process=2, batch_size=1)) == graph_parts(build_graph(TEXTS[:3], nlp=nlp))
    empty = build_graph(iter([]), nlp=nlp, n_process=2)
    assert empty.summary()["documents"] == 0 and empty.graph.number_of_nodes() == 0


def test_the_vocabulary_keeps_only_the_first_batch_a_pipeline_parses(nlp):
    """spaCy's string store would grow with every new word of a corpus: after a pipeline's first batch
    (which fills the tokenizer cache), batches run in a memory zone, in every later call too (a worker
    resolves one batch per call)."""
    list(resolve_documents([Document("warm", "Angela Merkel met reporters.")], nlp))  # the pipeline's first batch
    documents = [Document(f"z{i}", f"Zorblatt Quuxington{i} met Frobnitzer{i} in Vexmoor{i} on Monday.") for i in range(4)]
    resolved = list(resolve_documents(documents[:3], nlp, batch_size=1))
    resolved += list(resolve_documents(documents[3:], nlp, batch_size=1))  # another call, as a worker's
    strings = nlp.vocab.strings
    assert not any(f"{word}{i}" in strings for i in range(4) for word in ("Quuxington", "Frobnitzer", "Vexmoor"))
    assert "Zorblatt" not in strings
    # results made inside a zone are plain data, whole after it (the name NER found, whatever statements
    # the trust threshold keeps)
    assert any(e.name == "Zorblatt" and e.spans == [(0, 8, "Zorblatt")] for e in resolved[3].entities.values())
    assert [r.document.id for r in resolved] == ["z0", "z1", "z2", "z3"]
