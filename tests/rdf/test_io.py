"""kgbuild.rdf: every format writes and parses back to the same graph."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

import kgbuild.rdf as rdfio
import kgbuild.rdf.write as rdfwrite
from kgbuild.errors import KgbuildError
from kgbuild.rdf.turtle import ntriples_to_turtle
from kgbuild.rdf.vocab import DOC, ENTITY, KG, NIF, REL, STATEMENT


def sample_quads(doc_ids=("haqqani", "briefing")) -> list[tuple]:
    """Quads shaped like docs/output-contract.md: entities in the default graph, one named graph per document.

    Each document says Clinton met Pakistani journalists in Islamabad, plus one
    negated statement; other test modules import this to get a contract graph.
    """
    clinton = ENTITY["person-hillary_clinton"]
    journalists = ENTITY["concept-pakistani_journalists"]
    islamabad = ENTITY["place-islamabad"]
    haqqani = ENTITY["organization-haqqani_network"]
    quads = [
        (REL.meet_with, RDF.type, OWL.ObjectProperty, None),
        (REL.meet_with, RDF.type, KG.RelationPredicate, None),
        (REL.meet_with, RDFS.subPropertyOf, KG.relatedTo, None),
        (REL.meet_with, RDFS.label, Literal("meet with"), None),
        (REL.support, RDF.type, OWL.ObjectProperty, None),
        (REL.support, RDF.type, KG.RelationPredicate, None),
        (REL.support, RDFS.subPropertyOf, KG.relatedTo, None),
        (REL.support, RDFS.label, Literal("support"), None),
    ]
    for iri, cls, label, alt, ner in (
        (clinton, KG.Person, "Hillary Clinton", "Clinton", "PERSON"),
        (journalists, KG.Concept, "Pakistani journalists", None, "NOUN_CHUNK"),
        (islamabad, KG.Place, "Islamabad", None, "GPE"),
        (haqqani, KG.Organization, "Haqqani network", "Haqqanis", "ORG"),
    ):
        quads += [
            (iri, RDF.type, cls, None),
            (iri, RDFS.label, Literal(label), None),
            (iri, KG.nerLabel, Literal(ner), None),
            (iri, KG.mentionCount, Literal(2 * len(doc_ids)), None),
        ]
        if alt:
            quads.append((iri, SKOS.altLabel, Literal(alt), None))
        quads += [(iri, KG.mentionedIn, DOC[d], None) for d in doc_ids]
    for d in doc_ids:
        g = DOC[d]
        text = f"Sec. of State Clinton met Pakistani journalists in Islamabad ({d})."
        quads += [
            (g, RDF.type, KG.Document, g),
            (g, KG.documentId, Literal(d), g),
            (g, DCTERMS.title, Literal(f"Report {d}"), g),
            (g, KG.source, Literal(f"examples/{d}.txt"), g),
            (g, KG.contentHash, Literal(hashlib.sha256(text.encode()).hexdigest()), g),
            (g, DCTERMS.date, Literal("2011-10-21", datatype=XSD.date), g),
            (clinton, REL.meet_with, journalists, g),
            (haqqani, REL.support, clinton, g),
        ]
        for k, (s, p, o, negated) in enumerate(((clinton, REL.meet_with, journalists, False), (haqqani, REL.support, clinton, True))):
            st = STATEMENT[hashlib.sha256(f"{d}|{k}".encode()).hexdigest()[:32]]
            quads += [
                (st, RDF.type, KG.Statement, g),
                (st, RDF.subject, s, g),
                (st, RDF.predicate, p, g),
                (st, RDF.object, o, g),
                (st, PROV.wasDerivedFrom, g, g),
                (st, KG.sentence, Literal(text), g),
                (st, NIF.beginIndex, Literal(10 * len(d)), g),
                (st, NIF.endIndex, Literal(10 * len(d) + len(text)), g),
                (st, KG.relationText, Literal("met"), g),
                (st, KG.subjectText, Literal("Sec. of State Clinton"), g),
                (st, KG.objectText, Literal("Pakistani journalists"), g),
                (st, KG.confidence, Literal(0.74), g),
                (st, KG.negated, Literal(negated), g),
                (st, KG.pattern, Literal("verb"), g),
            ]
        quads.append((st, KG.place, islamabad, g))
        quads.append((st, KG.normalizedTime, Literal("2011-10-20", datatype=XSD.date), g))
    return quads


def union_graph(quads):
    from rdflib import Graph

    g = Graph()
    for s, p, o, _ in quads:
        g.add((s, p, o))
    return g


@pytest.mark.parametrize("name", list(rdfio.FORMATS))
def test_every_format_parses_back_to_the_same_graph(tmp_path: Path, name: str) -> None:
    quads = sample_quads()
    info = rdfio.FORMATS[name]
    path = tmp_path / f"graph{info.extension}"
    written = rdfio.write_quads(quads, path)
    expected = union_graph(quads)
    back = rdfio.load_rdflib(path)
    got = union_graph([(s, p, o, None) for s, p, o, _ in back.quads((None, None, None, None))])
    assert isomorphic(got, expected)
    if info.quads:
        assert written == len(set(quads))
        # each document keeps its own named graph; entity descriptions stay in the default graph
        store = rdfio.load(path)
        graphs = {g.value for g in store.named_graphs()}
        assert graphs == {str(DOC.haqqani), str(DOC.briefing)}
        default = set(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        assert len(default) == sum(1 for q in quads if q[3] is None)
    else:
        assert written == len(expected)
    # the in-memory store agrees with rdflib on the size
    assert len(rdfio.load(path)) == (written if info.quads else len(expected))


def test_turtle_uses_our_prefixes_and_one_block_per_subject(tmp_path: Path) -> None:
    path = tmp_path / "g.ttl"
    rdfio.write_quads(sample_quads(), path)
    text = path.read_text()
    assert "@prefix kg: <https://w3id.org/kgbuild/ontology#>" in text
    assert "kg:Person" in text
    # a subject appears at the start of exactly one line: its triples are grouped
    assert sum(1 for line in text.splitlines() if line.startswith("ent:person-hillary_clinton ")) == 1


def test_jsonld_has_a_context_with_our_prefixes(tmp_path: Path) -> None:
    import json

    path = tmp_path / "g.jsonld"
    rdfio.write_quads(sample_quads(), path)
    data = json.loads(path.read_text())
    assert data["@context"]["kg"] == str(KG)
    assert any("kg:confidence" in node for node in data["@graph"])


def test_format_option_overrides_extension(tmp_path: Path) -> None:
    path = tmp_path / "g.out"
    rdfio.write_quads(sample_quads(), path, format="nq")
    assert len(rdfio.load(path, format="nquads")) == len(set(sample_quads()))


def test_unknown_format_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(KgbuildError, match="extension"):
        rdfio.write_quads(sample_quads(), tmp_path / "g.xyz")
    with pytest.raises(KgbuildError, match="unknown RDF format"):
        rdfio.write_quads(sample_quads(), tmp_path / "g.ttl", format="rdfxml")
    assert list(tmp_path.iterdir()) == []


def test_bad_term_leaves_no_file(tmp_path: Path) -> None:
    path = tmp_path / "g.ttl"
    with pytest.raises(KgbuildError):
        rdfio.write_quads(sample_quads() + [(URIRef("http://e/a"), URIRef("http://e/p"), object(), None)], path)
    assert not path.exists()


def test_parse_errors_name_the_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix e: <http://e/> .\ne:a e:b e:c .\ne:a e:b .\n")
    with pytest.raises(KgbuildError) as err:
        rdfio.load(bad)
    msg = str(err.value)
    assert msg.startswith(str(bad)) and "line 3" in msg and "\n" not in msg
    with pytest.raises(KgbuildError, match="line 3"):
        rdfio.load_rdflib(bad)
    with pytest.raises(KgbuildError, match="no such file"):
        rdfio.load(tmp_path / "missing.nq")
    with pytest.raises(KgbuildError, match="no such file"):
        rdfio.load_rdflib(tmp_path / "missing.nq")


def test_write_replaces_existing_file_atomically(tmp_path: Path) -> None:
    path = tmp_path / "g.nt"
    rdfio.write_quads(sample_quads(), path)
    before = path.read_bytes()
    n = rdfio.write_quads(sample_quads(doc_ids=("solo",)), path)
    assert path.read_bytes() != before
    assert len(rdfio.load(path)) == n
    assert [p.name for p in tmp_path.iterdir()] == ["g.nt"]  # no temp files left behind


@pytest.mark.parametrize("extension", [".ttl", ".nt", ".nq", ".trig"])
def test_big_graphs_stream_through_a_store_and_still_round_trip(tmp_path: Path, monkeypatch, extension) -> None:
    # chunks are normally a million quads; a small chunk takes the streaming path here
    monkeypatch.setattr(rdfwrite, "GROUPED_LIMIT", 5)
    quads = list(sample_quads())
    path = tmp_path / f"g{extension}"
    written = rdfio.write_quads(quads, path)
    info = rdfio.format_for(path)
    expected = {(s, p, o, g if info.quads else None) for s, p, o, g in quads}
    assert written == len(expected)
    loaded = rdfio.load_rdflib(path)
    got = {(s, p, o) for s, p, o, _ in loaded.quads()}
    assert got == {(s, p, o) for s, p, o, _ in expected}


@pytest.mark.parametrize("extension", [".ttl", ".nt", ".nq", ".trig"])
def test_distinct_quads_stream_chunk_by_chunk_and_round_trip(nlp, tmp_path: Path, monkeypatch, extension) -> None:
    from kgbuild import build_graph
    from kgbuild.rdf.export import iter_ntriples, to_rdflib

    kg = build_graph(["Hillary Clinton met Pakistani journalists in Islamabad. She said they talked.",
                      "Clinton met the ISI chief on Friday."], nlp=nlp)
    monkeypatch.setattr(rdfwrite, "CHUNK", 7)
    path = tmp_path / f"g{extension}"
    written = rdfio.write_ntriples(iter_ntriples(kg, union=not rdfio.format_for(path).quads), path, distinct=True)
    assert written == len(rdfio.load(path))
    union = rdflib.Graph()
    for s, p, o, _ in rdfio.load_rdflib(path).quads():
        union.add((s, p, o))
    assert rdflib.compare.isomorphic(union, to_rdflib(kg))
    if extension == ".ttl":
        assert path.read_text().count("@prefix kg:") == 1  # the prefixes once, at the top


@pytest.mark.parametrize("extension", [".ttl", ".nt", ".nq", ".trig", ".jsonld"])
def test_a_malformed_term_is_an_error_and_leaves_no_file(tmp_path: Path, extension) -> None:
    good = ("<http://e/a>", "<http://e/p>", '"x"', None)
    bad = ("<http://e/a b>", "<http://e/p>", '"y"', None)  # a space inside an IRI
    path = tmp_path / f"g{extension}"
    with pytest.raises(KgbuildError, match="cannot write RDF"):
        rdfio.write_ntriples([good, bad], path)
    assert list(tmp_path.iterdir()) == []


def _odd_quads() -> list[tuple]:
    """N-Triples quads with every shape of term the Turtle writer has to print as oxigraph does."""
    e, p, xsd = "<http://e/{}>", "<https://w3id.org/kgbuild/ontology#{}>", "<http://www.w3.org/2001/XMLSchema#{}>"
    a, b, g = e.format("a"), "_:b1", "<https://w3id.org/kgbuild/doc/d>"
    objects = [
        '"plain"', '""', '"say \\"hi\\"\\n\\r back\\\\slash"', '"tab\there"', '"\\t\\u0041\\U0001F600"',
        '"\x01\x7f\ufffe\uffff"', '"é ü 中 \U0001F600 \u2028"', '"x"@en', '"x"@en-GB',
        '"1"^^' + xsd.format("integer"), '"+01"^^' + xsd.format("integer"), '"0.5"^^' + xsd.format("double"),
        '"1e5"^^' + xsd.format("double"), '"1.50"^^' + xsd.format("decimal"), '"true"^^' + xsd.format("boolean"),
        '"yes"^^' + xsd.format("boolean"), '"2011-10"^^' + xsd.format("gYearMonth"), '"x"^^<http://e/type>',
        e.format("b"), e.format("c."), e.format("a/b"), e.format("~x%20y"), b, "<https://w3id.org/kgbuild/entity/>",
        "<https://w3id.org/kgbuild/entity/person-o%27neil>", "<https://w3id.org/kgbuild/entity/a.b>",
    ]
    quads = [(a, p.format("x"), o, None) for o in objects]
    quads += [(a, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", p.format("Thing"), g), (b, p.format("x"), a, g)]
    quads += [(e.format("z"), p.format("y"), o, g) for o in objects[:3]] + [(a, p.format("y"), '"again"', None)]
    # a duplicate, and a predicate seen before
    quads += [(a, p.format("x"), '"plain"', g), (a, p.format("x"), '"later"', None)]
    return quads


def _write_both(quads, tmp_path: Path, monkeypatch) -> tuple[object, object]:
    """What ``write_ntriples`` makes of ``quads`` as Turtle with the fast path, and with oxigraph alone."""
    results = []
    for name in ("fast", "oxigraph"):
        if name == "oxigraph":
            monkeypatch.setattr(rdfwrite, "ntriples_to_turtle", lambda quads: None)
        path = tmp_path / name / "g.ttl"
        try:
            count = rdfio.write_ntriples(quads, path, distinct=True)
            results.append((count, path.read_bytes()))
        except Exception as exc:  # the same error (a lone surrogate is not even a KgbuildError), no file either way
            results.append((type(exc), str(exc), path.parent.exists() and list(path.parent.iterdir())))
    return results[0], results[1]


@pytest.mark.parametrize("chunk", [rdfwrite.CHUNK, 7])
def test_turtle_is_byte_for_byte_what_oxigraph_writes(tmp_path: Path, monkeypatch, chunk) -> None:
    quads = _odd_quads()
    assert ntriples_to_turtle(quads) is not None  # these take the fast path
    monkeypatch.setattr(rdfwrite, "CHUNK", chunk)
    fast, oxigraph = _write_both(quads, tmp_path, monkeypatch)
    assert fast == oxigraph


@pytest.mark.parametrize("quad", [
    ('"x"', "<http://e/p>", "<http://e/o>", None),  # a literal subject
    ("<http://e/s>", "_:p", "<http://e/o>", None),  # a blank node predicate
    ("<http://e/s>", "<http://e/p>", "<http://e/o> . # more", None),  # more than a term
    ("<http://e/s>", "<http://e/p>", '"bad \\q escape"', None),
    ("<http://e/s>", "<http://e/p>", '"x"@1-', None),
    ("<http://e/s>", "<http://e/p>", "<relative>", None),
    ("<http://e/s>", "<http://e/p>", '"x"^^<http://www.w3.org/2001/XMLSchema#string>', None),  # "x" spelt two ways
    ("<http://e/s>", "<http://e/p>", '"\\u0078"', None),
    ("<http://e/s>", "<http://e/p\\u0061>", '"y"', None),
    ("<http://e/s>", "<http://www.w3.org/1999/02/22-rdf-syntax-ns#\\u0074ype>", '"y"', None),
    ("<urn:kgbuild:a>", "<urn:kgbuild:p>", "<urn:kgbuild:b>", None),  # the terms kgbuild.rdf.terms checks terms with
    ("<http://e/s>", "<http://e/p>", '"\ud800"', None),  # a lone surrogate
])
def test_odd_or_malformed_terms_fare_as_with_oxigraph_alone(tmp_path: Path, monkeypatch, quad) -> None:
    quads = [("<http://e/s>", "<http://e/p>", '"x"', None), quad, ("<http://e/s>", "<http://e/p>", '"z"', None)]
    fast, oxigraph = _write_both(quads, tmp_path, monkeypatch)
    assert fast == oxigraph


def test_plain_literals_oxigraph_prints_as_they_are() -> None:
    from kgbuild.rdf.turtle import _VERBATIM

    # every code point the shortcut lets through, in one literal: oxigraph must print it unchanged
    chars = [chr(c) for c in range(0x110000)]
    through = "".join(c for c in chars if _VERBATIM.fullmatch(f'"{c}"'))
    line = f'<http://e/s> <http://e/p> "{through}" .\n'
    assert ox.serialize(ox.parse(line, format=ox.RdfFormat.N_TRIPLES), None, ox.RdfFormat.TURTLE).decode() == line
    # and every one it keeps out (but those a literal cannot hold bare) is one oxigraph escapes
    for c in chars:
        if not _VERBATIM.fullmatch(f'"{c}"') and c not in '"\\\n\r' and not "\ud800" <= c <= "\udfff":
            line = f'<http://e/s> <http://e/p> "{c}" .\n'
            printed = ox.serialize(ox.parse(line, format=ox.RdfFormat.N_TRIPLES), None, ox.RdfFormat.TURTLE)
            assert printed.decode() != line


def test_a_built_graph_is_byte_for_byte_what_oxigraph_writes(nlp, tmp_path: Path, monkeypatch) -> None:
    from kgbuild import build_graph
    from kgbuild.rdf.export import iter_ntriples

    kg = build_graph(['Hillary Clinton met "Pakistani" journalists\tin Islamabad\\Rawalpindi on Friday. They talked.',
                      "Clinton met the ISI chief 😀 on 5 March 2015.\nO'Neil\u2028 agreed."], nlp=nlp)
    quads = list(iter_ntriples(kg, union=True))
    assert ntriples_to_turtle(quads) is not None
    fast, oxigraph = _write_both(quads, tmp_path, monkeypatch)
    assert fast == oxigraph
