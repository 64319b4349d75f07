"""Typed edges in RDF: a direct triple under the typed property and a kg:Statement with the words;
the property declared with its Wikidata and schema.org equivalents; the example queries over them;
the output conforms to the shapes."""

from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
import rdflib
from rdflib.namespace import OWL, RDF

import kgbuild.rdf as rdfio
from kgbuild import Document, build_graph
from kgbuild.rdf.export import iter_quads
from kgbuild.rdf.vocab import KG, SCHEMA, TYPED, WDT
from kgbuild.sparql.query import run_query

REPO = Path(__file__).resolve().parents[2]
TEXTS = [
    Document("a", "John Smith works for Google. The talks were held in Dushanbe, Tajikistan."),
    Document("b", "Zaki-ur-Rehman Lakhvi, a top leader of Lashkar-e-Taiba, was freed by Pakistan's highest court."),
]


@pytest.fixture(scope="module")
def graph_file(nlp, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("typed") / "graph.ttl"
    rdfio.write_quads(list(iter_quads(build_graph(TEXTS, nlp=nlp))), path)
    return path


def test_typed_edge_is_a_triple_and_a_statement_with_its_words(graph_file: Path) -> None:
    g = rdflib.Graph().parse(graph_file)
    employer = TYPED.employer
    (s, o), = [(s, o) for s, o in g.subject_objects(employer)]
    st = next(g.subjects(RDF.predicate, employer))
    assert (st, RDF.subject, s) in g and (st, RDF.object, o) in g
    assert str(g.value(st, KG.relationText)) == "works for"
    assert (employer, OWL.equivalentProperty, WDT.P108) in g and (employer, OWL.equivalentProperty, SCHEMA.worksFor) in g
    # the possessive gives no "have" edge
    assert not any(str(p).endswith("/rel/have") for p in g.predicates())


def test_example_queries_over_typed_properties(graph_file: Path) -> None:
    def rows(name: str) -> set[tuple[str, ...]]:
        result = run_query(graph_file, (REPO / "examples" / "queries" / name).read_text())
        return {tuple(cell.value for cell in row[:2]) for row in result.rows}

    assert rows("employers.rq") == {("John Smith", "Google")}
    assert rows("members.rq") == {("Lashkar-e-Taiba", "Zaki-ur-Rehman Lakhvi")}
    assert ("Tajikistan", "Dushanbe") in rows("places_in_country.rq")


def test_wdt_and_schema_are_predeclared(graph_file: Path) -> None:
    assert run_query(graph_file, "ASK { kg:employer owl:equivalentProperty wdt:P108, schema:worksFor }").boolean


def test_typed_output_conforms_to_the_shapes(graph_file: Path) -> None:
    shapes = rdflib.Graph().parse(REPO / "ontologies" / "shapes.ttl")
    conforms, _, text = pyshacl.validate(rdflib.Graph().parse(graph_file), shacl_graph=shapes, advanced=True)
    assert conforms, text


def test_every_typed_property_is_declared_in_the_ontology() -> None:
    from kgbuild.extract.properties import PROPERTIES

    ontology = rdflib.Graph().parse(REPO / "ontologies" / "kgbuild.ttl")
    for key, prop in PROPERTIES.items():
        iri = TYPED[key]
        assert (iri, RDF.type, KG.TypedProperty) in ontology, key
        assert str(ontology.value(iri, rdflib.RDFS.label)) == prop.label
        assert (ontology.value(iri, rdflib.RDFS.domain) is not None and ontology.value(iri, rdflib.RDFS.range) is not None)
        if prop.wikidata:
            assert (iri, OWL.equivalentProperty, WDT[prop.wikidata]) in ontology, key
        if prop.schema:
            assert (iri, OWL.equivalentProperty, SCHEMA[prop.schema]) in ontology, key
