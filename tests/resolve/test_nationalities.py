"""A nationality that stands for its country (kgbuild.resolve.nationalities), end to end on sentences written here."""

from __future__ import annotations

from kgbuild import build_graph
from kgbuild.lexicon import demonyms


def test_every_country_name_is_unique_to_one_nationality_row() -> None:
    first_names = [names[0] for names in demonyms().values()]
    assert "Russia" in first_names
    assert all(names and all(n.strip() == n and n for n in names) for names in demonyms().values())


def test_the_title_nationality_is_the_country_the_article_names(nlp) -> None:
    kg = build_graph(["Russia moved troops to the border on Monday. Russian Defence Minister Sergei Shoigu "
                      "said the drill would last a week."], nlp=nlp)
    labels = {n: d["label"] for n, d in kg.graph.nodes(data=True)}
    assert sorted(label for label in labels.values() if label.startswith("Russia")) == ["Russia"]
    edges = {(labels[s], d["predicate"], labels[o]) for s, o, d in kg.graph.edges(data=True)}
    assert ("Sergei Shoigu", "kg:employer", "Russia") in edges, edges


def test_a_nationality_of_people_stays_a_group(nlp) -> None:
    kg = build_graph(["Clinton met Pakistani journalists in Islamabad."], nlp=nlp)
    types = {d["label"]: d["type"] for _, d in kg.graph.nodes(data=True)}
    assert "Pakistan" not in types


def test_a_nationality_before_a_job_is_no_employer(nlp) -> None:
    kg = build_graph(["Italian poet Marco Rossi wrote the ode."], nlp=nlp)
    labels = {n: d["label"] for n, d in kg.graph.nodes(data=True)}
    edges = {(labels[s], d["predicate"], labels[o]) for s, o, d in kg.graph.edges(data=True)}
    assert ("Marco Rossi", "kg:citizenship", "Italy") in edges, edges
    assert not any(p in ("work_for", "kg:employer") for _, p, _ in edges), edges
