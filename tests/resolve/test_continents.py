"""A country's continent from a continent the text names (kgbuild.resolve.continents)."""

from kgbuild import build_graph
from kgbuild.records import Document


def _edges(nlp, text):
    kg = build_graph([Document("d", text)], nlp=nlp)
    labels = {n: d["label"] for n, d in kg.graph.nodes(data=True)}
    return {(labels[s], d["predicate"], labels[o]) for s, o, d in kg.graph.edges(data=True)}


def test_an_introduction_gives_its_countries_their_continent(nlp):
    found = _edges(nlp, "Narva is a town in Estonia. Estonia and Turkey both trade with Europe and Asia.")
    assert {("Estonia", "kg:continent", "Europe"), ("Turkey", "kg:continent", "Europe"),
            ("Turkey", "kg:continent", "Asia")} <= found
    assert ("Estonia", "kg:continent", "Asia") not in found
    assert not any(p == "kg:continent" and s == "Narva" for s, p, _ in found)  # a town is not given one


def test_news_gets_no_continent_it_does_not_state(nlp):
    found = _edges(nlp, "Police in Estonia arrested two men on Monday. Officials across Europe praised the raid.")
    assert not any(p == "kg:continent" for _, p, _ in found)
