"""RDF export: Turtle round-trip, valid IRIs whatever the text, the output contract."""

import pytest
import rdflib
import rdflib.compare
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib.namespace import RDF, RDFS

from kgbuild import Document, build_graph
from kgbuild.names import slug
from kgbuild.rdf.export import iter_quads, to_rdflib
from kgbuild.rdf.vocab import KG, REL


def test_turtle_round_trip_is_isomorphic(nlp, tmp_path):
    kg = build_graph(["Hillary Clinton met Pakistani journalists in Islamabad on Thursday."], nlp=nlp)
    path = tmp_path / "g.ttl"
    kg.write(path)
    parsed = rdflib.Graph().parse(path, format="turtle")
    assert rdflib.compare.isomorphic(parsed, to_rdflib(kg))


def test_contract_entities_relations_statements(nlp):
    kg = build_graph([Document("d1", "Hillary Clinton met Pakistani journalists.", title="Talks")], nlp=nlp)
    g = to_rdflib(kg)
    clinton = next(s for s, o in g.subject_objects(RDFS.label) if str(o) == "Hillary Clinton")
    assert (clinton, RDF.type, KG.Person) in g
    assert (clinton, REL.meet, None) in g
    assert (REL.meet, RDFS.subPropertyOf, KG.relatedTo) in g
    statement = next(g.subjects(RDF.predicate, REL.meet))
    assert (statement, RDF.type, KG.Statement) in g
    assert str(g.value(statement, KG.sentence)) == "Hillary Clinton met Pakistani journalists."
    assert 0 < float(g.value(statement, KG.confidence)) < 1


def test_named_graph_per_document(nlp):
    kg = build_graph([Document("a", "Clinton met journalists."), Document("b", "Obama met farmers.")], nlp=nlp)
    graphs = {g for *_, g in iter_quads(kg) if g is not None}
    assert len(graphs) == 2


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=60))
def test_any_name_gives_a_valid_iri(name):
    s = slug(name)
    iri = rdflib.URIRef("https://w3id.org/kgbuild/entity/person-" + s)
    g = rdflib.Graph()
    g.add((iri, RDFS.label, rdflib.Literal(name.replace("\x00", ""))))
    data = g.serialize(format="nt")
    assert len(rdflib.Graph().parse(data=data, format="nt")) == 1
    assert not set(s) & set(' <>"{}|^`\\\n')


def test_hostile_text_builds_and_parses(nlp, tmp_path):
    text = 'He said "quotes" and back\\slashes / and ünïcödé \u201cClinton\u201d met <b>O\'Brien</b>.\nA\tB met C.'
    kg = build_graph([Document('id with "quotes"/slash\n', text, title="t\"it\\le")], nlp=nlp)
    path = tmp_path / "g.ttl"
    kg.write(path)
    assert len(rdflib.Graph().parse(path, format="turtle")) > 0


def test_an_error_while_finishing_the_file_is_raised_and_leaves_no_file(tmp_path):
    from kgbuild.graph import KnowledgeGraph
    from kgbuild.rdf.export import GraphWriter
    from kgbuild.records import Document, Entity, ResolvedDocument

    kg = KnowledgeGraph()
    path = tmp_path / "out" / "graph.ttl"
    with pytest.raises(AttributeError):  # an entity class the ontology does not have
        with GraphWriter(kg, path) as writer:
            kg.add_document(ResolvedDocument(Document("d", "x"), {"e0": Entity("e0", "Spaceship", "Enterprise")}, []))
            writer.document_added("d")
    assert not path.exists() and not any(tmp_path.rglob("*.tmp"))
