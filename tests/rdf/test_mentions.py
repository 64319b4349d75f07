"""NIF 2.0 mentions: every mention of every kept entity is a nif:Phrase whose anchor is the text at its offsets."""

from __future__ import annotations

import json

import rdflib
from rdflib.namespace import RDF, RDFS

from kgbuild import Document, build_graph
from kgbuild.cli import main
from kgbuild.config import BuildConfig
from kgbuild.rdf.export import to_rdflib
from kgbuild.rdf.vocab import ITSRDF, KG, NIF

TEXT = ("Hillary Clinton met Pakistani journalists in Islamabad. Clinton said she was happy with the talks. "
        "The Pakistani government welcomed her visit.")


def phrases(g: rdflib.Graph) -> list[dict]:
    found = []
    for m in g.subjects(RDF.type, NIF.Phrase):
        context = g.value(m, NIF.referenceContext)
        found.append({"begin": int(g.value(m, NIF.beginIndex)), "end": int(g.value(m, NIF.endIndex)),
                      "anchor": str(g.value(m, NIF.anchorOf)), "entity": g.value(m, ITSRDF.taIdentRef),
                      "document": str(g.value(context, KG.documentId)), "context": context, "iri": str(m)})
    return found


def test_every_mention_is_a_phrase_of_its_entity(nlp):
    g = to_rdflib(build_graph([Document("talks", TEXT)], nlp=nlp))
    found = phrases(g)
    assert found and all(TEXT[p["begin"]:p["end"]] == p["anchor"] for p in found)
    assert all(p["document"] == "talks" and (p["context"], RDF.type, NIF.Context) in g for p in found)
    assert all(p["iri"].endswith(f"#char={p['begin']},{p['end']}") for p in found)
    clinton = next(s for s, o in g.subject_objects(RDFS.label) if str(o) == "Hillary Clinton")
    anchors = sorted(p["anchor"] for p in found if p["entity"] == clinton)
    assert anchors[:2] == ["Clinton", "Hillary Clinton"]  # names, and her resolved pronouns after
    assert set(anchors[2:]) <= {"she", "her"}
    # every phrase names an entity the graph describes
    assert all((p["entity"], RDFS.label, None) in g for p in found)


def test_offsets_of_a_text_cut_into_parts_are_into_the_whole_text(nlp):
    text = " ".join([TEXT] * 6)
    kg = build_graph([Document("long", text)], nlp=nlp, config=BuildConfig(max_chars=300))
    assert len(kg.documents) > 2  # long#part1, long#part2...
    found = phrases(to_rdflib(kg))
    assert max(p["begin"] for p in found) > 300
    assert all(text[p["begin"]:p["end"]] == p["anchor"] for p in found)
    assert {p["document"] for p in found} == {"long"}  # the context is the whole text, by its own id


def test_no_mentions_leaves_the_phrases_out(nlp):
    kg = build_graph([Document("talks", TEXT)], nlp=nlp, config=BuildConfig(mentions=False))
    g = to_rdflib(kg)
    assert not list(g.subjects(RDF.type, NIF.Phrase)) and list(g.subjects(RDF.type, KG.Statement))


def built_with(tmp_path, text: str, flag: str) -> rdflib.Graph:
    """The graph ``kgbuild build`` writes for one JSONL document with ``flag``, parsed back."""
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "text": text}) + "\n", encoding="utf-8")
    out = tmp_path / flag.strip("-")
    assert main(["build", str(source), "-o", str(out), "--no-html", flag]) == 0
    return rdflib.Graph().parse(out / "graph.ttl")


def test_build_mentions_option(tmp_path):
    counts = {}
    for flag in ("--mentions", "--no-mentions"):
        counts[flag] = len(list(built_with(tmp_path, TEXT, flag).subjects(RDF.type, NIF.Phrase)))
    assert counts["--mentions"] > 0 and counts["--no-mentions"] == 0


def test_nested_mentions_option_adds_the_names_inside_names(tmp_path):
    text = "He studied at the University of Kentucky before joining the Royal Bank of Canada."
    anchors = {}
    for flag in ("--nested-mentions", "--no-nested-mentions"):
        found = phrases(built_with(tmp_path, text, flag))
        assert all(text[p["begin"]:p["end"]] == p["anchor"] for p in found)
        anchors[flag] = sorted(p["anchor"] for p in found)
    assert set(anchors["--nested-mentions"]) - set(anchors["--no-nested-mentions"]) == {"Kentucky", "Canada"}
