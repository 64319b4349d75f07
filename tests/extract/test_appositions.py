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


def test_words_before_a_name_that_are_no_position(relations_of):
    for text in ("VIDEO Lewis Hamilton wins in Monaco.", "Postman Pat delivered the letters.",
                 "One witness Oscar Perez saw the crash."):
        _, rels = relations_of(text)
        assert not [r for r in rels if r.pattern == "title"], text
    _, rels = relations_of("Referee Gianluca Rocchi pointed to the spot.")
    assert ("Gianluca Rocchi", "hold_position", "Referee") in triples(rels)


def test_a_name_before_a_name_is_no_employer(relations_of):
    _, rels = relations_of("Archbishop John Sentamu backed the eggs.")
    assert not [r for r in rels if r.predicate == "work_for"]
    _, rels = relations_of("Pentagon spokesman Steve Warren spoke to reporters.")
    assert ("Steve Warren", "work_for", "Pentagon") in triples(rels)


def test_items_of_a_list_are_not_appositions(relations_of):
    _, rels = relations_of("Marathon Oil senior debt, United States Steel senior debt and USX preferred stock were cut.")
    assert not [r for r in rels if r.pattern == "apposition"]


def test_a_role_with_and_is_one_apposition_and_a_plural_title_is_shared(relations_of):
    _, rels = relations_of("Dent Thompson, vice president and chief operations officer at Phoenix Air, spoke.")
    assert [r for r in rels if r.pattern == "apposition"]
    _, rels = relations_of("Supreme Court Justices Sonia Sotomayor and Elena Kagan sat near the bench.")
    assert ("Sonia Sotomayor", "work_for", "Supreme Court") in triples(rels)


def test_an_office_of_a_place_before_a_name_is_the_office_of_that_place(relations_of):
    _, rels = relations_of("Archbishop of York Peter Andale led the service.")
    assert ("Peter Andale", "archbishop_of", "York") in triples(rels)
    _, rels = relations_of("Former Archbishop of Canterbury Roland Baines said he was saddened.")
    office = next(r for r in rels if r.predicate == "archbishop_of")
    assert (office.subject.text, office.relation_text, office.object.text) == (
        "Roland Baines", "is Former Archbishop of", "Canterbury")


def test_a_ministry_field_is_no_body_an_office_is_of(relations_of):
    _, rels = relations_of("Secretary of State Mary Tolland flew to Oslo.")
    assert not [r for r in rels if r.predicate.endswith("_of")]
