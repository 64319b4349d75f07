"""Roles and titles: appositions and titles before names."""

from tests.conftest import triples


def test_apposition_gives_is_a_and_the_role(relations_of):
    _, rels = relations_of("Jeremy Clarkson, the host of Top Gear, was suspended.")
    found = triples(rels)
    assert ("Jeremy Clarkson", "be", "the host of Top Gear") in found
    assert ("Jeremy Clarkson", "host_of", "Top Gear") in found


def test_title_before_a_name_gives_position_and_employer(relations_of):
    _, rels = relations_of("U.S. Secretary of State Hillary Clinton arrived in Islamabad.")
    titles = [r for r in rels if r.pattern == "title"]
    assert any(r.predicate == "hold_position" and "Secretary of State" in r.object.text for r in titles)
    assert any(r.predicate == "work_for" and r.object.text == "U.S." for r in titles)


def test_two_place_names_in_apposition_are_not_a_role(relations_of):
    _, rels = relations_of("Dushanbe, Tajikistan is cold in winter.")
    assert not [r for r in rels if r.pattern == "apposition_prep"]


def test_a_name_in_apposition_to_a_common_noun_is_what_open_ie_describes(relations_of):
    _, rels = relations_of("The gardener, Margaret Oduya, planted the roses.")
    app = next(r for r in rels if r.pattern == "apposition")
    assert [a.text for a in app.arguments] == ["Margaret Oduya", "The gardener"]
    assert (app.subject.text, app.object.text) == ("The gardener", "Margaret Oduya")  # graph view as before
