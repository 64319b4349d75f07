"""A party's word before a politician's title: membership of the party (kgbuild.resolve.parties), end to end on
sentences written for this test."""

import pytest

from kgbuild import build_graph
from kgbuild.pipeline.stream import make_pipeline


def _edges(nlp, text):
    kg = build_graph([text], nlp=nlp)
    labels = {n: d["label"] for n, d in kg.graph.nodes(data=True)}
    return {(labels[s], d["predicate"], labels[o]) for s, o, d in kg.graph.edges(data=True)}


@pytest.mark.parametrize(("text", "person", "party"), [
    ("Republican Senator Tom Harlow criticised the plan on Monday.", "Tom Harlow", "Republican Party"),
    ("Tory MP Peter Lambeth called for an inquiry into the sale.", "Peter Lambeth", "Conservative Party"),
    ("Conservative co-chairman Alan Fenwick said the figures did not add up.", "Alan Fenwick", "Conservative Party"),
])
def test_a_party_word_in_a_title_is_membership_of_the_party(text, person, party):
    edges = _edges(make_pipeline(), text)
    assert (person, "kg:memberOfParty", party) in edges
    assert not any(p == "work_for" for _, p, _ in edges)  # a party is no employer


def test_a_nationality_in_a_title_is_no_party():
    edges = _edges(make_pipeline(), "French President Jacques Marlot visited Berlin.")
    assert not any(p == "kg:memberOfParty" for _, p, _ in edges)
