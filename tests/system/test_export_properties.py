"""Any text is safe: hostile names and sentences always give valid IRIs and literals, and every
format parses back to the same graph (property-based, with hypothesis)."""

import rdflib
import rdflib.compare
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kgbuild.rdf as rdfio
from kgbuild.graph import KnowledgeGraph
from kgbuild.rdf.export import iter_ntriples, iter_quads, to_rdflib
from kgbuild.rdf.vocab import KG
from kgbuild.records import Document, Entity, ResolvedDocument, Statement

# quotes, backslashes, newlines, control characters, unicode beyond the BMP, long strings
HOSTILE = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1, max_size=300,
) | st.sampled_from(['"', "\\", "\n", '\\"', "'''", '"""', "</script>", "a\r\nb", "\u2028", "\U0001F600", "x" * 5000])


def _document(doc_id: str, subject: str, obj: str, sentence: str, title: str) -> ResolvedDocument:
    entities = {
        "e0": Entity("e0", "Person", subject, names={subject + " alias"}, ner_label="PERSON", mentions=2),
        "e1": Entity("e1", "Concept", obj, ner_label="NOUN_CHUNK", mentions=1),
    }
    statement = Statement(
        subject="e0", predicate="meet_with", object="e1", sentence=sentence, sentence_start=0,
        sentence_end=len(sentence), relation_text=sentence[:20], subject_text=subject, object_text=obj,
        confidence=0.5, pattern="verb_prep", negated=True, modality=sentence[:5], attribution=title,
        time=sentence[-10:],
    )
    return ResolvedDocument(Document(doc_id, sentence, title=title, source=title), entities, [statement])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(doc_id=HOSTILE, subject=HOSTILE, obj=HOSTILE, sentence=HOSTILE, title=HOSTILE)
def test_every_format_round_trips_whatever_the_text(tmp_path_factory, doc_id, subject, obj, sentence, title):
    kg = KnowledgeGraph()
    kg.add_document(_document(doc_id, subject, obj, sentence, title))
    expected = to_rdflib(kg)
    # the text itself survives escaping (checked against the Python strings, not our own export)
    assert (None, rdflib.RDFS.label, rdflib.Literal(subject)) in expected
    assert (None, KG.sentence, rdflib.Literal(sentence)) in expected
    assert (None, rdflib.namespace.DCTERMS.title, rdflib.Literal(title)) in expected
    folder = tmp_path_factory.mktemp("formats")
    for extension, fmt in ((".ttl", "turtle"), (".nt", "nt"), (".jsonld", "json-ld"), (".nq", "nquads")):
        path = folder / f"graph{extension}"
        if extension == ".nt":  # the rdflib-term path
            rdfio.write_quads(iter_quads(kg), path)
        else:  # the build's path
            rdfio.write_ntriples(iter_ntriples(kg), path)
        if fmt == "nquads":
            parsed = rdflib.Graph()
            for s, p, o, _ in rdflib.Dataset().parse(path, format=fmt).quads():
                parsed.add((s, p, o))
        else:
            parsed = rdflib.Graph().parse(path, format=fmt)
        assert rdflib.compare.isomorphic(parsed, expected), extension


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=HOSTILE)
def test_the_pipeline_takes_any_text(nlp, tmp_path_factory, text):
    from kgbuild import build_graph

    kg = build_graph([Document("d", "Clinton met journalists. " + text + " Obama met farmers.")], nlp=nlp)
    path = tmp_path_factory.mktemp("pipeline") / "graph.ttl"
    kg.write(path)
    assert rdflib.compare.isomorphic(rdflib.Graph().parse(path, format="turtle"), to_rdflib(kg))
