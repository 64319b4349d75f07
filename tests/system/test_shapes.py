"""ontologies/shapes.ttl: graphs from the real pipeline conform; broken graphs do not; nothing goes undeclared."""

from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

import kgbuild.rdf as rdfio
from kgbuild import Document, build_graph
from kgbuild.rdf.export import iter_quads
from kgbuild.rdf.vocab import ENTITY, KG, NIF, REL
from tests.rdf.test_io import sample_quads

REPO = Path(__file__).resolve().parents[2]
SHAPES = rdflib.Graph().parse(REPO / "ontologies" / "shapes.ttl")
ONTOLOGY = rdflib.Graph().parse(REPO / "ontologies" / "kgbuild.ttl")
TEXTS = [
    Document("clinton", "Hillary Clinton met Pakistani journalists in Islamabad on Thursday. "
             "The Haqqani network did not attack the embassy, a U.S. official said."),
    Document("kabul", "Secretary Clinton may visit Kabul next week. Clinton praised the Afghan army."),
]


@pytest.fixture(scope="module")
def built_quads(nlp) -> list[tuple]:
    return list(iter_quads(build_graph(TEXTS, nlp=nlp)))


def union(quads) -> rdflib.Graph:
    g = rdflib.Graph()
    for s, p, o, _ in quads:
        g.add((s, p, o))
    return g


def validate(graph: rdflib.Graph) -> tuple[bool, str]:
    conforms, _, text = pyshacl.validate(graph, shacl_graph=SHAPES, advanced=True)
    return conforms, text


def test_pipeline_output_conforms(built_quads, tmp_path: Path) -> None:
    assert any(p == KG.confidence for _, p, _, _ in built_quads)  # the build did extract relations
    # validate what is written to disk and read back, not just the in-memory quads
    path = tmp_path / "graph.trig"
    rdfio.write_quads(built_quads, path)
    ds = rdfio.load_rdflib(path)
    conforms, text = validate(union(ds.quads((None, None, None, None))))
    assert conforms, text


def test_contract_sample_conforms() -> None:
    conforms, text = validate(union(sample_quads()))
    assert conforms, text


CLINTON = ENTITY["person-hillary_clinton"]


def _statement(graph: rdflib.Graph) -> URIRef:
    return next(iter(graph.subjects(RDF.type, KG.Statement)))


def _broken(name: str, graph: rdflib.Graph) -> None:
    st = _statement(graph)
    if name == "two labels":
        graph.add((CLINTON, RDFS.label, Literal("Hillary Rodham Clinton")))
    elif name == "no label":
        graph.remove((CLINTON, RDFS.label, None))
    elif name == "foreign type":
        graph.remove((CLINTON, RDF.type, None))
        graph.add((CLINTON, RDF.type, URIRef("http://example.org/Celebrity")))
    elif name == "confidence above 1":
        graph.set((st, KG.confidence, Literal(1.5)))
    elif name == "confidence not a double":
        graph.set((st, KG.confidence, Literal("0.5")))
    elif name == "negated not boolean":
        graph.set((st, KG.negated, Literal("no")))
    elif name == "no provenance":
        graph.remove((st, PROV.wasDerivedFrom, None))
    elif name == "provenance not a document":
        graph.set((st, PROV.wasDerivedFrom, CLINTON))
    elif name == "offsets reversed":
        graph.set((st, NIF.beginIndex, Literal(500)))
    elif name == "offset not an integer":
        graph.set((st, NIF.endIndex, Literal("end")))
    elif name == "unknown statement property":
        graph.add((st, KG.mentionCount, Literal(3)))
    elif name == "two subjects":
        graph.add((st, RDF.subject, ENTITY["place-islamabad"]))
    elif name == "relation without statement":
        graph.add((ENTITY["place-islamabad"], REL.meet_with, CLINTON))
    elif name == "undeclared rel predicate":
        graph.add((CLINTON, REL.invented, ENTITY["place-islamabad"]))
    elif name == "bad content hash":
        doc = next(iter(graph.subjects(RDF.type, KG.Document)))
        graph.set((doc, KG.contentHash, Literal("abc")))
    elif name == "mention count zero":
        graph.set((CLINTON, KG.mentionCount, Literal(0)))
    else:
        raise AssertionError(name)


@pytest.mark.parametrize(
    "name",
    ["two labels", "no label", "foreign type", "confidence above 1", "confidence not a double", "negated not boolean",
     "no provenance", "provenance not a document", "offsets reversed", "offset not an integer",
     "unknown statement property", "two subjects", "relation without statement", "undeclared rel predicate",
     "bad content hash", "mention count zero"],
)
def test_broken_graphs_fail(name: str) -> None:
    graph = union(sample_quads())
    _broken(name, graph)
    conforms, text = validate(graph)
    assert not conforms, name


# --------------------------------------------------------------- declarations

STANDARD = (RDF, RDFS, OWL, SKOS, PROV, DCTERMS, XSD)
NIF_TERMS = {NIF.beginIndex, NIF.endIndex, NIF.anchorOf}


def undeclared_terms(graph: rdflib.Graph) -> set[URIRef]:
    """Classes, properties and datatypes used in ``graph`` that nothing declares."""
    declared = {s for s in ONTOLOGY.subjects(RDF.type, None) if isinstance(s, URIRef)}
    minted = {p for p in graph.subjects(RDFS.subPropertyOf, KG.relatedTo) if (p, RDF.type, KG.RelationPredicate) in graph}
    used = set(graph.predicates()) | set(graph.objects(None, RDF.type))
    used |= {o.datatype for o in graph.objects() if isinstance(o, Literal) and o.datatype is not None}

    def known(term: URIRef) -> bool:
        if term in declared or term in NIF_TERMS:
            return True
        if str(term).startswith(str(REL)):
            return term in minted
        return any(str(term).startswith(str(ns)) and term in ns for ns in STANDARD)

    return {t for t in used if not known(t)}


def test_nothing_in_an_output_graph_goes_undeclared(built_quads) -> None:
    assert undeclared_terms(union(built_quads)) == set()
    assert undeclared_terms(union(sample_quads())) == set()


def test_undeclared_terms_are_caught() -> None:
    graph = union(sample_quads())
    nickname = URIRef(str(KG) + "nickname")  # not in the ontology (KG itself refuses the name)
    made_up = URIRef(str(SKOS) + "madeUpLabel")  # not in SKOS
    graph.add((CLINTON, nickname, Literal("HRC")))
    graph.add((CLINTON, REL.invented, CLINTON))  # minted but not declared
    graph.add((CLINTON, made_up, Literal("x")))
    assert undeclared_terms(graph) == {nickname, REL.invented, made_up}


@pytest.mark.parametrize("name", ["anchor of another length", "two entities", "no context", "context without id"])
def test_broken_mentions_fail(built_quads, name: str) -> None:
    from kgbuild.rdf.vocab import ITSRDF

    graph = union(built_quads)
    phrase = next(graph.subjects(RDF.type, NIF.Phrase))
    if name == "anchor of another length":
        graph.set((phrase, NIF.anchorOf, Literal(str(graph.value(phrase, NIF.anchorOf)) + "x")))
    elif name == "two entities":
        graph.add((phrase, ITSRDF.taIdentRef, next(o for o in graph.objects(None, ITSRDF.taIdentRef)
                                                    if o != graph.value(phrase, ITSRDF.taIdentRef))))
    elif name == "no context":
        graph.remove((phrase, NIF.referenceContext, None))
    else:
        graph.remove((graph.value(phrase, NIF.referenceContext), KG.documentId, None))
    assert validate(union(built_quads))[0]
    conforms, _ = validate(graph)
    assert not conforms, name
